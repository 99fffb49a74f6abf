/**
 * What Lambda's SQS event source mapping does, for the embedded stack: receive batches (up to
 * the batch size), invoke the handler with an SQS event, delete only the records that succeeded,
 * and leave the failed ones to come back after the visibility timeout; the queue's redrive
 * policy moves a record to the DLQ after maxReceiveCount receives. Several pollers run at once,
 * like the mapping's maximum concurrency.
 */
import { randomUUID } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from './stream-window';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface PollerOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly region: string;
  readonly handler: SqsHandler;
  readonly functionName: string;
  readonly batchSize: number;
  readonly maxConcurrency: number;
  readonly timeoutSeconds: number;
  /** Called when an invocation throws or reports failures (they will be retried). */
  readonly onFailure?: (failure: { readonly messageIds: readonly string[]; readonly error?: unknown }) => void;
}

export interface PollerStats {
  invocations: number;
  received: number;
  succeeded: number;
  failed: number;
}

/** Messages on a queue: visible, received and not yet deleted, or delayed. */
export async function queueBacklog(sqs: SQSClient, queueUrl: string): Promise<number> {
  const out = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  const a = out.Attributes ?? {};
  return (
    Number(a.ApproximateNumberOfMessages ?? 0) +
    Number(a.ApproximateNumberOfMessagesNotVisible ?? 0) +
    Number(a.ApproximateNumberOfMessagesDelayed ?? 0)
  );
}

export class SqsPoller {
  readonly stats: PollerStats = { invocations: 0, received: 0, succeeded: 0, failed: 0 };
  private running = false;
  private inFlight = 0;
  private workers: Promise<void>[] = [];
  private queueArn = '';

  constructor(private readonly opts: PollerOptions) {}

  async start(): Promise<void> {
    if (this.running) return;
    const attrs = await this.opts.sqs.send(new GetQueueAttributesCommand({ QueueUrl: this.opts.queueUrl, AttributeNames: ['QueueArn'] }));
    this.queueArn = attrs.Attributes?.QueueArn ?? '';
    this.running = true;
    this.workers = Array.from({ length: this.opts.maxConcurrency }, () => this.loop());
  }

  /** Stops receiving; waits for invocations under way to finish. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
    this.workers = [];
  }

  /** Messages still on the queue (visible, or received and not yet deleted). */
  backlog(): Promise<number> {
    return queueBacklog(this.opts.sqs, this.opts.queueUrl);
  }

  /** Resolves when the queue is empty and no invocation is under way. */
  async drained(pollMs = 200): Promise<void> {
    for (;;) {
      if (this.inFlight === 0 && (await this.backlog()) === 0 && this.inFlight === 0) return;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let messages: Message[];
      try {
        const out = await this.opts.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.opts.queueUrl,
            MaxNumberOfMessages: this.opts.batchSize,
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        );
        messages = out.Messages ?? [];
      } catch (err) {
        // Like the event source mapping: the queue being unreachable is retried, not fatal.
        if (!this.running) return;
        this.opts.onFailure?.({ messageIds: [], error: err });
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      if (messages.length === 0) continue;
      this.inFlight += 1;
      try {
        await this.invoke(messages);
      } finally {
        this.inFlight -= 1;
      }
    }
  }

  private async invoke(messages: readonly Message[]): Promise<void> {
    const records = messages.map((m) => this.toRecord(m));
    this.stats.invocations += 1;
    this.stats.received += records.length;
    let failedIds: Set<string>;
    try {
      const response = await this.opts.handler(
        { Records: records },
        lambdaContext(this.opts.region, this.opts.functionName, this.opts.timeoutSeconds),
      );
      const reported = response?.batchItemFailures ?? [];
      failedIds = new Set(reported.map((f) => f.itemIdentifier));
      // Lambda treats an identifier that is not in the batch as a failure of the whole batch.
      if ([...failedIds].some((id) => !records.some((r) => r.messageId === id))) failedIds = new Set(records.map((r) => r.messageId));
      if (failedIds.size > 0) this.opts.onFailure?.({ messageIds: [...failedIds] });
    } catch (error) {
      failedIds = new Set(records.map((r) => r.messageId));
      this.opts.onFailure?.({ messageIds: [...failedIds], error });
    }
    const done = records.filter((r) => !failedIds.has(r.messageId));
    this.stats.failed += failedIds.size;
    this.stats.succeeded += done.length;
    if (done.length > 0) {
      const out = await this.opts.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.opts.queueUrl,
          Entries: done.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
        }),
      );
      if (out.Failed && out.Failed.length > 0) {
        // Not deleted: the record comes back after the visibility timeout, and the handler's
        // idempotency makes the second delivery harmless.
        this.opts.onFailure?.({
          messageIds: out.Failed.map((f) => f.Id ?? '?'),
          error: new Error('DeleteMessageBatch failed for some entries'),
        });
      }
    }
  }

  private toRecord(m: Message): SQSRecord {
    const a = m.Attributes ?? {};
    const attributes = {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    };
    const messageAttributes: SQSRecord['messageAttributes'] = {};
    for (const [name, v] of Object.entries(m.MessageAttributes ?? {})) {
      messageAttributes[name] = {
        dataType: v.DataType ?? 'String',
        stringValue: v.StringValue,
        stringListValues: [],
        binaryListValues: [],
      };
    }
    return {
      messageId: m.MessageId ?? randomUUID(),
      receiptHandle: m.ReceiptHandle ?? '',
      body: m.Body ?? '',
      attributes,
      messageAttributes,
      md5OfBody: m.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.queueArn,
      awsRegion: this.opts.region,
    };
  }
}
