/**
 * Watch topics kept by the console on the state table: one item per topic (pk `TOPIC`, sk its
 * name) with the config file's rules, `disabled`, who changed it last and a `version`; and a log
 * of changes (pk `TOPICLOG`, sk `<at>#<topic>#<version>`). A change writes both in one transaction,
 * only over the version it was made from, so two officers editing at once cannot lose either
 * edit silently: the second is refused and sees the first. Topics are edited by people, a few
 * times a day at most, so the transaction never meets the classifiers' traffic.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredTopic, TopicChange, TopicStore } from '../pipeline/ports';
import { queryItems } from './pages';

const TOPIC_PK = 'TOPIC';
const TOPIC_LOG_PK = 'TOPICLOG';

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

function topicOf(item: Record<string, unknown>): StoredTopic {
  return {
    name: String(item.sk),
    label: String(item.label),
    keywords: strings(item.keywords),
    all: strings(item.all),
    exclude: strings(item.exclude),
    ...(typeof item.query === 'string' ? { query: item.query } : {}),
    disabled: item.disabled === true,
    updatedAt: String(item.updatedAt),
    updatedBy: String(item.updatedBy),
    version: Number(item.version),
  };
}

function changeOf(item: Record<string, unknown>): TopicChange {
  return {
    at: String(item.at),
    by: String(item.by),
    action: item.action as TopicChange['action'],
    topic: String(item.topic),
    changed: strings(item.changed),
  };
}

export class DynamoTopicStore implements TopicStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
  ) {}

  async all(): Promise<StoredTopic[]> {
    const found: StoredTopic[] = [];
    const input = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': TOPIC_PK },
      ConsistentRead: true,
    };
    for await (const item of queryItems(this.doc, input)) found.push(topicOf(item));
    return found;
  }

  async put(topic: StoredTopic, change: TopicChange): Promise<boolean> {
    const { name, ...rules } = topic;
    const previous = topic.version - 1;
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.stateTable,
                Item: { pk: TOPIC_PK, sk: name, ...rules },
                ConditionExpression: previous === 0 ? 'attribute_not_exists(pk)' : 'version = :previous',
                ...(previous === 0 ? {} : { ExpressionAttributeValues: { ':previous': previous } }),
              },
            },
            {
              Put: {
                TableName: this.stateTable,
                Item: { pk: TOPIC_LOG_PK, sk: `${change.at}#${change.topic}#${topic.version}`, ...change },
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') return false;
      throw err;
    }
  }

  async changes(limit: number): Promise<TopicChange[]> {
    const found: TopicChange[] = [];
    const input = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': TOPIC_LOG_PK },
      ScanIndexForward: false,
      Limit: limit,
    };
    for await (const item of queryItems(this.doc, input)) {
      found.push(changeOf(item));
      if (found.length >= limit) break;
    }
    return found;
  }
}
