/**
 * Measures hoax flagging (`level ≥ medium`) on the dev sets eval/hoax-posts.jsonl,
 * eval/hoax-voices.jsonl and eval/hoax-writers.jsonl (`{"id", "text", "hoax": true|false, "kind",
 * "author"?}`, one post per line), and on sets written apart from the rules,
 * eval/hoax-posts-test.jsonl, eval/hoax-voices-heldout.jsonl, eval/hoax-voices-check.jsonl and
 * eval/hoax-writers-heldout.jsonl (other writers'): their texts and errors are never printed, only
 * their scores (eval/README.md).
 *
 * Pantau's level comes from the same path as `pantau classify`: normalise → known-claim match
 * against the seed claims (shared/claims/seed.ts) → scoreHoax, with the post's author where the
 * set gives one (its handle and whether the source verified it). The sets carry no account age or
 * timing, so `account` and `coordinated` never fire here.
 *
 * Baseline, in the same run: flag a post when it contains any alarm or share word
 * (sebarkan|viralkan|awas|waspada|hoax|urgent), to show what the indicators add.
 *
 *   npx tsx scripts/eval-hoax.ts [--errors N] [--dev] [--save-before]
 *     --errors: the first N misclassified dev rows, with the indicators that fired;
 *     --dev: the dev sets alone; --save-before: record the figures as eval/before.json's "before".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ClaimIndex } from '../shared/claims/match';
import { SEED_CLAIMS } from '../shared/claims/seed';
import { scoreHoax } from '../shared/classify/hoax';
import { normalise } from '../shared/classify/normalise';
import type { HoaxInput } from '../shared/classify/hoax';
import type { HoaxResult } from '../shared/classify/types';
import { BeforeAfter } from './eval-before-after';
import { readExamples } from './eval-examples';

const ROOT = path.resolve(__dirname, '..');
const DEV_FILES = ['hoax-posts.jsonl', 'hoax-voices.jsonl', 'hoax-writers.jsonl'].map((f) => path.join(ROOT, 'eval', f));
const TEST_FILES = ['hoax-posts-test.jsonl', 'hoax-voices-heldout.jsonl', 'hoax-voices-check.jsonl', 'hoax-writers-heldout.jsonl'].map(
  (f) => path.join(ROOT, 'eval', f),
);
const figures = new BeforeAfter('hoax');
const errorsArg = process.argv.indexOf('--errors');
const SHOW_ERRORS = errorsArg >= 0 ? Number(process.argv[errorsArg + 1] ?? 20) || 20 : 0;

interface Example {
  readonly id: string;
  readonly text: string;
  readonly hoax: boolean;
  readonly kind: string;
  readonly author?: HoaxInput['author'];
}

function read(file: string): Example[] {
  return readExamples(file, (value: Partial<Example>, line) => {
    if (typeof value.text !== 'string' || typeof value.hoax !== 'boolean')
      throw new Error(`${path.basename(file)}:${line}: needs "text" and a boolean "hoax"`);
    const author = value.author && typeof value.author === 'object' ? { author: value.author } : {};
    return { id: String(value.id ?? line), text: value.text, hoax: value.hoax, kind: String(value.kind ?? '-'), ...author };
  });
}

const claims = new ClaimIndex(SEED_CLAIMS);
const BASELINE = /(?<![\p{L}])(?:sebarkan|viralkan|awas|waspada|hoax|urgent)(?![\p{L}])/iu;

interface Scored {
  readonly example: Example;
  readonly result: HoaxResult;
  readonly flagged: boolean;
  readonly baseline: boolean;
}

function score(examples: readonly Example[]): Scored[] {
  return examples.map((example) => {
    const norm = normalise(example.text);
    const result = scoreHoax({
      text: example.text,
      norm,
      claim: claims.match(norm),
      ...(example.author ? { author: example.author } : {}),
    });
    return {
      example,
      result,
      flagged: result.level === 'medium' || result.level === 'high',
      baseline: BASELINE.test(example.text),
    };
  });
}

const pct = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '-');

function row(name: string, scored: readonly Scored[], flaggedOf: (s: Scored) => boolean, set?: string): string {
  const hoax = scored.filter((s) => s.example.hoax).length;
  const flagged = scored.filter(flaggedOf).length;
  const tp = scored.filter((s) => s.example.hoax && flaggedOf(s)).length;
  const precision = tp / flagged;
  const recall = tp / hoax;
  const f1 = (2 * precision * recall) / (precision + recall);
  if (set !== undefined) {
    figures.note(set, name, 'precision', Number.isFinite(precision) ? precision : 0);
    figures.note(set, name, 'recall', recall);
    figures.note(set, name, 'F1', Number.isFinite(f1) ? f1 : 0);
  }
  return `| ${name} | ${scored.length} | ${hoax} | ${flagged} | ${pct(precision)} | ${pct(recall)} | ${pct(f1)} |`;
}

function report(title: string, set: string, scored: readonly Scored[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| method | n | hoax | flagged (≥ medium) | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|');
  console.log(row('Pantau', scored, (s) => s.flagged, set));
  console.log(row('baseline: any alarm/share word', scored, (s) => s.baseline));

  const kinds = [...new Set(scored.map((s) => s.example.kind))].sort();
  console.log('\n| kind | hoax | n | flagged | baseline flagged |\n|---|---|---:|---:|---:|');
  for (const kind of kinds) {
    const rows = scored.filter((s) => s.example.kind === kind);
    const labels = [...new Set(rows.map((s) => (s.example.hoax ? 'yes' : 'no')))].join('/');
    const flagged = rows.filter((s) => s.flagged).length;
    const baseline = rows.filter((s) => s.baseline).length;
    console.log(`| ${kind} | ${labels} | ${rows.length} | ${flagged} | ${baseline} |`);
  }
}

const clip = (s: string): string => s.replace(/\s+/g, ' ').replace(/\|/g, '/');

function printErrors(scored: readonly Scored[]): void {
  const errors = scored.filter((s) => s.flagged !== s.example.hoax);
  console.log(`\nMisclassified dev rows (${errors.length}${errors.length > SHOW_ERRORS ? `, first ${SHOW_ERRORS}` : ''}):\n`);
  for (const s of errors.slice(0, SHOW_ERRORS)) {
    const label = s.example.hoax ? 'missed hoax' : 'false alarm';
    console.log(`- ${s.example.id} (${s.example.kind}, ${label}, ${s.result.level} ${s.result.score}): "${clip(s.example.text)}"`);
    for (const i of s.result.indicators) console.log(`    - ${i.name} ${i.weight}: ${i.evidence.join(' | ')}`);
  }
}

function main(): void {
  console.log('## Hoax indicators (level ≥ medium)');
  for (const file of DEV_FILES) {
    const set = path.relative(ROOT, file);
    if (!existsSync(file)) {
      console.log(`\nskipped: ${set} not found`);
      continue;
    }
    const dev = score(read(file));
    report(`Dev set: ${set}`, set, dev);
    if (SHOW_ERRORS > 0) printErrors(dev);
  }

  // The test and held-out sets were written apart from the rules and are never used to tune them: scores only.
  if (process.argv.includes('--dev')) return;
  for (const file of TEST_FILES) {
    const set = path.relative(ROOT, file);
    if (!existsSync(file)) {
      console.log(`\nTest set ${set} not found: skipped.`);
      continue;
    }
    report(`Test set: ${set} (scores only)`, set, score(read(file)));
  }
  figures.finish();
}

main();
