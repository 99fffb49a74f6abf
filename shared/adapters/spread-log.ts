/**
 * The spread record on the state table (ports.ts, `SpreadLog`): each window of each writer
 * writes its entries once, as one item per event-time hour, not one item per text and account.
 *
 *   pk `SPREAD#<YYYY-MM-DDTHH>` (the entries' event hour, UTC), sk `<writer>#<window>#<part>`,
 *   writer, window, entries (one line per post: author, followers, event ms, keys), expiresAt
 *
 * A window writes about a hundred bytes per post, in a handful of items, where a per-(key,
 * account) record would write eight items per post; a window reads back the hours its posts fall
 * in and the hour before. Writing the same window again (a retried window) replaces its items with
 * the same entries. Reads never rely on TTL deletion: callers window on the entries' times.
 */
import { type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { SpreadEntry } from '../alerts/spread';
import type { SpreadLog, SpreadPage } from '../pipeline/ports';
import { seqKey } from '../pipeline/sequence';
import { DAY, HOUR, epochSeconds } from '../time';
import { sleep } from '../retry';
import { batchPutAll, type PutRequest } from './batch-write';
import { queryItems } from './pages';

const spreadPartition = (hourMs: number): string => `SPREAD#${new Date(hourMs).toISOString().slice(0, 13)}`;

/** Bytes of entries an item holds at most (DynamoDB items are at most 400 KB). */
const PART_BYTES = 300_000;

export interface SpreadLogOptions {
  /** Wall clock: items live past the later of their posts' event time and now. */
  readonly now?: () => number;
  /** How long past its hour an item stays: time for late posts and retried windows. */
  readonly margin?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export class DynamoSpreadLog implements SpreadLog {
  private readonly now: () => number;
  private readonly margin: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    opts: SpreadLogOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.margin = opts.margin ?? DAY;
    this.sleep = opts.sleep ?? sleep;
  }

  async put(writer: string, window: string, entries: readonly SpreadEntry[]): Promise<void> {
    const byHour = new Map<number, string[]>();
    for (const entry of entries) {
      const hour = Math.floor(entry.atMs / HOUR) * HOUR;
      let lines = byHour.get(hour);
      if (!lines) byHour.set(hour, (lines = []));
      lines.push(encode(entry));
    }
    const requests: PutRequest[] = [];
    for (const [hour, lines] of byHour) {
      const expiresAt = epochSeconds(Math.max(hour + HOUR, this.now()) + HOUR + this.margin);
      parts(lines).forEach((part, i) =>
        requests.push({
          PutRequest: {
            Item: { pk: spreadPartition(hour), sk: `${writer}#${seqKey(window)}#${i}`, writer, window, entries: part, expiresAt },
          },
        }),
      );
    }
    await batchPutAll(this.doc, this.stateTable, requests, { what: 'spread record', concurrency: 4, sleep: this.sleep });
  }

  async read(fromMs: number, toMs: number): Promise<SpreadPage[]> {
    const hours: number[] = [];
    for (let hour = Math.floor(fromMs / HOUR) * HOUR; hour <= toMs; hour += HOUR) hours.push(hour);
    const pages = await Promise.all(hours.map((hour) => this.hour(hour)));
    return pages.flat();
  }

  private async hour(hourMs: number): Promise<SpreadPage[]> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': spreadPartition(hourMs) },
      ProjectionExpression: 'writer, #window, entries',
      ExpressionAttributeNames: { '#window': 'window' },
      // A window just written by this writer, or by another shard's, must be seen.
      ConsistentRead: true,
    };
    const pages: SpreadPage[] = [];
    for await (const item of queryItems(this.doc, input)) {
      pages.push({ writer: String(item.writer), window: String(item.window), entries: decodeSpread(String(item.entries ?? '')) });
    }
    return pages;
  }
}

const clean = (s: string): string => s.replace(/[\t\n]/g, ' ');

function encode(entry: SpreadEntry): string {
  return `${clean(entry.author)}\t${entry.followers}\t${entry.atMs}\t${entry.keys.map(clean).join('\t')}`;
}

/** The entries of a spread item's `entries` attribute. */
export function decodeSpread(text: string): SpreadEntry[] {
  const entries: SpreadEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [author = '', followers = '0', atMs = '0', ...keys] = line.split('\t');
    entries.push({ author, followers: Number(followers), atMs: Number(atMs), keys });
  }
  return entries;
}

/** Lines joined into parts of at most PART_BYTES. */
function parts(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > PART_BYTES && current.length > 0) {
      out.push(current.join('\n'));
      current = [];
      bytes = 0;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}
