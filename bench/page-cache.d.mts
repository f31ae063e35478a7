/** Reads every byte of `path` into the page cache, untimed (see page-cache.mjs). */
export function intoPageCache(path: string): void;
