/**
 * The notifier Lambda on the embedded stack, wired from the environment as on AWS: its delivery log
 * in the state table on DynamoDB Local, stand-ins for Telegram and Slack on loopback. The delivery log
 * keeps sent records and frees dead senders' claims; the same SNS event delivered twice, or at
 * once, gives one message per chat; a chat that failed is released, so the retry sends it and
 * only it; every delivery is counted per chat.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as notifier from '../../functions/notifier/handler';
import { DynamoDeliveryLog, NOTIFY_LEASE_MS } from '../../shared/adapters/delivery-log';
import type { Alert } from '../../shared/alerts/alert';
import { NotifyError } from '../../shared/notify/notify';
import { testStack, type TestStack } from '../helpers/local-stack';
import {
  lambdaContext,
  makeAlert,
  SLACK_WEBHOOK_PATH,
  slackError,
  snsEvent,
  startSlackStandIn,
  startTelegramStandIn,
  TELEGRAM_CHAT,
  TELEGRAM_TOKEN,
  type ChatStandIn,
  type SlackWebhookMessage,
  type TelegramSendMessage,
} from '../helpers/notify';
import { tempDir, writeJson } from '../infra/fixtures';

let stack: TestStack;
let telegram: ChatStandIn<TelegramSendMessage>;
let slack: ChatStandIn<SlackWebhookMessage>;
let handler: notifier.NotifierHandler;

const config = (notify: Record<string, unknown>): string =>
  writeJson(tempDir(), 'pantau.config.json', {
    name: 'pantau-it',
    topics: [{ name: 'banjir', label: 'Banjir dan genangan', keywords: ['banjir', 'genangan'] }],
    notify,
  });

beforeAll(async () => {
  stack = await testStack('notifier');
  [telegram, slack] = await Promise.all([startTelegramStandIn(), startSlackStandIn()]);
  Object.assign(process.env, stack.env, {
    PANTAU_CONFIG: config({ telegram: { chatId: TELEGRAM_CHAT }, slack: {} }),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_BASE_URL: telegram.url,
    SLACK_WEBHOOK_URL: `${slack.url}${SLACK_WEBHOOK_PATH}`,
  });
  handler = notifier.makeHandler(notifier.wireFromEnv());
});

afterAll(async () => {
  await telegram?.close();
  await slack?.close();
  await stack?.stop();
});

/** An alert of its own per test: the delivery log and the stand-ins are shared by the file. */
const alertFor = (test: string, overrides: Partial<Alert> = {}): Alert => makeAlert({ alertId: `spike:banjir:${test}`, ...overrides });

/** The messages each chat received about `alert`. */
function received(alert: Alert): { telegram: TelegramSendMessage[]; slack: SlackWebhookMessage[] } {
  const about = (json: string): boolean => json.includes(`ID: ${alert.alertId}`);
  return {
    telegram: telegram.messages.filter((m) => about(m.text)),
    slack: slack.messages.filter((m) => about(JSON.stringify(m))),
  };
}

async function deliveryItem(alert: Alert, channel: string): Promise<Record<string, unknown> | undefined> {
  const out = await stack.clients.doc.send(
    new GetCommand({
      TableName: stack.resources.tables.state,
      Key: { pk: `NOTIFIED#${alert.alertId}`, sk: `${alert.revision}#${channel}` },
      ConsistentRead: true,
    }),
  );
  return out.Item;
}

test("the deliveries: a sent record stays sent, a dead sender's claim frees itself after the lease, a release never undoes a send", async () => {
  let now = Date.parse('2026-11-26T09:03:00Z');
  const deliveries = new DynamoDeliveryLog(stack.clients.doc, stack.resources.tables.state, 35, () => now);

  expect(await deliveries.claim('spike:banjir:deliveries', 1, 'telegram')).toBe('claimed');
  expect(await deliveries.claim('spike:banjir:deliveries', 1, 'telegram')).toBe('in-flight');
  expect(await deliveries.claim('spike:banjir:deliveries', 2, 'telegram')).toBe('claimed');
  expect(await deliveries.claim('spike:banjir:deliveries', 1, 'slack')).toBe('claimed');
  await deliveries.markSent('spike:banjir:deliveries', 1, 'telegram');
  await deliveries.release('spike:banjir:deliveries', 1, 'telegram');

  now += NOTIFY_LEASE_MS + 1;
  expect(await deliveries.claim('spike:banjir:deliveries', 1, 'telegram')).toBe('sent');
  // Revision 2 and Slack were claimed by senders that never finished: taken over now.
  expect(await deliveries.claim('spike:banjir:deliveries', 2, 'telegram')).toBe('claimed');
  expect(await deliveries.claim('spike:banjir:deliveries', 1, 'slack')).toBe('claimed');
});

test('the same SNS event twice: one message per chat, recorded in the state table with an expiry', async () => {
  const alert = alertFor('twice');
  const event = snsEvent(alert);

  await handler(event, lambdaContext());
  await handler(event, lambdaContext());

  const got = received(alert);
  expect(got.telegram).toHaveLength(1);
  expect(got.slack).toHaveLength(1);
  expect(got.telegram[0]).toMatchObject({ chat_id: TELEGRAM_CHAT, parse_mode: 'HTML', disable_web_page_preview: true });
  expect(got.telegram[0]?.text).toMatch(/^<b>\[Pantau 7\/10\] Lonjakan keluhan: Banjir dan genangan<\/b>\n/);
  for (const channel of ['telegram', 'slack']) {
    expect(await deliveryItem(alert, channel)).toMatchObject({ sentAt: expect.any(String), expiresAt: expect.any(Number) });
  }
});

test('the same event delivered at once to three invocations: still one message per chat', async () => {
  const alert = alertFor('concurrent');
  const event = snsEvent(alert);

  const settled = await Promise.allSettled([1, 2, 3].map(() => handler(event, lambdaContext())));
  // Each chat is claimed by exactly one invocation, which sends it. An invocation that found a chat
  // claimed by another fails, so that Lambda's retry confirms it was sent; when the two chats were
  // claimed by different invocations, all three may fail this way.
  const failures = settled.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  for (const failure of failures) expect(failure).toMatch(/in-flight/);
  expect(received(alert).telegram).toHaveLength(1);
  expect(received(alert).slack).toHaveLength(1);

  await handler(event, lambdaContext()); // the retry finds both chats sent, and succeeds

  expect(received(alert).telegram).toHaveLength(1);
  expect(received(alert).slack).toHaveLength(1);
});

test('a chat that keeps failing fails the invocation and is released; the next invocation sends it, and only it', async () => {
  const alert = alertFor('slack-down');
  const event = snsEvent(alert);
  slack.failNext(...Array.from({ length: 3 }, () => slackError(500, 'internal_error')));

  const error = await handler(event, lambdaContext()).catch((err: unknown) => err);

  expect(error).toBeInstanceOf(NotifyError);
  expect((error as Error).message).toContain('slack: POST Slack webhook answered 500: internal_error');
  expect(received(alert).telegram).toHaveLength(1);
  expect(received(alert).slack).toHaveLength(0);
  expect(await deliveryItem(alert, 'slack')).toBeUndefined();

  await handler(event, lambdaContext());

  expect(received(alert).telegram).toHaveLength(1);
  expect(received(alert).slack).toHaveLength(1);
});

test('a message that is not an alert is skipped, not failed (a retry would fail the same way)', async () => {
  const before = telegram.requests.length + slack.requests.length;

  await handler(snsEvent('Pantau: hello'), lambdaContext());
  await handler(snsEvent(JSON.stringify({ alertId: 'spike:banjir:x', kind: 'flood' })), lambdaContext());

  expect(telegram.requests.length + slack.requests.length).toBe(before);
});

test('with only Telegram configured, the Slack secret is never asked for, and the token is read once per cold start', async () => {
  const saved = { config: process.env.PANTAU_CONFIG, webhook: process.env.SLACK_WEBHOOK_URL };
  process.env.PANTAU_CONFIG = config({ telegram: { chatId: TELEGRAM_CHAT, kinds: ['spike'], minSeverity: 5 } });
  delete process.env.SLACK_WEBHOOK_URL;
  try {
    const deps = notifier.wireFromEnv();
    let reads = 0;
    const telegramOnly = notifier.makeHandler({
      ...deps,
      targets: () => {
        reads += 1;
        return deps.targets();
      },
    });
    const alert = alertFor('telegram-only');

    await telegramOnly(snsEvent(alert), lambdaContext());
    await telegramOnly(snsEvent(alertFor('telegram-only-low', { severity: 4 })), lambdaContext());

    expect(reads).toBe(1);
    expect(received(alert)).toEqual({ telegram: [expect.objectContaining({ chat_id: TELEGRAM_CHAT })], slack: [] });
    expect(received(alertFor('telegram-only-low')).telegram).toHaveLength(0);
  } finally {
    process.env.PANTAU_CONFIG = saved.config;
    process.env.SLACK_WEBHOOK_URL = saved.webhook;
  }
});

test('every delivery is counted per chat in CloudWatch metrics (EMF): sent, duplicate, failed; a bad message too', async () => {
  const saved = { dev: process.env.POWERTOOLS_DEV, disabled: process.env.POWERTOOLS_METRICS_DISABLED };
  // Dev mode writes EMF to the global console, where the test reads it.
  Object.assign(process.env, { POWERTOOLS_DEV: 'true', POWERTOOLS_METRICS_DISABLED: 'false' });
  const emitted = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const counted = notifier.makeHandler({
      ...notifier.wireFromEnv(),
      metrics: new Metrics({ namespace: 'Pantau', serviceName: 'notifier' }),
    });
    const event = snsEvent(alertFor('metrics'));
    slack.failNext(slackError(404, 'no_service'));

    await expect(counted(event, lambdaContext())).rejects.toThrow(NotifyError);
    await counted(event, lambdaContext());
    await counted(snsEvent('not an alert'), lambdaContext());

    const metrics = emitted.mock.calls.flatMap(([line]) => {
      const emf = JSON.parse(String(line)) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
      return emf._aws.CloudWatchMetrics.flatMap((set) =>
        set.Metrics.map((m) => `${m.Name}${emf.channel ? `:${String(emf.channel)}` : ''}`),
      );
    });
    expect(metrics.sort()).toEqual(
      [
        'alerts_received',
        'notifications_sent:telegram',
        'notifications_failed:slack',
        'alerts_received',
        'notifications_duplicate:telegram',
        'notifications_sent:slack',
        'messages_invalid',
      ].sort(),
    );
  } finally {
    emitted.mockRestore();
    Object.assign(process.env, saved);
  }
});
