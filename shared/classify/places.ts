/**
 * Places: which Jakarta areas a post names. One map from word n-grams (a name or alias, lower
 * case, words joined by one space) to the place, built once at module load; a post is scanned
 * left to right trying the longest n-gram first, so `Kelapa Gading Barat` wins over `Kelapa
 * Gading` and `Pulo Gadung` over `Pulo`. Hashtags are also tried whole (`#Jaksel`,
 * `#PasarMinggu`), and by their start or end (`#BanjirKemang`, `#KemangBanjir`).
 *
 * Names that are ordinary words (`di tengah jalan`, `kebon jeruk`) count only with the evidence
 * their ambiguity level asks for (places-jakarta.ts, `AMBIGUOUS`): a place word before them
 * (`di`, `ke`, `daerah`, `kelurahan`…), their city or kecamatan after them, or a capital letter
 * inside a sentence; how the post is written matters too (`di tanah tinggi` in lower case in a
 * post that capitalises words is the high ground). Any name is the ordinary thing after a word
 * that makes it one (`pohon kemang`, `buah bintaro`, `niup pluit`), and a lower-case `baru` or
 * `utara` after a capitalised name is not part of it (`di Jelambar baru nyala` is Jelambar).
 */
import { EN_WORDS, ID_WORDS } from './language';
import { LEXICON_ID } from './lexicon-id';
import { normalise } from './normalise';
import { AMBIGUOUS, GAZETTEER, ORDINARY_PHRASES, type Ambiguity, type GazetteerEntry, type PlaceKind } from './places-jakarta';
import type { NormalisedText, Place } from './types';

/** A word `key` leaves as it is: lower-case ASCII letters and digits, as most tokens arrive. */
const PLAIN_RE = /^[a-z0-9]+$/;
/** A hashtag whose key, spaces removed, is its lower case. */
const PLAIN_TAG_RE = /^[A-Za-z0-9]+$/;

/** Lower case, punctuation inside a name (`Jl.`, `Tj.`) dropped, words separated by one space. */
function key(phrase: string): string {
  return phrase
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .join(' ');
}

interface Indexed {
  readonly place: Place;
  readonly kind: PlaceKind;
  /** Absent for a name that is only ever a place. */
  readonly ambiguity?: Ambiguity;
}

export interface PlaceIndex {
  readonly byPhrase: ReadonlyMap<string, Indexed>;
  /** The same phrases with spaces removed, for hashtags (`pasarminggu`). */
  readonly byCompact: ReadonlyMap<string, Indexed>;
  readonly maxWords: number;
}

const RANK: Readonly<Record<PlaceKind, number>> = { city: 0, kecamatan: 1, area: 2, kelurahan: 3 };

function toPlace(entry: GazetteerEntry): Place {
  return {
    name: entry.name,
    ...(entry.kelurahan ? { kelurahan: entry.kelurahan } : {}),
    ...(entry.kecamatan ? { kecamatan: entry.kecamatan } : {}),
    city: entry.city,
  };
}

/** A single word that is an everyday Indonesian or English word needs context even when not listed. */
function isCommonWord(phrase: string): boolean {
  return (
    !phrase.includes(' ') && (ID_WORDS.has(phrase) || EN_WORDS.has(phrase) || Object.prototype.hasOwnProperty.call(LEXICON_ID, phrase))
  );
}

/**
 * Builds the index. When one phrase names places of different kinds, the broader kind wins (a
 * city over a kecamatan over a neighbourhood over a kelurahan: `Menteng` is the kecamatan, not
 * its same-named kelurahan); two places of the same kind under one phrase is a gazetteer bug.
 */
export function buildPlaceIndex(entries: readonly GazetteerEntry[], ambiguous: ReadonlyMap<string, Ambiguity> = AMBIGUOUS): PlaceIndex {
  const byPhrase = new Map<string, Indexed>();
  const byCompact = new Map<string, Indexed>();
  let maxWords = 1;
  const put = (map: Map<string, Indexed>, k: string, value: Indexed, phrase: string): void => {
    const existing = map.get(k);
    if (existing) {
      if (RANK[existing.kind] === RANK[value.kind] && existing.place.name !== value.place.name) {
        throw new Error(
          `gazetteer: "${phrase}" names both ${existing.place.name} (${existing.place.city}) and ${value.place.name} (${value.place.city})`,
        );
      }
      if (RANK[existing.kind] <= RANK[value.kind]) return;
    }
    map.set(k, value);
  };
  for (const entry of entries) {
    const place = toPlace(entry);
    const kind = entry.kind ?? 'area';
    for (const phrase of [entry.name, ...(entry.aliases ?? [])]) {
      const k = key(phrase);
      if (k === '') continue;
      const level = ambiguous.get(k) ?? (isCommonWord(k) ? 'context' : undefined);
      const value: Indexed = { place, kind, ...(level ? { ambiguity: level } : {}) };
      // The same phrase as posts arrive after normalisation (`jl thamrin` → `jalan thamrin`).
      const normal = normalise(phrase).tokens.map(key).join(' ');
      for (const form of new Set([k, normal])) {
        if (form === '') continue;
        put(byPhrase, form, value, phrase);
        put(byCompact, form.replace(/ /g, ''), value, phrase);
        maxWords = Math.max(maxWords, form.split(' ').length);
      }
    }
  }
  return { byPhrase, byCompact, maxWords };
}

const INDEX = buildPlaceIndex(GAZETTEER);

/** One word of the index's phrases: the place when a phrase ends here, and the words that can follow it. */
interface PhraseNode {
  hit?: Indexed;
  readonly next: Map<string, PhraseNode>;
}

/**
 * The index's phrases as a tree of words, so a scan looks up only the n-grams that begin some
 * phrase instead of joining every n-gram at every word.
 */
function phraseTree(index: PlaceIndex): ReadonlyMap<string, PhraseNode> {
  const root = new Map<string, PhraseNode>();
  for (const [phrase, indexed] of index.byPhrase) {
    let level = root;
    let node: PhraseNode | undefined;
    for (const word of phrase.split(' ')) {
      node = level.get(word);
      if (!node) {
        node = { next: new Map() };
        level.set(word, node);
      }
      level = node.next;
    }
    if (node) node.hit = indexed;
  }
  return root;
}

const TREE = phraseTree(INDEX);
/** The longest phrase without spaces: no longer piece of a hashtag can be a place. */
const MAX_COMPACT_LENGTH = Math.max(0, ...[...INDEX.byCompact.keys()].map((k) => k.length));
const NO_HITS: readonly (Indexed | undefined)[] = [];

/** What the phrases starting at word `i` name: entry `n - 1` for the `n`-word phrase, undefined where it names nothing. */
function phrasesAt(words: readonly string[], i: number): readonly (Indexed | undefined)[] {
  let node = TREE.get(words[i] ?? '');
  if (!node) return NO_HITS;
  const hits: (Indexed | undefined)[] = [node.hit];
  for (let j = i + 1; j < words.length; j++) {
    node = node.next.get(words[j] ?? '');
    if (!node) break;
    hits.push(node.hit);
  }
  return hits;
}

/** How many distinct places the index holds, by kind, and how many phrases lead to them. */
export function placeIndexCounts(index: PlaceIndex = INDEX): { readonly byKind: Record<PlaceKind, number>; readonly phrases: number } {
  const byKind: Record<PlaceKind, number> = { city: 0, kecamatan: 0, area: 0, kelurahan: 0 };
  const seen = new Set<string>();
  for (const { place, kind } of index.byPhrase.values()) {
    const id = `${kind}|${place.name}|${place.kecamatan ?? ''}|${place.city}`;
    if (seen.has(id)) continue;
    seen.add(id);
    byKind[kind] += 1;
  }
  return { byKind, phrases: index.byPhrase.size };
}

// ---------------------------------------------------------------------------------------------
// Evidence for ambiguous names

/**
 * Place words that name the kind of place before a name (an area, an administrative unit, a
 * road, a stop, a market or mall): evidence even for a phrase written in lower case.
 */
const NAMING_WORDS: ReadonlySet<string> = new Set(
  `daerah kawasan wilayah area lokasi arah menuju kelurahan kel kecamatan kec jalan jln gang gg stasiun halte terminal
   pasar mal mall`.split(/\s+/),
);
/** Words before a name that say a place follows (normalised forms: `jl` arrives as `jalan`). */
const PLACE_WORDS: ReadonlySet<string> = new Set([
  ...'di ke dari sekitar sekitaran seputar dekat in at near around'.split(' '),
  ...NAMING_WORDS,
]);
/** Words before a name that say an administrative area follows: the only evidence a `strict` name accepts before it. */
const ADMIN_WORDS: ReadonlySet<string> = new Set(['kelurahan', 'kel', 'kelurahannya', 'kecamatan', 'kec', 'kecamatannya']);
/** After a name, a generic city word (for `context` and `name` levels). */
const CITY_WORDS: ReadonlySet<string> = new Set(['jakarta', 'dki']);
/** A place named like a weekday (Senen) is the day in `hari senen`, `dari senen sampai jumat`. */
const WEEKDAYS: ReadonlySet<string> = new Set(['senin', 'senen', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu']);
const BEFORE_DAY: ReadonlySet<string> = new Set(['hari', 'tiap', 'setiap', 'sejak', 'sampai', 'hingga', 'malam', 'pagi', 'siang', 'sore']);
const BETWEEN_DAYS: ReadonlySet<string> = new Set(['sampai', 'hingga', 'dan', 'atau', 'ke', 's']);
/**
 * Words that make the name after them the ordinary thing it is also called, whatever its
 * ambiguity level: a plant, its parts and products (`pohon kemang`, `buah bintaro`, `daun jeruk
 * purut`, `minyak kayu putih`), a craft or material (`anyaman bambu apus`, `bahan kuningan`),
 * and verbs and nouns that take it as their object (`niup pluit`, `bunyi pluit`).
 */
const ORDINARY_BEFORE: ReadonlySet<string> = new Set(
  `pohon buah daun biji kayu bunga batang akar ranting kulit getah bibit benih minyak tanaman anyaman kerajinan ukiran
   bahan berbahan niup meniup tiup ditiup tiupan bunyi wasit`.split(/\s+/),
);
/** Words before `dari` that make what follows a material (`anyaman dari bambu apus`, `terbuat dari kuningan`). */
const MADE_OF: ReadonlySet<string> = new Set(['anyaman', 'kerajinan', 'ukiran', 'terbuat', 'dibuat', 'bahan']);
/**
 * Last words of a name that are also ordinary words (`baru` "just now", `lama`, `utara`…): written
 * in lower case after a capitalised name (`di Jelambar baru nyala`), they are not part of it.
 */
const ORDINARY_SUFFIXES: ReadonlySet<string> = new Set(
  'baru lama utara selatan barat timur tengah dalam luar atas bawah besar kecil raya'.split(' '),
);

/** A post being scanned: its words, and its original text for how it is written (read on first need). */
interface Scan {
  readonly words: readonly string[];
  readonly text: string;
  written?: Written;
}

function isDay(words: readonly string[], i: number, n: number, phrase: string): boolean {
  if (!WEEKDAYS.has(phrase)) return false;
  const before = words[i - 1];
  if (before !== undefined && BEFORE_DAY.has(before)) return true;
  const after = words[i + n];
  const then = words[i + n + 1];
  return after !== undefined && BETWEEN_DAYS.has(after) && then !== undefined && WEEKDAYS.has(then);
}

/** Whether the words at `j` name this place's own city, or its own kecamatan (or, unless `own`, `jakarta`). */
function followedByItsArea(scan: Scan, j: number, found: Indexed, ownOnly: boolean): boolean {
  const first = scan.words[j];
  if (first === undefined) return false;
  const hits = phrasesAt(scan.words, j);
  for (let m = hits.length; m >= 1; m--) {
    const next = hits[m - 1];
    if (!next || next.ambiguity !== undefined) continue;
    if (next.kind === 'city') return next.place.city === found.place.city;
    if (next.kind === 'kecamatan') return next.place.kecamatan === found.place.kecamatan && next.place.name !== found.place.name;
  }
  return !ownOnly && CITY_WORDS.has(first);
}

/**
 * Whether the words around a name make it the ordinary thing (`pohon kemang`, `anyaman dari
 * bambu apus`, `pancoran air`), for any name, ambiguous or not. A name the writer capitalised
 * while leaving the word before it in lower case (`toko bunga Rawa Belong`) is still the place.
 */
function isOrdinaryThing(scan: Scan, i: number, n: number, phrase: string): boolean {
  const before = scan.words[i - 1];
  const after = scan.words[i + n];
  const ordinary =
    (before !== undefined && ORDINARY_BEFORE.has(before)) ||
    (before === 'dari' && MADE_OF.has(scan.words[i - 2] ?? '')) ||
    (after !== undefined && ORDINARY_PHRASES.has(`${phrase} ${after}`));
  if (!ordinary) return false;
  return !writtenAs(scan, phrase, 'capitalised') || (before !== undefined && writtenAs(scan, `${before} ${phrase}`, 'capitalised'));
}

/** `Jelambar baru` read as `Jelambar`: a lower-case ordinary last word after a capitalised name that is a place without it. */
function endsInOrdinaryWord(scan: Scan, phrase: string, n: number): boolean {
  if (n < 2) return false;
  const cut = phrase.lastIndexOf(' ');
  return ORDINARY_SUFFIXES.has(phrase.slice(cut + 1)) && INDEX.byPhrase.has(phrase.slice(0, cut)) && writtenAs(scan, phrase, 'lowerTail');
}

function hasEvidence(scan: Scan, i: number, n: number, phrase: string, found: Indexed): boolean {
  const level = found.ambiguity;
  if (level === undefined) return true;
  if (isDay(scan.words, i, n, phrase)) return false;
  const before = scan.words[i - 1];
  if (level === 'strict') return (before !== undefined && ADMIN_WORDS.has(before)) || followedByItsArea(scan, i + n, found, true);
  if (followedByItsArea(scan, i + n, found, false)) return true;
  if (level === 'context' && writtenAs(scan, phrase, 'capitalised')) return true;
  if (before === undefined || !PLACE_WORDS.has(before)) return false;
  // `di tanah tinggi` in a post that capitalises words is the high ground, not Tanah Tinggi; a
  // kecamatan (`di kebon jeruk`) is named far more often than the thing.
  return n === 1 || found.kind === 'kecamatan' || NAMING_WORDS.has(before) || !writtenAs(scan, phrase, 'lowercase');
}

// ---------------------------------------------------------------------------------------------
// How the post is written

const TITLE_RE = /^\p{Lu}\p{Ll}+$/u;
/** A word the writer capitalised (`Sore2` too): shows the post uses capitals. */
const CAPITALISED_RE = /^\p{Lu}\p{Ll}/u;
const LOWER_RE = /^\p{Ll}+$/u;
const WORD_PIECE_RE = /[\p{L}\p{N}]/u;
const PIECE_RE = /[\p{L}\p{N}]+|[.!?\n\u2026]+/gu;
const CAMEL_SPLIT_RE = /(?<=\p{Ll})(?=\p{Lu})/gu;
const UPPER_RE = /\p{Lu}/u;

/** How each word of a sentence is written: Title Case, lower case, or otherwise (`PAM`, `10`). */
type Case = 'title' | 'lower' | 'other';

/** The post's words as written, sentence after sentence. */
interface Written {
  /** In lower case. */
  readonly words: readonly string[];
  readonly cases: readonly Case[];
  /** For each word, the position of its sentence's first word. */
  readonly starts: readonly number[];
  /** Mostly in Title Case: capitals are no evidence. */
  readonly headline: boolean;
}

/** A text with no capitalised word (all lower case, or only acronyms in capitals) gives no evidence either way. */
const NO_EVIDENCE: Written = { words: [], cases: [], starts: [], headline: false };

function readWritten(text: string): Written {
  if (!UPPER_RE.test(text)) return NO_EVIDENCE;
  const words: string[] = [];
  const cases: Case[] = [];
  const starts: number[] = [];
  let start = 0;
  let titleCount = 0;
  let usesCapitals = false;
  for (const p of text.replace(CAMEL_SPLIT_RE, ' ').match(PIECE_RE) ?? []) {
    if (!WORD_PIECE_RE.test(p)) {
      start = words.length;
      continue;
    }
    const c: Case = TITLE_RE.test(p) ? 'title' : LOWER_RE.test(p) ? 'lower' : 'other';
    if (c === 'title') titleCount++;
    usesCapitals ||= CAPITALISED_RE.test(p);
    words.push(p.toLowerCase());
    cases.push(c);
    starts.push(start);
  }
  if (!usesCapitals) return NO_EVIDENCE;
  return { words, cases, starts, headline: words.length >= 4 && titleCount / words.length > 0.6 };
}

/**
 * How the post writes a phrase (of up to `maxWords` words, inside one sentence), somewhere in it:
 * - `capitalised`: in Title Case inside a sentence (`banjir Menteng`, not `Banjir` opening it),
 *   and never in a text written mostly in Title Case (headlines);
 * - `lowercase`: two or more words in lower case, in a post that capitalises words;
 * - `lowerTail`: in Title Case but for a lower-case last word, not opening a sentence (`di Jelambar baru`).
 */
type WrittenForm = 'capitalised' | 'lowercase' | 'lowerTail';

function writtenAs(scan: Scan, phrase: string, form: WrittenForm): boolean {
  const written = (scan.written ??= readWritten(scan.text));
  const want = phrase.split(' ');
  const n = want.length;
  if (n > INDEX.maxWords || (form === 'capitalised' ? written.headline : n < 2)) return false;
  const { words, cases, starts } = written;
  for (let s = 0; s + n <= words.length; s++) {
    if (starts[s] !== starts[s + n - 1] || !want.every((w, k) => words[s + k] === w)) continue;
    const opening = starts[s] === s;
    const head = cases.slice(s, s + n - 1);
    const last = cases[s + n - 1];
    const titleHead = head.every((c) => c === 'title');
    if (form === 'capitalised' && titleHead && last === 'title' && !(opening && n === 1)) return true;
    if (form === 'lowercase' && last === 'lower' && head.every((c) => c === 'lower')) return true;
    if (form === 'lowerTail' && !opening && titleHead && last === 'lower') return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

/**
 * Places named in a post, in order of first mention, each once. `text` is the post as written;
 * without it capitals are no evidence.
 */
export function findPlaces(norm: NormalisedText, text = ''): Place[] {
  const words: string[] = [];
  for (const token of norm.tokens) {
    if (PLAIN_RE.test(token)) {
      words.push(token);
      continue;
    }
    const k = key(token);
    if (k !== '') words.push(...k.split(' '));
  }
  const scan: Scan = { words, text };
  const found = new Map<string, Place>();
  for (let i = 0; i < words.length;) {
    let matched = 0;
    const hits = phrasesAt(words, i);
    for (let n = hits.length; n >= 1; n--) {
      const hit = hits[n - 1];
      if (!hit) continue;
      const phrase = words.slice(i, i + n).join(' ');
      if (endsInOrdinaryWord(scan, phrase, n) || isOrdinaryThing(scan, i, n, phrase)) continue;
      if (hasEvidence(scan, i, n, phrase, hit)) {
        if (!found.has(hit.place.name)) found.set(hit.place.name, hit.place);
        matched = n;
        break;
      }
    }
    i += matched > 0 ? matched : 1;
  }
  for (const tag of norm.hashtags) {
    const place = placeInHashtag(PLAIN_TAG_RE.test(tag) ? tag.toLowerCase() : key(tag).replace(/ /g, ''));
    if (place && !found.has(place.name)) found.set(place.name, place);
  }
  return [...found.values()];
}

/** Shortest part of a hashtag tried as a place: shorter pieces (`pik`, `gbk`) only match a whole tag. */
const MIN_TAG_PART = 5;

/**
 * `jaksel` whole; `banjirkemang` by its end; `kemangbanjir` by its start (longest piece first).
 * An ambiguous name counts only as the whole tag (`#Menteng`), and a `strict` one never.
 */
function placeInHashtag(tag: string): Place | undefined {
  if (tag.length > 100) return undefined;
  const whole = INDEX.byCompact.get(tag);
  if (whole && whole.ambiguity !== 'strict') return whole.place;
  for (let len = Math.min(tag.length - 1, MAX_COMPACT_LENGTH); len >= MIN_TAG_PART; len--) {
    const end = INDEX.byCompact.get(tag.slice(tag.length - len));
    if (end && end.ambiguity === undefined) return end.place;
    const start = INDEX.byCompact.get(tag.slice(0, len));
    if (start && start.ambiguity === undefined) return start.place;
  }
  return undefined;
}
