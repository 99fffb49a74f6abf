/**
 * The data path: the posts queue (with its DLQ) and the classifier that consumes it in batches,
 * reporting per-record failures and storing each post with one conditional put; the aggregator on
 * the posts table's stream, which counts, checks for coordinated posting and raises alerts once
 * per window (with its failure queue); and the alert sweeper and the daily digest. The
 * aggregator, the sweeper and the digest are what send alerts.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, FilterRule, StartingPosition, type IEventSourceDlq } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AGGREGATOR, CLASSIFIER, QUEUES, TABLES, TOPICS, type TableName } from '../../shared/resources';
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
  /** Counts new posts, checks them for coordinated posting and raises alerts, once per window of the posts stream. */
  readonly aggregator: PantauFunction;
  /** Where the aggregator's event source mapping records a batch of the stream it gave up on. */
  readonly aggregatorFailures: Queue;
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
      description: 'Classifies posts from the posts queue and stores each one',
      timeout: Duration.seconds(CLASSIFIER.timeoutSeconds),
    })
      // One conditional put per post; it never reads a post back.
      .bindTable(props.tables.posts, TABLES.posts, ['dynamodb:PutItem'])
      // Reads the debunked claims (a Query of their partition) and counts repeat deliveries (UpdateItem).
      .bindTable(props.tables.state, TABLES.state, ['dynamodb:Query', 'dynamodb:UpdateItem'])
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

    const failures = QUEUES.aggregatorFailures;
    this.aggregatorFailures = new Queue(this, failures.name, {
      visibilityTimeout: Duration.seconds(failures.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(failures.retentionDays),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
    });
    Validations.of(this.aggregatorFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the failure destination of the aggregator's stream mapping (which shard and sequence numbers it gave up on; the posts stay in the posts table); it is kept 14 days for an operator, and nothing consumes it automatically.",
    });

    const posts = props.tables.posts;
    this.aggregator = new PantauFunction(this, 'Aggregator', {
      inputs: props.inputs,
      name: 'aggregator',
      description: 'Counts new posts from the posts stream, checks them for coordinated posting and sends alerts, once per window',
      timeout: Duration.seconds(AGGREGATOR.timeoutSeconds),
    })
      // Reads the window's posts back (BatchGetItem), the evidence of an alert (Query on byTopic),
      // and marks posts pushed by many accounts (UpdateItem); it never puts or deletes a post,
      // whose stream it reads.
      .bindTable(posts, TABLES.posts, ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'])
      .bindTable(props.tables.alerts, TABLES.alerts, 'readWrite')
      // Counters (BatchGetItem, then BatchWriteItem of the shard's own items), spread entries
      // (BatchWriteItem), the shard's mark, alert episodes and the hourly cap.
      .bindTable(props.tables.state, TABLES.state, 'readWrite')
      .bindTopicPublish(props.alertsTopic, TOPICS.alerts.envVar)
      // What the event source mapping does with the function's role: read the stream, and send the
      // record of a batch it gave up on.
      .grantStreamRead(posts)
      .grantQueueSend(this.aggregatorFailures);

    // The mapping itself rather than CDK's DynamoEventSource and SqsDlq: those grant
    // dynamodb:ListStreams on "*", the table key without the service condition, and the queue key
    // with kms:ReEncrypt* and kms:GenerateDataKey*; the house construct grants the exact actions above.
    const onFailure: IEventSourceDlq = { bind: () => ({ destination: this.aggregatorFailures.queueArn }) };
    if (!posts.tableStreamArn) throw new Error(`${TABLES.posts.name} table: the aggregator needs its stream (TABLES.posts.stream)`);
    this.aggregator.fn.addEventSourceMapping('PostsStream', {
      eventSourceArn: posts.tableStreamArn,
      startingPosition: StartingPosition[AGGREGATOR.startingPosition],
      batchSize: AGGREGATOR.batchSize,
      maxBatchingWindow: Duration.seconds(AGGREGATOR.maxBatchingWindowSeconds),
      tumblingWindow: Duration.seconds(AGGREGATOR.windowSeconds),
      retryAttempts: AGGREGATOR.maxRetryAttempts,
      parallelizationFactor: AGGREGATOR.parallelizationFactor,
      // A window is acted on whole by its final invocation: halving a batch would split the window's
      // state, and per-record failures have no meaning for it. A failed invocation is retried as it was.
      bisectBatchOnError: false,
      reportBatchItemFailures: false,
      onFailure,
      // New posts only: the aggregator's own updates (MODIFY) and TTL deletions (REMOVE) never reach it.
      filters: [FilterCriteria.filter({ eventName: FilterRule.or(...AGGREGATOR.eventNames) })],
    });

    this.sweeper = this.alertSender(
      props,
      'AlertSweeper',
      'alert-sweeper',
      'Sends the resolution message of alert episodes that have calmed down',
    );
    this.sweepSchedule = new Rule(this, 'AlertSweepSchedule', {
      description: 'Runs the alert sweeper',
      schedule: Schedule.expression(props.inputs.config.alerts.resolveSchedule),
      targets: [new LambdaFunction(this.sweeper.fn, { retryAttempts: 0 })],
    });

    const digest = props.inputs.config.alerts.digest;
    if (digest.enabled) {
      this.digest = this.alertSender(props, 'Digest', 'digest', "Sends the team's daily summary");
      new Rule(this, 'DigestSchedule', {
        description: 'Runs the daily digest',
        schedule: Schedule.expression(digest.schedule),
        // A failed digest is tried again: it is sent once a day whatever runs it.
        targets: [new LambdaFunction(this.digest.fn, { retryAttempts: 2 })],
      });
    }
  }

  /** A scheduled function that records alerts and publishes them (the sweeper, the digest): the alerts and state tables, the alerts topic. */
  private alertSender(props: PipelineProps, id: string, name: string, description: string): PantauFunction {
    return new PantauFunction(this, id, { inputs: props.inputs, name, description, timeout: Duration.seconds(60) })
      .bindTable(props.tables.alerts, TABLES.alerts, 'readWrite')
      .bindTable(props.tables.state, TABLES.state, 'readWrite')
      .bindTopicPublish(props.alertsTopic, TOPICS.alerts.envVar);
  }
}
