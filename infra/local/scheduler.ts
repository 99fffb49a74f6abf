/**
 * The local stand-in for EventBridge schedules: calls a collector on its configured
 * `rate(...)` expression. Runs one call at a time; a call that overruns delays the next.
 */

export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
}

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Milliseconds between runs of a `rate(N unit)` schedule. */
export function rateMs(expression: string): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (!match) {
    throw new ScheduleError(
      `the local scheduler runs rate(N minutes|hours|days) schedules; "${expression}" is not one (cron runs on AWS only)`,
    );
  }
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}

/** Calls `job` every period of `expression` until `signal` aborts (never resolves otherwise). */
export async function runOnSchedule(expression: string, job: () => Promise<void>, signal?: AbortSignal): Promise<void> {
  const every = rateMs(expression);
  while (!signal?.aborted) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, every);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!signal?.aborted) await job();
  }
}
