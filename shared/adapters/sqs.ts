/** SQS implementations: the posts queue (collectors send) and the dead-letter queue (with reasons). */
import { type SQSClient, SendMessageBatchCommand, SendMessageCommand, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetters, OutgoingPost, PostQueue, RefusedPost } from '../pipeline/ports';
import { sleep } from '../retry';

const BATCH = 10;

// Characters an SQS message may not hold (SQS allows #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD
// #x10000-#x10FFFF), plus everything outside the Basic Multilingual Plane, i.e. emoji.
const NOT_PLAIN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/gu;

/**
 * Writes characters outside the plainest range as JSON `\uXXXX` escapes (surrogate pairs for
 * emoji). A JSON body decodes to exactly the same post. On AWS emoji are allowed as they are;
 * the emulator (fauxqs 1.9.2) refuses them, and the escaped form is valid for both.
 */
export function sqsSafe(body: string): string {
  return body.replace(NOT_PLAIN, (ch) => {
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
}

export class SqsPostQueue implements PostQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly retry: RetryPolicy = { attempts: 5, baseDelayMs: 100 },
  ) {}

  async sendAll(posts: readonly OutgoingPost[]): Promise<RefusedPost[]> {
    const refused: RefusedPost[] = [];
    for (let i = 0; i < posts.length; i += BATCH) {
      refused.push(...(await this.sendBatch(posts.slice(i, i + BATCH))));
    }
    return refused;
  }

  /**
   * SendMessageBatch, then again with backoff for the entries that failed on the service's side.
   * Entries refused for what they hold (sender faults) are returned, not retried.
   */
  private async sendBatch(batch: readonly OutgoingPost[]): Promise<RefusedPost[]> {
    const refused: RefusedPost[] = [];
    let pending = batch.map((post, index) => ({ id: String(index), post }));
    let lastErrors: string[] = [];
    for (let attempt = 0; attempt < this.retry.attempts && pending.length > 0; attempt++) {
      if (attempt > 0) await sleep(this.retry.baseDelayMs * 2 ** (attempt - 1));
      const out = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: pending.map(({ id, post }) => ({
            Id: id,
            MessageBody: sqsSafe(post.body),
            MessageAttributes: { source: { DataType: 'String', StringValue: post.source } },
          })),
        }),
      );
      const failed = new Map((out.Failed ?? []).map((f) => [f.Id, f]));
      for (const f of out.Failed ?? []) {
        const entry = pending.find((p) => p.id === f.Id);
        if (f.SenderFault && entry)
          refused.push({ post: entry.post, reason: `the posts queue refused it: ${f.Code} ${f.Message ?? ''}`.trim() });
      }
      lastErrors = [...failed.values()].filter((f) => !f.SenderFault).map((f) => `${f.Code} ${f.Message ?? ''}`.trim());
      pending = pending.filter(({ id }) => failed.has(id) && !failed.get(id)?.SenderFault);
    }
    if (pending.length > 0) {
      throw new Error(
        `could not send ${pending.length} post(s) after ${this.retry.attempts} attempts (${pending.map((p) => p.post.key).join(', ')}): ${lastErrors.join('; ')}`,
      );
    }
    return refused;
  }
}

export class SqsDeadLetters implements DeadLetters {
  constructor(
    private readonly sqs: SQSClient,
    private readonly dlqUrl: string,
  ) {}

  async send(letter: DeadLetter): Promise<void> {
    const attributes: Record<string, MessageAttributeValue> = {
      error: { DataType: 'String', StringValue: letter.reason.slice(0, 1000) },
      stage: { DataType: 'String', StringValue: letter.stage },
      failedAt: { DataType: 'String', StringValue: new Date().toISOString() },
    };
    if (letter.source) attributes.source = { DataType: 'String', StringValue: letter.source };
    if (letter.postId) attributes.postId = { DataType: 'String', StringValue: letter.postId };
    if (letter.line !== undefined) attributes.line = { DataType: 'Number', StringValue: String(letter.line) };
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.dlqUrl,
        // An empty body is not allowed by SQS; keep something readable instead.
        MessageBody: letter.body.length > 0 ? sqsSafe(letter.body) : '(empty)',
        MessageAttributes: attributes,
      }),
    );
  }
}
