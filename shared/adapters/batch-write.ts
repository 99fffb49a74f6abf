/**
 * BatchWriteItem with DynamoDB's limits handled: at most 25 puts a request, items the service
 * leaves unprocessed retried with exponential backoff and full jitter, and an error naming the
 * items still unwritten after the last attempt (never dropped silently).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapLimited } from '../pool';
import { sleep, untilNonePending, type Backoff } from '../retry';

/** BatchWriteItem takes at most 25 puts per request. */
export const BATCH_SIZE = 25;
/** How unprocessed items of a batch request are asked for again (BatchWriteItem, BatchGetItem): eight tries, full jitter. */
export const UNPROCESSED_BACKOFF: Backoff = { attempts: 8, baseDelayMs: 50, maxDelayMs: 5_000, jitter: 'full' };

export type PutRequest = { PutRequest: { Item: Record<string, unknown> } };

export interface BatchWriteOptions {
  /** Waits before retrying unprocessed items; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Batches in flight at once. */
  readonly concurrency?: number;
  /** How an unwritten item is named in the error (e.g. its sort key). */
  readonly describe?: (item: Record<string, unknown>) => string;
  /** What is being written, for the error message (`claims store`). */
  readonly what: string;
}

/** Writes every put request to `table`, in batches of 25, `concurrency` batches at a time. */
export async function batchPutAll(
  doc: DynamoDBDocumentClient,
  table: string,
  requests: readonly PutRequest[],
  opts: BatchWriteOptions,
): Promise<void> {
  const batches: PutRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_SIZE) batches.push(requests.slice(i, i + BATCH_SIZE));
  await mapLimited(batches, opts.concurrency ?? 1, (batch) => writeBatch(doc, table, batch, opts));
}

async function writeBatch(doc: DynamoDBDocumentClient, table: string, batch: PutRequest[], opts: BatchWriteOptions): Promise<void> {
  const describe = opts.describe ?? ((item) => `${String(item.pk)}/${String(item.sk)}`);
  await untilNonePending(
    batch,
    async (pending) => {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: [...pending] } }));
      return (out.UnprocessedItems?.[table] ?? []) as PutRequest[];
    },
    UNPROCESSED_BACKOFF,
    (unprocessed) => {
      const names = unprocessed.map((r) => describe(r.PutRequest.Item));
      const count = names.length === 1 ? '1 item' : `${names.length} items`;
      return new Error(`${opts.what}: ${count} still unprocessed after ${UNPROCESSED_BACKOFF.attempts} attempts: ${names.join(', ')}`);
    },
    opts.sleep ?? sleep,
  );
}
