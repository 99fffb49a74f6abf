/** The hoax score and level of an indicator list: the arithmetic every rule's weight goes through. */
import type { HoaxIndicator, HoaxLevel, HoaxResult } from '../types';

/** Level thresholds: none < 0.2 ≤ low < 0.45 ≤ medium < 0.7 ≤ high. */
export const HOAX_LEVELS = { low: 0.2, medium: 0.45, high: 0.7 } as const;

export function hoaxLevel(score: number): HoaxLevel {
  if (score >= HOAX_LEVELS.high) return 'high';
  if (score >= HOAX_LEVELS.medium) return 'medium';
  if (score >= HOAX_LEVELS.low) return 'low';
  return 'none';
}

export const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** The score of an indicator list: noisy-OR of the positive weights minus the counter weights, clamped to 0..1. */
export function hoaxScore(indicators: readonly HoaxIndicator[]): number {
  let keep = 1;
  let counter = 0;
  for (const i of indicators) {
    if (i.weight > 0) keep *= 1 - Math.min(1, i.weight);
    else counter -= i.weight;
  }
  return round3(Math.min(1, Math.max(0, 1 - keep - counter)));
}

export const resultOf = (indicators: readonly HoaxIndicator[]): HoaxResult => {
  const score = hoaxScore(indicators);
  return { score, level: hoaxLevel(score), indicators };
};

/** Adds (or replaces, by name) one indicator, such as `coordinated`, and recomputes score and level. */
export function withIndicator(result: HoaxResult, indicator: HoaxIndicator): HoaxResult {
  const others = result.indicators.filter((i) => i.name !== indicator.name);
  const positive = others.filter((i) => i.weight >= 0);
  const counters = others.filter((i) => i.weight < 0);
  return resultOf(indicator.weight >= 0 ? [...positive, indicator, ...counters] : [...positive, ...counters, indicator]);
}
