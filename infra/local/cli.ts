/**
 * `pantau`: the command line of the embedded stack (DESIGN.md, "Command line").
 *   pantau run [--posts FILE.jsonl] [--config FILE] [--out DIR] [--data DIR] [--resume] [--follow]
 *   pantau classify [--config FILE]
 *   pantau claims import FILE.jsonl [--data DIR] [--config FILE]
 *   pantau claims list [--data DIR] [--config FILE]
 *   pantau collect <x|news|factchecks> [--config FILE] [--feed URL]... [--dry-run] [--data DIR]
 *   pantau export --out DIR [--data DIR] [--config FILE]
 *   pantau query --from DIR [NAME|all]... [--sql SQL] [--json]
 *   pantau check [--data DIR] [--config FILE] [--json]
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { alertText } from '../../shared/alerts/format';
import { formatAccounting } from '../../shared/pipeline/accounting';
import { ClaimIndex } from '../../shared/claims/match';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import { makeClassifier, type Classify, type PostContext } from '../../shared/classify';
import { ConfigError, FeedSchema, loadConfig, type Config } from '../../shared/config';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import { MissingEnvError } from '../../shared/env';
import { SecretError } from '../../shared/adapters/secrets';
import { FactCheckAuthError } from '../../shared/pipeline/collect-factchecks';
import { XAuthError } from '../../shared/sources/x';
import { checkBooks } from './accounting';
import { checkCommand } from './check-command';
import { claimsImport, claimsList, keptClaimsFile, restoreKeptClaims } from './claims-command';
import { collectCommand, COLLECTORS, type CollectorName } from './collect-command';
import { JavaMissingError } from './emulators';
import { exportCommand, NoLocalTablesError } from './export-command';
import { startPipeline, type LocalCollector, type LocalPipeline } from './pipeline';
import { ExportNotFoundError, queryCommand, UnknownQueryError } from './query';
import { RunLedger } from './ledger';
import { runOnSchedule, ScheduleError } from './scheduler';
import { startLocalStack } from './stack';
import { duplicateCount, peekDeadLetters, storedFigures, type DeadLetterInfo, type StoredFigures } from './summary';

const REPO_ROOT = resolve(__dirname, '..', '..');
const DEMO_POSTS = join(REPO_ROOT, 'demo', 'jakarta-day.jsonl');
/** The data folder of the local tables, shared by every command that reads or writes them. */
const DEFAULT_DATA = '.pantau';

const USAGE = `Pantau: social-media listening for Jakarta's public-communication team.

Usage:
  pantau run [--posts FILE.jsonl] [--config FILE] [--out DIR] [--data DIR] [--resume] [--follow]
      Runs collectors -> queue -> classifier -> tables -> alerts on the embedded local stack
      (DynamoDB Local + fauxqs). Without --posts it replays the bundled demo day in Jakarta.
  pantau classify [--config FILE]
      Reads JSON lines (a post, or at least {"id","text"}) on stdin; writes one classification
      per line on stdout.
  pantau claims import FILE.jsonl [--data DIR] [--config FILE]
      Adds a team's debunked claims (one JSON object a line: id, text, rating, source, topic?)
      to the local tables in the data folder, replacing claims with the same id. Exits 1 when
      any line was rejected (the valid ones are still imported).
  pantau claims list [--data DIR] [--config FILE]
      Prints how many claims are stored, and the first 20 as JSON lines.
  pantau collect <x|news|factchecks> [--config FILE] [--feed URL]... [--dry-run] [--data DIR]
      Runs one collection from a real source and prints what is new as JSON lines on stdout
      (posts, or claims in the claims import format); a report goes to stderr. The checkpoint
      is kept in DATA/collect/, so the next run prints only what is new. --dry-run neither
      reads nor moves it. --feed adds a feed address (news; repeatable). Secrets come from
      X_BEARER_TOKEN and FACTCHECK_API_KEY. Exits 1 when a feed, query or item failed.
  pantau export --out DIR [--data DIR] [--config FILE]
      Writes the posts and alerts tables of the data folder to DIR the way DynamoDB's export to
      S3 does (DIR/exports/<table>/full/AWSDynamoDB/<id>/: gzip files of {"Item": ...} lines and
      the manifests), for the analysts' queries.
  pantau query --from DIR [NAME|all]... [--sql SQL] [--json]
      Runs the saved analysts' queries (the same as in Athena) on the latest export in DIR with
      DuckDB, or your own SQL over the views posts and alerts. Without NAME or --sql: lists them.
  pantau check [--data DIR] [--config FILE] [--json]
      Accounts for the runs kept in the data folder: per source, posts collected = stored + in
      the DLQ (with reasons); nothing stored twice; the aggregate counters equal a recount of the
      posts; every alert marked sent reached the subscriber once. Exits 1 on any mismatch.

Options:
  --config FILE   configuration (default: ./pantau.config.json, else the bundled one)
  --posts FILE    posts file, JSON lines, post contract v1 (default: the configured file source)
  --out DIR       also write DIR/alerts.jsonl and DIR/summary.json
  --data DIR      data folder of the local tables (default: .pantau)
  --resume        keep the tables of the last run instead of starting afresh
  --dry-run       collect: show what the source has now, changing no checkpoint
  --feed URL      collect news: read this RSS/Atom feed too (http or https)
  --follow        keep collecting on the configured schedule until Ctrl-C
  --from DIR      query: the folder pantau export wrote
  --sql SQL       query: run this statement
  --json          query: one JSON object per row; check: the report as JSON
  --verbose       show the functions' logs
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await run(rest);
      case 'classify':
        return await classify(rest);
      case 'claims':
        return await claims(rest);
      case 'collect':
        return await collect(rest);
      case 'export':
        return await exportTablesCommand(rest);
      case 'query':
        return await query(rest);
      case 'check':
        return await check(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`pantau: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (
      err instanceof ConfigError ||
      err instanceof JavaMissingError ||
      err instanceof UsageError ||
      err instanceof ScheduleError ||
      err instanceof UnknownQueryError
    ) {
      process.stderr.write(`pantau: ${err.message}\n`);
      return 2;
    }
    if (
      err instanceof MissingEnvError ||
      err instanceof SecretError ||
      err instanceof XAuthError ||
      err instanceof FactCheckAuthError ||
      err instanceof NoLocalTablesError ||
      err instanceof ExportNotFoundError
    ) {
      process.stderr.write(`pantau: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

class UsageError extends Error {}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new UsageError(`${(err as Error).message} (see pantau --help)`);
  }
}

/** Options and positional arguments, for commands that take a file name. */
function parseWithArgs(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError(`${(err as Error).message} (see pantau --help)`);
  }
}

export function defaultConfigPath(): string {
  const local = resolve('pantau.config.json');
  return existsSync(local) ? local : join(REPO_ROOT, 'pantau.config.json');
}

// ---------------------------------------------------------------------------------------------
// pantau classify

async function classify(args: string[]): Promise<number> {
  const values = parse(args, { config: { type: 'string' } });
  const config = loadConfig((values.config as string | undefined) ?? defaultConfigPath());
  // The seed list of debunked claims ships with Pantau; a team's own claims live in the tables.
  const classifyText = makeClassifier(config.topics, { claims: new ClaimIndex(SEED_CLAIMS) });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let bad = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const out = classifyLine(line, classifyText);
    if ('error' in out) bad += 1;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return bad > 0 ? 1 : 0;
}

/** One input line → one output object: the classification, or `{id?, error}` naming the problem. */
export function classifyLine(line: string, classifyText: Classify): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object with "text"' };
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : undefined;
  if (typeof record.text !== 'string' || record.text.trim() === '') {
    return { ...(id !== undefined ? { id } : {}), error: 'text: required (a non-empty string)' };
  }
  const c = classifyText(record.text, contextOf(record));
  return {
    ...(id !== undefined ? { id } : {}),
    lang: c.lang,
    sentiment: {
      label: c.sentiment.label,
      score: c.sentiment.score,
      comparative: Math.round(c.sentiment.comparative * 1000) / 1000,
      words: c.sentiment.words,
    },
    hoax: {
      score: Math.round(c.hoax.score * 1000) / 1000,
      level: c.hoax.level,
      indicators: c.hoax.indicators.map((i) => ({ name: i.name, weight: i.weight, evidence: i.evidence })),
    },
    topics: c.topics.map((t) => ({ name: t.name, matched: t.matched })),
    places: c.places,
  };
}

/** The post contract's `author` and `createdAt`, when a line carries them (the `account` indicator). */
function contextOf(record: Record<string, unknown>): PostContext {
  const author = typeof record.author === 'object' && record.author !== null ? (record.author as Record<string, unknown>) : {};
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    author: {
      createdAt: text(author.createdAt),
      followers: count(author.followers),
      following: count(author.following),
      verified: typeof author.verified === 'boolean' ? author.verified : undefined,
    },
    postedAt: text(record.createdAt),
  };
}

// ---------------------------------------------------------------------------------------------
// pantau claims

async function claims(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'import' && sub !== 'list') {
    throw new UsageError(`claims: expected "import FILE.jsonl" or "list"${sub === undefined ? '' : `, got "${sub}"`} (see pantau --help)`);
  }
  const { values, positionals } = parseWithArgs(rest, { data: { type: 'string' }, config: { type: 'string' } });
  const config = loadConfig((values.config as string | undefined) ?? defaultConfigPath());
  const opts = { dataDir: resolve((values.data as string | undefined) ?? DEFAULT_DATA), region: config.region };
  if (sub === 'list') {
    if (positionals.length > 0) throw new UsageError(`claims list takes no file (got "${positionals.join(' ')}")`);
    return claimsList(20, opts);
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'claims import: FILE.jsonl is required (see pantau --help)'
        : `claims import takes one file, got ${positionals.length} (see pantau --help)`,
    );
  }
  const file = resolve(positionals[0] as string);
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    accessSync(file, constants.R_OK);
  } catch (err) {
    throw new UsageError(`claims file ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return claimsImport(file, opts);
}

// ---------------------------------------------------------------------------------------------
// pantau export, pantau query

async function exportTablesCommand(args: string[]): Promise<number> {
  const values = parse(args, { out: { type: 'string' }, data: { type: 'string' }, config: { type: 'string' } });
  if (values.out === undefined) throw new UsageError('export: --out DIR is required (see pantau --help)');
  const config = loadConfig((values.config as string | undefined) ?? defaultConfigPath());
  return exportCommand({
    dataDir: resolve((values.data as string | undefined) ?? DEFAULT_DATA),
    outDir: resolve(values.out as string),
    region: config.region,
  });
}

async function query(args: string[]): Promise<number> {
  const { values, positionals } = parseWithArgs(args, { from: { type: 'string' }, sql: { type: 'string' }, json: { type: 'boolean' } });
  if (values.from === undefined) throw new UsageError('query: --from DIR is required, the folder pantau export wrote (see pantau --help)');
  return queryCommand({
    from: resolve(values.from as string),
    names: positionals,
    sql: values.sql as string | undefined,
    json: values.json === true,
  });
}

async function check(args: string[]): Promise<number> {
  const values = parse(args, { data: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' } });
  return checkCommand({
    dataDir: resolve((values.data as string | undefined) ?? DEFAULT_DATA),
    config: loadConfig((values.config as string | undefined) ?? defaultConfigPath()),
    json: values.json === true,
  });
}

// ---------------------------------------------------------------------------------------------
// pantau collect

async function collect(args: string[]): Promise<number> {
  const { values, positionals } = parseWithArgs(args, {
    config: { type: 'string' },
    data: { type: 'string' },
    feed: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
  });
  const [collector, ...extra] = positionals;
  if (!COLLECTORS.includes(collector as CollectorName) || extra.length > 0) {
    throw new UsageError(
      `collect: expected one of ${COLLECTORS.join(', ')}${collector ? `, got "${positionals.join(' ')}"` : ''} (see pantau --help)`,
    );
  }
  const feeds = (values.feed as unknown as string[] | undefined) ?? [];
  if (feeds.length > 0 && collector !== 'news') throw new UsageError('collect: --feed is for the news collector');
  for (const feed of feeds) {
    // The same check as a feed listed in the config.
    if (!FeedSchema.shape.url.safeParse(feed).success) throw new UsageError(`collect: --feed ${feed} is not an http(s) address`);
  }
  const config = loadConfig((values.config as string | undefined) ?? defaultConfigPath());
  return collectCommand({
    collector: collector as CollectorName,
    config,
    dataDir: resolve((values.data as string | undefined) ?? DEFAULT_DATA),
    dryRun: values['dry-run'] === true,
    feeds,
  });
}

// ---------------------------------------------------------------------------------------------
// pantau run

export interface RunSummary {
  readonly postsFile: string;
  readonly startedAt: string;
  readonly seconds: number;
  readonly collected: number;
  /** Of `collected`, the posts the enabled source collectors (X, news) brought in. */
  readonly fromSources: number;
  readonly sent: number;
  readonly stored: number;
  /** Lines repeating a post that an earlier line of the run already had. */
  readonly repeated: number;
  /** Deliveries of posts already stored (repeated lines, redeliveries), absorbed by the classifier. */
  readonly duplicates: number;
  readonly failed: number;
  readonly addsUp: boolean;
  readonly deadLetters: readonly DeadLetterInfo[];
  readonly sentiment: StoredFigures['sentiment'];
  readonly hoaxLevels: StoredFigures['hoaxLevels'];
  readonly languages: StoredFigures['languages'];
  readonly topics: readonly { readonly topic: string; readonly posts: number }[];
  readonly alerts: readonly {
    readonly alertId: string;
    readonly kind: string;
    readonly topic: string;
    readonly severity: number;
    readonly revision: number;
    readonly resolved: boolean;
  }[];
}

async function run(args: string[]): Promise<number> {
  const values = parse(args, {
    posts: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    resume: { type: 'boolean' },
    follow: { type: 'boolean' },
    verbose: { type: 'boolean' },
  });
  const configPath = (values.config as string | undefined) ?? defaultConfigPath();
  const config = loadConfig(configPath);
  const postsPath = resolve((values.posts as string | undefined) ?? configuredPosts(config, configPath));
  if (!existsSync(postsPath)) throw new UsageError(`posts file not found: ${postsPath}`);
  const dataDir = resolve((values.data as string | undefined) ?? DEFAULT_DATA);
  const outDir = values.out as string | undefined;
  const total = countLines(postsPath);
  const err = process.stderr;

  err.write(`Pantau: starting the local stack (DynamoDB Local + fauxqs) in ${dataDir} ...\n`);
  const startedAt = new Date();
  const stack = await startLocalStack({ dataDir, fresh: !values.resume, region: config.region });
  const ledger = new RunLedger(dataDir);
  if (!values.resume) ledger.reset();
  let pipeline: LocalPipeline | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      await pipeline?.stop();
      await stack.stop();
    })());
  const onSignal = (signal: NodeJS.Signals): void => {
    err.write(`\nPantau: ${signal}, stopping the local stack ...\n`);
    void shutdown().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (!values.resume) {
      // The tables start afresh; a team's imported claims come back from their kept copy.
      const restored = await restoreKeptClaims(dataDir, new DynamoClaimStore(stack.clients.doc, stack.resources.tables.state));
      if (restored > 0) err.write(`Pantau: ${restored} imported claims restored from ${keptClaimsFile(dataDir)}\n`);
    }
    err.write(`Pantau: replaying ${total} lines from ${postsPath}\n`);
    const progress = new Progress(total, err);
    pipeline = await startPipeline({
      stack,
      configPath,
      postsPath,
      logLevel: values.verbose ? 'INFO' : 'SILENT',
      onPage: (p) => progress.collected(p.line),
      onAlert: (m) => progress.log(`\n${alertText(m.alert, config.alerts.language)}\n`, true),
      ledger,
      dataDir,
    });
    ticker = setInterval(() => progress.classified(pipeline?.poller.stats.succeeded ?? 0), 250);
    const duplicatesBefore = await duplicateCount(stack.clients.doc, stack.resources.tables.state);

    const result = await pipeline.collect();
    for (const bad of result.invalid) progress.log(`rejected ${bad.reason}${bad.id ? ` (id ${bad.id})` : ''}`, false);
    // The source collectors enabled in the config (X, news, fact checks) run once too.
    let fromSources = 0;
    const runSource = async (collector: LocalCollector): Promise<void> => {
      const run = await collector.run();
      fromSources += run.sent + run.rejected;
      progress.log(`${run.failed ? 'collector problem: ' : ''}${run.report}`, false);
    };
    for (const collector of pipeline.collectors) await runSource(collector);
    await pipeline.settle();

    if (values.follow) {
      const live = pipeline;
      const fileSchedule = config.sources.file?.schedule ?? 'rate(15 minutes)';
      const schedules = [`file ${fileSchedule}`, ...live.collectors.map((c) => `${c.name} ${c.schedule}`)];
      progress.log(`Following: collecting on ${schedules.join(', ')}; Ctrl-C to stop.`, false);
      await Promise.all([
        runOnSchedule(fileSchedule, async () => {
          const again = await live.collect();
          for (const bad of again.invalid) progress.log(`rejected ${bad.reason}`, false);
          await live.settle();
        }),
        runOnSchedule(config.alerts.resolveSchedule, async () => {
          await live.resolve(Date.now());
          await live.settle();
        }),
        ...(config.alerts.digest.enabled
          ? [
              runOnSchedule(config.alerts.digest.schedule, async () => {
                await live.digest(Date.now());
                await live.settle();
              }),
            ]
          : []),
        ...live.collectors.map((collector) =>
          runOnSchedule(collector.schedule, async () => {
            await runSource(collector);
            await live.settle();
          }),
        ),
      ]);
    }

    clearInterval(ticker);
    progress.classified(pipeline.poller.stats.succeeded);
    progress.stop();

    const figures = await storedFigures(stack.clients.doc, stack.resources.tables.posts, startedAt.toISOString());
    // The resolution sweep at the replay's clock: episodes calm by the last post get their last message.
    if (figures.latestCreatedAt) {
      await pipeline.resolve(Date.parse(figures.latestCreatedAt));
      await pipeline.settle();
    }
    const deadLetters = await peekDeadLetters(stack.clients.sqs, stack.resources.dlqUrl);
    // The emulated DLQ ends with this run: its letters are kept in the ledger for pantau check.
    ledger.deadLetters(deadLetters.map(({ stage, reason, source, key }) => ({ stage, reason, source, key })));
    const books = await checkBooks({
      doc: stack.clients.doc,
      tables: stack.resources.tables,
      config,
      collected: ledger.readCollected(),
      deadLetters: ledger.readDeadLetters(),
      received: ledger.readReceived(),
    });
    const duplicates = (await duplicateCount(stack.clients.doc, stack.resources.tables.state)) - duplicatesBefore;
    const summary: RunSummary = {
      postsFile: postsPath,
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      collected: result.read + fromSources,
      fromSources,
      sent: result.sent,
      stored: figures.stored,
      repeated: result.repeated,
      duplicates,
      failed: deadLetters.length,
      addsUp: result.read + fromSources === figures.stored + result.repeated + deadLetters.length,
      deadLetters,
      sentiment: figures.sentiment,
      hoaxLevels: figures.hoaxLevels,
      languages: figures.languages,
      topics: Object.entries(figures.topics)
        .map(([topic, posts]) => ({ topic, posts }))
        .sort((a, b) => b.posts - a.posts),
      alerts: pipeline.alerts.map(({ alert }) => ({
        alertId: alert.alertId,
        kind: alert.kind,
        topic: alert.topic,
        severity: alert.severity,
        revision: alert.revision,
        resolved: alert.resolvedAt !== undefined,
      })),
    };
    process.stdout.write(formatSummary(summary, config));
    process.stdout.write(
      `Pantau: the books (pantau check${dataDir === resolve(DEFAULT_DATA) ? '' : ` --data ${dataDir}`} shows them again)\n${formatAccounting(books)}\n`,
    );
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'alerts.jsonl'), pipeline.alerts.map(({ alert }) => `${JSON.stringify(alert)}\n`).join(''));
      writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
      err.write(`Pantau: wrote ${join(outDir, 'alerts.jsonl')} and ${join(outDir, 'summary.json')}\n`);
    }
    const dataFlag = dataDir === resolve(DEFAULT_DATA) ? '' : ` --data ${dataDir}`;
    err.write(`Pantau: the tables stay in ${dataDir}; for the analysts' queries: pantau export${dataFlag} --out DIR\n`);
    return summary.addsUp && books.ok ? 0 : 1;
  } finally {
    clearInterval(ticker);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await shutdown();
  }
}

function configuredPosts(config: Config, configPath: string): string {
  const path = config.sources.file?.path;
  if (!path) return DEMO_POSTS;
  // Relative paths in the config are relative to the config file's folder.
  return resolve(resolve(configPath, '..'), path);
}

function countLines(path: string): number {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length;
}

/** A progress bar on a terminal; a line every few seconds otherwise (CI logs). */
class Progress {
  private readonly bars?: MultiBar;
  private readonly bar?: ReturnType<MultiBar['create']>;
  private lastLine = 0;
  private done = 0;
  private read = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream,
  ) {
    if (out.isTTY) {
      this.bars = new MultiBar(
        {
          format: ' posts |{bar}| {value}/{total} classified ({read} collected) | {duration_formatted}',
          hideCursor: true,
          stream: out,
          clearOnComplete: false,
        },
        Presets.shades_classic,
      );
      this.bar = this.bars.create(total, 0, { read: 0 });
    }
  }

  collected(lines: number): void {
    this.read = lines;
    this.bar?.update(this.done, { read: lines });
  }

  classified(n: number): void {
    this.done = n;
    if (this.bar) {
      this.bar.update(Math.min(n, this.total), { read: this.read });
    } else if (Date.now() - this.lastLine > 3_000) {
      this.lastLine = Date.now();
      this.out.write(`  ${n}/${this.total} classified (${this.read} collected)\n`);
    }
  }

  log(text: string, toStdout: boolean): void {
    if (this.bars) this.bars.log(`${text}\n`);
    else (toStdout ? process.stdout : this.out).write(`${text}\n`);
  }

  stop(): void {
    this.bars?.stop();
  }
}

const pct = (n: number, of: number): string => (of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`);

export function formatSummary(s: RunSummary, config: Config): string {
  const label = (topic: string): string => config.topics.find((t) => t.name === topic)?.label ?? topic;
  const lines = [
    '',
    'Pantau: summary',
    `  posts collected   ${s.collected}  (from ${s.postsFile}${s.fromSources > 0 ? `, ${s.fromSources} of them from the source collectors` : ''})`,
    `  stored            ${s.stored}`,
    `  repeated          ${s.repeated}  (same post as an earlier line; stored once)`,
    `  failed to DLQ     ${s.failed}`,
    `  check             collected ${s.collected} ${s.addsUp ? '=' : '!='} stored ${s.stored} + repeated ${s.repeated} + failed ${s.failed}${s.addsUp ? '' : '  <- MISMATCH'}`,
    `  duplicates        ${s.duplicates} deliveries of already-stored posts absorbed`,
    `  sentiment         negative ${s.sentiment.negative} (${pct(s.sentiment.negative, s.stored)}), neutral ${s.sentiment.neutral} (${pct(s.sentiment.neutral, s.stored)}), positive ${s.sentiment.positive} (${pct(s.sentiment.positive, s.stored)})`,
    `  languages         ${Object.entries(s.languages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  hoax levels       ${['none', 'low', 'medium', 'high'].map((k) => `${k} ${s.hoaxLevels[k] ?? 0}`).join(', ')}`,
    `  top topics        ${
      s.topics
        .slice(0, 5)
        .map((t) => `${label(t.topic)} ${t.posts}`)
        .join(', ') || '-'
    }`,
    `  alerts            ${s.alerts.length}${s.alerts.length ? ': ' + s.alerts.map((a) => `${a.alertId} (${a.resolved ? 'resolved' : `severity ${a.severity}`}${a.revision > 1 ? `, rev ${a.revision}` : ''})`).join(', ') : ''}`,
  ];
  if (s.deadLetters.length > 0) {
    lines.push('  in the DLQ:');
    for (const d of s.deadLetters.slice(0, 10)) lines.push(`    - [${d.stage}] ${d.reason}`);
    if (s.deadLetters.length > 10) lines.push(`    ... and ${s.deadLetters.length - 10} more`);
  }
  lines.push(`  took              ${s.seconds} s`, '');
  return lines.join('\n');
}
