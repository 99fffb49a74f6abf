/**
 * The `hoax` alert rule: one hoax spread by many accounts. Pure: the cluster's spread in, a
 * decision out. A cluster is a known debunked claim repeated by several accounts, or one text
 * pushed by several accounts within minutes (the `coordinated` indicator's fingerprint); only
 * posts at `minLevel` or above count, so ordinary text copied around does not page anyone.
 */
import type { HoaxAlertRule } from '../config';
import type { HoaxLevel } from '../classify/types';

export interface HoaxSpread {
  /** Distinct accounts that posted the cluster's text within the window. */
  readonly authors: number;
  /** Their followers added up. */
  readonly followers: number;
  /** The cluster repeats a claim fact-checkers have already debunked. */
  readonly knownClaim: boolean;
}

export interface HoaxDecision {
  readonly fire: boolean;
  /** 1 (barely) .. 10 (extreme) */
  readonly severity: number;
}

const LEVELS: readonly HoaxLevel[] = ['none', 'low', 'medium', 'high'];

/** True when a post's hoax level is at least the rule's `minLevel`. */
export function countsAsHoax(level: HoaxLevel, rule: Pick<HoaxAlertRule, 'minLevel'>): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(rule.minLevel);
}

/**
 * Fires at `minAuthors` accounts. Severity 4 there, +2 per doubling of the accounts, +1 for a
 * claim already debunked (the team has a ready answer, and it is certainly false), +1 per
 * `reachStep` followers reached, at most +2.
 */
export function evaluateHoaxSpread(spread: HoaxSpread, rule: HoaxAlertRule): HoaxDecision {
  if (spread.authors < rule.minAuthors) return { fire: false, severity: 0 };
  const growth = Math.floor(2 * Math.log2(spread.authors / rule.minAuthors));
  const reach = Math.min(2, Math.floor(spread.followers / rule.reachStep));
  const severity = 4 + growth + (spread.knownClaim ? 1 : 0) + reach;
  return { fire: true, severity: Math.max(1, Math.min(10, severity)) };
}
