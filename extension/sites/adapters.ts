/** Every site adapter: the registry the manifest, the permission lists and the options page use. */
import type { SiteAdapter } from './site-adapter';
import { REQUIRED_SITES } from './required-sites';
import { OPTIONAL_SITES, generic } from './optional-sites';

export const ADAPTERS: readonly SiteAdapter[] = [...REQUIRED_SITES, ...OPTIONAL_SITES, generic];
