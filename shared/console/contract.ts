/**
 * The console's HTTP API: what each route answers (JSON) and what the writes accept. The API
 * (shared/console/app.ts) answers these shapes and the page (web/) reads them, so both hold to
 * one description. Every route lives under `/api`; lists answer `{ items, next? }`, and `next`
 * goes back as `?cursor=` for the following page.
 *
 * Texts from posts, claims and people are data: the page renders them as text, never as markup.
 */
import * as z from 'zod';
import { WatchTopicSchema } from '../config';
import type { RevisionEntry } from '../items';
import type { TopicChange } from '../pipeline/ports';

export const API_BASE = '/api';

/**
 * The console's groups: officers may respond to episodes, edit watch topics and import claims;
 * readers only read. The user pool's groups (deployed) and the local user's group are these.
 */
export const CONSOLE_GROUPS = { officers: 'officers', readers: 'readers' } as const;

/** A page of a list; `next` is opaque, given back as `?cursor=`. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
}

/** An error answer: 400 names the bad field, 403 the missing role, 404 what was not found. */
export interface ApiError {
  readonly error: string;
  readonly field?: string;
}

/** `GET /api/me`: who is signed in and what they may do. */
export interface Me {
  readonly user: string;
  /** In the officers' group: may respond to episodes, edit watch topics and import claims. */
  readonly canRespond: boolean;
  /** The colleagues and agencies (dinas) an episode can be assigned to (config `console.assignees`). */
  readonly assignees: readonly string[];
  /** The language alerts are written in (config `alerts.language`): the page's default. */
  readonly language: 'id' | 'en';
  readonly timezone: string;
}

export interface BucketPoint {
  /** Start of the bucket, ISO 8601 UTC. */
  readonly t: string;
  readonly total: number;
  readonly negative: number;
  /** Posts at hoax level medium or high. */
  readonly hoax: number;
}

export type EpisodeState = 'open' | 'resolved';
export type ResponseState = 'new' | 'acknowledged' | 'assigned' | 'handled';

/** Who is handling an episode, as the response log stands. */
export interface ResponseSummary {
  readonly state: ResponseState;
  /** The colleague or agency it is assigned to. */
  readonly assignee?: string;
  /** Who took the last step, and when. */
  readonly by?: string;
  readonly at?: string;
}

/** One alert episode in a list (its latest revision). */
export interface AlertSummary {
  readonly alertId: string;
  readonly kind: 'spike' | 'hoax' | 'reach';
  readonly topic: string;
  readonly topicLabel: string;
  readonly severity: number;
  readonly revision: number;
  readonly state: EpisodeState;
  /** `sent`, `capped` (kept, held back by the hourly cap) or `pending`. */
  readonly status: string;
  readonly firedAt: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly observed: number;
  readonly expected: number;
  readonly resolvedAt?: string;
  readonly response: ResponseSummary;
}

/** `GET /api/overview?hours=24`: per watch topic, the last hours in buckets, and the open episodes first. */
export interface Overview {
  /** The end of the span shown: now, or the newest counted bucket's end when the data is older (a replay). */
  readonly asOf: string;
  readonly from: string;
  readonly bucketMinutes: number;
  readonly topics: readonly {
    readonly name: string;
    readonly label: string;
    readonly disabled: boolean;
    readonly buckets: readonly BucketPoint[];
    readonly totals: { readonly total: number; readonly negative: number; readonly hoax: number };
  }[];
  /** Episodes not yet resolved, most severe first. */
  readonly open: readonly AlertSummary[];
}

/** A stored post as the console shows it. */
export interface PostView {
  readonly postKey: string;
  readonly source: string;
  readonly text: string;
  readonly url?: string;
  readonly createdAt: string;
  readonly lang: string;
  readonly author?: { readonly handle?: string; readonly id?: string; readonly followers?: number };
  readonly sentiment: { readonly label: string; readonly score: number; readonly words: readonly string[] };
  readonly hoax: {
    readonly level: string;
    readonly score: number;
    readonly indicators: readonly { readonly name: string; readonly evidence: readonly string[] }[];
  };
  readonly topics: readonly string[];
  readonly places: readonly string[];
  readonly cities: readonly string[];
  readonly kecamatan: readonly string[];
  readonly claimId?: string;
}

/** One message of an episode, as the alert item keeps every one. */
export type Revision = RevisionEntry;

export interface Spreader {
  readonly handle?: string;
  readonly authorId?: string;
  readonly followers?: number;
  readonly posts: number;
  readonly firstAt: string;
  readonly lastAt: string;
  /** Marked as coordinated posting (the same text pushed by many accounts). */
  readonly coordinated: boolean;
}

export interface ResponseEvent {
  readonly at: string;
  readonly by: string;
  readonly action: ResponseAction;
  readonly assignee?: string;
  readonly note?: string;
}

/** `GET /api/alerts/:id`: one episode with everything an officer needs to act on it. */
export interface EpisodeView {
  readonly alert: AlertSummary & {
    readonly ratio: number;
    readonly windowTotal: number;
    readonly followers?: number;
    readonly reposts?: number;
    readonly indicators?: readonly { readonly name: string; readonly evidence: readonly string[] }[];
    /** hoax: the negative posts it drives (no complaint spike of their own). */
    readonly complaints?: number;
    /** Other watch topics' labels in the same incident (alert.ts, `related`). */
    readonly related?: readonly string[];
  };
  readonly revisions: readonly Revision[];
  /** Its topic's counts from before the episode to its end (or now), with each revision's expected level. */
  readonly timeline: {
    readonly bucketMinutes: number;
    readonly buckets: readonly BucketPoint[];
  };
  /** The posts behind it (the first page; more at `/api/alerts/:id/posts`). */
  readonly posts: Page<PostView>;
  readonly places: {
    readonly cities: readonly { readonly name: string; readonly count: number }[];
    readonly kecamatan: readonly { readonly name: string; readonly count: number }[];
    readonly places: readonly { readonly name: string; readonly count: number }[];
  };
  readonly claim?: { readonly id?: string; readonly text: string; readonly rating: string; readonly source: string };
  readonly spreaders: readonly Spreader[];
  readonly response: ResponseSummary & { readonly events: readonly ResponseEvent[] };
  /** The link of this page, when `console.url` is configured. */
  readonly link?: string;
}

/** A watch topic as the console lists it: the config's, or one added or edited in the console. */
export interface TopicView {
  readonly name: string;
  readonly label: string;
  readonly keywords: readonly string[];
  readonly all: readonly string[];
  readonly exclude: readonly string[];
  readonly query?: string;
  readonly disabled: boolean;
  /** `config` while unchanged from the config file; `console` once added or edited there. */
  readonly origin: 'config' | 'console';
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

/** One change of a watch topic in the console: who, when, what, and the fields that changed. */
export type { TopicChange };

/** `GET /api/topics`. */
export interface TopicList {
  readonly items: readonly TopicView[];
  readonly changes: readonly TopicChange[];
}

export interface ClaimView {
  readonly id: string;
  readonly text: string;
  readonly rating: string;
  readonly source: string;
  readonly topic?: string;
  readonly publisher?: string;
  readonly reviewedAt?: string;
  /** `seed` for the claims shipped with Pantau, `store` for imported and collected ones. */
  readonly origin: 'seed' | 'store';
}

/** `POST /api/claims`: answered with how many were imported and the lines rejected. */
export interface ClaimImportResult {
  readonly imported: number;
  readonly rejected: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// writes

export const RESPONSE_ACTIONS = ['acknowledge', 'assign', 'note', 'handled', 'reopen'] as const;
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

/** `POST /api/alerts/:id/response`. */
export const ResponseStepSchema = z.strictObject({
  action: z.enum(RESPONSE_ACTIONS),
  /** assign: one of `Me.assignees`. */
  assignee: z.string().trim().min(1).max(120).optional(),
  /** note: what was done or found; any step may carry one. */
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ResponseStep = z.infer<typeof ResponseStepSchema>;

/** `POST /api/topics` (add) and `PUT /api/topics/:name` (edit): the config file's topic rules. */
export const TopicInputSchema = WatchTopicSchema;
export type TopicInput = z.input<typeof TopicInputSchema>;

/** `POST /api/topics/:name/disable` and `/enable` take no body. */

/** `POST /api/claims`: a claims file's lines (JSON lines), as `pantau claims import` reads them. */
export const CLAIMS_IMPORT_MEDIA_TYPE = 'application/x-ndjson';
