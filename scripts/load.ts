/**
 * Load run of the embedded stack: replays a posts file through collectors → queue → classifier →
 * tables → alerts exactly as `pantau run` does (cli/replay.ts: startLocalStack on a fresh
 * data folder, startPipeline, one file collection, the enabled source collectors once, settle,
 * the resolution sweep at the replay's clock), and measures it.
 *
 *   npx tsx scripts/load.ts [--posts FILE.jsonl | --count N [--seed S]] [--config FILE]
 *                           [--json FILE] [--in-memory] [--keep] [--max-backlog N]
 *
 * Without --posts it writes N posts (default 10,000) with scripts/make-load.ts to the temporary
 * data folder first. The data folder is a fresh temporary one, removed at the end (--keep leaves
 * it); DynamoDB Local is stopped whatever happens, Ctrl-C included. --in-memory starts DynamoDB
 * Local with -inMemory (as the integration tests do) instead of on disk in the data folder (as
 * `pantau run` does), to compare the two. --max-backlog N (default 5,000, as `pantau run`) holds
 * the file collector back while N messages are queued; 0 queues the whole file at once.
 *
 * Reports on stdout (and as JSON with --json): lines, distinct posts, stored, DLQ, repeated
 * lines and duplicate deliveries absorbed, alerts, wall time and its phases, posts per second,
 * peak RSS of this process (which also hosts fauxqs) and of DynamoDB Local's Java process
 * (VmHWM), CPU used by each, and the DynamoDB requests per post, counted on the HTTP client's
 * diagnostics channel (node:diagnostics_channel `http.client.request.start`), so no pipeline code
 * is touched. Progress goes to stderr every few seconds.
 */
import { subscribe } from 'node:diagnostics_channel';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { wholeNumber } from './options';
import { loadConfig } from '../shared/config';
import { formatAccounting, type AccountingReport } from '../infra/local/books';
import { RunJournal } from '../infra/local/run-journal';
import { DEFAULT_MAX_BACKLOG, startPipeline, type LocalPipeline } from '../infra/local/pipeline';
import { startLocalStack, type LocalStack } from '../infra/local/stack';
import { listenForStop } from '../infra/local/stop-signals';
import { collectAll, finishReplay, settleUnlessStopped, startOfReplay } from '../cli/replay';
import { DEFAULT_SEED, describeLoad, writeLoadFile } from './make-load';
import { findJava, sampleProc, type ProcSample } from './proc';

const ROOT = resolve(__dirname, '..');
const PROGRESS_MS = 5_000;
const SAMPLE_MS = 250;

export interface LoadReport {
  readonly postsFile: string;
  readonly generated: boolean;
  readonly dynamoDb: 'disk' | 'in-memory';
  /** The file collector's backlog mark (0: it never waited). */
  readonly maxBacklog: number;
  readonly lines: number;
  readonly distinct: number;
  /** Lines of the posts file read, and items from the source collectors. */
  readonly read: number;
  readonly repeated: number;
  readonly stored: number;
  readonly dlq: number;
  readonly duplicatesAbsorbed: number;
  readonly addsUp: boolean;
  /** The books of the run (infra/local/books.ts, as `pantau check`). */
  readonly books: AccountingReport;
  readonly alerts: number;
  readonly collectorRuns: number;
  readonly seconds: { readonly wall: number; readonly startup: number; readonly collect: number; readonly pipeline: number };
  readonly postsPerSecond: number;
  readonly linesPerSecond: number;
  readonly peakRssMb: {
    readonly node: number;
    readonly nodeMaxRss: number;
    /** Over the whole run, the summary's Scan of the posts table included. */
    readonly java: number | null;
    /** Until the pipeline settled (before the summary's reads). */
    readonly javaUntilSettled: number | null;
  };
  readonly cpuPercent: { readonly node: number; readonly java: number | null };
  readonly dynamoDbRequests: {
    readonly total: number;
    /** Requests from the start of collection until the pipeline settled, per message handled. */
    readonly perPost: number;
    readonly byOperation: Record<string, number>;
  };
  readonly javaEnded: boolean | null;
  readonly node: string;
  readonly cores: number;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Counts HTTP requests per target (`DynamoDB_20120810.PutItem` → `PutItem`) for one endpoint. */
class RequestCounter {
  readonly byOperation = new Map<string, number>();
  total = 0;
  private hosts = new Set<string>();

  constructor() {
    subscribe('http.client.request.start', (message) => {
      if (this.hosts.size === 0) return;
      const request = (message as { request: ClientRequest }).request;
      const host = String(request.getHeader('host') ?? '');
      if (!this.hosts.has(host)) return;
      const target = String(request.getHeader('x-amz-target') ?? 'unknown');
      const op = target.slice(target.lastIndexOf('.') + 1);
      this.byOperation.set(op, (this.byOperation.get(op) ?? 0) + 1);
      this.total += 1;
    });
  }

  watch(endpoint: string): void {
    this.hosts.add(new URL(endpoint).host);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS of this process and of the Java process, sampled every SAMPLE_MS. */
class Sampler {
  nodePeak = process.memoryUsage().rss;
  javaPeakKb = 0;
  javaLast?: ProcSample;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly javaPid: number | undefined) {
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  sample(): void {
    this.nodePeak = Math.max(this.nodePeak, process.memoryUsage().rss);
    if (this.javaPid === undefined) return;
    const java = sampleProc(this.javaPid);
    if (!java) return;
    this.javaLast = java;
    this.javaPeakKb = Math.max(this.javaPeakKb, java.hwmKb, java.rssKb);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

// ---------------------------------------------------------------------------------------------
// The run

interface Options {
  readonly postsPath?: string;
  readonly count: number;
  readonly seed: number;
  readonly configPath: string;
  readonly jsonPath?: string;
  readonly inMemory: boolean;
  readonly keep: boolean;
  /** The file collector waits while this many messages are queued; 0 never waits. */
  readonly maxBacklog: number;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      posts: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      config: { type: 'string' },
      json: { type: 'string' },
      'in-memory': { type: 'boolean' },
      keep: { type: 'boolean' },
      'max-backlog': { type: 'string' },
    },
    strict: true,
  });
  if (values.posts !== undefined && values.count !== undefined) throw new Error('give --posts or --count, not both');
  const postsPath = values.posts === undefined ? undefined : resolve(values.posts);
  if (postsPath && !existsSync(postsPath)) throw new Error(`posts file not found: ${postsPath}`);
  return {
    postsPath,
    count: wholeNumber('count', values.count, 1) ?? 10_000,
    seed: wholeNumber('seed', values.seed, 1) ?? DEFAULT_SEED,
    configPath: resolve(values.config ?? join(ROOT, 'pantau.config.json')),
    jsonPath: values.json === undefined ? undefined : resolve(values.json),
    inMemory: values['in-memory'] === true,
    keep: values.keep === true,
    maxBacklog: wholeNumber('max-backlog', values['max-backlog'], 0) ?? DEFAULT_MAX_BACKLOG,
  };
}

/** Non-blank lines and distinct posts (source + id) of a posts file. */
function countPosts(path: string): { lines: number; distinct: number } {
  const keys = new Set<string>();
  let lines = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    lines += 1;
    try {
      const { source, id } = JSON.parse(line) as { source?: unknown; id?: unknown };
      keys.add(`${String(source)}#${String(id)}`);
    } catch {
      // an invalid line: the collector dead-letters it, and it is no post
    }
  }
  return { lines, distinct: keys.size };
}

const log = (text: string): void => {
  process.stderr.write(`load: ${text}\n`);
};
const mb = (bytes: number): number => Math.round(bytes / 1024 / 102.4) / 10;
const round1 = (n: number): number => Math.round(n * 10) / 10;

async function runLoad(opts: Options): Promise<LoadReport> {
  const t0 = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-load-'));
  const requests = new RequestCounter();
  let stack: LocalStack | undefined;
  let pipeline: LocalPipeline | undefined;
  let sampler: Sampler | undefined;
  let progress: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  // Ctrl-C ends the replay early; the report and the books still come (a second one ends at once).
  const stop = listenForStop({ what: 'the load run' });
  const cleanUp = (): void => {
    if (opts.keep) log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  };
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      clearInterval(progress);
      sampler?.stop();
      await pipeline?.stop();
      await stack?.stop();
      cleanUp();
    })());
  try {
    let postsPath = opts.postsPath;
    if (!postsPath) {
      postsPath = join(dataDir, `load-${opts.count}-${opts.seed}.jsonl`);
      log(`writing ${opts.count} posts (seed ${opts.seed}) to ${postsPath}`);
      const made = await writeLoadFile({ count: opts.count, seed: opts.seed, days: 4, configPath: opts.configPath }, postsPath);
      log(describeLoad(made).replace(/\n/g, '\nload:   '));
    }
    const { lines, distinct } = countPosts(postsPath);
    const config = loadConfig(opts.configPath);

    const tStack = Date.now();
    log(`starting the local stack (DynamoDB Local ${opts.inMemory ? 'in memory' : `on disk in ${dataDir}`} + fauxqs)`);
    stack = await startLocalStack({ dataDir: opts.inMemory ? undefined : dataDir, fresh: true, region: config.region });
    const port = Number(new URL(stack.dynamoDbLocalEndpoint).port);
    const javaPid = findJava(port);
    if (javaPid === undefined) log(`could not find DynamoDB Local's Java process on port ${port}: its memory is not reported`);
    requests.watch(stack.endpoints.dynamodb);
    sampler = new Sampler(javaPid);

    let alerts = 0;
    let linesRead = 0;
    const journal = new RunJournal(dataDir);
    journal.reset();
    pipeline = await startPipeline({
      stack,
      journal,
      maxBacklog: opts.maxBacklog,
      configPath: opts.configPath,
      postsPath,
      logLevel: 'SILENT',
      onPage: (p) => {
        linesRead = p.line;
      },
      onAlert: () => {
        alerts += 1;
      },
      ...(opts.inMemory ? {} : { dataDir }),
    });
    const live = pipeline;
    const start = await startOfReplay(stack, new Date(t0));
    const startupSeconds = (Date.now() - tStack) / 1000;

    // Progress: messages handled (stored or absorbed as duplicates), rates, memory, CPU.
    const tPipeline = Date.now();
    const requestsBefore = requests.total;
    const cpuBefore = process.cpuUsage();
    const javaCpuBefore = javaPid === undefined ? undefined : sampleProc(javaPid)?.cpuSeconds;
    let last = { at: tPipeline, handled: 0, node: cpuBefore, java: javaCpuBefore ?? 0 };
    progress = setInterval(() => {
      const now = Date.now();
      const handled = live.poller.stats.succeeded;
      const node = process.cpuUsage();
      const java = sampler?.javaLast?.cpuSeconds ?? 0;
      const dt = (now - last.at) / 1000;
      const nodeCpu = (node.user + node.system - last.node.user - last.node.system) / 1e6 / dt;
      log(
        `${handled}/${lines} classified (${linesRead} read), ${Math.round((handled - last.handled) / dt)}/s now, ` +
          `${Math.round(handled / ((now - tPipeline) / 1000))}/s overall; RSS node ${mb(process.memoryUsage().rss)} MB` +
          `${sampler?.javaLast ? `, java ${Math.round(sampler.javaLast.rssKb / 1024)} MB` : ''}; ` +
          `CPU node ${Math.round(nodeCpu * 100)}%${javaPid === undefined ? '' : `, java ${Math.round(((java - last.java) / dt) * 100)}%`}`,
      );
      last = { at: now, handled, node, java };
    }, PROGRESS_MS);

    // pantau run's replay: the file until read (a collector run lasts 15 minutes at most), the sources once.
    const { read, repeated, collectorRuns, fromSources } = await collectAll(live, { signal: stop.signal, log });
    const collectSeconds = (Date.now() - tPipeline) / 1000;
    log(`read ${read} lines in ${round1(collectSeconds)} s`);
    const interrupted = !(await settleUnlessStopped(live, stop.signal));
    const pipelineSeconds = (Date.now() - tPipeline) / 1000;
    const pipelineRequests = requests.total - requestsBefore;
    const cpuAfter = process.cpuUsage(cpuBefore);
    sampler.sample();
    const javaPeakPipeline = sampler.javaPeakKb;
    const javaCpuAfter = sampler.javaLast?.cpuSeconds;
    clearInterval(progress);
    const handled = live.poller.stats.succeeded;

    log('checking the books (a scan of the tables)');
    const { figures, deadLetters, duplicates, books } = await finishReplay({ stack, pipeline: live, journal, config }, start, interrupted);
    sampler.stop();
    const javaPeak = sampler.javaPeakKb;
    await shutdown();
    const javaEnded = javaPid === undefined ? null : !alive(javaPid);

    const nodeCpu = (cpuAfter.user + cpuAfter.system) / 1e6 / pipelineSeconds;
    const javaCpu = javaCpuBefore === undefined || javaCpuAfter === undefined ? null : (javaCpuAfter - javaCpuBefore) / pipelineSeconds;
    return {
      postsFile: postsPath,
      generated: opts.postsPath === undefined,
      dynamoDb: opts.inMemory ? 'in-memory' : 'disk',
      maxBacklog: opts.maxBacklog,
      lines,
      distinct,
      read: read + fromSources,
      repeated,
      stored: figures.stored,
      dlq: deadLetters.length,
      duplicatesAbsorbed: duplicates,
      addsUp: read + fromSources === figures.stored + repeated + deadLetters.length,
      books,
      alerts,
      collectorRuns,
      seconds: {
        wall: round1((Date.now() - t0) / 1000),
        startup: round1(startupSeconds),
        collect: round1(collectSeconds),
        pipeline: round1(pipelineSeconds),
      },
      postsPerSecond: round1(figures.stored / pipelineSeconds),
      linesPerSecond: round1(read / pipelineSeconds),
      peakRssMb: {
        node: mb(sampler.nodePeak),
        nodeMaxRss: mb(process.resourceUsage().maxRSS * 1024),
        java: javaPid === undefined ? null : Math.round(javaPeak / 102.4) / 10,
        javaUntilSettled: javaPid === undefined ? null : Math.round(javaPeakPipeline / 102.4) / 10,
      },
      cpuPercent: { node: Math.round(nodeCpu * 100), java: javaCpu === null ? null : Math.round(javaCpu * 100) },
      dynamoDbRequests: {
        total: requests.total,
        perPost: Math.round((pipelineRequests / Math.max(1, handled)) * 100) / 100,
        byOperation: Object.fromEntries([...requests.byOperation.entries()].sort((a, b) => b[1] - a[1])),
      },
      javaEnded,
      node: process.version,
      cores: (await import('node:os')).availableParallelism(),
    };
  } finally {
    stop.dispose();
    await shutdown();
  }
}

function formatReport(r: LoadReport): string {
  const row = (name: string, value: string | number): string => `  ${name.padEnd(26)} ${value}`;
  const ops = Object.entries(r.dynamoDbRequests.byOperation)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  return [
    '',
    `Pantau load run (DynamoDB Local ${r.dynamoDb}, Node ${r.node}, ${r.cores} cores)`,
    row('posts file', `${r.postsFile}${r.generated ? ' (generated)' : ''}`),
    row('lines', r.lines),
    row(
      'queue backlog mark',
      r.maxBacklog === 0 ? 'none (the whole file queued at once)' : `${r.maxBacklog} messages (the collector waits above it)`,
    ),
    row('distinct posts', r.distinct),
    row('stored', r.stored),
    row('DLQ', r.dlq),
    row('repeated lines', `${r.repeated} (same post as an earlier line)`),
    row('duplicates absorbed', `${r.duplicatesAbsorbed} deliveries of already-stored posts`),
    row('check', `read ${r.read} ${r.addsUp ? '=' : '!='} stored + repeated + DLQ${r.addsUp ? '' : '  <- MISMATCH'}`),
    row('alerts', r.alerts),
    formatAccounting(r.books),
    row(
      'wall time',
      `${r.seconds.wall} s (startup ${r.seconds.startup} s, pipeline ${r.seconds.pipeline} s, of which collecting ${r.seconds.collect} s)`,
    ),
    row('throughput', `${r.postsPerSecond} posts/s stored (${r.linesPerSecond} lines/s) over the pipeline time`),
    row('peak RSS node', `${r.peakRssMb.node} MB sampled, ${r.peakRssMb.nodeMaxRss} MB maxRSS (hosts fauxqs too)`),
    row(
      'peak RSS java',
      r.peakRssMb.java === null
        ? 'unknown'
        : `${r.peakRssMb.java} MB (VmHWM; ${r.peakRssMb.javaUntilSettled} MB until the pipeline settled)`,
    ),
    row('CPU (pipeline time)', `node ${r.cpuPercent.node}%, java ${r.cpuPercent.java ?? '?'}% (of one core)`),
    row('DynamoDB requests', `${r.dynamoDbRequests.total}; ${r.dynamoDbRequests.perPost} per message handled`),
    row('  by operation', ops),
    row('java ended', r.javaEnded === null ? 'unknown' : r.javaEnded ? 'yes' : 'NO'),
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const opts = readOptions(process.argv.slice(2));
  const report = await runLoad(opts);
  process.stdout.write(formatReport(report));
  if (opts.jsonPath) {
    writeFileSync(opts.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${opts.jsonPath}`);
  }
  return report.addsUp && report.books.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`load: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
