/**
 * Measures Pantau's language identification and sentiment, with baselines side by side:
 * - `sentiment` (the npm package as is: English AFINN-165, label by the sign of the score);
 * - NLP.js Indonesian (`@nlpjs/sentiment` SentimentAnalyzer with `@nlpjs/lang-id`, a translated
 *   AFINN; label by its vote, i.e. the sign of its score);
 * - Pantau without the affix (stemmer) fallback, to show what the fallback adds;
 * - Pantau as shipped (normalise → detectLanguage → analyseSentiment, as `pantau classify` does).
 *
 * Sets, each skipped with a message when its file is absent:
 * (a) SmSA valid (IndoNLU reviews; ../shared/data, never shipped with the project);
 * (b) dev sets, with macro-F1 per `kind`: eval/jakarta-posts.jsonl (Jakarta posts),
 *     eval/stance-id.jsonl and eval/stance-en.jsonl (timeline tweets, mostly neutral: news,
 *     information, questions, descriptions, a health campaign);
 * (b') test and held-out sets, written apart from the rules and never used to tune them (scores
 *     only, `--errors` never prints their texts): eval/jakarta-posts-test.jsonl (Jakarta
 *     public-service posts), eval/tweets-id.jsonl and eval/tweets-en.jsonl (tweets),
 *     eval/stance-id-heldout.jsonl and eval/stance-en-heldout.jsonl (the stance sets' other halves);
 * (c) test/fixtures/sentiment-examples-id.jsonl, the small informal set the unit tests also use;
 * (d) eval/language-id.jsonl, short posts labeled id / en / und / ms (Malay counts as right
 *     when Pantau answers `id`; it is also reported on its own).
 *
 * Usage:
 *   npm run eval                          all of the above
 *   npx tsx scripts/eval-sentiment.ts --errors N      also print N misclassified rows per set
 *                                                     (dev sets only, never the test sets)
 *   npx tsx scripts/eval-sentiment.ts --calibrate     grid-search the label thresholds on SmSA
 *                                                     TRAIN (never on a dev or valid set)
 *   npx tsx scripts/eval-sentiment.ts --file x.tsv    another text<TAB>label file in place of (a)
 *   npx tsx scripts/eval-sentiment.ts --save-before   record the figures as eval/before.json's
 *                                                     "before" (scripts/eval-before-after.ts)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Sentiment from 'sentiment';
import { detectLanguage } from '../shared/classify/language';
import { normalise } from '../shared/classify/normalise';
import { findPlaces } from '../shared/classify/places';
import { analyseSentiment, SENTIMENT_THRESHOLDS } from '../shared/classify/sentiment';
import type { Language, SentimentLabel } from '../shared/classify/types';
import { BeforeAfter } from './eval-before-after';

const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];
const ROOT = path.resolve(__dirname, '..');
const SHARED_DATA = path.resolve(ROOT, '../shared/data');
const DEV_SETS: readonly (readonly [file: string, title: string])[] = [
  ['eval/jakarta-posts.jsonl', 'Jakarta posts'],
  ['eval/stance-id.jsonl', 'Indonesian timeline tweets'],
  ['eval/stance-en.jsonl', 'English timeline tweets'],
];
const TEST_SETS: readonly (readonly [file: string, title: string])[] = [
  ['eval/jakarta-posts-test.jsonl', 'Jakarta public-service posts'],
  ['eval/tweets-id.jsonl', 'Informal Indonesian tweets'],
  ['eval/tweets-en.jsonl', 'English tweets'],
  ['eval/stance-id-heldout.jsonl', 'Indonesian timeline tweets, held-out half'],
  ['eval/stance-en-heldout.jsonl', 'English timeline tweets, held-out half'],
];
/** Sets whose texts are English: the English path is also held against AFINN alone there. */
const ENGLISH_SETS = new Set(['eval/tweets-en.jsonl', 'eval/stance-en.jsonl', 'eval/stance-en-heldout.jsonl']);
const figures = new BeforeAfter('sentiment');

/** Notes a set's headline figures for the before-and-after table. */
function noteFigures(set: string, examples: readonly Example[], methods: readonly Method[]): void {
  const gold = examples.map((e) => e.label);
  for (const m of methods) {
    const ours = m.name === 'Pantau';
    if (!ours && !(ENGLISH_SETS.has(set) && m.name.startsWith('sentiment (AFINN'))) continue;
    const s = score(gold, m.predicted, LABELS);
    if (ours) figures.note(set, m.name, 'accuracy', s.accuracy);
    figures.note(set, m.name, 'macro-F1', s.macroF1);
  }
}

interface Example {
  readonly text: string;
  readonly label: SentimentLabel;
  readonly kind?: string;
  readonly id?: string;
}

interface Scores {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly f1: Readonly<Record<string, number>>;
}

// ---------- reading ----------

function isLabel(value: unknown): value is SentimentLabel {
  return typeof value === 'string' && (LABELS as readonly string[]).includes(value);
}

function readTsv(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split('\n').slice(1);
  const out: Example[] = [];
  for (const line of lines) {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(tab + 1).trim();
    if (!isLabel(label)) throw new Error(`${file}: unknown label ${JSON.stringify(label)}`);
    out.push({ text: line.slice(0, tab), label });
  }
  return out;
}

function readJsonlRows(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`, { cause: e });
      }
    });
}

function readSentimentJsonl(file: string): Example[] {
  return readJsonlRows(file).map((row, i) => {
    if (typeof row.text !== 'string' || !isLabel(row.label)) throw new Error(`${file}:${i + 1}: needs "text" and a label`);
    return {
      text: row.text,
      label: row.label,
      ...(typeof row.kind === 'string' ? { kind: row.kind } : {}),
      ...(typeof row.id === 'string' ? { id: row.id } : {}),
    };
  });
}

// ---------- scoring ----------

/** Accuracy, F1 per class and macro-F1 over the classes present in gold or predictions (as scikit-learn). */
function score(gold: readonly string[], predicted: readonly string[], classes: readonly string[]): Scores {
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  const f1: Record<string, number> = {};
  const present = classes.filter((c) => gold.includes(c) || predicted.includes(c));
  for (const label of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === label;
      const p = predicted[i] === label;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    f1[label] = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  const macroF1 = present.length > 0 ? present.reduce((sum, l) => sum + (f1[l] ?? 0), 0) / present.length : 0;
  return { accuracy: gold.length > 0 ? correct / gold.length : 0, macroF1, f1 };
}

const fmt = (n: number): string => n.toFixed(3);

function confusion(gold: readonly string[], predicted: readonly string[], rows: readonly string[], cols: readonly string[]): void {
  console.log(`\n| gold \\ predicted | ${cols.join(' | ')} |`);
  console.log(`|---|${cols.map(() => '---:').join('|')}|`);
  for (const r of rows) {
    const counts = cols.map((c) => gold.filter((g, i) => g === r && predicted[i] === c).length);
    if (counts.every((n) => n === 0) && !gold.includes(r)) continue;
    console.log(`| **${r}** | ${counts.join(' | ')} |`);
  }
}

// ---------- methods ----------

const afinn = new Sentiment();
function afinnLabel(text: string): SentimentLabel {
  const s = afinn.analyze(text).score;
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
}

/** Pantau as `pantau classify` runs it: the detected language picks the lexicon. */
function pantauLabel(text: string, affixFallback = true): SentimentLabel {
  const norm = normalise(text);
  return analyseSentiment(norm, detectLanguage(norm), { affixFallback, text, places: findPlaces(norm, text) }).label;
}

interface NlpSentiment {
  process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number; vote: string } }>;
}

/** NLP.js Indonesian, set up as its documentation shows (container + LangId + SentimentAnalyzer). */
async function makeNlpjs(): Promise<(texts: readonly string[]) => Promise<SentimentLabel[]>> {
  const load = createRequire(__filename);
  const core = load('@nlpjs/core') as { containerBootstrap: () => Promise<{ use: (plugin: unknown) => void }> };
  const { LangId } = load('@nlpjs/lang-id') as { LangId: unknown };
  const { SentimentAnalyzer } = load('@nlpjs/sentiment') as {
    SentimentAnalyzer: new (settings: { container: unknown }) => NlpSentiment;
  };
  const container = await core.containerBootstrap();
  container.use(LangId);
  const analyser = new SentimentAnalyzer({ container });
  return async (texts) => {
    const out: SentimentLabel[] = [];
    for (const text of texts) {
      const { vote } = (await analyser.process({ locale: 'id', text })).sentiment;
      out.push(isLabel(vote) ? vote : 'neutral');
    }
    return out;
  };
}

// ---------- sentiment report ----------

interface Method {
  readonly name: string;
  readonly predicted: readonly SentimentLabel[];
}

async function methodsFor(examples: readonly Example[], nlpjs: (texts: readonly string[]) => Promise<SentimentLabel[]>): Promise<Method[]> {
  const texts = examples.map((e) => e.text);
  return [
    { name: 'sentiment (AFINN, en)', predicted: texts.map(afinnLabel) },
    { name: 'NLP.js id (lang-id)', predicted: await nlpjs(texts) },
    { name: 'Pantau, no affix fallback', predicted: texts.map((t) => pantauLabel(t, false)) },
    { name: 'Pantau', predicted: texts.map((t) => pantauLabel(t)) },
  ];
}

function sentimentReport(title: string, examples: readonly Example[], methods: readonly Method[], errors: number): void {
  const gold = examples.map((e) => e.label);
  const counts = LABELS.map((l) => `${l} ${gold.filter((g) => g === l).length}`).join(', ');
  console.log(`\n### ${title}\n\n${examples.length} examples (${counts})\n`);
  console.log('| method | accuracy | macro-F1 | F1 pos | F1 neu | F1 neg |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const m of methods) {
    const s = score(gold, m.predicted, LABELS);
    console.log(
      `| ${m.name} | ${fmt(s.accuracy)} | ${fmt(s.macroF1)} | ${fmt(s.f1.positive ?? 0)} | ${fmt(s.f1.neutral ?? 0)} | ${fmt(s.f1.negative ?? 0)} |`,
    );
  }
  const ours = methods[methods.length - 1];
  if (!ours) return;
  console.log('\nPantau, confusion matrix:');
  confusion(gold, ours.predicted, LABELS, LABELS);

  const kinds = [...new Set(examples.map((e) => e.kind).filter((k): k is string => k !== undefined))].sort();
  if (kinds.length > 0) {
    console.log(
      `\nmacro-F1 / accuracy per kind (macro-F1 over the labels in gold or predictions: a kind whose posts share one label, such as praise, scores low on macro-F1 for any miss):\n`,
    );
    console.log(`| kind | n | ${methods.map((m) => m.name).join(' | ')} |`);
    console.log(`|---|---:|${methods.map(() => '---:').join('|')}|`);
    for (const kind of kinds) {
      const idx = examples.flatMap((e, i) => (e.kind === kind ? [i] : []));
      const g = idx.map((i) => gold[i] ?? 'neutral');
      const cells = methods.map((m) => {
        const sc = score(
          g,
          idx.map((i) => m.predicted[i] ?? 'neutral'),
          LABELS,
        );
        return `${fmt(sc.macroF1)} / ${fmt(sc.accuracy)}`;
      });
      console.log(`| ${kind} | ${idx.length} | ${cells.join(' | ')} |`);
    }
  }

  if (errors > 0) {
    let shown = 0;
    for (let i = 0; i < examples.length && shown < errors; i++) {
      const e = examples[i];
      if (!e || ours.predicted[i] === e.label) continue;
      const norm = normalise(e.text);
      const lang = detectLanguage(norm);
      const r = analyseSentiment(norm, lang, { text: e.text, places: findPlaces(norm, e.text) });
      console.log(`  [${e.kind ?? ''} ${e.label} → ${r.label} ${r.score} ${lang}] ${e.text.slice(0, 160)}  ${JSON.stringify(r.words)}`);
      shown++;
    }
  }
}

// ---------- language identification ----------

const GOLD_LANGS = ['id', 'en', 'und', 'ms'] as const;
type GoldLang = (typeof GOLD_LANGS)[number];
const ANSWERS: readonly Language[] = ['id', 'en', 'und'];

interface LangExample {
  readonly text: string;
  readonly lang: GoldLang;
  readonly words: number;
}

function readLanguageSet(file: string): LangExample[] {
  return readJsonlRows(file).map((row, i) => {
    const lang = row.lang;
    if (typeof row.text !== 'string' || typeof lang !== 'string' || !(GOLD_LANGS as readonly string[]).includes(lang)) {
      throw new Error(`${file}:${i + 1}: needs "text" and "lang" (id|en|und|ms)`);
    }
    const words = typeof row.words === 'number' ? row.words : row.text.split(/\s+/).filter((w) => w.length > 0).length;
    return { text: row.text, lang: lang as GoldLang, words };
  });
}

/** Pantau answers id/en/und; Malay (`ms`) is right when answered `id`, the nearest language Pantau knows. */
const langCorrect = (gold: GoldLang, answer: Language): boolean => answer === gold || (gold === 'ms' && answer === 'id');

function languageReport(examples: readonly LangExample[], errors: number): void {
  const counts = GOLD_LANGS.map((l) => `${l} ${examples.filter((e) => e.lang === l).length}`).join(', ');
  console.log(`\n### Language identification (eval/language-id.jsonl)\n\n${examples.length} posts (${counts})\n`);
  // NLP.js's own guesser is not usable as a baseline here: @nlpjs/language-min ships no trigram
  // data (it scores every language 0), and the full @nlpjs/language is not a dependency.
  const methods: { name: string; answer: (text: string) => Language }[] = [
    { name: 'always id (baseline)', answer: () => 'id' },
    { name: 'Pantau', answer: (text) => detectLanguage(normalise(text)) },
  ];
  const long = (e: LangExample): boolean => (e.lang === 'id' || e.lang === 'en') && e.words >= 5;
  console.log('| method | accuracy (all) | accuracy (id/en, 5+ words) | Malay answered id | und answered und |');
  console.log('|---|---:|---:|---:|---:|');
  let oursAnswers: Language[] = [];
  for (const m of methods) {
    const answers = examples.map((e) => m.answer(e.text));
    const rate = (pick: (e: LangExample) => boolean): string => {
      const idx = examples.flatMap((e, i) => (pick(e) ? [i] : []));
      if (idx.length === 0) return 'n/a';
      const right = idx.filter((i) => langCorrect(examples[i]!.lang, answers[i]!)).length;
      return `${fmt(right / idx.length)} (${right}/${idx.length})`;
    };
    console.log(`| ${m.name} | ${rate(() => true)} | ${rate(long)} | ${rate((e) => e.lang === 'ms')} | ${rate((e) => e.lang === 'und')} |`);
    oursAnswers = answers;
  }
  const right = examples.filter((e, i) => langCorrect(e.lang, oursAnswers[i] ?? 'und')).length;
  figures.note('eval/language-id.jsonl', 'Pantau', 'accuracy', right / examples.length);
  console.log('\nPantau, confusion matrix:');
  confusion(
    examples.map((e) => e.lang),
    oursAnswers,
    GOLD_LANGS,
    ANSWERS,
  );
  if (errors > 0) {
    let shown = 0;
    for (let i = 0; i < examples.length && shown < errors; i++) {
      const e = examples[i]!;
      const a = oursAnswers[i]!;
      if (langCorrect(e.lang, a)) continue;
      console.log(`  [${e.lang} → ${a}] ${e.text.slice(0, 160)}`);
      shown++;
    }
  }
}

// ---------- threshold calibration (on SmSA train only) ----------

/**
 * Grid search of the label thresholds on SmSA train: positive when score ≥ p, negative when
 * score ≤ −n, for p, n in 0.25 … 4 by 0.25; keeps the pair with the best macro-F1. The chosen
 * pair is written into SENTIMENT_THRESHOLDS (sentiment.ts) by hand, with the result.
 */
function calibrate(file: string): void {
  const examples = readTsv(file);
  const gold = examples.map((e) => e.label);
  const scores = examples.map((e) => {
    const norm = normalise(e.text);
    return analyseSentiment(norm, detectLanguage(norm)).score;
  });
  const steps = Array.from({ length: 16 }, (_, i) => (i + 1) * 0.25);
  const results: { p: number; n: number; f1: number; acc: number }[] = [];
  for (const p of steps) {
    for (const n of steps) {
      const predicted = scores.map((s): SentimentLabel => (s >= p ? 'positive' : s <= -n ? 'negative' : 'neutral'));
      const s = score(gold, predicted, LABELS);
      results.push({ p, n, f1: s.macroF1, acc: s.accuracy });
    }
  }
  results.sort((a, b) => b.f1 - a.f1);
  console.log(
    `Calibration on ${path.basename(file)} (${examples.length} rows); current thresholds ${JSON.stringify(SENTIMENT_THRESHOLDS)}`,
  );
  console.log('| positive at ≥ | negative at ≤ | macro-F1 | accuracy |\n|---:|---:|---:|---:|');
  for (const r of results.slice(0, 10)) console.log(`| ${r.p} | ${-r.n} | ${fmt(r.f1)} | ${fmt(r.acc)} |`);
}

// ---------- main ----------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const errorsAt = args.indexOf('--errors');
  const errors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
  if (args.includes('--calibrate')) {
    calibrate(path.join(SHARED_DATA, 'smsa_train.tsv'));
    return;
  }
  const fileAt = args.indexOf('--file');
  const smsa = fileAt >= 0 ? path.resolve(args[fileAt + 1] ?? '') : path.join(SHARED_DATA, 'smsa_valid.tsv');
  const nlpjs = await makeNlpjs();

  console.log('## Sentiment');
  if (existsSync(smsa)) {
    const examples = readTsv(smsa);
    const methods = await methodsFor(examples, nlpjs);
    sentimentReport(`SmSA (${path.basename(smsa)})`, examples, methods, errors);
    noteFigures(`SmSA ${path.basename(smsa)}`, examples, methods);
  } else {
    console.log(`\nSmSA data not found at ${smsa}: skipping that set (see ../shared/data/README.md).`);
  }

  // Dev sets, then test and held-out sets: scores only. Their texts are never printed, so rules are not fitted to them.
  for (const [sets, which, shown] of [
    [DEV_SETS, 'dev set', errors],
    [TEST_SETS, 'test set', 0],
  ] as const) {
    for (const [file, title] of sets) {
      const at = path.join(ROOT, file);
      if (!existsSync(at)) {
        console.log(`\n${file} not found: skipping ${title}.`);
        continue;
      }
      const examples = readSentimentJsonl(at);
      const methods = await methodsFor(examples, nlpjs);
      sentimentReport(`${title} (${file}, ${which})`, examples, methods, shown);
      noteFigures(file, examples, methods);
    }
  }

  const fixtures = path.join(ROOT, 'test/fixtures/sentiment-examples-id.jsonl');
  const own = readSentimentJsonl(fixtures);
  const ownMethods = await methodsFor(own, nlpjs);
  sentimentReport('Informal examples (test/fixtures/sentiment-examples-id.jsonl)', own, ownMethods, errors);
  noteFigures('test/fixtures/sentiment-examples-id.jsonl', own, ownMethods);

  console.log('\n## Language');
  const langSet = path.join(ROOT, 'eval/language-id.jsonl');
  if (existsSync(langSet)) languageReport(readLanguageSet(langSet), errors);
  else console.log('\neval/language-id.jsonl not found: skipping language identification.');
  figures.finish(args);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
