/**
 * The house construct for Pantau's functions: one place that fixes runtime, architecture,
 * bundling, tracing, log retention and the environment every handler expects, and `bind*`
 * helpers that set a resource's environment variable and grant least privilege together.
 */
import { basename, join, resolve } from 'node:path';
import { Stack, Validations, type Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/env-names';
import { FUNCTION_MEMORY_MB, type TableSpec } from '../../shared/resources';
import type { PantauInputs } from './inputs';

/** Where Lambda unpacks the bundle (LAMBDA_TASK_ROOT). */
export const BUNDLE_ROOT = '/var/task';
/** The config file's name inside every bundle; `PANTAU_CONFIG` points at it. */
export const BUNDLED_CONFIG = 'pantau.config.json';

/**
 * Data-plane actions on a table (CDK's `grantReadData`/`grantReadWriteData` lists). The stream
 * actions are apart (STREAM_READ_ACTIONS): only the function that consumes a table's stream reads it.
 */
const READ_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;
const WRITE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;

/** One data-plane action on a table's items (or its description). */
export type TableAction = (typeof READ_ACTIONS)[number] | (typeof WRITE_ACTIONS)[number];

/**
 * How a function may use a table: CDK's read or read/write data lists, or exactly the actions its
 * code calls. Pantau sends no transactions (nothing many posts share is written in one), so no
 * transaction action appears here.
 */
export type TableAccess = 'read' | 'readWrite' | readonly TableAction[];

const TABLE_ACTIONS: Readonly<Record<'read' | 'readWrite', readonly TableAction[]>> = {
  read: READ_ACTIONS,
  readWrite: [...READ_ACTIONS, ...WRITE_ACTIONS],
};

/** The only actions that reach a table's indexes. */
const INDEX_ACTIONS: readonly TableAction[] = ['dynamodb:Query', 'dynamodb:Scan'];

/**
 * What Lambda's event source mapping does with the function's role to read a table's stream
 * (the list in DynamoDB's example policy for a Lambda function on a stream, on that stream only).
 */
const STREAM_READ_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
] as const;

/**
 * What a caller needs of the customer-managed key, by service. CDK's own grant helpers add
 * `kms:ReEncrypt*` and `kms:GenerateDataKey*` (wildcards, and more than any function uses), so
 * the bind helpers below grant these exact actions instead, and only through the service.
 * - DynamoDB decrypts the table key with the caller's credentials on reads and writes, and on
 *   reads of the table's stream (encrypted with the table's key).
 * - SQS and SNS producers generate a data key and decrypt it (AWS's documented pair); SQS
 *   consumers (the event source mapping) only decrypt: CDK's `grantConsumeMessages` adds that.
 * - S3 writers generate a data key per object, and decrypt it again for each part of a multipart upload.
 */
const KEY_ACTIONS = {
  table: { read: ['kms:Decrypt', 'kms:DescribeKey'], readWrite: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] },
  producer: ['kms:Decrypt', 'kms:GenerateDataKey'],
  objectWriter: ['kms:Decrypt', 'kms:GenerateDataKey'],
} as const;

/** What DynamoDB's export to S3 needs of the bucket: it writes with the caller's permissions (AWS's documented list). */
const EXPORT_WRITE_ACTIONS = ['s3:AbortMultipartUpload', 's3:PutObject', 's3:PutObjectAcl'] as const;

export interface PantauFunctionProps {
  readonly inputs: PantauInputs;
  /** Folder under `functions/` whose `handler.ts` exports `handler`; also the Powertools service name. */
  readonly name: string;
  readonly description: string;
  readonly timeout: Duration;
  /**
   * Extra files copied into the bundle: file name inside the bundle → source path (absolute,
   * or relative to the repository root). Each is also reachable as `/var/task/<file name>`.
   */
  readonly files?: Readonly<Record<string, string>>;
}

export class PantauFunction extends Construct {
  readonly fn: NodejsFunction;
  private readonly role: Role;
  private readonly boundEnv = new Set<string>();

  constructor(scope: Construct, id: string, props: PantauFunctionProps) {
    super(scope, id);
    const { repoRoot, configPath } = props.inputs;

    const files: Record<string, string> = { [BUNDLED_CONFIG]: configPath };
    for (const [target, source] of Object.entries(props.files ?? {})) {
      if (basename(target) !== target) throw new Error(`${id}: bundled file name must be a plain file name, got "${target}"`);
      if (target in files) throw new Error(`${id}: bundled file "${target}" is listed twice`);
      files[target] = resolve(repoRoot, source);
    }

    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    // Its own role, writing to its own log group only (instead of the AWS managed
    // AWSLambdaBasicExecutionRole, which may create and write any log group: cdk-nag IAM4).
    const role = (this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Pantau ${props.name} function`,
    }));
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      description: props.description,
      entry: join(repoRoot, 'functions', props.name, 'handler.ts'),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: FUNCTION_MEMORY_MB,
      timeout: props.timeout,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.name,
        POWERTOOLS_METRICS_NAMESPACE: 'Pantau',
        [ENV.config]: `${BUNDLE_ROOT}/${BUNDLED_CONFIG}`,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        target: 'node22',
        format: OutputFormat.CJS,
        // Bundle the pinned @aws-sdk/* versions instead of the runtime's: the code deployed is
        // the code tested, and every SDK package stays on one version.
        externalModules: [],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // Local bundling (esbuild from node_modules), so a plain `cp` works without Docker.
          afterBundling: (_inputDir: string, outputDir: string) =>
            Object.entries(files).map(([target, source]) => `cp ${shellQuote(source)} ${shellQuote(join(outputDir, target))}`),
        },
      },
    });
    // Tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords on "*" to the role's policy.
    Validations.of(role.node.findChild('DefaultPolicy')).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so AWS requires Resource "*"; no other statement of this role is on Resource "*" (test/infra/security.test.ts).',
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "Node.js 22 is Pantau's chosen Lambda runtime (the bundles target node22, and the code is tested on Node 20 and 22); moving to a newer runtime is a deliberate upgrade, tested first, not a synth-time default.",
    });
  }

  /**
   * Gives the function a table's name in `spec.envVar` and the matching data-plane access: the
   * table, and its indexes (by name) when the access queries or scans.
   */
  bindTable(table: ITable, spec: TableSpec, access: TableAccess): this {
    const actions = typeof access === 'string' ? TABLE_ACTIONS[access] : access;
    if (actions.length === 0) throw new Error(`${this.node.path}: no action granted on the ${spec.name} table`);
    this.setEnv(spec.envVar, table.tableName);
    const indexes = actions.some((action) => INDEX_ACTIONS.includes(action))
      ? spec.indexes.map((index) => `${table.tableArn}/index/${index.name}`)
      : [];
    this.allow(actions, [table.tableArn, ...indexes]);
    const writes = actions.some((action) => (WRITE_ACTIONS as readonly string[]).includes(action));
    if (table.encryptionKey) this.allowKey(table.encryptionKey, KEY_ACTIONS.table[writes ? 'readWrite' : 'read'], 'dynamodb');
    return this;
  }

  /**
   * Permission to read a table's stream, as Lambda's event source mapping does with the function's
   * role: the stream actions on this table's stream only, and the table's key through DynamoDB.
   * (CDK's `grantStreamRead` adds `dynamodb:ListStreams` on "*" and the key without the service condition.)
   */
  grantStreamRead(table: ITable): this {
    const stream = table.tableStreamArn;
    if (!stream) throw new Error(`${this.node.path}: ${table.node.path} has no stream to read`);
    this.allow(STREAM_READ_ACTIONS, [stream]);
    if (table.encryptionKey) this.allowKey(table.encryptionKey, KEY_ACTIONS.table.read, 'dynamodb');
    return this;
  }

  /** Gives the function a queue's URL in `envVar` and permission to send to it (nothing else). */
  bindQueueSend(queue: IQueue, envVar: string): this {
    this.setEnv(envVar, queue.queueUrl);
    return this.grantQueueSend(queue);
  }

  /** Permission to send to a queue (and to encrypt for it), without an environment variable: e.g. a failure destination. */
  grantQueueSend(queue: IQueue): this {
    this.allow(['sqs:SendMessage'], [queue.queueArn]);
    if (queue.encryptionMasterKey) this.allowKey(queue.encryptionMasterKey, KEY_ACTIONS.producer, 'sqs');
    return this;
  }

  /** Gives the function a topic's ARN in `envVar` and permission to publish to it. */
  bindTopicPublish(topic: ITopic, envVar: string): this {
    this.setEnv(envVar, topic.topicArn);
    this.allow(['sns:Publish'], [topic.topicArn]);
    if (topic.masterKey) this.allowKey(topic.masterKey, KEY_ACTIONS.producer, 'sns');
    return this;
  }

  /** Gives the function a secret's ARN in `envVar` and permission to read its value (read once per cold start). */
  bindSecretRead(secret: ISecret, envVar: string): this {
    this.setEnv(envVar, secret.secretArn);
    secret.grantRead(this.fn);
    return this;
  }

  /**
   * Gives the function a table's ARN in `envVar` and permission to export the table to S3 and to
   * follow its exports; none to read its items.
   */
  bindTableExport(table: ITable, envVar: string): this {
    this.setEnv(envVar, table.tableArn);
    this.allow(['dynamodb:ExportTableToPointInTime'], [table.tableArn]);
    const exports = `${table.tableArn}/export/*`;
    this.allow(['dynamodb:DescribeExport'], [exports]);
    this.acknowledgeWildcard(
      exports,
      "DynamoDB names each export of the table when it starts (<table ARN>/export/<export id>), so dynamodb:DescribeExport can only be granted on this table's exports as a whole; the statement allows nothing else.",
    );
    return this;
  }

  /**
   * Makes the function able to send DynamoDB exports to a bucket: its name in `env.bucket`, its
   * key's ARN in `env.key`, the writes an export makes under each of `prefixes`, and the key
   * through S3 only.
   */
  bindExportDestination(bucket: IBucket, prefixes: readonly string[], env: { readonly bucket: string; readonly key: string }): this {
    const key = bucket.encryptionKey;
    if (!key) throw new Error(`${this.node.path}: the export bucket must be encrypted with a customer-managed key`);
    this.setEnv(env.bucket, bucket.bucketName);
    this.setEnv(env.key, key.keyArn);
    const objects = prefixes.map((prefix) => bucket.arnForObjects(`${prefix}/*`));
    this.allow(EXPORT_WRITE_ACTIONS, objects);
    for (const resource of objects) {
      this.acknowledgeWildcard(
        resource,
        "DynamoDB writes each export under <prefix>/AWSDynamoDB/<export id>/, an id it makes when the export starts, so object writes are granted under one table's export prefix; no read, list or delete, and no other prefix of the bucket.",
      );
    }
    this.allowKey(key, KEY_ACTIONS.objectWriter, 's3');
    return this;
  }

  /** Gives the function a Glue database's name in `envVar` and permission to add partitions to `tables` of it, after reading their definitions. */
  bindGluePartitions(database: string, tables: readonly string[], envVar: string): this {
    this.setEnv(envVar, database);
    const stack = Stack.of(this);
    this.allow(
      ['glue:GetTable', 'glue:CreatePartition'],
      [
        stack.formatArn({ service: 'glue', resource: 'catalog' }),
        stack.formatArn({ service: 'glue', resource: 'database', resourceName: database }),
        ...tables.map((table) => stack.formatArn({ service: 'glue', resource: 'table', resourceName: `${database}/${table}` })),
      ],
    );
    return this;
  }

  /** A plain setting (no grant), e.g. a path inside the bundle. */
  setEnv(name: string, value: string): this {
    if (this.boundEnv.has(name)) throw new Error(`${this.node.path}: environment variable ${name} is set twice`);
    this.boundEnv.add(name);
    this.fn.addEnvironment(name, value);
    return this;
  }

  private allow(actions: readonly string[], resources: string[]): void {
    this.fn.addToRolePolicy(new PolicyStatement({ actions: [...actions], resources }));
  }

  /** cdk-nag AwsSolutions-IAM5 for one resource with a wildcard, on this function's policy, with the reason. */
  private acknowledgeWildcard(resource: string, reason: string): void {
    const finding = findingName(Stack.of(this).resolve(resource));
    Validations.of(this.role.node.findChild('DefaultPolicy')).acknowledge({ id: `AwsSolutions-IAM5[Resource::${finding}]`, reason });
  }

  /** The key's actions, only when the call comes through `service` in this region (kms:ViaService). */
  private allowKey(key: IKey, actions: readonly string[], service: 'dynamodb' | 'sqs' | 'sns' | 's3'): void {
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...actions],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `${service}.${Stack.of(this).region}.amazonaws.com` } },
      }),
    );
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A resource as cdk-nag names it in a finding: the template value with `Fn::Join` joined,
 * `Fn::GetAtt` as `<LogicalId.Attribute>`, `Ref` as `<LogicalId>` and a `Fn::Sub` string's
 * `${Name}` as `<Name>` (`AwsSolutions-IAM5[Resource::<PostsTable.Arn>/export/*]`).
 */
export function findingName(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null) {
    const value = node as Record<string, unknown>;
    if (typeof value['Fn::Sub'] === 'string') return value['Fn::Sub'].replace(/\$\{([^}]+)\}/g, '<$1>');
    if (Array.isArray(value['Fn::Join'])) {
      const [delimiter, parts] = value['Fn::Join'] as [string, unknown[]];
      return parts.map(findingName).join(delimiter);
    }
    if (Array.isArray(value['Fn::GetAtt'])) {
      const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
      return `<${findingName(resource)}.${findingName(attribute)}>`;
    }
    if ('Ref' in value) return `<${findingName(value.Ref)}>`;
  }
  return JSON.stringify(node);
}
