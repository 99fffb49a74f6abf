/**
 * The aggregator's core: what happens once per window per stream shard, off the posts' own path.
 * The classifier has stored each post with one conditional put; here the window's new posts are
 * taken in event-time order, each seeing everything other windows recorded and the posts of its
 * own window made before it (so the same posts give the same answers however the classifier's
 * batches interleaved them), and
 *   1. checked for coordinated posting against everything recorded of who posted what
 *      (`SpreadLog`: this window's entries are written first, so of two windows closing at once
 *      on two shards the later one sees both), and the posts found pushed get `coordinated`;
 *   2. counted: each counter item the window adds to is written once, as this writer's own item
 *      (no other writer touches it; nothing here is a transaction, so nothing can conflict),
 *      keeping the sequence number of the last post it counts; a negative post spreading a hoax
 *      that is alerting is counted as `driven` too, so complaint spikes leave it to the hoax's episode;
 *   3. held against the alert rules (window-alerts.ts).
 * Tried again after any failure (Lambda retries the window's final invocation with the same
 * state; a process that died reads the window again), it adds to each counter only what it lacks,
 * and the episode record sends nothing twice.
 */
import type { Alert } from '../alerts/alert';
import { countsAsHoax } from '../alerts/hoax';
import { SpreadIndex, claimSpreadKey, type Spread, type SpreadEntry } from '../alerts/spread';
import { coordinatedIndicator, hoaxScore, withIndicator } from '../classify/hoax';
import type { HoaxLevel, HoaxResult } from '../classify/types';
import { counterIncrements, hoaxOf, hoaxWeights, storedHoax } from '../items';
import { MINUTE } from '../time';
import type { PostStore, SpreadLog, WindowTally } from './ports';
import { alertingHoax, raiseWindowAlerts, type AlertDeps, type JudgedPost } from './window-alerts';
import { seqAfter } from './sequence';
import type { PostFact } from './window';
import { mapLimited } from '../pool';

export interface AggregatorDeps extends AlertDeps {
  readonly posts: Pick<PostStore, 'byTopic' | 'get' | 'setHoax'>;
  readonly tally: WindowTally;
  readonly spread: SpreadLog;
}

export interface WindowOutcome {
  /** Posts in the window. */
  readonly posts: number;
  /** Of them, counted now (the others were counted by an earlier try). */
  readonly counted: number;
  /** Posts newly marked `coordinated`. */
  readonly coordinated: number;
  readonly alerts: readonly Alert[];
}

/** Posts marked `coordinated` at once (one UpdateItem each). */
const MARKS_AT_ONCE = 16;

export async function closeWindow(writer: string, facts: readonly PostFact[], deps: AggregatorDeps): Promise<WindowOutcome> {
  if (facts.length === 0) return { posts: 0, counted: 0, coordinated: 0, alerts: [] };
  const counted = await deps.tally.counted(writer);
  const window = await judge(writer, facts, deps);

  // Posts found pushed by many accounts carry it in the posts table before they are counted (a
  // post counted by an earlier try of the window was marked then). Counting goes in stream order:
  // each counter item's sequence number moves along the shard.
  const judged = new Map(window.map((p) => [p.fact.key, p]));
  const fresh = facts.filter((f) => seqAfter(f.seq, counted)).map((f) => judged.get(f.key) as JudgedPost);
  const marked = fresh.filter((p) => p.pushed);
  const { windowMinutes } = deps.config.hoax.coordinated;
  const stored = marked.length > 0 ? await deps.posts.get(marked.map((p) => p.fact.key)) : [];
  await mapLimited(stored, MARKS_AT_ONCE, (item) => {
    const { authors } = judged.get(item.postKey)?.pushed as Spread;
    return deps.posts.setHoax(item.postKey, storedHoax(withIndicator(hoaxOf(item), coordinatedIndicator(authors, windowMinutes))));
  });

  const { bucketMinutes } = deps.config.alerts.spike;
  const { stateDays } = deps.config.retention;
  const increments = fresh.map((post) => ({
    seq: post.fact.seq,
    increments: counterIncrements(
      {
        createdAtEpoch: post.fact.at,
        sentimentLabel: post.fact.sentiment,
        hoaxLevel: post.level,
        topics: post.fact.topics,
        placeCities: post.fact.cities,
        driven: post.alerting !== undefined,
      },
      bucketMinutes,
      stateDays,
    ),
  }));
  if (fresh.length > 0) {
    await deps.tally.add(writer, increments);
    await deps.tally.mark(writer, (fresh[fresh.length - 1] as JudgedPost).fact.seq);
  }

  const alerts = await raiseWindowAlerts(window, deps);
  return { posts: facts.length, counted: fresh.length, coordinated: marked.length, alerts };
}

/**
 * Coordinated posting and hoax spread for each post of the window, in event-time order (the
 * order the rules take them in): each post sees what every other window recorded, and the posts
 * of its own window made before it.
 */
async function judge(writer: string, facts: readonly PostFact[], deps: AggregatorDeps): Promise<JudgedPost[]> {
  const coordinated = deps.config.hoax.coordinated;
  const hoaxRule = deps.config.alerts.hoax;
  const pushWindow = coordinated.windowMinutes * MINUTE;
  const claimWindow = hoaxRule.windowMinutes * MINUTE;
  const id = facts[0]?.seq ?? '';
  const entries = facts.map((fact) => spreadEntry(fact, countsAsHoax(fact.hoax as HoaxLevel, hoaxRule)));
  await deps.spread.put(
    writer,
    id,
    entries.filter((e) => e.keys.length > 0),
  );
  const times = facts.map((f) => f.at * 1000);
  const index = new SpreadIndex();
  for (const page of await deps.spread.read(Math.min(...times) - Math.max(pushWindow, claimWindow), Math.max(...times))) {
    if (page.writer === writer && page.window === id) continue;
    for (const entry of page.entries) index.add(entry);
  }

  const byEventTime = facts.map((fact, i) => ({ fact, entry: entries[i] as SpreadEntry })).sort((a, b) => a.fact.at - b.fact.at);
  return byEventTime.map(({ fact, entry }) => {
    index.add(entry);
    const atMs = fact.at * 1000;
    let level = fact.hoax as HoaxLevel;
    let pushed: Spread | undefined;
    if (fact.bands.length > 0) {
      const spread = index.widest(fact.bands, atMs, pushWindow);
      if (spread.authors >= coordinated.minAuthors) {
        pushed = spread;
        level = withIndicator(weighed(fact), coordinatedIndicator(spread.authors, coordinated.windowMinutes)).level;
      }
    }
    let claimSpread: Spread | undefined;
    if (fact.claim) {
      const key = claimSpreadKey(fact.claim);
      // A post that counts as a hoax only once pushed joins its claim's spread now.
      if (!entry.keys.includes(key) && countsAsHoax(level, hoaxRule)) index.add({ ...entry, keys: [key] });
      claimSpread = index.widest([key], atMs, claimWindow);
    }
    const judged = { fact, level, ...(pushed ? { pushed } : {}), ...(claimSpread ? { claimSpread } : {}) };
    const alerting = alertingHoax(judged, hoaxRule);
    return alerting ? { ...judged, alerting } : judged;
  });
}

/**
 * What a post adds to the spread record: its fingerprint keys, and its debunked claim's key when
 * it repeats the claim as a hoax (a debunk quoting the claim does not spread it).
 */
function spreadEntry(fact: PostFact, hoaxLike: boolean): SpreadEntry {
  const keys = [...fact.bands, ...(fact.claim && hoaxLike ? [claimSpreadKey(fact.claim)] : [])];
  return { author: fact.author, followers: fact.followers, atMs: fact.at * 1000, keys };
}

/** The post's hoax indicators with their weights (evidence is not needed to score them). */
function weighed(fact: PostFact): HoaxResult {
  const indicators = [...hoaxWeights(fact.weights)].map(([name, weight]) => ({ name, weight, evidence: [] }));
  return { score: hoaxScore(indicators), level: fact.hoax as HoaxLevel, indicators };
}
