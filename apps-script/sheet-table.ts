/**
 * Turn Sheets' getValues() into the table the core reads. Date cells become `YYYY-MM-DD` in the
 * *spreadsheet's* time zone: Sheets hands over a Date at midnight in that zone, and an add-on's
 * script runs in its own zone, so the calendar date must be read in the sheet's zone, not the
 * script's (a date in an Asia/Shanghai sheet is 16:00 the day before in UTC).
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Offset of a zone from UTC at an instant, in ms, cached per hour (changes only at DST). */
export function zoneOffsetReader(timeZone: string): (ms: number) => number {
  const cache = new Map<number, number>();
  let fmt: Intl.DateTimeFormat | null = null;
  try {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    // use Intl only when it really knows the zone (a runtime without time-zone data would not)
    if (f.resolvedOptions().timeZone.toLowerCase() === timeZone.toLowerCase() && f.formatToParts(new Date(0)).some((p) => p.type === 'hour')) fmt = f;
  } catch {
    fmt = null;
  }
  return (ms: number) => {
    const bucket = Math.floor(ms / HOUR);
    let off = cache.get(bucket);
    if (off === undefined) {
      const at = bucket * HOUR;
      if (fmt) {
        const p: Record<string, number> = {};
        for (const part of fmt.formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
        off = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) - at;
      } else {
        // No Intl time zones: ask Apps Script once per hour bucket.
        const iso = Utilities.formatDate(new Date(at), timeZone, "yyyy-MM-dd'T'HH:mm:ss");
        off = Date.parse(`${iso}Z`) - at;
      }
      cache.set(bucket, off);
    }
    return off;
  };
}

/** A Date read as a calendar date in `offsetAt`'s zone, as `YYYY-MM-DD`. */
export function isoDateIn(d: Date, offsetAt: (ms: number) => number): string {
  const ms = d.getTime();
  const local = Math.floor((ms + offsetAt(ms)) / DAY) * DAY;
  return new Date(local).toISOString().slice(0, 10);
}

function isDate(v: unknown): v is Date {
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * The core's table from sheet values: the columns in `skip` (the add-on's own result columns) left
 * out, Date cells as ISO dates in the sheet's zone, everything else as Sheets gave it.
 */
export function toCoreTable(values: unknown[][], timeZone: string, skip: ReadonlySet<number> = new Set()): unknown[][] {
  const offsetAt = zoneOffsetReader(timeZone);
  const keep: number[] = [];
  const width = values[0]?.length ?? 0;
  for (let j = 0; j < width; j++) if (!skip.has(j)) keep.push(j);
  const out: unknown[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const src = values[i]!;
    const row: unknown[] = new Array(keep.length);
    for (let k = 0; k < keep.length; k++) {
      const v = src[keep[k]!];
      row[k] = isDate(v) ? (Number.isNaN(v.getTime()) ? '' : isoDateIn(v, offsetAt)) : v;
    }
    out[i] = row;
  }
  return out;
}
