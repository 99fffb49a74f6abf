/** X searches built from the watch topics, and X's answer turned into post messages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, XSourceSchema, type WatchTopic } from '../../shared/config';
import { validatePost } from '../../shared/post';
import { buildXQueries, pageToPosts, type XSearchPage } from '../../shared/sources/x';
import { searchFixture } from '../helpers/x-standin';

const topics = loadConfig(join(__dirname, '..', '..', 'pantau.config.json')).topics;
const source = XSourceSchema.parse({});

const topic = (name: string, keywords: string[], exclude: string[] = []): WatchTopic => ({ name, label: name, keywords, exclude, all: [] });

test('one search covers small topics: phrases quoted, exclusions kept with their topic, languages and reposts filtered', () => {
  const queries = buildXQueries([topic('banjir', ['banjir', 'air naik'], ['banjir diskon']), topic('macet', ['macet'])], source);
  expect(queries).toHaveLength(1);
  expect(queries[0]?.query).toBe('(((banjir OR "air naik") -"banjir diskon") OR macet) (lang:id OR lang:en) -is:retweet');
  expect(queries[0]?.topics).toEqual(['banjir', 'macet']);
});

test.each([512, 300, 200])('every query fits %i characters and every keyword of the bundled config is searched', (maxQueryLength) => {
  const queries = buildXQueries(topics, { ...source, maxQueryLength });
  for (const q of queries) expect(q.query.length).toBeLessThanOrEqual(maxQueryLength);
  const all = queries.map((q) => q.query).join('\n');
  for (const t of topics) {
    for (const k of t.keywords) expect(all).toContain(/\s/.test(k) ? `"${k}"` : k);
    // A topic's exclusions travel with each share of its keywords.
    for (const q of queries.filter((q) => q.topics.includes(t.name))) for (const e of t.exclude) expect(q.query).toContain(`-"${e}"`);
  }
  if (maxQueryLength < 512) expect(queries.length).toBeGreaterThan(buildXQueries(topics, source).length);
});

test('query keys are stable for the same text and differ between texts', () => {
  const a = buildXQueries(topics, { ...source, maxQueryLength: 200 });
  const b = buildXQueries(topics, { ...source, maxQueryLength: 200 });
  expect(a.map((q) => q.key)).toEqual(b.map((q) => q.key));
  expect(new Set(a.map((q) => q.key)).size).toBe(a.length);
});

test('a keyword that cannot fit names its topic', () => {
  const long = topic('panjang', ['x'.repeat(100)]);
  expect(() => buildXQueries([long], { ...source, maxQueryLength: 100 })).toThrow(ConfigError);
  expect(() => buildXQueries([long], { ...source, maxQueryLength: 100 })).toThrow(/"panjang".*sources\.x\.maxQueryLength/);
});

test('reposts included: the query does not filter them and one language stands alone', () => {
  const [q] = buildXQueries([topic('banjir', ['banjir'])], { ...source, languages: ['id'], retweets: 'include' });
  expect(q?.query).toBe('banjir lang:id');
});

function fixturePage(): XSearchPage {
  const f = searchFixture();
  return { tweets: f.data, users: f.includes.users, includedTweets: f.includes.tweets, errors: [] };
}

test("X's answer becomes valid post messages with author, metrics, links and references", () => {
  const { posts, repostsSkipped } = pageToPosts(fixturePage(), 'exclude', '2026-12-05T09:20:00.000Z');
  expect(repostsSkipped).toBe(1);
  expect(posts).toHaveLength(5);
  for (const p of posts) expect(validatePost(p).ok).toBe(true);

  const first = posts[0] as Record<string, unknown>;
  expect(first).toMatchObject({
    v: 1,
    source: 'x',
    id: '1996851200000000006',
    url: 'https://x.com/warga_kemang/status/1996851200000000006',
    lang: 'in',
    createdAt: '2026-12-05T09:14:07.000Z',
    collectedAt: '2026-12-05T09:20:00.000Z',
    author: {
      id: '1501234567',
      handle: 'warga_kemang',
      followers: 1204,
      following: 311,
      createdAt: '2019-03-01T04:12:55.000Z',
      verified: false,
    },
    metrics: { likes: 230, reposts: 41, replies: 12, quotes: 3, views: 18250 },
    hashtags: ['banjir'],
  });
  const byId = new Map(posts.map((p) => [p.id, p]));
  // A long post's whole text comes from note_tweet, not the truncated `text`.
  expect(String(byId.get('1996851200000000005')?.text)).toContain('09.00 pompa mobile belum datang');
  expect(byId.get('1996851200000000003')).toMatchObject({ replyTo: '1996851100000000123', author: { verified: true } });
  expect(byId.get('1996851200000000002')).toMatchObject({
    quoteOf: '1996851000000000777',
    links: ['https://www.thejakartapost.com/city/2026/12/05/kemang-floods-again.html'],
  });
});

test('reposts included: the repost carries its original full text and repostOf', () => {
  const { posts, repostsSkipped } = pageToPosts(fixturePage(), 'include', '2026-12-05T09:20:00.000Z');
  expect(repostsSkipped).toBe(0);
  const repost = posts.find((p) => p.id === '1996851200000000004') as Record<string, unknown>;
  expect(repost.repostOf).toBe('1996850000000000001');
  expect(String(repost.text)).toMatch(/pada siang hingga sore hari\.$/);
  expect(validatePost(repost).ok).toBe(true);
});

test('the fixture is in the shape X answers (meta with newest and oldest id)', () => {
  const raw = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'x', 'recent-search.json'), 'utf8'));
  expect(raw.meta).toEqual({ newest_id: raw.data[0].id, oldest_id: raw.data[raw.data.length - 1].id, result_count: raw.data.length });
});
