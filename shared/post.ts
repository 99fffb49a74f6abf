/**
 * The post message, contract v1 (DESIGN.md): what collectors put on the queue and what a line
 * of a posts file holds. One schema, used by collectors before sending and by the classifier on
 * receipt. Unknown fields are kept, not rejected.
 */
import * as z from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

export const AuthorSchema = z.looseObject({
  id: z.string().min(1).optional(),
  handle: z.string().optional(),
  name: z.string().optional(),
  followers: count.optional(),
  following: count.optional(),
  createdAt: isoDateTime.optional(),
  verified: z.boolean().optional(),
});

export const MetricsSchema = z.looseObject({
  likes: count.optional(),
  reposts: count.optional(),
  replies: count.optional(),
  quotes: count.optional(),
  views: count.optional(),
});

export const PostSchema = z.looseObject({
  v: z.literal(1),
  source: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a collector name: lower-case letters, digits, - or _'),
  id: z.string().min(1).max(256),
  url: z.url().optional(),
  text: z.string().min(1, 'must not be empty').max(40_000),
  lang: z.string().max(16).optional(),
  createdAt: isoDateTime,
  collectedAt: isoDateTime.optional(),
  author: AuthorSchema.optional(),
  metrics: MetricsSchema.optional(),
  links: z.array(z.string()).optional(),
});

export type Post = z.infer<typeof PostSchema>;

/** A post that broke the contract: the message names the field and what is wrong with it. */
export class InvalidPostError extends Error {
  override readonly name = 'InvalidPostError';
  constructor(
    message: string,
    readonly postId?: string,
  ) {
    super(message);
  }
}

export type ParseResult = { ok: true; post: Post } | { ok: false; error: InvalidPostError };

/**
 * Describes every schema issue as `field: problem`, e.g. `text: required`. A field of the wrong
 * type is named as such (`text: Invalid input: expected string, received number`); `required` is
 * said of a field that is absent from `input` (zod does not keep the input in its issues). An issue
 * of the whole object (an unknown key in a strict one) is named `whole`.
 */
export function describeIssues(error: z.ZodError, input?: unknown, whole = '(post)'): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : whole;
      const absent = input !== undefined && !hasPath(input, issue.path);
      // Whatever zod calls it (a missing literal such as `v` is `invalid_value`), an absent field is missing.
      const problem = absent ? 'required' : issue.message;
      return `${field}: ${problem}`;
    })
    .join('; ');
}

function hasPath(value: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || !Object.prototype.hasOwnProperty.call(at, key)) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at !== undefined;
}

/**
 * How far `createdAt` may be ahead of the time the post was collected (its `collectedAt`, else
 * now). Event time drives windows, baselines, cooldowns and alert ids, so a post dated ahead of
 * that is a wrong clock, and is rejected with the reason rather than counted in a future window.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60_000;

export interface ValidateOptions {
  /** The clock (epoch ms) that a post without `collectedAt` is checked against; `Date.now()` by default. */
  readonly now?: number;
}

/** Checks a decoded value against contract v1. */
export function validatePost(value: unknown, opts: ValidateOptions = {}): ParseResult {
  const result = PostSchema.safeParse(value);
  const id = idOf(value);
  if (!result.success) {
    return { ok: false, error: new InvalidPostError(`invalid post: ${describeIssues(result.error, value)}`, id) };
  }
  const ahead = futureDate(result.data, opts.now ?? Date.now());
  if (ahead) return { ok: false, error: new InvalidPostError(`invalid post: ${ahead}`, id) };
  return { ok: true, post: result.data };
}

/** Why `createdAt` cannot be believed (more than a day after collection), or undefined. */
function futureDate(post: Post, now: number): string | undefined {
  const reference = post.collectedAt ?? new Date(now).toISOString();
  if (Date.parse(post.createdAt) - Date.parse(reference) <= MAX_CLOCK_AHEAD_MS) return undefined;
  const against = post.collectedAt === undefined ? `now (${reference})` : `collectedAt (${reference})`;
  return `createdAt: ${post.createdAt} is more than 24 hours after ${against}; the source's clock is wrong`;
}

/** Decodes one JSON text (a queue message body or a line of a posts file) and validates it. */
export function parsePost(json: string): ParseResult {
  return parsePostAt(json, Date.now());
}

/** parsePost on a given clock (epoch ms): the `now` a post without `collectedAt` is checked against. */
export function parsePostAt(json: string, now: number): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { ok: false, error: new InvalidPostError(`not JSON: ${(err as Error).message}`) };
  }
  return validatePost(value, { now });
}

/** Parses or throws InvalidPostError. */
export function parsePostOrThrow(json: string): Post {
  const result = parsePost(json);
  if (!result.ok) throw result.error;
  return result.post;
}

/** The post's own identity: idempotency is on this, never on a queue message id. */
export function postKey(post: Pick<Post, 'source' | 'id'>): string {
  return `${post.source}#${post.id}`;
}

/** Who posted, as the source names them; a post without an author stands for an account of its own. */
export function authorKey(post: Pick<Post, 'source' | 'id' | 'author'>): string {
  const { id, handle } = post.author ?? {};
  if (id) return `${post.source}:${id}`;
  if (handle) return `${post.source}:@${handle.replace(/^@/, '').toLowerCase()}`;
  return `${post.source}:post:${post.id}`;
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return undefined;
}
