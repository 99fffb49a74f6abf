/**
 * The debunked-claims store on the state table: one item per claim, pk `CLAIM`, sk the claim's id,
 * with `text`, `rating`, `source`, `topic` and `importedAt`. Claims carry no TTL: they stay until
 * replaced by id.
 *
 * All claims share one partition key. That is deliberate: the store is read whole, once per cold
 * start, to build the matcher's in-memory index, and written rarely (an import, a fact-check feed);
 * 50,000 claims of at most 2,000 characters are about 100 MB at most, read with a paged Query,
 * well within what one partition serves. Nothing looks claims up one by one, so there is no hot key.
 */
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ClaimRating, ClaimRecord } from '../claims/types';
import type { ClaimStore } from '../pipeline/ports';

export const CLAIM_PK = 'CLAIM';
/** BatchWriteItem takes at most 25 puts per request. */
const BATCH_SIZE = 25;
/** Requests in flight at once during a large put. */
const CONCURRENT_BATCHES = 4;
/** Attempts at a batch's unprocessed items before giving up with an error (never dropped silently). */
const MAX_ATTEMPTS = 8;

export interface ClaimStoreOptions {
  readonly now?: () => number;
  /** Waits before retrying unprocessed items; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } };

export class DynamoClaimStore implements ClaimStore {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    opts: ClaimStoreOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async put(claims: readonly ClaimRecord[]): Promise<number> {
    // One request may not name the same key twice; of repeated ids the later claim wins.
    const byId = new Map<string, ClaimRecord>();
    for (const claim of claims) {
      byId.delete(claim.id);
      byId.set(claim.id, claim);
    }
    const importedAt = new Date(this.now()).toISOString();
    const requests: WriteRequest[] = [...byId.values()].map((claim) => ({
      PutRequest: {
        Item: {
          pk: CLAIM_PK,
          sk: claim.id,
          text: claim.text,
          rating: claim.rating,
          source: claim.source,
          ...(claim.topic !== undefined ? { topic: claim.topic } : {}),
          importedAt,
        },
      },
    }));
    const batches: WriteRequest[][] = [];
    for (let i = 0; i < requests.length; i += BATCH_SIZE) batches.push(requests.slice(i, i + BATCH_SIZE));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const batch = batches[next++] as WriteRequest[];
        await this.writeBatch(batch);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_BATCHES, batches.length) }, worker));
    return requests.length;
  }

  /** Writes one batch, retrying the items DynamoDB left unprocessed with exponential backoff. */
  private async writeBatch(batch: WriteRequest[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      const out = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.stateTable]: pending } }));
      const unprocessed = (out.UnprocessedItems?.[this.stateTable] ?? []) as WriteRequest[];
      if (unprocessed.length === 0) return;
      if (attempt >= MAX_ATTEMPTS) {
        const ids = unprocessed.map((r) => String(r.PutRequest.Item.sk));
        throw new Error(`claims store: ${ids.length} claims still unprocessed after ${MAX_ATTEMPTS} attempts: ${ids.join(', ')}`);
      }
      pending = unprocessed;
      // 50, 100, 200 ... ms, capped at 5 s, with full jitter.
      await this.sleep(Math.random() * Math.min(5_000, 50 * 2 ** (attempt - 1)));
    }
  }

  async all(): Promise<ClaimRecord[]> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': CLAIM_PK },
      ProjectionExpression: 'sk, #text, #rating, #source, #topic',
      ExpressionAttributeNames: { '#text': 'text', '#rating': 'rating', '#source': 'source', '#topic': 'topic' },
    };
    const claims: ClaimRecord[] = [];
    for (;;) {
      const out = await this.doc.send(new QueryCommand(input));
      for (const it of out.Items ?? []) {
        claims.push({
          id: String(it.sk),
          text: String(it.text),
          rating: it.rating as ClaimRating,
          source: String(it.source),
          ...(typeof it.topic === 'string' ? { topic: it.topic } : {}),
        });
      }
      if (!out.LastEvaluatedKey) return claims;
      input.ExclusiveStartKey = out.LastEvaluatedKey;
    }
  }
}
