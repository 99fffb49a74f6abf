/**
 * The fact-check collector against a real HTTP server on loopback that answers as Google's
 * `claims:search` does, from fixture responses in the API's own shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryCollectorState } from '../../shared/adapters/memory-state';
import type { ClaimRecord } from '../../shared/claims/types';
import { WatchTopicSchema } from '../../shared/config';
import {
  collectFactChecks,
  FACTCHECK_COLLECTOR,
  FactCheckAuthError,
  factCheckQueries,
  SEEN_LIMIT,
  type FactCheckDeps,
  type FactCheckOptions,
  type FactCheckQuery,
} from '../../shared/pipeline/collect-factchecks';
import type { ClaimStore, CollectorState } from '../../shared/pipeline/ports';
import { factCheckId } from '../../shared/sources/factchecks';
import { startTestServer, type Answer, type SeenRequest, type TestServer } from '../helpers/http-server';
import { fetchHttp } from '../../shared/adapters/http';

const API_KEY = 'AIzaSyTEST-factcheck-0123456789abcdef';
const SEARCH_PATH = '/v1alpha1/claims:search';
const NOW = Date.parse('2026-11-27T01:00:00Z');

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/factchecks', `${name}.json`), 'utf8');

/** The fixture each (query, pageToken) is answered with. */
const PAGES: Record<string, string> = {
  'banjir jakarta|': 'banjir-page1',
  'banjir jakarta|CAI': 'banjir-page2',
  'banjir jakarta|CAQ': 'banjir-page3',
  'transjakarta|': 'transjakarta',
  'air bersih|': 'air',
};

const KEY_INVALID: Answer = {
  status: 400,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } }),
};

const params = (request: SeenRequest): URLSearchParams => new URL(request.url, 'http://test').searchParams;

/** Google's API, as far as these tests need it. */
function api(request: SeenRequest): Answer {
  const url = new URL(request.url, 'http://test');
  if (url.pathname !== SEARCH_PATH) return { status: 404 };
  if (url.searchParams.get('key') !== API_KEY) return KEY_INVALID;
  const page = PAGES[`${url.searchParams.get('query')}|${url.searchParams.get('pageToken') ?? ''}`];
  return page === undefined
    ? { status: 200, body: '{}' }
    : { status: 200, headers: { 'content-type': 'application/json' }, body: fixture(page) };
}

/** The claims store's contract, in memory. */
class MemoryClaims implements ClaimStore {
  readonly claims = new Map<string, ClaimRecord>();
  puts = 0;
  async put(claims: readonly ClaimRecord[]): Promise<number> {
    this.puts += 1;
    for (const claim of claims) this.claims.set(claim.id, claim);
    return claims.length;
  }
  async all(): Promise<ClaimRecord[]> {
    return [...this.claims.values()];
  }
}

const topics = [
  WatchTopicSchema.parse({ name: 'banjir', label: 'Banjir', keywords: ['banjir', 'genangan'], query: 'banjir jakarta' }),
  WatchTopicSchema.parse({ name: 'transjakarta', label: 'TransJakarta', keywords: ['transjakarta', 'busway'] }),
  WatchTopicSchema.parse({ name: 'air', label: 'Air bersih', keywords: ['pam jaya', 'air bersih'], query: 'air bersih' }),
];
const QUERIES = factCheckQueries(topics);

let server: TestServer;
let claims: MemoryClaims;
let state: MemoryCollectorState;
let logs: { level: string; message: string; fields?: Record<string, unknown> }[];

beforeEach(async () => {
  server = await startTestServer(api);
  claims = new MemoryClaims();
  state = new MemoryCollectorState();
  logs = [];
});

afterEach(async () => {
  await server.close();
});

const options = (overrides: Partial<FactCheckOptions> = {}): FactCheckOptions => ({
  baseUrl: server.url,
  apiKey: API_KEY,
  languageCode: 'id',
  maxAgeDays: 30,
  pageSize: 50,
  maxPages: 3,
  backoff: { attempts: 3, baseDelayMs: 1 },
  ...overrides,
});

const deps = (overrides: Partial<FactCheckDeps> = {}): FactCheckDeps => ({
  web: fetchHttp,
  claims,
  state,
  now: () => NOW,
  log: (level, message, fields) => logs.push({ level, message, ...(fields ? { fields } : {}) }),
  ...overrides,
});

const run = (queries: readonly FactCheckQuery[] = QUERIES, overrides: Partial<FactCheckOptions> = {}) =>
  collectFactChecks(queries, options(overrides), deps());

const requestsFor = (query: string): SeenRequest[] => server.requests.filter((r) => params(r).get('query') === query);

const HALTE_URL = 'https://turnbackhoax.id/2026/11/19/salah-foto-halte-transjakarta-kampung-melayu-tenggelam/';

describe('fact-check queries', () => {
  test("a topic's query, else its first keyword", () => {
    expect(QUERIES).toEqual([
      { topic: 'banjir', query: 'banjir jakarta' },
      { topic: 'transjakarta', query: 'transjakarta' },
      { topic: 'air', query: 'air bersih' },
    ]);
  });
});

describe('collectFactChecks', () => {
  test('the first run stores every hoax review found; a second run stores none', async () => {
    const first = await run();
    expect(first.stored).toHaveLength(8);
    expect(claims.claims.size).toBe(8);
    expect([...claims.claims.values()]).toEqual(first.stored);
    expect(first.queries).toEqual([
      { query: 'banjir jakarta', topic: 'banjir', pages: 3, reviews: 5, stored: 5, skipped: 0 },
      { query: 'transjakarta', topic: 'transjakarta', pages: 1, reviews: 3, stored: 1, skipped: 2 },
      { query: 'air bersih', topic: 'air', pages: 1, reviews: 3, stored: 2, skipped: 1 },
    ]);
    expect(first.skipped).toEqual({ rated_true: 1, mixed_verdict: 1, already_stored: 1 });
    expect(first.stored.map((c) => c.rating).sort()).toEqual([
      'konten_palsu',
      'menyesatkan',
      'penipuan',
      'salah',
      'salah',
      'salah',
      'salah',
      'salah',
    ]);
    // Nothing rated true, or only partly false, lands in the store as a hoax.
    expect(first.stored.some((c) => /fakta-tarif|sebagian-benar/.test(c.source))).toBe(false);

    const putsAfterFirst = claims.puts;
    const second = await run();
    expect(second.stored).toEqual([]);
    expect(claims.puts).toBe(putsAfterFirst);
    expect(second.queries.map((q) => q.stored)).toEqual([0, 0, 0]);
    expect(second.skipped).toEqual({ rated_true: 1, mixed_verdict: 1, already_stored: 9 });
  });

  test('the ids stored are remembered in the collector state, with when', async () => {
    const result = await run();
    expect(await state.get(FACTCHECK_COLLECTOR, 'seen')).toEqual({
      ids: result.stored.map((c) => c.id),
      updatedAt: '2026-11-27T01:00:00.000Z',
    });
  });

  test('the request carries the query, languageCode, maxAgeDays, pageSize and the key', async () => {
    await run([{ topic: 'air', query: 'air bersih' }], { languageCode: 'id', maxAgeDays: 14, pageSize: 20 });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe('GET');
    expect(new URL(request.url, 'http://test').pathname).toBe(SEARCH_PATH);
    expect(Object.fromEntries(params(request))).toEqual({
      query: 'air bersih',
      languageCode: 'id',
      maxAgeDays: '14',
      pageSize: '20',
      key: API_KEY,
    });
  });

  test('pages follow nextPageToken up to maxPages', async () => {
    const banjir = [{ topic: 'banjir', query: 'banjir jakarta' }];
    const two = await run(banjir, { maxPages: 2 });
    expect(requestsFor('banjir jakarta').map((r) => params(r).get('pageToken'))).toEqual([null, 'CAI']);
    expect(two.queries[0]).toMatchObject({ pages: 2, reviews: 4, stored: 4 });

    server.requests.length = 0;
    const rest = await run(banjir, { maxPages: 10 });
    // The last page has no token: the query ends there, not at maxPages.
    expect(requestsFor('banjir jakarta').map((r) => params(r).get('pageToken'))).toEqual([null, 'CAI', 'CAQ']);
    expect(rest.queries[0]).toMatchObject({ pages: 3, reviews: 5, stored: 1 });
    expect(rest.stored.map((c) => c.source)).toEqual([
      'https://www.kompas.com/cekfakta/read/2026/11/11/101500082/-hoaks-bmkg-peringatkan-banjir-lima-tahunan',
    ]);
  });

  test('the same review URL under two queries is stored once, under the topic that found it first', async () => {
    const result = await run();
    const halte = result.stored.filter((c) => c.source === HALTE_URL);
    expect(halte).toHaveLength(1);
    expect(halte[0]).toMatchObject({ id: factCheckId(HALTE_URL), topic: 'banjir', rating: 'konten_palsu' });
    expect(result.queries[1]).toMatchObject({ query: 'transjakarta', reviews: 3, stored: 1, skipped: 2 });
  });

  test('a 503 is retried and the query goes on', async () => {
    let failures = 0;
    server.answer((request) => (failures++ === 0 ? { status: 503, body: 'Service Unavailable' } : api(request)));
    const result = await run([{ topic: 'air', query: 'air bersih' }]);
    expect(server.requests).toHaveLength(2);
    expect(result.queries[0]).toEqual({ query: 'air bersih', topic: 'air', pages: 1, reviews: 3, stored: 2, skipped: 1 });
    expect(logs.some((l) => l.level === 'warn' && l.message.includes('retrying'))).toBe(true);
  });

  test.each([
    ['400 API key not valid', KEY_INVALID],
    [
      '403 API not enabled',
      {
        status: 403,
        body: '{"error":{"code":403,"message":"Fact Check Tools API has not been used in project 1234","status":"PERMISSION_DENIED"}}',
      },
    ],
  ])('%s stops the run with a FactCheckAuthError that says what to check and hides the key', async (_case, answer) => {
    server.answer(() => answer);
    const error = await run().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(FactCheckAuthError);
    const message = (error as Error).message;
    expect(message).toMatch(/FACTCHECK_API_KEY/);
    expect(message).toMatch(/Secrets Manager/);
    expect(message).toMatch(/enabled in the key's Google Cloud project/);
    expect(message).toContain(String(answer.status));
    expect(message).not.toContain(API_KEY);
    expect(JSON.stringify(logs)).not.toContain(API_KEY);
    // Not retried, and no other query asked.
    expect(server.requests).toHaveLength(1);
    expect(claims.puts).toBe(0);
  });

  test('a wrong key is refused by the server and reported without the key', async () => {
    const error = await run(QUERIES, { apiKey: 'AIzaSy-wrong-key-0000' }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(FactCheckAuthError);
    expect((error as Error).message).toContain('API key not valid');
    expect((error as Error).message).not.toContain('AIzaSy-wrong-key-0000');
  });

  test('no key at all fails before any request', async () => {
    await expect(run(QUERIES, { apiKey: '  ' })).rejects.toThrow(/no fact-check API key: check the API key/);
    expect(server.requests).toHaveLength(0);
  });

  test('a 429 on one query is that query’s error; the others are stored', async () => {
    server.answer((request) =>
      params(request).get('query') === 'transjakarta'
        ? { status: 429, body: '{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}' }
        : api(request),
    );
    const result = await run();
    expect(requestsFor('transjakarta')).toHaveLength(3); // tried as often as the backoff allows
    const [banjir, tj, air] = result.queries;
    expect(tj).toMatchObject({ query: 'transjakarta', pages: 0, stored: 0, error: expect.stringContaining('429') });
    expect(tj?.error).not.toContain(API_KEY);
    expect(banjir).toMatchObject({ stored: 5 });
    expect(banjir?.error).toBeUndefined();
    expect(air).toMatchObject({ stored: 2 });
    expect(result.stored).toHaveLength(7);
    expect(logs.some((l) => l.level === 'warn' && l.fields?.query === 'transjakarta' && /429/.test(String(l.fields.error)))).toBe(true);
    expect(JSON.stringify(logs)).not.toContain(API_KEY);
  });

  test('a failing page after stored pages keeps what was stored and records the error', async () => {
    server.answer((request) => (params(request).get('pageToken') === 'CAQ' ? { status: 500, body: 'oops' } : api(request)));
    const result = await run([{ topic: 'banjir', query: 'banjir jakarta' }]);
    expect(result.queries[0]).toMatchObject({ pages: 2, stored: 4, error: expect.stringContaining('500') });
    expect(claims.claims.size).toBe(4);
  });

  test('an answer that echoes the address back does not leak the key into the error', async () => {
    server.answer((request) => ({ status: 503, body: `upstream failed for ${request.url}` }));
    const result = await run([{ topic: 'air', query: 'air bersih' }]);
    expect(result.queries[0]?.error).toContain('[API key]');
    expect(result.queries[0]?.error).not.toContain(API_KEY);
    expect(JSON.stringify(logs)).not.toContain(API_KEY);
  });

  test('a malformed response is the query’s error, naming what is wrong', async () => {
    server.answer((request) =>
      params(request).get('query') === 'air bersih' ? { status: 200, body: '{"claims": [{"claimReview": {"url": 1}}]}' } : api(request),
    );
    const result = await run();
    expect(result.queries[2]?.error).toMatch(/claims\.0\.claimReview: Invalid input: expected array/);
    expect(result.queries[0]?.stored).toBe(5);
  });

  test('claims are stored before they are remembered: a crash in between stores them again, never loses them', async () => {
    const failing: CollectorState = {
      get: (collector, key) => state.get(collector, key),
      put: async () => {
        throw new Error('state table unavailable');
      },
    };
    const air = [{ topic: 'air', query: 'air bersih' }];
    await expect(collectFactChecks(air, options(), deps({ state: failing }))).rejects.toThrow('state table unavailable');
    expect(claims.claims.size).toBe(2);

    const again = await run(air);
    expect(again.stored.map((c) => c.id).sort()).toEqual([...claims.claims.keys()].sort());
  });

  test('the remembered ids keep the newest SEEN_LIMIT', async () => {
    const old = Array.from({ length: SEEN_LIMIT }, (_, i) => `factcheck-old-${i}`);
    await state.put(FACTCHECK_COLLECTOR, 'seen', { ids: old, updatedAt: '2026-11-01T00:00:00.000Z' });
    const result = await run([{ topic: 'air', query: 'air bersih' }]);
    const seen = (await state.get(FACTCHECK_COLLECTOR, 'seen')) as { ids: string[] };
    expect(seen.ids).toHaveLength(SEEN_LIMIT);
    expect(seen.ids.slice(-2)).toEqual(result.stored.map((c) => c.id));
    expect(seen.ids[0]).toBe('factcheck-old-2');
  });

  test('remembered ids of the wrong shape are dropped with a warning, and the reviews stored again', async () => {
    await state.put(FACTCHECK_COLLECTOR, 'seen', { ids: 'factcheck-1', updatedAt: 5 });
    const result = await run([{ topic: 'air', query: 'air bersih' }]);
    expect(result.stored).toHaveLength(2);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringContaining('seen reviews unreadable'),
        fields: { error: expect.stringContaining('ids') },
      }),
    );
  });

  test('a failing claims store fails the run rather than being recorded as a query error', async () => {
    const broken: ClaimStore = {
      put: async () => {
        throw new Error('DynamoDB unavailable');
      },
      all: async () => [],
    };
    await expect(collectFactChecks(QUERIES, options(), deps({ claims: broken }))).rejects.toThrow('DynamoDB unavailable');
    expect(await state.get(FACTCHECK_COLLECTOR, 'seen')).toBeUndefined();
  });

  test('verdicts the table does not know are logged, so the table can learn them', async () => {
    server.answer(() => ({
      status: 200,
      body: JSON.stringify({
        claims: [
          {
            text: 'Gubernur meliburkan seluruh sekolah di Jakarta selama sebulan',
            claimReview: [{ url: 'https://turnbackhoax.id/2026/11/25/klarifikasi-sekolah-libur/', textualRating: 'Klarifikasi' }],
          },
        ],
      }),
    }));
    const result = await run([{ topic: 'banjir', query: 'banjir jakarta' }]);
    expect(result.skipped).toEqual({ unknown_rating: 1 });
    expect(logs).toContainEqual(expect.objectContaining({ level: 'info', fields: { query: 'banjir jakarta', ratings: ['Klarifikasi'] } }));
  });
});
