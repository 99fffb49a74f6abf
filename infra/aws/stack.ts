/**
 * Pantau's one stack. It only composes the constructs, one per concern.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { QUEUES, TABLES, TOPICS } from '../../shared/resources';
import { Alerting } from './alerting';
import { Collectors } from './collectors';
import type { PantauInputs } from './inputs';
import { Pipeline } from './pipeline';
import { Storage } from './storage';

export interface PantauStackProps extends StackProps, PantauInputs {}

export class PantauStack extends Stack {
  readonly storage: Storage;
  readonly alerting: Alerting;
  readonly pipeline: Pipeline;
  readonly collectors: Collectors;

  constructor(scope: Construct, id: string, props: PantauStackProps) {
    super(scope, id, props);
    const inputs: PantauInputs = { config: props.config, configPath: props.configPath, repoRoot: props.repoRoot };

    this.storage = new Storage(this, 'Storage');
    this.alerting = new Alerting(this, 'Alerting', { inputs, stateTable: this.storage.tables.state });
    this.pipeline = new Pipeline(this, 'Pipeline', {
      inputs,
      tables: this.storage.tables,
      alertsTopic: this.alerting.topic,
    });
    this.collectors = new Collectors(this, 'Collectors', {
      inputs,
      postsQueue: this.pipeline.postsQueue,
      postsDlq: this.pipeline.postsDlq,
      stateTable: this.storage.tables.state,
    });

    // What an operator needs to find the resources (same variable names the functions use).
    for (const [name, table] of Object.entries(this.storage.tables)) {
      new CfnOutput(this, `${name}Table`, { value: table.tableName, description: TABLES[name as keyof typeof TABLES].envVar });
    }
    new CfnOutput(this, 'postsQueue', { value: this.pipeline.postsQueue.queueUrl, description: QUEUES.posts.envVar });
    new CfnOutput(this, 'postsDlq', { value: this.pipeline.postsDlq.queueUrl, description: QUEUES.posts.deadLetter.envVar });
    new CfnOutput(this, 'alertsTopic', { value: this.alerting.topic.topicArn, description: TOPICS.alerts.envVar });
  }
}
