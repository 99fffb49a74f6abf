/**
 * Places: which Jakarta areas a post names. One map from word n-grams (a name or alias, lower
 * case, words joined by one space) to the place, built once at module load; a post is scanned
 * left to right trying the longest n-gram first, so `Kelapa Gading Barat` wins over `Kelapa
 * Gading` and `Pintu Air Manggarai` over `Manggarai`. Hashtags are also tried whole
 * (`#Jaksel`, `#PasarMinggu`), and by their start or end (`#BanjirKemang`, `#KemangBanjir`).
 */
import { GAZETTEER, type GazetteerEntry } from './places-jakarta';
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

interface Index {
  readonly byPhrase: ReadonlyMap<string, Place>;
  /** The same phrases with spaces removed, for hashtags (`pasarminggu`). */
  readonly byCompact: ReadonlyMap<string, Place>;
  readonly maxWords: number;
}

function toPlace(entry: GazetteerEntry): Place {
  return {
    name: entry.name,
    ...(entry.kelurahan ? { kelurahan: entry.kelurahan } : {}),
    ...(entry.kecamatan ? { kecamatan: entry.kecamatan } : {}),
    city: entry.city,
  };
}

/** Builds the index; a phrase that would name two different places is a gazetteer bug. */
export function buildPlaceIndex(entries: readonly GazetteerEntry[]): Index {
  const byPhrase = new Map<string, Place>();
  const byCompact = new Map<string, Place>();
  let maxWords = 1;
  for (const entry of entries) {
    const place = toPlace(entry);
    for (const phrase of [entry.name, ...(entry.aliases ?? [])]) {
      const k = key(phrase);
      if (k === '') continue;
      const existing = byPhrase.get(k);
      if (existing && existing.name !== place.name) {
        throw new Error(`gazetteer: "${phrase}" names both ${existing.name} (${existing.city}) and ${place.name} (${place.city})`);
      }
      byPhrase.set(k, place);
      const compact = k.replace(/ /g, '');
      if (!byCompact.has(compact)) byCompact.set(compact, place);
      maxWords = Math.max(maxWords, k.split(' ').length);
    }
  }
  return { byPhrase, byCompact, maxWords };
}

const INDEX = buildPlaceIndex(GAZETTEER);

/** Places named in a post, in order of first mention, each once. */
export function findPlaces(norm: NormalisedText): Place[] {
  const words: string[] = [];
  for (const token of norm.tokens) {
    const k = key(token);
    if (k !== '') words.push(...k.split(' '));
  }
  const found = new Map<string, Place>();
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(INDEX.maxWords, words.length - i); n >= 1; n--) {
      const place = INDEX.byPhrase.get(words.slice(i, i + n).join(' '));
      if (place) {
        if (!found.has(place.name)) found.set(place.name, place);
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

/** `jaksel` whole; `banjirkemang` by its end; `kemangbanjir` by its start (longest piece first). */
function placeInHashtag(tag: string): Place | undefined {
  const whole = INDEX.byCompact.get(tag);
  if (whole) return whole;
  for (let len = tag.length - 1; len >= MIN_TAG_PART; len--) {
    const place = INDEX.byCompact.get(tag.slice(tag.length - len)) ?? INDEX.byCompact.get(tag.slice(0, len));
    if (place) return place;
  }
  return undefined;
}
