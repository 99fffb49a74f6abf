/**
 * The resolution sweep: an alert episode that nothing has raised for a whole cooldown gets one
 * last message saying it has calmed down, so the on-call officer can stand down. Run on a
 * schedule (deployed), and at the end of a replay or on the follow schedule (locally).
 */
import { ALERT_KINDS, type Alert, type AlertKind } from '../alerts/alert';
import { markPublished } from './mark-sent';
import type { AlertEpisodes, AlertPublisher, EpisodeState } from './ports';

export interface ResolveDeps {
  readonly episodes: AlertEpisodes;
  readonly publisher: AlertPublisher;
  /** Told of a message SNS refused; it stays in the outbox for the next sweep. */
  readonly onHeld?: (alert: Alert, error: unknown) => void;
  /** Waits between tries of marking a published message sent; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Resolves every sent episode whose cooldown ended before `nowMs` (event time: the wall clock
 * when live, the replay's latest post when replaying), and sends what is still in the outbox: an
 * alert or resolution message whose sender could not publish it (SNS failing) and whose send
 * lease has run out. Safe to run concurrently: the episode record's conditional writes decide who sends.
 * A message SNS still refuses stays in the outbox for the next sweep.
 */
export async function resolveEpisodes(nowMs: number, deps: ResolveDeps): Promise<Alert[]> {
  const sent: Alert[] = [];
  const publish = async (episode: EpisodeState, alert: Alert): Promise<void> => {
    try {
      await deps.publisher.publish(alert);
    } catch (err) {
      deps.onHeld?.(alert, err);
      return;
    }
    await markPublished(deps, episode.kind, episode.key, alert);
    sent.push(alert);
  };
  for (const episode of await deps.episodes.all()) {
    // The daily digest is not an incident: it has nothing to resolve.
    if (!ALERT_KINDS.includes(episode.kind as AlertKind)) continue;
    if (!episode.sent) {
      const pending = await deps.episodes.get(episode.alertId);
      // A claim whose alert was never recorded is built by the next post that raises it.
      if (pending?.revision !== episode.revision) continue;
      if (await deps.episodes.resumeSend(episode.kind, episode.key, episode.revision)) await publish(episode, pending);
      continue;
    }
    if (episode.resolved || episode.until >= nowMs) continue;
    const last = await deps.episodes.get(episode.alertId);
    if (!last) continue;
    const revision = await deps.episodes.resolve(episode.kind, episode.key, episode.alertId, nowMs);
    if (revision === undefined) continue;
    // It calmed down when its cooldown ended, whenever the sweep noticed.
    const alert: Alert = { ...last, revision, resolvedAt: new Date(episode.until).toISOString() };
    await deps.episodes.record(alert);
    await publish(episode, alert);
  }
  return sent;
}
