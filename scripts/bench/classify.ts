/**
 * Classification throughput on one core: the classifier as the Lambda builds it (the config's
 * watch topics, the seed list of debunked claims) over a fixed corpus — the demo day plus
 * generated posts (scripts/make-load.ts, fixed seed) — with each post's author and time, next to
 * bare `sentiment.analyze` (English AFINN) on the same texts. The two run in turns, round after
 * round in the same process, so a busy machine slows both alike; the median round counts.
 *
 * Also measures each step of the classifier alone (µs per post), to show where the time goes, and
 * apart from them the one per-post step the aggregator runs on each new post it reads from the
 * stream: the text's fingerprints for coordinated posting (`textFingerprints(normalise(text))`,
 * shared/pipeline/window.ts). That is aggregator time, not classifier time, and is not in the
 * classification's posts per second.
 *
 *   npx tsx scripts/bench/classify.ts [--rounds 7] [--generated 8000]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sentiment from 'sentiment';
import { LiveClaims } from '../../shared/claims/live';
import { makeClassifier, type PostContext } from '../../shared/classify';
import { textFingerprints } from '../../shared/classify/fingerprint';
import { scoreHoax } from '../../shared/classify/hoax';
import { detectLanguage } from '../../shared/classify/language';
import { normalise } from '../../shared/classify/normalise';
import { findPlaces } from '../../shared/classify/places';
import { analyseSentiment } from '../../shared/classify/sentiment';
import { makeTopicMatcher } from '../../shared/classify/topics';
import { loadConfig } from '../../shared/config';
import { DEFAULT_SEED, loadLines } from '../make-load';
import { median, sig } from './stats';
import type { BenchRow, PartResult } from './types';

const ROOT = resolve(__dirname, '..', '..');
/** Each round runs each side for at least this long. */
const ROUND_MS = 1_500;

export interface ClassifyBenchOptions {
  readonly rounds?: number;
  /** Generated posts added to the demo day (default 8,000). */
  readonly generated?: number;
  readonly configPath?: string;
  readonly log?: (line: string) => void;
}

export interface ClassifyDetail {
  readonly posts: number;
  readonly demoPosts: number;
  readonly generatedPosts: number;
  readonly meanChars: number;
  readonly rounds: readonly { readonly classify: number; readonly afinn: number }[];
  readonly classifyPerSecond: number;
  readonly afinnPerSecond: number;
  readonly ratio: number;
  /** µs per post of each step of the classifier alone (median of 3 passes). */
  readonly stepsMicros: Record<string, number>;
  /** µs per post of the aggregator's per-post step (its own normalisation, then the fingerprints), measured the same way. */
  readonly aggregatorMicros: { readonly fingerprints: number };
}

interface CorpusPost {
  readonly text: string;
  readonly context: PostContext;
}

function toCorpus(lines: readonly string[]): CorpusPost[] {
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const p = JSON.parse(l) as { text: string; createdAt: string; author?: PostContext['author'] };
      return { text: p.text, context: { author: p.author, postedAt: p.createdAt } };
    });
}

function generated(count: number, configPath: string): Promise<string[]> {
  return loadLines({ count, seed: DEFAULT_SEED, days: 1, configPath });
}

/** Posts per second of `work` over the corpus, passes repeated for at least ROUND_MS. */
function rate(corpus: readonly CorpusPost[], work: (post: CorpusPost) => unknown): number {
  let posts = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    for (const post of corpus) if (work(post)) sink += 1;
    posts += corpus.length;
    elapsed = performance.now() - start;
  } while (elapsed < ROUND_MS);
  // `sink` keeps the results alive, so no work can be skipped.
  if (sink < 0) throw new Error('unreachable');
  return posts / (elapsed / 1000);
}

function microsPerPost<T>(inputs: readonly T[], work: (input: T) => unknown): number {
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    let sink = 0;
    for (const input of inputs) if (work(input)) sink += 1;
    passes.push(((performance.now() - start) * 1000) / inputs.length);
    // `sink` keeps the results alive, so no work can be skipped.
    if (sink < 0) throw new Error('unreachable');
  }
  return sig(median(passes));
}

export async function benchClassify(opts: ClassifyBenchOptions = {}): Promise<PartResult<ClassifyDetail>> {
  const log = opts.log ?? (() => undefined);
  const rounds = opts.rounds ?? 7;
  const configPath = resolve(opts.configPath ?? resolve(ROOT, 'pantau.config.json'));
  const config = loadConfig(configPath);
  const demo = toCorpus(readFileSync(resolve(ROOT, 'demo', 'jakarta-day.jsonl'), 'utf8').split('\n'));
  const extra = toCorpus(await generated(opts.generated ?? 8_000, configPath));
  const corpus = [...demo, ...extra];
  const meanChars = corpus.reduce((n, p) => n + p.text.length, 0) / corpus.length;
  log(
    `classify: ${corpus.length} posts (${demo.length} demo day, ${extra.length} generated), ${meanChars.toFixed(0)} characters on average`,
  );

  // As the classifier Lambda builds it: the config's topics and the seed list of debunked claims.
  const classify = makeClassifier(config.topics, { claims: new LiveClaims(undefined) });
  const afinn = new Sentiment();
  const full = (p: CorpusPost): unknown => classify(p.text, p.context).topics;
  const bare = (p: CorpusPost): unknown => afinn.analyze(p.text).score + 1;

  // Warm-up: compile, fill the per-word caches as a running Lambda has them.
  rate(corpus.slice(0, 2000), full);
  rate(corpus.slice(0, 2000), bare);
  const measured: { classify: number; afinn: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const r = { afinn: rate(corpus, bare), classify: rate(corpus, full) };
    measured.push({ classify: sig(r.classify, 4), afinn: sig(r.afinn, 4) });
    log(`classify: round ${round}/${rounds}: ${r.classify.toFixed(0)} posts/s, AFINN ${r.afinn.toFixed(0)} posts/s`);
  }
  const classifyPerSecond = median(measured.map((m) => m.classify));
  const afinnPerSecond = median(measured.map((m) => m.afinn));

  const texts = corpus.map((p) => p.text);
  const norms = texts.map(normalise);
  const langs = norms.map(detectLanguage);
  const places = norms.map((n, i) => findPlaces(n, texts[i]!));
  const topics = makeTopicMatcher(config.topics);
  const claims = new LiveClaims(undefined);
  const indices = texts.map((_, i) => i);
  const stepsMicros: Record<string, number> = {
    normalise: microsPerPost(texts, normalise),
    language: microsPerPost(norms, detectLanguage),
    places: microsPerPost(indices, (i) => findPlaces(norms[i]!, texts[i]!)),
    claims: microsPerPost(norms, (n) => claims.match(n) ?? 1),
    sentiment: microsPerPost(indices, (i) => analyseSentiment(norms[i]!, langs[i]!, { text: texts[i]!, places: places[i]! })),
    hoax: microsPerPost(indices, (i) => scoreHoax({ text: texts[i]!, norm: norms[i]!, ...corpus[i]!.context })),
    topics: microsPerPost(norms, topics),
    afinn: microsPerPost(texts, (t) => afinn.analyze(t)),
  };
  const aggregatorMicros = { fingerprints: microsPerPost(texts, (t) => textFingerprints(normalise(t))) };

  const ratio = classifyPerSecond / afinnPerSecond;
  const detail: ClassifyDetail = {
    posts: corpus.length,
    demoPosts: demo.length,
    generatedPosts: extra.length,
    meanChars: sig(meanChars),
    rounds: measured,
    classifyPerSecond: sig(classifyPerSecond, 4),
    afinnPerSecond: sig(afinnPerSecond, 4),
    ratio: sig(ratio),
    stepsMicros,
    aggregatorMicros,
  };
  const rows: BenchRow[] = [
    {
      part: 'classify',
      figure: `full classification, ${corpus.length} posts, one core`,
      value: detail.classifyPerSecond,
      unit: 'posts/s',
      baseline: { name: 'bare sentiment.analyze (AFINN)', value: detail.afinnPerSecond },
      ratio: detail.ratio,
      target: { text: '≥ 50,000 posts/s and ≥ 0.10 of AFINN', met: classifyPerSecond >= 50_000 && ratio >= 0.1 },
    },
  ];
  return { rows, detail };
}

if (require.main === module) {
  const arg = (name: string): number | undefined => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? Number(process.argv[at + 1]) : undefined;
  };
  benchClassify({ rounds: arg('--rounds'), generated: arg('--generated'), log: (line) => console.error(line) })
    .then(({ rows, detail }) => {
      for (const r of rows) console.log(`${r.figure}: ${r.value} ${r.unit}, ${r.baseline?.name} ${r.baseline?.value}, ratio ${r.ratio}`);
      console.log(JSON.stringify(detail, null, 2));
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
