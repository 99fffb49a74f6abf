/**
 * A burst of negative flood posts fires a spike alert through SNS with filterable attributes; the
 * same posts delivered again are stored once and alerted once.
 */
import { resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startPipeline, type LocalPipeline } from '../../infra/local/pipeline';
import { duplicateCount } from '../../infra/local/summary';
import { STATE_ITEMS } from '../../shared/analytics/schema';
import { testStack, type TestStack } from '../helpers/local-stack';
import { floodBurst, writePostsFile } from '../helpers/posts';

const CONFIG = resolve(__dirname, '../../pantau.config.json');
const BURST = floodBurst(30, '2026-11-26T08:00:00Z');

let stack: TestStack;
let pipeline: LocalPipeline;

beforeAll(async () => {
  stack = await testStack('alerts');
  pipeline = await startPipeline({ stack, configPath: CONFIG, postsPath: writePostsFile(BURST) });
  await pipeline.collect();
  await pipeline.settle();
});

afterAll(async () => {
  await pipeline?.stop();
  await stack?.stop();
});

test('a burst of negative flood posts fires one spike episode for banjir, with evidence', () => {
  const alerts = pipeline.alerts;
  expect(alerts.length).toBeGreaterThanOrEqual(1);
  const ids = new Set(alerts.map((m) => m.alert.alertId));
  expect(ids.size).toBe(1);

  const first = alerts.find((m) => m.alert.revision === 1)!;
  expect(first.attributes).toMatchObject({ kind: 'spike', topic: 'banjir' });
  expect(Number(first.attributes.severity)).toBe(first.alert.severity);
  expect(first.alert.revision).toBe(1);
  // Fires once the window holds the configured minimum of negative posts, well before the
  // burst ends (concurrent batches may have stored a few more by the time the rule runs).
  expect(first.alert.observed).toBeGreaterThanOrEqual(15);
  expect(first.alert.observed).toBeLessThan(BURST.length);
  expect(first.alert.samples.length).toBeGreaterThan(0);
  expect(first.alert.places.map((p) => p.name)).toContain('Kemang');
});

test('updates within the cooldown come only when severity rises by the configured step', () => {
  // SNS to SQS keeps no order: sort by revision.
  const alerts = pipeline.alerts.map((m) => m.alert).sort((a, b) => a.revision - b.revision);
  for (let i = 1; i < alerts.length; i++) {
    expect(alerts[i]!.revision).toBe(alerts[i - 1]!.revision + 1);
    expect(alerts[i]!.severity).toBeGreaterThanOrEqual(alerts[i - 1]!.severity + 2);
  }
});

test('the alerts table records each alert as sent', async () => {
  const out = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.alerts }));
  const items = out.Items ?? [];
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ kind: 'spike', topic: 'banjir', status: 'sent' });
  expect(items[0]!.revision).toBe(Math.max(...pipeline.alerts.map((m) => m.alert.revision)));
});

test('the same posts delivered again are stored once and alert nobody again', async () => {
  const sentBefore = pipeline.alerts.length;
  const again = await startPipeline({ stack, configPath: CONFIG, postsPath: writePostsFile(BURST, 'again.jsonl') });
  try {
    await again.collect();
    await again.settle();
    expect(again.alerts).toHaveLength(0);
  } finally {
    await again.stop();
  }
  await pipeline.settle();
  expect(pipeline.alerts).toHaveLength(sentBefore);
  const posts = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.posts, Select: 'COUNT' }));
  expect(posts.Count).toBe(BURST.length);
  expect(await duplicateCount(stack.clients.doc, stack.resources.tables.state)).toBe(BURST.length);
});

test('the episode gets one resolution message once nothing has raised it for a whole cooldown', async () => {
  const last = Math.max(...pipeline.alerts.map((m) => m.alert.revision));
  expect(await pipeline.resolve(Date.parse('2026-11-26T09:00:00Z'))).toEqual([]);

  const resolved = await pipeline.resolve(Date.parse('2026-11-26T12:00:00Z'));
  expect(resolved).toHaveLength(1);
  expect(resolved[0]).toMatchObject({ kind: 'spike', topic: 'banjir', revision: last + 1 });
  expect(Date.parse(resolved[0]!.resolvedAt!)).toBeLessThanOrEqual(Date.parse('2026-11-26T12:00:00Z'));
  await pipeline.settle();
  const message = pipeline.alerts.find((m) => m.alert.resolvedAt !== undefined);
  expect(message?.alert.alertId).toBe(resolved[0]!.alertId);
  expect(message?.attributes).toMatchObject({ kind: 'spike', topic: 'banjir' });

  // Once only, however often the sweep runs.
  expect(await pipeline.resolve(Date.parse('2026-11-26T13:00:00Z'))).toEqual([]);
  const out = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.alerts }));
  expect(out.Items).toHaveLength(1);
  expect(out.Items?.[0]).toMatchObject({ status: 'sent', revision: last + 1, resolvedAt: resolved[0]!.resolvedAt });
});

test('the daily digest sums the day per watch topic and lists its alerts, once a day', async () => {
  const digest = await pipeline.digest(Date.parse('2026-11-27T00:00:00Z'));
  expect(digest).toMatchObject({ kind: 'digest', alertId: 'digest:2026-11-27', observed: BURST.length });
  const banjir = digest?.digest?.topics.find((t) => t.topic === 'banjir');
  expect(banjir).toMatchObject({ total: BURST.length, negative: BURST.length, hoax: 0 });
  // The burst names Kemang and its neighbours: all in Jakarta Selatan.
  expect(banjir?.cities[0]).toMatchObject({ city: 'Jakarta Selatan', negative: BURST.length });
  expect(digest?.digest?.alerts).toEqual([
    expect.objectContaining({ kind: 'spike', alertId: pipeline.alerts[0]!.alert.alertId, resolved: true }),
  ]);
  await pipeline.settle();
  expect(pipeline.alerts.some((m) => m.alert.kind === 'digest' && m.attributes.kind === 'digest')).toBe(true);
  // The same day again (a retried schedule): nothing more.
  expect(await pipeline.digest(Date.parse('2026-11-27T00:05:00Z'))).toBeUndefined();
});

test('every item the run left in the state table is of a kind docs/schema.md lists', async () => {
  const pattern = (template: string): RegExp =>
    new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '.+')}$`);
  const kinds = STATE_ITEMS.map((item) => ({ pk: pattern(item.pk), sk: item.sk.split(', ').map(pattern) }));
  const out = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.state, ProjectionExpression: 'pk, sk' }));
  const items = out.Items ?? [];
  // Counters, the shard's mark, the spread record, episodes, the hourly cap, duplicates, the file checkpoint.
  expect(new Set(items.map((i) => String(i.pk).split('#')[0]))).toEqual(
    new Set(['AGG', 'COUNTED', 'SPREAD', 'EPISODES', 'ALERTS_PER_HOUR', 'STATS', 'CKPT']),
  );
  const unlisted = items.filter((i) => !kinds.some((k) => k.pk.test(String(i.pk)) && k.sk.some((sk) => sk.test(String(i.sk)))));
  expect(unlisted).toEqual([]);
});
