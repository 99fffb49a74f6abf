/**
 * The console's views, pure: stored items in, the API's answers (contract.ts) out. Which posts
 * are behind an episode, who spread them, where they are, and what an officer's response step
 * leads to are decided here, so the API only reads, calls these and answers.
 */
import { ALERT_KINDS, type Alert, type AlertKind } from '../alerts/alert';
import { fromAlertItem, handlingOf, hoaxOf, mostNamed, type PostItem, type RevisionEntry } from '../items';
import { MINUTE, bucketStart } from '../time';
import type { AlertSummary, BucketPoint, PostView, ResponseEvent, ResponseStep, ResponseSummary, Revision, Spreader } from './contract';
import type { AlertRecord } from './ports';

// ---------------------------------------------------------------------------------------------
// alerts

/** The response log's state on an alert item (`new` before any step). */
export function responseSummaryOf(item: AlertRecord): ResponseSummary {
  const handling = handlingOf(item);
  if (!handling) return { state: 'new' };
  const { state, assignee, by, at } = handling;
  return { state, ...(assignee !== undefined ? { assignee } : {}), by, at };
}

export function responseEventsOf(item: AlertRecord): ResponseEvent[] {
  return Array.isArray(item.responseEvents) ? (item.responseEvents as ResponseEvent[]) : [];
}

/** An incident's item (not a digest's). */
export function isIncident(item: AlertRecord): boolean {
  return ALERT_KINDS.includes(item.kind as AlertKind);
}

export function alertSummary(item: AlertRecord): AlertSummary {
  const { alert, status } = fromAlertItem(item);
  return {
    alertId: alert.alertId,
    kind: alert.kind as AlertSummary['kind'],
    topic: alert.topic,
    topicLabel: alert.topicLabel,
    severity: alert.severity,
    revision: alert.revision,
    state: alert.resolvedAt ? 'resolved' : 'open',
    status,
    firedAt: alert.firedAt,
    windowStart: alert.windowStart,
    windowEnd: alert.windowEnd,
    observed: alert.observed,
    expected: alert.expected,
    ...(alert.resolvedAt ? { resolvedAt: alert.resolvedAt } : {}),
    response: responseSummaryOf(item),
  };
}

/** Most severe first, then the latest. */
export const bySeverity = (a: AlertSummary, b: AlertSummary): number => b.severity - a.severity || b.firedAt.localeCompare(a.firedAt);

/** Newest first, ties by id (the order pages of alerts go in). */
export const byFiredDesc = (a: AlertSummary, b: AlertSummary): number =>
  b.firedAt.localeCompare(a.firedAt) || b.alertId.localeCompare(a.alertId);

/** Every message of the episode in order; an item from before revisions were kept has its latest one only. */
export function revisionsOf(item: AlertRecord, alert: Alert): Revision[] {
  const kept = Array.isArray(item.revisions) ? (item.revisions as RevisionEntry[]) : [];
  const all = kept.length > 0 ? kept : [alert];
  return all
    .map((r) => ({
      revision: r.revision,
      severity: r.severity,
      firedAt: r.firedAt,
      observed: r.observed,
      expected: r.expected,
      ratio: r.ratio,
      windowStart: r.windowStart,
      windowEnd: r.windowEnd,
      ...(r.resolvedAt ? { resolvedAt: r.resolvedAt } : {}),
    }))
    .sort((a, b) => a.revision - b.revision);
}

/** The event-time span the episode's windows covered: its first window's start to its last window's end. */
export function episodeSpan(revisions: readonly Revision[]): { from: string; to: string } {
  const starts = revisions.map((r) => r.windowStart).sort();
  const ends = revisions.map((r) => r.windowEnd).sort();
  return { from: starts[0] as string, to: ends[ends.length - 1] as string };
}

// ---------------------------------------------------------------------------------------------
// posts

export function postView(p: PostItem): PostView {
  const hoax = hoaxOf({
    hoaxScore: p.hoaxScore,
    hoaxLevel: p.hoaxLevel,
    hoaxIndicators: p.hoaxIndicators ?? [],
    hoaxEvidence: p.hoaxEvidence ?? [],
    hoaxWeights: p.hoaxWeights ?? [],
  });
  const author =
    p.authorHandle !== undefined || p.authorId !== undefined
      ? {
          ...(p.authorHandle !== undefined ? { handle: p.authorHandle } : {}),
          ...(p.authorId !== undefined ? { id: p.authorId } : {}),
          ...(p.authorFollowers !== undefined ? { followers: p.authorFollowers } : {}),
        }
      : undefined;
  return {
    postKey: p.postKey,
    source: p.source,
    text: p.text,
    ...(p.url !== undefined ? { url: p.url } : {}),
    createdAt: p.createdAt,
    lang: p.lang,
    ...(author ? { author } : {}),
    sentiment: {
      label: p.sentimentLabel,
      score: p.sentimentScore,
      words: (p.sentimentWords ?? []).map((w) => w.replace(/:-?[\d.]+$/, '')),
    },
    hoax: { level: hoax.level, score: hoax.score, indicators: hoax.indicators.map((i) => ({ name: i.name, evidence: i.evidence })) },
    topics: p.topics ?? [],
    places: p.places ?? [],
    cities: p.placeCities ?? [],
    kecamatan: p.placeKecamatan ?? [],
    ...(p.claimId !== undefined ? { claimId: p.claimId } : {}),
  };
}

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
/** `hoax-like`: medium or high, as the alerts and the counters count them. */
export const HOAX_FILTERS = ['none', 'low', 'medium', 'high', 'hoax-like'] as const;

export interface PostFilter {
  readonly sentiment?: (typeof SENTIMENTS)[number];
  readonly hoax?: (typeof HOAX_FILTERS)[number];
  /** A place, kecamatan, kelurahan or city, any case. */
  readonly place?: string;
  /** Words the text holds, any case. */
  readonly q?: string;
  /** The debunked claim the post repeats. */
  readonly claimId?: string;
  /** Any of these holds (an episode's posts: negative, or hoax-like, or repeating its claim). */
  readonly anyOf?: readonly PostFilter[];
}

const folded = (s: string): string => s.toLocaleLowerCase('id').normalize('NFKC');

export function matchesFilter(p: PostItem, f: PostFilter): boolean {
  if (f.sentiment && p.sentimentLabel !== f.sentiment) return false;
  if (f.hoax) {
    const hoaxLike = p.hoaxLevel === 'medium' || p.hoaxLevel === 'high';
    if (f.hoax === 'hoax-like' ? !hoaxLike : p.hoaxLevel !== f.hoax) return false;
  }
  if (f.place) {
    const wanted = folded(f.place.trim());
    const names = [...(p.places ?? []), ...(p.placeKecamatan ?? []), ...(p.placeKelurahan ?? []), ...(p.placeCities ?? [])];
    if (!names.some((n) => folded(n).includes(wanted))) return false;
  }
  if (f.q) {
    const text = folded(p.text);
    if (
      !folded(f.q)
        .split(/\s+/)
        .filter(Boolean)
        .every((w) => text.includes(w))
    )
      return false;
  }
  if (f.claimId && p.claimId !== f.claimId) return false;
  if (f.anyOf && !f.anyOf.some((g) => matchesFilter(p, g))) return false;
  return true;
}

/** Which of its topic's posts in its span are behind an episode. */
export function episodeFilter(alert: Alert): PostFilter {
  if (alert.kind === 'spike') return { sentiment: 'negative' };
  if (alert.kind === 'hoax') return { anyOf: [{ hoax: 'hoax-like' }, ...(alert.claim?.id ? [{ claimId: alert.claim.id }] : [])] };
  return {};
}

// ---------------------------------------------------------------------------------------------
// where and who

/** Places an episode's page lists, at most, at each level. */
const PLACES_LISTED = 10;

export function placesOf(posts: readonly PostItem[]) {
  return {
    cities: mostNamed(
      posts.flatMap((p) => p.placeCities ?? []),
      PLACES_LISTED,
    ),
    kecamatan: mostNamed(
      posts.flatMap((p) => p.placeKecamatan ?? []),
      PLACES_LISTED,
    ),
    places: mostNamed(
      posts.flatMap((p) => p.places ?? []),
      PLACES_LISTED,
    ),
  };
}

/** The accounts behind the posts: most posts first, then the widest audience. */
export function spreadersOf(posts: readonly PostItem[], top = 25): Spreader[] {
  const byAccount = new Map<string, PostItem[]>();
  for (const p of posts) {
    const account = p.authorId ?? p.authorHandle;
    if (account === undefined) continue;
    byAccount.set(account, [...(byAccount.get(account) ?? []), p]);
  }
  return [...byAccount.values()]
    .map((own): Spreader => {
      const times = own.map((p) => p.createdAt).sort();
      const first = own[0] as PostItem;
      const followers = Math.max(...own.map((p) => p.authorFollowers ?? -1));
      return {
        ...(first.authorHandle !== undefined ? { handle: first.authorHandle } : {}),
        ...(first.authorId !== undefined ? { authorId: first.authorId } : {}),
        ...(followers >= 0 ? { followers } : {}),
        posts: own.length,
        firstAt: times[0] as string,
        lastAt: times[times.length - 1] as string,
        coordinated: own.some((p) => (p.hoaxIndicators ?? []).includes('coordinated')),
      };
    })
    .sort((a, b) => b.posts - a.posts || (b.followers ?? 0) - (a.followers ?? 0) || a.firstAt.localeCompare(b.firstAt))
    .slice(0, top);
}

// ---------------------------------------------------------------------------------------------
// counts

/** The buckets of [fromMs, toMs) every `bucketMinutes`, the counted ones filled in, the others zero. */
export function filledBuckets(
  counted: readonly { bucket: string; total: number; negative: number; hoax?: number }[],
  fromMs: number,
  toMs: number,
  bucketMinutes: number,
): BucketPoint[] {
  const byStart = new Map(counted.map((c) => [Date.parse(c.bucket), c]));
  const points: BucketPoint[] = [];
  for (let t = bucketStart(fromMs, bucketMinutes); t < toMs; t += bucketMinutes * MINUTE) {
    const c = byStart.get(t);
    points.push({ t: new Date(t).toISOString(), total: c?.total ?? 0, negative: c?.negative ?? 0, hoax: c?.hoax ?? 0 });
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// the response

export type NextResponse =
  | { readonly ok: true; readonly event: ResponseEvent; readonly next?: ResponseSummary }
  | { readonly ok: false; readonly field: string; readonly error: string };

/**
 * What an officer's step leads to: acknowledging takes it on, assigning hands it to a colleague
 * or agency of the configured list, a note only adds to the log, `handled` closes the response,
 * and reopening takes it back to where it was before it was handled.
 */
export function nextResponse(
  current: ResponseSummary,
  step: ResponseStep,
  by: string,
  at: string,
  assignees: readonly string[],
): NextResponse {
  const event: ResponseEvent = {
    at,
    by,
    action: step.action,
    ...(step.assignee !== undefined ? { assignee: step.assignee } : {}),
    ...(step.note !== undefined ? { note: step.note } : {}),
  };
  switch (step.action) {
    case 'acknowledge':
      return { ok: true, event, next: { state: 'acknowledged' } };
    case 'assign':
      if (step.assignee === undefined) return { ok: false, field: 'assignee', error: 'assignee is required to assign' };
      if (!assignees.includes(step.assignee)) {
        return {
          ok: false,
          field: 'assignee',
          error: `assignee must be one of the configured list (console.assignees): ${assignees.join(', ')}`,
        };
      }
      return { ok: true, event, next: { state: 'assigned', assignee: step.assignee } };
    case 'note':
      if (step.note === undefined) return { ok: false, field: 'note', error: 'note is required' };
      return { ok: true, event };
    case 'handled':
      return { ok: true, event, next: { state: 'handled' } };
    case 'reopen':
      if (current.state !== 'handled') return { ok: false, field: 'action', error: 'only a handled episode can be reopened' };
      return { ok: true, event, next: { state: current.assignee ? 'assigned' : 'acknowledged' } };
  }
}

// ---------------------------------------------------------------------------------------------
// cursors

/** An opaque cursor for `next`: the position, as URL-safe base64 of its JSON. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position back from a cursor; undefined when it is not one this API gave. */
export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
