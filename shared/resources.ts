/**
 * The one description of Pantau's stateful resources. `infra/aws` (CDK) and `infra/local`
 * (DynamoDB Local + fauxqs) both build from it, so local and deployed never drift apart.
 *
 * Three tables, split by who reads them:
 * - posts:  one item per classified post, flat attributes, exported for analysts;
 * - alerts: one item per alert episode, exported for analysts;
 * - state:  operational items only (collector checkpoints, counters, cooldowns, failure notes).
 *   They churn and expire quickly and mean nothing to analysts, so they stay out of the
 *   exported tables: each export then holds one item type with one documented shape.
 */
import { ENV } from './env-names';

export type KeyType = 'S' | 'N';

export interface KeySpec {
  readonly name: string;
  readonly type: KeyType;
}

export interface IndexSpec {
  readonly name: string;
  readonly partitionKey: KeySpec;
  readonly sortKey?: KeySpec;
}

export interface TableSpec {
  /** Logical name: part of the physical name locally, the construct id on AWS. */
  readonly name: string;
  /** Environment variable through which functions receive the table name. */
  readonly envVar: string;
  readonly partitionKey: KeySpec;
  readonly sortKey?: KeySpec;
  readonly indexes: readonly IndexSpec[];
  /** Attribute holding the expiry as epoch seconds (DynamoDB TTL). */
  readonly ttlAttribute: string;
  /** Point-in-time recovery when deployed (needed for exports to S3, and to restore the table after a mistake). */
  readonly pointInTimeRecovery: boolean;
  /** A DynamoDB stream of the table's changes, with what each record carries. */
  readonly stream?: 'NEW_IMAGE';
  /**
   * DynamoDB's table class when not the Standard one: Standard-IA stores for 60% less and charges
   * 25% more per request, the cheaper class for a table whose bill is mostly what it keeps.
   */
  readonly tableClass?: 'STANDARD_INFREQUENT_ACCESS';
}

export interface QueueSpec {
  readonly name: string;
  readonly envVar: string;
  readonly visibilityTimeoutSeconds: number;
  readonly retentionDays: number;
  readonly deadLetter?: {
    readonly name: string;
    readonly envVar: string;
    readonly maxReceiveCount: number;
    readonly retentionDays: number;
  };
}

export interface TopicSpec {
  readonly name: string;
  readonly envVar: string;
  /** SNS message attributes set on every publish, so subscribers can filter. */
  readonly messageAttributes: readonly string[];
}

/** How the classifier consumes the posts queue (Lambda event source mapping and the local poller). */
export interface ConsumerSpec {
  readonly timeoutSeconds: number;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly maxConcurrency: number;
}

/**
 * How the aggregator consumes the posts table's stream (Lambda's DynamoDB event source mapping,
 * and the local stream poller that stands in for it). Records are read per shard, in order, one
 * invocation per shard at a time; with a tumbling window, each invocation gets the state the
 * previous one of the same window returned, and the window ends with one final invocation
 * (`isFinalInvokeForWindow`) that acts on the whole window at once.
 */
export interface StreamConsumerSpec {
  readonly timeoutSeconds: number;
  /** Records per invocation at most. */
  readonly batchSize: number;
  /** How long records are gathered before an invocation, unless the batch fills first. */
  readonly maxBatchingWindowSeconds: number;
  /** The tumbling window: records are folded into its state, and acted on once at its end. */
  readonly windowSeconds: number;
  /** Lambda ends a window early once its state passes this size (1 MB per shard). */
  readonly maxStateBytes: number;
  /** Tries of a failed invocation after the first, before its records go to the failure queue. */
  readonly maxRetryAttempts: number;
  /** Where a new mapping starts reading: the oldest record still in the stream. */
  readonly startingPosition: 'TRIM_HORIZON';
  /** Only stream records of these kinds reach the function (an event filter on `eventName`). */
  readonly eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[];
  /** One invocation per shard at a time: a shard's windows are written by one writer. */
  readonly parallelizationFactor: 1;
}

export const TTL_ATTRIBUTE = 'expiresAt';

/** Memory of every function (MB): Lambda bills GB-seconds of it, and gives CPU in proportion. */
export const FUNCTION_MEMORY_MB = 512;

export const CLASSIFIER: ConsumerSpec = {
  timeoutSeconds: 30,
  batchSize: 10,
  maxBatchingWindowSeconds: 1,
  maxConcurrency: 4,
};

/**
 * The aggregator: new posts (stream records of inserts only: the aggregator's own updates of a
 * post and TTL deletions are left out) counted, checked for coordinated posting and held
 * against the alert rules once per window per shard.
 */
export const AGGREGATOR: StreamConsumerSpec = {
  timeoutSeconds: 120,
  batchSize: 1000,
  maxBatchingWindowSeconds: 5,
  windowSeconds: 30,
  maxStateBytes: 1024 * 1024,
  maxRetryAttempts: 50,
  startingPosition: 'TRIM_HORIZON',
  eventNames: ['INSERT'],
  parallelizationFactor: 1,
};

/** The scheduled collectors (file, x, news, factchecks): how long one run may take. */
export const COLLECTOR = {
  timeoutSeconds: 300,
  /** A run stops starting new pages when this little of its time is left, and checkpoints. */
  safetySeconds: 15,
  /** How long a run's lock holds: past the timeout, so a run that died frees it for the next schedule. */
  lockSeconds: 360,
} as const;

export const TABLES = {
  posts: {
    name: 'posts',
    envVar: ENV.postsTable,
    partitionKey: { name: 'postKey', type: 'S' },
    indexes: [
      // Posts of a watch topic in event-time order: evidence for alerts, topic timelines.
      { name: 'byTopic', partitionKey: { name: 'topic', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } },
    ],
    ttlAttribute: TTL_ATTRIBUTE,
    pointInTimeRecovery: true,
    // New posts reach the aggregator through it (AGGREGATOR).
    stream: 'NEW_IMAGE',
    // Each post is written once and kept `retention.postsDays` (400 by default): storage is most
    // of this table's bill (npm run bench, part cost), so it lives in the Standard-IA class.
    tableClass: 'STANDARD_INFREQUENT_ACCESS',
  },
  alerts: {
    name: 'alerts',
    envVar: ENV.alertsTable,
    partitionKey: { name: 'alertId', type: 'S' },
    indexes: [{ name: 'byKind', partitionKey: { name: 'kind', type: 'S' }, sortKey: { name: 'firedAt', type: 'S' } }],
    ttlAttribute: TTL_ATTRIBUTE,
    pointInTimeRecovery: true,
  },
  state: {
    name: 'state',
    envVar: ENV.stateTable,
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [],
    ttlAttribute: TTL_ATTRIBUTE,
    // Alert episodes, the outbox of alerts not yet sent and the console's acknowledgements live
    // here beside the collectors' checkpoints: a restore must be able to bring them back.
    pointInTimeRecovery: true,
  },
} as const satisfies Record<string, TableSpec>;

export const QUEUES = {
  posts: {
    name: 'posts',
    envVar: ENV.postsQueue,
    // At least 6x the classifier's timeout, as Lambda's SQS guidance asks.
    visibilityTimeoutSeconds: 6 * CLASSIFIER.timeoutSeconds,
    retentionDays: 4,
    deadLetter: { name: 'posts-dlq', envVar: ENV.postsDlq, maxReceiveCount: 3, retentionDays: 14 },
  },
  /**
   * Where the aggregator's event source mapping reports a batch it gave up on after its retries
   * (which shard, which sequence numbers; the posts themselves stay in the posts table).
   */
  aggregatorFailures: {
    name: 'aggregator-failures',
    envVar: ENV.aggregatorFailures,
    visibilityTimeoutSeconds: 30,
    retentionDays: 14,
  },
} as const satisfies Record<string, QueueSpec>;

export const TOPICS = {
  alerts: {
    name: 'alerts',
    envVar: ENV.alertsTopic,
    messageAttributes: ['kind', 'severity', 'topic'],
  },
} as const satisfies Record<string, TopicSpec>;

export type TableName = keyof typeof TABLES;

/** Physical resource name for a deployment prefix, e.g. `pantau-posts`. */
export function physicalName(prefix: string, logical: string): string {
  return `${prefix}-${logical}`;
}
