/**
 * The embedded twin of infra/aws: starts the emulators and creates the tables, queues and topic
 * from the same description (shared/resources.ts) that the CDK app builds from.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { makeDocumentClient, makeSqsClient } from '../../shared/adapters/clients';
import { QUEUES, TABLES, TOPICS, physicalName, type TableName, type TableSpec } from '../../shared/resources';
import { LOCAL_CREDENTIALS, startDynamoDbLocal, startFauxqsServer, type DynamoDbLocal, type Fauxqs } from './emulators';

export const LOCAL_REGION = 'ap-southeast-3';
/** Local-only queue subscribed to the alerts topic: how `pantau run` sees each alert arrive. */
export const ALERT_INBOX = 'alerts-inbox';

export interface LocalStackOptions {
  /** The data folder (`.pantau/` by default); DynamoDB Local keeps its tables in `<dataDir>/dynamodb`. */
  readonly dataDir?: string;
  /** Delete the tables left by an earlier run first. */
  readonly fresh?: boolean;
  readonly prefix?: string;
  readonly region?: string;
  /**
   * Local speed-up for tests only: a shorter visibility timeout on the posts queue, so retries of
   * failed records come round in seconds instead of minutes. Deployed queues use the description.
   */
  readonly visibilityTimeoutSeconds?: number;
}

export interface LocalResources {
  readonly tables: Record<TableName, string>;
  readonly postsQueueUrl: string;
  readonly dlqUrl: string;
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
  stop(): Promise<void>;
}

export function localClients(endpoints: LocalEndpoints, region: string): LocalClients {
  const common = { region, credentials: LOCAL_CREDENTIALS };
  const dynamo = new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb });
  return {
    dynamo,
    doc: makeDocumentClient(dynamo),
    sqs: makeSqsClient({ ...common, endpoint: endpoints.sqsSns }),
    sns: new SNSClient({ ...common, endpoint: endpoints.sqsSns }),
  };
}

export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const region = opts.region ?? LOCAL_REGION;
  const prefix = opts.prefix ?? 'pantau';
  const dataDir = opts.dataDir ? join(opts.dataDir, 'dynamodb') : undefined;
  if (dataDir && opts.fresh) rmSync(dataDir, { recursive: true, force: true });

  const [ddb, sqsSns] = await Promise.allSettled([startDynamoDbLocal({ dataDir, region }), startFauxqsServer(region)]);
  if (ddb.status === 'rejected' || sqsSns.status === 'rejected') {
    // Stop whichever did start, so a failed start leaves nothing running.
    await Promise.allSettled([ddb.status === 'fulfilled' && ddb.value.stop(), sqsSns.status === 'fulfilled' && sqsSns.value.stop()]);
    throw ddb.status === 'rejected' ? ddb.reason : (sqsSns as PromiseRejectedResult).reason;
  }
  const dynamoDb: DynamoDbLocal = ddb.value;
  const fauxqs: Fauxqs = sqsSns.value;
  const endpoints = { dynamodb: dynamoDb.endpoint, sqsSns: fauxqs.endpoint };
  const clients = localClients(endpoints, region);
  const stopAll = async (): Promise<void> => {
    clients.dynamo.destroy();
    clients.sqs.destroy();
    clients.sns.destroy();
    await Promise.allSettled([fauxqs.stop(), dynamoDb.stop()]);
  };
  try {
    const resources = await createResources(clients, prefix, opts.visibilityTimeoutSeconds);
    return {
      region,
      endpoints,
      resources,
      clients,
      env: functionEnv(region, endpoints, resources),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/**
 * Starts the local stack on the data folder (never afresh: what is stored stays), makes sure the
 * tables exist, runs `work`, and stops the emulators whatever happens, Ctrl-C included.
 */
export async function withLocalStack<T>(
  opts: { readonly dataDir: string; readonly region?: string; readonly err?: NodeJS.WritableStream },
  work: (stack: LocalStack) => Promise<T>,
): Promise<T> {
  const stack = await startLocalStack({ dataDir: opts.dataDir, fresh: false, region: opts.region });
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> => (stopping ??= stack.stop());
  const onSignal = (signal: NodeJS.Signals): void => {
    (opts.err ?? process.stderr).write(`\nPantau: ${signal}, stopping the local stack ...\n`);
    void shutdown().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(stack);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await shutdown();
  }
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
  for (const [key, spec] of Object.entries(TABLES) as [TableName, TableSpec][]) {
    tables[key] = physicalName(prefix, spec.name);
    await createTable(c.dynamo, tables[key], spec);
  }

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

  const topic = await c.sns.send(new CreateTopicCommand({ Name: physicalName(prefix, TOPICS.alerts.name) }));
  const topicArn = topic.TopicArn as string;
  const inboxQueueUrl = await createQueue(c.sqs, physicalName(prefix, ALERT_INBOX), {});
  await c.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: await queueArn(c.sqs, inboxQueueUrl) }));
  return { tables, postsQueueUrl, dlqUrl, topicArn, inboxQueueUrl };
}

async function createTable(dynamo: DynamoDBClient, name: string, spec: TableSpec): Promise<void> {
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
  };
  try {
    await dynamo.send(new CreateTableCommand(input));
  } catch (err) {
    if (err instanceof ResourceInUseException) return; // kept from an earlier run (--resume)
    throw err;
  }
  await dynamo.send(
    new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: spec.ttlAttribute, Enabled: true } }),
  );
}

async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  const out = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return out.QueueUrl as string;
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return out.Attributes?.QueueArn as string;
}
