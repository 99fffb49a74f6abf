/**
 * The team's daily summary (07:00 in Jakarta by default): the last 24 hours in figures per watch
 * topic and the day's alert episodes, sent once per day through the alerts topic (kind `digest`,
 * so subscriptions can take or leave it).
 */
import { digestAlertId, type Alert, type DailyFigures } from '../alerts/alert';
import type { LiveTopics } from '../classify/live-topics';
import type { Config } from '../config';
import { DAY, calendarDay, isoMinute } from '../time';
import { CITIES } from '../classify/places-jakarta';
import { placeCounter } from '../items';
import { markPublished } from './mark-sent';
import type { AlertEpisodes, AlertPublisher, BucketCount, Counters } from './ports';

export interface DigestDeps {
  readonly config: Config;
  readonly counters: Pick<Counters, 'range'>;
  readonly episodes: AlertEpisodes;
  readonly publisher: AlertPublisher;
  /** Waits between tries of marking the published digest sent; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The watch topics in effect (the console's additions too); the config's when absent. */
  readonly topics?: Pick<LiveTopics, 'all' | 'refresh'>;
}

/** Once a day, whatever runs it: the second run of the same day finds the day's digest claimed. */
const ONCE_A_DAY = { cooldownMinutes: 20 * 60, severityStep: 10 };
const DIGEST_KEY = 'daily';

/** Builds and sends the digest for the 24 hours before `nowMs`; undefined when it was already sent today. */
export async function sendDailyDigest(nowMs: number, deps: DigestDeps): Promise<Alert | undefined> {
  const day = calendarDay(nowMs, deps.config.timezone);
  const claim = await deps.episodes.claim('digest', DIGEST_KEY, digestAlertId(day), 1, nowMs, ONCE_A_DAY);
  if (claim.action === 'none') return undefined;
  const pending = claim.action === 'unsent' ? await deps.episodes.get(claim.alertId) : undefined;
  const digest = pending ?? (await buildDigest(nowMs, claim.alertId, deps));
  if (!pending) await deps.episodes.record(digest);
  await deps.publisher.publish(digest);
  await markPublished(deps, 'digest', DIGEST_KEY, digest);
  return digest;
}

async function buildDigest(nowMs: number, alertId: string, deps: DigestDeps): Promise<Alert> {
  const from = nowMs - DAY;
  const topics: DailyFigures['topics'][number][] = [];
  const sum = (buckets: readonly BucketCount[], field: 'total' | 'negative' | 'hoax'): number =>
    buckets.reduce((n, b) => n + (b[field] ?? 0), 0);
  await deps.topics?.refresh();
  const watched = deps.topics ? deps.topics.all.filter((t) => !t.disabled) : deps.config.topics;
  for (const topic of watched) {
    const buckets = await deps.counters.range(topic.name, isoMinute(from), isoMinute(nowMs));
    const cities: DailyFigures['topics'][number]['cities'][number][] = [];
    if (buckets.length > 0) {
      for (const city of CITIES) {
        const inCity = await deps.counters.range(placeCounter(topic.name, city), isoMinute(from), isoMinute(nowMs));
        if (inCity.length > 0) cities.push({ city, total: sum(inCity, 'total'), negative: sum(inCity, 'negative') });
      }
    }
    topics.push({
      topic: topic.name,
      label: topic.label,
      total: sum(buckets, 'total'),
      negative: sum(buckets, 'negative'),
      hoax: sum(buckets, 'hoax'),
      cities: cities.sort((a, b) => b.negative - a.negative || b.total - a.total),
    });
  }
  const fired = await deps.episodes.firedBetween(new Date(from).toISOString(), new Date(nowMs).toISOString());
  const alerts = fired
    .sort((a, b) => a.alert.firedAt.localeCompare(b.alert.firedAt))
    .map(({ alert, status }) => ({
      alertId: alert.alertId,
      kind: alert.kind,
      topicLabel: alert.topicLabel,
      severity: alert.severity,
      status,
      resolved: alert.resolvedAt !== undefined,
    }));
  const total = topics.reduce((n, t) => n + t.total, 0);
  return {
    alertId,
    kind: 'digest',
    topic: 'semua',
    topicLabel: deps.config.alerts.language === 'en' ? 'All watch topics' : 'Semua topik pantauan',
    severity: 1,
    revision: 1,
    firedAt: new Date(nowMs).toISOString(),
    windowStart: new Date(from).toISOString(),
    windowEnd: new Date(nowMs).toISOString(),
    observed: total,
    expected: 0,
    ratio: 0,
    windowTotal: total,
    places: [],
    cities: [],
    samples: [],
    digest: { topics: topics.sort((a, b) => b.total - a.total), alerts },
  };
}
