/**
 * Notifier Lambda: subscribed to the alerts topic, forwards each alert to the configured chats
 * (Telegram, Slack), each message once, and only messages of that topic. Thin wiring over shared/notify/notify.ts. A failed
 * channel fails the invocation: Lambda retries it twice, then hands the event to the DLQ.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SNSEvent, SNSEventRecord } from 'aws-lambda';
import { DynamoDeliveryLog } from '../../shared/adapters/delivery-log';
import { readSecret, SLACK_WEBHOOK_URL, TELEGRAM_BOT_TOKEN } from '../../shared/adapters/secrets';
import { makeDocumentClient } from '../../shared/adapters/clients';
import * as kit from '../../shared/adapters/wiring';
import type { Config } from '../../shared/config';
import { optionalEnv, requireEnv } from '../../shared/env';
import { ENV } from '../../shared/env-names';
import { parseAlertMessage } from '../../shared/notify/alert-message';
import { SlackChannel, TELEGRAM_API_BASE, TelegramChannel, type ChannelOptions } from '../../shared/notify/channels';
import { notify, type Delivery, type NotifyTarget } from '../../shared/notify/notify';
import type { DeliveryLog } from '../../shared/notify/ports';
import { TOPICS } from '../../shared/resources';
import { fetchHttp } from '../../shared/adapters/http';

export interface NotifierHandlerDeps extends kit.Observability {
  /** The alerts topic: a record from any other topic is refused (logged, counted, not forwarded). */
  readonly topicArn: string;
  /** The chats and what each wants, made on first use (the secrets are read once per cold start). */
  readonly targets: () => Promise<readonly NotifyTarget[]>;
  readonly deliveries: DeliveryLog;
}

export type NotifierHandler = (event: SNSEvent, context: Context) => Promise<void>;

export function makeHandler(deps: NotifierHandlerDeps): NotifierHandler {
  const { logger, metrics } = deps;
  const targets = kit.memoUntilSuccess(deps.targets);

  const report = (alertId: string, delivery: Delivery): void => {
    const fields = { alertId, channel: delivery.channel, outcome: delivery.outcome };
    if (delivery.outcome !== 'filtered') {
      metrics.singleMetric().addDimension('channel', delivery.channel).addMetric(metricName(delivery), MetricUnit.Count, 1);
    }
    switch (delivery.outcome) {
      case 'sent':
      case 'duplicate':
        return logger.info(delivery.outcome === 'sent' ? 'delivered' : 'already delivered', fields);
      case 'filtered':
        return logger.debug('the chat does not take this alert', fields);
      case 'in-flight':
        return logger.warn('another delivery is sending it; failing so that the retry confirms it', fields);
      case 'failed':
        return logger.error('not delivered; failing so that Lambda retries it', { ...fields, error: delivery.error });
    }
  };

  const forward = async (record: SNSEventRecord): Promise<void> => {
    if (record.Sns.TopicArn !== deps.topicArn) {
      // Only the alerts topic may make the notifier write to the chats; a retry would be refused the same way.
      metrics.addMetric('messages_refused', MetricUnit.Count, 1);
      logger.error('message refused: not from the alerts topic', {
        messageId: record.Sns.MessageId,
        topicArn: record.Sns.TopicArn,
        expected: deps.topicArn,
      });
      return;
    }
    const message = parseAlertMessage(record.Sns.Message);
    if (!message.ok) {
      // Not worth a retry: the same message would fail the same way.
      metrics.addMetric('messages_invalid', MetricUnit.Count, 1);
      logger.error('message skipped: not an alert', { messageId: record.Sns.MessageId, reason: message.reason });
      return;
    }
    const { alert } = message;
    metrics.addMetric('alerts_received', MetricUnit.Count, 1);
    await notify(alert, {
      // A failure is not kept: the next invocation tries again (e.g. after the secret is filled in).
      targets: await targets(),
      deliveries: deps.deliveries,
      onDelivery: (delivery) => report(alert.alertId, delivery),
    });
  };

  return async (event, context) => {
    logger.addContext(context);
    await kit.publishingMetrics(metrics, async () => {
      for (const record of event.Records) await forward(record);
    });
  };
}

/** `notifications_sent`, `notifications_duplicate`, `notifications_in_flight`, `notifications_failed`. */
const metricName = (delivery: Delivery): string => `notifications_${delivery.outcome.replace('-', '_')}`;

/** The configured chats, their secrets read now (only those of the chats configured). */
async function chatTargets(config: Config, options: ChannelOptions & { telegramBaseUrl: string }): Promise<NotifyTarget[]> {
  const { telegram, slack } = config.notify;
  const targets: NotifyTarget[] = [];
  if (telegram) {
    const token = await readSecret(TELEGRAM_BOT_TOKEN);
    targets.push({
      channel: new TelegramChannel({ ...options, token, chatId: telegram.chatId, baseUrl: options.telegramBaseUrl }),
      filter: telegram,
    });
  }
  if (slack) {
    const webhookUrl = await readSecret(SLACK_WEBHOOK_URL);
    targets.push({ channel: new SlackChannel({ ...options, webhookUrl }), filter: slack });
  }
  return targets;
}

/** The real wiring, from the environment: config, the delivery log's client, logger and metrics, once per cold start. */
export function wireFromEnv(): NotifierHandlerDeps {
  const w = kit.wiring('notifier', { doc: makeDocumentClient() });
  const { config, logger } = w;
  const options = {
    web: fetchHttp,
    lang: config.alerts.language,
    telegramBaseUrl: optionalEnv(ENV.telegramApiBaseUrl, TELEGRAM_API_BASE),
    onRetry: (channel: string, err: unknown, attempt: number, waitMs: number) =>
      logger.warn('chat request failed; trying again', { channel, attempt, waitMs, error: err as Error }),
  };
  return {
    topicArn: requireEnv(TOPICS.alerts.envVar),
    targets: () => chatTargets(config, options),
    deliveries: new DynamoDeliveryLog(w.clients.doc, w.stateTable, config.retention.stateDays),
    logger,
    metrics: w.metrics,
  };
}

export const handler: NotifierHandler = kit.wiredOnFirstCall(() => makeHandler(wireFromEnv()));
