/**
 * A local web server standing in for the sites Rapport reads: `/<prefix>/...` serves the page given
 * for that prefix — `/gmail/...` a Gmail-like page, `/outlook/...` an Outlook-like one (test and demo
 * builds map these paths to the real sites' adapters), `/crm/...` an in-house CRM record page (read
 * by the generic adapter once the site is switched on). Listens on 127.0.0.1, on a free port; the
 * same server is reached as `localhost` for the CRM.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  origin: string;
  /** The same server as `http://localhost:PORT` (a different origin, for the in-house CRM). */
  localhostOrigin: string;
  close(): Promise<void>;
}

/** Each page function receives the request's path and query; keyed by the path's first segment. */
export async function startFixtureServer(pages: Record<string, ((url: string) => string) | undefined>): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const prefix = /^\/([a-z0-9-]+)\//.exec(url.split('?')[0]!)?.[1];
    const page = prefix ? pages[prefix] : undefined;
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page(url));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    localhostOrigin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
