/** Retrying work that failed for a passing reason (a 5xx answer, a dropped connection), with backoff. */

export interface Backoff {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** Wait before the second try; doubled before each later one, with up to half of it added at random. */
  readonly baseDelayMs: number;
  /** Never wait longer than this between tries. */
  readonly maxDelayMs?: number;
}

export const DEFAULT_BACKOFF: Backoff = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` until it succeeds, `isTransient` says an error is not worth another try, or the
 * tries run out; the last error is thrown. `onRetry` hears about each failed try before the wait.
 */
export async function withRetry<T>(
  work: () => Promise<T>,
  isTransient: (err: unknown) => boolean,
  backoff: Backoff = DEFAULT_BACKOFF,
  onRetry?: (err: unknown, attempt: number, waitMs: number) => void,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= backoff.attempts || !isTransient(err)) throw err;
      const base = Math.min(backoff.baseDelayMs * 2 ** (attempt - 1), backoff.maxDelayMs ?? Infinity);
      const waitMs = Math.round(base + Math.random() * base * 0.5);
      onRetry?.(err, attempt, waitMs);
      await wait(waitMs);
    }
  }
}
