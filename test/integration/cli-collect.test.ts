/**
 * `pantau collect` and `pantau run` with source collectors, as a user runs them: child processes
 * reading real HTTP sources on loopback (feeds, a stand-in for X's recent search, Google's
 * claims:search answered from fixtures).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseClaimLine } from '../../shared/claims/parse';
import { parsePost } from '../../shared/post';
import { startTestServer, type Answer, type TestServer } from '../helpers/http-server';
import { startXStandIn, type XStandIn } from '../helpers/x-standin';
import { writeJson } from '../infra/fixtures';

const ROOT = resolve(__dirname, '../..');
const PANTAU = join(ROOT, 'bin', 'pantau.js');
const fixture = (folder: string, name: string): string => readFileSync(join(ROOT, 'test', 'fixtures', folder, name), 'utf8');
const FEED_MODIFIED = 'Sat, 05 Dec 2026 02:00:00 GMT';

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs pantau without blocking this process, so the servers below can answer it. */
function pantau(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [PANTAU, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
  });
}

const lines = (out: string): string[] => out.split('\n').filter((l) => l.trim() !== '');

let web: TestServer;
let x: XStandIn;
let work: string;
let config: string;

beforeAll(async () => {
  web = await startTestServer((req): Answer => {
    if (req.url === '/feed.xml') {
      // A portal that honours If-Modified-Since, as most do.
      if (req.headers['if-modified-since'] === FEED_MODIFIED) return { status: 304 };
      return {
        status: 200,
        headers: { 'content-type': 'application/rss+xml', 'last-modified': FEED_MODIFIED },
        body: fixture('feeds', 'portal-rss.xml'),
      };
    }
    if (req.url === '/atom.xml')
      return { status: 200, headers: { 'content-type': 'application/atom+xml' }, body: fixture('feeds', 'atom.xml') };
    if (req.url === '/gone.xml')
      // A portal's own error page, as a web server sends it.
      return {
        status: 404,
        headers: { 'content-type': 'text/html' },
        body: '<!DOCTYPE html><html><head><title>404 Not Found</title><style>body{color:red}</style></head><body><h1>Halaman tidak ditemukan</h1></body></html>',
      };
    if (req.url.startsWith('/v1alpha1/claims:search'))
      return { status: 200, headers: { 'content-type': 'application/json' }, body: fixture('factchecks', 'air.json') };
    return { status: 404, body: 'not here' };
  });
  x = await startXStandIn();
  work = mkdtempSync(join(tmpdir(), 'pantau-collect-'));
  config = writeJson(work, 'pantau.config.json', {
    topics: [{ name: 'banjir', label: 'Banjir dan genangan', keywords: ['banjir', 'genangan'], query: 'banjir jakarta' }],
    sources: { x: { backfillMinutes: 7 * 24 * 60 } },
  });
});

afterAll(async () => {
  await web?.close();
  await x?.close();
});

test('collect news --feed: prints the items as posts; the next run prints none; --dry-run prints them all again and moves nothing', async () => {
  const data = join(work, 'news-data');
  const feed = `${web.url}/feed.xml`;
  const args = ['collect', 'news', '--feed', feed, '--config', config, '--data', data];

  const first = await pantau(args);
  expect(first.status).toBe(0);
  const posts = lines(first.stdout).map(parsePost);
  expect(posts.length).toBeGreaterThanOrEqual(3);
  for (const p of posts) expect(p.ok).toBe(true);
  expect(first.stderr).toContain(`${feed}: new`);

  const second = await pantau(args);
  expect(second.status).toBe(0);
  expect(lines(second.stdout)).toEqual([]);
  expect(second.stderr).toContain(`${feed}: unchanged`);

  const dry = await pantau([...args, '--dry-run']);
  expect(dry.stderr).toMatch(/dry run: the checkpoint is neither read nor moved/);
  expect(lines(dry.stdout).map((l) => JSON.parse(l).id)).toEqual(lines(first.stdout).map((l) => JSON.parse(l).id));

  const after = await pantau(args);
  expect(lines(after.stdout)).toEqual([]);
}, 60_000);

test('collect news: a broken feed next to a good one is reported and exits 1, the good one still printed', async () => {
  const res = await pantau([
    'collect',
    'news',
    '--feed',
    `${web.url}/missing.xml`,
    '--feed',
    `${web.url}/atom.xml`,
    '--config',
    config,
    '--data',
    join(work, 'broken'),
  ]);
  expect(res.status).toBe(1);
  expect(res.stderr).toMatch(/missing\.xml: failed: GET .* answered 404/);
  expect(lines(res.stdout).length).toBeGreaterThan(0);
}, 60_000);

test('collect news: a feed answering 404 with an HTML page is reported once, with its status and address, without markup', async () => {
  const gone = `${web.url}/gone.xml`;
  const res = await pantau(['collect', 'news', '--feed', gone, '--config', config, '--data', join(work, 'gone')]);
  expect(res.status).toBe(1);
  const mentions = lines(res.stderr).filter((l) => l.includes('gone.xml'));
  expect(mentions).toHaveLength(1);
  expect(mentions[0]).toMatch(/gone\.xml: failed: GET .*gone\.xml answered 404/);
  expect(mentions[0]).not.toMatch(/[<>]|DOCTYPE|color:red/);
  expect(mentions[0]!.length).toBeLessThan(300);
}, 60_000);

test('collect x: prints new posts once; without a token it says which variable to set', async () => {
  const data = join(work, 'x-data');
  const env = { X_BEARER_TOKEN: 'local-token', X_API_BASE_URL: x.url };
  const first = await pantau(['collect', 'x', '--config', config, '--data', data], env);
  expect(first.status).toBe(0);
  expect(lines(first.stdout).map((l) => JSON.parse(l).id)).toHaveLength(5);
  expect(first.stderr).toMatch(/6 posts read, 5 printed, 1 reposts left out; stopped: done; 6 of today's 10000 reads spent/);
  const second = await pantau(['collect', 'x', '--config', config, '--data', data], env);
  expect(lines(second.stdout)).toEqual([]);

  const noToken = await pantau(['collect', 'x', '--config', config, '--data', data], { X_BEARER_TOKEN: '', X_API_BASE_URL: x.url });
  expect(noToken.status).toBe(1);
  expect(noToken.stderr).toMatch(/X_BEARER_TOKEN/);
}, 60_000);

test('collect factchecks: prints new debunks in the claims import format, once', async () => {
  const data = join(work, 'fc-data');
  const env = { FACTCHECK_API_KEY: 'local-key', FACTCHECK_API_BASE_URL: web.url };
  const first = await pantau(['collect', 'factchecks', '--config', config, '--data', data], env);
  expect(first.status).toBe(0);
  const claims = lines(first.stdout).map((l, i) => parseClaimLine(l, i + 1));
  expect(claims.length).toBeGreaterThan(0);
  for (const c of claims) expect(c?.ok).toBe(true);
  expect(first.stderr).not.toContain('local-key');
  const second = await pantau(['collect', 'factchecks', '--config', config, '--data', data], env);
  expect(lines(second.stdout)).toEqual([]);
}, 60_000);

test('pantau run with the news source enabled: its posts flow through the pipeline and the counts add up', async () => {
  const withNews = writeJson(work, 'news.config.json', {
    topics: [{ name: 'banjir', label: 'Banjir dan genangan', keywords: ['banjir', 'genangan'] }],
    sources: {
      file: { path: join(ROOT, 'test', 'fixtures', 'mixed.jsonl') },
      news: { enabled: true, googleNews: false, feeds: [{ url: `${web.url}/atom.xml` }] },
    },
  });
  const out = join(work, 'run-out');
  const res = await pantau(['run', '--config', withNews, '--data', join(work, 'run-data'), '--out', out]);
  expect(res.status).toBe(0);
  expect(res.stderr).toMatch(/news: (\d+) new items from 1 feeds/);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const fromNews = Number(/news: (\d+) new items/.exec(res.stderr)?.[1]);
  expect(fromNews).toBeGreaterThan(0);
  expect(summary).toMatchObject({ fromSources: fromNews, read: 12, stored: 8 + fromNews, addsUp: true });
}, 120_000);
