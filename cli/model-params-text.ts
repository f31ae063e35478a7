/**
 * A fitted purchase model's parameters in one line, as the CLI prints them: r, α, a and b (Fader,
 * Hardie & Lee 2005) — or, for a fit in the limit of one drop-out chance for every customer, r, α
 * and that chance p = a/(a+b), since a and b there only stand for a → ∞, b → ∞; for a fit in the
 * limit where nobody drops out, r and α with that said; in the limit where each customer's chance is 0
 * or 1, r, α and the share π = a/(a+b) who drop out at their first chance.
 */
import type { FittedParams } from '../shared/model/choose-model';
import type { Lang } from '../shared/types';

const SAME = {
  en: (p: string) => `drop-out p = ${p}% for every customer (a, b → ∞)`,
  zh: (p: string) => `流失概率 p = ${p}% (所有客户相同, a、b → ∞)`,
};

const NONE = {
  en: 'no customer drops out (a → 0; b has no effect)',
  zh: '没有客户流失 (a → 0, b 不起作用)',
};

const SPLIT = {
  en: (p: string) => `${p}% of customers drop out at their first chance, the rest never (a, b → 0)`,
  zh: (p: string) => `${p}% 的客户在第一次机会就流失, 其余永不流失 (a、b → 0)`,
};

/** "r = …  α = …  a = …  b = …", five significant digits (the parameters range from 1e−8 to 1e5). */
export function modelParamsText(p: FittedParams, lang: Lang): string {
  const head = `r = ${sig(p.r)}  α = ${sig(p.alpha)}`;
  if (p.noDropout) return `${head}  ${NONE[lang]}`;
  if (p.twoPoint) return `${head}  ${SPLIT[lang](sig((100 * p.a) / (p.a + p.b)))}`;
  if (p.sameDropout) return `${head}  ${SAME[lang](sig((100 * p.a) / (p.a + p.b)))}`;
  return `${head}  a = ${sig(p.a)}  b = ${sig(p.b)}`;
}

function sig(v: number): string {
  return Number(v.toPrecision(5)).toString();
}
