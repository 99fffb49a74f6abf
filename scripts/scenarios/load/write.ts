/** Writing a load: its options, the lines (new posts and repeats of earlier ones), and what was written. */
import { join } from 'node:path';
import { type Writable } from 'node:stream';
import { loadConfig } from '../../../shared/config';
import { mulberry32 } from '../../prng';
import { jsonLine, LineWriter, writeFile, writeLines } from '../jsonl';
import { checkContract } from '../posts';
import { LoadGenerator } from './generator';

export const DEFAULT_COUNT = 100_000;
export const DEFAULT_SEED = 20261206;
export const DEFAULT_DAYS = 4;
/** Share of lines that repeat an earlier post. */
export const REPEAT_SHARE = 0.03;

/** 2026-12-03 00:00 WIB: with the default 4 days the load ends on 2026-12-06 23:59 WIB. */
const DEFAULT_START = Date.parse('2026-12-03T00:00:00+07:00');

export interface LoadOptions {
  readonly count: number;
  readonly seed: number;
  readonly days: number;
  /** Epoch ms of the first day's 00:00 (WIB). */
  readonly startMs?: number;
  readonly configPath?: string;
}

export interface LoadStats {
  readonly lines: number;
  readonly distinct: number;
  readonly repeats: number;
  readonly repeatsAdjacent: number;
  readonly repeatsNear: number;
  readonly repeatsFar: number;
  readonly bySource: Record<string, number>;
  readonly english: number;
  /** Posts written about a watch topic (as intended; the classifier decides for itself). */
  readonly topical: number;
  readonly byKind: Record<string, number>;
  readonly textLength: { readonly p10: number; readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly bytes: number;
  readonly firstCreatedAt: string;
  readonly lastCreatedAt: string;
}

/** Writes the load to `out`, line by line with back-pressure; returns what it wrote. */
export async function writeLoad(options: LoadOptions, out: Writable): Promise<LoadStats> {
  const config = loadConfig(options.configPath ?? join(__dirname, '..', '..', '..', 'pantau.config.json'));
  const gen = new LoadGenerator({
    count: options.count,
    seed: options.seed,
    days: options.days,
    startMs: options.startMs ?? DEFAULT_START,
    topics: config.topics,
  });
  // Repeats are drawn with their own generator, so changing the vocabulary does not move them.
  const dice = mulberry32(options.seed ^ 0x5eed);
  const recent: string[] = [];
  const RECENT = 1000;
  const reservoir: string[] = [];
  const RESERVOIR = 5000;
  let distinct = 0;
  const repeats = { adjacent: 0, near: 0, far: 0 };
  const bySource: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  let english = 0;
  let topical = 0;
  let bytes = 0;
  const lengths: number[] = [];
  let firstCreatedAt = '';
  let lastCreatedAt = '';
  const writer = new LineWriter(out);

  for (let i = 0; i < options.count; i++) {
    let line: string | undefined;
    if (distinct > 0 && dice() < REPEAT_SHARE) {
      const r = dice();
      if (r < 0.35) {
        line = recent[recent.length - 1];
        repeats.adjacent += 1;
      } else if (r < 0.7 || reservoir.length === 0) {
        line = recent[Math.floor(dice() * recent.length)];
        repeats.near += 1;
      } else {
        line = reservoir[Math.floor(dice() * reservoir.length)];
        repeats.far += 1;
      }
    }
    if (line === undefined) {
      const { post, kind, topic } = gen.post(gen.timeAt((i + 0.5) / options.count));
      checkContract(post, `post ${post.id}`);
      line = jsonLine(post);
      distinct += 1;
      bySource[post.source] = (bySource[post.source] ?? 0) + 1;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      if (post.lang === 'en') english += 1;
      if (topic) topical += 1;
      lengths.push(post.text.length);
      if (!firstCreatedAt || post.createdAt < firstCreatedAt) firstCreatedAt = post.createdAt;
      if (post.createdAt > lastCreatedAt) lastCreatedAt = post.createdAt;
      recent.push(line);
      if (recent.length > RECENT) recent.shift();
      // Reservoir sampling: every earlier post has the same chance to come back far later.
      if (reservoir.length < RESERVOIR) reservoir.push(line);
      else {
        const slot = Math.floor(dice() * distinct);
        if (slot < RESERVOIR) reservoir[slot] = line;
      }
    }
    bytes += Buffer.byteLength(line);
    await writer.write(line);
  }
  await writer.flush();

  lengths.sort((a, b) => a - b);
  const at = (q: number): number => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
  return {
    lines: options.count,
    distinct,
    repeats: repeats.adjacent + repeats.near + repeats.far,
    repeatsAdjacent: repeats.adjacent,
    repeatsNear: repeats.near,
    repeatsFar: repeats.far,
    bySource,
    byKind,
    english,
    topical,
    textLength: { p10: at(0.1), p50: at(0.5), p90: at(0.9), p99: at(0.99), max: lengths[lengths.length - 1] ?? 0 },
    bytes,
    firstCreatedAt,
    lastCreatedAt,
  };
}

/** Writes the load to a file; resolves when it is on disk. */
export function writeLoadFile(options: LoadOptions, path: string): Promise<LoadStats> {
  return writeFile(path, (out) => writeLoad(options, out));
}

/** The load's lines in memory (for the benchmark's corpora: a few thousand posts). */
export function loadLines(options: LoadOptions): Promise<string[]> {
  return writeLines((out) => writeLoad(options, out));
}

export function describeLoad(s: LoadStats): string {
  const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  const sources = Object.entries(s.bySource)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const kinds = Object.entries(s.byKind)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `lines ${s.lines}, distinct posts ${s.distinct}, repeats ${s.repeats} (${pct(s.repeats, s.lines)}: adjacent ${s.repeatsAdjacent}, near ${s.repeatsNear}, far ${s.repeatsFar})`,
    `sources: ${sources}; kinds: ${kinds}`,
    `English ${pct(s.english, s.distinct)}, about a watch topic ${pct(s.topical, s.distinct)}`,
    `text length p10 ${s.textLength.p10}, p50 ${s.textLength.p50}, p90 ${s.textLength.p90}, p99 ${s.textLength.p99}, max ${s.textLength.max}`,
    `createdAt ${s.firstCreatedAt} .. ${s.lastCreatedAt}; ${(s.bytes / 1e6).toFixed(1)} MB`,
  ].join('\n');
}
