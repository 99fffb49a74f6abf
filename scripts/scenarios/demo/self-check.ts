/**
 * The scenario self-check: replays the spike rule on the day's intended sentiment (and on a
 * harsher reading) with the pipeline's own topic matcher, and says what fails to tell the story.
 */
import { evaluateSpike, type SpikeDecision } from '../../../shared/alerts/spike';
import { normalise } from '../../../shared/classify/normalise';
import { makeTopicMatcher } from '../../../shared/classify/topics';
import { type Config, type SpikeRule } from '../../../shared/config';
import { HOUR, MINUTE } from '../time';
import { clockOf, DAY_START, type Draft } from './day';
import { FLOOD_END, FLOOD_START } from './flood';
import { HOAX_POSTS } from './hoax';

interface Firing {
  readonly topic: string;
  readonly at: number;
  readonly observed: number;
  readonly expected: number;
}

interface HourRow {
  total: number;
  banjir: number;
  banjirNeg: number;
  flood: number;
  hoax: number;
  debunk: number;
  english: number;
}

export interface DayCheck {
  readonly table: readonly HourRow[];
  /** Spikes on the intended sentiment. */
  readonly intended: readonly Firing[];
  /** Spikes when every post with a problem word reads as negative. */
  readonly pessimistic: readonly Firing[];
  readonly closestIntended: readonly string[];
  readonly closestPessimistic: readonly string[];
  /** Share of posts in English. */
  readonly english: number;
  readonly hoaxAccounts: number;
  /** Empty when the day tells its story. */
  readonly failures: readonly string[];
}

/** The spike rule at `t` over one topic's negative post times (no past days here). */
function decideAt(times: readonly number[], t: number, rule: SpikeRule): SpikeDecision {
  const window = rule.windowMinutes * MINUTE;
  return evaluateSpike(
    {
      windowNegative: times.filter((x) => x > t - window && x <= t).length,
      windowTotal: 0,
      shortBaselineNegative: times.filter((x) => x > t - window - rule.baselineHours * HOUR && x <= t - window).length,
      pastDaysNegative: [],
    },
    rule,
  );
}

/** The spike rule on event time, the way the pipeline applies it after each post. */
function spikes(negatives: ReadonlyMap<string, readonly number[]>, rule: SpikeRule): Firing[] {
  const firings: Firing[] = [];
  for (const [topic, times] of negatives) {
    let quietUntil = -Infinity;
    for (const t of times) {
      const decision = decideAt(times, t, rule);
      if (decision.fire && t > quietUntil) {
        firings.push({ topic, at: t, observed: decision.observed, expected: decision.expected });
        quietUntil = t + rule.cooldownMinutes * MINUTE;
      }
    }
  }
  return firings.sort((a, b) => a.at - b.at);
}

/** The evaluation that came nearest to firing without firing, per topic: how close the day runs to the rule. */
function closestCalls(negatives: ReadonlyMap<string, readonly number[]>, fired: readonly Firing[], rule: SpikeRule): string[] {
  const lines: string[] = [];
  for (const [topic, times] of negatives) {
    let best: { at: number; observed: number; expected: number; closeness: number } | undefined;
    for (const t of times) {
      if (fired.some((f) => f.topic === topic && t >= f.at - HOUR && t <= f.at + rule.cooldownMinutes * MINUTE)) continue;
      const { observed, expected } = decideAt(times, t, rule);
      const closeness = Math.min(observed / rule.minCount, observed / expected / rule.ratio);
      if (!best || closeness > best.closeness) best = { at: t, observed, expected, closeness };
    }
    if (best)
      lines.push(`${topic} ${clockOf(best.at)} ${best.observed}/${best.expected.toFixed(1)} (${Math.round(best.closeness * 100)}%)`);
  }
  return lines;
}

/**
 * A harsher reading: a lexicon classifier scores city-problem words negative in themselves
 * (`macet`, `banjir`, `padat`, `jebol`…), so any post holding one may come out negative.
 */
const LIKELY_NEGATIVE =
  /(?<![\p{L}])(macet|macetnya|banjir|banjirnya|kebanjiran|padat|padet|genangan|tergenang|jebol|tenggelam|antri|antrian|penuh|mati|rusak|telat|gangguan|keruh|polusi|mogok|panik|heboh|hoaks|hoax|traffic|flood|flooded|flooding)(?![\p{L}])/iu;

/** Judges the day (drafts in time order, `postCount` posts written) with the pipeline's own topic matcher and spike rule. */
export function checkDay(drafts: readonly Draft[], postCount: number, config: Config): DayCheck {
  const rule = config.alerts.spike;
  const matchTopics = makeTopicMatcher(config.topics);
  const topicOf = drafts.map((d) => matchTopics(normalise(d.text)).map((m) => m.name));
  const negativesBy = (isNegative: (d: Draft) => boolean): Map<string, number[]> => {
    const map = new Map<string, number[]>();
    drafts.forEach((d, i) => {
      if (!isNegative(d)) return;
      for (const topic of topicOf[i] ?? []) map.set(topic, [...(map.get(topic) ?? []), d.at]);
    });
    return map;
  };
  const intendedNegatives = negativesBy((d) => d.sentiment === 'neg');
  const pessimisticNegatives = negativesBy((d) => d.sentiment === 'neg' || LIKELY_NEGATIVE.test(d.text));
  const intended = spikes(intendedNegatives, rule);
  const pessimistic = spikes(pessimisticNegatives, rule);

  const table: HourRow[] = Array.from({ length: 24 }, () => ({ total: 0, banjir: 0, banjirNeg: 0, flood: 0, hoax: 0, debunk: 0, english: 0 }));
  drafts.forEach((d, i) => {
    const row = table[Math.floor((d.at - DAY_START) / HOUR)];
    if (!row) throw new Error(`post outside the day: ${new Date(d.at).toISOString()}`);
    row.total += 1;
    if (topicOf[i]?.includes('banjir')) {
      row.banjir += 1;
      if (d.sentiment === 'neg') row.banjirNeg += 1;
    }
    if (d.kind === 'flood') row.flood += 1;
    if (d.kind === 'hoax') row.hoax += 1;
    if (d.kind === 'debunk') row.debunk += 1;
    if (d.lang === 'en') row.english += 1;
  });

  const failures: string[] = [];
  if (postCount < 2200) failures.push(`only ${postCount} posts, want at least 2200`);
  table.slice(0, 14).forEach((row, h) => {
    if (row.banjir > 3) failures.push(`${h}:00 WIB has ${row.banjir} banjir posts before the flood, want at most 3`);
  });
  const floodFiring = intended.find((f) => f.topic === 'banjir');
  if (!floodFiring || floodFiring.at < FLOOD_START || floodFiring.at > FLOOD_END)
    failures.push('the banjir spike does not fire between 15:00 and 17:30 WIB');
  for (const f of [...intended, ...pessimistic]) {
    if (f.topic === 'banjir' && (f.at < FLOOD_START || f.at > FLOOD_END))
      failures.push(`a second banjir spike at ${clockOf(f.at)} WIB (${f.observed} vs ${f.expected.toFixed(1)} expected)`);
    if (f.topic !== 'banjir')
      failures.push(`unexpected ${f.topic} spike at ${clockOf(f.at)} WIB (${f.observed} vs ${f.expected.toFixed(1)} expected)`);
  }
  const hoaxAccounts = new Set(drafts.filter((d) => d.kind === 'hoax').map((d) => d.author.handle)).size;
  if (hoaxAccounts !== HOAX_POSTS) failures.push(`hoax pushed by ${hoaxAccounts} distinct accounts, want ${HOAX_POSTS}`);
  const english = drafts.filter((d) => d.lang === 'en').length / drafts.length;
  if (english < 0.1 || english > 0.15) failures.push(`English share ${(english * 100).toFixed(1)}%, want 10–15%`);

  return {
    table,
    intended,
    pessimistic,
    closestIntended: closestCalls(intendedNegatives, intended, rule),
    closestPessimistic: closestCalls(pessimisticNegatives, pessimistic, rule),
    english,
    hoaxAccounts,
    failures,
  };
}

/** The check as the lines make-demo prints: posts per hour, spikes, closest calls, English share. */
export function describeCheck(check: DayCheck): string[] {
  const pad = (n: number, width: number): string => String(n).padStart(width);
  const describe = (f: Firing): string =>
    `${f.topic} at ${clockOf(f.at)} WIB: ${f.observed} negative in 60 min vs ${f.expected.toFixed(1)} expected`;
  return [
    'hour WIB  total  banjir  (neg)  flood  hoax  debunk  en',
    ...check.table.map(
      (row, h) =>
        `${String(h).padStart(2, '0')}:00    ${pad(row.total, 5)}  ${pad(row.banjir, 6)}  ${pad(row.banjirNeg, 5)}  ${pad(row.flood, 5)}  ${pad(row.hoax, 4)}  ${pad(row.debunk, 6)}  ${pad(row.english, 3)}`,
    ),
    `spikes (intended sentiment): ${check.intended.map(describe).join('; ') || 'none'}`,
    `spikes (problem words read as negative): ${check.pessimistic.map(describe).join('; ') || 'none'}`,
    `closest calls outside alerts (intended): ${check.closestIntended.join(', ')}`,
    `closest calls outside alerts (problem words): ${check.closestPessimistic.join(', ')}`,
    `English ${(check.english * 100).toFixed(1)}%, hoax accounts ${check.hoaxAccounts}`,
  ];
}
