// The console page (web/): it builds, stays small, loads nothing from other hosts, takes only
// types from the API's contract (no zod in the page), and type-checks under its own tsconfig
// (web/tsconfig.json: the DOM's types, which the root tsconfig leaves out).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPage, type PageBuild } from '../../web/build';

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
  expect(page.inputs.filter((p) => !p.includes('node_modules/') && !p.startsWith('web/'))).toEqual([]);
});

it('type-checks under web/tsconfig.json (strict, with the DOM)', () => {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'web', '--noEmit'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});
