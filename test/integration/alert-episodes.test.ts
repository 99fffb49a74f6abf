/**
 * Flood control and the alert outbox on DynamoDB Local: cooldowns, updates only when severity
 * rises, one winner among concurrent claims, and an alert whose publish failed is sent later,
 * exactly once (by the aggregator's window tried again, or a later one).
 */
import { resolve } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoAlertEpisodes, SEND_LEASE_MS } from '../../shared/adapters/dynamodb';
import type { Alert } from '../../shared/alerts/alert';
import { loadConfig } from '../../shared/config';
import { handDriven } from '../helpers/aggregate';
import { testStack, type TestStack } from '../helpers/local-stack';
import { floodBurst } from '../helpers/posts';

const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));
const rule = { cooldownMinutes: 120, severityStep: 2 };
const T0 = Date.parse('2026-11-26T08:00:00Z');
const MIN = 60_000;

let stack: TestStack;
let wall = Date.parse('2026-11-27T00:00:00Z');
const episodes = (): DynamoAlertEpisodes =>
  new DynamoAlertEpisodes(
    stack.clients.doc,
    stack.resources.tables.alerts,
    stack.resources.tables.state,
    { alertsDays: 30, stateDays: 30, timeZone: 'Asia/Jakarta' },
    () => wall,
  );

beforeAll(async () => {
  stack = await testStack('episodes');
});

afterAll(async () => {
  await stack?.stop();
});

test('a cooldown per topic; updates only when severity rises by the step; a new episode after it', async () => {
  const l = episodes();
  expect(await l.claim('spike', 'sampah', 'ep-1', 4, T0, rule)).toEqual({ action: 'new', alertId: 'ep-1', revision: 1 });
  await l.markSent('spike', 'sampah', { alertId: 'ep-1', revision: 1 } as Alert);
  expect((await l.claim('spike', 'sampah', 'ep-x', 5, T0 + 10 * MIN, rule)).action).toBe('none');
  expect(await l.claim('spike', 'sampah', 'ep-x', 6, T0 + 20 * MIN, rule)).toEqual({ action: 'update', alertId: 'ep-1', revision: 2 });
  await l.markSent('spike', 'sampah', { alertId: 'ep-1', revision: 2 } as Alert);
  // The update extended the cooldown to 20 + 120 minutes of event time.
  expect((await l.claim('spike', 'sampah', 'ep-y', 4, T0 + 130 * MIN, rule)).action).toBe('none');
  expect(await l.claim('spike', 'sampah', 'ep-2', 4, T0 + 141 * MIN, rule)).toEqual({ action: 'new', alertId: 'ep-2', revision: 1 });
});

test('posts out of order: an earlier post never ends the cooldown sooner, nor starts the episode again under its id', async () => {
  const l = episodes();
  // The episode starts from a post at 23:00, and is updated from an earlier post (18:33) whose severity is higher.
  const late = T0 + 15 * 60 * MIN;
  expect(await l.claim('spike', 'tj', 'spike:tj:23:05', 3, late, rule)).toEqual({ action: 'new', alertId: 'spike:tj:23:05', revision: 1 });
  await l.markSent('spike', 'tj', { alertId: 'spike:tj:23:05', revision: 1 } as Alert);
  expect(await l.claim('spike', 'tj', 'spike:tj:18:35', 5, late - 4.5 * 60 * MIN, rule)).toEqual({
    action: 'update',
    alertId: 'spike:tj:23:05',
    revision: 2,
  });
  await l.markSent('spike', 'tj', { alertId: 'spike:tj:23:05', revision: 2 } as Alert);
  const state = await stack.clients.doc.send(
    new GetCommand({ TableName: stack.resources.tables.state, Key: { pk: 'EPISODES', sk: 'spike#tj' } }),
  );
  expect(state.Item?.until).toBe(late + rule.cooldownMinutes * MIN);
  // Another post from the first window: nothing to send (its revision 1 went out already).
  expect((await l.claim('spike', 'tj', 'spike:tj:23:05', 3, late + 2 * MIN, rule)).action).toBe('none');
  // After the cooldown a new episode starts, under its own id.
  expect(await l.claim('spike', 'tj', 'spike:tj:01:30', 4, late + rule.cooldownMinutes * MIN + MIN, rule)).toEqual({
    action: 'new',
    alertId: 'spike:tj:01:30',
    revision: 1,
  });
});

test('of many concurrent claims for the same topic, exactly one wins', async () => {
  const l = episodes();
  const claims = await Promise.all(Array.from({ length: 12 }, () => l.claim('spike', 'macet', 'ep-m', 5, T0, rule)));
  expect(claims.filter((c) => c.action === 'new')).toHaveLength(1);
  expect(claims.filter((c) => c.action !== 'new').every((c) => c.action === 'none')).toBe(true);
});

test('an alert SNS refused waits in the outbox and is sent by the window tried again once the lease runs out, and only once', async () => {
  const published: Alert[] = [];
  const held: Alert[] = [];
  let failNext = true;
  const driven = handDriven(stack, config, {
    writer: 'shard-outbox',
    now: () => wall,
    aggregator: {
      episodes: episodes(),
      // SNS unreachable for the first publish.
      publisher: {
        async publish(alert) {
          if (failNext) {
            failNext = false;
            throw new Error('SNS unavailable');
          }
          published.push(alert);
        },
      },
      onHeld: (alert) => held.push(alert),
    },
  });
  const burst = floodBurst(config.alerts.spike.minCount, '2026-11-26T08:00:00Z', 'outbox');
  expect(await driven.oneByOne(burst.slice(0, -1))).toEqual([]);

  // SNS refuses: the window closes all the same (its posts counted), the alert waits in the outbox.
  const last = await driven.window(burst.slice(-1));
  expect(last).toMatchObject({ posts: 1, counted: 1, alerts: [] });
  expect(held).toHaveLength(1);
  const waiting = await stack.clients.doc.send(
    new GetCommand({ TableName: stack.resources.tables.alerts, Key: { alertId: held[0]!.alertId } }),
  );
  expect(waiting.Item).toMatchObject({ status: 'pending', revision: 1 });
  // The window tried again at once: the claimant's lease still holds, so nobody sends twice, and nothing is counted twice.
  expect(await driven.again(last.facts)).toMatchObject({ counted: 0, alerts: [] });
  expect(published).toHaveLength(0);

  wall += SEND_LEASE_MS + 1;
  expect(await driven.again(last.facts)).toMatchObject({ counted: 0 });
  expect(published).toHaveLength(1);
  expect(published[0]).toMatchObject({ kind: 'spike', topic: 'banjir', revision: 1 });

  wall += SEND_LEASE_MS + 1;
  await driven.again(last.facts);
  expect(published).toHaveLength(1);
  const stored = await stack.clients.doc.send(
    new GetCommand({ TableName: stack.resources.tables.alerts, Key: { alertId: published[0]!.alertId } }),
  );
  expect(stored.Item).toMatchObject({ status: 'sent', revision: 1 });
  // What was published is the alert itself, not the table's bookkeeping.
  expect(published[0]).not.toHaveProperty('status');
});

test('the hourly cap admits exactly its number of messages among concurrent senders, per event-time hour', async () => {
  const l = episodes();
  const at = Date.parse('2026-11-26T15:10:00Z');
  const takes = await Promise.all(Array.from({ length: 20 }, () => l.takeHourSlot(at, 5)));
  expect(takes.filter(Boolean)).toHaveLength(5);
  expect(await l.takeHourSlot(at + 40 * MIN, 5)).toBe(false);
  expect(await l.takeHourSlot(at + 55 * MIN, 5)).toBe(true);
});

test('past the hourly cap an update is kept in the alerts table as capped, not published, not retried', async () => {
  const published: Alert[] = [];
  const capped = { ...config, alerts: { ...config.alerts, maxPerHour: 1 } };
  const driven = handDriven(stack, capped, {
    writer: 'shard-capped',
    now: () => wall,
    aggregator: { episodes: episodes(), publisher: { publish: async (alert) => void published.push(alert) } },
  });
  // A burst in a later hour, two posts a minute: steep enough for updates within the hour.
  const burst = floodBurst(40, '2026-11-27T03:00:00Z', 'capped').map((p, i) => ({
    ...p,
    createdAt: new Date(Date.parse('2026-11-27T03:00:00Z') + i * 30_000).toISOString(),
  }));
  await driven.oneByOne(burst);
  expect(published).toHaveLength(1);
  const item = await stack.clients.doc.send(
    new GetCommand({ TableName: stack.resources.tables.alerts, Key: { alertId: published[0]!.alertId } }),
  );
  expect(item.Item?.revision).toBeGreaterThan(1);
  expect(item.Item?.status).toBe('capped');
});

test('an alert SNS took while its mark failed is marked on a later try, and the window tried again past the lease does not send it again', async () => {
  const published: Alert[] = [];
  const waits: number[] = [];
  const real = episodes();
  let failMarks = 2;
  const driven = handDriven(stack, config, {
    writer: 'shard-marklater',
    now: () => wall,
    aggregator: {
      // DynamoDB failing for the first two marks, after SNS has taken the alert.
      episodes: Object.assign(Object.create(real) as DynamoAlertEpisodes, {
        async markSent(...args: Parameters<DynamoAlertEpisodes['markSent']>) {
          if (failMarks > 0) {
            failMarks -= 1;
            throw new Error('connect ECONNREFUSED (DynamoDB unavailable)');
          }
          return real.markSent(...args);
        },
      }),
      publisher: {
        async publish(alert) {
          published.push(alert);
        },
      },
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  });
  const burst = floodBurst(config.alerts.spike.minCount, '2026-11-27T18:00:00Z', 'marklater');
  await driven.oneByOne(burst.slice(0, -1));
  const last = await driven.window(burst.slice(-1));
  expect(published).toHaveLength(1);
  expect(failMarks).toBe(0);
  expect(waits).toHaveLength(2);
  const stored = await stack.clients.doc.send(
    new GetCommand({ TableName: stack.resources.tables.alerts, Key: { alertId: published[0]!.alertId } }),
  );
  expect(stored.Item).toMatchObject({ status: 'sent', revision: 1 });

  // The same window tried again after the lease: marked sent, so nobody sends it again.
  wall += SEND_LEASE_MS + 1;
  await driven.again(last.facts);
  expect(published).toHaveLength(1);
});
