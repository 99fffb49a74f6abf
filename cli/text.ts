/** Small helpers for what the commands print to people. */
import { withoutMarkup } from '../shared/pipeline/http-port';

/** Characters of an error message shown at most; its start names the address and the status. */
const MESSAGE_MAX = 160;

/**
 * An error message fit for a terminal line: markup an answer's body brought in (a web server's
 * HTML error page) taken out, white space collapsed, and cut to a short excerpt.
 */
export function plainMessage(message: string, max = MESSAGE_MAX): string {
  const text = withoutMarkup(message)
    .replace(/(: )+$/, '')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** An ISO time as Jakarta's wall clock (WIB, UTC+7), e.g. `26 Nov 14:05 WIB`. */
export function wib(iso: string): string {
  const at = new Date(Date.parse(iso) + 7 * 3_600_000);
  if (Number.isNaN(at.getTime())) return iso;
  const month = at.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  const hhmm = at.toISOString().slice(11, 16);
  return `${at.getUTCDate()} ${month} ${hhmm} WIB`;
}
