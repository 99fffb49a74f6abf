// The console page (web/): it builds, stays small, loads nothing from other hosts, takes only
// types from the API's contract (no zod in the page), and type-checks under its own tsconfig
// (web/tsconfig.json: the DOM's types, which the root tsconfig leaves out). Then the charts'
// columns (web/src/series.ts, the page's one DOM-free module of arithmetic).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BucketPoint, Revision } from '../../shared/console/contract';
import { buildPage, type PageBuild } from '../../web/build';
import { bucketData, regroup, seconds, timelineData } from '../../web/src/series';

const ROOT = resolve(__dirname, '../..');
let dir: string;
let page: PageBuild;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pantau-page-'));
  page = await buildPage(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('writes index.html, one script and one stylesheet, and nothing else but their source maps', async () => {
  const names = await readdir(dir);
  expect(names.sort()).toEqual(page.files);
  expect(names.filter((n) => n.endsWith('.js'))).toHaveLength(1);
  expect(names.filter((n) => n.endsWith('.css'))).toHaveLength(1);
  expect(names).toContain('index.html');
});

it('keeps the JavaScript within 250 KB gzipped', () => {
  expect(page.jsBytes).toBeGreaterThan(10_000);
  expect(page.jsGzipBytes).toBeLessThanOrEqual(250 * 1024);
});

it('refers only to its own files: no script, style or link from another host', async () => {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1] ?? '');
  expect(refs.filter((ref) => /^(https?:)?\/\//i.test(ref))).toEqual([]);
  // Its script and stylesheet, and the empty icon that spares a request for /favicon.ico.
  const local = refs.filter((ref) => !ref.startsWith('data:'));
  expect(local.map((ref) => ref.replace(/^\.\//, '')).sort()).toEqual(page.files.filter((f) => /\.(js|css)$/.test(f)).sort());
  const css = await readFile(join(dir, page.files.find((f) => f.endsWith('.css')) ?? ''), 'utf8');
  expect(css).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
});

it('bundles Preact, htm and uPlot, and from the contract nothing at all (types only: no zod, no config)', () => {
  const packages = page.inputs
    .filter((p) => p.includes('node_modules/'))
    .map((p) => p.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1'));
  expect([...new Set(packages)].sort()).toEqual(['htm', 'preact', 'uplot']);
  // Of the rest of Pantau, only the indicators' names (data, no imports).
  expect(page.inputs.filter((p) => !p.includes('node_modules/') && !p.startsWith('web/'))).toEqual(['shared/alerts/indicator-names.ts']);
});

it('type-checks under web/tsconfig.json (strict, with the DOM)', () => {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'web', '--noEmit'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});

describe("the charts' columns", () => {
  const at = (hhmm: string) => `2026-11-26T${hhmm}:00.000Z`;
  const bucket = (hhmm: string, total: number, negative = 0, hoax = 0): BucketPoint => ({ t: at(hhmm), total, negative, hoax });
  const revision = (n: number, fired: string, windowStart: string, observed: number, expected: number): Revision => ({
    revision: n,
    severity: 2 * n + 2,
    firedAt: at(fired),
    observed,
    expected,
    ratio: observed / expected,
    windowStart: at(windowStart),
    windowEnd: at(fired),
  });

  it('gives a topic its times in seconds, then total, negative and hoax-like', () => {
    expect(bucketData([bucket('08:00', 5, 2, 1), bucket('08:05', 7, 3, 0)])).toEqual([
      [seconds(at('08:00')), seconds(at('08:05'))],
      [5, 7],
      [2, 3],
      [1, 0],
    ]);
  });

  it('adds consecutive buckets together down to at most the points asked for, each group at its first time', () => {
    const day = Array.from({ length: 288 }, (_, i) => ({
      t: new Date(Date.parse(at('00:00')) + i * 300_000).toISOString(),
      total: 2,
      negative: 1,
      hoax: i === 5 ? 1 : 0,
    }));
    const grouped = regroup(day, 5, 96);
    expect(grouped.minutes).toBe(15);
    expect(grouped.buckets).toHaveLength(96);
    expect(grouped.buckets[0]).toEqual({ t: at('00:00'), total: 6, negative: 3, hoax: 0 });
    expect(grouped.buckets[1]).toEqual({ t: at('00:15'), total: 6, negative: 3, hoax: 1 });
    expect(grouped.buckets.reduce((n, b) => n + b.total, 0)).toBe(576);
    const few = day.slice(0, 12);
    expect(regroup(few, 5, 96)).toEqual({ buckets: few, minutes: 5 });
  });

  it("puts the revisions among the buckets: observed at each, the expected level of the latest one fired, from the first one's window on", () => {
    const buckets = [bucket('06:55', 1), bucket('07:00', 2), bucket('07:05', 9), bucket('07:10', 12)];
    const revisions = [revision(1, '07:07', '06:57', 15, 3), revision(2, '07:10', '07:00', 24, 3.2)];
    const [xs, total, negative, hoax, expected, observed] = timelineData(buckets, revisions);
    expect(xs).toEqual(['06:55', '07:00', '07:05', '07:07', '07:10'].map((t) => seconds(at(t))));
    expect(total).toEqual([1, 2, 9, null, 12]);
    expect(negative).toEqual([0, 0, 0, null, 0]);
    expect(hoax).toEqual([0, 0, 0, null, 0]);
    expect(expected).toEqual([null, 3, 3, 3, 3.2]);
    expect(observed).toEqual([null, null, null, 15, 24]);
  });
});
