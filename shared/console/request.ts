/**
 * Reading a console request: its parameters and body, checked, each bad one answered 400 naming
 * its field (BadRequest, turned into the answer by the app), and whether the asker may write.
 */
import type { Context } from 'hono';
import type * as z from 'zod';
import { describeIssues } from '../post';
import type { ApiError } from './contract';
import { decodeCursor } from './views';

/** A page of a list: this many items unless `limit` says otherwise, and never more than PAGE_MAX. */
export const PAGE_DEFAULT = 20;
export const PAGE_MAX = 100;

/** Who is asking, and the groups they are in. */
export interface Identity {
  readonly user: string;
  readonly groups: readonly string[];
}

/** What every route's context holds: who asks (set once they are known). */
export type ConsoleEnv = { Variables: { identity: Identity } };

/** A request that names a bad field: answered 400 with the field. */
export class BadRequest extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Whether the asker is in the officers' group, who may respond, edit watch topics and import claims. */
export const canWrite = (c: Context<ConsoleEnv>, officersGroup: string): boolean => c.get('identity').groups.includes(officersGroup);

/** The answer to a write by someone outside the officers' group. */
export const refused = (c: Context<ConsoleEnv>, officersGroup: string) =>
  c.json<ApiError>({ error: `only the officers' group (${officersGroup}) may change this; you can read` }, 403);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export function intParam(c: Context, name: string, range: { min: number; max: number; fallback: number }): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new BadRequest(name, `${name} must be a whole number from ${range.min} to ${range.max} (got "${raw}")`);
  }
  return value;
}

export function enumParam<T extends string>(c: Context, name: string, values: readonly T[]): T | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw))
    throw new BadRequest(name, `${name} must be one of ${values.join(', ')} (got "${raw}")`);
  return raw as T;
}

export function textParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name)?.trim();
  if (!raw) return undefined;
  if (raw.length > 200) throw new BadRequest(name, `${name} must be at most 200 characters`);
  return raw;
}

export function isoParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms)) {
    throw new BadRequest(name, `${name} must be an ISO 8601 date or date-time, e.g. 2026-11-27T08:00:00Z (got "${raw}")`);
  }
  return new Date(ms).toISOString();
}

export function cursorParam<T>(c: Context, isPosition: (v: unknown) => v is T): T | undefined {
  const raw = c.req.query('cursor');
  if (raw === undefined || raw === '') return undefined;
  const position = decodeCursor(raw);
  if (!isPosition(position)) throw new BadRequest('cursor', 'cursor must be the `next` of an earlier page of this list');
  return position;
}

export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new BadRequest('body', 'the body must be JSON');
  }
}

/** The body checked against the schema; a bad field answers 400 naming it. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new BadRequest(issue?.path.join('.') || 'body', describeIssues(result.error, body, '(body)'));
}
