/** Event-time helpers: windows and buckets use the post's `createdAt`, never the wall clock. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Start of the bucket holding `ms` (UTC-aligned; bucket widths divide an hour). */
export function bucketStart(ms: number, bucketMinutes: number): number {
  const width = bucketMinutes * MINUTE;
  return Math.floor(ms / width) * width;
}

export function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

const jakartaFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `26 Nov 16.05 WIB`: how officers in Jakarta read a time. */
export function formatJakarta(ms: number): string {
  return `${jakartaFormat.format(new Date(ms)).replace(',', '')} WIB`;
}

/** One formatter per time zone: making one costs far more than using it (every stored post asks). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `ms` in `timeZone`, e.g. a daily budget's day in Asia/Jakarta. */
export function calendarDay(ms: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format)
    dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(ms);
}
