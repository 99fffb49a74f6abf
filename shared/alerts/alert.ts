/** An alert: a decision that a person should look now, with its evidence and a stable id. */
import type { SpikeDecision } from './spike';

export type AlertKind = 'spike';

export interface AlertSample {
  readonly postKey: string;
  readonly text: string;
  readonly url?: string;
  readonly author?: string;
  readonly createdAt: string;
}

export interface Alert {
  /** Stable per (kind, topic, episode): `spike:banjir:2026-11-26T08:05Z`. */
  readonly alertId: string;
  readonly kind: AlertKind;
  readonly topic: string;
  readonly topicLabel: string;
  /** 1..10 */
  readonly severity: number;
  /** 1 for the first message of an episode, +1 for each update when severity rises. */
  readonly revision: number;
  /** Event time of the post that fired it. */
  readonly firedAt: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly observed: number;
  readonly expected: number;
  readonly ratio: number;
  readonly windowTotal: number;
  /** Places named in the window's negative posts, most named first. */
  readonly places: readonly { readonly name: string; readonly count: number }[];
  readonly cities: readonly { readonly name: string; readonly count: number }[];
  readonly samples: readonly AlertSample[];
}

export function spikeAlertId(topic: string, episodeStart: string): string {
  return `spike:${topic}:${episodeStart}`;
}

export type { SpikeDecision };
