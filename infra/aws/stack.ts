/**
 * Pantau's one stack. It only composes the constructs, one per concern.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { ENV } from '../../shared/env-names';
import { QUEUES, TABLES, TOPICS } from '../../shared/resources';
import { Alerting } from './alerting';
import { Analytics } from './analytics';
import { Collectors } from './collectors';
import { Console } from './console';
import { Encryption } from './encryption';
import { Observability } from './observability';
import type { PantauInputs } from './inputs';
import { Pipeline } from './pipeline';
import { Storage } from './storage';

export interface PantauStackProps extends StackProps, PantauInputs {
  /** The console's built page (web/build.ts): a folder holding `index.html` and what it loads. */
  readonly consolePageDir: string;
}

export class PantauStack extends Stack {
  /** The customer-managed key of every table, queue, topic and secret (and of the ops topic's alarms). */
  readonly key: IKey;
  readonly storage: Storage;
  readonly alerting: Alerting;
  readonly pipeline: Pipeline;
  readonly collectors: Collectors;
  /** Exports for analysts (when `analytics.enabled`). */
  readonly analytics?: Analytics;
  /** The officers' web page, its API and their sign-in. */
  readonly console: Console;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: PantauStackProps) {
    super(scope, id, props);
    const inputs: PantauInputs = { config: props.config, configPath: props.configPath, repoRoot: props.repoRoot };

    const key = (this.key = new Encryption(this, 'Encryption').key);
    this.storage = new Storage(this, 'Storage', { key });
    this.alerting = new Alerting(this, 'Alerting', { inputs, stateTable: this.storage.tables.state, key });
    this.pipeline = new Pipeline(this, 'Pipeline', {
      inputs,
      tables: this.storage.tables,
      alertsTopic: this.alerting.topic,
      key,
    });
    this.collectors = new Collectors(this, 'Collectors', {
      inputs,
      postsQueue: this.pipeline.postsQueue,
      postsDlq: this.pipeline.postsDlq,
      stateTable: this.storage.tables.state,
      key,
    });
    if (props.config.analytics.enabled) {
      this.analytics = new Analytics(this, 'Analytics', { inputs, tables: this.storage.tables, key });
    }
    this.console = new Console(this, 'Console', { inputs, tables: this.storage.tables, pageDir: props.consolePageDir });
    // The functions that make alert messages link them to the console: the config's `console.url`
    // when it names one (a domain of the team's own), the distribution's address otherwise.
    if (!props.config.console.url) {
      for (const fn of [this.pipeline.aggregator, this.pipeline.sweeper]) fn.setEnv(ENV.consoleUrl, this.console.distributionUrl);
    }

    this.observability = new Observability(this, 'Observability', {
      inputs,
      functions: {
        classifier: this.pipeline.classifier,
        aggregator: this.pipeline.aggregator,
        'alert-sweeper': this.pipeline.sweeper,
        digest: this.pipeline.digest,
        'file-collector': this.collectors.fileCollector,
        'x-collector': this.collectors.xCollector,
        'news-collector': this.collectors.newsCollector,
        'factcheck-collector': this.collectors.factCheckCollector,
        notifier: this.alerting.notifier?.function,
        exporter: this.analytics?.exporter,
        'console-api': this.console.function,
      },
      queues: {
        posts: this.pipeline.postsQueue,
        postsDlq: this.pipeline.postsDlq,
        aggregatorFailures: this.pipeline.aggregatorFailures,
        notifierFailures: this.alerting.notifier?.deadLetters,
      },
      encryptionKey: key,
    });

    // What an operator needs to find the resources (same variable names the functions use).
    for (const [name, table] of Object.entries(this.storage.tables)) {
      new CfnOutput(this, `${name}Table`, { value: table.tableName, description: TABLES[name as keyof typeof TABLES].envVar });
    }
    new CfnOutput(this, 'postsQueue', { value: this.pipeline.postsQueue.queueUrl, description: QUEUES.posts.envVar });
    new CfnOutput(this, 'postsDlq', { value: this.pipeline.postsDlq.queueUrl, description: QUEUES.posts.deadLetter.envVar });
    new CfnOutput(this, 'aggregatorFailures', {
      value: this.pipeline.aggregatorFailures.queueUrl,
      description: QUEUES.aggregatorFailures.envVar,
    });
    new CfnOutput(this, 'alertsTopic', { value: this.alerting.topic.topicArn, description: TOPICS.alerts.envVar });
    new CfnOutput(this, 'opsTopic', { value: this.observability.opsTopic.topicArn, description: 'Ops alarms: subscribe by email or SMS' });
    new CfnOutput(this, 'dashboardUrl', { value: this.observability.dashboardUrl, description: 'CloudWatch operations dashboard' });
    if (this.analytics) {
      new CfnOutput(this, 'exportsBucket', {
        value: this.analytics.bucket.bucketName,
        description: 'Table exports and Athena query results',
      });
      new CfnOutput(this, 'analyticsDatabase', {
        value: this.analytics.databaseName,
        description: 'Glue database of the exports and the posts and alerts views',
      });
      new CfnOutput(this, 'athenaWorkGroup', {
        value: this.analytics.workGroup.ref,
        description: "The analysts' Athena workgroup (saved queries)",
      });
    }
    new CfnOutput(this, 'consoleUrl', { value: this.console.distributionUrl, description: "The console: the officers' web page" });
    new CfnOutput(this, 'consoleApiUrl', { value: this.console.apiUrl, description: "The console's API (routes under /api)" });
    new CfnOutput(this, 'consoleUserPoolId', {
      value: this.console.userPool.userPoolId,
      description: "The console's users: create them with aws cognito-idp admin-create-user",
    });
    new CfnOutput(this, 'consoleClientId', { value: this.console.client.userPoolClientId, description: "The console page's app client" });
    const secrets = {
      xBearerToken: this.collectors.xBearerToken,
      factCheckApiKey: this.collectors.factCheckApiKey,
      telegramBotToken: this.alerting.notifier?.telegramBotToken,
      slackWebhookUrl: this.alerting.notifier?.slackWebhookUrl,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      if (secret)
        new CfnOutput(this, `${name}Secret`, {
          value: secret.secretName,
          description: 'Put the value in with aws secretsmanager put-secret-value',
        });
    }
  }
}
