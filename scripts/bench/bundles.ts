/**
 * Lambda cost of start (`npm run bench`, part `bundles`): how big each function's deployment
 * bundle is and how long a fresh Node.js process takes to load it, next to an empty handler
 * bundled the same way.
 *
 *   npx tsx scripts/bench/bundles.ts [--runs N] [--budget SECONDS] [--out DIR]
 *
 * Bundles every `functions/<name>/handler.ts` with esbuild's API and the options CDK's
 * NodejsFunction passes for Pantau's functions (infra/aws/pantau-function.ts, read against
 * aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js): bundle, platform node, target node22, CJS,
 * minified, a linked source map without sources content, nothing external (the AWS SDK is
 * bundled) and esbuild's default main fields for node (CDK passes none). The baseline is an
 * empty handler (`export const handler = async () => ({})`) bundled the same way.
 *
 * Measured per bundle:
 * - size: bytes of `index.js` (rows in MB, 10^6 bytes), of `index.js.map`, and both deflated
 *   at level 9 (about what they weigh in the deployment zip);
 * - load: N fresh `node` processes (default 21) each `require` the bundle and exit. The child
 *   times the `require` itself (process.hrtime); the parent times spawn → exit, which is Node's
 *   start plus the require: the part of a cold start the bundle decides. Medians (and p10, p90)
 *   of each. The bundles are run round-robin (run 1 of every bundle, then run 2...; each round
 *   starting one bundle further on) after one untimed round, so the machine's noise falls on
 *   all of them alike.
 *
 * The children get the environment a Lambda would give them (AWS_REGION, TZ, the Powertools
 * variables, PANTAU_CONFIG at the repository's pantau.config.json, and NODE_OPTIONS
 * `--enable-source-maps` as the functions have): nothing else of this shell's environment but
 * PATH. Every handler wires its clients on the first invocation, so loading one needs no table
 * or queue. Lambda runs Node.js 22 on a fraction of a Graviton core (512 MB): its milliseconds
 * are larger than these, the ratios to the empty bundle are what carry over.
 *
 * Also kept in the detail: which packages and files make up the classifier's bundle (esbuild's
 * metafile, bytes each contributes to the output) and esbuild's warnings. Bundles are built in
 * a temporary folder, removed at the end (--out DIR builds in DIR instead and keeps it). The
 * part keeps to a time budget (default 90 s): on a slow or busy machine the load runs stop after
 * the last whole round that fits, 5 rounds at least, and the detail says how many ran.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { wholeNumber } from '../options';
import { deflateRawSync } from 'node:zlib';
import { build, version as esbuildVersion, type Metafile } from 'esbuild';
import type { BenchRow, PartResult } from './types';

const ROOT = resolve(__dirname, '..', '..');
const FUNCTIONS_DIR = join(ROOT, 'functions');
const CONFIG_PATH = join(ROOT, 'pantau.config.json');

export const DEFAULT_RUNS = 21;
export const DEFAULT_BUDGET_SECONDS = 90;
/** Rounds of load runs made whatever the budget. */
const MIN_RUNS = 5;
/** The function with targets, and the first in the table. */
export const CLASSIFIER = 'classifier';
/** The baseline bundle's name in the detail and the rows. */
export const EMPTY = 'empty handler';
/** The targets for the classifier. */
export const CLASSIFIER_MAX_MB = 1.5;
export const CLASSIFIER_MAX_LOAD_RATIO = 3;
/** Contributors of the classifier's bundle kept in the detail. */
const TOP_PACKAGES = 15;
const TOP_FILES = 15;

const EMPTY_HANDLER = 'export const handler = async () => ({});\n';

/**
 * The child each load run spawns: requires the bundle given as its argument, prints how long the
 * require took (ms), checks the module exports a `handler` function, and exits at once.
 */
const MEASURE_JS = `'use strict';
const t0 = process.hrtime.bigint();
const mod = require(process.argv[2]);
const t1 = process.hrtime.bigint();
if (typeof mod.handler !== 'function') {
  process.stderr.write('the bundle exports no handler function\\n');
  process.exit(2);
}
process.stdout.write(String(Number(t1 - t0) / 1e6));
process.exit(0);
`;

/** What a Lambda sets that loading a handler might read; PATH is added from this process. */
const LAMBDA_ENV: Readonly<Record<string, string>> = {
  AWS_REGION: 'ap-southeast-3',
  AWS_DEFAULT_REGION: 'ap-southeast-3',
  TZ: ':UTC',
  LANG: 'en_US.UTF-8',
  NODE_OPTIONS: '--enable-source-maps',
  POWERTOOLS_METRICS_NAMESPACE: 'Pantau',
  PANTAU_CONFIG: CONFIG_PATH,
};

export interface Summary {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

export interface BundleFigures {
  /** The function's folder under `functions/`, or `empty handler`. */
  readonly name: string;
  /** Bytes of `index.js`. */
  readonly bytes: number;
  /** Bytes of `index.js.map`. */
  readonly mapBytes: number;
  /** `index.js` deflated at level 9: about its weight in the deployment zip. */
  readonly zippedBytes: number;
  /** `index.js.map` deflated at level 9. */
  readonly zippedMapBytes: number;
  /** Spawn → exit of a `node` process that only requires the bundle (ms). */
  readonly loadMs: Summary;
  /** The `require` alone, timed inside that process (ms). */
  readonly requireMs: Summary;
  readonly runs: number;
  /** esbuild's warnings for this bundle. */
  readonly warnings: readonly string[];
}

export interface Contributor {
  /** A package under node_modules, or a folder of the project (`shared/classify`). */
  readonly name: string;
  /** Bytes it contributes to `index.js` (esbuild's bytesInOutput, minified). */
  readonly bytes: number;
  /** Of the whole `index.js`. */
  readonly share: number;
}

export interface BundlesDetail {
  readonly node: string;
  readonly esbuild: string;
  /** Load runs made per bundle: `runsPlanned`, or fewer when the time budget ran out. */
  readonly runs: number;
  readonly runsPlanned: number;
  /** The environment of the load runs (PATH left out). */
  readonly childEnv: Readonly<Record<string, string>>;
  readonly empty: BundleFigures;
  readonly functions: readonly BundleFigures[];
  /** What the classifier's bundle is made of, largest first. */
  readonly classifierContents: { readonly packages: readonly Contributor[]; readonly files: readonly Contributor[] };
  readonly seconds: number;
}

export interface BenchBundlesOptions {
  /** Load runs per bundle (default 21). */
  readonly runs?: number;
  /** Build the bundles in this folder and keep them (default: a temporary folder, removed at the end). */
  readonly outDir?: string;
  /**
   * The whole part's time budget (default 90 s): on a slow or busy machine the load runs stop
   * after the last round that fits (at least 5 rounds); `runs` in the detail says how many ran.
   */
  readonly budgetSeconds?: number;
  readonly log?: (line: string) => void;
}

/** The q-quantile (0..1) of the values, linear between the closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function summarise(values: readonly number[]): Summary {
  const r = (n: number): number => Math.round(n * 100) / 100;
  return {
    median: r(quantile(values, 0.5)),
    p10: r(quantile(values, 0.1)),
    p90: r(quantile(values, 0.9)),
    min: r(Math.min(...values)),
    max: r(Math.max(...values)),
  };
}

/**
 * The order of the load runs: `runs` rounds, each running every bundle once, round r starting
 * at the r-th bundle (so no bundle always follows the same one).
 */
export function roundRobin<T>(items: readonly T[], runs: number): T[][] {
  return Array.from({ length: runs }, (_, round) => items.map((_, i) => items[(i + round) % items.length]!));
}

/**
 * What an input of esbuild's metafile belongs to: the package for a file under node_modules
 * (the innermost one, `@scope/name` for scoped packages), else its project folder, two levels
 * deep (`shared/classify`), or the file itself at the top.
 */
export function contributorOf(input: string): string {
  const path = input.replace(/\\/g, '/');
  const at = path.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.length === 2 ? parts[0]! : path;
}

/** The bytes each input (and each package or folder) contributes to an output, largest first. */
export function contents(
  metafile: Metafile,
  output: string,
  top: { packages: number; files: number },
): { packages: Contributor[]; files: Contributor[] } {
  const inputs = metafile.outputs[output]?.inputs;
  if (!inputs) throw new Error(`no output ${output} in the metafile`);
  const total = metafile.outputs[output]!.bytes;
  const byPackage = new Map<string, number>();
  const files: [string, number][] = [];
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    files.push([path, bytesInOutput]);
    const name = contributorOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const list = (entries: Iterable<[string, number]>, n: number): Contributor[] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, bytes]) => ({ name, bytes, share: Math.round((bytes / total) * 1000) / 1000 }));
  return { packages: list(byPackage, top.packages), files: list(files, top.files) };
}

/** The function folders that have a `handler.ts`, the classifier first, then by name. */
export function functionNames(dir: string = FUNCTIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && statSafe(join(dir, entry.name, 'handler.ts')))
    .map((entry) => entry.name)
    .sort((a, b) => (a === CLASSIFIER ? -1 : b === CLASSIFIER ? 1 : a.localeCompare(b)));
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface Built {
  readonly name: string;
  readonly js: string;
  readonly bytes: number;
  readonly mapBytes: number;
  readonly zippedBytes: number;
  readonly zippedMapBytes: number;
  readonly metafile: Metafile;
  readonly outputKey: string;
  readonly warnings: readonly string[];
}

/** One bundle, built as NodejsFunction builds Pantau's functions (infra/aws/pantau-function.ts). */
async function bundle(name: string, entry: string, outDir: string): Promise<Built> {
  const dir = join(outDir, name.replace(/\s+/g, '-'));
  mkdirSync(dir, { recursive: true });
  const js = join(dir, 'index.js');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: js,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    // CDK's `--sourcemap` (linked: index.js.map next to index.js, named in a comment) and `--sources-content=false`.
    sourcemap: 'linked',
    sourcesContent: false,
    external: [],
    metafile: true,
    logLevel: 'silent',
  });
  const code = readFileSync(js);
  const map = readFileSync(`${js}.map`);
  const outputKey = Object.keys(result.metafile.outputs).find((key) => key.endsWith('index.js'));
  if (!outputKey) throw new Error(`${name}: esbuild wrote no index.js`);
  return {
    name,
    js,
    bytes: code.length,
    mapBytes: map.length,
    zippedBytes: deflateRawSync(code, { level: 9 }).length,
    zippedMapBytes: deflateRawSync(map, { level: 9 }).length,
    metafile: result.metafile,
    outputKey,
    warnings: result.warnings.map((w) => (w.location ? `${w.text} (${w.location.file}:${w.location.line})` : w.text)),
  };
}

interface Sample {
  readonly loadMs: number;
  readonly requireMs: number;
}

/** One fresh `node` that requires the bundle and exits: spawn → exit in the parent, the require in the child. */
function loadOnce(measureJs: string, built: Built, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [measureJs, built.js], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    let loadMs = NaN;
    child.on('error', reject);
    // 'exit' when the process is gone (the figure), 'close' once its output is read too.
    child.on('exit', () => (loadMs = performance.now() - start));
    child.on('close', (code, signal) => {
      const requireMs = Number(out);
      if (code !== 0 || out.trim() === '' || !Number.isFinite(requireMs)) {
        reject(new Error(`${built.name}: loading the bundle failed (exit ${code ?? signal}): ${err.trim() || out.trim()}`));
      } else resolvePromise({ loadMs, requireMs });
    });
  });
}

const mb = (bytes: number): number => Math.round(bytes / 100) / 10_000;
const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

export async function benchBundles(opts: BenchBundlesOptions = {}): Promise<PartResult<BundlesDetail>> {
  const runs = opts.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a whole number >= 1, got ${runs}`);
  const budgetSeconds = opts.budgetSeconds ?? DEFAULT_BUDGET_SECONDS;
  const log = opts.log ?? ((): void => undefined);
  const started = performance.now();
  const outDir = opts.outDir ? resolve(opts.outDir) : mkdtempSync(join(tmpdir(), 'pantau-bundles-'));
  try {
    mkdirSync(outDir, { recursive: true });
    const emptyEntry = join(outDir, 'empty-handler.ts');
    writeFileSync(emptyEntry, EMPTY_HANDLER);
    const measureJs = join(outDir, 'measure-load.js');
    writeFileSync(measureJs, MEASURE_JS);

    const names = functionNames();
    // Side by side: esbuild's one service process spreads them over the cores.
    const [empty, ...built] = await Promise.all([
      bundle(EMPTY, emptyEntry, outDir),
      ...names.map((name) => bundle(name, join(FUNCTIONS_DIR, name, 'handler.ts'), outDir)),
    ]);
    const all = [empty, ...built];
    log(`built ${built.length} function bundles and the empty one (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    for (const b of all) for (const warning of b.warnings) log(`esbuild warning in ${b.name}: ${warning}`);

    const baseEnv: NodeJS.ProcessEnv = { ...LAMBDA_ENV, PATH: process.env.PATH ?? '' };
    const envOf = (b: Built): NodeJS.ProcessEnv =>
      b === empty ? baseEnv : { ...baseEnv, POWERTOOLS_SERVICE_NAME: b.name, AWS_LAMBDA_FUNCTION_NAME: `pantau-${b.name}` };
    const samples = new Map<Built, Sample[]>(all.map((b) => [b, []]));
    // One untimed round first: the files into the page cache, node's binary warm.
    for (const b of all) await loadOnce(measureJs, b, envOf(b));
    const rounds = roundRobin(all, runs);
    const loadStarted = performance.now();
    let done = 0;
    for (const round of rounds) {
      for (const b of round) samples.get(b)!.push(await loadOnce(measureJs, b, envOf(b)));
      done += 1;
      const seconds = (performance.now() - started) / 1000;
      const roundSeconds = (performance.now() - loadStarted) / 1000 / done;
      if (done < runs && done >= MIN_RUNS && seconds + roundSeconds > budgetSeconds) {
        log(`load runs: stopping after ${done} of ${runs} rounds, the next would pass the ${budgetSeconds} s budget`);
        break;
      }
      if (done % 5 === 0 || done === runs) log(`load runs: round ${done}/${runs} (${seconds.toFixed(1)} s)`);
    }

    const figures = (b: Built): BundleFigures => {
      const s = samples.get(b)!;
      return {
        name: b.name,
        bytes: b.bytes,
        mapBytes: b.mapBytes,
        zippedBytes: b.zippedBytes,
        zippedMapBytes: b.zippedMapBytes,
        loadMs: summarise(s.map((x) => x.loadMs)),
        requireMs: summarise(s.map((x) => x.requireMs)),
        runs: s.length,
        warnings: b.warnings,
      };
    };
    const emptyFigures = figures(empty);
    const functions = built.map(figures);
    const classifier = built.find((b) => b.name === CLASSIFIER);
    const detail: BundlesDetail = {
      node: process.version,
      esbuild: esbuildVersion,
      runs: done,
      runsPlanned: runs,
      childEnv: { ...LAMBDA_ENV, POWERTOOLS_SERVICE_NAME: '<function>', AWS_LAMBDA_FUNCTION_NAME: 'pantau-<function>' },
      empty: emptyFigures,
      functions,
      classifierContents: classifier
        ? contents(classifier.metafile, classifier.outputKey, { packages: TOP_PACKAGES, files: TOP_FILES })
        : { packages: [], files: [] },
      seconds: round((performance.now() - started) / 1000, 1),
    };
    log(`done in ${detail.seconds} s`);
    return { rows: bundleRows(emptyFigures, functions), detail };
  } finally {
    if (!opts.outDir) rmSync(outDir, { recursive: true, force: true });
  }
}

/** The table: a size row and a load row per function, then the classifier's require alone. */
export function bundleRows(empty: BundleFigures, functions: readonly BundleFigures[]): BenchRow[] {
  const part = 'bundles';
  const sizes = functions.map((f): BenchRow => {
    const value = mb(f.bytes);
    return {
      part,
      figure: `${f.name} bundle size`,
      value,
      unit: 'MB',
      baseline: { name: `${EMPTY} bundle`, value: mb(empty.bytes) },
      ratio: round(f.bytes / empty.bytes, 1),
      ...(f.name === CLASSIFIER ? { target: { text: `≤ ${CLASSIFIER_MAX_MB} MB`, met: f.bytes / 1e6 <= CLASSIFIER_MAX_MB } } : {}),
    };
  });
  const loads = functions.map((f): BenchRow => {
    const ratio = round(f.loadMs.median / empty.loadMs.median, 2);
    return {
      part,
      figure: `${f.name} spawn → loaded (median)`,
      value: round(f.loadMs.median, 1),
      unit: 'ms',
      baseline: { name: `${EMPTY} bundle`, value: round(empty.loadMs.median, 1) },
      ratio,
      ...(f.name === CLASSIFIER
        ? { target: { text: `≤ ${CLASSIFIER_MAX_LOAD_RATIO}× the empty bundle`, met: ratio <= CLASSIFIER_MAX_LOAD_RATIO } }
        : {}),
    };
  });
  const classifier = functions.find((f) => f.name === CLASSIFIER);
  const requireRow: BenchRow[] = classifier
    ? [{ part, figure: `${CLASSIFIER} require alone (median)`, value: round(classifier.requireMs.median, 1), unit: 'ms' }]
    : [];
  return [...sizes, ...loads, ...requireRow];
}

/** The rows as a plain text table. */
export function formatRows(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.figure,
    `${r.value} ${r.unit}`,
    r.baseline ? `${r.baseline.value} ${r.unit}` : '',
    r.ratio === undefined ? '' : `${r.ratio}×`,
    r.target ? `${r.target.text} ${r.target.met ? 'met' : 'NOT MET'}` : '',
  ]);
  const header = ['figure', 'value', 'baseline (empty)', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string =>
    c
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { runs: { type: 'string' }, out: { type: 'string' }, budget: { type: 'string' } },
    strict: true,
  });
  const runs = wholeNumber('runs', values.runs, 1) ?? DEFAULT_RUNS;
  const budgetSeconds = values.budget === undefined ? DEFAULT_BUDGET_SECONDS : Number(values.budget);
  if (!(budgetSeconds > 0)) throw new Error(`--budget must be a number of seconds > 0, got "${values.budget}"`);
  const result = await benchBundles({ runs, outDir: values.out, budgetSeconds, log: (line) => process.stderr.write(`bundles: ${line}\n`) });
  process.stdout.write(`${formatRows(result.rows)}\n\n${JSON.stringify(result.detail, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`bundles: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
