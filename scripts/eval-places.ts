/**
 * Measures place finding on eval/places.jsonl (`{"id", "text", "places": ["Kemang", ...]}`, one
 * post per line, `places` the Jakarta areas a reader sees in it, possibly none).
 *
 * Prints a Markdown table of precision, recall and F1 over place mentions, the false positives
 * (first 15) and misses (first 15), and how many places the index holds by kind. Names compare
 * case-insensitively and ignoring spaces and punctuation (`Pulomas` = `Pulo Mas`); a predicted
 * place is right when its name, kelurahan, kecamatan or city equals an expected name (a post
 * saying "Kemang" and labelled "Mampang Prapatan" is right).
 *
 * Then scores eval/places-test.jsonl, a test set written after the rules: its texts and errors
 * are never printed, so rules are not fitted to it (eval/README.md).
 *
 *   npx tsx scripts/eval-places.ts [--file other.jsonl] [--all]   (--all lists every dev error;
 *                                                                 --file scores that file alone)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { normalise } from '../shared/classify/normalise';
import { findPlaces, placeIndexCounts } from '../shared/classify/places';
import type { Place } from '../shared/classify/types';
import { readExamples } from './eval-examples';

const ROOT = path.resolve(__dirname, '..');
const fileArg = process.argv.indexOf('--file');
const TEST_FILE = path.join(ROOT, 'eval', 'places-test.jsonl');
const FILE = fileArg >= 0 && process.argv[fileArg + 1] ? path.resolve(process.argv[fileArg + 1]!) : path.join(ROOT, 'eval', 'places.jsonl');

interface Example {
  readonly id: string;
  readonly text: string;
  readonly places: readonly string[];
}

function read(file: string): Example[] {
  return readExamples(file, (value: Partial<Example>, line) => {
    if (typeof value.text !== 'string' || !Array.isArray(value.places)) throw new Error(`${file}:${line}: needs "text" and "places"`);
    return { id: String(value.id ?? line), text: value.text, places: value.places.map(String) };
  });
}

const ALL = process.argv.includes('--all');
const SHOWN = ALL ? Infinity : 15;
const lower = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '');
const namesOf = (p: Place): string[] => [p.name, p.kelurahan, p.kecamatan, p.city].filter((n): n is string => !!n).map(lower);

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  readonly falsePositives: string[];
  readonly misses: string[];
}

function evaluate(examples: readonly Example[]): Tally {
  const t: Tally = { tp: 0, fp: 0, fn: 0, falsePositives: [], misses: [] };
  for (const ex of examples) {
    const predicted = findPlaces(normalise(ex.text), ex.text);
    const expected = new Set(ex.places.map(lower));
    const covered = new Set<string>();
    for (const p of predicted) {
      const hit = namesOf(p).find((n) => expected.has(n));
      if (hit !== undefined) {
        t.tp += 1;
        covered.add(hit);
      } else {
        t.fp += 1;
        t.falsePositives.push(`${ex.id}: **${p.name}** (${p.kecamatan ?? '-'}, ${p.city}) in "${clip(ex.text)}"`);
      }
    }
    for (const e of expected) {
      if (covered.has(e)) continue;
      t.fn += 1;
      t.misses.push(`${ex.id}: **${e}** in "${clip(ex.text)}"`);
    }
  }
  return t;
}

const clip = (s: string): string => (s.length > 110 ? `${s.slice(0, 107)}...` : s).replace(/\s+/g, ' ').replace(/\|/g, '/');
const pct = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '-');

function scoreRow(examples: readonly Example[], t: Tally): string {
  const precision = t.tp / (t.tp + t.fp);
  const recall = t.tp / (t.tp + t.fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  return `| ${examples.length} | ${t.tp + t.fn} | ${t.tp + t.fp} | ${t.tp} | ${pct(precision)} | ${pct(recall)} | ${pct(f1)} |`;
}

const TABLE_HEAD = '| posts | expected | predicted | correct | precision | recall | F1 |\n|---:|---:|---:|---:|---:|---:|---:|';

function main(): void {
  console.log('## Places\n');
  const counts = placeIndexCounts();
  console.log(
    `Index: ${counts.byKind.city} cities, ${counts.byKind.kecamatan} kecamatan, ${counts.byKind.kelurahan} kelurahan ` +
      `(others share a name with their kecamatan), ${counts.byKind.area} neighbourhoods/landmarks; ${counts.phrases} phrases.\n`,
  );
  if (!existsSync(FILE)) {
    console.log(`skipped: ${path.relative(ROOT, FILE)} not found`);
    return;
  }
  const examples = read(FILE);
  const t = evaluate(examples);
  console.log(
    `Dev set: ${path.relative(ROOT, FILE)}, ${examples.length} posts, ${examples.filter((e) => e.places.length > 0).length} naming a place.\n`,
  );
  console.log(TABLE_HEAD);
  console.log(scoreRow(examples, t));
  console.log(`\nFalse positives (${t.fp}${t.fp > SHOWN ? `, first ${SHOWN}` : ''}):\n`);
  for (const line of t.falsePositives.slice(0, SHOWN)) console.log(`- ${line}`);
  console.log(`\nMissed (${t.fn}${t.fn > SHOWN ? `, first ${SHOWN}` : ''}):\n`);
  for (const line of t.misses.slice(0, SHOWN)) console.log(`- ${line}`);

  // The test set was written after the rules and is never used to tune them: scores only.
  if (fileArg >= 0) return;
  if (!existsSync(TEST_FILE)) {
    console.log(`\nTest set ${path.relative(ROOT, TEST_FILE)} not found: skipped.`);
    return;
  }
  const test = read(TEST_FILE);
  console.log(
    `\nTest set: ${path.relative(ROOT, TEST_FILE)}, ${test.length} posts, ${test.filter((e) => e.places.length > 0).length} naming a place (scores only).\n`,
  );
  console.log(TABLE_HEAD);
  console.log(scoreRow(test, evaluate(test)));
}

main();
