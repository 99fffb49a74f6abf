/**
 * `npm run bench`: Pantau's speed and cost, each figure next to a baseline measured in the same
 * process or run (these machines are shared and noisy: ratios hold, absolute figures drift).
 *
 *   1. classify  — full classification on one core vs bare AFINN `sentiment.analyze`;
 *   2. bundles   — each function's esbuild bundle (as CDK deploys it): size and time to load in a
 *                  fresh Node process, vs an empty handler's bundle;
 *   3. pipeline  — the embedded stack end to end (classifier and aggregator, DynamoDB's transaction
 *                  conflicts on): posts/s queue → stored and latency percentiles, post → alert
 *                  message through the aggregator's windows, vs raw BatchWriteItem into the same
 *                  DynamoDB Local; DynamoDB requests and capacity per post (ReturnConsumedCapacity);
 *   4. console   — the console's API on the demo day as `npm start` serves it: overview, episode
 *                  and alerts routes over HTTP, latency percentiles vs one plain DynamoDB Query
 *                  of a topic's counters; the page's JavaScript gzipped;
 *   5. cost      — AWS cost per million posts in ap-southeast-3 from the measured units and the
 *                  price table (bench/prices.json), each table at its class, vs Amazon Comprehend
 *                  sentiment on the same texts.
 *
 * Writes bench/results.json (every figure, with the detail behind it) and prints the table.
 *
 *   npm run bench [-- --parts classify,bundles,pipeline,console] [--rounds N] [--runs N] [--burst POSTS] [--requests N] [--out FILE]
 *
 * `cost` needs `pipeline`'s measured units and runs whenever `pipeline` does.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { wholeNumber } from '../options';
import { benchBundles } from './bundles';
import { benchClassify } from './classify';
import { POSTS_TABLE_CLASS, costPerMillionPosts, comprehendCostPerMillionPosts, costRows, loadPrices } from './cost';
import { benchPipeline } from './pipeline';
import { benchConsole } from './console';
import { percentile } from './stats';
import { markdownTable } from './table';
import type { BenchRow } from './types';

const ROOT = resolve(__dirname, '..', '..');
const PARTS = ['classify', 'bundles', 'pipeline', 'console'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  readonly parts: readonly Part[];
  readonly rounds?: number;
  readonly runs?: number;
  readonly burstPosts?: number;
  readonly requests?: number;
  readonly out: string;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      parts: { type: 'string' },
      rounds: { type: 'string' },
      runs: { type: 'string' },
      burst: { type: 'string' },
      requests: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const parts = (values.parts ?? PARTS.join(',')).split(',').map((p) => p.trim());
  for (const p of parts)
    if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--parts: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
  return {
    parts: parts as Part[],
    rounds: wholeNumber('rounds', values.rounds, 1),
    runs: wholeNumber('runs', values.runs, 5),
    burstPosts: wholeNumber('burst', values.burst, 100),
    requests: wholeNumber('requests', values.requests, 20),
    out: resolve(values.out ?? resolve(ROOT, 'bench', 'results.json')),
  };
}

async function main(): Promise<void> {
  const opts = readOptions(process.argv.slice(2));
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const started = performance.now();
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
  };
  const rows: BenchRow[] = [];
  const parts: Record<string, unknown> = {};
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    seconds[name] = Number(((performance.now() - t) / 1000).toFixed(1));
    log(`${name}: done in ${seconds[name]} s`);
    return result;
  };

  // The CPU-bound part first, while nothing else of the benchmark runs.
  if (opts.parts.includes('classify')) {
    const r = await timed('classify', () => benchClassify({ rounds: opts.rounds, log }));
    rows.push(...r.rows);
    parts.classify = r.detail;
  }
  if (opts.parts.includes('bundles')) {
    const r = await timed('bundles', () => benchBundles({ runs: opts.runs, log }));
    rows.push(...r.rows);
    parts.bundles = r.detail;
  }
  if (opts.parts.includes('pipeline')) {
    const prices = loadPrices();
    const r = await timed('pipeline', () => benchPipeline({ burstPosts: opts.burstPosts, log }));
    rows.push(...r.rows);
    const { textLengths, ...pipeline } = r.detail;
    parts.pipeline = {
      ...pipeline,
      textChars: { posts: textLengths.length, p50: percentile(textLengths, 50), p99: percentile(textLengths, 99) },
    };
    rows.push(...costRows(r.detail.units, textLengths, prices));
    parts.cost = {
      prices: { region: prices.region, retrieved: prices.retrieved },
      pantau: costPerMillionPosts(r.detail.units, prices),
      // The same units with the posts table in the other class: what the class choice is worth.
      postsTableInOtherClass: costPerMillionPosts(r.detail.units, prices, POSTS_TABLE_CLASS === 'Standard-IA' ? 'Standard' : 'Standard-IA')
        .totalUsd,
      comprehend: comprehendCostPerMillionPosts(textLengths, prices),
    };
  }

  if (opts.parts.includes('console')) {
    const r = await timed('console', () => benchConsole({ requests: opts.requests, log }));
    rows.push(...r.rows);
    parts.console = r.detail;
  }

  const targets = rows.filter((r) => r.target);
  const results = {
    ranAt: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))) },
    seconds: { ...seconds, total: Number(((performance.now() - started) / 1000).toFixed(1)) },
    targets: { met: targets.filter((r) => r.target?.met).length, of: targets.length },
    rows,
    parts,
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);

  process.stdout.write(`${markdownTable(rows)}\n\n`);
  process.stdout.write(
    `targets met: ${results.targets.met} of ${results.targets.of}; ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; ` +
      `took ${results.seconds.total} s; written to ${opts.out}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
