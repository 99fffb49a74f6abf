/**
 * BatchWriteItem with DynamoDB's limits handled: at most 25 puts a request, items the service
 * leaves unprocessed retried with exponential backoff and full jitter, and an error naming the
 * items still unwritten after the last attempt (never dropped silently).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sleep } from '../retry';

/** BatchWriteItem takes at most 25 puts per request. */
export const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 5_000;

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

/** The real wait, replaced in tests. */
export const realSleep = sleep;

/** Writes every put request to `table`, in batches of 25, `concurrency` batches at a time. */
export async function batchPutAll(
  doc: DynamoDBDocumentClient,
  table: string,
  requests: readonly PutRequest[],
  opts: BatchWriteOptions,
): Promise<void> {
  const batches: PutRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_SIZE) batches.push(requests.slice(i, i + BATCH_SIZE));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) await writeBatch(doc, table, batches[next++] as PutRequest[], opts);
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 1, batches.length) }, worker));
}

async function writeBatch(doc: DynamoDBDocumentClient, table: string, batch: PutRequest[], opts: BatchWriteOptions): Promise<void> {
  const sleep = opts.sleep ?? realSleep;
  const describe = opts.describe ?? ((item) => `${String(item.pk)}/${String(item.sk)}`);
  let pending = batch;
  for (let attempt = 1; ; attempt++) {
    const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
    const unprocessed = (out.UnprocessedItems?.[table] ?? []) as PutRequest[];
    if (unprocessed.length === 0) return;
    if (attempt >= MAX_ATTEMPTS) {
      const names = unprocessed.map((r) => describe(r.PutRequest.Item));
      const count = names.length === 1 ? '1 item' : `${names.length} items`;
      throw new Error(`${opts.what}: ${count} still unprocessed after ${MAX_ATTEMPTS} attempts: ${names.join(', ')}`);
    }
    pending = unprocessed;
    await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1)));
  }
}
