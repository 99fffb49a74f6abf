/**
 * HTTP GET for the feed and fact-check collectors (Node's fetch): a timeout per request, retries
 * with backoff on 5xx answers and network errors, and errors that name the address and status.
 */
import { type Backoff, DEFAULT_BACKOFF, withRetry } from '../retry';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    message: string,
    /** The HTTP status, or undefined when no answer came (network error, timeout). */
    readonly status: number | undefined,
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
  const text = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  return text ? `: ${text}` : '';
}
