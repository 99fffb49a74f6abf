/**
 * Before and after: each eval script notes its headline figures (set, method, metric, value) as it
 * prints them, and ends with a table of those figures next to the ones recorded in
 * eval/before.json, the product as it was before the current round of changes, measured on the
 * same sets by the same scripts. A figure lower than before is marked, so a trade-off cannot
 * hide in the tables above it.
 *
 *   npx tsx scripts/eval-sentiment.ts --save-before   records this run's figures as the "before"
 *   (each script replaces only its own part of the file)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const BEFORE_FILE = path.resolve(__dirname, '..', 'eval', 'before.json');

interface Figure {
  readonly set: string;
  readonly method: string;
  readonly metric: string;
  readonly value: number;
}

type BeforeFile = Record<string, Figure[]>;

export class BeforeAfter {
  private readonly figures: Figure[] = [];

  /** `part`: the script's own part of eval/before.json (`sentiment`, `hoax`). */
  constructor(private readonly part: string) {}

  note(set: string, method: string, metric: string, value: number): void {
    this.figures.push({ set, method, metric, value: Math.round(value * 1000) / 1000 });
  }

  /** Prints the table, or records the figures as the new "before" with `--save-before`. */
  finish(args: readonly string[] = process.argv.slice(2)): void {
    const all = existsSync(BEFORE_FILE) ? (JSON.parse(readFileSync(BEFORE_FILE, 'utf8')) as BeforeFile) : {};
    if (args.includes('--save-before')) {
      writeFileSync(BEFORE_FILE, serialise({ ...all, [this.part]: this.figures }));
      console.log(
        `\nRecorded ${this.figures.length} figures as the "before" of ${this.part} in ${path.relative(process.cwd(), BEFORE_FILE)}.`,
      );
      return;
    }
    const before = new Map((all[this.part] ?? []).map((f) => [key(f), f.value]));
    if (before.size === 0) {
      console.log(`\n(No "before" figures for ${this.part} in eval/before.json: run with --save-before on the earlier code.)`);
      return;
    }
    let lower = 0;
    console.log(`\n### Before and after (${this.part}; before: eval/before.json)\n`);
    console.log('| set | method | metric | before | now | change |\n|---|---|---|---:|---:|---:|');
    for (const f of this.figures) {
      const was = before.get(key(f));
      const change = was === undefined ? 'new' : signed(f.value - was);
      if (was !== undefined && f.value < was) lower += 1;
      const mark = was !== undefined && f.value < was ? ' **lower**' : '';
      console.log(
        `| ${f.set} | ${f.method} | ${f.metric} | ${was === undefined ? '-' : was.toFixed(3)} | ${f.value.toFixed(3)} | ${change}${mark} |`,
      );
    }
    console.log(lower === 0 ? '\nNo figure is lower than before.' : `\n${lower} figure(s) lower than before.`);
  }
}

/** One figure a line, so a change of the "before" reads as a diff of the figures that moved. */
function serialise(file: BeforeFile): string {
  const parts = Object.entries(file).map(
    ([part, figures]) => `  ${JSON.stringify(part)}: [\n${figures.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]`,
  );
  return `{\n${parts.join(',\n')}\n}\n`;
}

const key = (f: Pick<Figure, 'set' | 'method' | 'metric'>): string => `${f.set}\u0000${f.method}\u0000${f.metric}`;
const signed = (n: number): string => (Math.abs(n) < 0.0005 ? '0' : `${n > 0 ? '+' : '−'}${Math.abs(n).toFixed(3)}`);
