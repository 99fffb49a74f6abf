/**
 * One incident, one thread, on the embedded stack, posts taken one at a time:
 * - a hoax pushed by 45 new accounts within 15 minutes, about a flood and the provincial
 *   government: one hoax episode and its escalations, no complaint spike made of its posts (the
 *   hoax alert says how many complaints it drives), no reach alert for its posts;
 * - a flood evening whose complaints also blame the provincial government: one spike thread
 *   naming both topics, not two episodes;
 * - floods and traffic jams complained about at the same time by different posts: two episodes.
 */
import { resolve } from 'node:path';
import type { Alert } from '../../shared/alerts/alert';
import { alertText } from '../../shared/alerts/format';
import { DynamoCounters } from '../../shared/adapters/dynamodb';
import { loadConfig } from '../../shared/config';
import { pairCounter } from '../../shared/items';
import type { Post } from '../../shared/post';
import { handDriven } from '../helpers/aggregate';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost } from '../helpers/posts';

const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));
const START = Date.parse('2026-11-26T12:00:00Z');

/** The same text, decorated differently, from `count` accounts created days ago, 20 seconds apart. */
const PUSH = 'Pemprov DKI sengaja buka pintu air Manggarai malam ini supaya Jakarta Pusat banjir, biar proyek tanggul cair. Media diam';
const calls = ['sebarkan sebelum dihapus!!', 'SEBARKAN sebelum dihapus!', 'sebarkan sebelum dihapus!!!'];
const hoaxPush = (count: number): Post[] =>
  Array.from({ length: count }, (_, i) =>
    makePost({
      source: 'x',
      id: `push-${i}`,
      text: `${PUSH}, ${calls[i % calls.length]} ${'‼'.repeat(i % 3)}`,
      createdAt: new Date(START + i * 20_000).toISOString(),
      author: { id: `push-acct-${i}`, handle: `warga_jkt${i}`, followers: 40 + i, following: 600, createdAt: '2026-11-20T00:00:00Z' },
      // One of them with a large audience: its reach is the hoax episode's, not an alert of its own.
      ...(i === 30 ? { metrics: { likes: 4_000, reposts: 1_800, replies: 200, quotes: 30 } } : {}),
    }),
  );

/** Distinct complaints, one a minute from distinct residents, made of parts that vary independently. */
function complaints(count: number, prefix: string, startMs: number, parts: readonly (readonly string[])[]): Post[] {
  return Array.from({ length: count }, (_, i) => {
    let n = i;
    const words = parts.map((options) => {
      const word = options[n % options.length] as string;
      n = Math.floor(n / options.length) + i;
      return word;
    });
    return makePost({
      source: 'x',
      id: `${prefix}-${i}`,
      text: words.join(' '),
      createdAt: new Date(startMs + i * 60_000).toISOString(),
      author: { id: `${prefix}-acct-${i}`, handle: `${prefix}_${i}`, followers: 80 + i },
    });
  });
}

const PLACES = ['Kemang', 'Cawang', 'Kampung Melayu', 'Pluit', 'Cipinang', 'Bukit Duri', 'Grogol', 'Rawa Buaya', 'Kelapa Gading'];
const FLOODED = [
  'Banjir lagi di',
  'Parah, banjir sepinggang di',
  'Rumah kebanjiran lagi di',
  'Air masuk rumah, banjir di',
  'Gak kelar-kelar banjir di',
];
const HOW = [
  'pompa air mati',
  'dari subuh belum surut',
  'anak-anak ngungsi',
  'motor mogok semua',
  'kasur basah semua',
  'listrik dipadamkan',
];
const floodBlamingPemprov = (count: number, startMs: number) =>
  complaints(count, 'blame', startMs, [
    FLOODED,
    PLACES,
    HOW.map((h) => `${h},`),
    [
      'pemprov ke mana aja??',
      'pemprov gak becus urus banjir.',
      'kecewa berat sama pemprov.',
      'pemprov cuma janji doang.',
      'gubernur ke mana sih?!',
    ],
  ]);
const floodOnly = (count: number, startMs: number) =>
  complaints(count, 'flood', startMs, [
    FLOODED,
    PLACES,
    HOW.map((h) => `${h},`),
    ['capek banget.', 'kesel.', 'sedih banget.', 'parah.', 'nyebelin.', 'kapan beresnya?'],
  ]);
const jamOnly = (count: number, startMs: number) =>
  complaints(count, 'jam', startMs, [
    ['Macet parah di', 'Macet total dari', 'Sejam gak gerak, macet di', 'Lalu lintas kacau di'],
    ['tol dalam kota', 'Gatot Subroto', 'Sudirman', 'Rasuna Said', 'Cawang', 'Tomang'],
    [
      'nyebelin banget.',
      'telat kerja lagi, kesel.',
      'capek banget tiap hari gini.',
      'parah sih, gak ada petugas.',
      'payah, lampu merah mati.',
    ],
  ]);

const brief = (alerts: readonly Alert[]) =>
  alerts.map((a) => ({ kind: a.kind, alertId: a.alertId, revision: a.revision, severity: a.severity, observed: a.observed }));

type Totals = Map<string, { negative: number; driven: number }>;

/**
 * The posts on tables of their own (no earlier day to compare with), one window each, in event
 * time: the alerts sent, and the day's negative and driven counts of the flood and government topics.
 */
async function replay(name: string, posts: readonly Post[], run = config): Promise<{ sent: Alert[]; totals: Totals }> {
  const own: TestStack = await testStack(name);
  const sent: Alert[] = [];
  try {
    const driven = handDriven(own, run, { aggregator: { publisher: { publish: async (alert) => void sent.push(alert) } } });
    await driven.oneByOne([...posts].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
    const counters = new DynamoCounters(own.clients.doc, own.resources.tables.state, { consistent: true });
    const totals: Totals = new Map();
    for (const topic of ['banjir', 'pemprov', pairCounter('banjir', 'pemprov')]) {
      const buckets = await counters.range(topic, '2026-11-26T00:00Z', '2026-11-27T00:00Z');
      totals.set(topic, {
        negative: buckets.reduce((n, b) => n + b.negative, 0),
        driven: buckets.reduce((n, b) => n + (b.driven ?? 0), 0),
      });
    }
    return { sent, totals };
  } finally {
    await own.stop();
  }
}

test('a hoax pushed by 45 new accounts is one hoax episode with its escalations: no complaint spike and no reach alert made of its posts', async () => {
  const { sent, totals } = await replay('one-thread-push', hoaxPush(45));
  // The sequence the officer gets, and its last message, for the record.
  console.log(
    [
      ...brief(sent).map((a) => `${a.kind} ${a.alertId} rev ${a.revision} severity ${a.severity} accounts ${a.observed}`),
      '',
      alertText(sent[sent.length - 1]!),
    ].join('\n'),
  );
  expect(sent.filter((a) => a.kind !== 'hoax')).toEqual([]);
  expect(new Set(sent.map((a) => a.alertId)).size).toBe(1);
  expect(sent.map((a) => a.revision)).toEqual(sent.map((_, i) => i + 1));
  expect(sent.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < sent.length; i++) expect(sent[i]!.severity).toBeGreaterThan(sent[i - 1]!.severity);
  const last = sent[sent.length - 1]!;
  expect(last).toMatchObject({ topic: 'banjir', related: ['Pemprov DKI dan gubernur'] });
  // The hoax's own negative posts in its window (one per account): the complaints it drives instead of a spike.
  expect(last.observed).toBeGreaterThanOrEqual(20);
  expect(last.complaints).toBe(last.observed);
  expect(alertText(last)).toContain(`Hoaks ini memicu ${last.complaints} unggahan negatif (juga tentang pemprov dki dan gubernur)`);
  // Every post is counted as negative; from the fifth account on, as driven by the hoax.
  expect(totals.get('banjir')).toEqual({ negative: 45, driven: 41 });
  expect(totals.get('pemprov')).toEqual({ negative: 45, driven: 41 });
  expect(totals.get(pairCounter('banjir', 'pemprov'))).toEqual({ negative: 45, driven: 41 });
});

test('a flood evening whose complaints also blame the provincial government is one spike thread naming both topics', async () => {
  const { sent } = await replay('one-thread-blame', floodBlamingPemprov(40, START));
  const spikes = sent.filter((a) => a.kind === 'spike');
  expect(spikes.length).toBeGreaterThanOrEqual(1);
  expect(new Set(spikes.map((a) => a.alertId))).toEqual(new Set([spikes[0]!.alertId]));
  expect(spikes[0]).toMatchObject({ topic: 'banjir', related: ['Pemprov DKI dan gubernur'] });
  expect(alertText(spikes[0]!)).toContain('Satu kejadian: keluhan tentang pemprov dki dan gubernur sebagian besar unggahan yang sama');
});

test('floods and traffic jams complained about by different posts at the same time stay two episodes', async () => {
  const { sent } = await replay('one-thread-apart', [...floodOnly(30, START), ...jamOnly(30, START + 30_000)]);
  const spikes = sent.filter((a) => a.kind === 'spike');
  expect([...new Set(spikes.map((a) => a.topic))].sort()).toEqual(['banjir', 'macet']);
  expect(spikes.every((a) => a.related === undefined)).toBe(true);
});

test('with joinOverlap 1 every topic keeps its own episode, as before', async () => {
  const apart = { ...config, alerts: { ...config.alerts, spike: { ...config.alerts.spike, joinOverlap: 1 } } };
  const { sent } = await replay('one-thread-off', floodBlamingPemprov(40, START), apart);
  expect([...new Set(sent.filter((a) => a.kind === 'spike').map((a) => a.topic))].sort()).toEqual(['banjir', 'pemprov']);
});
