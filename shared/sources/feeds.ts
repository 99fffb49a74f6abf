/**
 * News feeds as posts, pure code: an RSS 2.0 or Atom document (a portal's own feed, or a Google
 * News search feed) read into plain-text items, each item turned into a post candidate (contract
 * v1) for `sendPosts` to check and send, and the odd publication dates real feeds carry read
 * into instants. No I/O here: the news collector's core (`pipeline/collect-news`) fetches.
 *
 * The XML is read by @rowanmanning/feed-parser (lenient with real-world feeds: bare `&`, relative
 * links, RSS 1.0/RDF, Atom link relations); HTML in titles and descriptions is read by
 * htmlparser2's tokenizer, which decodes entities and skips scripts.
 */
import { createHash } from 'node:crypto';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Parser } from 'htmlparser2';
import type { NewsSource, WatchTopic } from '../config';

/** One feed to collect: its address and, optionally, the outlet's name from the config. */
export interface NewsFeed {
  readonly url: string;
  readonly name?: string;
}

/** A feed item in plain text, as the document gave it (HTML stripped, entities decoded). */
export interface FeedEntry {
  /** RSS `guid` or Atom `id`. */
  readonly guid?: string;
  /** The article's address, resolved against the feed's site. */
  readonly link?: string;
  readonly title: string;
  /** Description or summary, else the full content. */
  readonly summary: string;
  /** The publication date exactly as written (`pubDate`, `published`, `dc:date`, `updated`). */
  readonly published?: string;
  /** The journalist (`dc:creator`, `author`). */
  readonly byline?: string;
  /** Google News names the outlet of each item: `<source url="https://outlet">Outlet</source>`. */
  readonly source?: { readonly name: string; readonly url?: string };
}

export interface ParsedFeed {
  readonly title?: string;
  /** The site the feed belongs to (RSS channel `link`, Atom `link rel="alternate"`). */
  readonly site?: string;
  readonly language?: string;
  readonly entries: readonly FeedEntry[];
}

/** The document is not a feed, or not a whole one; the message says which. */
export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';
}

/** Longest post text taken from a news item: a headline and its lead, not the whole article. */
export const MAX_TEXT_LENGTH = 4_000;

/** Post ids longer than this (the contract's limit) are replaced by a hash of the id. */
const MAX_ID_LENGTH = 256;

type ParserFeed = ReturnType<typeof parseFeed>;
type ParserItem = ParserFeed['items'][number];

const ROOT_CLOSED = /<\/(?:[\w-]+:)?(?:rss|feed|rdf)\s*>(?:\s|<!--[\s\S]*?-->)*$/i;

/**
 * Reads an RSS 2.0, RSS 1.0 or Atom document. Lenient with what real feeds get wrong, but a
 * document that is not a feed (an HTML error page, JSON) or that was cut short (its root element
 * never closes, so its last item may be half there) is a FeedFormatError rather than posts.
 */
export function parseFeedDocument(xml: string): ParsedFeed {
  let feed: ParserFeed;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    throw new FeedFormatError(`not an RSS or Atom feed (${(err as Error).message}); it starts with ${JSON.stringify(opening(xml))}`);
  }
  if (!ROOT_CLOSED.test(xml.trimEnd())) throw new FeedFormatError('the feed is cut short: its root element never closes');
  return {
    title: nonEmpty(feed.title ?? ''),
    site: feed.url ?? undefined,
    language: nonEmpty(feed.language ?? ''),
    entries: feed.items.map(toEntry),
  };
}

function opening(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 80);
}

function toEntry(item: ParserItem): FeedEntry {
  const el = item.element;
  const summary = ['description', 'summary', 'encoded', 'content']
    .map((name) => el.findElementWithName(name))
    .find((found) => found !== null && found.namespace !== 'media' && found.textContent.trim() !== '');
  const published = ['pubdate', 'published', 'issued', 'date', 'updated', 'modified']
    .map((name) => el.findElementWithName(name)?.textContent.trim())
    .find((text) => text);
  const source = el.findElementWithName('source');
  const sourceName = source ? htmlToText(source.textContent) : '';
  // The parser falls back to the feed's authors; only the item's own is its byline.
  const ownAuthor = el.hasElementWithName('creator') || el.hasElementWithName('author');
  const byline = ownAuthor ? (item.authors.find((author) => author.name)?.name ?? undefined) : undefined;
  return {
    guid: nonEmpty(item.id ?? ''),
    link: item.url ?? undefined,
    title: htmlToText(el.findElementWithName('title')?.textContent ?? ''),
    summary: summary ? withoutFooter(htmlToText(summary.textContent)) : '',
    published,
    byline,
    source: sourceName ? { name: sourceName, url: source?.getAttribute('url') ?? undefined } : undefined,
  };
}

function nonEmpty(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg']);
/** Elements that run inside a line: no space is added where they open or close (`<b>Jak</b>arta`). */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]); // prettier-ignore

/**
 * HTML (or plain text) to one line of text: tags dropped, block boundaries become spaces, script
 * and style content skipped, entities decoded (`&amp;`, `&#8217;`, `&nbsp;`), whitespace
 * collapsed.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (!INLINE.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (!INLINE.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** What a post candidate needs to know beyond the item: the feed, and when and where it was read. */
export interface MappingContext {
  readonly feed: NewsFeed;
  /** When the document was fetched (epoch ms): the `collectedAt`, and `createdAt` when the item's date is missing or unreadable. */
  readonly collectedAt: number;
  /** Zone of dates written without one (the config's `timezone`). */
  readonly timeZone: string;
}

/**
 * A news item as a post message (contract v1) before validation. `createdAtEstimated: true` marks
 * a `createdAt` that is the collection time because the item's date was missing, unreadable or
 * later than the collection (a portal writing Jakarta time with `GMT`); `feed` names the feed it came from. An item with neither title nor summary gets an empty text,
 * which `sendPosts` dead-letters with the reason rather than dropping it.
 */
export interface NewsPostCandidate {
  readonly v: 1;
  readonly source: 'news';
  readonly id: string;
  readonly url?: string;
  readonly text: string;
  readonly lang?: string;
  readonly createdAt: string;
  readonly createdAtEstimated?: true;
  readonly collectedAt: string;
  readonly author: { readonly id?: string; readonly name?: string };
  readonly byline?: string;
  readonly links: readonly string[];
  readonly feed: string;
}

/** Maps one entry of `parsed` (fetched from `context.feed`) to a post candidate. */
export function toPostCandidate(entry: FeedEntry, parsed: ParsedFeed, context: MappingContext): NewsPostCandidate {
  const outlet = entry.source?.name;
  const title = outlet ? withoutSuffix(entry.title, ` - ${outlet}`) : entry.title;
  const summary = outlet ? withoutSuffix(withoutSuffix(entry.summary, outlet), ` - ${outlet}`) : entry.summary;
  const createdAt = publishedAt(entry, context);
  const url = entry.link && isHttpUrl(entry.link) ? entry.link : undefined;
  const text = capText(joinText(title, summary), MAX_TEXT_LENGTH);
  return {
    v: 1,
    source: 'news',
    id: postId(entry, context.feed, text),
    ...(url ? { url } : {}),
    text,
    ...(parsed.language && parsed.language.length <= 16 ? { lang: parsed.language } : {}),
    createdAt: new Date(createdAt ?? context.collectedAt).toISOString(),
    ...(createdAt === undefined ? { createdAtEstimated: true as const } : {}),
    collectedAt: new Date(context.collectedAt).toISOString(),
    author: outletOf(entry, parsed, context.feed),
    ...(entry.byline ? { byline: entry.byline } : {}),
    links: url ? [url] : [],
    feed: context.feed.url,
  };
}

/** Most portal clocks drift a little; this much past the collection time is still believed. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The item's publication time, or undefined when it cannot be trusted. A date after the
 * collection is a wrongly zoned one (a post seven hours in the future would sit in windows and
 * baselines that have not happened yet), so it is not used.
 */
function publishedAt(entry: FeedEntry, context: MappingContext): number | undefined {
  const ms = entry.published === undefined ? undefined : parseFeedDate(entry.published, context.timeZone);
  return ms !== undefined && ms <= context.collectedAt + CLOCK_SKEW_MS ? ms : undefined;
}

/**
 * The item's identity within the news source: its guid, else its link, else a hash of its text
 * (an item with neither still dedupes). RSS only promises a guid unique within its feed, so one
 * that is not an absolute URI (`12345`, Google News' `CBMi…`) is prefixed with the feed's host.
 * An identity longer than the contract allows becomes `sha256:<hex>` of it, stable across runs.
 */
function postId(entry: FeedEntry, feed: NewsFeed, text: string): string {
  const guid = entry.guid && !ABSOLUTE_URI.test(entry.guid) ? `${hostOf(feed.url) ?? feed.url}:${entry.guid}` : entry.guid;
  const identity = guid ?? entry.link;
  if (identity === undefined) return `sha256:${sha256(text)}`;
  return identity.length <= MAX_ID_LENGTH ? identity : `sha256:${sha256(identity)}`;
}

const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The outlet is the author: Google News names it per item (`<source>`); a portal's feed names
 * itself in its title, else the config names it. The id is the outlet's host (without `www.`).
 */
function outletOf(entry: FeedEntry, parsed: ParsedFeed, feed: NewsFeed): { id?: string; name?: string } {
  const name = entry.source?.name ?? parsed.title ?? feed.name;
  const id = hostOf(entry.source?.url) ?? (entry.source ? undefined : (hostOf(parsed.site) ?? hostOf(feed.url)));
  return { ...(id ? { id } : {}), ...(name ? { name } : {}) };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return nonEmpty(new URL(url).hostname.replace(/^www\./, ''));
  } catch {
    return undefined;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}

function withoutSuffix(text: string, suffix: string): string {
  return text.toLowerCase().endsWith(suffix.toLowerCase()) ? text.slice(0, -suffix.length).trimEnd() : text;
}

/** Headline then lead; a lead that opens with the headline (Google News repeats it) is not doubled. */
/** WordPress's "The post X appeared first on Y." line, added to every item, says nothing about the news. */
function withoutFooter(text: string): string {
  return text.replace(/\s*The post .{1,300}? appeared first on .{1,200}$/s, '');
}

function joinText(title: string, summary: string): string {
  if (!summary || summary.toLowerCase() === title.toLowerCase()) return title;
  if (!title || summary.toLowerCase().startsWith(title.toLowerCase())) return summary;
  return /[.!?…:]$/.test(title) ? `${title} ${summary}` : `${title}. ${summary}`;
}

/** Cuts at a word boundary and marks the cut with an ellipsis. */
function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The Google News search feed of each watch topic: its keywords OR-joined (phrases quoted),
 * limited to the last `window`, in Indonesian from Indonesia. Google News names each item's
 * outlet, which portal feeds cannot do for articles they did not publish.
 */
export function googleNewsFeeds(topics: readonly WatchTopic[], window: NewsSource['googleNewsWindow']): NewsFeed[] {
  return topics.map((topic) => {
    const query = topic.keywords.map((keyword) => (/\s/.test(keyword.trim()) ? `"${keyword.trim()}"` : keyword.trim())).join(' OR ');
    return {
      url: `https://news.google.com/rss/search?q=${encodeURIComponent(`${query} when:${window}`)}&hl=id&gl=ID&ceid=ID:id`,
      name: `Google News: ${topic.label}`,
    };
  });
}

// --- Dates -------------------------------------------------------------------------------------

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, peb: 2, februari: 2, pebruari: 2, february: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, ags: 8, agus: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oct: 10, oktober: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, dec: 12, desember: 12, december: 12,
}; // prettier-ignore

/** Named zones seen in feeds, as minutes east of UTC: RFC 822's, and Indonesia's three. */
const ZONES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  wib: 7 * 60, wita: 8 * 60, wit: 9 * 60,
}; // prettier-ignore

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** `[Day,] 27 Dec[ember] 2026[ - ][, ]08:15[:00] [zone]`, day and month names English or Indonesian. */
const DAY_FIRST =
  /^(?:[a-z']+\.?,?\s+)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4}|\d{2})(?:(?:\s*[,-]\s*|\s+)(?:pukul\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?\s*(.*)$/i;
/** `[Day,] Dec 27, 2026 08:15[:00] [zone]`. */
const MONTH_FIRST = /^(?:[a-z']+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/i;
const OFFSET = /^(?:gmt|utc|ut)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

/**
 * Reads a feed's publication date into epoch ms, or undefined when it cannot be read. Takes what
 * feeds actually write: RFC 822 with a numeric offset or a named zone (GMT, EST…, and WIB, WITA,
 * WIT), day and month names in English or Indonesian (`Sen, 27 Des 2026 08:15:00 WIB`), two-digit
 * years, ISO 8601. A date written without a zone is taken in `timeZone` (an Indonesian portal's
 * `2026-12-27 08:15:00` is Jakarta time, not the server's). Never guesses a zone it does not know.
 */
export function parseFeedDate(text: string, timeZone: string): number | undefined {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const wall = wallTime(y, mo, d, h, mi, s, (frac ?? '').padEnd(3, '0').slice(0, 3));
    return wall && instant(wall, zone, timeZone);
  }
  const dayFirst = DAY_FIRST.exec(trimmed);
  const monthFirst = dayFirst ? undefined : MONTH_FIRST.exec(trimmed);
  const [day, monthName, year, hour, minute, second, zone] = dayFirst
    ? dayFirst.slice(1)
    : monthFirst
      ? [monthFirst[2], monthFirst[1], ...monthFirst.slice(3)]
      : [];
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  if (month === undefined || year === undefined) return undefined;
  const wall = wallTime(fullYear(year), String(month), day, hour, minute, second, undefined);
  return wall && instant(wall, zone, timeZone);
}

function fullYear(year: string): string {
  if (year.length !== 2) return year;
  const yy = Number(year);
  return String(yy < 50 ? 2000 + yy : 1900 + yy);
}

function wallTime(...fields: (string | undefined)[]): WallTime | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0] = fields.map((field) => Number(field ?? 0));
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = { year, month, day, hour, minute, second: Math.min(second, 59), ms };
  const date = new Date(asUtc(wall));
  // Date.UTC rolls 31 Feb over into March: such a date was never written by anyone who meant it.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? wall : undefined;
}

function asUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
}

/** The instant of `wall` read in `zone` (an offset or a name), or in `timeZone` when none is written. */
function instant(wall: WallTime, zone: string | undefined, timeZone: string): number | undefined {
  const written = (zone ?? '').trim().replace(/^\(|\)$/g, '');
  if (written === '') return asUtc(wall) - zoneOffsetMs(wall, timeZone);
  const named = ZONES[written.toLowerCase()];
  if (named !== undefined) return asUtc(wall) - named * 60_000;
  const offset = OFFSET.exec(written);
  if (!offset) return undefined;
  const [, sign, hours, minutes] = offset;
  const east = Number(hours) * 60 + Number(minutes ?? 0);
  return asUtc(wall) - (sign === '-' ? -east : east) * 60_000;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at the wall time `wall`; asked twice to land right next to a DST change. */
function zoneOffsetMs(wall: WallTime, timeZone: string): number {
  const guess = asUtc(wall);
  return offsetAt(guess - offsetAt(guess, timeZone), timeZone);
}

function offsetAt(ms: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, Number(part.value)]));
  const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute, parts.second);
  return local - Math.floor(ms / 1000) * 1000;
}
