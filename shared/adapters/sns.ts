/** Publishes alerts to the alerts topic: a text per protocol, the alert as JSON for machines. */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Alert } from '../alerts/alert';
import { alertSms, alertSubject, alertText, type AlertLanguage } from '../alerts/format';
import type { AlertPublisher } from '../pipeline/ports';

/** The SNS client, from the environment unless configured. */
export function makeSnsClient(config: ConstructorParameters<typeof SNSClient>[0] = {}): SNSClient {
  return new SNSClient(config);
}

/**
 * The SNS message for an alert. With `MessageStructure: 'json'` AWS delivers to each protocol its
 * own key (else `default`): people get Indonesian text by email and SMS, while queues, functions
 * (the Telegram/Slack notifier) and HTTPS endpoints get the alert as JSON.
 */
export function alertMessage(alert: Alert, lang: AlertLanguage): Record<string, string> {
  const text = alertText(alert, lang);
  const json = JSON.stringify(alert);
  return { default: text, email: text, sms: alertSms(alert, lang), sqs: json, lambda: json, https: json };
}

export class SnsAlertPublisher implements AlertPublisher {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
    private readonly lang: AlertLanguage,
  ) {}

  async publish(alert: Alert): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        // SNS subjects must be printable ASCII.
        Subject: alertSubject(alert, this.lang).replace(/[^\x20-\x7E]/g, ''),
        MessageStructure: 'json',
        Message: JSON.stringify(alertMessage(alert, this.lang)),
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: alert.kind },
          severity: { DataType: 'Number', StringValue: String(alert.severity) },
          topic: { DataType: 'String', StringValue: alert.topic },
        },
      }),
    );
  }
}
