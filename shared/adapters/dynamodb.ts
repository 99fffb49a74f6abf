/** DynamoDB implementations of the pipeline's ports, over the tables in shared/resources.ts. */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ALERT_KINDS, type Alert } from '../alerts/alert';
import { conditionHeld, whenCondition } from './conditional';
import { batchGetAll } from './batch-get';
import { batchPutAll, type PutRequest } from './batch-write';
import { ALERTS_TABLE } from '../analytics/schema';
import { ALL_TOPICS, RESPONSE_ATTRIBUTES, fromAlertItem, revisionEntry, toAlertItem, type PostItem, type StoredHoax } from '../items';
import type { CountedUpTo } from '../console/ports';
import { seqKey } from '../pipeline/sequence';
import { counterId, countersTouched, nextCounters, type CounterState, type PostIncrements } from '../pipeline/tally';
import type {
  AlertEpisodes,
  BucketCount,
  Checkpoint,
  Checkpoints,
  Claim,
  ClaimRule,
  Counters,
  EpisodeState,
  PostStore,
  SaveOutcome,
  StoredAlert,
  WindowTally,
} from '../pipeline/ports';
import type { Config } from '../config';
import { DAY, MINUTE, epochSeconds } from '../time';
import { queryItems } from './pages';
import { sleep as realSleep } from '../retry';

export const aggKey = (topic: string): string => `AGG#${topic}`;

/**
 * A writer's counter item: the (topic, bucket) counter as one writer (a stream shard) counted it,
 * sk `<bucket>#<writer>`. Readers add up the writers of a bucket. Items of deployments from
 * before the aggregator have the bare bucket as sort key, and are read the same way.
 */
const counterSortKey = (bucket: string, writer: string): string => `${bucket}#${writer}`;
/** The bucket of a counter item's sort key. */
export const bucketOfSortKey = (sk: string): string => sk.split('#', 1)[0] as string;

/** How far each writer has counted: one item per stream shard in this partition, sk the shard. */
export const COUNTED = 'COUNTED';

/**
 * Every alert episode is one item of the `EPISODES` partition (sk `<kind>#<key>`), so the
 * episodes still open can be listed with one Query (the resolution sweep). Few are written: one
 * per alert claim.
 */
const EPISODES = 'EPISODES';
const episodeKey = (kind: string, key: string): { pk: string; sk: string } => ({ pk: EPISODES, sk: `${kind}#${key}` });

/**
 * A topic's posts with `createdAt` in [fromIso, toIso], newest first, from the `byTopic` index
 * (BETWEEN takes `toIso` itself: readers of a half-open range drop it).
 */
export function topicPostsQuery(postsTable: string, topic: string, fromIso: string, toIso: string, limit: number): QueryCommandInput {
  return {
    TableName: postsTable,
    IndexName: 'byTopic',
    KeyConditionExpression: 'topic = :t AND createdAt BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':t': topic, ':from': fromIso, ':to': toIso },
    ScanIndexForward: false,
    Limit: limit,
  };
}

export class DynamoPostStore implements PostStore {
  constructor(
    protected readonly doc: DynamoDBDocumentClient,
    protected readonly postsTable: string,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {}

  async save(item: PostItem): Promise<SaveOutcome> {
    const written = await conditionHeld(() =>
      this.doc.send(new PutCommand({ TableName: this.postsTable, Item: item, ConditionExpression: 'attribute_not_exists(postKey)' })),
    );
    return written ? 'stored' : 'duplicate';
  }

  async byTopic(topic: string, fromIso: string, toIso: string, limit: number): Promise<PostItem[]> {
    const out = await this.doc.send(new QueryCommand(topicPostsQuery(this.postsTable, topic, fromIso, toIso, limit)));
    return ((out.Items ?? []) as PostItem[]).filter((p) => p.createdAt < toIso);
  }

  async get(keys: readonly string[]): Promise<PostItem[]> {
    const found = await batchGetAll(
      this.doc,
      this.postsTable,
      [...new Set(keys)].map((postKey) => ({ postKey })),
      { what: 'posts', describe: (key) => String(key.postKey), sleep: this.sleep },
    );
    return found as unknown as PostItem[];
  }

  async setHoax(key: string, hoax: StoredHoax): Promise<void> {
    await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.postsTable,
          Key: { postKey: key },
          UpdateExpression:
            'SET hoaxScore = :score, hoaxLevel = :level, hoaxIndicators = :names, hoaxEvidence = :evidence, hoaxWeights = :weights',
          ConditionExpression: 'attribute_exists(postKey)',
          ExpressionAttributeValues: {
            ':score': hoax.hoaxScore,
            ':level': hoax.hoaxLevel,
            ':names': hoax.hoaxIndicators,
            ':evidence': hoax.hoaxEvidence,
            ':weights': hoax.hoaxWeights,
          },
        }),
      ),
    );
  }
}

export class DynamoCounters implements Counters, CountedUpTo {
  /**
   * `consistent`: ranges are read strongly consistent (the aggregator reads what it has just
   * counted; the digest, a day later, need not pay twice for that).
   */
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    private readonly opts: { readonly consistent?: boolean } = {},
  ) {}

  async range(topic: string, fromIso: string, toIso: string): Promise<BucketCount[]> {
    // `<toIso>#<writer>` sorts after `toIso`: BETWEEN takes the buckets in [fromIso, toIso) and a bare `toIso`.
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': aggKey(topic), ':from': fromIso, ':to': toIso },
      ProjectionExpression: 'sk, #total, negative, hoax, driven',
      ExpressionAttributeNames: { '#total': 'total' },
      ConsistentRead: this.opts.consistent === true,
    };
    const buckets = new Map<string, { total: number; negative: number; hoax: number; driven: number }>();
    for await (const it of queryItems(this.doc, input)) {
      const bucket = bucketOfSortKey(String(it.sk));
      if (bucket >= toIso) continue;
      const had = buckets.get(bucket) ?? { total: 0, negative: 0, hoax: 0, driven: 0 };
      buckets.set(bucket, {
        total: had.total + Number(it.total ?? 0),
        negative: had.negative + Number(it.negative ?? 0),
        hoax: had.hoax + Number(it.hoax ?? 0),
        driven: had.driven + Number(it.driven ?? 0),
      });
    }
    return [...buckets].map(([bucket, counts]) => ({ bucket, ...counts }));
  }

  /** The newest bucket counted of every post (`AGG#*`): where the console's "last 24 hours" end when the data is older (a replay). */
  async latestBucket(): Promise<string | undefined> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.stateTable,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': aggKey(ALL_TOPICS) },
        ProjectionExpression: 'sk',
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const sk = out.Items?.[0]?.sk;
    return typeof sk === 'string' ? bucketOfSortKey(sk) : undefined;
  }

  async noteDuplicates(source: string, count: number): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.stateTable,
        Key: { pk: 'STATS#duplicates', sk: source },
        UpdateExpression: 'ADD #count :n',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':n': count },
      }),
    );
  }
}

/**
 * The counters as the aggregator writes them (ports.ts, `WindowTally`), with no transaction: a
 * writer's counter items are its own (one invocation per shard at a time), so each window reads
 * the items it adds to, adds the posts after each item's own sequence number, and writes them back
 * whole with BatchWriteItem (25 a request); then the writer's mark moves (`COUNTED`, sk the
 * writer, `seq` padded to 40 digits). A window tried again finds the items it wrote already
 * holding its posts, and adds only what they lack.
 */
export class DynamoWindowTally implements WindowTally {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly stateTable: string,
    private readonly keepDays: number,
    private readonly wallClock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {}

  async counted(writer: string): Promise<string> {
    const out = await this.doc.send(new GetCommand({ TableName: this.stateTable, Key: { pk: COUNTED, sk: writer }, ConsistentRead: true }));
    return typeof out.Item?.seq === 'string' ? out.Item.seq : '';
  }

  async add(writer: string, posts: readonly PostIncrements[]): Promise<void> {
    const keyOf = (topic: string, bucket: string) => ({ pk: aggKey(topic), sk: counterSortKey(bucket, writer) });
    const stored = await batchGetAll(
      this.doc,
      this.stateTable,
      countersTouched(posts).map(({ topic, bucket }) => keyOf(topic, bucket)),
      { what: `counters of ${writer}`, describe: (key) => `${String(key.pk)}/${String(key.sk)}`, sleep: this.sleep },
    );
    const current = new Map<string, CounterState>();
    for (const item of stored) {
      const topic = String(item.pk).slice(aggKey('').length);
      const bucket = bucketOfSortKey(String(item.sk));
      current.set(counterId(topic, bucket), {
        topic,
        bucket,
        counts: {
          total: Number(item.total ?? 0),
          negative: Number(item.negative ?? 0),
          positive: Number(item.positive ?? 0),
          neutral: Number(item.neutral ?? 0),
          hoax: Number(item.hoax ?? 0),
          driven: Number(item.driven ?? 0),
        },
        seq: typeof item.seq === 'string' ? item.seq : '',
        expiresAt: Number(item.expiresAt ?? 0),
      });
    }
    const writes: PutRequest[] = nextCounters(current, posts).map((c) => ({
      PutRequest: { Item: { ...keyOf(c.topic, c.bucket), ...c.counts, seq: c.seq, expiresAt: c.expiresAt } },
    }));
    await batchPutAll(this.doc, this.stateTable, writes, {
      what: `counters of ${writer}`,
      concurrency: 4,
      sleep: this.sleep,
      describe: (item) => `${String(item.pk)}/${String(item.sk)}`,
    });
  }

  async mark(writer: string, upTo: string): Promise<void> {
    // Only forward: a window tried again after the mark moved leaves it.
    await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.stateTable,
          Key: { pk: COUNTED, sk: writer },
          UpdateExpression: 'SET seq = :upTo, updatedAt = :now, expiresAt = :exp',
          ConditionExpression: 'attribute_not_exists(seq) OR seq < :upTo',
          ExpressionAttributeValues: {
            ':upTo': seqKey(upTo),
            ':now': new Date(this.wallClock()).toISOString(),
            ':exp': epochSeconds(this.wallClock() + this.keepDays * DAY),
          },
        }),
      ),
    );
  }
}

/**
 * The attributes of an alert item a revision may lack, as the export schema documents them:
 * recording a revision removes what the one before left. Not the revisions kept and the response
 * log, which recording a revision keeps.
 */
const REPLACEABLE_ALERT_ATTRIBUTES: readonly string[] = ALERTS_TABLE.attributes
  .filter((a) => !a.always && a.name !== 'revisions' && !(RESPONSE_ATTRIBUTES as readonly string[]).includes(a.name))
  .map((a) => a.name);

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

/** The alert episodes' record as the config keeps alerts: what every function that sends alerts uses. */
export function alertEpisodes(
  doc: DynamoDBDocumentClient,
  alertsTable: string,
  stateTable: string,
  config: Pick<Config, 'retention' | 'timezone' | 'alerts'>,
): DynamoAlertEpisodes {
  return new DynamoAlertEpisodes(doc, alertsTable, stateTable, {
    alertsDays: config.retention.alertsDays,
    stateDays: config.retention.stateDays,
    timeZone: config.timezone,
    sendLeaseMs: config.alerts.sendLeaseSeconds * 1000,
  });
}

export class DynamoAlertEpisodes implements AlertEpisodes {
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

  async claim(kind: string, topic: string, episodeId: string, severity: number, atMs: number, rule: ClaimRule): Promise<Claim> {
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
    // One update, not a put: the item keeps the console's response log and every earlier
    // revision (`revisions`), and the attributes this revision lacks are removed. When the same
    // revision is already recorded (a retried delivery), the first record stays.
    const { alertId: _id, ...item } = toAlertItem(alert, {
      retentionDays: this.keep.alertsDays,
      nowMs: this.wallClock(),
      timeZone: this.keep.timeZone,
    }) as unknown as Record<string, unknown>;
    const set = Object.entries(item).filter(([, value]) => value !== undefined);
    const removed = REPLACEABLE_ALERT_ATTRIBUTES.filter((name) => item[name] === undefined);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':rev': alert.revision, ':entry': [revisionEntry(alert)], ':none': [] };
    const assignments = set.map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      return `#a${i} = :a${i}`;
    });
    removed.forEach((name, i) => (names[`#r${i}`] = name));
    names['#revisions'] = 'revisions';
    names['#revision'] = 'revision';
    const update = [
      `SET ${[...assignments, '#revisions = list_append(if_not_exists(#revisions, :none), :entry)'].join(', ')}`,
      ...(removed.length > 0 ? [`REMOVE ${removed.map((_, i) => `#r${i}`).join(', ')}`] : []),
    ].join(' ');
    await whenCondition(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.alertsTable,
          Key: { alertId: alert.alertId },
          UpdateExpression: update,
          ConditionExpression: 'attribute_not_exists(alertId) OR #revision < :rev',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
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
      for await (const item of queryItems(this.doc, input)) {
        const stored = fromAlertItem(item);
        if (stored.alert.firedAt < toIso) found.push(stored);
      }
    }
    return found;
  }

  async all(): Promise<EpisodeState[]> {
    const input: QueryCommandInput = {
      TableName: this.stateTable,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': EPISODES },
      ConsistentRead: true,
    };
    const found: EpisodeState[] = [];
    for await (const it of queryItems(this.doc, input)) {
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
    return found;
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
