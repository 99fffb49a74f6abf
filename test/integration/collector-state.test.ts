/** The collectors' state on DynamoDB Local: checkpoints, the run lock and the daily read budget under concurrency. */
import { DynamoCollectorState, DynamoReadBudget, DynamoRunLock } from '../../shared/adapters/collector-state';
import { testStack, type TestStack } from '../helpers/local-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await testStack('collector-state');
});
afterAll(async () => stack?.stop());

test('a checkpoint round-trips as stored, per collector and key', async () => {
  const state = new DynamoCollectorState(stack.clients.doc, stack.resources.tables.state, 35);
  await state.put('x', 'q-1', { sinceId: '1996851200000000006', gap: { newestId: '9', untilId: '5' } });
  await state.put('news', 'q-1', { seen: ['a'] });
  expect(await state.get('x', 'q-1')).toEqual({ sinceId: '1996851200000000006', gap: { newestId: '9', untilId: '5' } });
  expect(await state.get('news', 'q-1')).toEqual({ seen: ['a'] });
  expect(await state.get('x', 'missing')).toBeUndefined();
});

test('the run lock admits one holder at a time, frees on release, and frees a dead holder after its time', async () => {
  let now = Date.parse('2026-12-06T00:00:00Z');
  const lock = new DynamoRunLock(stack.clients.doc, stack.resources.tables.state, () => now);
  const tries = await Promise.all(['a', 'b', 'c', 'd'].map((holder) => lock.acquire('news', holder, 60_000)));
  expect(tries.filter(Boolean)).toHaveLength(1);
  const holder = ['a', 'b', 'c', 'd'][tries.indexOf(true)] as string;

  await lock.release('news', 'someone-else');
  expect(await lock.acquire('news', 'e', 60_000)).toBe(false);
  await lock.release('news', holder);
  expect(await lock.acquire('news', 'e', 60_000)).toBe(true);

  // 'e' dies without releasing: after its time, another run may go.
  now += 61_000;
  expect(await lock.acquire('news', 'f', 60_000)).toBe(true);
});

test('the daily budget never grants more than its cap to concurrent runs, and refunds give reads back', async () => {
  const budget = new DynamoReadBudget(stack.clients.doc, stack.resources.tables.state, 'x');
  const grants = await Promise.all(Array.from({ length: 8 }, () => budget.reserve('2026-12-06', 10, 55)));
  const granted = grants.reduce((a, b) => a + b, 0);
  expect(granted).toBeLessThanOrEqual(55);
  expect(granted).toBeGreaterThan(0);
  expect(await budget.spent('2026-12-06')).toBe(granted);

  await budget.refund('2026-12-06', 7);
  expect(await budget.spent('2026-12-06')).toBe(granted - 7);
  expect(await budget.reserve('2026-12-06', 100, 55)).toBe(55 - (granted - 7));
  expect(await budget.reserve('2026-12-06', 10, 55)).toBe(0);
  expect(await budget.spent('2026-12-07')).toBe(0);
});

test('the local stack can break a lock a killed run left behind', async () => {
  const lock = new DynamoRunLock(stack.clients.doc, stack.resources.tables.state);
  expect(await lock.acquire('x', 'killed-run', 3_600_000)).toBe(true);
  expect(await lock.acquire('x', 'next-run', 3_600_000)).toBe(false);
  await lock.breakLock('x');
  expect(await lock.acquire('x', 'next-run', 3_600_000)).toBe(true);
});
