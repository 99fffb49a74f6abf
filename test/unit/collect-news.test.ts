/** The news collector's core against a real loopback HTTP server, with an in-memory queue, DLQ and state. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryCollectorState } from '../../shared/adapters/memory-state';
import { parseConfig } from '../../shared/config';
import {
  collectNews,
  feedStateKey,
  NEWS_COLLECTOR,
  type NewsCollectOptions,
  type NewsCollectorDeps,
  newsFeeds,
} from '../../shared/pipeline/collect-news';
import type { DeadLetter, OutgoingPost, PostQueue } from '../../shared/pipeline/ports';
import { startTestServer, type Answer, type SeenRequest, type TestServer } from '../helpers/http-server';
import { fetchHttp } from '../../shared/adapters/http';

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/feeds', name), 'utf8');
const PORTAL = fixture('portal-rss.xml');
const ATOM = fixture('atom.xml');
const GOOGLE = fixture('google-news.xml');

const xml = (body: string, headers: Record<string, string> = {}): Answer => ({
  status: 200,
  headers: { 'content-type': 'application/rss+xml; charset=utf-8', ...headers },
  body,
});

/** Records what is sent; can be told to fail like an unreachable SQS. */
class RecordingQueue implements PostQueue {
  readonly sent: OutgoingPost[] = [];
  failing = false;
  async sendAll(posts: readonly OutgoingPost[]) {
    if (this.failing) throw new Error('SQS unavailable');
    this.sent.push(...posts);
    return [];
  }
}

function harness() {
  const queue = new RecordingQueue();
  const dead: DeadLetter[] = [];
  const state = new MemoryCollectorState();
  const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const deps: NewsCollectorDeps = {
    web: fetchHttp,
    queue,
    deadLetters: { send: async (letter) => void dead.push(letter) },
    state,
    now: () => Date.parse('2026-12-27T02:00:00Z'),
    log: (level, message, fields) => logs.push({ level, message, fields }),
  };
  const sentIds = (): string[] => queue.sent.map((p) => JSON.parse(p.body).id);
  return { queue, dead, state, deps, logs, sentIds };
}

const opts: NewsCollectOptions = { timeoutMs: 2_000, backoff: { attempts: 3, baseDelayMs: 1 } };
const requestsTo = (server: TestServer, path: string): SeenRequest[] => server.requests.filter((r) => r.url === path);

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const PORTAL_IDS = [
  'https://www.kabaribukota.example/megapolitan/2026/12/27/banjir-rendam-kemang',
  'https://www.kabaribukota.example/?p=48213',
  '127.0.0.1:48190',
  'https://www.kabaribukota.example/megapolitan/cfd-pekan-ini',
];

describe('collectNews', () => {
  it('sends every item of every feed on the first run, once each, as valid news posts', async () => {
    server.answer((req) => (req.url === '/portal' ? xml(PORTAL) : req.url === '/atom' ? xml(ATOM) : { status: 404 }));
    const { deps, queue, dead, sentIds } = harness();
    const feeds = [{ url: `${server.url}/portal` }, { url: `${server.url}/atom`, name: 'Catatan Warga' }];

    const result = await collectNews(feeds, opts, deps);

    // the portal lists one article twice: sent once (feeds are fetched concurrently: any order)
    expect(sentIds().sort()).toEqual(
      [...PORTAL_IDS, 'tag:catatanwarga.example,2026:entry-311', 'tag:catatanwarga.example,2026:entry-309'].sort(),
    );
    expect(result.feeds).toEqual([
      { url: `${server.url}/portal`, status: 'new', items: 5, sent: 4, rejected: 0 },
      { url: `${server.url}/atom`, status: 'new', items: 2, sent: 2, rejected: 0 },
    ]);
    expect(result.sent).toBe(6);
    expect(dead).toEqual([]);
    expect(queue.sent.map((p) => p.key)).toContain('news#tag:catatanwarga.example,2026:entry-311');
    const bodies = queue.sent.map((p) => JSON.parse(p.body));
    expect(bodies.find((b) => b.id === PORTAL_IDS[0])).toMatchObject({
      v: 1,
      source: 'news',
      createdAt: '2026-12-27T01:15:00.000Z',
      collectedAt: '2026-12-27T02:00:00.000Z',
      author: { id: 'kabaribukota.example', name: 'Kabar Ibukota - Megapolitan' },
      feed: `${server.url}/portal`,
    });
    expect(bodies.find((b) => b.id === PORTAL_IDS[3])).toMatchObject({ createdAt: '2026-12-27T02:00:00.000Z', createdAtEstimated: true });
    expect(bodies.filter((b) => b.createdAtEstimated)).toHaveLength(1);
  });

  it('sends nothing on a second run over the same items, even from a server that ignores conditional requests', async () => {
    server.answer(() => xml(PORTAL));
    const { deps, queue } = harness();
    const feeds = [{ url: `${server.url}/portal` }];
    await collectNews(feeds, opts, deps);
    expect(queue.sent).toHaveLength(4);

    const again = await collectNews(feeds, opts, deps);

    expect(queue.sent).toHaveLength(4);
    expect(again.feeds).toEqual([{ url: `${server.url}/portal`, status: 'unchanged', items: 5, sent: 0, rejected: 0 }]);
  });

  it('sends only the new item when a feed gains one between runs', async () => {
    let body = PORTAL;
    server.answer(() => xml(body));
    const { deps, sentIds } = harness();
    const feeds = [{ url: `${server.url}/portal` }];
    await collectNews(feeds, opts, deps);

    const fresh = `<item><title>Pohon Tumbang di Jalan Sudirman</title><link>https://www.kabaribukota.example/megapolitan/pohon-tumbang</link>
      <pubDate>Sun, 27 Dec 2026 08:50:00 +0700</pubDate><description>Lalu lintas tersendat.</description></item>`;
    body = PORTAL.replace('<item>', `${fresh}<item>`);
    const again = await collectNews(feeds, opts, deps);

    expect(sentIds().slice(4)).toEqual(['https://www.kabaribukota.example/megapolitan/pohon-tumbang']);
    expect(again.feeds[0]).toMatchObject({ status: 'new', items: 6, sent: 1 });
  });

  it('asks with the saved ETag and Last-Modified, and a 304 sends nothing', async () => {
    const etag = '"portal-v1"';
    const lastModified = 'Sun, 27 Dec 2026 01:30:00 GMT';
    server.answer((req) =>
      req.headers['if-none-match'] === etag ? { status: 304, headers: { etag } } : xml(PORTAL, { etag, 'last-modified': lastModified }),
    );
    const { deps, queue } = harness();
    const feeds = [{ url: `${server.url}/portal` }];
    await collectNews(feeds, opts, deps);
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();

    const again = await collectNews(feeds, opts, deps);

    expect(server.requests[1]?.headers).toMatchObject({ 'if-none-match': etag, 'if-modified-since': lastModified });
    expect(again.feeds).toEqual([{ url: `${server.url}/portal`, status: 'unchanged', items: 0, sent: 0, rejected: 0 }]);
    expect(queue.sent).toHaveLength(4);
  });

  it('fails a malformed feed, naming its address, and still sends the good one beside it', async () => {
    server.answer((req) => {
      if (req.url === '/truncated') return xml(fixture('truncated.xml'));
      if (req.url === '/error-page') return { status: 200, headers: { 'content-type': 'text/html' }, body: fixture('error-page.html') };
      return xml(ATOM);
    });
    const { deps, sentIds, logs } = harness();
    const feeds = [{ url: `${server.url}/truncated` }, { url: `${server.url}/atom` }, { url: `${server.url}/error-page` }];

    const result = await collectNews(feeds, opts, deps);

    expect(sentIds()).toEqual(['tag:catatanwarga.example,2026:entry-311', 'tag:catatanwarga.example,2026:entry-309']);
    expect(result.feeds.map((f) => f.status)).toEqual(['failed', 'new', 'failed']);
    expect(result.feeds[0]?.error).toBe(`${server.url}/truncated: the feed is cut short: its root element never closes`);
    expect(result.feeds[2]?.error).toMatch(new RegExp(`^${server.url}/error-page: not an RSS or Atom feed`));
    const warned = logs.filter((l) => l.level === 'warn').map((l) => String(l.fields?.url));
    expect(warned.sort()).toEqual([`${server.url}/error-page`, `${server.url}/truncated`]);
  });

  it('retries a 503 and collects the feed when the retry is answered', async () => {
    let calls = 0;
    server.answer(() => (++calls === 1 ? { status: 503, body: 'Service Unavailable' } : xml(ATOM)));
    const { deps, queue } = harness();

    const result = await collectNews([{ url: `${server.url}/flaky` }], opts, deps);

    expect(server.requests).toHaveLength(2);
    expect(result.feeds[0]).toMatchObject({ status: 'new', sent: 2 });
    expect(queue.sent).toHaveLength(2);
  });

  it('fails a 404 at once, without retrying, and goes on to the next feed', async () => {
    server.answer((req) => (req.url === '/gone' ? { status: 404, body: 'Not Found' } : xml(ATOM)));
    const { deps } = harness();

    const result = await collectNews([{ url: `${server.url}/gone` }, { url: `${server.url}/atom` }], opts, deps);

    expect(requestsTo(server, '/gone')).toHaveLength(1);
    expect(result.feeds[0]).toMatchObject({
      status: 'failed',
      sent: 0,
      error: expect.stringMatching(new RegExp(`GET ${server.url}/gone answered 404`)),
    });
    expect(result.feeds[1]).toMatchObject({ status: 'new', sent: 2 });
  });

  it('fails a feed whose server drops the connection, after the configured tries', async () => {
    server.answer(() => ({ hangUp: true }));
    const { deps } = harness();

    const result = await collectNews([{ url: `${server.url}/down` }], opts, deps);

    expect(server.requests).toHaveLength(3);
    expect(result.feeds[0]).toMatchObject({ status: 'failed', error: expect.stringContaining(`GET ${server.url}/down failed`) });
  });

  it('dead-letters an item that breaks the post contract, with the reason, and only once', async () => {
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Portal Kosong</title><link>https://kosong.example/</link>
      <item><title>Berita lengkap</title><link>https://kosong.example/1</link><description>Isi.</description></item>
      <item><link>https://kosong.example/2</link><guid>https://kosong.example/2</guid><pubDate>Sun, 27 Dec 2026 07:00:00 +0700</pubDate></item>
    </channel></rss>`;
    server.answer(() => xml(body));
    const { deps, dead, sentIds } = harness();
    const feeds = [{ url: `${server.url}/kosong` }];

    const result = await collectNews(feeds, opts, deps);

    expect(sentIds()).toEqual(['https://kosong.example/1']);
    expect(result.feeds[0]).toMatchObject({ status: 'new', items: 2, sent: 1, rejected: 1 });
    expect(result.rejected).toEqual([{ id: 'https://kosong.example/2', reason: 'invalid post: text: must not be empty' }]);
    expect(dead).toEqual([
      expect.objectContaining({
        stage: 'collector',
        source: NEWS_COLLECTOR,
        postId: 'https://kosong.example/2',
        reason: 'invalid post: text: must not be empty',
      }),
    ]);
    expect(JSON.parse(dead[0]!.body)).toMatchObject({ id: 'https://kosong.example/2', text: '' });

    await collectNews(feeds, opts, deps);
    expect(dead).toHaveLength(1);
  });

  it('sends an article once when two Google News searches list it in the same run', async () => {
    server.answer(() => xml(GOOGLE));
    const { deps, queue, state } = harness();
    const feeds = [{ url: `${server.url}/rss/search?q=banjir` }, { url: `${server.url}/rss/search?q=genangan` }];

    const result = await collectNews(feeds, { ...opts, concurrency: 1 }, deps);

    expect(queue.sent).toHaveLength(2);
    expect(result.feeds.map((f) => [f.status, f.sent])).toEqual([
      ['new', 2],
      ['new', 0],
    ]);
    // the second search remembers them too, so its next run does not send them either
    expect(await state.get(NEWS_COLLECTOR, feedStateKey(feeds[1]!.url))).toMatchObject({
      seen: expect.arrayContaining(queue.sent.map((p) => JSON.parse(p.body).id)),
    });
  });

  it('saves nothing when the queue fails, so the next run sends the items again', async () => {
    server.answer(() => xml(ATOM, { etag: '"atom-1"' }));
    const { deps, queue, state } = harness();
    const feeds = [{ url: `${server.url}/atom` }];
    queue.failing = true;

    const failed = await collectNews(feeds, opts, deps);

    expect(failed.feeds[0]).toMatchObject({ status: 'failed', error: `${server.url}/atom: SQS unavailable` });
    expect(await state.get(NEWS_COLLECTOR, feedStateKey(feeds[0]!.url))).toBeUndefined();

    queue.failing = false;
    const retried = await collectNews(feeds, opts, deps);
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
    expect(retried.feeds[0]).toMatchObject({ status: 'new', sent: 2 });
  });

  it('treats a state it cannot read as no state: no conditional headers, every item sent', async () => {
    server.answer(() => xml(ATOM));
    const { deps, queue, state } = harness();
    const url = `${server.url}/atom`;
    await state.put(NEWS_COLLECTOR, feedStateKey(url), { url, etag: 42, seen: 'not a list' });

    const result = await collectNews([{ url }], opts, deps);

    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(result.feeds[0]).toMatchObject({ status: 'new', sent: 2 });
    expect(queue.sent).toHaveLength(2);
    expect(await state.get(NEWS_COLLECTOR, feedStateKey(url))).toEqual({
      url,
      seen: ['tag:catatanwarga.example,2026:entry-311', 'tag:catatanwarga.example,2026:entry-309'],
    });
  });

  it('remembers at most maxSeenPerFeed ids, those the feed lists now first', async () => {
    server.answer(() => xml(PORTAL));
    const { deps, state } = harness();
    const url = `${server.url}/portal`;
    await state.put(NEWS_COLLECTOR, feedStateKey(url), { url, seen: ['old-1', 'old-2', 'old-3'] });

    await collectNews([{ url }], { ...opts, maxSeenPerFeed: 5 }, deps);

    expect(await state.get(NEWS_COLLECTOR, feedStateKey(url))).toEqual({ url, seen: [...PORTAL_IDS, 'old-1'] });
  });
});

describe('newsFeeds', () => {
  const topics = [
    { name: 'banjir', label: 'Banjir', keywords: ['banjir', 'genangan air'] },
    { name: 'transjakarta', label: 'TransJakarta', keywords: ['transjakarta'] },
  ];

  it('lists the configured feeds, a Google News search per topic and the extra addresses, each once', () => {
    const config = parseConfig({
      topics,
      sources: { news: { feeds: [{ url: 'https://portal.example/rss', name: 'Portal' }], googleNewsWindow: '1h' } },
    });

    const feeds = newsFeeds(config, ['https://blog.example/atom', 'https://portal.example/rss']);

    expect(feeds.map((f) => f.url)).toEqual([
      'https://portal.example/rss',
      'https://news.google.com/rss/search?q=banjir%20OR%20%22genangan%20air%22%20when%3A1h&hl=id&gl=ID&ceid=ID:id',
      'https://news.google.com/rss/search?q=transjakarta%20when%3A1h&hl=id&gl=ID&ceid=ID:id',
      'https://blog.example/atom',
    ]);
    expect(feeds[0]).toEqual({ url: 'https://portal.example/rss', name: 'Portal' });
  });

  it('leaves Google News out when the config turns it off; Google News is on by default in a news section', () => {
    const off = parseConfig({ topics, sources: { news: { googleNews: false, feeds: [{ url: 'https://portal.example/rss' }] } } });
    expect(newsFeeds(off)).toEqual([{ url: 'https://portal.example/rss' }]);

    const defaults = parseConfig({ topics, sources: { news: {} } });
    expect(newsFeeds(defaults).map((f) => f.url)).toEqual([
      expect.stringContaining('when%3A1d'),
      expect.stringContaining('q=transjakarta'),
    ]);
  });

  it('a config without a news section lists no feed but the extra addresses', () => {
    expect(newsFeeds(parseConfig({ topics }), ['http://127.0.0.1:8080/feed.xml'])).toEqual([{ url: 'http://127.0.0.1:8080/feed.xml' }]);
  });
});
