/**
 * BatchGetItem with DynamoDB's limits handled: at most 100 keys a request, keys the service
 * leaves unprocessed asked again with exponential backoff and full jitter, and an error naming
 * the keys still unread after the last attempt. Strongly consistent: what was just written is read.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { untilNonePending } from '../retry';
import { sleep } from '../retry';
import { UNPROCESSED_BACKOFF } from './batch-write';

/** BatchGetItem takes at most 100 keys per request. */
const GET_BATCH_SIZE = 100;

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
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += GET_BATCH_SIZE) {
    await untilNonePending(
      keys.slice(i, i + GET_BATCH_SIZE),
      async (pending) => {
        const out = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: [...pending], ConsistentRead: true } } }));
        found.push(...(out.Responses?.[table] ?? []));
        return out.UnprocessedKeys?.[table]?.Keys ?? [];
      },
      UNPROCESSED_BACKOFF,
      (left) =>
        new Error(
          `${opts.what}: ${left.length} still unread after ${UNPROCESSED_BACKOFF.attempts} attempts: ${left.map(opts.describe).join(', ')}`,
        ),
      opts.sleep ?? sleep,
    );
  }
  return found;
}
