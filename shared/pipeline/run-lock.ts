/** One run of a collector at a time: overlapping schedules, a slow run, a manual run beside a scheduled one. */
import { randomUUID } from 'node:crypto';
import type { RunLock } from './ports';

export type LockedRun<T> = { readonly ran: true; readonly result: T } | { readonly ran: false };

/**
 * Runs `work` holding the collector's lock, released afterwards whatever happens. When another
 * run holds it, `work` does not run. `ttlMs` should exceed the longest run (the function timeout):
 * a run that dies without releasing frees the lock after that.
 */
export async function underLock<T>(lock: RunLock, collector: string, ttlMs: number, work: () => Promise<T>): Promise<LockedRun<T>> {
  const holder = randomUUID();
  if (!(await lock.acquire(collector, holder, ttlMs))) return { ran: false };
  try {
    return { ran: true, result: await work() };
  } finally {
    await lock.release(collector, holder);
  }
}
