/**
 * Secrets and hostile posts, through the real handlers with in-memory state: the X collector with
 * a known bearer token against the X stand-in answering 401, 403 and 500; the notifier with a
 * known bot token and webhook address against failing chat endpoints. Everything written to
 * stdout, stderr and the console (the Powertools logger included) and every thrown error is
 * searched for the secrets. Posts written to break the chats' markup reach the chat stand-ins
 * harmless, and the notifier refuses events from any topic but its own.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import * as notifier from '../../functions/notifier/handler';
import * as xCollector from '../../functions/x-collector/handler';
import { MemoryCollectorState } from '../../shared/adapters/memory-state';
import { TwitterSearch } from '../../shared/adapters/x-api';
import type { Alert } from '../../shared/alerts/alert';
import { parseConfig } from '../../shared/config';
import { SlackChannel, TelegramChannel, type ChatHttp } from '../../shared/notify/channels';
import type { DeadLetter, OutgoingPost } from '../../shared/pipeline/ports';
import { startTestServer, type TestServer } from '../helpers/http-server';
import {
  ALERTS_TOPIC_ARN,
  lambdaContext,
  makeAlert,
  MemoryDeliveryLog,
  SLACK_WEBHOOK_PATH,
  slackError,
  snsEvent,
  startSlackStandIn,
  startTelegramStandIn,
  TELEGRAM_CHAT,
  TELEGRAM_TOKEN,
  telegramError,
  telegramHtmlError,
  type ChatStandIn,
  type SlackWebhookMessage,
  type TelegramSendMessage,
} from '../helpers/notify';
import { startXStandIn, xError, type XStandIn } from '../helpers/x-standin';
import { fetchHttp } from '../../shared/adapters/http';

const X_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAPantauKnownBearerToken%2Fsecret0123456789';
const FAST: ChatHttp = { timeoutMs: 2_000, backoff: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, maxRetryAfterMs: 10 };

/** Everything written while `run` runs: stdout, stderr and every console method, as text. */
async function captured<T>(run: () => Promise<T>): Promise<{ output: string; result?: T; error?: Error }> {
  const chunks: string[] = [];
  const keep = (...args: unknown[]): void =>
    void chunks.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true)),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) => jest.spyOn(console, method).mockImplementation(keep)),
  ];
  try {
    const result = await run();
    return { output: chunks.join('\n'), result };
  } catch (err) {
    return { output: chunks.join('\n'), error: err as Error };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Every text an error carries: its message, stack and causes. */
function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e = err as (Error & { cause?: unknown }) | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    parts.push(String(e.message), String(e.stack), JSON.stringify(e));
  }
  return parts.join('\n');
}

const debugLogger = (serviceName: string): Logger => new Logger({ serviceName, logLevel: 'DEBUG' });
const quietMetrics = (serviceName: string): Metrics => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  return new Metrics({ namespace: 'Pantau', serviceName });
};

describe('the X bearer token never shows', () => {
  let x: XStandIn;
  beforeEach(async () => {
    x = await startXStandIn();
  });
  afterEach(() => x.close());

  function xHandler(): xCollector.XCollectorHandler {
    const config = parseConfig({
      topics: [{ name: 'banjir', label: 'Banjir', keywords: ['banjir'], query: 'banjir jakarta' }],
      sources: { x: { enabled: true } },
    });
    const state = new MemoryCollectorState();
    const logger = debugLogger('x-collector');
    const sent: OutgoingPost[] = [];
    const dead: DeadLetter[] = [];
    return xCollector.makeHandler({
      config,
      x: async () =>
        new TwitterSearch(X_TOKEN, {
          baseUrl: x.url,
          backoff: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
          onRetry: (err, attempt) => logger.warn('X search failed; trying again', { attempt, error: err as Error }),
        }),
      state,
      budget: state,
      lock: state,
      queue: {
        sendAll: async (posts) => {
          sent.push(...posts);
          return [];
        },
      },
      deadLetters: { send: async (letter) => void dead.push(letter) },
      now: Date.now,
      logger,
      metrics: quietMetrics('x-collector'),
    });
  }

  test.each([
    ['401', xError(401), /X refused the bearer token \(401/],
    ['403', xError(403), /X refused access \(403/],
    [
      '500',
      { status: 500, headers: { 'content-type': 'application/json' }, body: '{"title":"Internal Error","detail":"boom"}' },
      /X answered 500/,
    ],
  ])('X answering %s', async (_status, answer, expected) => {
    for (let call = 1; call <= 10; call++) x.failOn(call, answer);
    const run = await captured(() => xHandler()({}, lambdaContext('pantau-x-collector')));

    // The failure is told (thrown or logged), and the stand-in did receive the token.
    expect(`${errorText(run.error)}\n${run.output}`).toMatch(expected);
    expect(x.calls[0]?.authorization).toBe(`Bearer ${X_TOKEN}`);
    expect(run.output).not.toContain(X_TOKEN);
    expect(errorText(run.error)).not.toContain(X_TOKEN);
    expect(JSON.stringify(run.result ?? {})).not.toContain(X_TOKEN);
  });

  test('an answer that quotes the Authorization header back has the token cut out', async () => {
    const echo = await startTestServer((req) => ({
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Unauthorized', detail: `bad credentials: ${req.headers.authorization ?? ''}` }),
    }));
    try {
      const search = new TwitterSearch(X_TOKEN, { baseUrl: echo.url, backoff: { attempts: 1, baseDelayMs: 1 } });
      const error = await search.search({ query: 'banjir', maxResults: 10 }).catch((err: unknown) => err);
      expect(errorText(error)).toContain('bad credentials: Bearer [secret]');
      expect(errorText(error)).not.toContain(X_TOKEN);
    } finally {
      await echo.close();
    }
  });
});

describe('the notifier', () => {
  let telegram: ChatStandIn<TelegramSendMessage>;
  let slack: ChatStandIn<SlackWebhookMessage>;
  beforeEach(async () => {
    [telegram, slack] = await Promise.all([startTelegramStandIn(), startSlackStandIn()]);
  });
  afterEach(() => Promise.all([telegram.close(), slack.close()]));

  function notifierHandler(urls: { telegram?: string; slack?: string } = {}): notifier.NotifierHandler {
    const logger = debugLogger('notifier');
    const onRetry = (channel: string, err: unknown, attempt: number, waitMs: number): void =>
      logger.warn('chat request failed; trying again', { channel, attempt, waitMs, error: err as Error });
    return notifier.makeHandler({
      topicArn: ALERTS_TOPIC_ARN,
      targets: async () => [
        {
          channel: new TelegramChannel({
            web: fetchHttp,
            lang: 'id',
            http: FAST,
            onRetry,
            token: TELEGRAM_TOKEN,
            chatId: TELEGRAM_CHAT,
            baseUrl: urls.telegram ?? telegram.url,
          }),
          filter: { minSeverity: 1 },
        },
        {
          channel: new SlackChannel({
            web: fetchHttp,
            lang: 'id',
            http: FAST,
            onRetry,
            webhookUrl: `${urls.slack ?? slack.url}${SLACK_WEBHOOK_PATH}`,
          }),
          filter: { minSeverity: 1 },
        },
      ],
      deliveries: new MemoryDeliveryLog(),
      logger,
      metrics: quietMetrics('notifier'),
    });
  }

  const secrets = [TELEGRAM_TOKEN, SLACK_WEBHOOK_PATH, 'standinWebhookSecret42', encodeURIComponent(TELEGRAM_TOKEN)];

  test.each([
    [
      'refuse the request (401, 404)',
      () => [telegram.failNext(telegramError(401, 'Unauthorized')), slack.failNext(slackError(404, 'no_service'))],
    ],
    [
      'fail (500, every try)',
      () => [
        telegram.failNext(...[1, 2].map(() => telegramError(500, 'Internal Server Error'))),
        slack.failNext(...[1, 2].map(() => slackError(500, 'internal_error'))),
      ],
    ],
  ])('keeps the bot token and webhook address out of logs and errors when the chats %s', async (_name, fail) => {
    fail();
    const run = await captured(() => notifierHandler()(snsEvent(makeAlert(), ALERTS_TOPIC_ARN), lambdaContext()));

    expect(run.error?.message).toMatch(/not delivered to every channel: telegram: .*; slack: /);
    expect(run.output).toMatch(/not delivered; failing so that Lambda retries it/);
    expect(telegram.requests[0]?.url).toBe(`/bot${TELEGRAM_TOKEN}/sendMessage`);
    for (const secret of secrets) {
      expect(run.output).not.toContain(secret);
      expect(errorText(run.error)).not.toContain(secret);
    }
  });

  test('an endpoint that quotes the request path back (a proxy, a wrong base URL) has the secrets cut out', async () => {
    // Express's own 404 page: `Cannot POST /bot<token>/sendMessage`.
    const echo: TestServer = await startTestServer((req) => ({
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: `Cannot POST ${req.url}`,
    }));
    try {
      const run = await captured(() =>
        notifierHandler({ telegram: echo.url, slack: echo.url })(snsEvent(makeAlert(), ALERTS_TOPIC_ARN), lambdaContext()),
      );
      expect(run.error?.message).toContain('telegram: POST Telegram sendMessage answered 404: Cannot POST /bot[secret]/sendMessage');
      expect(run.error?.message).toContain('slack: POST Slack webhook answered 404: Cannot POST [secret]');
      for (const secret of secrets) {
        expect(run.output).not.toContain(secret);
        expect(errorText(run.error)).not.toContain(secret);
      }
    } finally {
      await echo.close();
    }
  });

  test('refuses an event from another topic, with the reason in the log, and sends nothing', async () => {
    const other = 'arn:aws:sns:ap-southeast-3:000000000000:someone-elses-topic';
    const run = await captured(() => notifierHandler()(snsEvent(makeAlert(), other), lambdaContext()));

    expect(run.error).toBeUndefined();
    expect(telegram.requests).toHaveLength(0);
    expect(slack.requests).toHaveLength(0);
    const refused = run.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.message === 'message refused: not from the alerts topic');
    expect(refused).toMatchObject({ level: 'ERROR', topicArn: other, expected: ALERTS_TOPIC_ARN });
  });

  describe('a post written to break the chats reaches them harmless', () => {
    const hostile = '<a href="http://evil">x</a> <b>bold</b> @channel <!here> <!channel> <@U123> & *bold* `code` ```block```';
    const badUrls = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'http://x" onclick=alert(1)'];
    const alert: Alert = makeAlert({
      topicLabel: `Banjir ${hostile}`,
      places: [{ name: '<!here> Kemang', count: 3 }],
      samples: [
        ...badUrls
          .slice(0, 3)
          .map((url, i) => ({ postKey: `x#${i}`, text: hostile, url, author: `<!channel>${i}`, createdAt: '2026-11-26T09:00:00Z' })),
      ],
    });
    const lastUrl: Alert = makeAlert({
      samples: [{ postKey: 'x#9', text: hostile, url: badUrls[3], author: '*admin*', createdAt: '2026-11-26T09:00:00Z' }],
    });

    async function deliverQuietly(...alerts: Alert[]): Promise<void> {
      const run = await captured(async () => {
        for (const a of alerts) await notifierHandler()(snsEvent(a, ALERTS_TOPIC_ARN), lambdaContext());
      });
      expect(run.error).toBeUndefined();
    }

    test('Telegram: only its own tags, links only to web addresses, the post text shown as text', async () => {
      await deliverQuietly(alert, lastUrl);
      expect(telegram.messages).toHaveLength(2);
      for (const { text, parse_mode } of telegram.messages) {
        expect(parse_mode).toBe('HTML');
        expect(telegramHtmlError(text)).toBeUndefined();
        // The one <b> is Pantau's title; the post's tags arrive escaped.
        expect(text.match(/<b>/g)).toHaveLength(1);
        expect(text).toContain('&lt;a href="http://evil"&gt;x&lt;/a&gt; &lt;b&gt;bold&lt;/b&gt; @channel &lt;!here&gt;');
        expect(text).not.toMatch(/<a href="(?!https?:)/);
        expect(text).not.toMatch(/href="[^"]*(javascript|data|file|onclick)/i);
        expect(text).toContain('*bold* `code` ```block```');
      }
    });

    test('Slack: nothing to ping, no link but web addresses, every text block verbatim', async () => {
      await deliverQuietly(alert, lastUrl);
      expect(slack.messages).toHaveLength(2);
      for (const message of slack.messages) {
        // The header is plain_text, which Slack never parses; every other text is mrkdwn.
        const parsed = JSON.stringify({ ...message, blocks: message.blocks?.filter((b) => b.type !== 'header') });
        expect(parsed).not.toMatch(/<!here>|<!channel>|<@U123>|<http:\/\/evil/);
        expect(JSON.stringify(message)).not.toMatch(/javascript:|data:text|file:\/\/|onclick/);
        expect(message.text).not.toMatch(/[<>]/);
        for (const block of message.blocks ?? []) {
          const texts = [block.text, ...(block.elements ?? [])].filter(
            (t): t is { type: string; text: string; verbatim?: boolean } => t !== undefined,
          );
          for (const t of texts) {
            if (t.type === 'mrkdwn') expect(t).toMatchObject({ verbatim: true });
            // Every control sequence left is a link to a web address.
            if (t.type === 'mrkdwn')
              for (const control of t.text.match(/<[^>]*>/g) ?? []) expect(control).toMatch(/^<https?:\/\/[^|<>]+\|/);
          }
        }
      }
      expect(JSON.stringify(slack.messages[0])).toContain(
        '&lt;a href=\\"http://evil\\"&gt;x&lt;/a&gt; &lt;b&gt;bold&lt;/b&gt; @channel &lt;!here&gt; &lt;!channel&gt;',
      );
    });
  });
});
