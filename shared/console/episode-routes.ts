/**
 * The console's reading routes: the overview, the alert episodes with the posts behind them, the
 * response to an episode, and the posts search.
 */
import { Hono } from 'hono';
import { ALERT_KINDS, episodeLink } from '../alerts/alert';
import { ALL_TOPICS, fromAlertItem, type PostItem } from '../items';
import { DAY, HOUR, MINUTE } from '../time';
import type { ConsoleDeps } from './app';
import {
  ResponseStepSchema,
  type AlertSummary,
  type ApiError,
  type EpisodeView,
  type Overview,
  type Page,
  type PostView,
} from './contract';
import type { PageKey } from './ports';
import {
  BadRequest,
  canWrite,
  cursorParam,
  enumParam,
  intParam,
  PAGE_DEFAULT,
  PAGE_MAX,
  isoParam,
  isRecord,
  isString,
  jsonBody,
  optional,
  parseBody,
  refused,
  textParam,
  type ConsoleEnv,
} from './request';
import {
  HOAX_FILTERS,
  SENTIMENTS,
  alertSummary,
  byFiredDesc,
  bySeverity,
  encodeCursor,
  episodeFilter,
  episodeSpan,
  filledBuckets,
  isIncident,
  matchesFilter,
  nextResponse,
  placesOf,
  postView,
  responseEventsOf,
  responseSummaryOf,
  revisionsOf,
  spreadersOf,
  type PostFilter,
} from './views';

/** Posts read at most per request while looking for the ones a filter keeps. */
const SCAN_BUDGET = 2_000;
/** Posts an episode's spreaders and places are counted over, at most. */
const EPISODE_POSTS_MAX = 1_000;

/** Where a page of a topic's posts ends: the index key of its last post, to go on from. */
const keyOf = (p: PostItem): PageKey => ({ postKey: p.postKey, topic: p.topic, createdAt: p.createdAt });

export function episodeRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const now = deps.now ?? Date.now;
  const bucketMinutes = deps.config.alerts.spike.bucketMinutes;
  const app = new Hono<ConsoleEnv>();

  /** The end of what is shown: now, or the newest counted bucket's end when all the data is older than the span (a replay). */
  const asOfFor = async (spanMs: number): Promise<number> => {
    const wall = now();
    const latest = await deps.countedUpTo.latestBucket();
    if (latest === undefined) return wall;
    const latestEnd = Date.parse(latest) + bucketMinutes * MINUTE;
    return latestEnd < wall - spanMs ? latestEnd : wall;
  };

  const openEpisodes = async (): Promise<AlertSummary[]> => {
    const open = (await deps.episodes.all()).filter((e) => !e.resolved && ALERT_KINDS.includes(e.kind as never));
    const items = await deps.alerts.getMany(open.map((e) => e.alertId));
    return items
      .filter(isIncident)
      .map(alertSummary)
      .filter((a) => a.state === 'open')
      .sort(bySeverity);
  };

  app.get('/overview', async (c) => {
    const hours = intParam(c, 'hours', { min: 1, max: 72, fallback: 24 });
    await deps.topics.refresh();
    const spanMs = hours * HOUR;
    const [asOf, open] = await Promise.all([asOfFor(spanMs), openEpisodes()]);
    const from = asOf - spanMs;
    const fromIso = new Date(from).toISOString();
    const asOfIso = new Date(asOf).toISOString();
    const topics = await Promise.all(
      deps.topics.all.map(async (t) => {
        const buckets = filledBuckets(await deps.counters.range(t.name, fromIso, asOfIso), from, asOf, bucketMinutes);
        const totals = buckets.reduce(
          (sum, b) => ({ total: sum.total + b.total, negative: sum.negative + b.negative, hoax: sum.hoax + b.hoax }),
          { total: 0, negative: 0, hoax: 0 },
        );
        return { name: t.name, label: t.label, disabled: t.disabled, buckets, totals };
      }),
    );
    return c.json<Overview>({ asOf: asOfIso, from: fromIso, bucketMinutes, topics, open });
  });

  app.get('/alerts', async (c) => {
    const state = enumParam(c, 'state', ['open', 'resolved', 'all'] as const) ?? 'all';
    const kind = enumParam(c, 'kind', ALERT_KINDS);
    const topic = c.req.query('topic');
    const limit = intParam(c, 'limit', { min: 1, max: PAGE_MAX, fallback: PAGE_DEFAULT });
    const keep = (a: AlertSummary): boolean => (!kind || a.kind === kind) && (!topic || a.topic === topic);
    if (state === 'open') return c.json<Page<AlertSummary>>({ items: (await openEpisodes()).filter(keep) });

    const cursor = cursorParam(
      c,
      (v): v is { firedAt: string; alertId: string } => isRecord(v) && isString(v.firedAt) && isString(v.alertId),
    );
    const upTo = cursor?.firedAt ?? new Date(now() + DAY).toISOString();
    const kinds = kind ? [kind] : ALERT_KINDS;
    // Each kind's newest up to the cursor, merged; those at the cursor's time that were already shown are left out.
    const fetched = (await Promise.all(kinds.map((k) => deps.alerts.firedUpTo(k, upTo, limit + 1 + 20))))
      .flat()
      .map(alertSummary)
      .filter((a) => !cursor || a.firedAt < cursor.firedAt || (a.firedAt === cursor.firedAt && a.alertId < cursor.alertId))
      .sort(byFiredDesc);
    const matching = fetched.filter((a) => keep(a) && (state === 'all' || a.state === state));
    const items = matching.slice(0, limit);
    const lastSeen = items.length === limit ? items[items.length - 1] : fetched.length > limit ? fetched[limit - 1] : undefined;
    const more = matching.length > limit || fetched.length > limit;
    return c.json<Page<AlertSummary>>({
      items,
      ...(more && lastSeen ? { next: encodeCursor({ firedAt: lastSeen.firedAt, alertId: lastSeen.alertId }) } : {}),
    });
  });

  /** The episode's topic's posts in its span that are behind it, from `start`. */
  const episodePosts = async (alertItem: Record<string, unknown>, want: number, start?: PageKey) => {
    const { alert } = fromAlertItem(alertItem);
    const span = episodeSpan(revisionsOf(alertItem, alert));
    if (alert.kind === 'reach' || !knownTopic(alert.topic)) {
      // One post raised it (reach), or its posts are on no watch topic: the samples are what there is.
      const posts = await deps.posts.get(alert.samples.map((s) => s.postKey));
      return { posts: posts.sort((a, b) => b.createdAt.localeCompare(a.createdAt)), next: undefined };
    }
    const to = new Date(Date.parse(alert.resolvedAt ?? span.to) + 1).toISOString();
    return filteredPosts(alert.topic, span.from, to, episodeFilter(alert), want, start);
  };

  const knownTopic = (name: string): boolean => deps.topics.all.some((t) => t.name === name);

  /** Pages of a topic's posts, kept by `filter`, until `want` are found or the scan budget is spent. */
  const filteredPosts = async (topic: string, from: string, to: string, filter: PostFilter, want: number, start?: PageKey) => {
    const kept: PostItem[] = [];
    let position = start;
    let scanned = 0;
    for (;;) {
      const page = await deps.posts.page(topic, from, to, Math.min(500, SCAN_BUDGET - scanned), position);
      scanned += page.items.length;
      for (const [i, p] of page.items.entries()) {
        if (!matchesFilter(p, filter)) continue;
        kept.push(p);
        if (kept.length < want) continue;
        const atEnd = i === page.items.length - 1 && !page.last;
        return { posts: kept, next: atEnd ? undefined : keyOf(p) };
      }
      if (!page.last) return { posts: kept, next: undefined };
      position = page.last;
      // Out of budget: the next page goes on from here (this one may hold fewer than asked).
      if (scanned >= SCAN_BUDGET) return { posts: kept, next: position };
    }
  };

  const postsPage = (found: { posts: PostItem[]; next?: PageKey }): Page<PostView> => ({
    items: found.posts.map(postView),
    ...(found.next ? { next: encodeCursor(found.next) } : {}),
  });

  app.get('/alerts/:id', async (c) => {
    const item = await deps.alerts.get(c.req.param('id'));
    if (!item || !isIncident(item)) return c.json<ApiError>({ error: `no alert episode ${c.req.param('id')}` }, 404);
    await deps.topics.refresh();
    const { alert } = fromAlertItem(item);
    const revisions = revisionsOf(item, alert);
    const span = episodeSpan(revisions);
    const [behind, timeline] = await Promise.all([
      episodePosts(item, EPISODE_POSTS_MAX),
      (async () => {
        const from = Date.parse(span.from) - 3 * HOUR;
        const to = Math.min(Date.parse(alert.resolvedAt ?? span.to) + HOUR, Math.max(now(), Date.parse(span.to)));
        const counter = knownTopic(alert.topic) ? alert.topic : ALL_TOPICS;
        const counted = await deps.counters.range(counter, new Date(from).toISOString(), new Date(to).toISOString());
        return { bucketMinutes, buckets: filledBuckets(counted, from, to, bucketMinutes) };
      })(),
    ]);
    const first = behind.posts.slice(0, PAGE_DEFAULT);
    const firstPage = postsPage({
      posts: first,
      ...(behind.posts.length > PAGE_DEFAULT
        ? { next: keyOf(first[first.length - 1] as PostItem) }
        : behind.next
          ? { next: behind.next }
          : {}),
    });
    const consoleUrl = deps.config.console.url;
    return c.json<EpisodeView>({
      alert: {
        ...alertSummary(item),
        ratio: alert.ratio,
        windowTotal: alert.windowTotal,
        ...(alert.followers !== undefined ? { followers: alert.followers } : {}),
        ...(alert.reposts !== undefined ? { reposts: alert.reposts } : {}),
        ...(alert.indicators ? { indicators: alert.indicators } : {}),
        ...(alert.complaints !== undefined ? { complaints: alert.complaints } : {}),
        ...(alert.related ? { related: alert.related } : {}),
      },
      revisions,
      timeline,
      posts: firstPage,
      places: placesOf(behind.posts),
      ...(alert.claim ? { claim: alert.claim } : {}),
      spreaders: spreadersOf(behind.posts),
      response: { ...responseSummaryOf(item), events: responseEventsOf(item) },
      ...(consoleUrl ? { link: episodeLink(consoleUrl, alert.alertId) } : {}),
    });
  });

  app.get('/alerts/:id/posts', async (c) => {
    const item = await deps.alerts.get(c.req.param('id'));
    if (!item || !isIncident(item)) return c.json<ApiError>({ error: `no alert episode ${c.req.param('id')}` }, 404);
    await deps.topics.refresh();
    const start = cursorParam(c, isRecord);
    const limit = intParam(c, 'limit', { min: 1, max: PAGE_MAX, fallback: PAGE_DEFAULT });
    return c.json<Page<PostView>>(postsPage(await episodePosts(item, limit, start)));
  });

  app.post('/alerts/:id/response', async (c) => {
    if (!canWrite(c, deps.officersGroup)) return refused(c, deps.officersGroup);
    const step = parseBody(ResponseStepSchema, await jsonBody(c));
    const alertId = c.req.param('id');
    const item = await deps.alerts.get(alertId);
    if (!item || !isIncident(item)) return c.json<ApiError>({ error: `no alert episode ${alertId}` }, 404);
    const decided = nextResponse(
      responseSummaryOf(item),
      step,
      c.get('identity').user,
      new Date(now()).toISOString(),
      deps.config.console.assignees,
    );
    if (!decided.ok) throw new BadRequest(decided.field, decided.error);
    const after = await deps.responses.add(alertId, decided.event, decided.next);
    if (!after) return c.json<ApiError>({ error: `no alert episode ${alertId}` }, 404);
    return c.json<EpisodeView['response']>({ ...after.summary, events: after.events });
  });

  app.get('/posts', async (c) => {
    const topic = c.req.query('topic');
    if (!topic) throw new BadRequest('topic', 'topic is required: posts are read per watch topic');
    const to = isoParam(c, 'to') ?? new Date(now() + MINUTE).toISOString();
    const from = isoParam(c, 'from') ?? new Date(Date.parse(to) - 30 * DAY).toISOString();
    if (from >= to) throw new BadRequest('from', 'from must be before to');
    const filter: PostFilter = {
      ...optional('sentiment', enumParam(c, 'sentiment', SENTIMENTS)),
      ...optional('hoax', enumParam(c, 'hoax', HOAX_FILTERS)),
      ...optional('place', textParam(c, 'place')),
      ...optional('q', textParam(c, 'q')),
    };
    const limit = intParam(c, 'limit', { min: 1, max: PAGE_MAX, fallback: PAGE_DEFAULT });
    const start = cursorParam(c, isRecord);
    return c.json<Page<PostView>>(postsPage(await filteredPosts(topic, from, to, filter, limit, start)));
  });

  return app;
}
