/**
 * Watch-topic matching. A topic matches a post when at least one of its `keywords` occurs, every
 * one of its `all` keywords occurs too, and none of its `exclude` keywords occurs. Each match
 * reports the words of the post that made it.
 *
 * Keywords go through the same normalisation as posts (so `lalin` in the config and `lalin` in a
 * post meet as the same words), then match as whole words, in the post's words (hashtags arrive
 * there split: `#BanjirJakarta` → `banjir jakarta`) and in hashtags as written
 * (`#jakartabanjir`). A keyword is a root: its affixed forms match too (`banjir` matches
 * `kebanjiran`, `dibanjiri`, `banjirnya`; `genang` matches `genangan`, `tergenang`), but never
 * a longer word that merely starts with it (`pompa` does not match `pompadour`). Phrases match
 * word by word, each word with its affixes (`air dimatikan` matches `air mati`).
 *
 * Compiled once per configuration; per post the work is one map lookup per word and candidate
 * root, and the roots of a word are memoised.
 */
import type { WatchTopic } from '../config';
import { remember } from './memo';
import { candidateRoots } from './morphology';
import { normalise } from './normalise';
import type { NormalisedText, TopicMatch } from './types';

export type TopicMatcher = (norm: NormalisedText) => TopicMatch[];

/** What matching needs of a watch topic (`all` and `exclude` may be left out, as in the config file). */
export type TopicRule = Pick<WatchTopic, 'name' | 'keywords'> & Partial<Pick<WatchTopic, 'all' | 'exclude'>>;

// ---------------------------------------------------------------------------------------------
// Compiling a configuration

/** One keyword as words: each a set of equivalent forms (the config's spelling and its normalised one). */
type Phrase = readonly (readonly string[])[];

interface CompiledTopic {
  readonly name: string;
  readonly any: readonly number[];
  readonly all: readonly number[];
  readonly exclude: readonly number[];
}

const TAG_MIN_PART = 4;

function compilePhrase(keyword: string): Phrase | undefined {
  const normal = normalise(keyword).tokens;
  const raw = keyword
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  if (normal.length === 0) return undefined;
  // The config's own spelling also counts when normalisation kept the word count (`tije` stays matchable as written).
  if (raw.length === normal.length) return normal.map((w, i) => [...new Set([w, raw[i] ?? w])]);
  return normal.map((w) => [w]);
}

/** Builds the matcher for a set of watch topics (compiled once, then pure per call). */
export function makeTopicMatcher(topics: readonly TopicRule[]): TopicMatcher {
  const phrases: Phrase[] = [];
  const phraseIds = new Map<string, number>();
  const intern = (keywords: readonly string[]): number[] => {
    const ids = new Set<number>();
    for (const keyword of keywords) {
      const phrase = compilePhrase(keyword);
      if (!phrase) continue;
      const id = JSON.stringify(phrase);
      let n = phraseIds.get(id);
      if (n === undefined) {
        n = phrases.length;
        phrases.push(phrase);
        phraseIds.set(id, n);
      }
      ids.add(n);
    }
    return [...ids];
  };
  const compiled: CompiledTopic[] = topics.map((t) => ({
    name: t.name,
    any: intern(t.keywords),
    all: intern(t.all ?? []),
    exclude: intern(t.exclude ?? []),
  }));
  /** First word form → phrases starting with it. */
  const byFirst = new Map<string, number[]>();
  /** Every word form of every phrase: a post word's candidate roots are looked up here. */
  const vocabulary = new Set<string>();
  /** Phrases with spaces removed (`airbersih`, `banjir`), for hashtags as written. */
  const byCompact = new Map<string, number[]>();
  phrases.forEach((phrase, n) => {
    for (const form of phrase[0] ?? []) byFirst.set(form, [...(byFirst.get(form) ?? []), n]);
    for (const forms of phrase) for (const f of forms) vocabulary.add(f);
    const compact = phrase.map((forms) => forms[0] ?? '').join('');
    byCompact.set(compact, [...(byCompact.get(compact) ?? []), n]);
  });
  const maxCompact = Math.max(0, ...[...byCompact.keys()].map((k) => k.length));

  /** The keyword forms a post word stands for: itself, or a root of it that some keyword uses (remembered per word). */
  const formsMemo = new Map<string, readonly string[]>();
  function formsOf(word: string): readonly string[] {
    const known = formsMemo.get(word);
    if (known) return known;
    const roots = candidateRoots(word).filter((r) => vocabulary.has(r));
    return remember(formsMemo, word, roots.length === 0 ? NO_FORMS : roots);
  }

  return (norm) => {
    const tokens = norm.tokens;
    const forms: (readonly string[])[] = tokens.map(formsOf);
    /** Phrase id → the post's words that matched it, in order of first occurrence. */
    const hits = new Map<number, string[]>();
    for (let i = 0; i < tokens.length; i++) {
      const mine = forms[i] ?? [];
      if (mine.length === 0) continue;
      const starting = new Set<number>();
      for (const f of mine) for (const n of byFirst.get(f) ?? []) starting.add(n);
      for (const n of starting) {
        const phrase = phrases[n] ?? [];
        let k = 1;
        while (k < phrase.length && (forms[i + k] ?? []).some((f) => (phrase[k] ?? []).includes(f))) k++;
        if (k === phrase.length) addHit(hits, n, tokens.slice(i, i + k).join(' '));
      }
    }
    // A hashtag counts for a keyword its split words did not already match (`#BanjirJakarta` reports `banjir`).
    const fromTokens = new Set(hits.keys());
    for (const tag of norm.hashtags) {
      matchHashtag(tag, byCompact, maxCompact, vocabulary, (n, surface) => {
        if (!fromTokens.has(n)) addHit(hits, n, surface);
      });
    }

    const out: TopicMatch[] = [];
    for (const t of compiled) {
      if (!t.any.some((n) => hits.has(n))) continue;
      if (!t.all.every((n) => hits.has(n))) continue;
      if (t.exclude.some((n) => hits.has(n))) continue;
      const matched: string[] = [];
      for (const n of [...t.any, ...t.all]) for (const w of hits.get(n) ?? []) if (!matched.includes(w)) matched.push(w);
      out.push({ name: t.name, matched: order(matched, tokens, norm.hashtags) });
    }
    return out;
  };
}

const NO_FORMS: readonly string[] = [];

/** Notes that phrase `n` matched the post's words `surface` (each surface once, in order). */
function addHit(hits: Map<number, string[]>, n: number, surface: string): void {
  const list = hits.get(n);
  if (!list) hits.set(n, [surface]);
  else if (!list.includes(surface)) list.push(surface);
}

/**
 * A hashtag as written: whole (`#airbersih`, `#kebanjiran`), or starting or ending with a keyword
 * when the rest is itself a keyword or a word of at least four letters that is not a longer
 * form of it (`#jakartabanjir` yes; `#pompadour` no, `dour` is no keyword and `pompa` + `dour`
 * is one word). Reported as `#tag`.
 */
function matchHashtag(
  tag: string,
  byCompact: ReadonlyMap<string, readonly number[]>,
  maxCompact: number,
  vocabulary: ReadonlySet<string>,
  hit: (n: number, surface: string) => void,
): void {
  const lower = tag.toLowerCase();
  if (lower.length > 100) return;
  const surface = `#${tag}`;
  const whole = [lower, ...candidateRoots(lower)];
  for (const w of whole) for (const n of byCompact.get(w) ?? []) hit(n, surface);
  // Camel case or underscores already reached the post's words through normalisation.
  if (/[_\p{Lu}]/u.test(tag.slice(1))) return;
  for (let len = Math.min(maxCompact, lower.length - TAG_MIN_PART); len >= TAG_MIN_PART; len--) {
    const head = lower.slice(0, len);
    const tail = lower.slice(lower.length - len);
    const headRest = lower.slice(len);
    const tailRest = lower.slice(0, lower.length - len);
    if (byCompact.has(head) && isSeparateWord(headRest, vocabulary)) for (const n of byCompact.get(head) ?? []) hit(n, surface);
    if (byCompact.has(tail) && isSeparateWord(tailRest, vocabulary)) for (const n of byCompact.get(tail) ?? []) hit(n, surface);
  }
}

/** The rest of a hashtag next to a keyword: a keyword itself, or a place or city word people tag with (`jakarta`, `jaksel`). */
function isSeparateWord(rest: string, vocabulary: ReadonlySet<string>): boolean {
  return vocabulary.has(rest) || TAG_COMPANIONS.has(rest) || /^\d+$/.test(rest);
}

const TAG_COMPANIONS: ReadonlySet<string> = new Set(
  `jakarta jkt dki jakut jaksel jakbar jaktim jakpus info update hari ini lagi parah terkini warga kota`.split(/\s+/),
);

/** Matched words in the order the post has them (hashtags last). */
function order(matched: readonly string[], tokens: readonly string[], hashtags: readonly string[]): string[] {
  if (matched.length < 2) return [...matched];
  return [...matched].sort((a, b) => positionOf(a, tokens, hashtags) - positionOf(b, tokens, hashtags));
}

/** Where a matched word is in the post: its first word's place among the tokens, or after them for a hashtag. */
function positionOf(w: string, tokens: readonly string[], hashtags: readonly string[]): number {
  if (w.startsWith('#')) return tokens.length + hashtags.findIndex((h) => `#${h}` === w);
  const first = w.split(' ')[0] ?? '';
  const i = tokens.indexOf(first);
  return i < 0 ? tokens.length : i;
}
