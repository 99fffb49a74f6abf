/**
 * The embedded twin of infra/aws: starts the emulators and creates the tables, queues and topic
 * from the same description (shared/resources.ts) that the CDK app builds from.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSqsClient } from '../../shared/adapters/sqs';
import { QUEUES, TABLES, TOPICS, physicalName, type TableName, type TableSpec } from '../../shared/resources';
import { startConflictProxy, type ConflictProxy } from './conflicts';
import { LOCAL_CREDENTIALS, startDynamoDbLocal, startFauxqsServer, type DynamoDbLocal, type Fauxqs } from './emulators';
import { lockDataFolder } from './run-lock';
import { listenForStop, signalExitCode } from './stop-signals';
import { recoverTables, setTablesAside, tablesDir, tablesReleased, type SetAside } from './table-files';

export const LOCAL_REGION = 'ap-southeast-3';
/** Local-only queue subscribed to the alerts topic: how `pantau run` sees each alert arrive. */
export const ALERT_INBOX = 'alerts-inbox';

export interface LocalStackOptions {
  /**
   * The data folder (`.pantau/` by default); DynamoDB Local keeps its tables in `<dataDir>/dynamodb`.
   * One stack at a time on a folder: another start there is refused (DataFolderInUseError).
   */
  readonly dataDir?: string;
  /**
   * Start with empty tables: the ones left by an earlier run are deleted, but only once everything
   * has started (a start that fails leaves them).
   */
  readonly fresh?: boolean;
  /** How the lock on the data folder names this process to another start (default: its command line, e.g. `pantau run`). */
  readonly command?: string;
  /** Called once the data folder is this process's, before the emulators start (to say they are starting). */
  readonly onFolderTaken?: () => void;
  readonly prefix?: string;
  readonly region?: string;
  /**
   * Local speed-up for tests only: a shorter visibility timeout on the posts queue, so retries of
   * failed records come round in seconds instead of minutes. Deployed queues use the description.
   */
  readonly visibilityTimeoutSeconds?: number;
  /**
   * DynamoDB's transaction conflicts, which DynamoDB Local does not have (conflicts.ts): on when
   * given true, or by default when the environment has PANTAU_LOCAL_CONFLICTS=1.
   */
  readonly conflicts?: boolean;
}

/** Whether the local stack answers transaction conflicts as DynamoDB does, unless told: PANTAU_LOCAL_CONFLICTS=1. */
function conflictsFromEnv(): boolean {
  return process.env.PANTAU_LOCAL_CONFLICTS === '1';
}

export interface LocalResources {
  readonly tables: Record<TableName, string>;
  /** The posts table's stream, which the aggregator reads. */
  readonly postsStreamArn: string;
  readonly postsQueueUrl: string;
  readonly dlqUrl: string;
  /** Where the local stream poller reports a batch the aggregator gave up on. */
  readonly aggregatorFailuresUrl: string;
  readonly topicArn: string;
  readonly inboxQueueUrl: string;
}

export interface LocalEndpoints {
  readonly dynamodb: string;
  readonly sqsSns: string;
}

export interface LocalClients {
  readonly dynamo: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  readonly streams: DynamoDBStreamsClient;
  readonly sqs: SQSClient;
  readonly sns: SNSClient;
}

export interface LocalStack {
  readonly region: string;
  readonly endpoints: LocalEndpoints;
  readonly resources: LocalResources;
  readonly clients: LocalClients;
  /** What the functions' environment holds on AWS, pointing at the emulators. */
  readonly env: Record<string, string>;
  /** The transaction-conflict proxy in front of DynamoDB Local, when on. */
  readonly conflicts?: ConflictProxy;
  /** DynamoDB Local's own endpoint (behind the proxy when conflicts are on): its process listens there. */
  readonly dynamoDbLocalEndpoint: string;
  /** The process running DynamoDB Local (its watchdog, whose child is the Java process), when this stack started one. */
  readonly dynamoDbLocalPid?: number;
  stop(): Promise<void>;
}

export function localClients(endpoints: LocalEndpoints, region: string): LocalClients {
  const common = { region, credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb });
  return {
    dynamo,
    doc: makeDocumentClient(dynamo),
    streams: new DynamoDBStreamsClient({ ...common, endpoint: endpoints.dynamodb }),
    sqs: makeSqsClient({ ...common, endpoint: endpoints.sqsSns }),
    sns: new SNSClient({ ...common, endpoint: endpoints.sqsSns }),
  };
}

/**
 * Starts the emulators and creates the resources. On a data folder, takes the folder first (one
 * Pantau at a time: run-lock.ts), and with `fresh` gives up the last run's tables only once
 * everything has started (table-files.ts): a start that fails leaves them as they were.
 */
export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const lock = opts.dataDir ? lockDataFolder(opts.dataDir, opts.command) : undefined;
  let setAside: SetAside | undefined;
  try {
    opts.onFolderTaken?.();
    if (opts.dataDir) {
      // A run killed outright leaves its DynamoDB Local for a moment, until its watchdog ends it.
      await tablesReleased(opts.dataDir);
      recoverTables(opts.dataDir);
      if (opts.fresh) setAside = setTablesAside(opts.dataDir);
    }
    const stack = await startEmulators(opts);
    try {
      setAside?.discard();
    } catch (err) {
      await stack.stop();
      throw err;
    }
    return {
      ...stack,
      async stop() {
        await stack.stop();
        lock?.release();
      },
    };
  } catch (err) {
    // Everything started is stopped by now: the old tables can come back.
    setAside?.restore();
    lock?.release();
    throw err;
  }
}

/** The emulators on the data folder's tables (or in memory), and the resources: all of it, or nothing left running. */
async function startEmulators(opts: LocalStackOptions): Promise<LocalStack> {
  const region = opts.region ?? LOCAL_REGION;
  const prefix = opts.prefix ?? 'pantau';
  const dataDir = opts.dataDir ? tablesDir(opts.dataDir) : undefined;

  const [ddb, sqsSns] = await Promise.allSettled([startDynamoDbLocal({ dataDir, region }), startFauxqsServer(region)]);
  if (ddb.status === 'rejected' || sqsSns.status === 'rejected') {
    // Stop whichever did start, so a failed start leaves nothing running.
    await Promise.allSettled([ddb.status === 'fulfilled' && ddb.value.stop(), sqsSns.status === 'fulfilled' && sqsSns.value.stop()]);
    throw ddb.status === 'rejected' ? ddb.reason : (sqsSns as PromiseRejectedResult).reason;
  }
  const dynamoDb: DynamoDbLocal = ddb.value;
  const fauxqs: Fauxqs = sqsSns.value;
  let conflicts: ConflictProxy | undefined;
  const stopEmulators = async (): Promise<void> => {
    await Promise.allSettled([fauxqs.stop(), dynamoDb.stop(), conflicts?.close()]);
  };
  try {
    if (opts.conflicts ?? conflictsFromEnv()) conflicts = await startConflictProxy(dynamoDb.endpoint);
  } catch (err) {
    await stopEmulators();
    throw err;
  }
  const endpoints = { dynamodb: conflicts?.url ?? dynamoDb.endpoint, sqsSns: fauxqs.endpoint };
  const clients = localClients(endpoints, region);
  const stopAll = async (): Promise<void> => {
    destroyClients(clients);
    await stopEmulators();
  };
  try {
    const resources = await createResources(clients, prefix, opts.visibilityTimeoutSeconds);
    return {
      region,
      endpoints,
      resources,
      clients,
      env: functionEnv(region, endpoints, resources),
      ...(conflicts ? { conflicts } : {}),
      dynamoDbLocalEndpoint: dynamoDb.endpoint,
      dynamoDbLocalPid: dynamoDb.pid,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * Starts the local stack on the data folder (never afresh: what is stored stays), makes sure the
 * tables exist, runs `work`, and stops the emulators whatever happens. Refused, like any start,
 * while another Pantau uses the folder. Ctrl-C or SIGTERM stops the emulators and ends the
 * process with the signal's exit code (stop-signals.ts; a second one ends it at once).
 */
export async function withLocalStack<T>(
  opts: { readonly dataDir: string; readonly region?: string; readonly err?: NodeJS.WritableStream; readonly command?: string },
  work: (stack: LocalStack) => Promise<T>,
): Promise<T> {
  const err = opts.err ?? process.stderr;
  const stack = await startLocalStack({
    dataDir: opts.dataDir,
    fresh: false,
    region: opts.region,
    command: opts.command,
    onFolderTaken: () => err.write(`Pantau: starting DynamoDB Local in ${opts.dataDir} ...\n`),
  });
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => (stopping ??= stack.stop());
  const stop = listenForStop({ err: opts.err });
  stop.signal.addEventListener('abort', () => {
    const signal = stop.received() ?? 'SIGTERM';
    void shutdown().then(() => process.exit(signalExitCode(signal)));
  });
  try {
    return await work(stack);
  } finally {
    stop.dispose();
    await shutdown();
  }
}

export function destroyClients(clients: LocalClients): void {
  clients.dynamo.destroy();
  clients.streams.destroy();
  clients.sqs.destroy();
  clients.sns.destroy();
}

export function functionEnv(region: string, endpoints: LocalEndpoints, r: LocalResources): Record<string, string> {
  return {
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SQS: endpoints.sqsSns,
    AWS_ENDPOINT_URL_SNS: endpoints.sqsSns,
    [TABLES.posts.envVar]: r.tables.posts,
    [TABLES.alerts.envVar]: r.tables.alerts,
    [TABLES.state.envVar]: r.tables.state,
    [QUEUES.posts.envVar]: r.postsQueueUrl,
    [QUEUES.posts.deadLetter.envVar]: r.dlqUrl,
    [TOPICS.alerts.envVar]: r.topicArn,
  };
}

export async function createResources(c: LocalClients, prefix: string, visibilityTimeoutSeconds?: number): Promise<LocalResources> {
  const tables = {} as Record<TableName, string>;
  const streams = {} as Record<TableName, string | undefined>;
  for (const [key, spec] of Object.entries(TABLES) as [TableName, TableSpec][]) {
    tables[key] = physicalName(prefix, spec.name);
    streams[key] = await createTable(c.dynamo, tables[key], spec);
  }
  if (!streams.posts) throw new Error(`table ${tables.posts} has no stream: the aggregator reads new posts from it`);

  const q = QUEUES.posts;
  const days = (n: number): string => String(n * 24 * 3600);
  const dlqUrl = await createQueue(c.sqs, physicalName(prefix, q.deadLetter.name), {
    MessageRetentionPeriod: days(q.deadLetter.retentionDays),
  });
  const dlqArn = await queueArn(c.sqs, dlqUrl);
  const postsQueueUrl = await createQueue(c.sqs, physicalName(prefix, q.name), {
    VisibilityTimeout: String(visibilityTimeoutSeconds ?? q.visibilityTimeoutSeconds),
    MessageRetentionPeriod: days(q.retentionDays),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: q.deadLetter.maxReceiveCount }),
  });

  const failures = QUEUES.aggregatorFailures;
  const aggregatorFailuresUrl = await createQueue(c.sqs, physicalName(prefix, failures.name), {
    VisibilityTimeout: String(failures.visibilityTimeoutSeconds),
    MessageRetentionPeriod: days(failures.retentionDays),
  });

  const topic = await c.sns.send(new CreateTopicCommand({ Name: physicalName(prefix, TOPICS.alerts.name) }));
  const topicArn = topic.TopicArn as string;
  const inboxQueueUrl = await createQueue(c.sqs, physicalName(prefix, ALERT_INBOX), {});
  await c.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: await queueArn(c.sqs, inboxQueueUrl) }));
  return { tables, postsStreamArn: streams.posts, postsQueueUrl, dlqUrl, aggregatorFailuresUrl, topicArn, inboxQueueUrl };
}

/** Creates the table (or finds it kept from an earlier run); returns its stream's ARN when it has one. */
async function createTable(dynamo: DynamoDBClient, name: string, spec: TableSpec): Promise<string | undefined> {
  const attributes = new Map<string, AttributeDefinition>();
  const keys = [spec.partitionKey, spec.sortKey, ...spec.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  for (const k of keys) if (k) attributes.set(k.name, { AttributeName: k.name, AttributeType: k.type });
  const schema = (pk: { name: string }, sk?: { name: string }) => [
    { AttributeName: pk.name, KeyType: 'HASH' as const },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
  ];
  const input: CreateTableCommandInput = {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes.values()],
    KeySchema: schema(spec.partitionKey, spec.sortKey),
    GlobalSecondaryIndexes:
      spec.indexes.length > 0
        ? spec.indexes.map((i) => ({
            IndexName: i.name,
            KeySchema: schema(i.partitionKey, i.sortKey),
            Projection: { ProjectionType: 'ALL' },
          }))
        : undefined,
    StreamSpecification: spec.stream ? { StreamEnabled: true, StreamViewType: spec.stream } : undefined,
    TableClass: spec.tableClass,
  };
  try {
    const created = await dynamo.send(new CreateTableCommand(input));
    await dynamo.send(
      new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: spec.ttlAttribute, Enabled: true } }),
    );
    return created.TableDescription?.LatestStreamArn;
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
    // Kept from an earlier run (--resume). A table kept from a version of Pantau before the
    // aggregator has no stream yet: it gets one (the posts stored before it were counted then).
    const kept = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    if (!spec.stream || kept.Table?.StreamSpecification?.StreamEnabled) return kept.Table?.LatestStreamArn;
    const updated = await dynamo.send(
      new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: true, StreamViewType: spec.stream } }),
    );
    return updated.TableDescription?.LatestStreamArn;
  }
}

async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  const out = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return out.QueueUrl as string;
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return out.Attributes?.QueueArn as string;
}
