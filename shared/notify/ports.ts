/** The small interfaces the notifier's core talks through: chat channels and the log of what was delivered. */
import type { Alert } from '../alerts/alert';

export type ChannelName = 'telegram' | 'slack';

/** A chat the alert is forwarded to. `send` throws when the message was not delivered. */
export interface ChatChannel {
  readonly name: ChannelName;
  send(alert: Alert): Promise<void>;
}

/**
 * What a claim found: `claimed` (this delivery sends), `sent` (an earlier delivery sent it), or
 * `in-flight` (another delivery claimed it moments ago and may still be sending).
 */
export type DeliveryClaim = 'claimed' | 'sent' | 'in-flight';

/**
 * Which alert revisions each channel has been sent, so a message goes out once although SNS may
 * deliver an alert twice and Lambda retries a failed invocation. Conditional writes: of concurrent
 * claims of one (alert, revision, channel), one wins.
 */
export interface DeliveryLog {
  /**
   * Takes the right to send for a while (a lease): a claim left by a delivery that died mid-send
   * frees itself, so a retry sends what was never sent.
   */
  claim(alertId: string, revision: number, channel: ChannelName): Promise<DeliveryClaim>;
  /** Records the message as delivered: no later claim wins. */
  markSent(alertId: string, revision: number, channel: ChannelName): Promise<void>;
  /** Frees a claim whose send failed, so the next try sends at once. A sent record stays. */
  release(alertId: string, revision: number, channel: ChannelName): Promise<void>;
}
