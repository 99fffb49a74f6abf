/** SQS implementations: the posts queue (collectors send) and the dead-letter queue (with reasons). */
import { SQSClient, SendMessageBatchCommand, SendMessageCommand, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import { requireEnv } from '../env';
import type { DeadLetter, DeadLetters, OutgoingPost, PostQueue, RefusedPost } from '../pipeline/ports';
import { QUEUES } from '../resources';
import { untilNonePending } from '../retry';

const BATCH = 10;

/**
 * Requests go to the configured SQS endpoint, not to the host named in a queue URL. On AWS the
 * two are the same; the emulator's queue URLs name a host (`sqs.<region>.localhost`) that does
 * not resolve everywhere.
 */
export function makeSqsClient(config: ConstructorParameters<typeof SQSClient>[0] = {}): SQSClient {
  return new SQSClient({ useQueueUrlAsEndpoint: false, ...config });
}

/** The posts queue and its DLQ, as the collectors send to them (queue URLs from the environment). */
export function postQueues(w: { readonly clients: { readonly sqs: SQSClient } }): {
  readonly queue: SqsPostQueue;
  readonly deadLetters: SqsDeadLetters;
} {
  return { queue: new SqsPostQueue(w.clients.sqs, requireEnv(QUEUES.posts.envVar)), deadLetters: postsDeadLetters(w) };
}

/** The posts DLQ alone (the classifier rejects to it). */
export function postsDeadLetters(w: { readonly clients: { readonly sqs: SQSClient } }): SqsDeadLetters {
  return new SqsDeadLetters(w.clients.sqs, requireEnv(QUEUES.posts.deadLetter.envVar));
}

/**
 * The most an SQS message may hold, body and attributes together (UTF-8 bytes): 256 KiB, the
 * limit every SQS queue accepts (a queue may allow up to 1 MiB, AWS's default since 2025). A
 * SendMessageBatch request as a whole is held to it as well.
 */
export const SQS_MAX_MESSAGE_BYTES = 256 * 1024;

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

/** The size SQS counts for a message: the body's and every attribute's name, type and value, in UTF-8 bytes. */
export function sqsMessageBytes(body: string, attributes: Record<string, MessageAttributeValue>): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, value] of Object.entries(attributes)) {
    size += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value.DataType ?? '', 'utf8');
    size += Buffer.byteLength(value.StringValue ?? '', 'utf8');
  }
  return size;
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
    let batch: OutgoingPost[] = [];
    let batchBytes = 0;
    for (const post of posts) {
      const bytes = sqsMessageBytes(sqsSafe(post.body), sourceAttribute(post));
      if (bytes > SQS_MAX_MESSAGE_BYTES) {
        // SQS would refuse it every time; refused here, it goes to the DLQ with the reason.
        refused.push({
          post,
          reason: `the posts queue refused it: the message is ${bytes} bytes, over SQS's limit of ${SQS_MAX_MESSAGE_BYTES}`,
        });
        continue;
      }
      // A batch request is held to the same limit as one message: a full batch goes before it is over.
      if (batch.length === BATCH || batchBytes + bytes > SQS_MAX_MESSAGE_BYTES) {
        refused.push(...(await this.sendBatch(batch)));
        batch = [];
        batchBytes = 0;
      }
      batch.push(post);
      batchBytes += bytes;
    }
    if (batch.length > 0) refused.push(...(await this.sendBatch(batch)));
    return refused;
  }

  /**
   * SendMessageBatch, then again with backoff for the entries that failed on the service's side.
   * Entries refused for what they hold (sender faults) are returned, not retried.
   */
  private async sendBatch(batch: readonly OutgoingPost[]): Promise<RefusedPost[]> {
    const refused: RefusedPost[] = [];
    let lastErrors: string[] = [];
    await untilNonePending(
      batch.map((post, index) => ({ id: String(index), post })),
      async (pending) => {
        const out = await this.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: pending.map(({ id, post }) => ({
              Id: id,
              MessageBody: sqsSafe(post.body),
              MessageAttributes: sourceAttribute(post),
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
        return pending.filter(({ id }) => failed.has(id) && !failed.get(id)?.SenderFault);
      },
      { ...this.retry, jitter: 'none' },
      (left) =>
        new Error(
          `could not send ${left.length} post(s) after ${this.retry.attempts} attempts (${left.map((p) => p.post.key).join(', ')}): ${lastErrors.join('; ')}`,
        ),
    );
    return refused;
  }
}

const sourceAttribute = (post: OutgoingPost): Record<string, MessageAttributeValue> => ({
  source: { DataType: 'String', StringValue: post.source },
});

/** Room kept for the attributes SQS counts with the body; they are capped well below it. */
const ATTRIBUTE_ROOM = 4 * 1024;
/** The most a string attribute keeps (the reason, a post id taken from bad input). */
const ATTRIBUTE_MAX_CHARS = 1000;

/** An attribute value SQS takes: characters it refuses escaped, cut to a readable length. */
const attributeText = (value: string): string => sqsSafe(value.slice(0, ATTRIBUTE_MAX_CHARS));

/**
 * The DLQ, with the reason in the message's attributes. A dead letter always fits in an SQS
 * message: a body over the limit (a 1 MB line of a posts file) is cut, marked as cut, and its
 * whole size kept in the `bodyBytes` attribute, so the letter is never itself refused and lost.
 */
export class SqsDeadLetters implements DeadLetters {
  constructor(
    private readonly sqs: SQSClient,
    private readonly dlqUrl: string,
    private readonly maxBytes: number = SQS_MAX_MESSAGE_BYTES,
  ) {}

  async send(letter: DeadLetter): Promise<void> {
    const attributes: Record<string, MessageAttributeValue> = {
      error: { DataType: 'String', StringValue: attributeText(letter.reason) },
      stage: { DataType: 'String', StringValue: letter.stage },
      failedAt: { DataType: 'String', StringValue: new Date().toISOString() },
    };
    if (letter.source) attributes.source = { DataType: 'String', StringValue: attributeText(letter.source) };
    if (letter.postId) attributes.postId = { DataType: 'String', StringValue: attributeText(letter.postId) };
    if (letter.line !== undefined) attributes.line = { DataType: 'Number', StringValue: String(letter.line) };
    // An empty body is not allowed by SQS; keep something readable instead.
    const body = letter.body.length > 0 ? sqsSafe(letter.body) : '(empty)';
    const room = this.maxBytes - ATTRIBUTE_ROOM;
    const fits = Buffer.byteLength(body, 'utf8') <= room;
    if (!fits) {
      attributes.bodyBytes = { DataType: 'Number', StringValue: String(Buffer.byteLength(letter.body, 'utf8')) };
      attributes.truncated = { DataType: 'String', StringValue: 'true' };
    }
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.dlqUrl,
        MessageBody: fits ? body : truncated(letter.body, room),
        MessageAttributes: attributes,
      }),
    );
  }
}

/**
 * The start of `body`, SQS-safe, with a marker saying it was cut, in at most `maxBytes` UTF-8
 * bytes; never cut inside a character or an escape.
 */
export function truncated(body: string, maxBytes: number): string {
  const total = Buffer.byteLength(body, 'utf8');
  let kept = '';
  let keptBytes = 0;
  let keptChars = 0;
  const marker = (): string => `\n[cut by Pantau: the first ${keptChars} characters of ${body.length} (${total} bytes) kept]`;
  const budget = maxBytes - Buffer.byteLength(marker(), 'utf8') - 32;
  for (const char of body) {
    const safe = sqsSafe(char);
    const bytes = Buffer.byteLength(safe, 'utf8');
    if (keptBytes + bytes > budget) break;
    kept += safe;
    keptBytes += bytes;
    keptChars += char.length;
  }
  return `${kept}${marker()}`;
}
