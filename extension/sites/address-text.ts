/**
 * Reading e-mail addresses out of the text mail sites show: `Name <address>`, a bare address, or a
 * `mailto:` link. Addresses are compared lower-cased.
 */
const ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The first e-mail address in a text, lower-cased, or null. */
export function findAddress(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = ADDRESS.exec(text);
  return m ? m[0].toLowerCase() : null;
}

/** `Name <address>` → { name, email }; a bare address → { email }; otherwise null. */
export function parseNameAddress(text: string | null | undefined): { email: string; name?: string } | null {
  if (!text) return null;
  const angle = /^\s*"?([^"<]*?)"?\s*<\s*([^>\s]+@[^>\s]+)\s*>\s*$/.exec(text);
  if (angle) {
    const email = findAddress(angle[2]);
    if (!email) return null;
    const name = angle[1]!.trim();
    return name ? { email, name } : { email };
  }
  const email = findAddress(text);
  return email ? { email } : null;
}

/** The address of a `mailto:` href (without query), lower-cased, or null. */
export function mailtoAddress(href: string | null | undefined): string | null {
  if (!href?.toLowerCase().startsWith('mailto:')) return null;
  return findAddress(decodeURIComponent(href.slice(7).split('?')[0] ?? ''));
}
