/**
 * Once SNS has taken an alert, marking it sent must not be left undone by a passing DynamoDB
 * failure: the post (or sweep, or digest) would be retried, and once the send lease ran out the
 * alert would go out again. So the mark is retried here, for about a quarter of a minute, before
 * the failure is let through.
 */
import type { Alert } from '../alerts/alert';
import { withRetry, type Backoff } from '../retry';
import type { AlertEpisodes } from './ports';

/** Tries at 0, ~0.5, ~1.5, ~3.5, ~7.5 and ~11.5 s (up to half again at random): well inside the timeout of the aggregator, the sweeper and the digest. */
export const MARK_SENT_BACKOFF: Backoff = { attempts: 6, baseDelayMs: 500, maxDelayMs: 4_000 };

export interface MarkSentDeps {
  readonly episodes: Pick<AlertEpisodes, 'markSent'>;
  /** Waits between tries; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export function markPublished(deps: MarkSentDeps, kind: string, key: string, alert: Alert): Promise<void> {
  return withRetry(
    () => deps.episodes.markSent(kind, key, alert),
    () => true,
    MARK_SENT_BACKOFF,
    undefined,
    deps.sleep,
  );
}
