/**
 * The console's HTTP API (contract.ts), one Hono app for both places it runs: behind API Gateway
 * on Lambda (functions/console-api) and on Node for the local stack (infra/local/console-server).
 * It reads through the ports, shapes answers with views.ts, and answers JSON only: the page
 * renders every text from posts as text, so nothing here escapes or builds markup.
 *
 * Who asks comes from `identify` (the JWT API Gateway checked, or the local user); only the
 * officers' group may write (respond, edit topics, import claims): others get 403.
 */
import { Hono, type Context } from 'hono';
import type * as z from 'zod';
import { ALERT_KINDS, episodeLink } from '../alerts/alert';
import { SEED_CLAIMS } from '../claims/seed';
import { parseClaimLine } from '../claims/parse';
import type { ClaimRecord } from '../claims/types';
import type { EffectiveTopic } from '../classify/live-topics';
import type { Config } from '../config';
import { ALL_TOPICS, fromAlertItem, type PostItem } from '../items';
import type { AlertEpisodes, ClaimStore, Counters, StoredTopic, TopicStore } from '../pipeline/ports';
import { describeIssues } from '../post';
import { DAY, HOUR, MINUTE } from '../time';
import {
  API_BASE,
  ResponseStepSchema,
  TopicInputSchema,
  type AlertSummary,
  type ApiError,
  type ClaimImportResult,
  type ClaimView,
  type EpisodeView,
  type Me,
  type Overview,
  type Page,
  type PostView,
  type TopicList,
  type TopicView,
} from './contract';
import type { AlertReads, CountedUpTo, PageKey, PostReads, ResponseLog } from './ports';
import {
  HOAX_FILTERS,
  SENTIMENTS,
  alertSummary,
  byFiredDesc,
  bySeverity,
  decodeCursor,
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

/** Who is asking, and the groups they are in. */
export interface Identity {
  readonly user: string;
  readonly groups: readonly string[];
}

/** The watch topics in effect (config and console), kept fresh. */
export interface TopicsInEffect {
  readonly all: readonly EffectiveTopic[];
  /** Reloads when stale, or at once when `force`d. */
  refresh(force?: boolean): Promise<void>;
}

export interface ConsoleDeps {
  readonly config: Config;
  readonly alerts: AlertReads;
  readonly posts: PostReads;
  readonly counters: Pick<Counters, 'range'>;
  readonly countedUpTo: CountedUpTo;
  readonly episodes: Pick<AlertEpisodes, 'all'>;
  readonly responses: ResponseLog;
  readonly topics: TopicsInEffect;
  readonly topicStore: TopicStore;
  readonly claims: ClaimStore;
  /** Who asks; undefined: nobody signed in (401). */
  readonly identify: (c: Context) => Identity | undefined;
  /** The group whose members may write. */
  readonly officersGroup: string;
  /** When given, the group whose members may read: a user in neither group is refused (403). */
  readonly readersGroup?: string;
  readonly now?: () => number;
  /** Told of an error the API answered 500 for. */
  readonly onError?: (err: unknown, path: string) => void;
}

/** A request that names a bad field: answered 400 with the field. */
class BadRequest extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type Env = { Variables: { identity: Identity } };

/** Posts read at most per request while looking for the ones a filter keeps. */
const SCAN_BUDGET = 2_000;
/** Posts an episode's spreaders and places are counted over, at most. */
const EPISODE_POSTS_MAX = 1_000;
const PAGE_DEFAULT = 20;
const PAGE_MAX = 100;

export function consoleApp(deps: ConsoleDeps): Hono<Env> {
  const now = deps.now ?? Date.now;
  const bucketMinutes = deps.config.alerts.spike.bucketMinutes;
  const app = new Hono<Env>().basePath(API_BASE);

  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json<ApiError>({ error: err.message, field: err.field }, 400);
    deps.onError?.(err, c.req.path);
    return c.json<ApiError>({ error: 'the console could not answer; the error is in its log' }, 500);
  });
  app.notFound((c) => c.json<ApiError>({ error: `no such route: ${c.req.method} ${c.req.path}` }, 404));

  app.use('*', async (c, next) => {
    const identity = deps.identify(c);
    if (!identity) return c.json<ApiError>({ error: 'sign in first' }, 401);
    const { readersGroup } = deps;
    if (readersGroup && !identity.groups.some((g) => g === deps.officersGroup || g === readersGroup)) {
      return c.json<ApiError>(
        { error: `your account is in neither console group (${deps.officersGroup}, ${readersGroup}): ask an admin to add you to one` },
        403,
      );
    }
    c.set('identity', identity);
    c.header('Cache-Control', 'no-store');
    await next();
  });
  const canWrite = (c: Context<Env>): boolean => c.get('identity').groups.includes(deps.officersGroup);
  const refused = (c: Context<Env>) =>
    c.json<ApiError>({ error: `only the officers' group (${deps.officersGroup}) may change this; you can read` }, 403);

  app.get('/me', (c) =>
    c.json<Me>({
      user: c.get('identity').user,
      canRespond: canWrite(c),
      assignees: deps.config.console.assignees,
      language: deps.config.alerts.language,
      timezone: deps.config.timezone,
    }),
  );

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
    if (!canWrite(c)) return refused(c);
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

  app.get('/claims', async (c) => {
    const limit = intParam(c, 'limit', { min: 1, max: PAGE_MAX, fallback: 50 });
    const offset = cursorParam(c, (v): v is number => Number.isInteger(v) && (v as number) >= 0) ?? 0;
    const stored = await deps.claims.all();
    const storedIds = new Set(stored.map((s) => s.id));
    const all: ClaimView[] = [
      ...stored.map((claim) => claimView(claim, 'store')),
      ...SEED_CLAIMS.filter((s) => !storedIds.has(s.id)).map((claim) => claimView(claim, 'seed')),
    ];
    const items = all.slice(offset, offset + limit);
    return c.json<Page<ClaimView>>({ items, ...(offset + limit < all.length ? { next: encodeCursor(offset + limit) } : {}) });
  });

  app.post('/claims', async (c) => {
    if (!canWrite(c)) return refused(c);
    const body = await c.req.text();
    if (body.trim() === '')
      throw new BadRequest('body', 'send the claims as JSON lines, one claim per line (as pantau claims import reads them)');
    const valid: ClaimRecord[] = [];
    const rejected: string[] = [];
    body.split(/\r?\n/).forEach((line, i) => {
      const parsed = parseClaimLine(line, i + 1);
      if (!parsed) return;
      if (parsed.ok) valid.push(parsed.claim);
      else rejected.push(parsed.error);
    });
    const imported = valid.length > 0 ? await deps.claims.put(valid) : 0;
    return c.json<ClaimImportResult>({ imported, rejected }, imported === 0 && rejected.length > 0 ? 400 : 200);
  });

  app.get('/topics', async (c) => {
    await deps.topics.refresh();
    return c.json<TopicList>({ items: deps.topics.all.map(topicView), changes: await deps.topicStore.changes(50) });
  });

  /** Writes a topic over the version it was read at; 409 when another change came first. */
  const writeTopic = async (
    c: Context<Env>,
    rules: Omit<StoredTopic, 'disabled' | 'updatedAt' | 'updatedBy' | 'version'>,
    disabled: boolean,
    action: 'add' | 'edit' | 'disable' | 'enable',
    before?: EffectiveTopic,
  ) => {
    const at = new Date(now()).toISOString();
    const by = c.get('identity').user;
    const stored: StoredTopic = { ...rules, disabled, updatedAt: at, updatedBy: by, version: (before?.stored?.version ?? 0) + 1 };
    const changed = changedFields(before, stored);
    const written = await deps.topicStore.put(stored, { at, by, action, topic: rules.name, changed });
    if (!written)
      return c.json<ApiError>({ error: `topic ${rules.name} was changed by someone else meanwhile: reload and try again` }, 409);
    await deps.topics.refresh(true);
    return c.json<TopicView>(topicView({ ...stored, stored }), action === 'add' ? 201 : 200);
  };

  /** A write reads the topic as stored now, not as loaded a few seconds ago. */
  const topicNamed = async (name: string): Promise<EffectiveTopic | undefined> => {
    await deps.topics.refresh(true);
    return deps.topics.all.find((t) => t.name === name);
  };

  app.post('/topics', async (c) => {
    if (!canWrite(c)) return refused(c);
    const input = parseBody(TopicInputSchema, await jsonBody(c));
    if (await topicNamed(input.name))
      return c.json<ApiError>({ error: `topic ${input.name} already exists: edit it instead`, field: 'name' }, 409);
    return writeTopic(c, input, false, 'add');
  });

  app.put('/topics/:name', async (c) => {
    if (!canWrite(c)) return refused(c);
    const name = c.req.param('name');
    const input = parseBody(TopicInputSchema, await jsonBody(c));
    if (input.name !== name)
      throw new BadRequest('name', `name must stay ${name}: a topic is renamed by adding a new one and disabling this`);
    const before = await topicNamed(name);
    if (!before) return c.json<ApiError>({ error: `no watch topic ${name}` }, 404);
    return writeTopic(c, input, before.disabled, 'edit', before);
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/topics/:name/${action}`, async (c) => {
      if (!canWrite(c)) return refused(c);
      const before = await topicNamed(c.req.param('name'));
      if (!before) return c.json<ApiError>({ error: `no watch topic ${c.req.param('name')}` }, 404);
      const { name, label, keywords, all, exclude, query } = before;
      const rules = { name, label, keywords, all: all ?? [], exclude: exclude ?? [], ...(query !== undefined ? { query } : {}) };
      return writeTopic(c, rules, action === 'disable', action, before);
    });
  }

  return app;
}

// ---------------------------------------------------------------------------------------------
// parameters

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

function intParam(c: Context, name: string, range: { min: number; max: number; fallback: number }): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new BadRequest(name, `${name} must be a whole number from ${range.min} to ${range.max} (got "${raw}")`);
  }
  return value;
}

function enumParam<T extends string>(c: Context, name: string, values: readonly T[]): T | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw))
    throw new BadRequest(name, `${name} must be one of ${values.join(', ')} (got "${raw}")`);
  return raw as T;
}

function textParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name)?.trim();
  if (!raw) return undefined;
  if (raw.length > 200) throw new BadRequest(name, `${name} must be at most 200 characters`);
  return raw;
}

function isoParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms)) {
    throw new BadRequest(name, `${name} must be an ISO 8601 date or date-time, e.g. 2026-11-27T08:00:00Z (got "${raw}")`);
  }
  return new Date(ms).toISOString();
}

function cursorParam<T>(c: Context, isPosition: (v: unknown) => v is T): T | undefined {
  const raw = c.req.query('cursor');
  if (raw === undefined || raw === '') return undefined;
  const position = decodeCursor(raw);
  if (!isPosition(position)) throw new BadRequest('cursor', 'cursor must be the `next` of an earlier page of this list');
  return position;
}

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new BadRequest('body', 'the body must be JSON');
  }
}

/** The body checked against the schema; a bad field answers 400 naming it. */
function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BadRequest(issue?.path.join('.') || 'body', describeIssues(result.error, body, '(body)'));
}

// ---------------------------------------------------------------------------------------------
// shapes

const keyOf = (p: PostItem): PageKey => ({ postKey: p.postKey, topic: p.topic, createdAt: p.createdAt });

function claimView(claim: ClaimRecord, origin: ClaimView['origin']): ClaimView {
  return {
    id: claim.id,
    text: claim.text,
    rating: claim.rating,
    source: claim.source,
    ...(claim.topic !== undefined ? { topic: claim.topic } : {}),
    ...(claim.publisher !== undefined ? { publisher: claim.publisher } : {}),
    ...(claim.reviewedAt !== undefined ? { reviewedAt: claim.reviewedAt } : {}),
    origin,
  };
}

function topicView(t: EffectiveTopic): TopicView {
  return {
    name: t.name,
    label: t.label,
    keywords: t.keywords,
    all: t.all ?? [],
    exclude: t.exclude ?? [],
    ...(t.query !== undefined ? { query: t.query } : {}),
    disabled: t.disabled,
    origin: t.stored ? 'console' : 'config',
    ...(t.stored ? { updatedAt: t.stored.updatedAt, updatedBy: t.stored.updatedBy } : {}),
  };
}

const TOPIC_FIELDS = ['label', 'keywords', 'all', 'exclude', 'query', 'disabled'] as const;

function changedFields(before: EffectiveTopic | undefined, after: StoredTopic): string[] {
  if (!before) return ['name', ...TOPIC_FIELDS.filter((f) => after[f] !== undefined)];
  const shape = (t: Partial<Record<(typeof TOPIC_FIELDS)[number], unknown>>, f: (typeof TOPIC_FIELDS)[number]) =>
    JSON.stringify(t[f] ?? (f === 'all' || f === 'exclude' ? [] : null));
  return TOPIC_FIELDS.filter((f) => shape(before, f) !== shape(after, f));
}
