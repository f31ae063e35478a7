/**
 * When a site's markup changes and a selector stops matching, the adapter returns null and says
 * which step failed — it never throws into the page.
 */
export function logMiss(site: string, step: string): null {
  console.debug(`[rapport] ${site}: ${step}`);
  return null;
}
