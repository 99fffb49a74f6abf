/** An alert: a decision that a person should look now, with its evidence and a stable id. */
import type { SpikeDecision } from './spike';

/**
 * - `spike`: many more negative posts about a watch topic than usual;
 * - `hoax`: one hoax (a debunked claim repeated, or the same text pushed) spread by many accounts;
 * - `reach`: one negative or hoax-like post with a large audience;
 * - `digest`: the team's daily summary (not an incident).
 */
export type AlertKind = 'spike' | 'hoax' | 'reach' | 'digest';
/** The kinds that are incidents, each an episode with a cooldown (all but the digest). */
export const ALERT_KINDS: readonly AlertKind[] = ['spike', 'hoax', 'reach'];

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
  /**
   * Event time of the post that fired it. Field meanings by kind: for `spike`, `observed` negative
   * posts in the window against `expected`; for `hoax`, `observed` distinct accounts spreading it
   * within the window against the threshold as `expected`; for `reach`, `observed` is the post's
   * audience (followers, or reposts) against the rule's minimum.
   */
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
  /** hoax: the debunked claim being spread, when it is a known one. */
  readonly claim?: { readonly id?: string; readonly text: string; readonly rating: string; readonly source: string };
  /** hoax and reach: the hoax indicators of the post that fired it, with their evidence. */
  readonly indicators?: readonly { readonly name: string; readonly evidence: readonly string[] }[];
  /** hoax: the spreading accounts' followers added up; reach: the post's author's followers. */
  readonly followers?: number;
  /** reach: how often the post was reposted when collected. */
  readonly reposts?: number;
  /**
   * hoax: the hoax's own negative posts in the window. They belong to this episode and raise no
   * complaint spike of their own: the alert says how many complaints the hoax is driving.
   */
  readonly complaints?: number;
  /**
   * Other watch topics' labels in the same incident: for a hoax, the topics of the complaints it
   * drives; for a spike, topics whose spikes were made largely of the same posts and joined this thread.
   */
  readonly related?: readonly string[];
  /**
   * Set on the episode's last message: nothing has raised it for a whole cooldown, so the team can
   * stand down. The other fields are those of its last alert; `revision` counts this message too.
   */
  readonly resolvedAt?: string;
  /** digest: the day in figures. */
  readonly digest?: DailyFigures;
  /** Who is handling the episode, as the console's response log stood when this message was made. */
  readonly handling?: Handling;
  /** The episode's page in the console, when `console.url` is configured. */
  readonly link?: string;
}

/** The response to an episode as a message tells it: acknowledged, assigned or handled, by whom. */
export interface Handling {
  readonly state: 'acknowledged' | 'assigned' | 'handled';
  /** The colleague or agency it is assigned to. */
  readonly assignee?: string;
  /** Who took the last step. */
  readonly by: string;
  readonly at: string;
}

/** The episode's page in the console at `consoleUrl` (its hash route, so a static host serves it). */
export function episodeLink(consoleUrl: string, alertId: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}/#/alerts/${encodeURIComponent(alertId)}`;
}

export interface DailyFigures {
  /** Per watch topic: posts, negative ones, hoax-like ones (level medium or high). */
  readonly topics: readonly {
    readonly topic: string;
    readonly label: string;
    readonly total: number;
    readonly negative: number;
    readonly hoax: number;
    /** The cities its posts named, most negative posts first (posts without a place are in none). */
    readonly cities: readonly { readonly city: string; readonly total: number; readonly negative: number }[];
  }[];
  /** The day's alert episodes, each at its latest revision. */
  readonly alerts: readonly {
    readonly alertId: string;
    readonly kind: AlertKind;
    readonly topicLabel: string;
    readonly severity: number;
    readonly status: string;
    readonly resolved: boolean;
  }[];
}

export function spikeAlertId(topic: string, episodeStart: string): string {
  return `spike:${topic}:${episodeStart}`;
}

/** Stable per (watch topic, episode): `hoax:banjir:2026-11-26T12:51Z`. */
export function hoaxAlertId(topic: string, episodeStart: string): string {
  return `hoax:${topic}:${episodeStart}`;
}

/** One per day (the configured timezone's date): `digest:2026-11-27`. */
export function digestAlertId(day: string): string {
  return `digest:${day}`;
}

/** Stable per (account, episode): `reach:x:1501234567:2026-11-26T08:42Z`. */
export function reachAlertId(account: string, episodeStart: string): string {
  return `reach:${account}:${episodeStart}`;
}

export type { SpikeDecision };
