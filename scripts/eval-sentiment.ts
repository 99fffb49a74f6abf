/**
 * Measures Pantau's Indonesian sentiment against a baseline: the bare `sentiment` package
 * (English AFINN-165, label by the sign of the score) on
 * (1) SmSA valid (IndoNLU; reviews and comments; ../shared/data, not shipped with the project) and
 * (2) Pantau's own informal, tweet-like examples (test/fixtures/sentiment-examples-id.jsonl).
 *
 * Usage: npm run eval [-- --errors N] [-- --file path/to/other.tsv]
 * `--errors N` prints N misclassified rows per set (for development on smsa_train.tsv, never valid).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Sentiment from 'sentiment';
import { normalise } from '../shared/classify/normalise';
import { analyseSentiment } from '../shared/classify/sentiment';
import type { SentimentLabel } from '../shared/classify/types';

const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

interface Example {
  readonly text: string;
  readonly label: SentimentLabel;
}

interface Scores {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly f1: Readonly<Record<SentimentLabel, number>>;
}

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

function readJsonl(file: string): Example[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const value = JSON.parse(line) as { text?: unknown; label?: unknown };
      if (typeof value.text !== 'string' || !isLabel(value.label)) throw new Error(`${file}:${i + 1}: needs "text" and a label`);
      return { text: value.text, label: value.label };
    });
}

function score(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): Scores {
  let correct = 0;
  const f1 = {} as Record<SentimentLabel, number>;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  for (const label of LABELS) {
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
  const macroF1 = LABELS.reduce((sum, l) => sum + f1[l], 0) / LABELS.length;
  return { accuracy: gold.length > 0 ? correct / gold.length : 0, macroF1, f1 };
}

const afinn = new Sentiment();
function afinnLabel(text: string): SentimentLabel {
  const s = afinn.analyze(text).score;
  return s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
}
function ourLabel(text: string): SentimentLabel {
  return analyseSentiment(normalise(text), 'id').label;
}

const fmt = (n: number): string => n.toFixed(3);

function report(title: string, examples: readonly Example[], errors: number): void {
  const gold = examples.map((e) => e.label);
  const base = score(
    gold,
    examples.map((e) => afinnLabel(e.text)),
  );
  const oursPredicted = examples.map((e) => ourLabel(e.text));
  const ours = score(gold, oursPredicted);
  const counts = LABELS.map((l) => `${l} ${gold.filter((g) => g === l).length}`).join(', ');
  console.log(`\n${title}: ${examples.length} examples (${counts})`);
  console.log('| method                    | accuracy | macro-F1 | F1 pos | F1 neu | F1 neg |');
  console.log('|---------------------------|----------|----------|--------|--------|--------|');
  for (const [name, s] of [
    ['sentiment (AFINN, en)', base],
    ['Pantau normalise+id', ours],
  ] as const) {
    console.log(
      `| ${name.padEnd(25)} | ${fmt(s.accuracy).padStart(8)} | ${fmt(s.macroF1).padStart(8)} | ${fmt(s.f1.positive)}  | ${fmt(s.f1.neutral)}  | ${fmt(s.f1.negative)}  |`,
    );
  }
  const ratio = base.macroF1 > 0 ? (ours.macroF1 / base.macroF1).toFixed(2) : 'n/a';
  console.log(`macro-F1 ratio Pantau / AFINN: ${ratio}`);
  if (errors > 0) {
    let shown = 0;
    for (let i = 0; i < examples.length && shown < errors; i++) {
      const e = examples[i];
      if (!e || oursPredicted[i] === e.label) continue;
      const r = analyseSentiment(normalise(e.text), 'id');
      console.log(`  [${e.label} → ${r.label} ${r.score}] ${e.text.slice(0, 160)}  ${JSON.stringify(r.words)}`);
      shown++;
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const errorsAt = args.indexOf('--errors');
  const errors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
  const fileAt = args.indexOf('--file');
  const smsa = fileAt >= 0 ? path.resolve(args[fileAt + 1] ?? '') : path.resolve(__dirname, '../../shared/data/smsa_valid.tsv');

  if (existsSync(smsa)) report(`SmSA (${path.basename(smsa)})`, readTsv(smsa), errors);
  else console.log(`SmSA data not found at ${smsa}: skipping that part (see ../shared/data/README.md).`);

  const own = path.resolve(__dirname, '../test/fixtures/sentiment-examples-id.jsonl');
  report('Pantau examples (test/fixtures/sentiment-examples-id.jsonl)', readJsonl(own), errors);
}

main();
