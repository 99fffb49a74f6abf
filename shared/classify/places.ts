/**
 * Places: which Jakarta areas a post names. One map from word n-grams (a name or alias, lower
 * case, words joined by one space) to the place, built once at module load; a post is scanned
 * left to right trying the longest n-gram first, so `Kelapa Gading Barat` wins over `Kelapa
 * Gading` and `Pulo Gadung` over `Pulo`. Hashtags are also tried whole (`#Jaksel`,
 * `#PasarMinggu`), and by their start or end (`#BanjirKemang`, `#KemangBanjir`).
 *
 * Names that are ordinary words (`di tengah jalan`, `buah menteng`, `kebon jeruk`) count only
 * with the evidence their ambiguity level asks for (places-jakarta.ts, `AMBIGUOUS`): a place word
 * before them (`di`, `ke`, `daerah`, `kelurahan`…), their city or kecamatan after them, or a
 * capital letter inside a sentence.
 */
import { EN_WORDS, ID_WORDS } from './language';
import { LEXICON_ID } from './lexicon-id';
import { normalise } from './normalise';
import { AMBIGUOUS, GAZETTEER, type Ambiguity, type GazetteerEntry, type PlaceKind } from './places-jakarta';
import type { NormalisedText, Place } from './types';

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

/** Words before a name that say a place follows (normalised forms: `jl` arrives as `jalan`). */
const PLACE_WORDS: ReadonlySet<string> = new Set(
  `di ke dari daerah kawasan wilayah area lokasi sekitar sekitaran seputar dekat arah menuju kelurahan kel kecamatan kec
   jalan jln gang gg in at near around`.split(/\s+/),
);
/** Words before a name that say an administrative area follows: the only evidence a `strict` name accepts before it. */
const ADMIN_WORDS: ReadonlySet<string> = new Set(['kelurahan', 'kel', 'kelurahannya', 'kecamatan', 'kec', 'kecamatannya']);
/** After a name, a generic city word (for `context` and `name` levels). */
const CITY_WORDS: ReadonlySet<string> = new Set(['jakarta', 'dki']);
/** A place named like a weekday (Senen) is the day in `hari senen`, `dari senen sampai jumat`. */
const WEEKDAYS: ReadonlySet<string> = new Set(['senin', 'senen', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu']);
const BEFORE_DAY: ReadonlySet<string> = new Set(['hari', 'tiap', 'setiap', 'sejak', 'sampai', 'hingga', 'malam', 'pagi', 'siang', 'sore']);
const BETWEEN_DAYS: ReadonlySet<string> = new Set(['sampai', 'hingga', 'dan', 'atau', 'ke', 's']);

interface Scan {
  readonly words: readonly string[];
  /** Phrases written capitalised inside a sentence in the original text. */
  readonly capitalised: ReadonlySet<string>;
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
  for (let m = Math.min(INDEX.maxWords, scan.words.length - j); m >= 1; m--) {
    const next = INDEX.byPhrase.get(scan.words.slice(j, j + m).join(' '));
    if (!next || next.ambiguity !== undefined) continue;
    if (next.kind === 'city') return next.place.city === found.place.city;
    if (next.kind === 'kecamatan') return next.place.kecamatan === found.place.kecamatan && next.place.name !== found.place.name;
  }
  return !ownOnly && CITY_WORDS.has(first);
}

function hasEvidence(scan: Scan, i: number, n: number, phrase: string, found: Indexed): boolean {
  const level = found.ambiguity;
  if (level === undefined) return true;
  if (isDay(scan.words, i, n, phrase)) return false;
  const before = scan.words[i - 1];
  if (level === 'strict') return (before !== undefined && ADMIN_WORDS.has(before)) || followedByItsArea(scan, i + n, found, true);
  if (before !== undefined && PLACE_WORDS.has(before)) return true;
  if (followedByItsArea(scan, i + n, found, false)) return true;
  return level === 'context' && scan.capitalised.has(phrase);
}

const TITLE_RE = /^\p{Lu}\p{Ll}+$/u;
const PIECE_RE = /[\p{L}\p{N}]+|[.!?\n\u2026]+/gu;
const CAMEL_SPLIT_RE = /(?<=\p{Ll})(?=\p{Lu})/gu;
const UPPER_RE = /\p{Lu}/u;

/**
 * Phrases (up to `maxWords` words) written in Title Case inside a sentence: `di Menteng` no, but
 * `banjir Menteng` and `#BanjirMenteng` yes. A single capitalised word opening a sentence is no
 * evidence; neither is anything in a text written mostly in Title Case (headlines).
 */
function capitalisedPhrases(text: string, maxWords: number): Set<string> {
  const out = new Set<string>();
  if (!UPPER_RE.test(text)) return out;
  const pieces = text.replace(CAMEL_SPLIT_RE, ' ').match(PIECE_RE) ?? [];
  let wordCount = 0;
  let titleCount = 0;
  for (const p of pieces) {
    if (/[\p{L}\p{N}]/u.test(p)) {
      wordCount++;
      if (TITLE_RE.test(p)) titleCount++;
    }
  }
  if (wordCount >= 4 && titleCount / wordCount > 0.6) return out;
  let run: string[] = [];
  let runOpensSentence = false;
  let sentenceStart = true;
  const flush = (): void => {
    for (let s = 0; s < run.length; s++) {
      for (let len = 1; len <= maxWords && s + len <= run.length; len++) {
        if (s === 0 && len === 1 && runOpensSentence) continue;
        out.add(run.slice(s, s + len).join(' '));
      }
    }
    run = [];
  };
  for (const p of pieces) {
    if (!/[\p{L}\p{N}]/u.test(p)) {
      flush();
      sentenceStart = true;
      continue;
    }
    if (TITLE_RE.test(p)) {
      if (run.length === 0) runOpensSentence = sentenceStart;
      run.push(p.toLowerCase());
    } else {
      flush();
    }
    sentenceStart = false;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * Places named in a post, in order of first mention, each once. `text` is the post as written;
 * without it capitals are no evidence.
 */
export function findPlaces(norm: NormalisedText, text = ''): Place[] {
  const words: string[] = [];
  for (const token of norm.tokens) {
    const k = key(token);
    if (k !== '') words.push(...k.split(' '));
  }
  const scan: Scan = { words, capitalised: capitalisedPhrases(text, INDEX.maxWords) };
  const found = new Map<string, Place>();
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(INDEX.maxWords, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const hit = INDEX.byPhrase.get(phrase);
      if (hit && hasEvidence(scan, i, n, phrase, hit)) {
        if (!found.has(hit.place.name)) found.set(hit.place.name, hit.place);
        matched = n;
        break;
      }
    }
    i += matched > 0 ? matched : 1;
  }
  for (const tag of norm.hashtags) {
    const place = placeInHashtag(key(tag).replace(/ /g, ''));
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
  for (let len = tag.length - 1; len >= MIN_TAG_PART; len--) {
    for (const part of [tag.slice(tag.length - len), tag.slice(0, len)]) {
      const hit = INDEX.byCompact.get(part);
      if (hit && hit.ambiguity === undefined) return hit.place;
    }
  }
  return undefined;
}
