/**
 * The house construct for Pantau's functions: one place that fixes runtime, architecture,
 * bundling, tracing, log retention and the environment every handler expects, and `bind*`
 * helpers that set a resource's environment variable and grant least privilege together.
 */
import { basename, join, resolve } from 'node:path';
import { type Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
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
  }

  /** Gives the function a table's name in `spec.envVar` and the matching data-plane access. */
  bindTable(table: ITable, spec: TableSpec, access: TableAccess): this {
    this.setEnv(spec.envVar, table.tableName);
    if (access === 'readWrite') table.grantReadWriteData(this.fn);
    else table.grantReadData(this.fn);
    return this;
  }

  /** Gives the function a queue's URL in `envVar` and permission to send to it (nothing else). */
  bindQueueSend(queue: IQueue, envVar: string): this {
    this.setEnv(envVar, queue.queueUrl);
    queue.grantSendMessages(this.fn);
    return this;
  }

  /** Gives the function a topic's ARN in `envVar` and permission to publish to it. */
  bindTopicPublish(topic: ITopic, envVar: string): this {
    this.setEnv(envVar, topic.topicArn);
    topic.grantPublish(this.fn);
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
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
