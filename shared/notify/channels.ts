/**
 * The chat channels: Telegram's Bot API (`sendMessage`) and a Slack incoming webhook, over
 * the HTTP port (timeouts, retries, the service's own wait on 429). Their addresses hold secrets (the
 * bot token, the webhook path), so errors and logs name the channel, never the address.
 */
import type { Alert } from '../alerts/alert';
import type { AlertLanguage } from '../alerts/format';
import { explainAnswer, type ErrorAnswer, type GetResult, type HttpClient, type PostOptions } from '../pipeline/http-port';
import type { Backoff } from '../retry';
import { slackMessage, telegramMessage } from './messages';
import type { ChannelName, ChatChannel } from './ports';

export const TELEGRAM_API_BASE = 'https://api.telegram.org';

/** How a channel's requests are tried. */
export interface ChatHttp {
  readonly timeoutMs: number;
  readonly backoff: Backoff;
  /** The longest wait honoured when the chat asks for one (429). */
  readonly maxRetryAfterMs: number;
}

/**
 * Every try of one channel, waits included, fits in the notifier's 30 s timeout
 * (3 × 5 s + 2 × 5 s at most); the channels are sent to side by side.
 */
export const CHAT_HTTP: ChatHttp = {
  timeoutMs: 5_000,
  backoff: { attempts: 3, baseDelayMs: 500, maxDelayMs: 2_000 },
  maxRetryAfterMs: 5_000,
};

export interface ChannelOptions {
  /** The chat APIs are called through it. */
  readonly web: Pick<HttpClient, 'post'>;
  readonly lang: AlertLanguage;
  readonly http?: ChatHttp;
  /** Hears about each failed try before the wait (for the logs). */
  readonly onRetry?: (channel: ChannelName, err: unknown, attempt: number, waitMs: number) => void;
}

function postOptions(channel: ChannelName, label: string, opts: ChannelOptions): PostOptions {
  const http = opts.http ?? CHAT_HTTP;
  return {
    label,
    timeoutMs: http.timeoutMs,
    backoff: http.backoff,
    maxRetryAfterMs: http.maxRetryAfterMs,
    onRetry: opts.onRetry && ((err, attempt, waitMs) => opts.onRetry?.(channel, err, attempt, waitMs)),
  };
}

export interface TelegramOptions extends ChannelOptions {
  readonly token: string;
  /** A chat id (`-1001234567890`) or a public channel's `@name`. */
  readonly chatId: string;
  /** `https://api.telegram.org`, or a stand-in's address. */
  readonly baseUrl?: string;
}

/** Telegram's error answer: `{ ok: false, error_code, description, parameters: { retry_after } }`. */
interface TelegramError {
  readonly description?: unknown;
  readonly parameters?: { readonly retry_after?: unknown };
}

/** Telegram's own description and, on 429, its `retry_after` (seconds); the standard reading when the body is not Telegram's JSON (a proxy's page). */
function explainTelegram(answer: GetResult): ErrorAnswer {
  const standard = explainAnswer(answer);
  let parsed: TelegramError;
  try {
    parsed = JSON.parse(answer.body) as TelegramError;
  } catch {
    return standard;
  }
  const retryAfter = parsed.parameters?.retry_after;
  return {
    description: typeof parsed.description === 'string' ? parsed.description : standard.description,
    retryAfterMs: typeof retryAfter === 'number' ? retryAfter * 1000 : standard.retryAfterMs,
  };
}

/**
 * The error answer's reading with the secrets cut out: a proxy or a misdirected base URL may echo
 * the request's path (`Cannot POST /bot<token>/sendMessage`), which would carry the secret into
 * errors and logs.
 */
function withoutSecrets(explain: (answer: GetResult) => ErrorAnswer, secrets: readonly string[]): (answer: GetResult) => ErrorAnswer {
  const hidden = [...new Set(secrets.flatMap((s) => [s, encodeURIComponent(s)]))].filter((s) => s.length >= 8);
  hidden.sort((a, b) => b.length - a.length);
  return (answer) => {
    const read = explain(answer);
    let description = read.description;
    for (const secret of hidden) description = description?.split(secret).join('[secret]');
    return { ...read, description };
  };
}

/** The parts of a webhook address that are its secret: the whole address and its path. */
function webhookSecrets(url: string): string[] {
  return URL.canParse(url) ? [url, new URL(url).pathname] : [url];
}

export class TelegramChannel implements ChatChannel {
  readonly name = 'telegram';

  constructor(private readonly opts: TelegramOptions) {}

  async send(alert: Alert): Promise<void> {
    const base = (this.opts.baseUrl ?? TELEGRAM_API_BASE).replace(/\/+$/, '');
    await this.opts.web.post(
      `${base}/bot${this.opts.token}/sendMessage`,
      {
        chat_id: this.opts.chatId,
        text: telegramMessage(alert, this.opts.lang),
        parse_mode: 'HTML',
        // The officer reads the alert, not a preview card of the first sample's page.
        disable_web_page_preview: true,
      },
      { ...postOptions(this.name, 'Telegram sendMessage', this.opts), explain: withoutSecrets(explainTelegram, [this.opts.token]) },
    );
  }
}

export interface SlackOptions extends ChannelOptions {
  /** The incoming webhook's address (a secret: whoever has it can post to the channel). */
  readonly webhookUrl: string;
}

/** A Slack incoming webhook. Slack answers errors in plain text (`invalid_payload`, `channel_not_found`, `no_service`), which the errors quote. */
export class SlackChannel implements ChatChannel {
  readonly name = 'slack';

  constructor(private readonly opts: SlackOptions) {}

  async send(alert: Alert): Promise<void> {
    await this.opts.web.post(this.opts.webhookUrl, slackMessage(alert, this.opts.lang), {
      ...postOptions(this.name, 'Slack webhook', this.opts),
      explain: withoutSecrets(explainAnswer, webhookSecrets(this.opts.webhookUrl)),
    });
  }
}
