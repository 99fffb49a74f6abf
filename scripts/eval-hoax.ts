/**
 * Measures hoax flagging (`level ≥ medium`) on eval/hoax-posts.jsonl, the dev set
 * (`{"id", "text", "hoax": true|false, "kind"}`, one post per line), and on
 * eval/hoax-posts-test.jsonl, a test set written apart from the rules: its texts and errors are
 * never printed, only its scores (eval/README.md).
 *
 * Pantau's level comes from the same path as `pantau classify`: normalise → known-claim match
 * against the seed claims (shared/claims/seed.ts) → scoreHoax. The sets carry no author or
 * timing, so `account` and `coordinated` never fire here.
 *
 * Baseline, in the same run: flag a post when it contains any alarm or share word
 * (sebarkan|viralkan|awas|waspada|hoax|urgent), to show what the indicators add.
 *
 *   npx tsx scripts/eval-hoax.ts [--errors N] [--dev]   (--errors: the first N misclassified dev
 *                                                        rows, with the indicators that fired;
 *                                                        --dev: the dev set alone)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ClaimIndex } from '../shared/claims/match';
import { SEED_CLAIMS } from '../shared/claims/seed';
import { scoreHoax } from '../shared/classify/hoax';
import { normalise } from '../shared/classify/normalise';
import type { HoaxResult } from '../shared/classify/types';
import { readExamples } from './eval-examples';

const ROOT = path.resolve(__dirname, '..');
const DEV_FILE = path.join(ROOT, 'eval', 'hoax-posts.jsonl');
const TEST_FILE = path.join(ROOT, 'eval', 'hoax-posts-test.jsonl');
const errorsArg = process.argv.indexOf('--errors');
const SHOW_ERRORS = errorsArg >= 0 ? Number(process.argv[errorsArg + 1] ?? 20) || 20 : 0;

interface Example {
  readonly id: string;
  readonly text: string;
  readonly hoax: boolean;
  readonly kind: string;
}

function read(file: string): Example[] {
  return readExamples(file, (value: Partial<Example>, line) => {
    if (typeof value.text !== 'string' || typeof value.hoax !== 'boolean')
      throw new Error(`${path.basename(file)}:${line}: needs "text" and a boolean "hoax"`);
    return { id: String(value.id ?? line), text: value.text, hoax: value.hoax, kind: String(value.kind ?? '-') };
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
    const result = scoreHoax({ text: example.text, norm, claim: claims.match(norm) });
    return {
      example,
      result,
      flagged: result.level === 'medium' || result.level === 'high',
      baseline: BASELINE.test(example.text),
    };
  });
}

const pct = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '-');

function row(name: string, scored: readonly Scored[], flaggedOf: (s: Scored) => boolean): string {
  const hoax = scored.filter((s) => s.example.hoax).length;
  const flagged = scored.filter(flaggedOf).length;
  const tp = scored.filter((s) => s.example.hoax && flaggedOf(s)).length;
  const precision = tp / flagged;
  const recall = tp / hoax;
  const f1 = (2 * precision * recall) / (precision + recall);
  return `| ${name} | ${scored.length} | ${hoax} | ${flagged} | ${pct(precision)} | ${pct(recall)} | ${pct(f1)} |`;
}

function report(title: string, scored: readonly Scored[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| method | n | hoax | flagged (≥ medium) | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|');
  console.log(row('Pantau', scored, (s) => s.flagged));
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
  if (!existsSync(DEV_FILE)) {
    console.log(`\nskipped: ${path.relative(ROOT, DEV_FILE)} not found`);
  } else {
    const dev = score(read(DEV_FILE));
    report(`Dev set: ${path.relative(ROOT, DEV_FILE)}`, dev);
    if (SHOW_ERRORS > 0) printErrors(dev);
  }

  // The test set was written apart from the rules and is never used to tune them: scores only.
  if (process.argv.includes('--dev')) return;
  if (!existsSync(TEST_FILE)) {
    console.log(`\nTest set ${path.relative(ROOT, TEST_FILE)} not found: skipped.`);
    return;
  }
  report(`Test set: ${path.relative(ROOT, TEST_FILE)} (scores only)`, score(read(TEST_FILE)));
}

main();
