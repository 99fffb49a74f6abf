/**
 * The console's reads and its response log, on the tables in shared/resources.ts:
 * - alerts by kind and time (index `byKind`), one or many by id;
 * - a topic's posts by time (index `byTopic`), page by page (the post store's, with paging);
 * - the response log on the alert item (`responseState`, `responseAssignee`, `responseBy`,
 *   `responseAt` and the list `responseEvents`), one update per step.
 */
import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PostItem } from '../items';
import type { ResponseEvent, ResponseSummary } from '../console/contract';
import type { AlertReads, AlertRecord, PageKey, PostReads, ResponseLog, ResponseRecord } from '../console/ports';
import { batchGetAll } from './batch-get';
import { whenCondition } from './conditional';
import { alertEpisodes, DynamoCounters, DynamoPostStore, topicPostsQuery } from './dynamodb';
import { DynamoClaimStore } from './claims';
import { DynamoTopicStore } from './topic-store';
import { LiveTopics } from '../classify/live-topics';
import type { Config } from '../config';
import type { ConsoleDeps } from '../console/app';
import { responseEventsOf, responseSummaryOf } from '../console/views';

class DynamoAlertReads implements AlertReads {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly alertsTable: string,
  ) {}

  async firedUpTo(kind: string, upTo: string, limit: number): Promise<AlertRecord[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.alertsTable,
        IndexName: 'byKind',
        KeyConditionExpression: 'kind = :kind AND firedAt <= :upTo',
        ExpressionAttributeValues: { ':kind': kind, ':upTo': upTo },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return out.Items ?? [];
  }

  async get(alertId: string): Promise<AlertRecord | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.alertsTable, Key: { alertId } }));
    return out.Item;
  }

  async getMany(alertIds: readonly string[]): Promise<AlertRecord[]> {
    return batchGetAll(
      this.doc,
      this.alertsTable,
      [...new Set(alertIds)].map((alertId) => ({ alertId })),
      { what: 'alerts', describe: (key) => String(key.alertId) },
    );
  }
}

/** The post store with the console's paged reads of a topic's posts. */
class DynamoPostReads extends DynamoPostStore implements PostReads {
  async page(
    topic: string,
    fromIso: string,
    toIso: string,
    pageSize: number,
    start?: PageKey,
  ): Promise<{ items: PostItem[]; last?: PageKey }> {
    const out = await this.doc.send(
      new QueryCommand({ ...topicPostsQuery(this.postsTable, topic, fromIso, toIso, pageSize), ExclusiveStartKey: start }),
    );
    // BETWEEN takes `toIso` itself; the range is half-open.
    const items = ((out.Items ?? []) as PostItem[]).filter((p) => p.createdAt < toIso);
    return { items, ...(out.LastEvaluatedKey ? { last: out.LastEvaluatedKey } : {}) };
  }
}

class DynamoResponseLog implements ResponseLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly alertsTable: string,
  ) {}

  async add(alertId: string, event: ResponseEvent, next?: ResponseSummary): Promise<ResponseRecord | undefined> {
    // One update per step, appended to the list: two officers' steps at once both land, in the
    // order DynamoDB applies them. A note leaves the state as it is; only an assignment names the assignee.
    const set = ['responseEvents = list_append(if_not_exists(responseEvents, :none), :event)'];
    const values: Record<string, unknown> = { ':event': [event], ':none': [] };
    if (next) {
      set.push('responseState = :state', 'responseBy = :by', 'responseAt = :at');
      Object.assign(values, { ':state': next.state, ':by': event.by, ':at': event.at });
      if (next.assignee !== undefined) {
        set.push('responseAssignee = :assignee');
        values[':assignee'] = next.assignee;
      }
    }
    const out = await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.alertsTable,
          Key: { alertId },
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: 'attribute_exists(alertId)',
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    if (!out?.Attributes) return undefined;
    return { summary: responseSummaryOf(out.Attributes), events: responseEventsOf(out.Attributes) };
  }
}

/** The tables the console reads, by their logical names (shared/resources.ts). */
export interface ConsoleTables {
  readonly posts: string;
  readonly alerts: string;
  readonly state: string;
}

/**
 * Everything the console's API reads and writes, on the tables: what the API Lambda and the local
 * console server both give `consoleApp`, besides who asks.
 */
export function consoleStores(
  doc: DynamoDBDocumentClient,
  tables: ConsoleTables,
  config: Config,
  opts: { readonly topicsMaxAgeMs?: number } = {},
): Omit<ConsoleDeps, 'identify' | 'officersGroup' | 'onError' | 'now'> {
  const topicStore = new DynamoTopicStore(doc, tables.state);
  const counters = new DynamoCounters(doc, tables.state);
  return {
    config,
    alerts: new DynamoAlertReads(doc, tables.alerts),
    posts: new DynamoPostReads(doc, tables.posts),
    counters,
    countedUpTo: counters,
    episodes: alertEpisodes(doc, tables.alerts, tables.state, config),
    responses: new DynamoResponseLog(doc, tables.alerts),
    topics: new LiveTopics(config.topics, topicStore, Date.now, opts.topicsMaxAgeMs ?? CONSOLE_TOPICS_MAX_AGE_MS),
    topicStore,
    claims: new DynamoClaimStore(doc, tables.state),
  };
}

/** The console shows a topic change at once to whoever made it, and others' within seconds. */
const CONSOLE_TOPICS_MAX_AGE_MS = 5_000;
