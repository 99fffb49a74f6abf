/**
 * The stored shape of a classified post: flat, typed attributes that analysts can filter on in
 * exports (no JSON inside strings), and the counter keys a post adds to.
 */
import type { Alert, Handling } from './alerts/alert';
import type { Classification, HoaxLevel, HoaxResult } from './classify/types';
import type { Post } from './post';
import { postKey } from './post';
import { DAY, bucketStart, calendarDay, epochSeconds, isoMinute } from './time';

/** Counter partition that counts every stored post, whatever its topics. */
export const ALL_TOPICS = '*';

export interface PostItem {
  readonly postKey: string;
  readonly source: string;
  readonly id: string;
  readonly url?: string;
  readonly text: string;
  readonly lang: string;
  readonly sourceLang?: string;
  readonly createdAt: string;
  readonly createdAtEpoch: number;
  /** The calendar day of `createdAt` in the configured timezone, so analysts group by the city's day. */
  readonly createdDate: string;
  readonly collectedAt?: string;
  readonly storedAt: string;
  readonly sentimentLabel: string;
  readonly sentimentScore: number;
  readonly sentimentComparative: number;
  readonly sentimentWords: readonly string[];
  readonly hoaxScore: number;
  readonly hoaxLevel: string;
  readonly hoaxIndicators: readonly string[];
  readonly hoaxEvidence: readonly string[];
  /** Each indicator's weight in the score, `indicator:weight`, so the score can be recomputed when one is added. */
  readonly hoaxWeights: readonly string[];
  /** The debunked claim the post repeats, if any, with its text, rating and debunk as matched. */
  readonly claimId?: string;
  readonly claimText?: string;
  readonly claimRating?: string;
  readonly claimSource?: string;
  /**
   * The first matched watch topic (GSI `byTopic`); absent for a post on no watch topic, so the
   * index holds only the posts its readers ask for (most posts are on none: a `-` placeholder put
   * all of them in one index partition, written and stored twice for nothing).
   */
  readonly topic?: string;
  /** Names of the matched watch topics. */
  readonly topics: readonly string[];
  /** `topic:word` for each word that matched a topic (`banjir:kebanjiran`), so analysts can see why. */
  readonly topicWords: readonly string[];
  readonly places: readonly string[];
  readonly placeKelurahan: readonly string[];
  readonly placeKecamatan: readonly string[];
  readonly placeCities: readonly string[];
  readonly authorId?: string;
  readonly authorHandle?: string;
  readonly authorFollowers?: number;
  readonly authorFollowing?: number;
  readonly authorCreatedAt?: string;
  readonly authorVerified?: boolean;
  readonly likes?: number;
  readonly reposts?: number;
  readonly replies?: number;
  readonly quotes?: number;
  readonly links?: readonly string[];
  readonly expiresAt: number;
}

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** What a stored item needs besides the post: how long to keep it, the clock, and the city's timezone. */
export interface ItemOptions {
  readonly retentionDays: number;
  readonly nowMs: number;
  readonly timeZone: string;
}

const distinct = (values: readonly (string | undefined)[]): string[] => [...new Set(values.filter((v): v is string => v !== undefined))];

export function toPostItem(post: Post, c: Classification, { retentionDays, nowMs, timeZone }: ItemOptions): PostItem {
  const createdMs = Date.parse(post.createdAt);
  return {
    postKey: postKey(post),
    source: post.source,
    id: post.id,
    url: post.url,
    text: post.text,
    lang: c.lang,
    sourceLang: post.lang,
    createdAt: new Date(createdMs).toISOString(),
    createdAtEpoch: epochSeconds(createdMs),
    createdDate: calendarDay(createdMs, timeZone),
    collectedAt: post.collectedAt,
    storedAt: new Date(nowMs).toISOString(),
    sentimentLabel: c.sentiment.label,
    sentimentScore: round(c.sentiment.score),
    sentimentComparative: round(c.sentiment.comparative),
    sentimentWords: c.sentiment.words.map((w) => `${w.word}:${w.score}`),
    ...storedHoax(c.hoax),
    claimId: c.knownClaim?.id,
    claimText: c.knownClaim?.text,
    claimRating: c.knownClaim?.rating,
    claimSource: c.knownClaim?.source,
    ...(c.topics[0] ? { topic: c.topics[0].name } : {}),
    topics: c.topics.map((t) => t.name),
    topicWords: c.topics.flatMap((t) => t.matched.map((w) => `${t.name}:${w}`)),
    places: distinct(c.places.map((p) => p.name)),
    placeKelurahan: distinct(c.places.map((p) => p.kelurahan)),
    placeKecamatan: distinct(c.places.map((p) => p.kecamatan)),
    placeCities: distinct(c.places.map((p) => p.city)),
    authorId: post.author?.id,
    authorHandle: post.author?.handle,
    authorFollowers: post.author?.followers,
    authorFollowing: post.author?.following,
    authorCreatedAt: post.author?.createdAt,
    authorVerified: post.author?.verified,
    likes: post.metrics?.likes,
    reposts: post.metrics?.reposts,
    replies: post.metrics?.replies,
    quotes: post.metrics?.quotes,
    links: post.links,
    expiresAt: epochSeconds(nowMs + retentionDays * DAY),
  };
}

/** A hoax assessment as a post item stores it: flat, with each indicator's evidence and weight. */
export type StoredHoax = Pick<PostItem, 'hoaxScore' | 'hoaxLevel' | 'hoaxIndicators' | 'hoaxEvidence' | 'hoaxWeights'>;

export function storedHoax(hoax: HoaxResult): StoredHoax {
  return {
    hoaxScore: round(hoax.score),
    hoaxLevel: hoax.level,
    hoaxIndicators: hoax.indicators.map((i) => i.name),
    hoaxEvidence: hoax.indicators.flatMap((i) => i.evidence.map((e) => `${i.name}: ${e}`)),
    hoaxWeights: hoax.indicators.map((i) => `${i.name}:${i.weight}`),
  };
}

/** `indicator:weight` pairs back as a map. */
export function hoaxWeights(stored: readonly string[]): Map<string, number> {
  return new Map(
    stored.map((w) => {
      const at = w.lastIndexOf(':');
      return [w.slice(0, at), Number(w.slice(at + 1))] as const;
    }),
  );
}

/** The hoax assessment back from its stored form (the indicators in their stored order). */
export function hoaxOf(item: StoredHoax): HoaxResult {
  const weights = hoaxWeights(item.hoaxWeights);
  return {
    score: item.hoaxScore,
    level: item.hoaxLevel as HoaxLevel,
    indicators: item.hoaxIndicators.map((name) => ({
      name,
      weight: weights.get(name) ?? 0,
      evidence: item.hoaxEvidence.filter((e) => e.startsWith(`${name}: `)).map((e) => e.slice(name.length + 2)),
    })),
  };
}

/**
 * The stored shape of an alert: the alert as published, plus flat attributes analysts filter on
 * (names of places, cities and indicators, the claim's fields, the day) and its delivery status.
 */
export interface AlertItem extends Omit<Alert, 'claim'> {
  readonly firedAtEpoch: number;
  readonly firedDate: string;
  readonly placeNames: readonly string[];
  readonly cityNames: readonly string[];
  readonly samplePostKeys: readonly string[];
  readonly indicatorNames: readonly string[];
  readonly claimId?: string;
  readonly claimText?: string;
  readonly claimRating?: string;
  readonly claimSource?: string;
  readonly status: string;
  readonly sentAt?: string;
  readonly expiresAt: number;
}

/**
 * The console's response log on an alert item: who acknowledged, assigned, noted or handled the
 * episode, and when. Written only by the console (adapters/console-store.ts), kept when a later
 * revision of the episode is recorded.
 */
export const RESPONSE_ATTRIBUTES = ['responseState', 'responseAssignee', 'responseBy', 'responseAt', 'responseEvents'] as const;

/** One revision of an episode as the alert item's `revisions` list keeps it (every message, in order). */
export interface RevisionEntry {
  readonly revision: number;
  readonly severity: number;
  readonly firedAt: string;
  readonly observed: number;
  readonly expected: number;
  readonly ratio: number;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly resolvedAt?: string;
}

export function revisionEntry(alert: Alert): RevisionEntry {
  return {
    revision: alert.revision,
    severity: alert.severity,
    firedAt: alert.firedAt,
    observed: alert.observed,
    expected: alert.expected,
    ratio: alert.ratio,
    windowStart: alert.windowStart,
    windowEnd: alert.windowEnd,
    ...(alert.resolvedAt ? { resolvedAt: alert.resolvedAt } : {}),
  };
}

export function toAlertItem(alert: Alert, { retentionDays, nowMs, timeZone }: ItemOptions): AlertItem {
  // Who handles it lives in the response log, not in the message's copy.
  const { claim, handling: _handling, ...rest } = alert;
  const firedMs = Date.parse(alert.firedAt);
  return {
    ...rest,
    firedAtEpoch: epochSeconds(firedMs),
    firedDate: calendarDay(firedMs, timeZone),
    placeNames: alert.places.map((p) => p.name),
    cityNames: alert.cities.map((c) => c.name),
    samplePostKeys: alert.samples.map((p) => p.postKey),
    indicatorNames: (alert.indicators ?? []).map((i) => i.name),
    claimId: claim?.id,
    claimText: claim?.text,
    claimRating: claim?.rating,
    claimSource: claim?.source,
    status: 'pending',
    expiresAt: epochSeconds(nowMs + retentionDays * DAY),
  };
}

/** Who is handling the episode, from the response log on its alert item; undefined before anyone took a step. */
export function handlingOf(item: Record<string, unknown>): Handling | undefined {
  const { responseState: state, responseAssignee: assignee, responseBy: by, responseAt: at } = item;
  if (state !== 'acknowledged' && state !== 'assigned' && state !== 'handled') return undefined;
  return { state, by: String(by), at: String(at), ...(typeof assignee === 'string' ? { assignee } : {}) };
}

/** Names counted, most named first (ties by name), the first `top` of them: the places an alert or an episode names. */
export function mostNamed(names: readonly string[], top: number): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, top);
}

/** The alert as published, from its stored item (the flat copies and the bookkeeping left out). */
export function fromAlertItem(item: Record<string, unknown>): { alert: Alert; status: string } {
  const {
    firedAtEpoch: _fe,
    firedDate: _fd,
    placeNames: _p,
    cityNames: _c,
    samplePostKeys: _s,
    indicatorNames: _i,
    claimId,
    claimText,
    claimRating,
    claimSource,
    status,
    sentAt: _at,
    expiresAt: _e,
    revisions: _r,
    responseState: _state,
    responseAssignee: _assignee,
    responseBy: _by,
    responseAt: _at2,
    responseEvents: _events,
    ...alert
  } = item;
  const claim =
    typeof claimText === 'string'
      ? {
          ...(typeof claimId === 'string' ? { id: claimId } : {}),
          text: claimText,
          rating: String(claimRating),
          source: String(claimSource),
        }
      : undefined;
  const handling = handlingOf(item);
  return {
    alert: { ...(alert as unknown as Alert), ...(claim ? { claim } : {}), ...(handling ? { handling } : {}) },
    status: String(status),
  };
}

/**
 * What a counter holds: posts, and of them the negative, positive, neutral and hoax-like ones;
 * `driven`: of the negative ones, those that spread a hoax that was alerting when they were
 * counted (the hoax's own posts: they belong to its episode, not to a complaint spike).
 */
export interface CounterValues {
  readonly total: number;
  readonly negative: number;
  readonly positive: number;
  readonly neutral: number;
  readonly hoax: number;
  readonly driven: number;
}

/** One counter increment: the (topic, bucket) item and what to add to it. */
export interface CounterIncrement {
  readonly topic: string;
  readonly bucket: string;
  readonly add: CounterValues;
  readonly expiresAt: number;
}

/**
 * What a post's counting needs of it; `driven`: it spreads a hoax that is alerting (the
 * aggregator judges it when the window closes; a recount from the stored posts cannot).
 */
export type CountedPost = Pick<PostItem, 'createdAtEpoch' | 'sentimentLabel' | 'hoaxLevel' | 'topics' | 'placeCities'> & {
  readonly driven?: boolean;
};

/** The counters of a watch topic in one city (kota administrasi): `banjir@Jakarta Selatan`. */
export function placeCounter(topic: string, city: string): string {
  return `${topic}@${city}`;
}

/**
 * The counters of the posts about both of two watch topics (`banjir&pemprov`, names in order):
 * how far two topics' spikes are made of the same posts.
 */
export function pairCounter(a: string, b: string): string {
  return a < b ? `${a}&${b}` : `${b}&${a}`;
}

/** The pair counters of every two of these topics, each pair once. */
export function topicPairs(topics: readonly string[]): string[] {
  return topics.flatMap((a, i) => topics.slice(i + 1).map((b) => pairCounter(a, b)));
}

/** Counts of nothing: what a counter holds before its first post. */
export const NO_COUNTS: CounterValues = { total: 0, negative: 0, positive: 0, neutral: 0, hoax: 0, driven: 0 };

/**
 * A stored post adds to the bucket of each of its topics, to the all-topics bucket, to the
 * bucket of each pair of its topics, and, where it names a place, to each of its topics' bucket
 * in that city.
 */
export function counterIncrements(item: CountedPost, bucketMinutes: number, stateDays: number): CounterIncrement[] {
  const start = bucketStart(item.createdAtEpoch * 1000, bucketMinutes);
  const add: CounterValues = {
    total: 1,
    negative: item.sentimentLabel === 'negative' ? 1 : 0,
    positive: item.sentimentLabel === 'positive' ? 1 : 0,
    neutral: item.sentimentLabel === 'neutral' ? 1 : 0,
    hoax: item.hoaxLevel === 'medium' || item.hoaxLevel === 'high' ? 1 : 0,
    driven: item.driven === true && item.sentimentLabel === 'negative' ? 1 : 0,
  };
  const expiresAt = epochSeconds(start + stateDays * DAY);
  const cities = [...new Set(item.placeCities)];
  const topics = [...new Set(item.topics)];
  const counters = [
    ALL_TOPICS,
    ...topics,
    ...topicPairs(topics),
    ...topics.flatMap((topic) => cities.map((city) => placeCounter(topic, city))),
  ];
  return counters.map((topic) => ({ topic, bucket: isoMinute(start), add, expiresAt }));
}

export function addCounts(a: CounterValues, b: CounterValues): CounterValues {
  return {
    total: a.total + b.total,
    negative: a.negative + b.negative,
    positive: a.positive + b.positive,
    neutral: a.neutral + b.neutral,
    hoax: a.hoax + b.hoax,
    driven: a.driven + b.driven,
  };
}
