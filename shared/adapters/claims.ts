/**
 * The debunked-claims store on the state table: one item per claim, pk `CLAIM`, sk the claim's id,
 * with `text`, `rating`, `source`, `importedAt` and, when the claim has them, `topic`, `claimant`,
 * `publisher`, `reviewedAt` and `ratingText`. Claims carry no TTL: they stay until replaced by id.
 *
 * All claims share one partition key. That is deliberate: the store is read whole, once per cold
 * start, to build the matcher's in-memory index, and written rarely (an import, a fact-check feed);
 * 50,000 claims of at most 2,000 characters are about 100 MB at most, read with a paged Query,
 * well within what one partition serves. Nothing looks claims up one by one, so there is no hot key.
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batch-get';
import type { ClaimPages, PageKey } from '../console/ports';
import { sleep } from '../retry';
import { batchPutAll, type PutRequest } from './batch-write';
import type { ClaimRating, ClaimRecord } from '../claims/types';
import type { ClaimStore } from '../pipeline/ports';
import { queryItems } from './pages';

export const CLAIM_PK = 'CLAIM';
/** The claim's optional fields, stored as attributes of the same names when present. */
const OPTIONAL_FIELDS = ['topic', 'claimant', 'publisher', 'reviewedAt', 'ratingText'] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];
/** Attributes read back; every name goes through a placeholder, as some (`text`, `source`) are reserved words. */
const PROJECTED = ['text', 'rating', 'source', ...OPTIONAL_FIELDS] as const;
/** Requests in flight at once during a large put. */
const CONCURRENT_BATCHES = 4;

export interface ClaimStoreOptions {
  readonly now?: () => number;
  /** Waits before retrying unprocessed items; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export class DynamoClaimStore implements ClaimStore, ClaimPages {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    opts: ClaimStoreOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? sleep;
  }

  async put(claims: readonly ClaimRecord[]): Promise<number> {
    // One request may not name the same key twice; of repeated ids the later claim wins.
    const byId = new Map<string, ClaimRecord>();
    for (const claim of claims) {
      byId.delete(claim.id);
      byId.set(claim.id, claim);
    }
    const importedAt = new Date(this.now()).toISOString();
    const requests: PutRequest[] = [...byId.values()].map((claim) => ({
      PutRequest: {
        Item: {
          pk: CLAIM_PK,
          sk: claim.id,
          text: claim.text,
          rating: claim.rating,
          source: claim.source,
          ...optionalFields(claim),
          importedAt,
        },
      },
    }));
    await batchPutAll(this.doc, this.stateTable, requests, {
      what: 'claims store',
      concurrency: CONCURRENT_BATCHES,
      sleep: this.sleep,
      describe: (item) => String(item.sk),
    });
    return requests.length;
  }

  async all(): Promise<ClaimRecord[]> {
    const claims: ClaimRecord[] = [];
    for await (const it of queryItems(this.doc, this.query())) claims.push(claimOf(it));
    return claims;
  }

  async page(limit: number, start?: PageKey): Promise<{ claims: ClaimRecord[]; last?: PageKey }> {
    const out = await this.doc.send(new QueryCommand({ ...this.query(), Limit: limit, ExclusiveStartKey: start }));
    return { claims: (out.Items ?? []).map(claimOf), ...(out.LastEvaluatedKey ? { last: out.LastEvaluatedKey } : {}) };
  }

  async storedOf(ids: readonly string[]): Promise<Set<string>> {
    const found = await batchGetAll(
      this.doc,
      this.stateTable,
      [...new Set(ids)].map((id) => ({ pk: CLAIM_PK, sk: id })),
      { what: 'claims', describe: (key) => String(key.sk), sleep: this.sleep },
    );
    return new Set(found.map((it) => String(it.sk)));
  }

  /** Every stored claim, in id order, with the attributes a claim has. */
  private query(): QueryCommandInput {
    return {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': CLAIM_PK },
      ProjectionExpression: ['sk', ...PROJECTED.map((field) => `#${field}`)].join(', '),
      ExpressionAttributeNames: Object.fromEntries(PROJECTED.map((field) => [`#${field}`, field])),
    };
  }
}

/** A claim back from its stored item. */
function claimOf(it: Record<string, unknown>): ClaimRecord {
  return { id: String(it.sk), text: String(it.text), rating: it.rating as ClaimRating, source: String(it.source), ...optionalFields(it) };
}

/** The optional fields that `from` holds as strings, under their own names. */
function optionalFields(from: Partial<Record<OptionalField, unknown>>): Partial<Pick<ClaimRecord, OptionalField>> {
  return Object.fromEntries(OPTIONAL_FIELDS.flatMap((field) => (typeof from[field] === 'string' ? [[field, from[field]]] : [])));
}
