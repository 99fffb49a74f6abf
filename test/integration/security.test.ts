/**
 * The notifier wired from the environment as on AWS (its deliveries on DynamoDB Local, the alerts
 * topic's ARN from the embedded stack): it takes events from that topic only, and with chats that
 * fail it keeps the bot token and the webhook address out of everything it writes and throws.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import * as notifier from '../../functions/notifier/handler';
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
  telegramError,
  type ChatStandIn,
  type SlackWebhookMessage,
  type TelegramSendMessage,
} from '../helpers/notify';
import { tempDir, writeJson } from '../infra/fixtures';

let stack: TestStack;
let telegram: ChatStandIn<TelegramSendMessage>;
let slack: ChatStandIn<SlackWebhookMessage>;
let handler: notifier.NotifierHandler;

beforeAll(async () => {
  stack = await testStack('security');
  [telegram, slack] = await Promise.all([startTelegramStandIn(), startSlackStandIn()]);
  Object.assign(process.env, stack.env, {
    PANTAU_CONFIG: writeJson(tempDir(), 'pantau.config.json', {
      name: 'pantau-it',
      topics: [{ name: 'banjir', label: 'Banjir dan genangan', keywords: ['banjir'] }],
      notify: { telegram: { chatId: TELEGRAM_CHAT }, slack: {} },
    }),
    POWERTOOLS_METRICS_DISABLED: 'true',
    TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
    TELEGRAM_API_BASE_URL: telegram.url,
    SLACK_WEBHOOK_URL: `${slack.url}${SLACK_WEBHOOK_PATH}`,
  });
  // Everything logged, debug included, so that the test reads all the notifier writes.
  handler = notifier.makeHandler({ ...notifier.wireFromEnv(), logger: new Logger({ serviceName: 'notifier', logLevel: 'DEBUG' }) });
});

afterAll(async () => {
  await telegram?.close();
  await slack?.close();
  await stack?.stop();
});

/** What the handler writes to stdout and stderr, and what it throws. */
async function run(event: ReturnType<typeof snsEvent>): Promise<{ output: string; error?: Error }> {
  const chunks: string[] = [];
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (chunks.push(String(c)), true));
  try {
    await handler(event, lambdaContext());
    return { output: chunks.join('') };
  } catch (error) {
    return { output: chunks.join(''), error: error as Error };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

test('the topic the notifier accepts is the stack’s alerts topic; an event from another is refused and logged', async () => {
  const alert = makeAlert({ alertId: 'spike:banjir:foreign' });
  const before = telegram.requests.length + slack.requests.length;

  const refused = await run(snsEvent(alert, `${stack.resources.topicArn}-impostor`));

  expect(refused.error).toBeUndefined();
  expect(telegram.requests.length + slack.requests.length).toBe(before);
  expect(refused.output).toContain('"message":"message refused: not from the alerts topic"');
  expect(refused.output).toContain(`"expected":"${stack.resources.topicArn}"`);

  const accepted = await run(snsEvent(alert, stack.resources.topicArn));
  expect(accepted.error).toBeUndefined();
  expect(telegram.messages.filter((m) => m.text.includes('ID: spike:banjir:foreign'))).toHaveLength(1);
});

test('with both chats failing, neither the bot token nor the webhook address is written or thrown', async () => {
  telegram.failNext(...[1, 2, 3].map(() => telegramError(500, 'Internal Server Error')));
  slack.failNext(slackError(403, 'invalid_token'));

  const failed = await run(snsEvent(makeAlert({ alertId: 'spike:banjir:secrets' }), stack.resources.topicArn));

  expect(failed.error?.message).toMatch(
    /telegram: POST Telegram sendMessage answered 500: Internal Server Error; slack: POST Slack webhook answered 403: invalid_token/,
  );
  expect(failed.output).toContain('chat request failed; trying again');
  expect(failed.output).toContain('not delivered; failing so that Lambda retries it');
  const everything = `${failed.output}\n${failed.error?.message}\n${failed.error?.stack}`;
  for (const secret of [TELEGRAM_TOKEN, SLACK_WEBHOOK_PATH, 'standinWebhookSecret42']) expect(everything).not.toContain(secret);
});
