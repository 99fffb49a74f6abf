/**
 * Collectors: scheduled functions that put posts on the posts queue, checkpointing in the
 * state table. For now the file collector, bundled with its posts file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ConfigError } from '../../shared/config';
import { QUEUES, TABLES } from '../../shared/resources';
import type { PantauInputs } from './inputs';
import { BUNDLE_ROOT, PantauFunction } from './pantau-function';

/** The configured posts file's name inside the file collector's bundle. */
export const BUNDLED_POSTS_FILE = 'posts.jsonl';

export interface CollectorsProps {
  readonly inputs: PantauInputs;
  readonly postsQueue: IQueue;
  readonly postsDlq: IQueue;
  readonly stateTable: ITable;
}

export class Collectors extends Construct {
  readonly fileCollector?: PantauFunction;
  readonly fileSchedule?: Rule;

  constructor(scope: Construct, id: string, props: CollectorsProps) {
    super(scope, id);
    const { config, repoRoot } = props.inputs;

    const file = config.sources.file;
    if (file?.enabled) {
      const postsFile = resolve(repoRoot, file.path);
      if (!existsSync(postsFile)) {
        throw new ConfigError(`sources.file.path: ${file.path} does not exist (resolved from ${repoRoot})`);
      }
      this.fileCollector = new PantauFunction(this, 'FileCollector', {
        inputs: props.inputs,
        name: 'file-collector',
        description: 'Sends new lines of the bundled posts file to the posts queue',
        timeout: Duration.minutes(5),
        files: { [BUNDLED_POSTS_FILE]: postsFile },
      })
        .setEnv('POSTS_FILE', `${BUNDLE_ROOT}/${BUNDLED_POSTS_FILE}`)
        .bindQueueSend(props.postsQueue, QUEUES.posts.envVar)
        // Lines that break the contract go straight to the DLQ with their line number.
        .bindQueueSend(props.postsDlq, QUEUES.posts.deadLetter.envVar)
        .bindTable(props.stateTable, TABLES.state, 'readWrite');

      this.fileSchedule = new Rule(this, 'FileSchedule', {
        description: 'Runs the file collector',
        schedule: Schedule.expression(file.schedule),
        targets: [new LambdaFunction(this.fileCollector.fn)],
      });
    }
  }
}
