/**
 * The alerts topic and who hears from it: people subscribed to it (config `subscriptions`), each
 * optionally filtered on the `kind` message attribute that every publish carries, and the
 * notifier that forwards alerts to the chats (config `notify`: Telegram, Slack).
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IDestination } from 'aws-cdk-lib/aws-lambda';
import { type Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { SubscriptionFilter, SubscriptionProtocol, Subscription, Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SECRET_ENV } from '../../shared/env-names';
import { ConfigError, type Config } from '../../shared/config';
import { TABLES, TOPICS } from '../../shared/resources';
import { thirdPartySecret } from './encryption';
import type { PantauInputs } from './inputs';
import { PantauFunction } from './pantau-function';

/** The message attribute subscriptions filter on (published with every alert). */
const KIND_ATTRIBUTE = 'kind' satisfies (typeof TOPICS.alerts.messageAttributes)[number];

const PROTOCOLS = {
  email: SubscriptionProtocol.EMAIL,
  sms: SubscriptionProtocol.SMS,
  https: SubscriptionProtocol.HTTPS,
} as const satisfies Record<Config['subscriptions'][number]['protocol'], SubscriptionProtocol>;

/** How the notifier runs: each channel's tries fit in the timeout (shared/notify/channels.ts, CHAT_HTTP). */
export const NOTIFIER = {
  timeoutSeconds: 30,
  /** Lambda's retries of a failed invocation (about one and three minutes later) before the DLQ. */
  retryAttempts: 2,
  deadLetterRetentionDays: 14,
} as const;

export interface AlertingProps {
  readonly inputs: PantauInputs;
  /** Where the notifier keeps its log of messages delivered. */
  readonly stateTable: ITable;
  /** The customer-managed key the topic, the notifier's queue and the chat secrets are encrypted with. */
  readonly key: IKey;
}

export class Alerting extends Construct {
  readonly topic: Topic;
  /** Present when a chat channel is configured. */
  readonly notifier?: Notifier;

  constructor(scope: Construct, id: string, props: AlertingProps) {
    super(scope, id);
    const { config } = props.inputs;
    this.topic = new Topic(this, TOPICS.alerts.name, { enforceSSL: true, masterKey: props.key });

    const seen = new Set<string>();
    config.subscriptions.forEach((subscription, i) => {
      const field = `subscriptions.${i}`;
      const key = `${subscription.protocol}:${subscription.endpoint}`;
      if (seen.has(key)) throw new ConfigError(`${field}: ${key} is listed twice`);
      seen.add(key);
      new Subscription(this, key, {
        topic: this.topic,
        protocol: PROTOCOLS[subscription.protocol],
        endpoint: subscription.endpoint,
        filterPolicy: subscription.kinds && {
          [KIND_ATTRIBUTE]: SubscriptionFilter.stringFilter({ allowlist: subscription.kinds }),
        },
      });
    });

    if (config.notify.telegram || config.notify.slack) {
      this.notifier = new Notifier(this, 'Notifier', { ...props, topic: this.topic });
    }
  }
}

export interface NotifierProps extends AlertingProps {
  readonly topic: Topic;
}

/**
 * The notifier function on the alerts topic, the secrets of the configured chats, and the queue
 * that keeps the alerts it could not deliver after Lambda's retries (with the error).
 */
export class Notifier extends Construct {
  readonly function: PantauFunction;
  readonly deadLetters: Queue;
  /** Secrets the ops engineer fills in after the first deploy (docs/deploy.md). */
  readonly telegramBotToken?: Secret;
  readonly slackWebhookUrl?: Secret;

  constructor(scope: Construct, id: string, props: NotifierProps) {
    super(scope, id);
    const { config } = props.inputs;
    const { telegram, slack } = config.notify;

    this.deadLetters = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(NOTIFIER.deadLetterRetentionDays),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the notifier's failure destination (the alerts Lambda could not deliver after its retries, with the error); it is kept 14 days for an operator, and nothing consumes it automatically.",
    });
    this.function = new PantauFunction(this, 'Function', {
      inputs: props.inputs,
      name: 'notifier',
      description: 'Forwards alerts from the alerts topic to the Telegram and Slack chats',
      timeout: Duration.seconds(NOTIFIER.timeoutSeconds),
    })
      .bindTable(props.stateTable, TABLES.state, 'readWrite')
      // Not to publish: the notifier refuses an event from any topic but this one.
      .setEnv(TOPICS.alerts.envVar, props.topic.topicArn);

    if (telegram) {
      this.telegramBotToken = thirdPartySecret(this, 'TelegramBotToken', {
        secretName: `${config.name}/telegram-bot-token`,
        description: "The Telegram bot token of Pantau's notifier (put the token from @BotFather here after the first deploy)",
        key: props.key,
        issuer: 'Telegram issues the bot token (@BotFather); only a person can revoke and reissue it',
      });
      this.function.bindSecretRead(this.telegramBotToken, SECRET_ENV.telegramBotToken.secretEnv);
    }
    if (slack) {
      this.slackWebhookUrl = thirdPartySecret(this, 'SlackWebhookUrl', {
        secretName: `${config.name}/slack-webhook-url`,
        description: "The Slack incoming webhook URL of Pantau's notifier (put the URL here after the first deploy)",
        key: props.key,
        issuer: 'Slack issues the webhook URL when a workspace admin adds the app; only they can regenerate it',
      });
      this.function.bindSecretRead(this.slackWebhookUrl, SECRET_ENV.slackWebhookUrl.secretEnv);
    }

    // An on-failure destination rather than a classic DLQ: its record holds the error as well as the event.
    // CDK's SqsDestination grants kms:ReEncrypt* and kms:GenerateDataKey* on the queue's key; this
    // destination names the queue and the house construct grants the exact send and key actions.
    const onFailure: IDestination = { bind: () => ({ destination: this.deadLetters.queueArn }) };
    this.function.grantQueueSend(this.deadLetters);
    this.function.fn.configureAsyncInvoke({ retryAttempts: NOTIFIER.retryAttempts, onFailure });
    props.topic.addSubscription(new LambdaSubscription(this.function.fn));
  }
}
