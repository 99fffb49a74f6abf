/**
 * A replay of a posts file on the embedded stack, as `pantau run`, the load script
 * (scripts/load.ts) and the fault rig (test/faults/rig.ts) do it: the file collector until the
 * file is read, the enabled source collectors once, and the end of a replay — the pipeline
 * settled, the figures read back from the tables, the resolution sweep at the replay's clock, the
 * DLQ kept in the run's books and the books checked. Every way of stopping (an AbortSignal) still
 * ends with the end of a replay, so what was collected is accounted for.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { SqsPostQueue } from '../shared/adapters/sqs';
import type { Config } from '../shared/config';
import type { InvalidLine } from '../shared/pipeline/collect-file';
import { parsePostAt, postKey } from '../shared/post';
import { checkBooks } from '../infra/local/accounting';
import type { AccountingReport, ReceivedAlert } from '../infra/local/books';
import { JournaledQueue, type RunJournal } from '../infra/local/run-journal';
import type { LocalCollector, LocalPipeline } from '../infra/local/pipeline';
import { scanAll } from '../infra/local/scan';
import type { LocalResources } from '../infra/local/stack';
import { plainMessage } from './text';
import { duplicateCount, peekDeadLetters, storedFigures, type DeadLetterInfo, type StoredFigures } from '../infra/local/summary';

/** A source collector's report is one line per run: long enough for a few feeds' failures. */
const REPORT_MAX = 400;

/** What a replay reads and writes on the stack: its clients and resources (a LocalStack, or the fault rig). */
export interface ReplayStack {
  readonly clients: { readonly doc: DynamoDBDocumentClient; readonly sqs: SQSClient };
  readonly resources: Pick<LocalResources, 'tables' | 'dlqUrl' | 'postsQueueUrl'>;
}

export interface Replay {
  readonly stack: ReplayStack;
  readonly pipeline: LocalPipeline;
  readonly journal: RunJournal;
  readonly config: Config;
}

/** What the collectors brought in. */
export interface Collected {
  /** Non-blank lines the file collector read, invalid and repeated ones included. */
  readonly read: number;
  readonly repeated: number;
  readonly invalid: readonly InvalidLine[];
  /** Items the enabled source collectors (X, news) brought in. */
  readonly fromSources: number;
  /** Runs of the file collector (one per 15 minutes of collecting, as its schedule would). */
  readonly collectorRuns: number;
  /** The last line of the file read; `done` false when a stop came first. */
  readonly lastLine: number;
  readonly done: boolean;
}

export interface CollectOptions {
  readonly signal?: AbortSignal;
  /** A line for people (a rejected line, a collector's report). */
  readonly log: (text: string) => void;
}

/** The file collector until the file is read (or `signal` aborts), then each source collector once. */
export async function collectAll(pipeline: LocalPipeline, opts: CollectOptions): Promise<Collected> {
  let read = 0;
  let repeated = 0;
  let collectorRuns = 0;
  const invalid: InvalidLine[] = [];
  for (;;) {
    const result = await pipeline.collect(opts.signal);
    collectorRuns += 1;
    read += result.read;
    repeated += result.repeated;
    invalid.push(...result.invalid);
    for (const bad of result.invalid) opts.log(`rejected ${bad.reason}${bad.id ? ` (id ${bad.id})` : ''}`);
    if (result.done || opts.signal?.aborted) {
      const fromSources = opts.signal?.aborted ? 0 : await runSourcesOnce(pipeline, opts.log);
      return { read, repeated, invalid, fromSources, collectorRuns, lastLine: result.lastLine, done: result.done };
    }
    opts.log(`file collector run ${collectorRuns} stopped at line ${result.lastLine} (time limit); running it again`);
  }
}

/** Each enabled source collector once; returns the items they brought in. */
async function runSourcesOnce(pipeline: LocalPipeline, log: (text: string) => void): Promise<number> {
  let items = 0;
  for (const collector of pipeline.collectors) items += await runSource(collector, log);
  return items;
}

/** One run of a source collector, its report logged; returns the items it brought in. */
export async function runSource(collector: LocalCollector, log: (text: string) => void): Promise<number> {
  const run = await collector.run();
  log(`${run.failed ? 'collector problem: ' : ''}${plainMessage(run.report, REPORT_MAX)}`);
  return run.sent + run.rejected;
}

/**
 * Waits until the pipeline has settled (settle()), or until `signal` aborts: a stop does not wait
 * for the queue. Returns whether it settled.
 */
export async function settleUnlessStopped(pipeline: LocalPipeline, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false;
  let onAbort = (): void => undefined;
  const stopped = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([pipeline.settle().then(() => true), stopped]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** How a replay ended, read back from the stack. */
export interface ReplayEnd {
  readonly figures: StoredFigures;
  readonly deadLetters: readonly DeadLetterInfo[];
  /** Deliveries of already-stored posts absorbed by the classifier during the replay. */
  readonly duplicates: number;
  readonly books: AccountingReport;
}

export interface ReplayStart {
  /** When the replay started (ISO): the figures count the posts stored since. */
  readonly startedAt: string;
  /** The classifier's count of absorbed duplicates when it started. */
  readonly duplicates: number;
}

/** Where a replay starts from, for `finishReplay`. */
export async function startOfReplay(stack: ReplayStack, startedAt = new Date()): Promise<ReplayStart> {
  return { startedAt: startedAt.toISOString(), duplicates: await duplicateCount(stack.clients.doc, stack.resources.tables.state) };
}

/**
 * The end of a replay: settles the pipeline, reads the figures of the posts stored since it
 * started, runs the resolution sweep at the replay's clock (episodes calm by the last post get
 * their last message), keeps the DLQ in the books (the emulated DLQ ends with the process) and
 * checks them. An `interrupted` replay (Ctrl-C) does not wait for the queue: the figures and the
 * books say what was done, and a resumed run puts back what the queue still held.
 */
export async function finishReplay(replay: Replay, since: ReplayStart, interrupted = false): Promise<ReplayEnd> {
  const { stack, pipeline } = replay;
  if (!interrupted) await pipeline.settle();
  const figures = await storedFigures(stack.clients.doc, stack.resources.tables.posts, since.startedAt);
  if (figures.latestCreatedAt && !interrupted) {
    await pipeline.resolve(Date.parse(figures.latestCreatedAt));
    await pipeline.settle();
  }
  const { books, deadLetters } = await replayBooks(stack, replay.config, replay.journal, { keepDeadLetters: true });
  // The books read the count of repeat deliveries already: this replay's share is what it added.
  const duplicates = (books.duplicatesAbsorbed ?? 0) - since.duplicates;
  return { figures, deadLetters, duplicates, books };
}

/**
 * The books of a replay: what the journal says was collected, against the tables, the DLQ (read
 * now; written to the journal too with `keepDeadLetters`) and the alert messages received (the
 * journal's, unless given).
 */
export async function replayBooks(
  stack: ReplayStack,
  config: Config,
  journal: RunJournal,
  opts: { readonly keepDeadLetters: boolean; readonly received?: readonly ReceivedAlert[] },
): Promise<{ readonly books: AccountingReport; readonly deadLetters: DeadLetterInfo[] }> {
  const deadLetters = await peekDeadLetters(stack.clients.sqs, stack.resources.dlqUrl);
  const records = deadLetters.map(({ stage, reason, source, key }) => ({ stage, reason, source, key }));
  if (opts.keepDeadLetters) journal.deadLetters(records);
  const books = await checkBooks({
    doc: stack.clients.doc,
    tables: stack.resources.tables,
    config,
    collected: journal.readCollected(),
    deadLetters: opts.keepDeadLetters ? journal.readDeadLetters() : records,
    received: opts.received ?? journal.readReceived(),
  });
  return { books, deadLetters };
}

/** The posts queue as a collector uses it: each post written to the run's journal before it is sent. */
export const journaledPostQueue = (stack: ReplayStack, journal: RunJournal): JournaledQueue =>
  new JournaledQueue(new SqsPostQueue(stack.clients.sqs, stack.resources.postsQueueUrl), journal);

/**
 * Before a resumed replay goes on from the file collector's checkpoint: the posts the books say
 * were collected but that are neither stored nor in the DLQ (they were on the emulated queue,
 * which ends with the process, when the run was killed) are read again from the posts file and
 * put back on the queue. Returns how many.
 */
export async function requeueLost(stack: ReplayStack, journal: RunJournal, postsPath: string): Promise<number> {
  const lost = new Set(journal.readCollected());
  for (const letter of journal.readDeadLetters()) if (letter.key) lost.delete(letter.key);
  await scanAll(stack.clients.doc, { TableName: stack.resources.tables.posts, ProjectionExpression: 'postKey' }, (item) =>
    lost.delete(String(item.postKey)),
  );
  if (lost.size === 0) return 0;
  const queue = journaledPostQueue(stack, journal);
  let requeued = 0;
  for await (const batch of postsAmong(postsPath, lost)) {
    await queue.sendAll(batch);
    requeued += batch.length;
  }
  return requeued;
}

/** The posts of the file whose keys are in `keys`, each once, in batches (the collector's message, as it would send it). */
async function* postsAmong(path: string, keys: Set<string>): AsyncGenerator<{ key: string; body: string; source: string }[]> {
  let batch: { key: string; body: string; source: string }[] = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (keys.size === 0) break;
    const parsed = line.trim() === '' ? undefined : parsePostAt(line, Date.now());
    if (!parsed?.ok) continue;
    const key = postKey(parsed.post);
    if (!keys.delete(key)) continue;
    const post = { ...parsed.post, collectedAt: parsed.post.collectedAt ?? new Date().toISOString() };
    batch.push({ key, body: JSON.stringify(post), source: post.source });
    if (batch.length === 100) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Non-blank lines of a file, read as a stream (a posts file may not fit in memory). */
export async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) if (line.trim() !== '') lines += 1;
  return lines;
}
