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
import { normalise } from './normalise';
import type { NormalisedText, TopicMatch } from './types';

export type TopicMatcher = (norm: NormalisedText) => TopicMatch[];

/** What matching needs of a watch topic (`all` and `exclude` may be left out, as in the config file). */
export type TopicRule = Pick<WatchTopic, 'name' | 'keywords'> & Partial<Pick<WatchTopic, 'all' | 'exclude'>>;

// ---------------------------------------------------------------------------------------------
// Affixes

const VOWEL = /^[aeiou]/;
/** Shortest root that derivational affixes may leave (particles may leave 3: `robnya` → `rob`). */
const MIN_ROOT = 4;
const PARTICLES = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu'] as const;
/** `-in` is the Jakarta informal `-kan`/`-i` (`dibanjirin`). */
const SUFFIXES = ['kan', 'an', 'in', 'i'] as const;
/**
 * Words that look affixed but are their own words: `kalian` (you all) is not `kali` + `-an`,
 * `sekali` (very) is not `se-` + `kali`.
 */
const LEXICALISED: ReadonlySet<string> = new Set(['kalian', 'sekali', 'sekalian', 'kenapa', 'semua', 'sedang', 'selalu', 'seperti']);

/** Roots left by one prefix, with the nasal rules of me(N)-/pe(N)- (`menulis` → `tulis`, `memompa` → `pompa`). */
function unprefix(w: string): string[] {
  const out: string[] = [];
  const from = (n: number): string => w.slice(n);
  for (const p of ['meng', 'peng']) {
    if (!w.startsWith(p)) continue;
    const r = from(p.length);
    if (r.startsWith('e') && r.length <= 5) out.push(r.slice(1)); // menge-/penge- before one syllable: mengebom → bom
    if (VOWEL.test(r)) out.push(`k${r}`, r);
    else if (/^(g|h|kh)/.test(r)) out.push(r);
  }
  for (const p of ['meny', 'peny']) if (w.startsWith(p) && VOWEL.test(from(p.length))) out.push(`s${from(p.length)}`);
  for (const p of ['mem', 'pem']) {
    if (!w.startsWith(p)) continue;
    const r = from(p.length);
    if (VOWEL.test(r)) out.push(`p${r}`);
    else if (/^[bfvp]/.test(r)) out.push(r);
  }
  for (const p of ['men', 'pen']) {
    if (!w.startsWith(p)) continue;
    const r = from(p.length);
    if (VOWEL.test(r)) out.push(`t${r}`);
    else if (/^(d|c|j|z|sy)/.test(r)) out.push(r);
  }
  for (const p of ['me', 'pe']) if (w.startsWith(p) && /^[lmnrwy]/.test(from(2))) out.push(from(2));
  if (w.startsWith('ber')) out.push(from(3));
  if (w.startsWith('ter')) out.push(from(3));
  if (w.startsWith('per')) out.push(from(3));
  // ber-/ter- are be-/te- before r (`berenang` ← `renang`, `terasa` ← `rasa`).
  if (w.startsWith('be') && /^r/.test(from(2))) out.push(from(2));
  if (w.startsWith('te') && /^r/.test(from(2))) out.push(from(2));
  if (w.startsWith('bel') && w === 'belajar') out.push('ajar');
  for (const p of ['di', 'ke', 'se']) if (w.startsWith(p)) out.push(from(2));
  // Jakarta informal verbs: nge-, ng- + vowel, ny- (`ngebanjirin`, `ngangkut`, `nyampah`).
  if (w.startsWith('nge')) out.push(from(3));
  if (w.startsWith('ng') && VOWEL.test(from(2))) out.push(`k${from(2)}`, from(2));
  if (w.startsWith('ny') && VOWEL.test(from(2))) out.push(`s${from(2)}`, `c${from(2)}`);
  return out.filter((r) => r.length >= MIN_ROOT || (r.length >= 3 && w.startsWith('menge')) || (r.length >= 3 && w.startsWith('penge')));
}

/** Words with one or two suffixes removed: `banjirnya` → `banjir`, `genangannya` → `genangan`, `genang`. */
function unsuffix(w: string): string[] {
  const bases = [w];
  for (const p of PARTICLES) if (w.endsWith(p) && w.length - p.length >= 3) bases.push(w.slice(0, -p.length));
  for (const b of [...bases]) {
    if (LEXICALISED.has(b)) continue;
    for (const s of SUFFIXES) if (b.endsWith(s) && b.length - s.length >= MIN_ROOT) bases.push(b.slice(0, -s.length));
  }
  return bases;
}

const MEMO_LIMIT = 50_000;
const rootMemo = new Map<string, readonly string[]>();

/**
 * The word and every root it may come from by Indonesian affixation (at most two prefixes and
 * two suffixes). Over-generates on purpose: a root counts only when it is a configured keyword,
 * so a wrong candidate costs nothing unless it equals a keyword.
 */
export function candidateRoots(word: string): readonly string[] {
  const cached = rootMemo.get(word);
  if (cached) return cached;
  const out = new Set<string>([word]);
  const bases = word.length >= 5 && word.length <= 40 ? unsuffix(word) : [];
  if (bases.length > 0 && !bases.some((b) => LEXICALISED.has(b))) {
    for (const base of bases) {
      out.add(base);
      for (const r of unprefix(base)) {
        out.add(r);
        for (const r2 of unprefix(r)) out.add(r2);
      }
    }
    // A suffix only after a prefix came off (`ke-banjir-an`): strip suffixes from each prefixed root too.
    for (const r of unprefix(word)) for (const b of unsuffix(r)) if (b.length >= MIN_ROOT) out.add(b);
  }
  const roots = [...out];
  if (word.length > 40) return roots;
  if (rootMemo.size >= MEMO_LIMIT) rootMemo.clear();
  rootMemo.set(word, roots);
  return roots;
}

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

  /** The keyword forms a post word stands for: itself, or a root of it that some keyword uses. */
  const formsOf = (word: string): readonly string[] => candidateRoots(word).filter((r) => vocabulary.has(r));

  return (norm) => {
    const tokens = norm.tokens;
    const forms: (readonly string[])[] = tokens.map(formsOf);
    /** Phrase id → the post's words that matched it, in order of first occurrence. */
    const hits = new Map<number, string[]>();
    const hit = (n: number, surface: string): void => {
      const list = hits.get(n);
      if (!list) hits.set(n, [surface]);
      else if (!list.includes(surface)) list.push(surface);
    };
    for (let i = 0; i < tokens.length; i++) {
      const mine = forms[i] ?? [];
      if (mine.length === 0) continue;
      const starting = new Set<number>();
      for (const f of mine) for (const n of byFirst.get(f) ?? []) starting.add(n);
      for (const n of starting) {
        const phrase = phrases[n] ?? [];
        let k = 1;
        while (k < phrase.length && (forms[i + k] ?? []).some((f) => (phrase[k] ?? []).includes(f))) k++;
        if (k === phrase.length) hit(n, tokens.slice(i, i + k).join(' '));
      }
    }
    // A hashtag counts for a keyword its split words did not already match (`#BanjirJakarta` reports `banjir`).
    const fromTokens = new Set(hits.keys());
    for (const tag of norm.hashtags) {
      matchHashtag(tag, byCompact, maxCompact, vocabulary, (n, surface) => {
        if (!fromTokens.has(n)) hit(n, surface);
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
  const position = (w: string): number => {
    if (w.startsWith('#')) return tokens.length + hashtags.findIndex((h) => `#${h}` === w);
    const first = w.split(' ')[0] ?? '';
    const i = tokens.indexOf(first);
    return i < 0 ? tokens.length : i;
  };
  return [...matched].sort((a, b) => position(a) - position(b));
}
