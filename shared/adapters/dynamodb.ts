/** DynamoDB implementations of the pipeline's ports, over the tables in shared/resources.ts. */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ALERT_KINDS, type Alert } from '../alerts/alert';
import { whenCondition } from './conditional';
import { fromAlertItem, toAlertItem, type CounterIncrement, type PostItem } from '../items';
import type {
  AlertLedger,
  BucketCount,
  Checkpoint,
  Checkpoints,
  Claim,
  Counters,
  EpisodeState,
  PostStore,
  SaveOutcome,
  StoredAlert,
} from '../pipeline/ports';
import { DAY, MINUTE, epochSeconds } from '../time';

export const aggKey = (topic: string): string => `AGG#${topic}`;

/**
 * Every alert episode is one item of the `EPISODES` partition (sk `<kind>#<key>`), so the
 * episodes still open can be listed with one Query (the resolution sweep). Few are written: one
 * per alert claim.
 */
const EPISODES = 'EPISODES';
const episodeKey = (kind: string, key: string): { pk: string; sk: string } => ({ pk: EPISODES, sk: `${kind}#${key}` });

export class DynamoPostStore implements PostStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly postsTable: string,
    private readonly stateTable: string,
  ) {}

  async save(item: PostItem, increments: readonly CounterIncrement[]): Promise<SaveOutcome> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.postsTable,
                Item: item,
                ConditionExpression: 'attribute_not_exists(postKey)',
              },
            },
            ...increments.map((inc) => ({
              Update: {
                TableName: this.stateTable,
                Key: { pk: aggKey(inc.topic), sk: inc.bucket },
                UpdateExpression:
                  'ADD #total :total, #negative :negative, #positive :positive, #neutral :neutral, #hoax :hoax SET #exp = if_not_exists(#exp, :exp)',
                ExpressionAttributeNames: {
                  '#total': 'total',
                  '#negative': 'negative',
                  '#positive': 'positive',
                  '#neutral': 'neutral',
                  '#hoax': 'hoax',
                  '#exp': 'expiresAt',
                },
                ExpressionAttributeValues: {
                  ':total': inc.add.total,
                  ':negative': inc.add.negative,
                  ':positive': inc.add.positive,
                  ':neutral': inc.add.neutral,
                  ':hoax': inc.add.hoax,
                  ':exp': inc.expiresAt,
                },
              },
            })),
          ],
        }),
      );
      return 'stored';
    } catch (err) {
      if (err instanceof TransactionCanceledException && err.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        return 'duplicate';
      }
      throw err;
    }
  }

  async byTopic(topic: string, fromIso: string, toIso: string, limit: number): Promise<PostItem[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.postsTable,
        IndexName: 'byTopic',
        KeyConditionExpression: 'topic = :t AND createdAt BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':t': topic, ':from': fromIso, ':to': toIso },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return ((out.Items ?? []) as PostItem[]).filter((p) => p.createdAt < toIso);
  }
}

export class DynamoCounters implements Counters {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
  ) {}

  async range(topic: string, fromIso: string, toIso: string): Promise<BucketCount[]> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': aggKey(topic), ':from': fromIso, ':to': toIso },
      ProjectionExpression: 'sk, #total, negative, hoax',
      ExpressionAttributeNames: { '#total': 'total' },
    };
    const buckets: BucketCount[] = [];
    for (;;) {
      const out = await this.doc.send(new QueryCommand(input));
      for (const it of out.Items ?? []) {
        const bucket = String(it.sk);
        if (bucket < toIso) {
          buckets.push({ bucket, total: Number(it.total ?? 0), negative: Number(it.negative ?? 0), hoax: Number(it.hoax ?? 0) });
        }
      }
      if (!out.LastEvaluatedKey) return buckets;
      input.ExclusiveStartKey = out.LastEvaluatedKey;
    }
  }

  async noteDuplicate(source: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.stateTable,
        Key: { pk: 'STATS#duplicates', sk: source },
        UpdateExpression: 'ADD #count :one',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }
}

interface CooldownItem {
  alertId: string;
  revision: number;
  severity: number;
  until: number;
  sent: boolean;
  leaseUntil: number;
}

/** How long alerts and episode state are kept, and the timezone of the alerts' `firedDate`. */
export interface AlertKeeping {
  readonly alertsDays: number;
  readonly stateDays: number;
  readonly timeZone: string;
  /** How long a claimant has to send before another delivery or the sweep may take the sending over. */
  readonly sendLeaseMs?: number;
}

/** The default of `AlertKeeping.sendLeaseMs` (config `alerts.sendLeaseSeconds`). */
export const SEND_LEASE_MS = 60_000;

export class DynamoAlertLedger implements AlertLedger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly alertsTable: string,
    private readonly stateTable: string,
    private readonly keep: AlertKeeping,
    private readonly wallClock: () => number = Date.now,
  ) {}

  private get leaseMs(): number {
    return this.keep.sendLeaseMs ?? SEND_LEASE_MS;
  }

  async claim(
    kind: string,
    topic: string,
    episodeId: string,
    severity: number,
    atMs: number,
    rule: { cooldownMinutes: number; severityStep: number },
  ): Promise<Claim> {
    const key = episodeKey(kind, topic);
    const until = atMs + rule.cooldownMinutes * MINUTE;
    const expiresAt = epochSeconds(until + this.keep.stateDays * DAY);
    const wallNow = this.wallClock();
    const leaseUntil = wallNow + this.leaseMs;
    // A new episode when there is none, or the last one's cooldown has passed (in event time).
    // Never under the id of the episode there is: a late post from an episode's first window
    // must not start it again (its revision 1 would go out twice).
    const created = await whenCondition(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.stateTable,
          Item: { ...key, kind, key: topic, alertId: episodeId, revision: 1, severity, until, sent: false, leaseUntil, expiresAt },
          ConditionExpression: 'attribute_not_exists(pk) OR (#until < :at AND alertId <> :id)',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':at': atMs, ':id': episodeId },
        }),
      ),
    );
    if (created) return { action: 'new', alertId: episodeId, revision: 1 };
    // Within the episode: an update only when severity has risen by the step.
    const raised = await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: key,
          UpdateExpression: 'SET severity = :sev, revision = revision + :one, sent = :false, leaseUntil = :lease',
          ConditionExpression: '#until >= :at AND severity <= :below',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: {
            ':sev': severity,
            ':below': severity - rule.severityStep,
            ':one': 1,
            ':false': false,
            ':lease': leaseUntil,
            ':at': atMs,
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    if (raised) {
      const item = raised.Attributes as CooldownItem;
      // An update extends the cooldown from its post, forward only: posts come out of order, and
      // an earlier one must not end the episode sooner.
      await whenCondition(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.stateTable,
            Key: key,
            UpdateExpression: 'SET #until = :until, expiresAt = :exp',
            ConditionExpression: 'alertId = :id AND #until < :until',
            ExpressionAttributeNames: { '#until': 'until' },
            ExpressionAttributeValues: { ':until': until, ':exp': expiresAt, ':id': item.alertId },
          }),
        ),
      );
      return { action: 'update', alertId: item.alertId, revision: item.revision };
    }
    // Nothing new to say. But an earlier delivery may have claimed and then failed to send:
    // once its lease has run out, one later delivery (the conditional write decides) sends it.
    const takenOver = await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: key,
          UpdateExpression: 'SET leaseUntil = :lease',
          ConditionExpression: 'sent = :false AND leaseUntil < :now',
          ExpressionAttributeValues: { ':lease': leaseUntil, ':false': false, ':now': wallNow },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    if (takenOver) {
      const item = takenOver.Attributes as CooldownItem;
      return { action: 'unsent', alertId: item.alertId, revision: item.revision };
    }
    return { action: 'none', alertId: episodeId, revision: 0 };
  }

  async record(alert: Alert): Promise<void> {
    // When the same revision is already recorded (a retried delivery), the first record stays.
    await whenCondition(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.alertsTable,
          Item: toAlertItem(alert, { retentionDays: this.keep.alertsDays, nowMs: this.wallClock(), timeZone: this.keep.timeZone }),
          ConditionExpression: 'attribute_not_exists(alertId) OR revision < :rev',
          ExpressionAttributeValues: { ':rev': alert.revision },
        }),
      ),
    );
  }

  async get(alertId: string): Promise<Alert | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.alertsTable, Key: { alertId }, ConsistentRead: true }));
    return out.Item ? fromAlertItem(out.Item).alert : undefined;
  }

  async firedBetween(fromIso: string, toIso: string): Promise<StoredAlert[]> {
    const found: StoredAlert[] = [];
    for (const kind of ALERT_KINDS) {
      const input: QueryCommandInput = {
        TableName: this.alertsTable,
        IndexName: 'byKind',
        KeyConditionExpression: 'kind = :kind AND firedAt BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':kind': kind, ':from': fromIso, ':to': toIso },
      };
      for (;;) {
        const out = await this.doc.send(new QueryCommand(input));
        for (const item of out.Items ?? []) {
          const stored = fromAlertItem(item);
          if (stored.alert.firedAt < toIso) found.push(stored);
        }
        if (!out.LastEvaluatedKey) break;
        input.ExclusiveStartKey = out.LastEvaluatedKey;
      }
    }
    return found;
  }

  async episodes(): Promise<EpisodeState[]> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': EPISODES },
      ConsistentRead: true,
    };
    const found: EpisodeState[] = [];
    for (;;) {
      const out = await this.doc.send(new QueryCommand(input));
      for (const it of out.Items ?? []) {
        found.push({
          kind: String(it.kind),
          key: String(it.key),
          alertId: String(it.alertId),
          revision: Number(it.revision),
          until: Number(it.until),
          sent: it.sent === true,
          resolved: it.resolved === true,
        });
      }
      if (!out.LastEvaluatedKey) return found;
      input.ExclusiveStartKey = out.LastEvaluatedKey;
    }
  }

  async resolve(kind: string, key: string, alertId: string, atMs: number): Promise<number | undefined> {
    // Only a sent episode whose cooldown has passed (event time), and only once.
    const out = await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: episodeKey(kind, key),
          UpdateExpression: 'SET resolved = :true, sent = :false, revision = revision + :one, leaseUntil = :lease',
          ConditionExpression: 'alertId = :id AND sent = :true AND attribute_not_exists(resolved) AND #until < :at',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: {
            ':true': true,
            ':false': false,
            ':one': 1,
            ':id': alertId,
            ':at': atMs,
            ':lease': this.wallClock() + this.leaseMs,
          },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return out ? Number(out.Attributes?.revision) : undefined;
  }

  async resumeSend(kind: string, key: string, revision: number): Promise<boolean> {
    const now = this.wallClock();
    const taken = await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: episodeKey(kind, key),
          UpdateExpression: 'SET leaseUntil = :lease',
          ConditionExpression: 'sent = :false AND revision = :rev AND leaseUntil < :now',
          ExpressionAttributeValues: { ':lease': now + this.leaseMs, ':false': false, ':rev': revision, ':now': now },
        }),
      ),
    );
    return taken !== undefined;
  }

  async takeHourSlot(atMs: number, maxPerHour: number): Promise<boolean> {
    const hour = new Date(atMs).toISOString().slice(0, 13);
    const taken = await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: { pk: 'ALERTS_PER_HOUR', sk: hour },
          UpdateExpression: 'ADD #sent :one SET expiresAt = if_not_exists(expiresAt, :exp)',
          ConditionExpression: 'attribute_not_exists(#sent) OR #sent < :max',
          ExpressionAttributeNames: { '#sent': 'sent' },
          ExpressionAttributeValues: { ':one': 1, ':max': maxPerHour, ':exp': epochSeconds(Math.max(atMs, this.wallClock()) + 2 * DAY) },
        }),
      ),
    );
    return taken !== undefined;
  }

  async markSent(kind: string, topic: string, alert: Alert, status: 'sent' | 'capped' = 'sent'): Promise<void> {
    // A newer revision recorded meanwhile is marked by its own sender, in both places.
    await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.alertsTable,
          Key: { alertId: alert.alertId },
          UpdateExpression: 'SET #status = :status, sentAt = :now',
          ConditionExpression: 'revision = :rev',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status, ':now': new Date(this.wallClock()).toISOString(), ':rev': alert.revision },
        }),
      ),
    );
    await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: episodeKey(kind, topic),
          UpdateExpression: 'SET sent = :true',
          ConditionExpression: 'alertId = :id AND revision = :rev',
          ExpressionAttributeValues: { ':true': true, ':id': alert.alertId, ':rev': alert.revision },
        }),
      ),
    );
  }
}

export class DynamoCheckpoints implements Checkpoints {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
  ) {}

  async get(collector: string, key: string): Promise<Checkpoint | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.stateTable, Key: { pk: `CKPT#${collector}`, sk: key }, ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    return { offset: Number(out.Item.offset), line: Number(out.Item.line), updatedAt: String(out.Item.updatedAt) };
  }

  async put(collector: string, key: string, checkpoint: Checkpoint): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.stateTable, Item: { pk: `CKPT#${collector}`, sk: key, ...checkpoint } }));
  }
}
