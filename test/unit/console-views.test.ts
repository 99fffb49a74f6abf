import { effectiveTopics, LiveTopics } from '../../shared/classify/live-topics';
import { normalise } from '../../shared/classify/normalise';
import type { WatchTopic } from '../../shared/config';
import type { PostItem } from '../../shared/items';
import type { StoredTopic } from '../../shared/pipeline/ports';
import { decodeCursor, encodeCursor, filledBuckets, matchesFilter, nextResponse, spreadersOf } from '../../shared/console/views';

const config: WatchTopic[] = [
  { name: 'banjir', label: 'Banjir', keywords: ['banjir'], all: [], exclude: [] },
  { name: 'macet', label: 'Macet', keywords: ['macet'], all: [], exclude: [] },
];
const stored = (over: Partial<StoredTopic>): StoredTopic => ({
  name: 'kebakaran',
  label: 'Kebakaran',
  keywords: ['kebakaran'],
  all: [],
  exclude: [],
  disabled: false,
  updatedAt: '2026-11-27T01:00:00Z',
  updatedBy: 'rina',
  version: 1,
  ...over,
});

describe('watch topics in effect', () => {
  test("the console's edit replaces the config's topic of its name; added ones come after the config's", () => {
    const topics = effectiveTopics(config, [stored({}), stored({ name: 'banjir', label: 'Banjir & rob', keywords: ['banjir', 'rob'] })]);
    expect(topics.map((t) => [t.name, t.label, t.stored ? 'console' : 'config'])).toEqual([
      ['banjir', 'Banjir & rob', 'console'],
      ['macet', 'Macet', 'config'],
      ['kebakaran', 'Kebakaran', 'console'],
    ]);
  });

  test('a running matcher picks up a change once its copy is stale, and a disabled topic matches nothing', async () => {
    let clock = 0;
    let inStore: StoredTopic[] = [stored({})];
    const live = new LiveTopics(config, { all: async () => inStore, put: async () => true, changes: async () => [] }, () => clock, 1000);
    const names = () =>
      live
        .matcher()(normalise('Kebakaran di Glodok, jalan macet'))
        .map((m) => m.name);
    expect(names()).toEqual(['macet']);
    await live.refresh();
    expect(names().sort()).toEqual(['kebakaran', 'macet']);
    inStore = [stored({ disabled: true, version: 2 })];
    clock = 500;
    await live.refresh();
    expect(names()).toContain('kebakaran');
    clock = 1500;
    await live.refresh();
    expect(names()).toEqual(['macet']);
    expect(live.label('kebakaran')).toBe('Kebakaran');
  });
});

const post = (over: Partial<PostItem>): PostItem =>
  ({
    postKey: 'x#1',
    text: 'Banjir di Kemang',
    createdAt: '2026-11-27T01:00:00.000Z',
    sentimentLabel: 'negative',
    hoaxLevel: 'none',
    places: ['Kemang'],
    placeKecamatan: ['Mampang Prapatan'],
    placeKelurahan: ['Bangka'],
    placeCities: ['Jakarta Selatan'],
    ...over,
  }) as PostItem;

test('post filters: sentiment, hoax level or hoax-like, place at any level and any case, all the words', () => {
  const p = post({ hoaxLevel: 'medium' });
  expect(matchesFilter(p, { sentiment: 'negative', hoax: 'hoax-like', place: 'jakarta selatan', q: 'kemang BANJIR' })).toBe(true);
  expect(matchesFilter(p, { place: 'mampang' })).toBe(true);
  expect(matchesFilter(p, { sentiment: 'positive' })).toBe(false);
  expect(matchesFilter(p, { hoax: 'high' })).toBe(false);
  expect(matchesFilter(p, { q: 'kemang macet' })).toBe(false);
  expect(matchesFilter(post({}), { anyOf: [{ hoax: 'hoax-like' }, { claimId: 'c-1' }] })).toBe(false);
  expect(matchesFilter(post({ claimId: 'c-1' }), { anyOf: [{ hoax: 'hoax-like' }, { claimId: 'c-1' }] })).toBe(true);
});

test('spreaders: one row per account with its posts, first and last time, largest audience, coordinated mark', () => {
  const rows = spreadersOf([
    post({ postKey: 'x#1', authorId: 'a', authorHandle: 'ani', authorFollowers: 10, createdAt: '2026-11-27T01:05:00Z' }),
    post({
      postKey: 'x#2',
      authorId: 'a',
      authorHandle: 'ani',
      authorFollowers: 12,
      createdAt: '2026-11-27T01:01:00Z',
      hoaxIndicators: ['coordinated'],
    }),
    post({ postKey: 'x#3', authorId: 'b', authorHandle: 'budi', authorFollowers: 5000, createdAt: '2026-11-27T01:03:00Z' }),
    post({ postKey: 'x#4' }),
  ]);
  expect(rows).toEqual([
    {
      handle: 'ani',
      authorId: 'a',
      followers: 12,
      posts: 2,
      firstAt: '2026-11-27T01:01:00Z',
      lastAt: '2026-11-27T01:05:00Z',
      coordinated: true,
    },
    {
      handle: 'budi',
      authorId: 'b',
      followers: 5000,
      posts: 1,
      firstAt: '2026-11-27T01:03:00Z',
      lastAt: '2026-11-27T01:03:00Z',
      coordinated: false,
    },
  ]);
});

test('buckets: every step of the span, the counted ones filled in', () => {
  const from = Date.parse('2026-11-27T01:00:00Z');
  const points = filledBuckets([{ bucket: '2026-11-27T01:05:00.000Z', total: 4, negative: 2 }], from, from + 15 * 60_000, 5);
  expect(points).toEqual([
    { t: '2026-11-27T01:00:00.000Z', total: 0, negative: 0, hoax: 0 },
    { t: '2026-11-27T01:05:00.000Z', total: 4, negative: 2, hoax: 0 },
    { t: '2026-11-27T01:10:00.000Z', total: 0, negative: 0, hoax: 0 },
  ]);
});

describe('the response', () => {
  const at = '2026-11-27T01:00:00Z';
  const list = ['BPBD DKI Jakarta', 'Dinas Sumber Daya Air'];
  test('each step leads to its state; a note leaves it; only a configured assignee; only a handled one reopens', () => {
    expect(nextResponse({ state: 'new' }, { action: 'acknowledge' }, 'rina', at, list)).toMatchObject({
      ok: true,
      next: { state: 'acknowledged' },
    });
    expect(nextResponse({ state: 'new' }, { action: 'assign', assignee: 'BPBD DKI Jakarta' }, 'rina', at, list)).toMatchObject({
      ok: true,
      next: { state: 'assigned', assignee: 'BPBD DKI Jakarta' },
      event: { by: 'rina', at, action: 'assign', assignee: 'BPBD DKI Jakarta' },
    });
    expect(nextResponse({ state: 'new' }, { action: 'assign', assignee: 'Dinas Lain' }, 'rina', at, list)).toMatchObject({
      ok: false,
      field: 'assignee',
    });
    const note = nextResponse(
      { state: 'assigned', assignee: 'BPBD DKI Jakarta' },
      { action: 'note', note: 'sudah ditangani' },
      'rina',
      at,
      list,
    );
    expect(note).toMatchObject({ ok: true, event: { note: 'sudah ditangani' } });
    expect(note.ok && note.next).toBeUndefined();
    expect(nextResponse({ state: 'assigned' }, { action: 'reopen' }, 'rina', at, list)).toMatchObject({ ok: false, field: 'action' });
    expect(nextResponse({ state: 'handled', assignee: 'BPBD DKI Jakarta' }, { action: 'reopen' }, 'rina', at, list)).toMatchObject({
      ok: true,
      next: { state: 'assigned' },
    });
    expect(nextResponse({ state: 'handled' }, { action: 'reopen' }, 'rina', at, list)).toMatchObject({
      ok: true,
      next: { state: 'acknowledged' },
    });
  });
});

test('cursors go back to their position; anything else is no cursor', () => {
  expect(decodeCursor(encodeCursor({ postKey: 'x#1', createdAt: '2026' }))).toEqual({ postKey: 'x#1', createdAt: '2026' });
  expect(decodeCursor('%%%')).toBeUndefined();
});
