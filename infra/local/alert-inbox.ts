/**
 * The local subscriber of the alerts topic: a queue that receives every alert as SNS delivers it
 * to SQS subscribers, read here so `pantau run` can print each alert as it arrives.
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Alert } from '../../shared/alerts/alert';

export interface InboxMessage {
  readonly alert: Alert;
  readonly attributes: Record<string, string>;
  readonly subject?: string;
}

/**
 * The payload an SQS subscriber gets from a `MessageStructure: "json"` publish. AWS delivers the
 * `sqs` key (else `default`); fauxqs 1.9.2 delivers the whole JSON object instead, so pick the
 * key here the way AWS would.
 */
export function sqsPayload(message: string): string {
  try {
    const value: unknown = JSON.parse(message);
    if (typeof value === 'object' && value !== null && 'default' in value) {
      const keyed = value as Record<string, unknown>;
      const chosen = keyed.sqs ?? keyed.default;
      if (typeof chosen === 'string') return chosen;
    }
  } catch {
    // plain text message
  }
  return message;
}

export function parseInboxBody(body: string): InboxMessage {
  const envelope = JSON.parse(body) as {
    Message: string;
    Subject?: string;
    MessageAttributes?: Record<string, { Type: string; Value: string }>;
  };
  const attributes: Record<string, string> = {};
  for (const [name, v] of Object.entries(envelope.MessageAttributes ?? {})) attributes[name] = v.Value;
  return { alert: JSON.parse(sqsPayload(envelope.Message)) as Alert, attributes, subject: envelope.Subject };
}

/** Receives what has arrived (waiting up to `waitSeconds`) and deletes it. */
export async function receiveAlerts(sqs: SQSClient, queueUrl: string, waitSeconds = 1): Promise<InboxMessage[]> {
  const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: waitSeconds }));
  const messages = out.Messages ?? [];
  if (messages.length === 0) return [];
  await sqs.send(
    new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
    }),
  );
  return messages.map((m) => parseInboxBody(m.Body ?? '{}'));
}
