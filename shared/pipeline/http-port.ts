/**
 * The HTTP port: what the feed and fact-check collectors and the chat channels ask of the web, and
 * what answers. shared/adapters/http.ts implements it with Node's fetch (a timeout per request,
 * retries with backoff on 5xx answers and network errors); the handlers wire it in.
 */
import type { Backoff } from '../retry';

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

export interface HttpClient {
  /**
   * GETs `url`. 2xx and 304 are answers; any other status is an HttpError (retried first when
   * transient). The body is read as text.
   */
  get(url: string, opts?: GetOptions): Promise<GetResult>;
  /**
   * POSTs `body` as JSON to `url`. A 2xx is the answer; any other status is an HttpError named by
   * `opts.label` with the service's description. 5xx, 429 and network errors are tried again: after
   * the wait the service asked for (a 429's Retry-After, capped), else after the backoff.
   */
  post(url: string, body: unknown, opts: PostOptions): Promise<GetResult>;
}

/** The first 200 characters of an answer's body, on one line. */
export function bodyStart(body: string): string {
  return withoutMarkup(body).slice(0, 200);
}

/**
 * Text as a person should read it in a message or a log line: the markup a web server's error
 * page brings (HTML tags, comments, scripts and styles) taken out and white space collapsed.
 */
export function withoutMarkup(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-zA-Z!][^>]*(>|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([:,.;])/g, '$1')
    .trim();
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
