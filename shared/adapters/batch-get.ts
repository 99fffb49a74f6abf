/**
 * BatchGetItem with DynamoDB's limits handled: at most 100 keys a request, keys the service
 * leaves unprocessed asked again with exponential backoff and full jitter, and an error naming
 * the keys still unread after the last attempt. Strongly consistent: what was just written is read.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { realSleep } from './batch-write';

/** BatchGetItem takes at most 100 keys per request. */
export const GET_BATCH_SIZE = 100;
const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 5_000;

export interface BatchGetOptions {
  /** What is being read, for the error message (`posts`). */
  readonly what: string;
  /** How a key is named in the error. */
  readonly describe: (key: Record<string, unknown>) => string;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The items stored under `keys` in `table` (each key once); keys with no item are left out. */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  table: string,
  keys: readonly Record<string, unknown>[],
  opts: BatchGetOptions,
): Promise<Record<string, unknown>[]> {
  const sleep = opts.sleep ?? realSleep;
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += GET_BATCH_SIZE) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + GET_BATCH_SIZE);
    for (let attempt = 1; ; attempt++) {
      const out = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[table] ?? []));
      pending = out.UnprocessedKeys?.[table]?.Keys ?? [];
      if (pending.length === 0) break;
      if (attempt >= MAX_ATTEMPTS) {
        throw new Error(
          `${opts.what}: ${pending.length} still unread after ${MAX_ATTEMPTS} attempts: ${pending.map(opts.describe).join(', ')}`,
        );
      }
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1)));
    }
  }
  return found;
}
