/**
 * The phrase matcher: phrase lists and regex shapes compiled into whole-word regexes over a
 * post's normalised text (and its raw lower-cased text, for phrases with punctuation), the
 * cancelling words before a match, evidence shown as written, and the shared pass that reads
 * many lists in one scan per text with the same hits as scanning each on its own.
 */
import * as memoModule from '../memo';
import * as normaliseModule from '../normalise';
import * as regexSourceModule from './regex-source';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { remember } = memoModule;
const { normalise } = normaliseModule;
const { firstWordsOf } = regexSourceModule;

/** A phrase list written `a | b | c` over several lines. */
export function list(phrases: string): string[] {
  return phrases
    .split(/[|\n]/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p.length > 0);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a pattern: words separated by any space or hyphen run (`dengar-dengar`, `share  ke grup`). */
const phrasePattern = (phrase: string): string => phrase.trim().split(/\s+/).map(escape).join('[\\s\\-_]+');

/**
 * A list as regexes (whole words, longest phrases first) over the normalised text, where slang
 * is already expanded (`temen gw` → `teman saya`), plus one over the raw lower-cased text for the
 * phrases that carry punctuation (`share!`, `100%`, `[salah]`). The words that, right before a
 * match, cancel it are checked on the few characters before each match rather than by a
 * lookbehind at every position: same result, much faster.
 */
interface Matcher {
  readonly regex: RegExp;
  readonly cancel?: RegExp;
  /** Runs on the raw lower-cased text rather than the normalised text. */
  readonly raw?: boolean;
  /** What the regex is made of, its literal phrases and its patterns: the shared pass reads their first words. */
  readonly phrases: readonly string[];
  readonly patterns: readonly string[];
}
export type ListMatcher = readonly Matcher[];

/** Where a list's regex matched: what `matchAll` would have given. */
export interface Hit {
  readonly index: number;
  readonly text: string;
}

/** The two readings of a post that lists run on. */
export interface Haystacks {
  /** The lists read together on these readings (`SharedPasses.haystacksOf`). */
  readonly passes: SharedPasses;
  /** Normalised: lower-case, slang expanded, hashtags split, punctuation reduced to `, ` and `. `. */
  readonly norm: string;
  /** The post lower-cased, punctuation kept. */
  readonly raw: string;
  /** The raw letters and digits alone, with each one's index in `raw`: to show evidence as written. */
  compact?: { readonly text: string; readonly at: readonly number[] };
  /** The shared passes' hits, by slot (`SharedPass`). */
  normHits?: (readonly Hit[])[];
  rawHits?: (readonly Hit[])[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A piece of evidence found in the normalised text, as the post wrote it (`jangan ke luar rumah`
 * → `jangan keluar rumah`, `dengar dengar` → `dengar-dengar`), when the same letters are there;
 * otherwise (slang the normaliser expanded) as found.
 */
function asWritten(piece: string, haystacks: Haystacks): string {
  if (!haystacks.compact) {
    const at: number[] = [];
    let text = '';
    const raw = haystacks.raw;
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      // ASCII decided by code, the rest by Unicode class (a lone surrogate half is neither).
      const keep =
        code < 0x80
          ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
          : LETTER_OR_DIGIT.test(raw.charAt(i));
      if (keep) {
        text += raw.charAt(i);
        at.push(i);
      }
    }
    haystacks.compact = { text, at };
  }
  const { text, at } = haystacks.compact;
  const key = piece.replace(/[^\p{L}\p{N}]+/gu, '');
  const start = key.length > 0 ? text.indexOf(key) : -1;
  if (start < 0) return piece;
  const from = at[start] ?? 0;
  const to = (at[start + key.length - 1] ?? from) + 1;
  return haystacks.raw.slice(from, to).replace(/\s+/g, ' ');
}

const CANCEL_REACH = 64;
const WORDY = /^[\p{L}\p{N}\s]+$/u;

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

/**
 * Literal phrases as one trie-shaped alternation (`sebelum (?:dihapus|hilang)`), longest first
 * where one phrase extends another: the regex engine reads each shared prefix once, which makes
 * a list of a hundred phrases about three times faster than a flat alternation.
 */
export function trieOf(phrases: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const phrase of phrases) {
    let node = root;
    for (const ch of phrase.trim().replace(/\s+/g, ' ')) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/** A phrase as `normalise` writes it in a post (`jangan keluar rumah` → `jangan ke luar rumah`). */
export const inNormalForm = (phrase: string): string => {
  const form = NORMAL_FORMS.get(phrase);
  return form ?? remember(NORMAL_FORMS, phrase, normalise(phrase).text.replace(/[.,]/g, '').trim() || phrase, NORMAL_FORMS_LIMIT);
};
/** Phrases and evidence pieces recur: their normal forms are remembered (a bounded memo). */
const NORMAL_FORMS = new Map<string, string>();
const NORMAL_FORMS_LIMIT = 10_000;

/** Over the normalised text: words are separated by one space, and `\b` is enough for a boundary. */
export const normRegex = (phrases: readonly string[], patterns: readonly string[] = []): RegExp =>
  new RegExp(`\\b(?:${[...(phrases.length > 0 ? [trieOf(phrases)] : []), ...patterns].join('|')})\\b`, 'gu');
/** Over the raw lower-cased text: any run of spaces, hyphens or underscores between words. */
const rawRegex = (alternation: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');

export function compileList(
  phrases: readonly string[],
  notAfter: readonly string[] = [],
  patterns: readonly string[] = [],
  rawPatterns: readonly string[] = [],
): ListMatcher {
  const cancelOf = (words: readonly string[]): RegExp | undefined =>
    words.length > 0
      ? new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.map(phrasePattern).join('|')})[\\s\\-]+(?:di[\\s\\-]*)?$`, 'u')
      : undefined;
  // Phrases and cancelling words go through the posts' own normaliser, so `jangan keluar` meets
  // `jangan ke luar` and `jgn` meets `jangan` exactly as they appear in a normalised post.
  const wordy = [...new Set(phrases.filter((p) => WORDY.test(p)).map(inNormalForm))];
  const punctuated = [
    ...phrases
      .filter((p) => !WORDY.test(p))
      .sort((a, b) => b.length - a.length)
      .map(phrasePattern),
    ...rawPatterns,
  ];
  const out: Matcher[] = [];
  if (wordy.length > 0 || patterns.length > 0)
    out.push({ regex: normRegex(wordy, patterns), cancel: cancelOf([...new Set(notAfter.map(inNormalForm))]), phrases: wordy, patterns });
  if (punctuated.length > 0)
    out.push({ regex: rawRegex(punctuated.join('|')), cancel: cancelOf(notAfter), raw: true, phrases: [], patterns: punctuated });
  return out;
}

/**
 * The lists that run on every post, read in one pass per haystack rather than one scan each.
 * Over the normalised text a match opens (`\b`) with one of the first words of the list's
 * phrases and pattern heads, whole: one regex made of all those words finds the places where
 * any list can match, and there only the lists that can begin with that word are tried
 * (sticky). Over the raw text the gate holds every list's alternatives and places are visited
 * character by character. Either way each list resumes after its last match: the hits are
 * exactly those of `matchAll` over the text.
 */
export class SharedPass {
  private readonly members: Matcher[] = [];
  private readonly slots = new Map<Matcher, number>();
  private compiled?: {
    /** Finds where any member can match: every place, for the raw text; word starts, for the normalised text. */
    readonly gate: RegExp;
    /** Every member's regex, sticky. */
    readonly all: readonly Try[];
    /** By the first word a match can begin with: the members that can begin so. */
    readonly byWord?: ReadonlyMap<string, readonly Try[]>;
  };

  /**
   * For the raw text: a cheap test that every list's alternatives need (the punctuation or the
   * word that put them on the raw text), or none to always scan.
   */
  hint?: RegExp;

  constructor(readonly raw: boolean) {}

  /** Whether any member can match at all (`hint`). */
  mayMatch(haystack: string): boolean {
    return this.hint === undefined || this.hint.test(haystack);
  }

  add(list: ListMatcher): void {
    this.compiled = undefined;
    for (const m of list) {
      if (Boolean(m.raw) !== this.raw) continue;
      this.slots.set(m, this.members.length);
      this.members.push(m);
    }
  }

  /** The matcher's place in `run`'s answer, if it is one of the pass's lists. */
  slot(matcher: Matcher): number | undefined {
    return this.slots.get(matcher);
  }

  private compile(): NonNullable<SharedPass['compiled']> {
    const all = this.members.map((m, slot) => ({ slot, regex: new RegExp(m.regex.source, m.regex.flags.replace('g', '') + 'y') }));
    // Every alternative, for the raw text (its lists' leading lookbehind is left to each list: the
    // gate only has to find at least their places), and for the normalised text when some list's
    // first words cannot be listed.
    const everything = this.raw
      ? new RegExp(`(?:${this.members.flatMap((m) => m.patterns).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
      : normRegex(
          [...new Set(this.members.flatMap((m) => m.phrases))],
          this.members.flatMap((m) => m.patterns),
        );
    if (this.raw) return { gate: everything, all };
    const byWord = new Map<string, Try[]>();
    const firstWord = (phrase: string): string => phrase.split(' ')[0] ?? '';
    for (const [slot, m] of this.members.entries()) {
      const heads = m.patterns.map(firstWordsOf);
      if (!heads.every((h) => h?.every((w) => w.whole))) return { gate: everything, all };
      const words = new Set([...m.phrases.map(firstWord), ...heads.flatMap((h) => (h ?? []).map((w) => w.word))]);
      // A first word is found by `\b…\b` only if all its characters are what `\b` takes for word characters.
      if (![...words].every((w) => /^\w+$/.test(w))) return { gate: everything, all };
      // At a place that opens with a word, only the member's alternatives that open with it can
      // match, in the same order: a regex of those alone gives the same match, and is tried faster.
      for (const word of words) {
        const phrases = m.phrases.filter((p) => firstWord(p) === word);
        const patterns = m.patterns.filter((_p, k) => heads[k]?.some((h) => h.word === word));
        const whole = phrases.length === m.phrases.length && patterns.length === m.patterns.length;
        const regex = whole ? all[slot]!.regex : new RegExp(normRegex(phrases, patterns).source, 'uy');
        byWord.set(word, [...(byWord.get(word) ?? []), { slot, regex }]);
      }
    }
    return { gate: normRegex([...byWord.keys()]), all, byWord };
  }

  /** Each member's hits, by slot. */
  run(haystack: string): (readonly Hit[])[] {
    this.compiled ??= this.compile();
    const { gate, all, byWord } = this.compiled;
    // Made at the first hit: most texts have few, many none.
    let hits: (readonly Hit[])[] | undefined;
    let resume: number[] | undefined;
    gate.lastIndex = 0;
    for (let at = gate.exec(haystack); at !== null; at = gate.exec(haystack)) {
      const index = at.index;
      for (const { slot, regex } of byWord?.get(at[0]) ?? all) {
        if (resume && index < (resume[slot] ?? 0)) continue;
        regex.lastIndex = index;
        const match = regex.exec(haystack);
        if (!match) continue;
        hits ??= new Array<readonly Hit[]>(all.length).fill(NO_HITS);
        resume ??= new Array<number>(all.length).fill(0);
        hits[slot] = [...(hits[slot] ?? NO_HITS), { index, text: match[0] }];
        resume[slot] = index + Math.max(1, match[0].length);
      }
      // A word gate's next place is the next word; any other gate's, the next character.
      gate.lastIndex = byWord ? index + at[0].length : index + 1;
    }
    return hits ?? NONE;
  }
}

/** A member's regex, sticky. */
interface Try {
  readonly slot: number;
  readonly regex: RegExp;
}
const NO_HITS: readonly Hit[] = [];
/** No member's hits: read by slot, never written. */
const NONE: (readonly Hit[])[] = [];

/** The lists read together: one pass over the normalised text, one over the raw text. */
export class SharedPasses {
  readonly norm = new SharedPass(false);
  readonly raw = new SharedPass(true);

  /** Adds lists to read together (before or after the first text: the passes compile again). */
  share(...lists: readonly ListMatcher[]): void {
    for (const list of lists) {
      this.norm.add(list);
      this.raw.add(list);
    }
  }

  /** The readings of a post (`text` as written, `norm` its normalised text) that these passes read. */
  haystacksOf(text: string, norm: string): Haystacks {
    return { passes: this, norm, raw: text.toLowerCase() };
  }
}

/** A list's hits on its haystack: from the shared pass when the list is one of its lists, else by `matchAll`. */
function hitsOf(matcher: Matcher, haystacks: Haystacks): readonly Hit[] {
  const haystack = matcher.raw ? haystacks.raw : haystacks.norm;
  const pass = matcher.raw ? haystacks.passes.raw : haystacks.passes.norm;
  const slot = pass.slot(matcher);
  if (slot === undefined) {
    matcher.regex.lastIndex = 0;
    return [...haystack.matchAll(matcher.regex)].map((m) => ({ index: m.index, text: m[0] }));
  }
  const hits = pass.raw
    ? (haystacks.rawHits ??= pass.mayMatch(haystack) ? pass.run(haystack) : [])
    : (haystacks.normHits ??= pass.run(haystack));
  return hits[slot] ?? NO_HITS;
}

/** A list's evidence in a post: each match not cancelled by the words before it, as written. */
export function matches(list: ListMatcher, haystacks: Haystacks): string[] {
  // Most lists find nothing in most posts: the set is made only for the first hit.
  let found: Set<string> | undefined;
  for (const matcher of list) {
    const { cancel, raw } = matcher;
    const haystack = raw ? haystacks.raw : haystacks.norm;
    const hits = hitsOf(matcher, haystacks);
    if (hits.length === 0) continue;
    found ??= new Set<string>();
    for (const match of hits) {
      if (cancel && cancel.test(haystack.slice(Math.max(0, match.index - CANCEL_REACH), match.index))) continue;
      const piece = match.text.toLowerCase().trim();
      found.add(raw ? piece.replace(/\s+/g, ' ') : asWritten(piece, haystacks));
    }
  }
  return found ? [...found] : [];
}

/**
 * Evidence found in both haystacks in two spellings (`share!` and `share`), or once inside a
 * longer piece (`dapat info` in `dapat info dari`), counts once.
 */
const dedupeKey = (s: string): string => ` ${s.replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `;

export function dedupe(evidence: readonly string[]): string[] {
  if (evidence.length < 2) return [...evidence];
  const keys = evidence.map(dedupeKey);
  return evidence.filter((_e, i) => {
    const key = keys[i] ?? '';
    return !keys.some((other, j) => j !== i && (other === key ? j < i : other.includes(key)));
  });
}
