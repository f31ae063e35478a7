/**
 * A local web server standing in for a mail site: `/gmail/...` serves a Gmail-like page and
 * `/outlook/...` an Outlook-like one (test and demo builds map these paths to the real sites'
 * adapters). Listens on 127.0.0.1, on a free port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

/** Each page function receives the request's path and query. */
export async function startFixtureServer(pages: { gmail?: (url: string) => string; outlook?: (url: string) => string }): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0]!;
    const page = path.startsWith('/gmail/') ? pages.gmail : path.startsWith('/outlook/') ? pages.outlook : undefined;
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
