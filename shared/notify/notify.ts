/**
 * Forwards one alert to the chat channels that want it, each message once: claim in the delivery log,
 * send, mark sent (or release the claim when the send failed). The channels go side by side and
 * one failing never stops another; when any failed, `notify` throws after all are settled, so the
 * invocation fails and Lambda retries it, and the ones delivered are not sent again.
 */
import type { Alert } from '../alerts/alert';
import { wants, type ChannelFilter } from './messages';
import type { ChannelName, ChatChannel, DeliveryLog } from './ports';

export interface NotifyTarget {
  readonly channel: ChatChannel;
  readonly filter: ChannelFilter;
}

/**
 * - `sent`: delivered now;
 * - `duplicate`: an earlier delivery of this alert revision sent it;
 * - `filtered`: the channel does not want this kind or severity;
 * - `in-flight`: another delivery claimed it moments ago and may still be sending (this one is retried to find out);
 * - `failed`: not delivered; `error` says why.
 */
export type DeliveryOutcome = 'sent' | 'duplicate' | 'filtered' | 'in-flight' | 'failed';

export interface Delivery {
  readonly channel: ChannelName;
  readonly outcome: DeliveryOutcome;
  readonly error?: Error;
}

export interface NotifyDeps {
  readonly targets: readonly NotifyTarget[];
  readonly deliveries: DeliveryLog;
  /** Hears about each channel's delivery as it settles (for logs and metrics). */
  readonly onDelivery?: (delivery: Delivery) => void;
}

/** Some channels did not get the alert (yet); Lambda's retry tries them again. */
export class NotifyError extends Error {
  override readonly name = 'NotifyError';
  constructor(
    alert: Alert,
    readonly unfinished: readonly Delivery[],
  ) {
    const why = unfinished.map((d) => `${d.channel}: ${d.error?.message ?? d.outcome}`).join('; ');
    super(`alert ${alert.alertId} revision ${alert.revision} not delivered to every channel: ${why}`);
  }
}

export async function notify(alert: Alert, deps: NotifyDeps): Promise<readonly Delivery[]> {
  const deliveries = await Promise.all(
    deps.targets.map(async (target) => {
      const delivery = await deliver(alert, target, deps.deliveries);
      deps.onDelivery?.(delivery);
      return delivery;
    }),
  );
  const unfinished = deliveries.filter((d) => d.outcome === 'failed' || d.outcome === 'in-flight');
  if (unfinished.length > 0) throw new NotifyError(alert, unfinished);
  return deliveries;
}

/** One channel's delivery; never throws: a failure is its outcome. */
async function deliver(alert: Alert, { channel, filter }: NotifyTarget, deliveries: DeliveryLog): Promise<Delivery> {
  const name = channel.name;
  if (!wants(filter, alert)) return { channel: name, outcome: 'filtered' };
  try {
    const claim = await deliveries.claim(alert.alertId, alert.revision, name);
    if (claim !== 'claimed') return { channel: name, outcome: claim === 'sent' ? 'duplicate' : 'in-flight' };
    await sendOrRelease(alert, channel, deliveries);
    await deliveries.markSent(alert.alertId, alert.revision, name);
    return { channel: name, outcome: 'sent' };
  } catch (err) {
    return { channel: name, outcome: 'failed', error: err instanceof Error ? err : new Error(String(err)) };
  }
}

async function sendOrRelease(alert: Alert, channel: ChatChannel, deliveries: DeliveryLog): Promise<void> {
  try {
    await channel.send(alert);
  } catch (err) {
    // Freed, the retry sends at once. Should freeing fail too, the send's error is the one
    // reported: the claim's lease runs out by the time Lambda retries.
    await deliveries.release(alert.alertId, alert.revision, channel.name).catch(() => undefined);
    throw err;
  }
}
