/**
 * Collector schedules as EventBridge writes them, `rate(N minutes|hours|days)` or
 * `cron(minutes hours day-of-month month day-of-week year)` in UTC, read the same way by the
 * config check, the CDK app and the local scheduler.
 */
import { Cron } from 'croner';

export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
}

export interface Schedule {
  readonly expression: string;
  /** The first time after `afterMs` (epoch ms) that the schedule fires. */
  next(afterMs: number): number;
}

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Reads a schedule expression; a ScheduleError says what is wrong with it. */
export function parseSchedule(expression: string): Schedule {
  const rate = /^rate\((\d+) (minute|hour|day)(s?)\)$/.exec(expression);
  if (rate) {
    const count = Number(rate[1]);
    const every = count * (UNIT_MS[rate[2] as string] as number);
    if (every <= 0) throw new ScheduleError(`"${expression}": a rate must be at least 1`);
    // EventBridge refuses `rate(10 minute)` and `rate(1 minutes)` when the rule is deployed.
    if ((count === 1) !== (rate[3] === ''))
      throw new ScheduleError(
        `"${expression}": EventBridge wants the unit singular for 1 and plural above it: rate(${count} ${rate[2]}${count === 1 ? '' : 's'})`,
      );
    return { expression, next: (afterMs) => afterMs + every };
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (!cron) throw new ScheduleError(`"${expression}" is neither rate(N minutes|hours|days) nor cron(...)`);
  const fields = (cron[1] as string).trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new ScheduleError(`"${expression}": EventBridge cron has six fields (minutes hours day-of-month month day-of-week year)`);
  }
  const [dom, dow] = [fields[2] as string, fields[4] as string];
  if ((dom === '?') === (dow === '?')) {
    throw new ScheduleError(`"${expression}": one of day-of-month and day-of-week must be ? (EventBridge's rule)`);
  }
  let job: Cron;
  try {
    // croner's seven fields begin with seconds; EventBridge numbers weekdays 1 (SUN) to 7 (SAT)
    // and allows `0/15`, as croner's Quartz-style options do.
    job = new Cron(`0 ${fields.join(' ')}`, {
      timezone: 'UTC',
      paused: true,
      mode: '7-part',
      alternativeWeekdays: true,
      sloppyRanges: true,
    });
  } catch (err) {
    throw new ScheduleError(`"${expression}": ${(err as Error).message}`);
  }
  return {
    expression,
    next(afterMs) {
      const at = job.nextRun(new Date(afterMs));
      if (!at) throw new ScheduleError(`"${expression}" never fires after ${new Date(afterMs).toISOString()}`);
      return at.getTime();
    },
  };
}
