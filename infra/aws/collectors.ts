/**
 * Collectors: scheduled functions that bring posts in (file, X, news) or debunked claims (fact
 * checks), checkpointing in the state table. Each runs on its configured schedule, one run at a
 * time (a lock in the state table), and only when its source is enabled in the config.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { type Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV, SECRET_ENV } from '../../shared/env-names';
import { ConfigError } from '../../shared/config';
import { COLLECTOR, QUEUES, TABLES } from '../../shared/resources';
import { thirdPartySecret } from './encryption';
import type { PantauInputs } from './inputs';
import { BUNDLE_ROOT, PantauFunction } from './pantau-function';

/** The configured posts file's name inside the file collector's bundle. */
export const BUNDLED_POSTS_FILE = 'posts.jsonl';

export interface CollectorsProps {
  readonly inputs: PantauInputs;
  readonly postsQueue: IQueue;
  readonly postsDlq: IQueue;
  readonly stateTable: ITable;
  /** The customer-managed key the collectors' secrets are encrypted with. */
  readonly key: IKey;
}

export class Collectors extends Construct {
  readonly fileCollector?: PantauFunction;
  readonly xCollector?: PantauFunction;
  readonly newsCollector?: PantauFunction;
  readonly factCheckCollector?: PantauFunction;
  /** Every collector's schedule, by function name. */
  readonly schedules: Record<string, Rule> = {};
  /** Secrets the ops engineer fills in after the first deploy (docs/deploy.md). */
  readonly xBearerToken?: Secret;
  readonly factCheckApiKey?: Secret;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: CollectorsProps,
  ) {
    super(scope, id);
    const { config, repoRoot } = props.inputs;
    const { file, x, news, factchecks } = config.sources;

    if (file?.enabled) {
      const postsFile = resolve(repoRoot, file.path);
      if (!existsSync(postsFile)) {
        throw new ConfigError(`sources.file.path: ${file.path} does not exist (resolved from ${repoRoot})`);
      }
      this.fileCollector = this.postCollector(
        'FileCollector',
        'file-collector',
        file.schedule,
        'Sends new lines of the bundled posts file to the posts queue',
        {
          [BUNDLED_POSTS_FILE]: postsFile,
        },
      ).setEnv(ENV.postsFile, `${BUNDLE_ROOT}/${BUNDLED_POSTS_FILE}`);
    }

    if (x?.enabled) {
      this.xBearerToken = thirdPartySecret(this, 'XBearerToken', {
        secretName: `${config.name}/x-bearer-token`,
        description: "The X API app bearer token of Pantau's X collector (put the token here after the first deploy)",
        key: props.key,
        issuer: "X issues the app's bearer token in its developer portal; only the app's owner can regenerate it",
      });
      this.xCollector = this.postCollector(
        'XCollector',
        'x-collector',
        x.schedule,
        'Reads new posts of the watch topics from X recent search',
      ).bindSecretRead(this.xBearerToken, SECRET_ENV.xBearerToken.secretEnv);
    }

    if (news?.enabled) {
      this.newsCollector = this.postCollector(
        'NewsCollector',
        'news-collector',
        news.schedule,
        'Reads the news feeds and Google News searches of the watch topics',
      );
    }

    if (factchecks?.enabled) {
      this.factCheckApiKey = thirdPartySecret(this, 'FactCheckApiKey', {
        secretName: `${config.name}/factcheck-api-key`,
        description: "The Google Fact Check Tools API key of Pantau's fact-check collector (put the key here after the first deploy)",
        key: props.key,
        issuer: 'Google issues the API key in the Cloud console; only the project owner can create a new one',
      });
      this.factCheckCollector = this.scheduled(
        'FactCheckCollector',
        'factcheck-collector',
        factchecks.schedule,
        'Adds new fact-checkers\u2019 debunks of the watch topics to the claims store',
      )
        // The claims store and the collector's checkpoint are both in the state table.
        .bindTable(props.stateTable, TABLES.state, 'readWrite')
        .bindSecretRead(this.factCheckApiKey, SECRET_ENV.factCheckApiKey.secretEnv);
    }
  }

  /** A collector that sends posts: the posts queue, the DLQ (posts that break the contract) and its checkpoints. */
  private postCollector(id: string, name: string, schedule: string, description: string, files?: Record<string, string>): PantauFunction {
    return this.scheduled(id, name, schedule, description, files)
      .bindQueueSend(this.props.postsQueue, QUEUES.posts.envVar)
      .bindQueueSend(this.props.postsDlq, QUEUES.posts.deadLetter.envVar)
      .bindTable(this.props.stateTable, TABLES.state, 'readWrite');
  }

  private scheduled(id: string, name: string, schedule: string, description: string, files?: Record<string, string>): PantauFunction {
    const fn = new PantauFunction(this, id, {
      inputs: this.props.inputs,
      name,
      description,
      timeout: Duration.seconds(COLLECTOR.timeoutSeconds),
      files,
    });
    this.schedules[name] = new Rule(this, `${id}Schedule`, {
      description: `Runs the ${name}`,
      schedule: Schedule.expression(schedule),
      targets: [new LambdaFunction(fn.fn, { retryAttempts: 0 })],
    });
    return fn;
  }
}
