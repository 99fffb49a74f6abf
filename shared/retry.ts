/** Retrying work that failed for a passing reason (a 5xx answer, a dropped connection, unprocessed items), with backoff. */

export interface Backoff {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** Wait before the second try; doubled before each later one. */
  readonly baseDelayMs: number;
  /** Never wait longer than this between tries (before the jitter). */
  readonly maxDelayMs?: number;
  /**
   * What is left to chance: `half` (the default) adds up to half of the wait at random; `full` waits
   * anywhere between nothing and the wait (AWS's "full jitter"); `none` waits exactly.
   */
  readonly jitter?: 'half' | 'full' | 'none';
}

export const DEFAULT_BACKOFF: Backoff = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait after the `attempt`-th failed try (1 for the first). */
export function backoffDelay(backoff: Backoff, attempt: number): number {
  const base = Math.min(backoff.baseDelayMs * 2 ** (attempt - 1), backoff.maxDelayMs ?? Infinity);
  switch (backoff.jitter ?? 'half') {
    case 'half':
      return Math.round(base + Math.random() * base * 0.5);
    case 'full':
      return Math.random() * base;
    case 'none':
      return base;
  }
}

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
      const waitMs = backoffDelay(backoff, attempt);
      onRetry?.(err, attempt, waitMs);
      await wait(waitMs);
    }
  }
}

/** What a try of `untilNonePending` left to do. */
class StillPending<T> extends Error {
  constructor(readonly left: readonly T[]) {
    super('still pending');
  }
}

/**
 * Runs `step` on what is still pending until it leaves nothing (the unprocessed items of a batch
 * request), with the backoff's waits between tries; when the tries run out, `giveUp(left)` is
 * thrown. An error `step` itself throws is not retried here.
 */
export async function untilNonePending<T>(
  pending: readonly T[],
  step: (pending: readonly T[]) => Promise<readonly T[]>,
  backoff: Backoff,
  giveUp: (left: readonly T[]) => Error,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<void> {
  let left = pending;
  try {
    await withRetry(
      async () => {
        left = await step(left);
        if (left.length > 0) throw new StillPending(left);
      },
      (err) => err instanceof StillPending,
      backoff,
      undefined,
      wait,
    );
  } catch (err) {
    throw err instanceof StillPending ? giveUp(err.left as readonly T[]) : err;
  }
}
