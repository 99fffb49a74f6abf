import { rateMs, ScheduleError } from '../../infra/local/scheduler';

test('reads rate expressions as EventBridge writes them', () => {
  expect(rateMs('rate(1 minute)')).toBe(60_000);
  expect(rateMs('rate(15 minutes)')).toBe(900_000);
  expect(rateMs('rate(2 hours)')).toBe(7_200_000);
  expect(rateMs('rate(1 day)')).toBe(86_400_000);
});

test('says clearly that cron schedules run on AWS only', () => {
  expect(() => rateMs('cron(0 7 * * ? *)')).toThrow(ScheduleError);
  expect(() => rateMs('cron(0 7 * * ? *)')).toThrow(/cron runs on AWS only/);
});
