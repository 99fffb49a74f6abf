/**
 * The posts queue (with its DLQ) and the classifier that consumes it in batches, reporting
 * per-record failures, storing posts and alerts and publishing alerts.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CLASSIFIER, QUEUES, TABLES, TOPICS, type TableName } from '../../shared/resources';
import type { PantauInputs } from './inputs';
import { PantauFunction } from './pantau-function';

export interface PipelineProps {
  readonly inputs: PantauInputs;
  readonly tables: { readonly [name in TableName]: ITable };
  readonly alertsTopic: ITopic;
  /** The customer-managed key the queues are encrypted with. */
  readonly key: IKey;
}

export class Pipeline extends Construct {
  readonly postsQueue: Queue;
  readonly postsDlq: Queue;
  readonly classifier: PantauFunction;
  /** Sends each alert episode's resolution message, on `alerts.resolveSchedule`. */
  readonly sweeper: PantauFunction;
  readonly sweepSchedule: Rule;
  /** The team's daily summary, on `alerts.digest.schedule` (when enabled). */
  readonly digest?: PantauFunction;

  constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id);
    const spec = QUEUES.posts;
    if (spec.visibilityTimeoutSeconds < 6 * CLASSIFIER.timeoutSeconds) {
      throw new Error(`${spec.name} queue: visibility timeout must be at least 6x the classifier timeout`);
    }

    this.postsDlq = new Queue(this, spec.deadLetter.name, {
      retentionPeriod: Duration.days(spec.deadLetter.retentionDays),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
    });
    Validations.of(this.postsDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This is the dead-letter queue of the posts queue: what lands here is kept 14 days for an operator to inspect and redrive; a DLQ of the DLQ would only move the same messages again.',
    });
    this.postsQueue = new Queue(this, spec.name, {
      visibilityTimeout: Duration.seconds(spec.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(spec.retentionDays),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      deadLetterQueue: { queue: this.postsDlq, maxReceiveCount: spec.deadLetter.maxReceiveCount },
    });

    this.classifier = new PantauFunction(this, 'Classifier', {
      inputs: props.inputs,
      name: 'classifier',
      description: 'Classifies posts from the posts queue, stores them and fires alerts',
      timeout: Duration.seconds(CLASSIFIER.timeoutSeconds),
    })
      .bindTable(props.tables.posts, TABLES.posts, 'readWrite')
      .bindTable(props.tables.alerts, TABLES.alerts, 'readWrite')
      .bindTable(props.tables.state, TABLES.state, 'readWrite')
      .bindTopicPublish(props.alertsTopic, TOPICS.alerts.envVar)
      // Posts that break the contract go straight to the DLQ with the reason.
      .bindQueueSend(this.postsDlq, spec.deadLetter.envVar);

    this.classifier.fn.addEventSource(
      new SqsEventSource(this.postsQueue, {
        batchSize: CLASSIFIER.batchSize,
        maxBatchingWindow: Duration.seconds(CLASSIFIER.maxBatchingWindowSeconds),
        maxConcurrency: CLASSIFIER.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );

    this.sweeper = new PantauFunction(this, 'AlertSweeper', {
      inputs: props.inputs,
      name: 'alert-sweeper',
      description: 'Sends the resolution message of alert episodes that have calmed down',
      timeout: Duration.seconds(60),
    })
      .bindTable(props.tables.alerts, TABLES.alerts, 'readWrite')
      .bindTable(props.tables.state, TABLES.state, 'readWrite')
      .bindTopicPublish(props.alertsTopic, TOPICS.alerts.envVar);
    this.sweepSchedule = new Rule(this, 'AlertSweepSchedule', {
      description: 'Runs the alert sweeper',
      schedule: Schedule.expression(props.inputs.config.alerts.resolveSchedule),
      targets: [new LambdaFunction(this.sweeper.fn, { retryAttempts: 0 })],
    });

    const digest = props.inputs.config.alerts.digest;
    if (digest.enabled) {
      this.digest = new PantauFunction(this, 'Digest', {
        inputs: props.inputs,
        name: 'digest',
        description: "Sends the team's daily summary",
        timeout: Duration.seconds(60),
      })
        .bindTable(props.tables.alerts, TABLES.alerts, 'readWrite')
        .bindTable(props.tables.state, TABLES.state, 'readWrite')
        .bindTopicPublish(props.alertsTopic, TOPICS.alerts.envVar);
      new Rule(this, 'DigestSchedule', {
        description: 'Runs the daily digest',
        schedule: Schedule.expression(digest.schedule),
        // A failed digest is tried again: it is sent once a day whatever runs it.
        targets: [new LambdaFunction(this.digest.fn, { retryAttempts: 2 })],
      });
    }
  }
}
