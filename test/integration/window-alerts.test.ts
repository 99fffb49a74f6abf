/**
 * The aggregator's promise: a window raises the same alerts, at the same posts, as its posts
 * would one at a time in event-time order, whatever order the classifier's concurrent batches
 * stored them in. Two private stacks, the same posts: one closes a window per post, the other one
 * window on all of them, stored shuffled.
 */
import { resolve } from 'node:path';
import type { Alert } from '../../shared/alerts/alert';
import { loadConfig } from '../../shared/config';
import type { Post } from '../../shared/post';
import { handDriven } from '../helpers/aggregate';
import { testStack, type TestStack } from '../helpers/local-stack';
import { floodBurst, makePost } from '../helpers/posts';
import { shuffled } from '../faults/rig';

const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));
const T0 = Date.parse('2026-11-26T12:40:00Z');

/** A flood of complaints, 40 in half an hour from `startIso`. */
const flood = (startIso: string, prefix: string): Post[] =>
  floodBurst(40, startIso, prefix).map((p, i) => ({ ...p, createdAt: new Date(Date.parse(startIso) + i * 45_000).toISOString() }));

/**
 * A flood of complaints, a debunked claim pushed by new accounts, one viral complaint, and a
 * second flood long after the first one's cooldown: a new episode of the same topic in the same window.
 */
const posts: Post[] = [
  ...flood('2026-11-26T11:00:00Z', 'win-flood'),
  ...flood('2026-11-26T17:00:00Z', 'win-flood-again'),
  ...Array.from({ length: 12 }, (_, i) =>
    makePost({
      source: 'x',
      id: `win-hoax-${i}`,
      text: `${['AWAS!!', 'Info penting!!', 'PENTING!!'][i % 3]} Pintu air Manggarai rusak dan tidak bisa ditutup, seluruh Jakarta Pusat akan terendam banjir malam ini. Info dari orang dalam. Sebarkan ke grup keluarga!!`,
      createdAt: new Date(T0 + i * 90_000).toISOString(),
      author: { id: `win-new-${i}`, handle: `akun_win${i}`, followers: 4, following: 500, createdAt: '2026-11-20T00:00:00Z' },
    }),
  ),
  makePost({
    source: 'x',
    id: 'win-viral',
    text: 'Parah, banjir di Kemang sepinggang dari subuh dan pompa air gak nyala. Pemprov ke mana??',
    createdAt: '2026-11-26T11:20:00Z',
    author: { id: 'win-warga', handle: 'rina_kemang', followers: 5_600 },
    metrics: { likes: 9_000, reposts: 2_500, replies: 700, quotes: 120 },
  }),
];

const said = (alerts: readonly Alert[]) =>
  alerts.map((a) => ({
    alertId: a.alertId,
    kind: a.kind,
    revision: a.revision,
    severity: a.severity,
    observed: a.observed,
    firedAt: a.firedAt,
    samples: a.samples.map((s) => s.postKey).sort(),
  }));

let one: TestStack;
let all: TestStack;

beforeAll(async () => {
  [one, all] = await Promise.all([testStack('one-by-one'), testStack('one-window')]);
});

afterAll(async () => {
  await Promise.all([one?.stop(), all?.stop()]);
});

test('one window on all the posts, stored shuffled, sends what one window per post sends, in the same order', async () => {
  const sentOne: Alert[] = [];
  const sentAll: Alert[] = [];
  const inOrder = [...posts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  await handDriven(one, config, { aggregator: { publisher: { publish: async (a) => void sentOne.push(a) } } }).oneByOne(inOrder);
  const window = await handDriven(all, config, { aggregator: { publisher: { publish: async (a) => void sentAll.push(a) } } }).window(
    shuffled(posts, 20261207),
  );
  expect(window.counted).toBe(posts.length);
  // Every kind of rule had something to say.
  expect(new Set(sentOne.map((a) => a.kind))).toEqual(new Set(['spike', 'hoax', 'reach']));
  expect(new Set(sentOne.filter((a) => a.kind === 'spike').map((a) => a.alertId)).size).toBe(2);
  expect(said(sentAll)).toEqual(said(sentOne));
});
