/**
 * The console's API over the demo day, on DynamoDB Local: the demo day replayed through the real
 * pipeline, then every route asked through the same app the Lambda and the local server serve.
 */
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import type { Hono } from 'hono';
import { consoleStores } from '../../shared/adapters/console-store';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import { DynamoTopicStore } from '../../shared/adapters/topic-store';
import { alertEpisodes, DynamoCounters, DynamoPostStore } from '../../shared/adapters/dynamodb';
import { sendDailyDigest } from '../../shared/pipeline/daily-digest';
import { LiveTopics } from '../../shared/classify/live-topics';
import { makeClassifier } from '../../shared/classify';
import { loadConfig } from '../../shared/config';
import { consoleApp, type Identity } from '../../shared/console/app';
import type {
  AlertSummary,
  ApiError,
  ClaimImportResult,
  ClaimView,
  EpisodeView,
  Me,
  Overview,
  Page,
  PostView,
  TopicList,
  TopicView,
} from '../../shared/console/contract';
import { makeHandler as makeClassifierHandler } from '../../functions/classifier/handler';
import { handler as consoleHandler } from '../../functions/console-api/handler';
import { startConsoleServer } from '../../infra/local/console-server';
import { startPipeline, type LocalPipeline } from '../../infra/local/pipeline';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost } from '../helpers/posts';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

const CONFIG_PATH = resolve(__dirname, '../../pantau.config.json');
const DEMO = resolve(__dirname, '../../demo/jakarta-day.jsonl');
const config = loadConfig(CONFIG_PATH);

const OFFICER: Identity = { user: 'rina@humas.jakarta.go.id', groups: ['officers'] };
const READER: Identity = { user: 'budi@humas.jakarta.go.id', groups: ['readers'] };

let stack: TestStack;
let pipeline: LocalPipeline;
let app: Hono;

/** Asks the app as `who` (the header only picks one of the identities above). */
async function ask<T>(path: string, init: RequestInit & { who?: Identity | null } = {}): Promise<{ status: number; body: T }> {
  const { who = OFFICER, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (who) headers.set('x-test-user', who.user);
  const res = await app.request(`/api${path}`, { ...rest, headers });
  return { status: res.status, body: (await res.json()) as T };
}

const JSON_BODY = { 'content-type': 'application/json' };
const NDJSON_BODY = { 'content-type': 'application/x-ndjson' };

const post = <T>(path: string, body: unknown, who: Identity = OFFICER) =>
  ask<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, who });

beforeAll(async () => {
  stack = await testStack('console');
  pipeline = await startPipeline({ stack, configPath: CONFIG_PATH, postsPath: DEMO });
  for (;;) {
    const run = await pipeline.collect();
    if (run.done) break;
  }
  await pipeline.settle();
  const identities = new Map([OFFICER, READER].map((i) => [i.user, i]));
  app = consoleApp({
    ...consoleStores(stack.clients.doc, stack.resources.tables, config),
    identify: (c) => identities.get(c.req.header('x-test-user') ?? ''),
    officersGroup: 'officers',
  }) as unknown as Hono;
}, 240_000);

afterAll(async () => {
  await pipeline?.stop();
  await stack?.stop();
});

describe('reading', () => {
  test('me: the signed-in user, whether they may respond, and the configured assignees', async () => {
    const officer = await ask<Me>('/me');
    expect(officer.status).toBe(200);
    expect(officer.body).toMatchObject({ user: OFFICER.user, canRespond: true, language: 'id', timezone: 'Asia/Jakarta' });
    expect(officer.body.assignees).toEqual(config.console.assignees);
    expect((await ask<Me>('/me', { who: READER })).body.canRespond).toBe(false);
    expect((await ask<ApiError>('/me', { who: null })).status).toBe(401);
  });

  test('overview: each watch topic over the demo day in 5-minute buckets, and the open flood and hoax episodes', async () => {
    const { status, body } = await ask<Overview>('/overview');
    expect(status).toBe(200);
    expect(body.bucketMinutes).toBe(5);
    // The demo day is in the past: the span ends with its last counted bucket, not now.
    expect(Date.parse(body.asOf)).toBeLessThan(Date.now() - 24 * 3600_000);
    expect(Date.parse(body.asOf) - Date.parse(body.from)).toBe(24 * 3600_000);
    expect(body.topics.map((t) => t.name)).toEqual(config.topics.map((t) => t.name));
    const banjir = body.topics.find((t) => t.name === 'banjir');
    expect(banjir?.buckets).toHaveLength(288);
    expect(banjir?.totals.total).toBe(banjir?.buckets.reduce((n, b) => n + b.total, 0));
    expect(banjir?.totals.negative).toBeGreaterThan(50);
    expect(banjir?.totals.hoax).toBeGreaterThan(0);
    const open = body.open.map((a) => `${a.kind}:${a.topic}`);
    expect(open).toEqual(expect.arrayContaining(['spike:banjir', 'hoax:banjir']));
    expect(body.open.every((a) => a.state === 'open')).toBe(true);
    // Most severe first.
    expect(body.open.map((a) => a.severity)).toEqual([...body.open.map((a) => a.severity)].sort((a, b) => b - a));
  });

  test('alerts: every episode once across pages, newest first, each with its response state', async () => {
    const seen: AlertSummary[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await ask<Page<AlertSummary>>(`/alerts?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(1);
      seen.push(...body.items);
      cursor = body.next;
      pages += 1;
    } while (cursor && pages < 50);
    const all = await ask<Page<AlertSummary>>('/alerts?limit=100');
    expect(all.body.next).toBeUndefined();
    expect(seen.map((a) => a.alertId)).toEqual(all.body.items.map((a) => a.alertId));
    expect(new Set(seen.map((a) => a.alertId)).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(pages).toBeGreaterThan(1);
    const times = seen.map((a) => a.firedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(seen.every((a) => a.response.state === 'new')).toBe(true);

    const spikes = await ask<Page<AlertSummary>>('/alerts?kind=spike&topic=banjir');
    expect(spikes.body.items.length).toBeGreaterThan(0);
    expect(spikes.body.items.every((a) => a.kind === 'spike' && a.topic === 'banjir')).toBe(true);
    const open = await ask<Page<AlertSummary>>('/alerts?state=open');
    expect(open.body.items.every((a) => a.state === 'open')).toBe(true);
  });

  test('an episode: its revisions, the timeline around it, the negative posts behind it, places and accounts', async () => {
    const episode = await episodeOf('spike', 'banjir');
    expect(episode.alert.kind).toBe('spike');
    expect(episode.revisions.map((r) => r.revision)).toEqual(episode.revisions.map((_, i) => i + 1));
    expect(episode.revisions[episode.revisions.length - 1]?.severity).toBe(episode.alert.severity);
    const negatives = episode.timeline.buckets.reduce((n, b) => n + b.negative, 0);
    expect(negatives).toBeGreaterThanOrEqual(episode.alert.observed);
    expect(episode.posts.items).toHaveLength(20);
    for (const p of episode.posts.items) {
      expect(p.sentiment.label).toBe('negative');
      expect(p.topics).toContain('banjir');
    }
    expect(episode.places.cities.length).toBeGreaterThan(0);
    expect(episode.spreaders.length).toBeGreaterThan(0);
    expect(episode.response).toEqual({ state: 'new', events: [] });

    // The next page goes on where the first ended, with the same filter.
    expect(episode.posts.next).toBeDefined();
    const more = await ask<Page<PostView>>(`/alerts/${encodeURIComponent(episode.alert.alertId)}/posts?cursor=${episode.posts.next}`);
    expect(more.status).toBe(200);
    expect(more.body.items.length).toBeGreaterThan(0);
    const firstKeys = new Set(episode.posts.items.map((p) => p.postKey));
    expect(more.body.items.some((p) => firstKeys.has(p.postKey))).toBe(false);
    expect(more.body.items.every((p) => p.sentiment.label === 'negative')).toBe(true);
  });

  test('a hoax episode: the debunked claim with its fact-check link, the hoax-like posts, the accounts spreading it', async () => {
    const episode = await episodeOf('hoax', 'banjir');
    expect(episode.claim?.source).toMatch(/^https:\/\//);
    expect(episode.posts.items.length).toBeGreaterThan(0);
    for (const p of episode.posts.items) {
      expect(['medium', 'high'].includes(p.hoax.level) || p.claimId === episode.claim?.id).toBe(true);
    }
    expect(episode.spreaders.length).toBeGreaterThanOrEqual(episode.alert.observed);
    expect(episode.spreaders.every((s) => s.posts >= 1 && s.firstAt <= s.lastAt)).toBe(true);
    const indicators = episode.posts.items.flatMap((p) => p.hoax.indicators);
    expect(indicators.some((i) => i.evidence.length > 0)).toBe(true);
  });

  test('posts: by topic and time, filtered by sentiment, hoax level, place and words, in pages', async () => {
    const negative = await ask<Page<PostView>>('/posts?topic=banjir&sentiment=negative&limit=10');
    expect(negative.status).toBe(200);
    expect(negative.body.items).toHaveLength(10);
    expect(negative.body.items.every((p) => p.sentiment.label === 'negative' && p.topics.includes('banjir'))).toBe(true);
    const city = negative.body.items.flatMap((p) => p.cities)[0] as string;
    const inCity = await ask<Page<PostView>>(`/posts?topic=banjir&place=${encodeURIComponent(city.toLowerCase())}`);
    expect(inCity.body.items.length).toBeGreaterThan(0);
    expect(
      inCity.body.items.every((p) => p.cities.includes(city) || p.places.some((n) => n.toLowerCase().includes(city.toLowerCase()))),
    ).toBe(true);
    const hoaxLike = await ask<Page<PostView>>('/posts?topic=banjir&hoax=hoax-like');
    expect(hoaxLike.body.items.every((p) => p.hoax.level === 'medium' || p.hoax.level === 'high')).toBe(true);
    const word = await ask<Page<PostView>>('/posts?topic=banjir&q=BANJIR');
    expect(word.body.items.every((p) => p.text.toLowerCase().includes('banjir'))).toBe(true);

    const page1 = await ask<Page<PostView>>('/posts?topic=banjir&limit=5');
    const page2 = await ask<Page<PostView>>(`/posts?topic=banjir&limit=5&cursor=${page1.body.next}`);
    expect(page2.body.items).toHaveLength(5);
    expect(page2.body.items[0]!.createdAt <= page1.body.items[4]!.createdAt).toBe(true);
    expect(page2.body.items.some((p) => page1.body.items.some((q) => q.postKey === p.postKey))).toBe(false);
  });

  test('claims: the seed list and the store, in pages', async () => {
    const first = await ask<Page<ClaimView>>('/claims?limit=5');
    expect(first.body.items).toHaveLength(5);
    expect(first.body.items.every((c) => c.origin === 'seed' && /^https?:\/\//.test(c.source))).toBe(true);
    const second = await ask<Page<ClaimView>>(`/claims?limit=5&cursor=${first.body.next}`);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
  });
});

describe('bad requests name the field', () => {
  test.each([
    ['/overview?hours=abc', 'hours'],
    ['/overview?hours=500', 'hours'],
    ['/alerts?state=burning', 'state'],
    ['/alerts?kind=rumour', 'kind'],
    ['/alerts?limit=0', 'limit'],
    ['/alerts?cursor=not-a-cursor', 'cursor'],
    ['/posts', 'topic'],
    ['/posts?topic=banjir&sentiment=angry', 'sentiment'],
    ['/posts?topic=banjir&hoax=maybe', 'hoax'],
    ['/posts?topic=banjir&from=yesterday', 'from'],
    ['/posts?topic=banjir&from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z', 'from'],
  ])('GET %s → 400 naming %s', async (path, field) => {
    const { status, body } = await ask<ApiError>(path);
    expect(status).toBe(400);
    expect(body.field).toBe(field);
    expect(body.error).toMatch(new RegExp(field));
  });

  test('writes with a bad body → 400 naming the field; unknown episodes and topics → 404', async () => {
    const episode = await episodeOf('spike', 'banjir');
    const id = encodeURIComponent(episode.alert.alertId);
    expect((await post<ApiError>(`/alerts/${id}/response`, { action: 'fly' })).body.field).toBe('action');
    const badAssignee = await post<ApiError>(`/alerts/${id}/response`, { action: 'assign', assignee: 'Dinas Antah Berantah' });
    expect(badAssignee).toMatchObject({ status: 400, body: { field: 'assignee' } });
    expect((await post<ApiError>(`/alerts/${id}/response`, { action: 'note' })).body.field).toBe('note');
    expect((await post<ApiError>('/alerts/spike%3Anope/response', { action: 'acknowledge' })).status).toBe(404);
    const noKeywords = await post<ApiError>('/topics', { name: 'kebakaran', label: 'Kebakaran', keywords: [] });
    expect(noKeywords).toMatchObject({ status: 400, body: { field: 'keywords' } });
    const badName = await post<ApiError>('/topics', { name: 'Kebakaran Glodok', label: 'Kebakaran', keywords: ['kebakaran'] });
    expect(badName).toMatchObject({ status: 400, body: { field: 'name' } });
    const notJson = await ask<ApiError>('/topics', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } });
    expect(notJson).toMatchObject({ status: 400, body: { field: 'body' } });
    expect((await ask<ApiError>('/topics/nope', { method: 'PUT', body: '{}', headers: JSON_BODY })).status).toBe(400);
    expect((await post<ApiError>('/topics/nope/disable', {})).status).toBe(404);
  });
});

describe("writing takes the officers' group", () => {
  test('a reader is refused every write (403) and nothing changes', async () => {
    const episode = await episodeOf('hoax', 'banjir');
    const id = encodeURIComponent(episode.alert.alertId);
    const refused = [
      await post<ApiError>(`/alerts/${id}/response`, { action: 'acknowledge' }, READER),
      await post<ApiError>('/topics', { name: 'pembaca', label: 'Pembaca', keywords: ['pembaca'] }, READER),
      await post<ApiError>('/topics/banjir/disable', {}, READER),
      await ask<ApiError>('/claims', { method: 'POST', body: '{}', who: READER, headers: NDJSON_BODY }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body.error).toMatch(/officers/);
    }
    expect((await episodeOf('hoax', 'banjir')).response.events).toEqual([]);
    expect((await ask<TopicList>('/topics')).body.items.map((t) => t.name)).not.toContain('pembaca');
  });
});

describe('the response to an episode', () => {
  test('acknowledge, assign, note and handled are stored with who and when, seen by everyone, and told by the next message', async () => {
    const episode = await episodeOf('spike', 'banjir');
    const id = encodeURIComponent(episode.alert.alertId);
    const assignee = config.console.assignees[2] as string;
    const ack = await post<EpisodeView['response']>(`/alerts/${id}/response`, { action: 'acknowledge' });
    expect(ack).toMatchObject({ status: 200, body: { state: 'acknowledged', by: OFFICER.user } });
    const assigned = await post<EpisodeView['response']>(`/alerts/${id}/response`, { action: 'assign', assignee, note: 'cek pompa' });
    expect(assigned.body).toMatchObject({ state: 'assigned', assignee });
    await post(`/alerts/${id}/response`, { action: 'note', note: 'Pompa Kemang sudah jalan' });

    // A reader sees the same log.
    const seen = await ask<EpisodeView>(`/alerts/${id}`, { who: READER });
    expect(seen.body.response).toMatchObject({ state: 'assigned', assignee, by: OFFICER.user });
    expect(seen.body.response.events.map((e) => e.action)).toEqual(['acknowledge', 'assign', 'note']);
    expect(seen.body.response.events.every((e) => e.by === OFFICER.user && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(seen.body.response.events[2]?.note).toBe('Pompa Kemang sudah jalan');
    const listed = await ask<Page<AlertSummary>>('/alerts?kind=spike&topic=banjir&limit=100');
    expect(listed.body.items.find((a) => a.alertId === episode.alert.alertId)?.response).toMatchObject({ state: 'assigned', assignee });

    // The episode record hands the next message who is handling it.
    const episodes = alertEpisodes(stack.clients.doc, stack.resources.tables.alerts, stack.resources.tables.state, config);
    expect((await episodes.get(episode.alert.alertId))?.handling).toMatchObject({ state: 'assigned', assignee, by: OFFICER.user });

    const handled = await post<EpisodeView['response']>(`/alerts/${id}/response`, { action: 'handled' });
    expect(handled.body).toMatchObject({ state: 'handled', assignee });
    const reopened = await post<EpisodeView['response']>(`/alerts/${id}/response`, { action: 'reopen' });
    expect(reopened.body.state).toBe('assigned');
    expect((await post<ApiError>(`/alerts/${id}/response`, { action: 'reopen' })).body.field).toBe('action');
  });
});

describe('watch topics', () => {
  test('added, edited, disabled and enabled with who and when; a second add of the same name is refused', async () => {
    const topic = { name: 'kebakaran-glodok', label: 'Kebakaran Glodok', keywords: ['kebakaran glodok', 'glodok terbakar'] };
    const added = await post<TopicView>('/topics', topic);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...topic, origin: 'console', disabled: false, updatedBy: OFFICER.user, all: [], exclude: [] });
    expect((await post<ApiError>('/topics', topic)).status).toBe(409);

    const edited = await ask<TopicView>('/topics/kebakaran-glodok', {
      method: 'PUT',
      body: JSON.stringify({ ...topic, keywords: [...topic.keywords, 'api glodok'] }),
      headers: JSON_BODY,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.keywords).toContain('api glodok');
    expect((await post<TopicView>('/topics/kebakaran-glodok/disable', {})).body.disabled).toBe(true);
    expect((await post<TopicView>('/topics/kebakaran-glodok/enable', {})).body.disabled).toBe(false);

    const list = await ask<TopicList>('/topics');
    expect(list.body.items.find((t) => t.name === 'kebakaran-glodok')).toMatchObject({ origin: 'console', disabled: false });
    expect(list.body.items.find((t) => t.name === 'banjir')?.origin).toBe('config');
    const changes = list.body.changes.filter((c) => c.topic === 'kebakaran-glodok');
    expect(changes.map((c) => c.action)).toEqual(['enable', 'disable', 'edit', 'add']);
    expect(changes.find((c) => c.action === 'edit')?.changed).toEqual(['keywords']);
    expect(changes.every((c) => c.by === OFFICER.user)).toBe(true);
    // The overview charts the new topic too.
    expect((await ask<Overview>('/overview')).body.topics.map((t) => t.name)).toContain('kebakaran-glodok');
  });

  test('a topic added in the console reaches a running classifier; disabling it takes it away again', async () => {
    await post('/topics', { name: 'banjir-rob-muara', label: 'Rob Muara Angke', keywords: ['rob muara angke'] });
    const topics = new LiveTopics(config.topics, new DynamoTopicStore(stack.clients.doc, stack.resources.tables.state), Date.now, 0);
    const posts = new DynamoPostStore(stack.clients.doc, stack.resources.tables.posts);
    const classifier = makeClassifierHandler({
      config,
      classify: makeClassifier(topics),
      topics,
      posts,
      counters: { noteDuplicates: async () => undefined },
      deadLetters: { send: async () => undefined },
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'Test' }),
      now: Date.now,
    });
    const send = async (id: string) => {
      const body = JSON.stringify(makePost({ id, text: 'Rob Muara Angke naik lagi, jalan ke pelabuhan tergenang' }));
      const event = { Records: [{ messageId: id, body, attributes: { ApproximateReceiveCount: '1' } }] } as unknown as SQSEvent;
      const out = await classifier(event, {} as never);
      expect(out.batchItemFailures).toEqual([]);
      return (await posts.get([`file#${id}`]))[0];
    };
    expect((await send('console-topic-1'))?.topics).toContain('banjir-rob-muara');
    await post('/topics/banjir-rob-muara/disable', {});
    expect((await send('console-topic-2'))?.topics).not.toContain('banjir-rob-muara');
  });
  test("the daily digest counts the console's topics too, and leaves out a disabled one", async () => {
    await post('/topics', { name: 'genangan-digest', label: 'Genangan (digest)', keywords: ['genangan digest'] });
    await post('/topics/genangan-digest/disable', {});
    await post('/topics', { name: 'pohon-digest', label: 'Pohon tumbang (digest)', keywords: ['pohon tumbang digest'] });
    const topics = new LiveTopics(config.topics, new DynamoTopicStore(stack.clients.doc, stack.resources.tables.state), Date.now, 0);
    const digest = await sendDailyDigest(Date.parse('2026-11-27T00:00:00Z'), {
      config,
      counters: new DynamoCounters(stack.clients.doc, stack.resources.tables.state),
      episodes: alertEpisodes(stack.clients.doc, stack.resources.tables.alerts, stack.resources.tables.state, config),
      publisher: { publish: async () => undefined },
      topics,
    });
    const named = digest?.digest?.topics.map((t) => t.topic) ?? [];
    expect(named).toEqual(expect.arrayContaining(['banjir', 'pohon-digest']));
    expect(named).not.toContain('genangan-digest');
    expect(digest?.digest?.topics.find((t) => t.topic === 'pohon-digest')?.label).toBe('Pohon tumbang (digest)');
  });
});

describe('claims import', () => {
  test('the valid lines are imported and each bad one is named by line, as pantau claims import does', async () => {
    const good = {
      id: 'tim-001',
      text: 'Pintu air Manggarai jebol malam ini, warga Jakarta Selatan diminta mengungsi',
      rating: 'salah',
      source: 'https://turnbackhoax.id/contoh-manggarai',
    };
    const body = `${JSON.stringify(good)}\n${JSON.stringify({ id: 'tim-002', text: 'pendek', rating: 'salah', source: 'x' })}\n`;
    const res = await ask<ClaimImportResult>('/claims', { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' } });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(1);
    expect(res.body.rejected).toHaveLength(1);
    expect(res.body.rejected[0]).toMatch(/^line 2: .*text must be at least 10 characters.*source must be an http/);
    const listed = await ask<Page<ClaimView>>('/claims?limit=100');
    expect(listed.body.items[0]).toMatchObject({ id: 'tim-001', origin: 'store' });

    const allBad = await ask<ClaimImportResult>('/claims', { method: 'POST', body: 'not json\n', headers: NDJSON_BODY });
    expect(allBad.status).toBe(400);
    expect(allBad.body.rejected[0]).toMatch(/^line 1: not JSON/);
    expect((await ask<ApiError>('/claims', { method: 'POST', body: '  ', headers: NDJSON_BODY })).body.field).toBe('body');
  });
});

describe('claims list', () => {
  test('the store a page at a time, then the seed list; a stored claim with a seed id replaces it, once', async () => {
    const seedId = SEED_CLAIMS[0]!.id;
    const lines = [seedId, 'tim-101', 'tim-102']
      .map((id) =>
        JSON.stringify({
          id,
          text: `Klaim ${id} tentang pintu air yang katanya jebol`,
          rating: 'salah',
          source: 'https://turnbackhoax.id/x',
        }),
      )
      .join('\n');
    expect((await ask<ClaimImportResult>('/claims', { method: 'POST', body: lines, headers: NDJSON_BODY })).body.imported).toBe(3);
    const seen: ClaimView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ask<Page<ClaimView>>(`/claims?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.next;
      pages += 1;
    } while (cursor && pages < 500);
    const ids = seen.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.filter((c) => c.id === seedId)).toEqual([expect.objectContaining({ origin: 'store' })]);
    expect(seen.filter((c) => c.origin === 'seed')).toHaveLength(SEED_CLAIMS.length - 1);
    const firstSeed = seen.findIndex((c) => c.origin === 'seed');
    expect(seen.slice(firstSeed).every((c) => c.origin === 'seed')).toBe(true);
  });
});

describe('the local console server', () => {
  test('listens on loopback only, answers the API with security headers', async () => {
    const server = await startConsoleServer({ doc: stack.clients.doc, tables: stack.resources.tables, config, port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/me`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as Me).canRespond).toBe(true);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      // A name pointed at 127.0.0.1 by someone else's page (DNS rebinding) is not this server's.
      const rebound = await new Promise<number>((done, fail) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: server.port, path: '/api/me', headers: { host: `attacker.example:${server.port}` } },
          (r) => {
            r.resume();
            done(r.statusCode ?? 0);
          },
        );
        req.on('error', fail);
        req.end();
      });
      expect(rebound).toBe(421);
      // A write another site's page could send without asking first (text/plain) is refused.
      const plain = await fetch(`${server.url}/api/topics`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ name: 'csrf-topic', label: 'CSRF', keywords: ['csrf'] }),
      });
      expect(plain.status).toBe(415);
      // Not on the machine's other addresses: nothing listens there on the console's port.
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
        .map((a) => a!.address);
      for (const address of others) {
        await expect(fetch(`http://${address}:${server.port}/api/me`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
      }
    } finally {
      await server.close();
    }
  });
});

async function episodeOf(kind: string, topic: string): Promise<EpisodeView> {
  const list = await ask<Page<AlertSummary>>(`/alerts?kind=${kind}&topic=${topic}&limit=100`);
  const first = list.body.items[list.body.items.length - 1];
  if (!first) throw new Error(`the demo day raised no ${kind} episode on ${topic}`);
  const { status, body } = await ask<EpisodeView>(`/alerts/${encodeURIComponent(first.alertId)}`);
  expect(status).toBe(200);
  return body;
}

describe('the API Lambda behind API Gateway', () => {
  /** An HTTP API (payload 2.0) event as API Gateway sends it once the JWT authorizer has checked the token. */
  const event = (method: string, path: string, claims: Record<string, unknown>, body?: string) => ({
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.ap-southeast-3.amazonaws.com', ...(body ? { 'content-type': 'application/json' } : {}) },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-southeast-3.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'test' },
      requestId: 'r-1',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '07/Dec/2026:10:00:00 +0000',
      timeEpoch: 1_796_032_800_000,
      authorizer: { jwt: { claims, scopes: null } },
    },
    ...(body ? { body, isBase64Encoded: false } : { isBase64Encoded: false }),
  });
  // HTTP APIs hand the Cognito groups over as one string.
  const reader = { sub: 'u-2', email: 'budi@humas.jakarta.go.id', 'cognito:groups': '[readers]' };
  const officer = { sub: 'u-1', email: 'rina@humas.jakarta.go.id', 'cognito:groups': '[officers readers]' };

  test("who asks comes from the token's claims: readers read, only officers write, others nothing", async () => {
    const call = async (method: string, path: string, claims: Record<string, unknown>, body?: string) => {
      const res = (await consoleHandler(event(method, path, claims, body) as never, {} as never)) as { statusCode: number; body: string };
      return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
    };
    expect(await call('GET', '/api/me', reader)).toMatchObject({ status: 200, body: { user: reader.email, canRespond: false } });
    expect(await call('GET', '/api/me', officer)).toMatchObject({ status: 200, body: { canRespond: true } });
    const refused = await call('POST', '/api/topics', reader, JSON.stringify({ name: 'x-topic', label: 'X', keywords: ['xx'] }));
    expect(refused.status).toBe(403);
    const outsider = await call('GET', '/api/overview', { sub: 'u-3', email: 'tamu@example.com' });
    expect(outsider.status).toBe(403);
    expect(String(outsider.body.error)).toMatch(/neither console group/);
    expect((await call('GET', '/api/overview', reader)).status).toBe(200);
  });
});
