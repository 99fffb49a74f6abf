/**
 * HTTP GET for the feed and fact-check collectors, and JSON POST for the notifier's chat APIs
 * (Node's fetch): a timeout per request, retries with backoff on 5xx answers and network errors,
 * and errors that name the address and status.
 */
import { type Backoff, DEFAULT_BACKOFF, sleep, withRetry } from '../retry';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    message: string,
    /** The HTTP status, or undefined when no answer came (network error, timeout). */
    readonly status: number | undefined,
    /** How long the service asked to wait before the next try (a 429's `Retry-After`), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Worth another try: no answer, a 5xx, or 429 Too Many Requests. */
  get transient(): boolean {
    return this.status === undefined || this.status >= 500 || this.status === 429;
  }
}

export interface GetOptions {
  readonly headers?: Record<string, string>;
  readonly timeoutMs?: number;
  readonly backoff?: Backoff;
  /** How the address is named in errors and logs (e.g. without an API key in its query). */
  readonly label?: string;
  readonly onRetry?: (err: unknown, attempt: number, waitMs: number) => void;
}

export interface GetResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * GETs `url`. 2xx and 304 are answers; any other status is an HttpError (retried first when
 * transient). The body is read as text.
 */
export async function httpGet(url: string, opts: GetOptions = {}): Promise<GetResult> {
  const label = opts.label ?? url;
  return withRetry(
    async () => {
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { 'user-agent': 'Pantau/0.1 (+social listening for Jakarta public communication)', ...opts.headers },
          signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
          redirect: 'follow',
        });
      } catch (err) {
        const cause = (err as Error & { cause?: Error }).cause;
        const why =
          (err as Error).name === 'TimeoutError'
            ? `no answer within ${opts.timeoutMs ?? 20_000} ms`
            : (cause?.message ?? (err as Error).message);
        throw new HttpError(`GET ${label} failed: ${why}`, undefined);
      }
      const body = await response.text();
      if (response.ok || response.status === 304) return { status: response.status, headers: response.headers, body };
      throw new HttpError(`GET ${label} answered ${response.status} ${response.statusText}${snippet(body)}`, response.status);
    },
    (err) => err instanceof HttpError && err.transient,
    opts.backoff ?? DEFAULT_BACKOFF,
    opts.onRetry,
  );
}

function snippet(body: string): string {
  const text = bodyStart(body);
  return text ? `: ${text}` : '';
}

/** The first 200 characters of an answer's body, on one line. */
function bodyStart(body: string): string {
  return body.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** What an error answer says: the service's own description, and how long it asked the caller to wait. */
export interface ErrorAnswer {
  readonly description: string;
  readonly retryAfterMs?: number;
}

export interface PostOptions extends Omit<GetOptions, 'label'> {
  /**
   * How the address is named in errors and logs. Required: a chat API's address holds its secret
   * (Telegram's bot token, Slack's webhook path), so the address itself is never shown.
   */
  readonly label: string;
  /** Reads an error answer; by default the start of its body and its `Retry-After` header. */
  readonly explain?: (answer: GetResult) => ErrorAnswer;
  /**
   * The longest wait honoured when the service asks for one; a longer ask is cut to this, so the
   * tries still fit in the caller's time (the function's timeout).
   */
  readonly maxRetryAfterMs?: number;
}

/**
 * POSTs `body` as JSON to `url`. A 2xx is the answer; any other status is an HttpError named by
 * `opts.label` with the service's description. 5xx, 429 and network errors are tried again: after
 * the wait the service asked for (a 429's Retry-After, capped), else after the backoff.
 */
export async function httpPost(url: string, body: unknown, opts: PostOptions): Promise<GetResult> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  if (!URL.canParse(url)) throw new HttpError(`POST ${opts.label}: the address is not a valid URL`, undefined);
  let nextWaitMs = 0;
  return withRetry(
    async () => {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', ...opts.headers },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new HttpError(`POST ${opts.label} failed: ${noAnswerReason(err, timeoutMs)}`, undefined);
      }
      const answer: GetResult = { status: response.status, headers: response.headers, body: await response.text() };
      if (response.ok) return answer;
      const { description, retryAfterMs } = (opts.explain ?? explainAnswer)(answer);
      throw new HttpError(
        `POST ${opts.label} answered ${answer.status}${description ? `: ${description}` : ''}`,
        answer.status,
        retryAfterMs,
      );
    },
    (err) => err instanceof HttpError && err.transient,
    opts.backoff ?? DEFAULT_BACKOFF,
    (err, attempt, backoffMs) => {
      nextWaitMs = waitBeforeRetry(err, backoffMs, opts.maxRetryAfterMs ?? 10_000);
      opts.onRetry?.(err, attempt, nextWaitMs);
    },
    () => sleep(nextWaitMs),
  );
}

/** The default reading of an error answer: the body's start, and the standard `Retry-After` header. */
export function explainAnswer(answer: GetResult): ErrorAnswer {
  return { description: bodyStart(answer.body), retryAfterMs: retryAfterHeader(answer.headers) };
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterHeader(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function waitBeforeRetry(err: unknown, backoffMs: number, maxRetryAfterMs: number): number {
  const asked = err instanceof HttpError ? err.retryAfterMs : undefined;
  return asked === undefined ? backoffMs : Math.min(asked, maxRetryAfterMs);
}

/** Why no answer came; never the address (a fetch of a bad URL repeats it, secret and all). */
function noAnswerReason(err: unknown, timeoutMs: number): string {
  if ((err as Error).name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = (err as Error & { cause?: Error }).cause;
  return cause?.message ?? (err as Error).name;
}
