/**
 * `pantau classify`: JSON lines in on stdin (a post, or at least `{"id","text"}`), one
 * classification per line out on stdout; a bad line gets `{"id"?, "error"}` in its place.
 */
import { createInterface } from 'node:readline';
import { ClaimIndex } from '../../shared/claims/match';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import { makeClassifier, type Classify, type PostContext } from '../../shared/classify';
import { CONFIG_OPTION, configOf, type Command } from '../args';

export const classify: Command = {
  name: 'classify',
  usage: `  pantau classify [--config FILE]
      Reads JSON lines (a post, or at least {"id","text"}) on stdin; writes one classification
      per line on stdout.
`,
  options: { config: CONFIG_OPTION },
  async run(values) {
    const config = configOf(values);
    // The seed list of debunked claims ships with Pantau; a team's own claims live in the tables.
    const classifyText = makeClassifier(config.topics, { claims: new ClaimIndex(SEED_CLAIMS) });
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let bad = 0;
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const out = classifyLine(line, classifyText);
      if ('error' in out) bad += 1;
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
    return bad > 0 ? 1 : 0;
  },
};

/** One input line → one output object: the classification, or `{id?, error}` naming the problem. */
export function classifyLine(line: string, classifyText: Classify): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'expected a JSON object with "text"' };
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : undefined;
  if (typeof record.text !== 'string' || record.text.trim() === '') {
    return { ...(id !== undefined ? { id } : {}), error: 'text: required (a non-empty string)' };
  }
  const c = classifyText(record.text, contextOf(record));
  return {
    ...(id !== undefined ? { id } : {}),
    lang: c.lang,
    sentiment: {
      label: c.sentiment.label,
      score: c.sentiment.score,
      comparative: Math.round(c.sentiment.comparative * 1000) / 1000,
      words: c.sentiment.words,
    },
    hoax: {
      score: Math.round(c.hoax.score * 1000) / 1000,
      level: c.hoax.level,
      indicators: c.hoax.indicators.map((i) => ({ name: i.name, weight: i.weight, evidence: i.evidence })),
    },
    topics: c.topics.map((t) => ({ name: t.name, matched: t.matched })),
    places: c.places,
  };
}

/** The post contract's `author` and `createdAt`, when a line carries them (the `account` indicator). */
function contextOf(record: Record<string, unknown>): PostContext {
  const author = typeof record.author === 'object' && record.author !== null ? (record.author as Record<string, unknown>) : {};
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return {
    author: {
      createdAt: text(author.createdAt),
      followers: count(author.followers),
      following: count(author.following),
      verified: typeof author.verified === 'boolean' ? author.verified : undefined,
    },
    postedAt: text(record.createdAt),
  };
}
