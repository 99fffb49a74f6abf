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
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchPutAll, realSleep, type PutRequest } from './batch-write';
import type { FingerprintLedger, Spread } from '../pipeline/ports';
import { DAY, MINUTE, epochSeconds } from '../time';

export const fingerprintKey = (key: string): string => `FP#${key}`;

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
    this.sleep = opts.sleep ?? realSleep;
  }

  async record(keys: readonly string[], author: string, atMs: number, windowMinutes: number, followers = 0): Promise<Spread> {
    // One request may not name the same item twice.
    const unique = [...new Set(keys)];
    if (unique.length === 0) return { authors: 0, followers: 0 };
    const window = windowMinutes * MINUTE;
    const expiresAt = epochSeconds(Math.max(atMs, this.now()) + window + this.margin);
    const requests: PutRequest[] = unique.map((key) => ({
      PutRequest: { Item: { pk: fingerprintKey(key), sk: author, atMs, followers, expiresAt } },
    }));
    await batchPutAll(this.doc, this.stateTable, requests, {
      what: 'fingerprints',
      sleep: this.sleep,
      describe: (item) => String(item.pk),
    });
    // Counted after the writes, so this author is among the counted.
    const spreads = await Promise.all(unique.map((key) => this.authorsInWindow(key, atMs - window, atMs)));
    return spreads.reduce((widest, spread) => (spread.authors > widest.authors ? spread : widest), { authors: 0, followers: 0 });
  }

  /** Distinct authors (one item each) on a key with atMs in [fromMs, toMs], and their followers added up. */
  private async authorsInWindow(key: string, fromMs: number, toMs: number): Promise<Spread> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'atMs BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': fingerprintKey(key), ':from': fromMs, ':to': toMs },
      ProjectionExpression: 'followers',
      // This post's own write must be seen, and so must those of concurrent invocations that finished.
      ConsistentRead: true,
    };
    let authors = 0;
    let followers = 0;
    for (;;) {
      const out = await this.doc.send(new QueryCommand(input));
      for (const item of out.Items ?? []) {
        authors += 1;
        followers += Number(item.followers ?? 0);
      }
      if (!out.LastEvaluatedKey) return { authors, followers, key };
      input.ExclusiveStartKey = out.LastEvaluatedKey;
    }
  }
}
