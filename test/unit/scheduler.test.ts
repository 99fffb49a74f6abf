/** Schedules as EventBridge writes them, read by the config check, the CDK app and the local scheduler. */
import { runOnSchedule } from '../../infra/local/scheduler';
import { parseSchedule, ScheduleError } from '../../shared/schedule';

const at = (iso: string): number => Date.parse(iso);
const next = (expression: string, afterIso: string): string => new Date(parseSchedule(expression).next(at(afterIso))).toISOString();

test('rate expressions: every N minutes, hours or days after the last run', () => {
  expect(next('rate(1 minute)', '2026-12-06T00:00:00Z')).toBe('2026-12-06T00:01:00.000Z');
  expect(next('rate(15 minutes)', '2026-12-06T00:00:00Z')).toBe('2026-12-06T00:15:00.000Z');
  expect(next('rate(2 hours)', '2026-12-06T00:00:00Z')).toBe('2026-12-06T02:00:00.000Z');
  expect(next('rate(1 day)', '2026-12-06T00:00:00Z')).toBe('2026-12-07T00:00:00.000Z');
});

test("cron expressions in EventBridge's six fields, in UTC", () => {
  // 07:00 in Jakarta is 00:00 UTC.
  expect(next('cron(0 0 * * ? *)', '2026-12-06T03:00:00Z')).toBe('2026-12-07T00:00:00.000Z');
  expect(next('cron(0/15 * * * ? *)', '2026-12-06T03:01:00Z')).toBe('2026-12-06T03:15:00.000Z');
  // EventBridge numbers weekdays 1 (Sunday) to 7 (Saturday): 2-6 is Monday to Friday.
  expect(next('cron(30 1 ? * 2-6 *)', '2026-12-05T12:00:00Z')).toBe('2026-12-07T01:30:00.000Z');
  expect(next('cron(0 9 ? * MON-FRI *)', '2026-12-05T12:00:00Z')).toBe('2026-12-07T09:00:00.000Z');
});

test.each([
  ['cron(0 7 * * *)', /six fields/],
  ['cron(0 7 * * * *)', /must be \?/],
  ['cron(0 25 * * ? *)', /hour/],
  ['every 5 minutes', /neither rate/],
])('a bad schedule %s is refused with the reason', (expression, reason) => {
  expect(() => parseSchedule(expression)).toThrow(ScheduleError);
  expect(() => parseSchedule(expression)).toThrow(reason);
});

test('the local scheduler calls the job at each time of the schedule until aborted', async () => {
  jest.useFakeTimers({ now: at('2026-12-06T00:00:00Z') });
  try {
    const runs: string[] = [];
    const stop = new AbortController();
    const loop = runOnSchedule('rate(5 minutes)', async () => void runs.push(new Date().toISOString()), stop.signal);
    await jest.advanceTimersByTimeAsync(16 * 60_000);
    stop.abort();
    await loop;
    expect(runs).toEqual(['2026-12-06T00:05:00.000Z', '2026-12-06T00:10:00.000Z', '2026-12-06T00:15:00.000Z']);
  } finally {
    jest.useRealTimers();
  }
});
