/**
 * The first alert rule: a spike in negative posts about a watch topic. Pure: counts in, decision
 * out. The window is compared with two baselines, and the larger one is what we expect:
 * - short term: the hourly rate over the `baselineHours` before the window;
 * - long term: the same window on each of the past `baselineDays` days that have data.
 * `minExpected` keeps a quiet night (or a brand-new deployment) from making every handful of
 * posts look like a spike.
 */
import type { SpikeRule } from '../config';

export interface SpikeCounts {
  /** Negative posts about the topic in the window. */
  readonly windowNegative: number;
  /** All posts about the topic in the window. */
  readonly windowTotal: number;
  /** Negative posts about the topic in the `baselineHours` before the window. */
  readonly shortBaselineNegative: number;
  /** Negative posts in the same window on past days (only days with data). */
  readonly pastDaysNegative: readonly number[];
}

export interface SpikeDecision {
  readonly fire: boolean;
  readonly observed: number;
  /** Expected negative posts in a window this long. */
  readonly expected: number;
  readonly expectedFrom: 'short' | 'days' | 'floor';
  /** observed / expected */
  readonly ratio: number;
  /** 1 (barely) .. 10 (extreme) */
  readonly severity: number;
}

export function evaluateSpike(counts: SpikeCounts, rule: SpikeRule): SpikeDecision {
  const windowHours = rule.windowMinutes / 60;
  const short = (counts.shortBaselineNegative / rule.baselineHours) * windowHours;
  const days = counts.pastDaysNegative.length > 0 ? counts.pastDaysNegative.reduce((a, b) => a + b, 0) / counts.pastDaysNegative.length : 0;
  let expected = rule.minExpected;
  let expectedFrom: SpikeDecision['expectedFrom'] = 'floor';
  if (short > expected) {
    expected = short;
    expectedFrom = 'short';
  }
  if (days > expected) {
    expected = days;
    expectedFrom = 'days';
  }
  const observed = counts.windowNegative;
  const ratio = observed / expected;
  const fire = observed >= rule.minCount && ratio >= rule.ratio;
  return { fire, observed, expected, expectedFrom, ratio, severity: fire ? spikeSeverity(ratio, observed, rule) : 0 };
}

/** 3 at the threshold ratio, about +2.5 per doubling beyond it, +1 for a large absolute volume. */
export function spikeSeverity(ratio: number, observed: number, rule: SpikeRule): number {
  const base = 3 + 2.5 * Math.log2(ratio / rule.ratio);
  const volume = observed >= 4 * rule.minCount ? 1 : 0;
  return Math.max(1, Math.min(10, Math.floor(base) + volume));
}
