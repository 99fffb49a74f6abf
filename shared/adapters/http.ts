/**
 * The HTTP port (shared/pipeline/http-port.ts) over Node's fetch: GET for the feed and fact-check
 * collectors, JSON POST for the notifier's chat APIs; a timeout per request, retries with backoff
 * on 5xx answers and network errors, and errors that name the address and status.
 */
import {
  bodyStart,
  explainAnswer,
  HttpError,
  type GetOptions,
  type GetResult,
  type HttpClient,
  type PostOptions,
} from '../pipeline/http-port';
import { DEFAULT_BACKOFF, sleep, withRetry } from '../retry';

/** HttpClient.get over fetch. */
async function httpGet(url: string, opts: GetOptions = {}): Promise<GetResult> {
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

/** HttpClient.post over fetch. */
async function httpPost(url: string, body: unknown, opts: PostOptions): Promise<GetResult> {
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

/** The HTTP port over Node's fetch. */
export const fetchHttp: HttpClient = { get: httpGet, post: httpPost };
