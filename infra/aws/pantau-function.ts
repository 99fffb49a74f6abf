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
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TableSpec } from '../../shared/resources';
import type { PantauInputs } from './inputs';

/** Where Lambda unpacks the bundle (LAMBDA_TASK_ROOT). */
export const BUNDLE_ROOT = '/var/task';
/** The config file's name inside every bundle; `PANTAU_CONFIG` points at it. */
export const BUNDLED_CONFIG = 'pantau.config.json';

export type TableAccess = 'read' | 'readWrite';

/**
 * Data-plane actions on a table (CDK's `grantReadData`/`grantReadWriteData` lists, without the
 * stream actions: no table has a stream).
 */
const READ_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;

const TABLE_ACTIONS: Readonly<Record<TableAccess, readonly string[]>> = {
  read: READ_ACTIONS,
  readWrite: [...READ_ACTIONS, 'dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
};

/**
 * What a caller needs of the customer-managed key, by service. CDK's own grant helpers add
 * `kms:ReEncrypt*` and `kms:GenerateDataKey*` (wildcards, and more than any function uses), so
 * the bind helpers below grant these exact actions instead, and only through the service.
 * - DynamoDB decrypts the table key with the caller's credentials on reads and writes.
 * - SQS and SNS producers generate a data key and decrypt it (AWS's documented pair); SQS
 *   consumers (the event source mapping) only decrypt: CDK's `grantConsumeMessages` adds that.
 */
const KEY_ACTIONS = {
  table: { read: ['kms:Decrypt', 'kms:DescribeKey'], readWrite: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] },
  producer: ['kms:Decrypt', 'kms:GenerateDataKey'],
} as const;

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
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Pantau ${props.name} function`,
    });
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      description: props.description,
      entry: join(repoRoot, 'functions', props.name, 'handler.ts'),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.name,
        POWERTOOLS_METRICS_NAMESPACE: 'Pantau',
        PANTAU_CONFIG: `${BUNDLE_ROOT}/${BUNDLED_CONFIG}`,
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
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so AWS requires Resource "*"; no other statement of this role has a wildcard (test/infra/security.test.ts).',
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "Node.js 22 is Pantau's chosen Lambda runtime (DESIGN.md: Node.js 22 or newer): the bundles target node22 and the code is tested on Node 20/22; moving to a newer runtime is a deliberate upgrade, not a synth-time default.",
    });
  }

  /** Gives the function a table's name in `spec.envVar` and the matching data-plane access (the table and its indexes, by name). */
  bindTable(table: ITable, spec: TableSpec, access: TableAccess): this {
    this.setEnv(spec.envVar, table.tableName);
    this.allow(TABLE_ACTIONS[access], [table.tableArn, ...spec.indexes.map((index) => `${table.tableArn}/index/${index.name}`)]);
    if (table.encryptionKey) this.allowKey(table.encryptionKey, KEY_ACTIONS.table[access], 'dynamodb');
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

  /** The key's actions, only when the call comes through `service` in this region (kms:ViaService). */
  private allowKey(key: IKey, actions: readonly string[], service: 'dynamodb' | 'sqs' | 'sns'): void {
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
