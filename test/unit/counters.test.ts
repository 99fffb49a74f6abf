/** What a stored post adds to: the all-topics counter, each of its topics, each pair of them, and each topic in each city it names. */
import { makeClassifier } from '../../shared/classify';
import { ALL_TOPICS, counterIncrements, pairCounter, placeCounter, toPostItem } from '../../shared/items';
import { makePost } from '../helpers/posts';

const classify = makeClassifier([
  { name: 'banjir', keywords: ['banjir'], all: [], exclude: [] },
  { name: 'macet', keywords: ['macet'], all: [], exclude: [] },
]);

function increments(text: string) {
  const post = makePost({ text, createdAt: '2026-11-26T08:17:00Z' });
  return counterIncrements(
    toPostItem(post, classify(post.text), { retentionDays: 30, nowMs: Date.parse('2026-11-27T00:00:00Z'), timeZone: 'Asia/Jakarta' }),
    5,
    35,
  );
}

test('a post about two topics in two cities counts in every topic, the pair of topics and every topic-city pair, in its 5-minute bucket', () => {
  const got = increments('Banjir dan macet parah di Kemang dan Cawang pagi ini');
  expect(got.map((i) => i.topic).sort()).toEqual(
    [
      ALL_TOPICS,
      'banjir',
      'macet',
      'banjir&macet',
      placeCounter('banjir', 'Jakarta Selatan'),
      placeCounter('banjir', 'Jakarta Timur'),
      placeCounter('macet', 'Jakarta Selatan'),
      placeCounter('macet', 'Jakarta Timur'),
    ].sort(),
  );
  expect(new Set(got.map((i) => i.bucket))).toEqual(new Set(['2026-11-26T08:15Z']));
  expect(got.every((i) => i.add.negative === 1 && i.add.total === 1)).toBe(true);
  expect(pairCounter('macet', 'banjir')).toBe(pairCounter('banjir', 'macet'));
});

test('a negative post spreading an alerting hoax counts as driven; a positive one, or one not judged so, does not', () => {
  const post = makePost({ text: 'Banjir dan macet parah di Kemang pagi ini', createdAt: '2026-11-26T08:17:00Z' });
  const item = toPostItem(post, classify(post.text), {
    retentionDays: 30,
    nowMs: Date.parse('2026-11-27T00:00:00Z'),
    timeZone: 'Asia/Jakarta',
  });
  expect(item.sentimentLabel).toBe('negative');
  const driven = (over: { driven?: boolean; sentimentLabel?: string }) =>
    counterIncrements({ ...item, ...over }, 5, 35).map((i) => i.add.driven);
  expect(new Set(driven({ driven: true }))).toEqual(new Set([1]));
  expect(new Set(driven({}))).toEqual(new Set([0]));
  expect(new Set(driven({ driven: true, sentimentLabel: 'positive' }))).toEqual(new Set([0]));
});

test('a post without a place counts in its topics only, and one without a topic only in the total', () => {
  expect(increments('Banjir lagi, capek').map((i) => i.topic)).toEqual([ALL_TOPICS, 'banjir']);
  expect(increments('Selamat pagi semua').map((i) => i.topic)).toEqual([ALL_TOPICS]);
});

test('a post on a watch topic carries its first topic for the byTopic index; a post on none carries no topic, so it stays out of the index', () => {
  const item = (text: string) =>
    toPostItem(makePost({ text, createdAt: '2026-11-26T08:17:00Z' }), classify(text), {
      retentionDays: 30,
      nowMs: Date.parse('2026-11-27T00:00:00Z'),
      timeZone: 'Asia/Jakarta',
    });
  expect(item('Macet dan banjir lagi').topic).toBe('banjir');
  const offTopic = item('Selamat pagi semua');
  expect(offTopic.topics).toEqual([]);
  expect('topic' in offTopic).toBe(false);
});
