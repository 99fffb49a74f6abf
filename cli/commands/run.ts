/**
 * `pantau run`: the main job on the embedded local stack. Replays a posts file through collectors
 * → queue → classifier → tables → alerts exactly as deployed, shows progress, prints each alert as
 * it fires, and at the end a summary and the books — also when Ctrl-C stops it, or ends `--follow`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { alertText } from '../../shared/alerts/format';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import { loadConfig, type Config } from '../../shared/config';
import { formatAccounting } from '../../infra/local/books';
import { RunJournal } from '../../infra/local/run-journal';
import { REPLAY_AGGREGATOR_TIMING, startPipeline, type LocalCollector, type LocalPipeline } from '../../infra/local/pipeline';
import { runOnSchedule } from '../../infra/local/scheduler';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { listenForStop, signalExitCode, type StopSignals } from '../../infra/local/stop-signals';
import {
  CONFIG_OPTION,
  DATA_OPTION,
  REPO_ROOT,
  configPathOf,
  dataDirOf,
  dataFlag,
  readableFile,
  stringOf,
  UsageError,
  type Command,
  type Values,
} from '../args';
import { Progress } from '../progress';
import { servingConsole } from '../console-page';
import { portOf } from './console';
import {
  collectAll,
  countLines,
  finishReplay,
  requeueLost,
  runSource,
  settleUnlessStopped,
  startOfReplay,
  type Collected,
  type Replay,
  type ReplayEnd,
} from '../replay';
import { alertIdNote, alertLine, formatSummary, type RunSummary } from '../summary';
import { keptClaimsFile, restoreKeptClaims } from './claims';

const DEMO_POSTS = join(REPO_ROOT, 'demo', 'jakarta-day.jsonl');

export const run: Command = {
  name: 'run',
  usage: `  pantau run [--posts FILE.jsonl] [--config FILE] [--out DIR] [--data DIR] [--resume] [--follow] [--speed N] [--port N]
      Runs collectors -> queue -> classifier -> tables -> alerts on the embedded local stack
      (DynamoDB Local + fauxqs). Without --posts it replays the bundled demo day in Jakarta.
      Ctrl-C stops it with the summary printed; --resume then finishes the replay.
`,
  options: {
    posts: { type: 'string', value: 'FILE', help: 'posts file, JSON lines, post contract v1 (default: the configured file source)' },
    config: CONFIG_OPTION,
    out: { type: 'string', value: 'DIR', help: 'also write DIR/alerts.jsonl and DIR/summary.json' },
    data: DATA_OPTION,
    resume: { type: 'boolean', help: 'keep the tables of the last run and finish its replay, instead of starting afresh' },
    follow: { type: 'boolean', help: 'keep collecting on the configured schedules until Ctrl-C' },
    speed: {
      type: 'string',
      value: 'N',
      help: "replay at N times the pace of the posts' own time (npm start: 2400, a day in 36 s, to watch the console follow it); default: as fast as the pipeline goes",
    },
    port: { type: 'string', value: 'N', help: 'serve the console on this port of 127.0.0.1 (default 8787, or a free one when busy)' },
    verbose: { type: 'boolean', help: "show the functions' logs" },
  },
  run: (values) => runCommand(runOptions(values)),
};

interface RunOptions {
  readonly configPath: string;
  readonly config: Config;
  readonly postsPath: string;
  readonly dataDir: string;
  readonly outDir?: string;
  readonly resume: boolean;
  readonly follow: boolean;
  readonly verbose: boolean;
  readonly port?: number;
  readonly speed?: number;
}

function runOptions(values: Values): RunOptions {
  const configPath = configPathOf(values);
  const config = loadConfig(configPath);
  return {
    configPath,
    config,
    postsPath: readableFile(stringOf(values, 'posts') ?? configuredPosts(config, configPath), 'posts file'),
    dataDir: dataDirOf(values),
    outDir: stringOf(values, 'out'),
    resume: values.resume === true,
    follow: values.follow === true,
    verbose: values.verbose === true,
    port: portOf(stringOf(values, 'port')),
    speed: speedOf(stringOf(values, 'speed')),
  };
}

function speedOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const speed = Number(raw);
  if (!Number.isFinite(speed) || speed < 1) throw new UsageError(`--speed must be a number of at least 1 (got "${raw}")`);
  return speed;
}

function configuredPosts(config: Config, configPath: string): string {
  const path = config.sources.file?.path;
  if (!path) return DEMO_POSTS;
  // Relative paths in the config are relative to the config file's folder.
  return resolve(resolve(configPath, '..'), path);
}

const err = process.stderr;

async function runCommand(opts: RunOptions): Promise<number> {
  const stop = listenForStop({ err, what: 'the run' });
  try {
    const startedAt = new Date();
    const stack = await startLocalStack({
      dataDir: opts.dataDir,
      fresh: !opts.resume,
      region: opts.config.region,
      onFolderTaken: () => err.write(`Pantau: starting the local stack (DynamoDB Local + fauxqs) in ${opts.dataDir} ...\n`),
    });
    let pipeline: LocalPipeline | undefined;
    try {
      const journal = new RunJournal(opts.dataDir);
      if (!opts.resume) await startAfresh(stack, journal, opts.dataDir);
      return await servingConsole({ stack, config: opts.config, port: opts.port, err }, async (consoleServer) => {
        err.write(
          `Pantau: the console is at ${consoleServer.url} (live while the run goes on; pantau console${dataFlag(opts.dataDir)} serves it afterwards)\n`,
        );
        const total = await countLines(opts.postsPath);
        err.write(`Pantau: replaying ${total} lines from ${opts.postsPath}\n`);
        const progress = new Progress(total, err);
        pipeline = await startPipeline({
          stack,
          configPath: opts.configPath,
          postsPath: opts.postsPath,
          logLevel: opts.verbose ? 'INFO' : 'SILENT',
          onPage: (p) => progress.collected(p.line),
          onAlert: (m) => progress.log(`\n${alertText(m.alert, opts.config.alerts.language)}\n${alertIdNote(m.alert)}\n`, true),
          journal,
          dataDir: opts.dataDir,
          consoleUrl: opts.config.console.url ? undefined : consoleServer.url,
          aggregatorTiming: REPLAY_AGGREGATOR_TIMING,
          ...(opts.speed ? { speed: opts.speed } : {}),
        });
        return await replayAndReport({ stack, pipeline, journal, config: opts.config }, opts, { progress, stop, startedAt });
      });
    } finally {
      await pipeline?.stop();
      await stack.stop();
    }
  } finally {
    stop.dispose();
  }
}

/** Fresh tables: the books start again, and a team's imported claims come back from their kept copy. */
async function startAfresh(stack: LocalStack, journal: RunJournal, dataDir: string): Promise<void> {
  journal.reset();
  const restored = await restoreKeptClaims(dataDir, new DynamoClaimStore(stack.clients.doc, stack.resources.tables.state));
  if (restored > 0) err.write(`Pantau: ${restored} imported claims restored from ${keptClaimsFile(dataDir)}\n`);
}

interface Live {
  readonly progress: Progress;
  readonly stop: StopSignals;
  readonly startedAt: Date;
}

async function replayAndReport(replay: Replay, opts: RunOptions, live: Live): Promise<number> {
  const { pipeline } = replay;
  const { progress, stop } = live;
  const start = await startOfReplay(replay.stack, live.startedAt);
  const log = (text: string): void => progress.log(text, false);
  const requeued = opts.resume ? await requeueLost(replay.stack, replay.journal, opts.postsPath) : 0;
  if (requeued > 0) log(`put back on the queue ${requeued} posts the interrupted run had collected and not stored`);
  const ticker = setInterval(() => progress.classified(pipeline.poller.stats.succeeded), 250);
  let collected: Collected;
  let interrupted: boolean;
  try {
    collected = await collectAll(pipeline, { signal: stop.signal, log });
    // A stop during the replay leaves it unfinished; one while following is how following ends.
    interrupted = !(await settleUnlessStopped(pipeline, stop.signal));
    if (opts.follow && !interrupted) collected = await follow(replay, collected, stop.signal, log);
  } finally {
    clearInterval(ticker);
  }
  progress.classified(pipeline.poller.stats.succeeded);
  progress.stop();
  const end = await finishReplay(replay, start, interrupted);
  const received = stop.received();
  const summary = runSummary(opts, live.startedAt, { collected, requeued, end, pipeline });
  const stopped = interrupted && received ? { signal: received, lastLine: collected.lastLine } : undefined;
  report(opts, { ...summary, ...(stopped ? { stopped } : {}) }, end, pipeline);
  if (stopped) return signalExitCode(stopped.signal);
  return summary.addsUp && end.books.ok ? 0 : 1;
}

/** `--follow`: the collectors, the resolution sweep and the digest on their schedules until `signal` aborts. */
async function follow(replay: Replay, collected: Collected, signal: AbortSignal, log: (text: string) => void): Promise<Collected> {
  const { pipeline, config } = replay;
  const fileSchedule = config.sources.file?.schedule ?? 'rate(15 minutes)';
  const schedules = [`file ${fileSchedule}`, ...pipeline.collectors.map((c) => `${c.name} ${c.schedule}`)];
  log(`Following: collecting on ${schedules.join(', ')}; Ctrl-C to stop.`);
  let tally = collected;
  const thenSettle = (job: () => Promise<unknown>) => async (): Promise<void> => {
    await job();
    await pipeline.settle();
  };
  const collectFile = async (): Promise<void> => {
    const again = await pipeline.collect(signal);
    for (const bad of again.invalid) log(`rejected ${bad.reason}`);
    const invalid = [...tally.invalid, ...again.invalid];
    tally = { ...tally, read: tally.read + again.read, repeated: tally.repeated + again.repeated, invalid, lastLine: again.lastLine };
  };
  const collectSource = (collector: LocalCollector) => async (): Promise<void> => {
    tally = { ...tally, fromSources: tally.fromSources + (await runSource(collector, log)) };
  };
  await Promise.all([
    runOnSchedule(fileSchedule, thenSettle(collectFile), signal),
    runOnSchedule(
      config.alerts.resolveSchedule,
      thenSettle(() => pipeline.resolve(Date.now())),
      signal,
    ),
    ...(config.alerts.digest.enabled
      ? [
          runOnSchedule(
            config.alerts.digest.schedule,
            thenSettle(() => pipeline.digest(Date.now())),
            signal,
          ),
        ]
      : []),
    ...pipeline.collectors.map((collector) => runOnSchedule(collector.schedule, thenSettle(collectSource(collector)), signal)),
  ]);
  return tally;
}

function runSummary(
  opts: RunOptions,
  startedAt: Date,
  ran: { readonly collected: Collected; readonly requeued: number; readonly end: ReplayEnd; readonly pipeline: LocalPipeline },
): RunSummary {
  const { collected: c, end } = ran;
  const failed = end.deadLetters.length;
  return {
    postsFile: opts.postsPath,
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    read: c.read,
    requeued: ran.requeued,
    fromSources: c.fromSources,
    stored: end.figures.stored,
    repeated: c.repeated,
    duplicates: end.duplicates,
    failed,
    addsUp: c.read + ran.requeued + c.fromSources === end.figures.stored + c.repeated + failed,
    books: { ...end.books.totals, ok: end.books.ok },
    deadLetters: end.deadLetters,
    sentiment: end.figures.sentiment,
    hoaxLevels: end.figures.hoaxLevels,
    languages: end.figures.languages,
    topics: Object.entries(end.figures.topics)
      .map(([topic, posts]) => ({ topic, posts }))
      .sort((a, b) => b.posts - a.posts),
    alerts: ran.pipeline.alerts.map(({ alert }) => alertLine(alert)),
  };
}

/** The summary and the books on stdout; with --out, the alerts and the summary as files. */
function report(opts: RunOptions, summary: RunSummary, end: ReplayEnd, pipeline: LocalPipeline): void {
  const flag = dataFlag(opts.dataDir);
  const alertsFile = opts.outDir ? join(opts.outDir, 'alerts.jsonl') : undefined;
  process.stdout.write(formatSummary(summary, opts.config, { alertsFile, check: `pantau check${flag}` }));
  process.stdout.write(`Pantau: the books (pantau check${flag} shows them again)\n${formatAccounting(end.books)}\n`);
  if (opts.outDir && alertsFile) {
    mkdirSync(opts.outDir, { recursive: true });
    writeFileSync(alertsFile, pipeline.alerts.map(({ alert }) => `${JSON.stringify(alert)}\n`).join(''));
    writeFileSync(join(opts.outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    err.write(`Pantau: wrote ${alertsFile} and ${join(opts.outDir, 'summary.json')}\n`);
  }
  err.write(`Pantau: the tables stay in ${opts.dataDir}; for the analysts' queries: pantau export${flag} --out DIR\n`);
}
