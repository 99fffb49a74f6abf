/**
 * The `reach` alert rule: one post that many people will see and that needs an answer. Pure.
 * - a complaint about a watch topic (negative) that went viral: reposted at least `minReposts`;
 * - a hoax-like post from a large account (`minFollowers`) or reposted widely.
 * A large account's everyday negative post (a traffic or flood report by an info account) is
 * not enough: it informs, and the spike rule counts it.
 */
import type { ReachAlertRule } from '../config';

export interface PostReach {
  readonly followers: number;
  readonly reposts: number;
  /** Negative and about a watch topic. */
  readonly complaint: boolean;
  /** At the hoax alert's level or above. */
  readonly hoaxLike: boolean;
}

export interface ReachDecision {
  readonly fire: boolean;
  readonly severity: number;
  /** Which audience crossed its minimum, and by how much (the larger of the two). */
  readonly by: 'followers' | 'reposts';
  readonly ratio: number;
}

/**
 * Severity 5 at the minimum, +2 per
 * tenfold beyond it, +2 when it looks like a hoax (a large account spreading one is the case
 * that most needs a quick answer).
 */
export function evaluateReach(post: PostReach, rule: ReachAlertRule): ReachDecision {
  const byFollowers = post.followers / rule.minFollowers;
  const byReposts = post.reposts / rule.minReposts;
  const by = byFollowers >= byReposts ? 'followers' : 'reposts';
  const ratio = Math.max(byFollowers, byReposts);
  const fire = post.hoaxLike ? ratio >= 1 : post.complaint && byReposts >= 1;
  if (!fire) return { fire: false, severity: 0, by, ratio };
  const severity = 5 + Math.floor(2 * Math.log10(ratio)) + (post.hoaxLike ? 2 : 0);
  return { fire: true, severity: Math.max(1, Math.min(10, severity)), by, ratio };
}
