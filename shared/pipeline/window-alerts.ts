/**
 * The alert rules, once per window: the window's posts are taken one by one in event-time order,
 * each seeing the counters and spreads as they stood after the posts before it, so a window
 * raises the same alerts, at the same posts, as the posts would one at a time.
 * - `spike`: each watch topic of a negative post, its window of counters against its baselines;
 * - `hoax`: a hoax-like post's cluster (the debunked claim it repeats, or the text pushed by many
 *   accounts), how many accounts spread it within the window;
 * - `reach`: a negative or hoax-like post with a large audience.
 * Each alert goes through the episode record (cooldown, updates only when severity rises, conditional
 * writes), then the alerts table, then SNS. The counters are read once per topic per window.
 */
import { episodeLink, hoaxAlertId, reachAlertId, spikeAlertId, type Alert, type AlertKind } from '../alerts/alert';
import type { LiveTopics } from '../classify/live-topics';
import { countsAsHoax, evaluateHoaxSpread, type HoaxDecision } from '../alerts/hoax';
import { evaluateReach } from '../alerts/reach';
import { evaluateSpike } from '../alerts/spike';
import type { Spread } from '../alerts/spread';
import type { HoaxLevel } from '../classify/types';
import type { Config, HoaxAlertRule } from '../config';
import { hoaxOf, mostNamed, pairCounter, type PostItem } from '../items';
import { DAY, HOUR, MINUTE, bucketStart, isoMinute } from '../time';
import { markPublished } from './mark-sent';
import type { AlertEpisodes, AlertPublisher, Claim, Counters, PostStore } from './ports';
import type { PostFact } from './window';

export interface AlertDeps {
  readonly config: Config;
  readonly posts: Pick<PostStore, 'byTopic' | 'get'>;
  readonly counters: Pick<Counters, 'range'>;
  readonly episodes: AlertEpisodes;
  readonly publisher: AlertPublisher;
  /** Told of an alert that SNS refused: it stays in the outbox (recorded, unsent) for the sweep. */
  readonly onHeld?: (alert: Alert, error: unknown) => void;
  /** Waits between tries of marking a published alert sent (mark-sent.ts); replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The watch topics in effect (the console's too), for the topics' labels; the config's when absent. */
  readonly topics?: Pick<LiveTopics, 'label' | 'all' | 'refresh'>;
}

/** A post of the window as the rules see it once coordinated posting has been judged. */
export interface JudgedPost {
  readonly fact: PostFact;
  /** Its hoax level, `coordinated` included. */
  readonly level: HoaxLevel;
  /** The spread of its text when it was marked `coordinated`. */
  readonly pushed?: Spread;
  /** The spread of the debunked claim it repeats, within the hoax rule's window. */
  readonly claimSpread?: Spread;
  /**
   * The hoax rule's answer, when it fires on the post (`alertingHoax`): such a post is the hoax
   * episode's, and opens no complaint spike and no reach episode of its own.
   */
  readonly alerting?: { readonly spread: Spread; readonly decision: HoaxDecision };
}

/** Places and cities an alert names, at most. */
const PLACES_SHOWN = 5;

/** The topic name used for a hoax or a large post outside every watch topic. */
const OFF_TOPIC = 'umum';

interface Episode {
  readonly kind: AlertKind;
  /** What the cooldown is kept for: a watch topic (spike, hoax), an account (reach). */
  readonly key: string;
  readonly episodeId: string;
  readonly severity: number;
  readonly eventMs: number;
  readonly rule: { readonly cooldownMinutes: number; readonly severityStep: number };
}

interface Decision extends Episode {
  /** The post's place in the window (event-time order): decisions are acted on in that order. */
  readonly index: number;
  readonly build: (claim: Claim) => Promise<Alert>;
}

const KIND_ORDER: readonly AlertKind[] = ['spike', 'hoax', 'reach'];

/**
 * Every rule over the window's posts, in event-time order (after they are counted); returns the
 * alerts sent. A decision goes to the episode record, which decides what is new, an update, or nothing,
 * unless the window already asked it about the same kind and key, within that cooldown, at a
 * severity as high: the episode record would answer nothing.
 */
export async function raiseWindowAlerts(window: readonly JudgedPost[], deps: AlertDeps): Promise<Alert[]> {
  const decisions = [...(await spikeDecisions(window, deps)), ...hoaxDecisions(window, deps), ...reachDecisions(window, deps)].sort(
    (a, b) => a.index - b.index || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const asked = new Map<string, { severity: number; untilMs: number }>();
  const sent: Alert[] = [];
  for (const decision of decisions) {
    const episode = `${decision.kind}#${decision.key}`;
    const before = asked.get(episode);
    const cooling = before !== undefined && decision.eventMs <= before.untilMs;
    if (cooling && decision.severity <= before.severity) continue;
    const untilMs = decision.eventMs + decision.rule.cooldownMinutes * MINUTE;
    asked.set(episode, { severity: decision.severity, untilMs: cooling ? Math.max(before.untilMs, untilMs) : untilMs });
    const alert = await sendOnce(decision, decision.build, deps);
    if (alert) sent.push(alert);
  }
  return sent;
}

/**
 * Claims the right to send (a new episode, or an update when severity rose), then records,
 * publishes (within the hourly cap) and marks the alert sent. An earlier attempt that claimed
 * and failed to send is finished here with the alert it recorded.
 */
async function sendOnce(episode: Episode, build: (claim: Claim) => Promise<Alert>, deps: AlertDeps): Promise<Alert | undefined> {
  const { kind, key } = episode;
  const claim = await deps.episodes.claim(kind, key, episode.episodeId, episode.severity, episode.eventMs, episode.rule);
  if (claim.action === 'none') return undefined;
  if (claim.action === 'unsent') {
    const pending = await deps.episodes.get(claim.alertId);
    if (pending && pending.revision === claim.revision) return publishOrHold(kind, key, pending, deps);
    // Claimed but never recorded: build it now from the current evidence.
  }
  const alert = await withHandling(await build(claim), claim, deps);
  await deps.episodes.record(alert);
  // Flood control across every kind and topic: past the hourly cap the alert is kept, not sent.
  if (!(await deps.episodes.takeHourSlot(episode.eventMs, deps.config.alerts.maxPerHour))) {
    await deps.episodes.markSent(kind, key, alert, 'capped');
    return undefined;
  }
  return publishOrHold(kind, key, alert, deps);
}

/** An update tells who is handling the episode (the console's response log), so the team does not act twice. */
async function withHandling(alert: Alert, claim: Claim, deps: AlertDeps): Promise<Alert> {
  if (claim.revision <= 1) return alert;
  const handling = (await deps.episodes.get(claim.alertId))?.handling;
  return handling ? { ...alert, handling } : alert;
}

/**
 * Publishes a recorded alert and marks it sent (retrying the mark: mark-sent.ts). When SNS fails,
 * the alert stays recorded and unsent (the outbox): the window is not failed for it, and the
 * resolution sweep, or a later window on the same episode once the send lease has run out, sends
 * it when SNS is back.
 */
async function publishOrHold(kind: string, key: string, alert: Alert, deps: AlertDeps): Promise<Alert | undefined> {
  try {
    await deps.publisher.publish(alert);
  } catch (err) {
    deps.onHeld?.(alert, err);
    return undefined;
  }
  await markPublished(deps, kind, key, alert);
  return alert;
}

// ---------------------------------------------------------------------------------------------
// spike

/** Complaints (negative posts not spreading an alerting hoax) and all posts per bucket (by its start, epoch ms) of one counter. */
type BucketCounts = Map<number, { total: number; complaints: number }>;

/** A spike decision with what joining it to another topic's thread needs (its severity rises with what joins it). */
interface SpikeDecision extends Omit<Decision, 'severity'> {
  severity: number;
  readonly topic: string;
  readonly start: number;
  readonly end: number;
  /** Complaints about the topic in the window, as of the post that raised it. */
  readonly complaints: number;
  /** Other watch topics whose spikes joined this one's thread (their posts are largely this one's). */
  related: string[];
}

async function spikeDecisions(window: readonly JudgedPost[], deps: AlertDeps): Promise<Decision[]> {
  const rule = deps.config.alerts.spike;
  const width = rule.bucketMinutes * MINUTE;
  const windowEnd = (fact: PostFact): number => bucketStart(fact.at * 1000, rule.bucketMinutes) + width;
  // A post spreading a hoax that is alerting belongs to the hoax's episode: it is no complaint here.
  const driven = new Set(window.filter((p) => p.alerting).map((p) => p.fact.key));
  const complaint = (fact: PostFact): boolean => fact.sentiment === 'negative' && !driven.has(fact.key);
  const negative = window.filter((p) => complaint(p.fact) && p.fact.topics.length > 0);
  if (negative.length === 0) return [];
  const topics = [...new Set(negative.flatMap((p) => p.fact.topics))];
  const from = Math.min(...negative.map((p) => windowEnd(p.fact))) - rule.windowMinutes * MINUTE - rule.baselineHours * HOUR;
  const to = Math.max(...negative.map((p) => windowEnd(p.fact)));
  const countsAt = (counts: BucketCounts, fromMs: number, toMs: number, field: 'total' | 'complaints') =>
    sum(counts, fromMs, toMs, width, field);

  const decisions: SpikeDecision[] = [];
  for (const topic of topics) {
    // The counters include the whole window by now (it was counted before the rules run): take
    // its posts out, and put them back one by one below.
    const about = (fact: PostFact) => fact.topics.includes(topic);
    const counts = await bucketCounts(deps, topic, from, to);
    for (const { fact } of window) if (about(fact)) addPost(counts, fact, -1, rule.bucketMinutes, complaint);
    const pastDays = new Map<number, BucketCounts>();
    for (const [index, { fact }] of window.entries()) {
      if (!about(fact)) continue;
      addPost(counts, fact, +1, rule.bucketMinutes, complaint);
      if (!complaint(fact)) continue;
      const end = windowEnd(fact);
      const start = end - rule.windowMinutes * MINUTE;
      const windowNegative = countsAt(counts, start, end, 'complaints');
      if (windowNegative < rule.minCount) continue;
      const spikeCounts = {
        windowNegative,
        windowTotal: countsAt(counts, start, end, 'total'),
        shortBaselineNegative: countsAt(counts, start - rule.baselineHours * HOUR, start, 'complaints'),
        pastDaysNegative: [] as number[],
      };
      if (!evaluateSpike(spikeCounts, rule).fire) continue;
      for (let day = 1; day <= rule.baselineDays; day++) {
        let past = pastDays.get(day);
        if (!past) pastDays.set(day, (past = await bucketCounts(deps, topic, from - day * DAY, to - day * DAY)));
        // Only days with data in that window count (a new deployment has none).
        if ([...past.keys()].some((b) => b >= start - day * DAY && b < end - day * DAY)) {
          spikeCounts.pastDaysNegative.push(sum(past, start - day * DAY, end - day * DAY, width, 'complaints'));
        }
      }
      const decision = evaluateSpike(spikeCounts, rule);
      if (!decision.fire) continue;
      const eventMs = fact.at * 1000;
      const spike: SpikeDecision = {
        index,
        kind: 'spike',
        key: topic,
        episodeId: spikeAlertId(topic, isoMinute(end)),
        severity: decision.severity,
        eventMs,
        rule,
        topic,
        start,
        end,
        complaints: windowNegative,
        related: [],
        build: async (claim) => {
          // The posts up to the one that raised it: later ones of the same window are not in `observed`.
          const evidence = await deps.posts.byTopic(topic, isoMinute(start), new Date(eventMs + 1).toISOString(), 500);
          const complaints = evidence.filter((p) => p.sentimentLabel === 'negative' && p.topics.includes(topic) && !spreadsHoax(p, deps));
          return {
            ...common(claim, 'spike', topic, spike.severity, eventMs, deps),
            windowStart: new Date(start).toISOString(),
            windowEnd: new Date(end).toISOString(),
            observed: decision.observed,
            expected: round2(decision.expected),
            ratio: round2(decision.ratio),
            windowTotal: spikeCounts.windowTotal,
            ...whereAndWho(complaints, mostNegative),
            ...(spike.related.length > 0 ? { related: spike.related.map((t) => topicLabel(t, deps)) } : {}),
          };
        },
      };
      decisions.push(spike);
    }
  }
  return joinThreads(decisions, window, deps, complaint);
}

/**
 * One incident, one thread: when two watch topics' spikes are raised by the same post and the
 * smaller one's complaints in the window are mostly the larger one's too (at least
 * `joinOverlap` of them carry both topics), the smaller one is not an episode of its own: the
 * larger one's alert names it, at the higher of the two severities.
 */
async function joinThreads(
  decisions: SpikeDecision[],
  window: readonly JudgedPost[],
  deps: AlertDeps,
  complaint: (fact: PostFact) => boolean,
): Promise<Decision[]> {
  const { joinOverlap, bucketMinutes } = deps.config.alerts.spike;
  if (joinOverlap >= 1) return decisions;
  const byIndex = new Map<number, SpikeDecision[]>();
  for (const d of decisions) byIndex.set(d.index, [...(byIndex.get(d.index) ?? []), d]);
  const from = Math.min(...decisions.map((d) => d.start));
  const to = Math.max(...decisions.map((d) => d.end));
  // Each pair's counters are read once per window (over every decision's span), without the
  // window's posts, which are then put back one by one as the posts are taken in order.
  const pairs = new Map<string, { counts: BucketCounts; upTo: number }>();
  const pairAt = async (a: string, b: string, index: number): Promise<BucketCounts> => {
    const both = (fact: PostFact) => fact.topics.includes(a) && fact.topics.includes(b);
    const key = pairCounter(a, b);
    let pair = pairs.get(key);
    if (!pair) {
      const counts = await bucketCounts(deps, key, from, to);
      for (const { fact } of window) if (both(fact)) addPost(counts, fact, -1, bucketMinutes, complaint);
      pairs.set(key, (pair = { counts, upTo: -1 }));
    }
    for (let k = pair.upTo + 1; k <= index; k++) {
      const fact = (window[k] as JudgedPost).fact;
      if (both(fact)) addPost(pair.counts, fact, +1, bucketMinutes, complaint);
    }
    pair.upTo = Math.max(pair.upTo, index);
    return pair.counts;
  };
  const joined = new Set<SpikeDecision>();
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const raised = byIndex.get(index) as SpikeDecision[];
    if (raised.length < 2) continue;
    // The largest first (most complaints, then by name): each smaller one joins the first larger one it overlaps.
    raised.sort((a, b) => b.complaints - a.complaints || a.topic.localeCompare(b.topic));
    for (const [i, small] of raised.entries()) {
      for (const big of raised.slice(0, i)) {
        if (joined.has(big)) continue;
        const counts = await pairAt(big.topic, small.topic, index);
        if (sum(counts, small.start, small.end, bucketMinutes * MINUTE, 'complaints') < joinOverlap * small.complaints) continue;
        joined.add(small);
        big.related.push(small.topic, ...small.related);
        big.severity = Math.max(big.severity, small.severity);
        break;
      }
    }
  }
  return decisions.filter((d) => !joined.has(d));
}

async function bucketCounts(deps: AlertDeps, topic: string, fromMs: number, toMs: number): Promise<BucketCounts> {
  const counts: BucketCounts = new Map();
  for (const b of await deps.counters.range(topic, isoMinute(fromMs), isoMinute(toMs))) {
    counts.set(Date.parse(b.bucket), { total: b.total, complaints: b.negative - (b.driven ?? 0) });
  }
  return counts;
}

function addPost(counts: BucketCounts, fact: PostFact, sign: 1 | -1, bucketMinutes: number, complaint: (fact: PostFact) => boolean): void {
  const bucket = bucketStart(fact.at * 1000, bucketMinutes);
  const had = counts.get(bucket) ?? { total: 0, complaints: 0 };
  counts.set(bucket, { total: had.total + sign, complaints: had.complaints + (complaint(fact) ? sign : 0) });
}

function sum(counts: BucketCounts, fromMs: number, toMs: number, width: number, field: 'total' | 'complaints'): number {
  let n = 0;
  for (let at = fromMs; at < toMs; at += width) n += counts.get(at)?.[field] ?? 0;
  return n;
}

// ---------------------------------------------------------------------------------------------
// hoax

function hoaxDecisions(window: readonly JudgedPost[], deps: AlertDeps): Decision[] {
  const rule = deps.config.alerts.hoax;
  const decisions: Decision[] = [];
  for (const [index, judged] of window.entries()) {
    const { fact, alerting } = judged;
    if (!alerting) continue;
    const { spread, decision } = alerting;
    const eventMs = fact.at * 1000;
    const windowStart = eventMs - rule.windowMinutes * MINUTE;
    const topic = fact.topics[0] ?? OFF_TOPIC;
    // One episode per watch topic: the same campaign often comes as the debunked claim and as
    // reworded copies, and the officer wants one alert for it, escalated as it grows.
    decisions.push({
      index,
      kind: 'hoax',
      key: topic,
      episodeId: hoaxAlertId(topic, isoMinute(eventMs)),
      severity: decision.severity,
      eventMs,
      rule,
      build: async (claim) => {
        const item = await storedPost(deps, fact);
        // The cluster's posts in the window, when they share a watch topic with this one.
        const nearby =
          topic === OFF_TOPIC ? [] : await deps.posts.byTopic(topic, isoMinute(windowStart), new Date(eventMs + 1).toISOString(), 500);
        const members = nearby.filter((p) =>
          item.claimSource
            ? p.claimId === item.claimId || p.hoaxEvidence.some((e) => e.includes(item.claimSource as string))
            : p.hoaxIndicators.includes('coordinated'),
        );
        if (!members.some((p) => p.postKey === item.postKey)) members.push(item);
        // Its negative posts are the hoax's, not complaint spikes of their own: the alert says how many, and about what.
        const complaints = members.filter((p) => p.sentimentLabel === 'negative');
        const related = [...new Set(complaints.flatMap((p) => p.topics))].filter((t) => t !== topic);
        return {
          ...common(claim, 'hoax', topic, decision.severity, eventMs, deps),
          windowStart: new Date(windowStart).toISOString(),
          windowEnd: new Date(eventMs).toISOString(),
          observed: spread.authors,
          expected: rule.minAuthors,
          ratio: round2(spread.authors / rule.minAuthors),
          windowTotal: members.length,
          ...whereAndWho(members, widestReach),
          ...(item.claimId && item.claimText && item.claimRating && item.claimSource
            ? { claim: { id: item.claimId, text: item.claimText, rating: item.claimRating, source: item.claimSource } }
            : {}),
          indicators: indicatorsOf(item),
          followers: spread.followers,
          ...(complaints.length > 0 ? { complaints: complaints.length } : {}),
          ...(related.length > 0 ? { related: related.map((t) => topicLabel(t, deps)) } : {}),
        };
      },
    });
  }
  return decisions;
}

/**
 * The hoax rule's answer for a judged post (aggregate.ts asks it once per post): its level counts
 * as a hoax and the text it spreads (the debunked claim it repeats, else the text it was pushed
 * with) has reached enough accounts.
 */
export function alertingHoax(
  judged: Omit<JudgedPost, 'alerting'>,
  rule: HoaxAlertRule,
): { spread: Spread; decision: HoaxDecision } | undefined {
  const { fact, level } = judged;
  if (!countsAsHoax(level, rule)) return undefined;
  const spread = fact.claim ? judged.claimSpread : judged.pushed;
  if (!spread) return undefined;
  const decision = evaluateHoaxSpread({ ...spread, knownClaim: fact.claim !== undefined }, rule);
  return decision.fire ? { spread, decision } : undefined;
}

/** A stored post that spreads a hoax (a debunked claim it repeats, or a pushed text): not a complaint of a spike's. */
const spreadsHoax = (item: PostItem, deps: AlertDeps): boolean =>
  countsAsHoax(item.hoaxLevel as HoaxLevel, deps.config.alerts.hoax) &&
  (item.claimId !== undefined || item.hoaxIndicators.includes('coordinated'));

// ---------------------------------------------------------------------------------------------
// reach

function reachDecisions(window: readonly JudgedPost[], deps: AlertDeps): Decision[] {
  const rule = deps.config.alerts.reach;
  const decisions: Decision[] = [];
  for (const [index, judged] of window.entries()) {
    const { fact, level } = judged;
    // A post of an alerting hoax is that episode's news: its reach is in the hoax alert's severity.
    if (judged.alerting) continue;
    const hoaxLike = countsAsHoax(level, deps.config.alerts.hoax);
    const complaint = fact.sentiment === 'negative' && fact.topics.length > 0;
    const decision = evaluateReach({ followers: fact.followers, reposts: fact.reposts, complaint, hoaxLike }, rule);
    if (!decision.fire) continue;
    const eventMs = fact.at * 1000;
    // One episode per account: its next large posts within the cooldown are updates, not new alerts.
    decisions.push({
      index,
      kind: 'reach',
      key: fact.author,
      episodeId: reachAlertId(fact.author, isoMinute(eventMs)),
      severity: decision.severity,
      eventMs,
      rule,
      build: async (claim) => {
        const item = await storedPost(deps, fact);
        return {
          ...common(claim, 'reach', fact.topics[0] ?? OFF_TOPIC, decision.severity, eventMs, deps),
          windowStart: item.createdAt,
          windowEnd: item.createdAt,
          observed: decision.by === 'followers' ? fact.followers : fact.reposts,
          expected: decision.by === 'followers' ? rule.minFollowers : rule.minReposts,
          ratio: round2(decision.ratio),
          windowTotal: 1,
          ...whereAndWho([item], widestReach),
          // A hoax-like post carries its indicators; a plain complaint none.
          ...(hoaxLike ? { indicators: indicatorsOf(item) } : {}),
          followers: fact.followers,
          reposts: fact.reposts,
        };
      },
    });
  }
  return decisions;
}

// ---------------------------------------------------------------------------------------------
// shared pieces

/** A stored post's hoax indicators with their evidence, as an alert shows them. */
const indicatorsOf = (item: PostItem): { name: string; evidence: readonly string[] }[] =>
  hoaxOf(item).indicators.map((i) => ({ name: i.name, evidence: i.evidence }));

/** The stored post behind a fact, for an alert that quotes it. */
async function storedPost(deps: AlertDeps, fact: PostFact): Promise<PostItem> {
  const [item] = await deps.posts.get([fact.key]);
  if (!item) throw new Error(`post ${fact.key} is in the window but not in the posts table`);
  return item;
}

/** A watch topic's label (the console's topics too), for the officer. */
function topicLabel(topic: string, deps: AlertDeps): string {
  const label = deps.topics ? deps.topics.label(topic) : deps.config.topics.find((t) => t.name === topic)?.label;
  return label ?? (deps.config.alerts.language === 'en' ? 'Outside the watch topics' : 'Di luar topik pantauan');
}

function common(claim: Claim, kind: AlertKind, topic: string, severity: number, eventMs: number, deps: AlertDeps) {
  const consoleUrl = deps.config.console.url;
  return {
    alertId: claim.alertId,
    kind,
    topic,
    topicLabel: topicLabel(topic, deps),
    severity,
    revision: claim.revision,
    firedAt: new Date(eventMs).toISOString(),
    ...(consoleUrl ? { link: episodeLink(consoleUrl, claim.alertId) } : {}),
  };
}

/** Places and cities named by the posts, and up to three sample posts in the given order. */
function whereAndWho(
  posts: readonly PostItem[],
  order: (a: PostItem, b: PostItem) => number,
): Pick<Alert, 'places' | 'cities' | 'samples'> {
  return {
    places: mostNamed(
      posts.flatMap((p) => p.places),
      PLACES_SHOWN,
    ),
    cities: mostNamed(
      posts.flatMap((p) => p.placeCities),
      PLACES_SHOWN,
    ),
    samples: [...posts]
      .sort(order)
      .slice(0, 3)
      .map((p) => ({ postKey: p.postKey, text: p.text, url: p.url, author: p.authorHandle, createdAt: p.createdAt })),
  };
}

const reachOf = (p: PostItem): number => (p.reposts ?? 0) + (p.likes ?? 0) + (p.authorFollowers ?? 0) / 1000;
/** The most negative posts first, ties broken by reach. */
const mostNegative = (a: PostItem, b: PostItem): number => a.sentimentScore - b.sentimentScore || reachOf(b) - reachOf(a);
const widestReach = (a: PostItem, b: PostItem): number => reachOf(b) - reachOf(a);

const round2 = (n: number): number => Math.round(n * 100) / 100;
