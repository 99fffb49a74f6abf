/**
 * The hoax and reach alert rules on the embedded stack: a debunked claim repeated by many new
 * accounts raises one hoax episode for its watch topic, escalated as it spreads; a viral
 * complaint raises one reach alert; an info account's everyday report raises none; the same
 * posts delivered again change nothing.
 */
import { resolve } from 'node:path';
import type { Alert } from '../../shared/alerts/alert';
import { startPipeline, type LocalPipeline } from '../../infra/local/pipeline';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost, writePostsFile } from '../helpers/posts';
import type { Post } from '../../shared/post';
import { loadConfig } from '../../shared/config';
import { DAY } from '../../shared/time';
import { handDriven } from '../helpers/aggregate';

const CONFIG = resolve(__dirname, '../../pantau.config.json');
const START = Date.parse('2026-11-26T12:40:00Z');

const openers = ['AWAS!!', 'Info penting!!', 'PENTING!!', 'Darurat!'];
const calls = ['Sebarkan ke grup keluarga!!', 'SEBARKAN sebelum dihapus!', 'Tolong share ke semua grup'];
/** The seed claim about Pintu Air Manggarai, reworded, from `n` new accounts two minutes apart. */
const HOAX: Post[] = Array.from({ length: 14 }, (_, i) =>
  makePost({
    source: 'x',
    id: `hoax-${i}`,
    text: `${openers[i % openers.length]} Pintu air Manggarai rusak dan tidak bisa ditutup, seluruh Jakarta Pusat akan terendam banjir malam ini. Info dari orang dalam. ${calls[i % calls.length]}`,
    createdAt: new Date(START + i * 2 * 60_000).toISOString(),
    author: { id: `new-${i}`, handle: `warga_baru${i}`, followers: 3, following: 400, createdAt: '2026-11-20T00:00:00Z' },
  }),
);
const VIRAL = makePost({
  source: 'x',
  id: 'viral-1',
  text: 'Parah banget, banjir di Kemang udah sepinggang dari subuh dan pompa air gak nyala sama sekali. Pemprov ke mana??',
  createdAt: '2026-11-26T09:00:00Z',
  author: { id: 'warga-biasa', handle: 'rina_kemang', followers: 5_600 },
  metrics: { likes: 9_000, reposts: 2_500, replies: 700, quotes: 120 },
});
const INFO = makePost({
  source: 'x',
  id: 'info-1',
  text: 'Info lalin: Antasari arah Blok M padat merayap, hindari jalur ini.',
  createdAt: '2026-11-26T09:05:00Z',
  author: { id: 'info-akun', handle: 'infolalin_jkt', followers: 250_000 },
  metrics: { likes: 40, reposts: 12, replies: 3, quotes: 0 },
});
const POSTS = [VIRAL, INFO, ...HOAX];

let stack: TestStack;
let pipeline: LocalPipeline;
const alerts = (kind: string): Alert[] =>
  pipeline.alerts
    .map((m) => m.alert)
    .filter((a) => a.kind === kind)
    .sort((a, b) => a.revision - b.revision);

beforeAll(async () => {
  stack = await testStack('hoax-reach');
  pipeline = await startPipeline({ stack, configPath: CONFIG, postsPath: writePostsFile(POSTS) });
  await pipeline.collect();
  await pipeline.settle();
});

afterAll(async () => {
  await pipeline?.stop();
  await stack?.stop();
});

test('a debunked claim spread by many accounts raises one hoax episode for its watch topic', () => {
  // Batches are classified concurrently here, as on Lambda, so the stream's order is not the
  // file's: the count at the first alert may be a little past the threshold, and escalations
  // depend on it (tested one post at a time below).
  const hoax = alerts('hoax');
  expect(hoax.length).toBeGreaterThanOrEqual(1);
  expect(new Set(hoax.map((a) => a.alertId)).size).toBe(1);
  expect(hoax[0]).toMatchObject({ topic: 'banjir', revision: 1, expected: 5 });
  expect(hoax[0]!.observed).toBeGreaterThanOrEqual(5);
  expect(hoax[0]!.claim?.source).toMatch(/^https:\/\//);
  expect(hoax[0]!.indicators?.map((i) => i.name)).toContain('known_claim');
  for (let i = 1; i < hoax.length; i++) expect(hoax[i]!.severity).toBeGreaterThanOrEqual(hoax[i - 1]!.severity + 2);
  // The attributes subscribers filter on.
  const message = pipeline.alerts.find((m) => m.alert.kind === 'hoax')!;
  expect(message.attributes).toMatchObject({ kind: 'hoax', topic: 'banjir' });
});

test('posts taken one at a time: the hoax alerts at the fifth account and escalates at ten and twenty', async () => {
  const published: Alert[] = [];
  // Tables of its own: the pipeline's aggregator would read these posts from the stream too.
  const own = await testStack('hoax-in-order');
  const driven = handDriven(own, loadConfig(CONFIG), {
    aggregator: { publisher: { publish: async (alert) => void published.push(alert) } },
  });
  // The same claim, a day later, from twenty new accounts a minute apart.
  const later = Array.from({ length: 20 }, (_, i) => ({
    ...HOAX[i % HOAX.length]!,
    id: `later-${i}`,
    createdAt: new Date(START + DAY + i * 60_000).toISOString(),
    author: { id: `later-${i}`, handle: `akun_baru${i}`, followers: 3 },
  }));
  try {
    await driven.oneByOne(later);
  } finally {
    await own.stop();
  }
  // One incident, one thread: the hoax's posts raise no complaint spike of their own.
  expect(published.filter((a) => a.kind !== 'hoax')).toEqual([]);
  expect(published.filter((a) => a.kind === 'hoax').map((a) => [a.revision, a.observed, a.severity])).toEqual([
    [1, 5, 5],
    [2, 10, 7],
    [3, 20, 9],
  ]);
});

test('a viral complaint raises one reach alert; a large info account’s everyday report raises none', () => {
  const reach = alerts('reach');
  expect(reach).toHaveLength(1);
  expect(reach[0]).toMatchObject({ topic: 'banjir', reposts: 2_500, observed: 2_500, expected: 1_000 });
  expect(reach[0]!.samples[0]?.postKey).toBe('x#viral-1');
  expect(pipeline.alerts.some((m) => m.alert.samples.some((s) => s.postKey === 'x#info-1'))).toBe(false);
});

test('the same posts delivered again raise nothing more', async () => {
  const before = pipeline.alerts.length;
  const again = await startPipeline({ stack, configPath: CONFIG, postsPath: writePostsFile(POSTS, 'again.jsonl') });
  try {
    await again.collect();
    await again.settle();
    expect(again.alerts).toHaveLength(0);
  } finally {
    await again.stop();
  }
  await pipeline.settle();
  expect(pipeline.alerts).toHaveLength(before);
});
