/**
 * Times, numbers and severities as the page shows them: dates in the configured time zone
 * (`Me.timezone`, Asia/Jakarta = WIB) in Indonesian (or English) formats, the zone named after
 * the time the way Jakartans write it ("WIB").
 */
import type { Lang } from './i18n';

export interface Formats {
  /** "26 Nov 15.25 WIB" (no year when it is this year). */
  readonly dateTime: (iso: string | number) => string;
  /** "26 Nov 14.45–15.45 WIB", or both dates in full when they are different days. */
  readonly span: (from: string, to: string) => string;
  /** "26 Nov 15.25": for tables whose header names the zone. */
  readonly dateTimeShort: (iso: string | number) => string;
  /** "15.25" */
  readonly time: (seconds: number) => string;
  /** "26 Nov" */
  readonly day: (seconds: number) => string;
  readonly number: (n: number) => string;
  /** "Asia/Jakarta" as people say it: "WIB". */
  readonly zone: string;
  readonly timeZone: string;
}

const locale = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'id-ID');

/** The short name of a zone in Indonesian (WIB, WITA, WIT), which English readers in Jakarta use too. */
function zoneName(timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat('id-ID', { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** A time zone the browser knows, else UTC (an unknown name would make every format throw). */
function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export function formats(lang: Lang, wantedZone: string): Formats {
  const timeZone = knownZone(wantedZone);
  const zone = zoneName(timeZone);
  const loc = locale(lang);
  const thisYear = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(new Date());
  const year = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
  const withYear = new Intl.DateTimeFormat(loc, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const noYear = new Intl.DateTimeFormat(loc, {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const hm = new Intl.DateTimeFormat(loc, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dm = new Intl.DateTimeFormat(loc, { timeZone, day: 'numeric', month: 'short' });
  const num = new Intl.NumberFormat(loc);
  const plain = (value: string | number): string => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    const f = year.format(date) === thisYear ? noYear : withYear;
    return f.format(date).replace(' pukul ', ' ').replace(',', '');
  };
  return {
    dateTime: (value) => `${plain(value)} ${zone}`,
    dateTimeShort: plain,
    span(from, to) {
      const [a, b] = [new Date(from), new Date(to)];
      if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()) || dm.format(a) !== dm.format(b))
        return `${plain(from)} – ${plain(to)} ${zone}`;
      return `${plain(from)}–${hm.format(b)} ${zone}`;
    },
    time: (seconds) => hm.format(new Date(seconds * 1000)),
    day: (seconds) => dm.format(new Date(seconds * 1000)),
    number: (n) => num.format(n),
    zone,
    timeZone,
  };
}

/** Severity 1..10 in four bands, each with its own colour in styles.css (the number is always written too). */
export function severityBand(severity: number): 'low' | 'medium' | 'high' | 'critical' {
  if (severity >= 9) return 'critical';
  if (severity >= 7) return 'high';
  if (severity >= 4) return 'medium';
  return 'low';
}

/**
 * A post's or fact check's address only when it is a web address (http or https): anything else
 * (`javascript:`, `data:`, a malformed address) is never offered as a link.
 */
export function webUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
