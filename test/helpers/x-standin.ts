/**
 * A stand-in for X's recent search on a real loopback HTTP server: it holds posts and pages
 * through them as X does (newest first, since_id / until_id / start_time, max_results,
 * next_token, meta.newest_id / oldest_id), answering in X's v2 shape. Tests add posts between
 * runs and make chosen requests fail with X's own error answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import type { XSearchRequest } from '../../shared/sources/x';
import { startTestServer, type Answer, type SeenRequest, type TestServer } from './http-server';

const FIXTURES = join(__dirname, '..', 'fixtures', 'x');

interface Fixture {
  data: TweetV2[];
  includes: { users: UserV2[]; tweets: TweetV2[] };
}

export const searchFixture = (): Fixture => JSON.parse(readFileSync(join(FIXTURES, 'recent-search.json'), 'utf8')) as Fixture;
const errorFixtures = JSON.parse(readFileSync(join(FIXTURES, 'errors.json'), 'utf8')) as Record<
  string,
  { headers: Record<string, string>; body: unknown }
>;

/** X's error answer for `status` (429 with its rate-limit headers, 401, 403, 503), from the fixtures. */
export function xError(status: 429 | 401 | 403 | 503): Answer {
  const fixture = errorFixtures[String(status)];
  if (!fixture) throw new Error(`no fixture for ${status}`);
  return { status, headers: fixture.headers, body: JSON.stringify(fixture.body) };
}

/** One request the stand-in received: the search as the collector asked for it, and what came with it. */
export interface SearchCall extends Omit<XSearchRequest, 'withOriginals'> {
  readonly expansions: string;
  readonly authorization?: string;
}

export interface XStandIn {
  readonly url: string;
  readonly calls: SearchCall[];
  /** Adds posts (any order); `n` generated ones by a fixture author when given a number. */
  add(tweets: readonly TweetV2[]): void;
  generate(n: number, from: { idBase: bigint; at: number }): TweetV2[];
  /** The `call`th search (1-based, counting every request) gets this answer instead. */
  failOn(call: number, answer: Answer): void;
  close(): Promise<void>;
}

export async function startXStandIn(opts: { withFixture?: boolean } = {}): Promise<XStandIn> {
  const fixture = searchFixture();
  const tweets: TweetV2[] = opts.withFixture === false ? [] : [...fixture.data];
  const users = fixture.includes.users;
  const originals = fixture.includes.tweets;
  const calls: SearchCall[] = [];
  const failures = new Map<number, Answer>();

  const answer = (req: SeenRequest): Answer => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/2/tweets/search/recent') return { status: 404, body: '{"title":"Not Found"}' };
    const p = url.searchParams;
    const call: SearchCall = {
      query: p.get('query') ?? '',
      maxResults: Number(p.get('max_results') ?? 10),
      sinceId: p.get('since_id') ?? undefined,
      untilId: p.get('until_id') ?? undefined,
      startTime: p.get('start_time') ?? undefined,
      nextToken: p.get('next_token') ?? undefined,
      expansions: p.get('expansions') ?? '',
      authorization: req.headers.authorization,
    };
    calls.push(call);
    const failure = failures.get(calls.length);
    if (failure) return failure;
    if (call.maxResults < 10 || call.maxResults > 100) return { status: 400, body: '{"title":"Invalid Request"}' };

    const matching = tweets
      .filter((t) => (call.sinceId ? BigInt(t.id) > BigInt(call.sinceId) : true))
      .filter((t) => (call.untilId ? BigInt(t.id) < BigInt(call.untilId) : true))
      .filter((t) => (call.startTime ? Date.parse(t.created_at ?? '') >= Date.parse(call.startTime) : true))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const offset = call.nextToken ? Number(call.nextToken.replace(/^page-/, '')) : 0;
    const page = matching.slice(offset, offset + call.maxResults);
    const more = offset + call.maxResults < matching.length;
    const authors = new Set(page.map((t) => t.author_id));
    const body: Record<string, unknown> = {
      meta: {
        result_count: page.length,
        ...(page.length > 0 ? { newest_id: page[0]?.id, oldest_id: page[page.length - 1]?.id } : {}),
        ...(more ? { next_token: `page-${offset + call.maxResults}` } : {}),
      },
    };
    if (page.length > 0) {
      body.data = page;
      const referenced = new Set(page.flatMap((t) => (t.referenced_tweets ?? []).map((r) => r.id)));
      body.includes = {
        users: users.filter((u) => authors.has(u.id)),
        ...(call.expansions.includes('referenced_tweets.id') ? { tweets: originals.filter((t) => referenced.has(t.id)) } : {}),
      };
    }
    return {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '449' },
      body: JSON.stringify(body),
    };
  };

  const server: TestServer = await startTestServer(answer);
  return {
    url: server.url,
    calls,
    add: (more) => tweets.push(...more),
    generate(n, from) {
      const author = users[0] as UserV2;
      return Array.from({ length: n }, (_, i) => ({
        id: String(from.idBase + BigInt(i)),
        text: `Genangan di ruas jalan nomor ${i} belum surut, mohon dicek petugas`,
        created_at: new Date(from.at + i * 1000).toISOString(),
        lang: 'in',
        author_id: author.id,
        edit_history_tweet_ids: [String(from.idBase + BigInt(i))],
        public_metrics: { retweet_count: 0, reply_count: 0, like_count: i, quote_count: 0, bookmark_count: 0, impression_count: 10 * i },
      }));
    },
    failOn: (call, failure) => failures.set(call, failure),
    close: () => server.close(),
  };
}
