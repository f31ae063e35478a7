/**
 * Time-zone arithmetic the harness needs to be faithful about dates: a date cell in a spreadsheet
 * whose zone is Asia/Shanghai is midnight *Shanghai* time, which is 16:00 UTC the day before.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
const midnights = new Map<string, number>();

function parts(ms: number, tz: string): Record<string, number> {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of `tz` from UTC at instant `ms`, in ms. */
export function zoneOffset(ms: number, tz: string): number {
  const p = parts(ms, tz);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of local midnight of `YYYY-MM-DD` in `tz` (what getValues gives for a date cell). */
export function zonedMidnight(iso: string, tz: string): number {
  const k = `${tz} ${iso}`;
  const hit = midnights.get(k);
  if (hit !== undefined) return hit;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let ms = guess - zoneOffset(guess, tz);
  ms = guess - zoneOffset(ms, tz);
  midnights.set(k, ms);
  return ms;
}

/** Utilities.formatDate's SimpleDateFormat subset: yyyy, yy, MM, M, dd, d, HH, mm, ss. */
export function formatInZone(ms: number, tz: string, pattern: string): string {
  const p = parts(ms, tz);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return pattern.replace(/yyyy|yy|MM|M|dd|d|HH|mm|ss|'[^']*'/g, (tok) => {
    switch (tok) {
      case 'yyyy':
        return String(p.year);
      case 'yy':
        return pad(p.year! % 100);
      case 'MM':
        return pad(p.month!);
      case 'M':
        return String(p.month);
      case 'dd':
        return pad(p.day!);
      case 'd':
        return String(p.day);
      case 'HH':
        return pad(p.hour!);
      case 'mm':
        return pad(p.minute!);
      case 'ss':
        return pad(p.second!);
      default:
        return tok.slice(1, -1);
    }
  });
}
