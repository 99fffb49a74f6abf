/**
 * The notifier's core with the real Telegram and Slack channels, against stand-ins for both on
 * loopback HTTP servers, and the deliveries in memory: what the chats receive, retries, the services'
 * waits, permanent errors, one chat down, and each message sent once.
 */
import type { Alert } from '../../shared/alerts/alert';
import { SlackChannel, TelegramChannel, type ChatHttp } from '../../shared/notify/channels';
import type { ChannelFilter } from '../../shared/notify/messages';
import { notify, NotifyError, type Delivery, type NotifyTarget } from '../../shared/notify/notify';
import type { ChannelName } from '../../shared/notify/ports';
import {
  makeAlert,
  MemoryDeliveryLog,
  SLACK_WEBHOOK_PATH,
  slackError,
  startSlackStandIn,
  startTelegramStandIn,
  TELEGRAM_CHAT,
  TELEGRAM_TOKEN,
  telegramError,
  type ChatStandIn,
  type SlackWebhookMessage,
  type TelegramSendMessage,
} from '../helpers/notify';
import { fetchHttp } from '../../shared/adapters/http';

/** Real tries and timeouts, tiny backoff waits. */
const FAST: ChatHttp = { timeoutMs: 2_000, backoff: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 }, maxRetryAfterMs: 2_000 };
const ALL: ChannelFilter = { minSeverity: 1 };

let telegram: ChatStandIn<TelegramSendMessage>;
let slack: ChatStandIn<SlackWebhookMessage>;
let deliveries: MemoryDeliveryLog;
let retries: { channel: ChannelName; attempt: number; waitMs: number }[];

beforeEach(async () => {
  [telegram, slack] = await Promise.all([startTelegramStandIn(), startSlackStandIn()]);
  deliveries = new MemoryDeliveryLog();
  retries = [];
});

afterEach(async () => {
  await Promise.all([telegram.close(), slack.close()]);
});

interface TargetOptions {
  readonly telegram?: ChannelFilter;
  readonly slack?: ChannelFilter;
  readonly http?: ChatHttp;
  readonly chatId?: string;
  readonly telegramBaseUrl?: string;
}

function targets(opts: TargetOptions = {}): NotifyTarget[] {
  const common = {
    web: fetchHttp,
    lang: 'id' as const,
    http: opts.http ?? FAST,
    onRetry: (channel: ChannelName, _err: unknown, attempt: number, waitMs: number) => retries.push({ channel, attempt, waitMs }),
  };
  return [
    {
      channel: new TelegramChannel({
        ...common,
        token: TELEGRAM_TOKEN,
        chatId: opts.chatId ?? TELEGRAM_CHAT,
        baseUrl: opts.telegramBaseUrl ?? telegram.url,
      }),
      filter: opts.telegram ?? ALL,
    },
    { channel: new SlackChannel({ ...common, webhookUrl: `${slack.url}${SLACK_WEBHOOK_PATH}` }), filter: opts.slack ?? ALL },
  ];
}

const outcomes = (deliveries: readonly Delivery[]): Record<string, string> =>
  Object.fromEntries(deliveries.map((d) => [d.channel, d.outcome]));

/** `notify`'s error, which the test expects. */
async function notifyError(alert: Alert, opts: TargetOptions = {}): Promise<NotifyError> {
  const error = await notify(alert, { targets: targets(opts), deliveries }).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(error instanceof NotifyError)) throw new Error(`expected a NotifyError, got ${String(error)}`);
  return error;
}

describe('delivery', () => {
  it('delivers to Telegram and Slack with every outside string escaped', async () => {
    const alert = makeAlert({
      kind: 'reach',
      alertId: 'reach:x#1996851200000000006',
      topicLabel: 'Tom & Jerry <i>',
      followers: 250_000,
      reposts: 1_200,
      places: [],
      cities: [],
      samples: [
        {
          postKey: 'x#1996851200000000006',
          text: 'Awas </a><a href="https://phish.example">klik</a> & <!here> sebarkan!',
          url: 'https://x.com/i/status/1996851200000000006',
          author: 'akun_besar',
          createdAt: '2026-11-26T09:00:00Z',
        },
      ],
    });

    expect(outcomes(await notify(alert, { targets: targets(), deliveries }))).toEqual({ telegram: 'sent', slack: 'sent' });

    expect(telegram.requests.map((r) => [r.method, r.url])).toEqual([['POST', `/bot${TELEGRAM_TOKEN}/sendMessage`]]);
    expect(telegram.messages).toEqual([
      {
        chat_id: TELEGRAM_CHAT,
        parse_mode: 'HTML',
        disable_web_page_preview: true,
        text: [
          '<b>[Pantau 7/10] Unggahan berjangkauan luas: Tom &amp; Jerry &lt;i&gt;</b>',
          '@akun_besar (250.000 pengikut, dibagikan 1.200 kali) mengunggah keluhan tentang tom &amp; jerry &lt;i&gt; pada 26 Nov 16.02 WIB.',
          '- @akun_besar: <a href="https://x.com/i/status/1996851200000000006">"Awas &lt;/a&gt;&lt;a href="https://phish.example"&gt;klik&lt;/a&gt; &amp; &lt;!here&gt; sebarkan!"</a>',
          'Langkah pertama: baca unggahan dan balasannya, cek faktanya dengan dinas terkait, lalu tanggapi dari akun resmi bila perlu.',
          'ID: reach:x#1996851200000000006',
        ].join('\n'),
      },
    ]);

    expect(slack.requests.map((r) => [r.method, r.url, r.headers['content-type']])).toEqual([
      ['POST', SLACK_WEBHOOK_PATH, 'application/json; charset=utf-8'],
    ]);
    expect(slack.messages).toEqual([
      {
        text: '[Pantau 7/10] Unggahan berjangkauan luas: Tom &amp; Jerry &lt;i&gt;',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: '[Pantau 7/10] Unggahan berjangkauan luas: Tom & Jerry <i>' } },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              verbatim: true,
              text: '@akun_besar (250.000 pengikut, dibagikan 1.200 kali) mengunggah keluhan tentang tom &amp; jerry &lt;i&gt; pada 26 Nov 16.02 WIB.',
            },
          },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              verbatim: true,
              text: '- @akun_besar: <https://x.com/i/status/1996851200000000006|"Awas &lt;/a&gt;&lt;a href="https://phish.example"&gt;klik&lt;/a&gt; &amp; &lt;!here&gt; sebarkan!">',
            },
          },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              verbatim: true,
              text: 'Langkah pertama: baca unggahan dan balasannya, cek faktanya dengan dinas terkait, lalu tanggapi dari akun resmi bila perlu.\nID: reach:x#1996851200000000006',
            },
          },
          { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: 'Pantau · 26 Nov 16.02 WIB' }] },
        ],
      },
    ]);
  });

  it('tries again after a 5xx or a dropped connection, and delivers', async () => {
    telegram.failNext(telegramError(500, 'Internal Server Error'), { hangUp: true });
    slack.failNext(slackError(503, 'service_unavailable'));

    expect(outcomes(await notify(makeAlert(), { targets: targets(), deliveries }))).toEqual({ telegram: 'sent', slack: 'sent' });
    expect(telegram.requests).toHaveLength(3);
    expect(slack.requests).toHaveLength(2);
    expect(telegram.messages).toHaveLength(1);
    expect(slack.messages).toHaveLength(1);
    expect(retries.map((r) => `${r.channel}#${r.attempt}`).sort()).toEqual(['slack#1', 'telegram#1', 'telegram#2']);
  });

  it("waits as long as Telegram's 429 asks (parameters.retry_after), not the backoff", async () => {
    telegram.failNext(telegramError(429, 'Too Many Requests: retry after 1', { retry_after: 1 }));
    const started = Date.now();

    await notify(makeAlert(), { targets: targets({ slack: { minSeverity: 10 } }), deliveries });

    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(retries).toEqual([{ channel: 'telegram', attempt: 1, waitMs: 1_000 }]);
    expect(telegram.messages).toHaveLength(1);
  });

  it("honours Slack's Retry-After header, up to the cap", async () => {
    slack.failNext({ status: 429, headers: { 'retry-after': '30', 'content-type': 'text/plain' }, body: 'rate_limited' });

    await notify(makeAlert(), { targets: targets({ telegram: { minSeverity: 10 }, http: { ...FAST, maxRetryAfterMs: 40 } }), deliveries });

    expect(retries).toEqual([{ channel: 'slack', attempt: 1, waitMs: 40 }]);
    expect(slack.messages).toHaveLength(1);
  });
});

describe('failures', () => {
  it("reports a permanent 4xx once, with the API's description and without the token or webhook address", async () => {
    slack.failNext(slackError(404, 'no_service'));
    const error = await notifyError(makeAlert(), { chatId: '-100999' });

    expect(error.message).toContain('telegram: POST Telegram sendMessage answered 400: Bad Request: chat not found');
    expect(error.message).toContain('slack: POST Slack webhook answered 404: no_service');
    expect(telegram.requests).toHaveLength(1);
    expect(slack.requests).toHaveLength(1);
    const everything = [error.message, error.stack, ...error.unfinished.map((d) => `${d.error?.message} ${d.error?.stack}`)].join('\n');
    expect(everything).not.toContain(TELEGRAM_TOKEN);
    expect(everything).not.toContain(SLACK_WEBHOOK_PATH);
    expect(everything).not.toContain('standinWebhookSecret42');
  });

  it('keeps the token out of a network error too', async () => {
    const down = await startTelegramStandIn();
    await down.close();
    const error = await notifyError(makeAlert(), { telegramBaseUrl: down.url, slack: { minSeverity: 10 } });

    expect(error.unfinished.map((d) => d.channel)).toEqual(['telegram']);
    expect(error.message).toMatch(/telegram: POST Telegram sendMessage failed: .*ECONNREFUSED/);
    expect(error.message).not.toContain(TELEGRAM_TOKEN);
  });

  it('delivers to one chat while the other is down, fails the invocation, and the retry sends only what is missing', async () => {
    slack.failNext(...Array.from({ length: 3 }, () => slackError(500, 'internal_error')));
    const heard: Delivery[] = [];

    const error = await notify(makeAlert(), { targets: targets(), deliveries, onDelivery: (d) => heard.push(d) }).catch(
      (err: unknown) => err,
    );

    expect(error).toBeInstanceOf(NotifyError);
    expect((error as NotifyError).unfinished.map((d) => d.channel)).toEqual(['slack']);
    expect(outcomes(heard)).toEqual({ telegram: 'sent', slack: 'failed' });
    expect(telegram.messages).toHaveLength(1);
    expect(slack.messages).toHaveLength(0);

    // Lambda's retry, with Slack back.
    expect(outcomes(await notify(makeAlert(), { targets: targets(), deliveries }))).toEqual({ telegram: 'duplicate', slack: 'sent' });
    expect(telegram.messages).toHaveLength(1);
    expect(slack.messages).toHaveLength(1);
  });

  it('fails, sending nothing, while another delivery holds the claim; sends once that claim has lapsed', async () => {
    let now = Date.parse('2026-11-26T09:03:00Z');
    deliveries = new MemoryDeliveryLog(() => now, 45_000);
    await deliveries.claim('spike:banjir:2026-11-26T09:05Z', 1, 'telegram');

    const error = await notifyError(makeAlert(), { slack: { minSeverity: 10 } });
    expect(error.unfinished).toEqual([{ channel: 'telegram', outcome: 'in-flight' }]);
    expect(telegram.requests).toHaveLength(0);

    now += 46_000;
    expect(outcomes(await notify(makeAlert(), { targets: targets({ slack: { minSeverity: 10 } }), deliveries }))).toEqual({
      telegram: 'sent',
      slack: 'filtered',
    });
    expect(telegram.messages).toHaveLength(1);
  });
});

describe('once per alert revision, and only what each chat wants', () => {
  it('sends nothing for a second delivery of the same revision, and sends an update', async () => {
    await notify(makeAlert(), { targets: targets(), deliveries });
    expect(outcomes(await notify(makeAlert(), { targets: targets(), deliveries }))).toEqual({ telegram: 'duplicate', slack: 'duplicate' });
    expect(telegram.messages).toHaveLength(1);
    expect(slack.messages).toHaveLength(1);

    expect(outcomes(await notify(makeAlert({ revision: 2, severity: 9 }), { targets: targets(), deliveries }))).toEqual({
      telegram: 'sent',
      slack: 'sent',
    });
    expect(telegram.messages[1]?.text).toContain('(pembaruan)');
  });

  it('filters by kind and minimum severity per chat', async () => {
    const opts = { telegram: { kinds: ['hoax'], minSeverity: 1 }, slack: { minSeverity: 8 } };

    expect(outcomes(await notify(makeAlert({ severity: 7 }), { targets: targets(opts), deliveries }))).toEqual({
      telegram: 'filtered',
      slack: 'filtered',
    });
    expect(outcomes(await notify(makeAlert({ severity: 8 }), { targets: targets(opts), deliveries }))).toEqual({
      telegram: 'filtered',
      slack: 'sent',
    });
    const hoax = makeAlert({ kind: 'hoax', alertId: 'hoax:claim-seed-014:2026-11-26T08:41Z', severity: 3 });
    expect(outcomes(await notify(hoax, { targets: targets(opts), deliveries }))).toEqual({ telegram: 'sent', slack: 'filtered' });
    expect(telegram.messages).toHaveLength(1);
    expect(slack.messages).toHaveLength(1);
  });
});
