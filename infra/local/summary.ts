/**
 * What a local run did, read back from the tables and queues themselves (not from memory), so the
 * figures are the stored truth: collected = stored + duplicates + failed.
 */
import { ChangeMessageVisibilityBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { scanAll } from './scan';

export interface DeadLetterInfo {
  readonly reason: string;
  readonly stage: string;
  readonly source?: string;
  readonly postId?: string;
  readonly line?: number;
  readonly receiveCount?: number;
  /** The post's `source#id`, from the message or its attributes, when they tell it. */
  readonly key?: string;
}

/** Reads every message on the DLQ without removing it (they are made visible again at the end). */
export async function peekDeadLetters(sqs: SQSClient, dlqUrl: string): Promise<DeadLetterInfo[]> {
  const seen = new Map<string, Message>();
  for (let empty = 0; empty < 2;) {
    const out = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 60,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    const messages = out.Messages ?? [];
    if (messages.length === 0) empty += 1;
    for (const m of messages) seen.set(m.MessageId ?? String(seen.size), m);
  }
  const all = [...seen.values()];
  for (let i = 0; i < all.length; i += 10) {
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: dlqUrl,
        Entries: all.slice(i, i + 10).map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle ?? '', VisibilityTimeout: 0 })),
      }),
    );
  }
  return all.map((m) => {
    const attr = (name: string): string | undefined => m.MessageAttributes?.[name]?.StringValue;
    const line = attr('line');
    return {
      // A message without our attributes was moved here by the queue's redrive policy.
      reason: attr('error') ?? 'failed maxReceiveCount times in the classifier (see its logs)',
      stage: attr('stage') ?? 'classifier',
      source: attr('source'),
      postId: attr('postId'),
      line: line === undefined ? undefined : Number(line),
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 0) || undefined,
      key: deadLetterKey(m.Body ?? '', attr('source'), attr('postId')),
    };
  });
}

/** The post's key: from the body when it is a post, else from the attributes the sender set. */
export function deadLetterKey(body: string, source?: string, postId?: string): string | undefined {
  try {
    const value = JSON.parse(body) as { source?: unknown; id?: unknown };
    if (typeof value.source === 'string' && typeof value.id === 'string' && value.source && value.id) return `${value.source}#${value.id}`;
  } catch {
    // not JSON: the attributes may still say
  }
  if (postId?.includes('#')) return postId;
  return source && postId ? `${source}#${postId}` : undefined;
}

export interface StoredFigures {
  readonly stored: number;
  readonly sentiment: Record<'positive' | 'neutral' | 'negative', number>;
  readonly hoaxLevels: Record<string, number>;
  readonly languages: Record<string, number>;
  readonly topics: Record<string, number>;
  /** The latest event time (`createdAt`) among them: where a replay's clock stands at its end. */
  readonly latestCreatedAt?: string;
}

/** Scans the posts table for the posts stored since `sinceIso`. */
export async function storedFigures(doc: DynamoDBDocumentClient, postsTable: string, sinceIso: string): Promise<StoredFigures> {
  const figures: StoredFigures = {
    stored: 0,
    sentiment: { positive: 0, neutral: 0, negative: 0 },
    hoaxLevels: {},
    languages: {},
    topics: {},
  };
  const bump = (map: Record<string, number>, key: string): void => {
    map[key] = (map[key] ?? 0) + 1;
  };
  await scanAll(
    doc,
    {
      TableName: postsTable,
      FilterExpression: 'storedAt >= :since',
      ExpressionAttributeValues: { ':since': sinceIso },
      ProjectionExpression: 'sentimentLabel, hoaxLevel, lang, topics, createdAt',
    },
    (item) => {
      (figures as { stored: number }).stored += 1;
      bump(figures.sentiment, String(item.sentimentLabel));
      bump(figures.hoaxLevels, String(item.hoaxLevel));
      bump(figures.languages, String(item.lang));
      for (const t of (item.topics as string[] | undefined) ?? []) bump(figures.topics, t);
      const at = String(item.createdAt);
      if (!figures.latestCreatedAt || at > figures.latestCreatedAt) (figures as { latestCreatedAt?: string }).latestCreatedAt = at;
    },
  );
  return figures;
}

/** Deliveries of already-stored posts so far, all sources together. */
export async function duplicateCount(doc: DynamoDBDocumentClient, stateTable: string): Promise<number> {
  const out = await doc.send(
    new QueryCommand({
      TableName: stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'STATS#duplicates' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).reduce((n, item) => n + Number(item.count ?? 0), 0);
}
