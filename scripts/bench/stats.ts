/** Small statistics for the benchmark's figures. */

/** The p-th percentile (0..100) by nearest rank of `values` (not sorted in place); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Rounds to `digits` significant digits, for figures shown in the table and the JSON. */
export function sig(n: number, digits = 3): number {
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(digits));
}
