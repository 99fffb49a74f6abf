/**
 * The charts' columns from the API's buckets (uPlot's aligned data: x values, then one column
 * per series). Pure: no DOM, so the unit tests read it directly.
 */
import type { BucketPoint, EpisodeView } from '../../shared/console/contract';

/** x values, then one column per series; null where a series has no value at that x. */
export type Columns = [number[], ...(number | null)[][]];

type Revisions = EpisodeView['revisions'];

/** An ISO time as uPlot's x value (seconds since the epoch). */
export const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** A topic's buckets as uPlot's columns: times (seconds), total, negative, hoax-like. */
export function bucketData(buckets: readonly BucketPoint[]): Columns {
  return [buckets.map((b) => seconds(b.t)), buckets.map((b) => b.total), buckets.map((b) => b.negative), buckets.map((b) => b.hoax)];
}

/**
 * At most `max` buckets, consecutive ones added together (24 hours of 5-minute buckets become
 * 96 of 15 minutes), so a small chart shows the day's shape rather than noise. Each group starts
 * at its first bucket's time.
 */
export function regroup(
  buckets: readonly BucketPoint[],
  bucketMinutes: number,
  max: number,
): { buckets: readonly BucketPoint[]; minutes: number } {
  const factor = Math.ceil(buckets.length / max);
  if (factor <= 1) return { buckets, minutes: bucketMinutes };
  const out: BucketPoint[] = [];
  for (let i = 0; i < buckets.length; i += factor) {
    const group = buckets.slice(i, i + factor);
    out.push({
      t: group[0]?.t ?? '',
      total: group.reduce((n, b) => n + b.total, 0),
      negative: group.reduce((n, b) => n + b.negative, 0),
      hoax: group.reduce((n, b) => n + b.hoax, 0),
    });
  }
  return { buckets: out, minutes: bucketMinutes * factor };
}

/**
 * An episode's timeline as uPlot's columns. The x values are the buckets' starts and the
 * revisions' firing times together; total, negative and hoax-like are the buckets' (null at a
 * revision's own time, spanned over); `expected` is, at each time, the level the latest revision
 * fired by then expected (a step from the first revision's window on); `observed` is a point at
 * each revision.
 */
export function timelineData(buckets: readonly BucketPoint[], revisions: Revisions): Columns {
  const byTime = new Map<number, BucketPoint>();
  for (const b of buckets) byTime.set(seconds(b.t), b);
  const fired = new Map<number, Revisions[number]>();
  for (const r of revisions) fired.set(seconds(r.firedAt), r);
  const xs = [...new Set([...byTime.keys(), ...fired.keys()])].sort((a, b) => a - b);
  const ordered = [...revisions].sort((a, b) => seconds(a.firedAt) - seconds(b.firedAt));
  const first = ordered[0];
  const expectedAt = (x: number): number | null => {
    if (!first || x < seconds(first.windowStart)) return null;
    let level = first.expected;
    for (const r of ordered) if (seconds(r.firedAt) <= x) level = r.expected;
    return level;
  };
  return [
    xs,
    xs.map((x) => byTime.get(x)?.total ?? null),
    xs.map((x) => byTime.get(x)?.negative ?? null),
    xs.map((x) => byTime.get(x)?.hoax ?? null),
    xs.map(expectedAt),
    xs.map((x) => fired.get(x)?.observed ?? null),
  ];
}
