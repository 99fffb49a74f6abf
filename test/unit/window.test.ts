/** The aggregator's window state and what it keeps of each post, and the stored hoax assessment. */
import { makeClassifier } from '../../shared/classify';
import { coordinatedIndicator, withIndicator } from '../../shared/classify/hoax';
import { hoaxOf, storedHoax, toPostItem } from '../../shared/items';
import { seqAfter, seqKey } from '../../shared/pipeline/sequence';
import { EMPTY_WINDOW, factOf, foldPosts, windowState } from '../../shared/pipeline/window';
import { makePost } from '../helpers/posts';

const KEEP = { retentionDays: 30, nowMs: Date.parse('2026-11-27T00:00:00Z'), timeZone: 'Asia/Jakarta' };
const classify = makeClassifier([{ name: 'banjir', keywords: ['banjir'], all: [], exclude: [] }]);
const CHAIN =
  'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga!!';

const item = (overrides: Parameters<typeof makePost>[0] = {}) => {
  const post = makePost(overrides);
  return toPostItem(post, classify(post.text), KEEP);
};

test('a fact keeps what counting, coordination and the rules need, with the text’s fingerprint keys', () => {
  const stored = item({
    source: 'x',
    id: '7',
    text: `Banjir di Kemang! ${CHAIN}`,
    createdAt: '2026-11-26T12:40:00Z',
    author: { id: '42', handle: 'Warga', followers: 120 },
    metrics: { likes: 1, reposts: 30, replies: 0, quotes: 0 },
  });
  const fact = factOf(stored, '000000000000000000017');
  expect(fact).toMatchObject({
    key: 'x#7',
    seq: '000000000000000000017',
    at: Date.parse('2026-11-26T12:40:00Z') / 1000,
    topics: ['banjir'],
    author: 'x:42',
    followers: 120,
    reposts: 30,
    hoax: stored.hoaxLevel,
    weights: stored.hoaxWeights,
  });
  expect(fact.bands).toHaveLength(8);
  expect(fact.cities).toContain('Jakarta Selatan');
  // Without an author id the handle names the account, lower-cased; without either, the post itself.
  expect(factOf(item({ source: 'x', author: { handle: '@Warga' } }), '1').author).toBe('x:@warga');
  expect(factOf(item({ source: 'file', id: 'p1' }), '1').author).toBe('file:post:p1');
  // A text too short to call coordinated has no keys.
  expect(factOf(item({ text: 'Banjir lagi' }), '1').bands).toEqual([]);
});

test('folding keeps stream order and keeps a post read twice once; a window starts from {}', () => {
  const a = item({ id: 'a' });
  const b = item({ id: 'b' });
  let state = windowState({});
  expect(state).toBe(EMPTY_WINDOW);
  state = foldPosts(state, [
    { seq: '1', item: a },
    { seq: '2', item: b },
  ]);
  state = foldPosts(windowState(JSON.parse(JSON.stringify(state))), [
    { seq: '2', item: b },
    { seq: '3', item: item({ id: 'c' }) },
  ]);
  expect(state.facts.map((f) => [f.key, f.seq])).toEqual([
    ['file#a', '1'],
    ['file#b', '2'],
    ['file#c', '3'],
  ]);
  expect(windowState({ v: 2, facts: [] })).toBe(EMPTY_WINDOW);
});

test('sequence numbers compare as numbers of up to 40 digits, with or without leading zeros', () => {
  expect(seqKey('17')).toHaveLength(40);
  expect(seqAfter('000000000000000000018', '17')).toBe(true);
  expect(seqAfter('9', '10')).toBe(false);
  expect(seqAfter('4421584500000000017450439091', '4421584500000000017450439090')).toBe(true);
  expect(seqAfter('1', '')).toBe(true);
});

test('a stored hoax assessment reads back to the same indicators, and `coordinated` rescored from it matches the original', () => {
  const post = makePost({ text: CHAIN, author: { id: '1', followers: 2, createdAt: '2026-11-20T00:00:00Z' } });
  const original = classify(post.text, { author: post.author, postedAt: post.createdAt }).hoax;
  expect(original.indicators.length).toBeGreaterThan(1);
  const stored = storedHoax(original);
  expect(hoaxOf(stored)).toEqual({ ...original, score: stored.hoaxScore });
  const pushed = coordinatedIndicator(7, 15);
  expect(storedHoax(withIndicator(hoaxOf(stored), pushed))).toEqual(storedHoax(withIndicator(original, pushed)));
});
