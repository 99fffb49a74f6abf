/**
 * The fingerprint ledger on the state table: one item per (fingerprint key, author), so a
 * redelivered post, or the same author posting the text again, counts once.
 *
 *   pk `FP#<key>`, sk `<author>`, atMs (event time of the author's latest post with that key),
 *   expiresAt (TTL, epoch seconds)
 *
 * A post's keys are written in one BatchWriteItem, then each key's window is counted by a Query
 * (in parallel): on DynamoDB Local this takes a third of the time of a put and a query per key.
 * Reads never rely on TTL deletion (lazy on AWS, maybe never on DynamoDB Local): the window is
 * checked on `atMs` itself.
 */
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { FingerprintLedger } from '../pipeline/ports';
import { DAY, MINUTE, epochSeconds } from '../time';

export const fingerprintKey = (key: string): string => `FP#${key}`;

/** BatchWriteItem takes at most 25 puts per request. */
const BATCH_SIZE = 25;
/** Attempts at a batch's unprocessed items before giving up with an error (never dropped silently). */
const MAX_ATTEMPTS = 8;

export interface FingerprintsOptions {
  /**
   * Wall clock: items live `margin` past the later of the post's event time and now, so the
   * fingerprints of a replayed old day are not expired before their window has been read.
   */
  readonly now?: () => number;
  /** How long past its window an item stays: time for late deliveries and retries. */
  readonly margin?: number;
  /** Waits before retrying unprocessed items; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } };

export class DynamoFingerprints implements FingerprintLedger {
  private readonly now: () => number;
  private readonly margin: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    opts: FingerprintsOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.margin = opts.margin ?? DAY;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async record(keys: readonly string[], author: string, atMs: number, windowMinutes: number): Promise<number> {
    // One request may not name the same item twice.
    const unique = [...new Set(keys)];
    if (unique.length === 0) return 0;
    const window = windowMinutes * MINUTE;
    const expiresAt = epochSeconds(Math.max(atMs, this.now()) + window + this.margin);
    const requests: WriteRequest[] = unique.map((key) => ({
      PutRequest: { Item: { pk: fingerprintKey(key), sk: author, atMs, expiresAt } },
    }));
    for (let i = 0; i < requests.length; i += BATCH_SIZE) await this.writeBatch(requests.slice(i, i + BATCH_SIZE));
    // Counted after the writes, so this author is among the counted.
    const counts = await Promise.all(unique.map((key) => this.authorsInWindow(fingerprintKey(key), atMs - window, atMs)));
    return Math.max(0, ...counts);
  }

  /** Writes one batch, retrying the items DynamoDB left unprocessed with exponential backoff. */
  private async writeBatch(batch: WriteRequest[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.stateTable]: pending } }));
      const unprocessed = (out.UnprocessedItems?.[this.stateTable] ?? []) as WriteRequest[];
      if (unprocessed.length === 0) return;
      if (attempt >= MAX_ATTEMPTS) {
        const keys = unprocessed.map((r) => String(r.PutRequest.Item.pk));
        throw new Error(`fingerprints: ${keys.length} still unprocessed after ${MAX_ATTEMPTS} attempts: ${keys.join(', ')}`);
      }
      pending = unprocessed;
      // 50, 100, 200 ... ms, capped at 2 s, with full jitter.
      await this.sleep(Math.random() * Math.min(2_000, 50 * 2 ** (attempt - 1)));
    }
  }

  /** Distinct authors (one item each) on a key with atMs in [fromMs, toMs]. */
  private async authorsInWindow(pk: string, fromMs: number, toMs: number): Promise<number> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'atMs BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': fromMs, ':to': toMs },
      Select: 'COUNT',
      // This post's own write must be seen, and so must those of concurrent invocations that finished.
      ConsistentRead: true,
    };
    let count = 0;
    for (;;) {
      const out = await this.doc.send(new QueryCommand(input));
      count += out.Count ?? 0;
      if (!out.LastEvaluatedKey) return count;
      input.ExclusiveStartKey = out.LastEvaluatedKey;
    }
  }
}
