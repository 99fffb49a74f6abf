/**
 * The resolution sweep: an alert episode that nothing has raised for a whole cooldown gets one
 * last message saying it has calmed down, so the on-call officer can stand down. Run on a
 * schedule (deployed), and at the end of a replay or on the follow schedule (locally).
 */
import { ALERT_KINDS, type Alert, type AlertKind } from '../alerts/alert';
import type { AlertLedger, AlertPublisher } from './ports';

export interface ResolveDeps {
  readonly ledger: AlertLedger;
  readonly publisher: AlertPublisher;
}

/**
 * Resolves every sent episode whose cooldown ended before `nowMs` (event time: the wall clock
 * when live, the replay's latest post when replaying), and sends any resolution message a failed
 * earlier sweep left unsent. Safe to run concurrently: the ledger's conditional writes decide.
 */
export async function resolveEpisodes(nowMs: number, deps: ResolveDeps): Promise<Alert[]> {
  const sent: Alert[] = [];
  for (const episode of await deps.ledger.episodes()) {
    // The daily digest is not an incident: it has nothing to resolve.
    if (!ALERT_KINDS.includes(episode.kind as AlertKind)) continue;
    if (episode.resolved && !episode.sent) {
      const pending = await deps.ledger.get(episode.alertId);
      if (pending?.resolvedAt && pending.revision === episode.revision) sent.push(await send(episode, pending, deps));
      continue;
    }
    if (episode.resolved || !episode.sent || episode.until >= nowMs) continue;
    const last = await deps.ledger.get(episode.alertId);
    if (!last) continue;
    const revision = await deps.ledger.resolve(episode.kind, episode.key, episode.alertId, nowMs);
    if (revision === undefined) continue;
    // It calmed down when its cooldown ended, whenever the sweep noticed.
    const alert: Alert = { ...last, revision, resolvedAt: new Date(episode.until).toISOString() };
    await deps.ledger.record(alert);
    sent.push(await send(episode, alert, deps));
  }
  return sent;
}

async function send(episode: { kind: string; key: string }, alert: Alert, deps: ResolveDeps): Promise<Alert> {
  await deps.publisher.publish(alert);
  await deps.ledger.markSent(episode.kind, episode.key, alert);
  return alert;
}
