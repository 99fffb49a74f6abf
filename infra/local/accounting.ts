/**
 * Feeds the books (infra/local/books.ts) from what the embedded stack holds: the posts
 * table, the aggregate counters and the alerts table, read in pages with only the attributes the
 * books need, next to what the collectors, the DLQ and the subscriber saw.
 */
import { type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { aggKey, bucketOfSortKey } from '../../shared/adapters/dynamodb';
import { CITIES } from '../../shared/classify/places-jakarta';
import { ALL_TOPICS, placeCounter, topicPairs } from '../../shared/items';
import { Accounts, type AccountingReport, type DeadLetterRecord, type ReceivedAlert, type StoredPostRecord } from './books';
import type { Config } from '../../shared/config';
import { scanAll } from './scan';
import { duplicateCount } from './summary';
import { queryItems } from '../../shared/adapters/pages';

export interface BooksInput {
  readonly doc: DynamoDBDocumentClient;
  readonly tables: { readonly posts: string; readonly state: string; readonly alerts: string };
  readonly config: Pick<Config, 'alerts' | 'retention' | 'topics'>;
  /** Keys (`source#id`) the collectors put on the queue, once per hand-over. */
  readonly collected: Iterable<string>;
  readonly deadLetters: readonly DeadLetterRecord[];
  /** The alert messages that reached the subscriber; leave out when nobody was listening. */
  readonly received?: readonly ReceivedAlert[];
}

export async function checkBooks(input: BooksInput): Promise<AccountingReport> {
  const { doc, tables } = input;
  const books = new Accounts({ bucketMinutes: input.config.alerts.spike.bucketMinutes, stateDays: input.config.retention.stateDays });
  for (const key of input.collected) books.collect(key);
  for (const letter of input.deadLetters) books.deadLetter(letter);
  await scanAll(
    doc,
    {
      TableName: tables.posts,
      ProjectionExpression: 'postKey, #source, createdAtEpoch, sentimentLabel, hoaxLevel, topics, placeCities',
      ExpressionAttributeNames: { '#source': 'source' },
    },
    (item) => books.storedPost(item as StoredPostRecord),
  );
  // The counters are read by key, partition by partition, not by scanning the state table, which
  // also holds every text fingerprint (several per post): every partition a counter can have is
  // known from the watch topics and the cities.
  for (const topic of counterTopics(input.config.topics)) {
    await queryAll(
      doc,
      {
        TableName: tables.state,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': aggKey(topic) },
        ProjectionExpression: 'sk, #total, negative, positive, neutral, hoax, driven',
        ExpressionAttributeNames: { '#total': 'total' },
      },
      (item) =>
        // Each writer (stream shard) keeps its own item per bucket: the books add them up.
        books.counter({
          topic,
          bucket: bucketOfSortKey(String(item.sk)),
          total: Number(item.total ?? 0),
          negative: Number(item.negative ?? 0),
          positive: Number(item.positive ?? 0),
          neutral: Number(item.neutral ?? 0),
          hoax: Number(item.hoax ?? 0),
          driven: Number(item.driven ?? 0),
        }),
    );
  }
  if (input.received) {
    books.alertsObserved();
    for (const message of input.received) books.receivedAlert(message);
    await scanAll(
      doc,
      {
        TableName: tables.alerts,
        ProjectionExpression: 'alertId, revision, kind, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      },
      (item) =>
        books.alert({
          alertId: String(item.alertId),
          revision: Number(item.revision),
          kind: String(item.kind),
          status: String(item.status),
        }),
    );
  }
  books.absorbedDuplicates(await duplicateCount(doc, tables.state));
  return books.report();
}

/** Every counter partition there can be: all posts, each watch topic, each pair of them, and each topic in each city. */
function counterTopics(topics: readonly { readonly name: string }[]): string[] {
  const names = topics.map((t) => t.name);
  return [ALL_TOPICS, ...names, ...topicPairs(names), ...names.flatMap((name) => CITIES.map((city) => placeCounter(name, city)))];
}

async function queryAll(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
  each: (item: Record<string, unknown>) => void,
): Promise<void> {
  for await (const item of queryItems(doc, { ...input, ConsistentRead: true })) each(item);
}
