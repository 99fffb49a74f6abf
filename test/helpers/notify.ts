/**
 * For the notifier's tests: alerts, SNS events as Lambda receives them from the alerts topic, an
 * an in-memory delivery log with the DynamoDB one's contract, and stand-ins for Telegram's Bot API and
 * a Slack incoming webhook on real loopback HTTP servers. The stand-ins check what the real
 * services check (the token, the chat, the length, Telegram's HTML, Slack's block limits) and
 * answer errors in the services' own shapes.
 */
import { randomUUID } from 'node:crypto';
import type { Context, SNSEvent } from 'aws-lambda';
import { alertMessage } from '../../shared/adapters/sns';
import type { Alert } from '../../shared/alerts/alert';
import type { ChannelName, DeliveryClaim, DeliveryLog } from '../../shared/notify/ports';
import { TOPICS } from '../../shared/resources';
import { startTestServer, type Answer, type SeenRequest, type TestServer } from './http-server';

/** A spike alert as the classifier raises it, with two sample posts; `overrides` replace fields. */
export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    alertId: 'spike:banjir:2026-11-26T09:05Z',
    kind: 'spike',
    topic: 'banjir',
    topicLabel: 'Banjir dan genangan',
    severity: 7,
    revision: 1,
    firedAt: '2026-11-26T09:02:00.000Z',
    windowStart: '2026-11-26T08:05:00.000Z',
    windowEnd: '2026-11-26T09:05:00.000Z',
    observed: 42,
    expected: 3,
    ratio: 14,
    windowTotal: 50,
    places: [{ name: 'Kemang', count: 30 }],
    cities: [{ name: 'Jakarta Selatan', count: 35 }],
    samples: [
      {
        postKey: 'x#1861234567890',
        text: 'Banjir lagi di Kemang, air udah sepinggang!!',
        url: 'https://x.com/i/status/1861234567890',
        author: 'warga_kemang',
        createdAt: '2026-11-26T09:00:00Z',
      },
      {
        postKey: 'news#kompas-1',
        text: 'Genangan 40 cm di Jalan Kemang Raya',
        url: 'https://kompas.example/banjir',
        createdAt: '2026-11-26T08:50:00Z',
      },
    ],
    ...overrides,
  };
}

/** The alerts topic of the tests that do not wire the notifier from an environment. */
export const ALERTS_TOPIC_ARN = 'arn:aws:sns:ap-southeast-3:000000000000:pantau-alerts';

/**
 * What Lambda receives from the alerts topic: the `lambda` key of the message the classifier
 * publishes. From `topicArn`: by default the topic the notifier under test is wired to
 * (`ALERTS_TOPIC_ARN` in the environment, as `wireFromEnv` reads it), else ALERTS_TOPIC_ARN.
 */
export function snsEvent(alert: Alert | string, topicArn = process.env[TOPICS.alerts.envVar] ?? ALERTS_TOPIC_ARN): SNSEvent {
  const message = typeof alert === 'string' ? alert : (alertMessage(alert, 'id').lambda as string);
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: topicArn,
          Subject: 'Pantau',
          Message: message,
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.ap-southeast-3.amazonaws.com/cert.pem',
          UnsubscribeUrl: 'https://sns.ap-southeast-3.amazonaws.com/unsubscribe',
          MessageAttributes: typeof alert === 'string' ? {} : { kind: { Type: 'String', Value: alert.kind } },
        },
      },
    ],
  };
}

export function lambdaContext(functionName = 'pantau-notifier'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-3:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The notifier's delivery log in memory, with the DynamoDB one's contract (claims, leases, sent records). */
export class MemoryDeliveryLog implements DeliveryLog {
  readonly items = new Map<string, { leaseUntil: number; sent: boolean }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly leaseMs = 45_000,
  ) {}

  async claim(alertId: string, revision: number, channel: ChannelName): Promise<DeliveryClaim> {
    const key = `${alertId}|${revision}|${channel}`;
    const held = this.items.get(key);
    if (held?.sent) return 'sent';
    if (held && held.leaseUntil >= this.now()) return 'in-flight';
    this.items.set(key, { leaseUntil: this.now() + this.leaseMs, sent: false });
    return 'claimed';
  }

  async markSent(alertId: string, revision: number, channel: ChannelName): Promise<void> {
    this.items.set(`${alertId}|${revision}|${channel}`, { leaseUntil: 0, sent: true });
  }

  async release(alertId: string, revision: number, channel: ChannelName): Promise<void> {
    const key = `${alertId}|${revision}|${channel}`;
    if (!this.items.get(key)?.sent) this.items.delete(key);
  }
}

/** A chat stand-in: what it accepted, every request it saw, and answers to give instead. */
export interface ChatStandIn<M> {
  /** The server's address, e.g. `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The messages it accepted (as their JSON bodies), in order. */
  readonly messages: M[];
  readonly requests: SeenRequest[];
  /** The next requests get these answers, one each, whatever they hold (e.g. a 500, then a 429). */
  failNext(...answers: Answer[]): void;
  close(): Promise<void>;
}

async function startChatStandIn<M>(accept: (request: SeenRequest, messages: M[]) => Answer): Promise<ChatStandIn<M>> {
  const messages: M[] = [];
  const scripted: Answer[] = [];
  const server: TestServer = await startTestServer((request) => scripted.shift() ?? accept(request, messages));
  return {
    url: server.url,
    messages,
    requests: server.requests,
    failNext: (...answers) => void scripted.push(...answers),
    close: () => server.close(),
  };
}

// ---- Telegram ----

export const TELEGRAM_TOKEN = '7012345678:AAH-standin_token-0123456789abcdefXYZ';
export const TELEGRAM_CHAT = '-1001234567890';

export interface TelegramSendMessage {
  readonly chat_id: string;
  readonly text: string;
  readonly parse_mode?: string;
  readonly disable_web_page_preview?: boolean;
}

/** Telegram's error answer: `{ ok: false, error_code, description, parameters? }`. */
export function telegramError(status: number, description: string, parameters?: { retry_after: number }): Answer {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ok: false, error_code: status, description, ...(parameters && { parameters }) }),
  };
}

export function startTelegramStandIn(): Promise<ChatStandIn<TelegramSendMessage>> {
  let messageId = 0;
  return startChatStandIn<TelegramSendMessage>((request, messages) => {
    const match = /^\/bot([^/]+)\/sendMessage$/.exec(request.url);
    if (!match) return telegramError(404, 'Not Found');
    if (match[1] !== TELEGRAM_TOKEN) return telegramError(401, 'Unauthorized');
    if (!request.headers['content-type']?.startsWith('application/json')) return telegramError(400, 'Bad Request: message text is empty');
    const body = JSON.parse(request.body) as TelegramSendMessage;
    if (body.chat_id !== TELEGRAM_CHAT) return telegramError(400, 'Bad Request: chat not found');
    if (!body.text) return telegramError(400, 'Bad Request: message text is empty');
    if (body.text.length > 4096) return telegramError(400, 'Bad Request: message is too long');
    const markup = body.parse_mode === 'HTML' ? telegramHtmlError(body.text) : undefined;
    if (markup) return telegramError(400, `Bad Request: can't parse entities: ${markup}`);
    messages.push(body);
    messageId += 1;
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ok: true, result: { message_id: messageId, chat: { id: Number(body.chat_id) }, text: body.text } }),
    };
  });
}

/** Telegram's HTML mode: only its tags, balanced; `&` only in its entities. Undefined when the text parses. */
export function telegramHtmlError(text: string): string | undefined {
  const tags = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler']);
  const open: string[] = [];
  for (let i = 0; i < text.length;) {
    const rest = text.slice(i);
    if (rest.startsWith('<')) {
      const tag = /^<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"<>]*")*)>/.exec(rest);
      if (!tag?.[2]) return `Unclosed start tag at offset ${i}`;
      if (!tags.has(tag[2])) return `Unsupported start tag "${tag[2]}" at offset ${i}`;
      if (tag[1] && open.pop() !== tag[2]) return `Unmatched end tag at offset ${i}, expected "</${open.at(-1)}>"`;
      if (!tag[1]) open.push(tag[2]);
      i += tag[0].length;
    } else if (rest.startsWith('&')) {
      const entity = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(rest);
      if (!entity) return `Can't find end of the entity starting at offset ${i}`;
      i += entity[0].length;
    } else {
      i += 1;
    }
  }
  return open.length > 0 ? `Can't find end tag corresponding to start tag "${open.at(-1)}"` : undefined;
}

// ---- Slack ----

export const SLACK_WEBHOOK_PATH = '/services/T0PANTAU/B0PANTAU/standinWebhookSecret42';

export interface SlackWebhookMessage {
  readonly text?: string;
  readonly blocks?: { type: string; text?: { type: string; text: string }; elements?: { type: string; text: string }[] }[];
}

/** Slack's webhook errors: a status and a plain-text word. */
export const slackError = (status: number, word: string): Answer => ({ status, headers: { 'content-type': 'text/plain' }, body: word });

export function startSlackStandIn(): Promise<ChatStandIn<SlackWebhookMessage>> {
  return startChatStandIn<SlackWebhookMessage>((request, messages) => {
    if (request.method !== 'POST' || request.url !== SLACK_WEBHOOK_PATH) return slackError(404, 'no_service');
    if (!request.headers['content-type']?.startsWith('application/json')) return slackError(400, 'invalid_payload');
    let body: SlackWebhookMessage;
    try {
      body = JSON.parse(request.body) as SlackWebhookMessage;
    } catch {
      return slackError(400, 'invalid_payload');
    }
    if (!body.text && !body.blocks) return slackError(400, 'no_text');
    if (!(body.blocks ?? []).every(blockFits)) return slackError(400, 'invalid_blocks');
    messages.push(body);
    return { status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' };
  });
}

function blockFits(block: NonNullable<SlackWebhookMessage['blocks']>[number]): boolean {
  switch (block.type) {
    case 'header':
      return block.text?.type === 'plain_text' && block.text.text.length <= 150;
    case 'section':
      return block.text !== undefined && block.text.text.length <= 3000;
    case 'context':
      return (block.elements ?? []).length <= 10;
    default:
      return false;
  }
}
