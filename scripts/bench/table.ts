/** The benchmark table, in Markdown (as pasted into docs/performance.md). */
import type { BenchRow } from './types';

/** A figure as people read it: at most 4 significant digits, thousands separated, no exponent. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = Math.abs(n) >= 1000 ? 0 : Math.abs(n) >= 1 ? Math.max(0, 3 - Math.floor(Math.log10(Math.abs(n)))) : 4;
  const rounded = Math.abs(n) >= 1 ? Number(n.toFixed(digits)) : Number(n.toPrecision(3));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function markdownTable(rows: readonly BenchRow[]): string {
  const header = ['part', 'figure', 'value', 'baseline', 'ratio', 'target'];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) {
    lines.push(
      `| ${[
        r.part,
        r.figure,
        `${formatNumber(r.value)} ${r.unit}`,
        r.baseline ? `${r.baseline.name}: ${formatNumber(r.baseline.value)}` : '',
        r.ratio === undefined ? '' : formatNumber(r.ratio),
        r.target ? `${r.target.text}: ${r.target.met ? '**met**' : '**not met**'}` : '',
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
