/**
 * The local stand-in for EventBridge schedules: calls a collector on its configured `rate(...)`
 * or `cron(...)` expression (UTC, as EventBridge rules). Runs one call at a time; a call that
 * overruns its next time delays it, as a collector's run lock would on AWS.
 */
import { parseSchedule } from '../../shared/schedule';

export { ScheduleError } from '../../shared/schedule';

/** Calls `job` at each time of `expression` until `signal` aborts (never resolves otherwise). */
export async function runOnSchedule(
  expression: string,
  job: () => Promise<void>,
  signal?: AbortSignal,
  now: () => number = Date.now,
): Promise<void> {
  const schedule = parseSchedule(expression);
  let due = schedule.next(now());
  while (!signal?.aborted) {
    // Node timers take at most about 24.8 days; a longer wait goes round this loop again.
    const wait = Math.min(Math.max(0, due - now()), 2 ** 31 - 1);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, wait);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (signal?.aborted || now() < due) continue;
    await job();
    due = schedule.next(now());
  }
}
