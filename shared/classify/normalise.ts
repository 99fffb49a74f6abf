/**
 * Prepares a post's text for matching and scoring (Indonesian-first): pulls out URLs,
 * @mentions, hashtags and emoji; lower-cases; splits hashtags into words; turns `anak2` and
 * `anak-anak` into `anak anak`; squeezes stretched letters (`parahhh` → `parah`) while keeping
 * real double letters (`maaf`, `saat`); folds laughter (`wkwkwk` → `wkwk`); and expands slang
 * and abbreviations from SLANG_ID (`gak` → `tidak`, `bgt` → `banget`).
 *
 * Pure and fast: every pattern is compiled once at module load, and per-word work is memoised.
 */
import { EN_WORDS, ID_WORDS } from './language';
import { LEXICON_ENTRIES } from './lexicon-id';
import { remember } from './memo';
import { SLANG_ID } from './slang-id';
import type { NormalisedText } from './types';

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
const MENTION_RE = /(^|[^\p{L}\p{N}_@])@([\p{L}\p{N}_]{1,50})/gu;
const HASHTAG_RE = /(^|[^\p{L}\p{N}_#&])#([\p{L}][\p{L}\p{N}_]*)/gu;
const EMOJI_RE =
  /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*|\p{Regional_Indicator}{2}/gu;
/** Text emoticons, only when they stand alone between spaces. */
const EMOTICON_RE = /(?<=^|\s)(?:[:;=]'?-?[)(\][DPp]|<3)(?=\s|$)/gu;
const CAMEL_RE = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu;
const APOSTROPHE_RE = /['’`]/g;
const NON_ASCII_RE = /[\u0080-\u{10FFFF}]/u;
const REDUPLICATION_HINT_RE = /\p{L}2/u;
const EMOTICON_HINT_RE = /[:;=<]/;
const MARKS_RE = /\p{M}/gu;
const REDUPLICATION_RE = /(?<![\p{L}\p{N}])(\p{L}{2,})2(?!\p{N})/gu;
const HYPHEN_RE = /(?<=\p{L})-(?=\p{L})/gu;
const NON_WORD_RE = /[^\p{L}\p{N}\uE000\uE001]+/gu;
/** Sentence ends and clause breaks (not inside numbers such as `09.00`), kept as markers. */
const SENTENCE_END_RE = /(?<!\p{N})[.!?…]+|[.!?…]+(?!\p{N})/gu;
const CLAUSE_BREAK_RE = /(?<!\p{N})[,;:()]+|[,;:()]+(?!\p{N})|\s[-–—]+\s/gu;
/**
 * The same three over lower-cased ASCII text, where a letter is a-z and a digit 0-9: a Unicode
 * class tested at every character is several times slower, and most posts are ASCII once their
 * emoji are out.
 */
const ASCII_SENTENCE_END_RE = /(?<![0-9])[.!?]+|[.!?]+(?![0-9])/g;
const ASCII_CLAUSE_BREAK_RE = /(?<![0-9])[,;:()]+|[,;:()]+(?![0-9])|\s[-–—]+\s/g;
const ASCII_NON_WORD_RE = /[^a-z0-9\uE000\uE001]+/g;
const SENTENCE_END = '\uE000';
const CLAUSE_BREAK = '\uE001';
const TRIPLE_RE = /(\p{L})\1{2,}/u;
const RUN3_RE = /(\p{L})\1{2,}/gu;
const RUN2_RE = /(\p{L})\1+/gu;
const DOUBLE_RE = /(\p{L})\1/u;
const LAUGHS: readonly (readonly [RegExp, string])[] = [
  [/^(?:wk)+w?k?$|^w?(?:k+w+)+k*$|^(?:awok)+(?:wok)*$/, 'wkwk'],
  [/^(?:ha){2,}h?$|^(?:ah){2,}a?$|^(?:ha)+(?:ah)+$/, 'haha'],
  [/^(?:he){2,}h?$|^(?:eh){2,}e?$/, 'hehe'],
  [/^(?:hi){2,}h?$/, 'hihi'],
];

/** Words known to be spelt right: used to undo letter stretching and to split hashtags. */
const KNOWN: ReadonlySet<string> = new Set(
  [
    ...ID_WORDS,
    ...EN_WORDS,
    ...LEXICON_ENTRIES.flatMap((e) => e.words),
    ...Object.values(SLANG_ID).flatMap((v) => v.split(' ')),
    // Common topical words of the city, so hashtags such as #banjirjakarta split.
    ...`jakarta jakut jaksel jakbar jaktim jakpus dki indonesia transjakarta busway krl mrt lrt kereta bus
  angkot ojol ojek motor mobil parkir tol jalan jalanan trotoar halte stasiun terminal bandara pasar
  sungai kali ciliwung pesanggrahan kanal tanggul pompa got selokan drainase gorong air hujan cuaca
  sampah listrik pln pdam puskesmas sekolah kantor kelurahan kecamatan pemprov pemkot pemda dinas
  gubernur walikota lurah camat polisi polda satpol damkar warga kota save pray for stop no
  kemang menteng senayan sudirman thamrin kuningan tebet cawang cempaka grogol kelapa gading
  pluit ancol kalideres cengkareng cilincing tanjung priok pasar minggu depok bekasi tangerang bogor
  monas kota tua ragunan glodok tanah abang blok manggarai`.split(/\s+/),
  ].filter((w) => w.length > 0),
);

/** Places and directions written glued to `di`/`ke` in informal posts (`dirumah` → `di rumah`). */
const LOCATIVES: ReadonlySet<string> = new Set(
  `sini sana situ mana atas bawah depan belakang dalam luar samping sebelah tengah pinggir ujung rumah
  kantor sekolah kampus jalan jalanan pasar kota kampung halte stasiun terminal bandara puskesmas
  rumahsakit masjid gereja mall kamar dapur jakarta bekasi depok tangerang bogor`.split(/\s+/),
);
const LOCATIVE_RE = /^(di|ke)([a-z]{3,})$/;

function isKnown(word: string): boolean {
  return KNOWN.has(word) || Object.prototype.hasOwnProperty.call(SLANG_ID, word);
}

const wordMemo = new Map<string, readonly string[]>();

/** One raw lower-case word → the normalised word(s) it stands for. */
function normaliseWord(raw: string): readonly string[] {
  const cached = wordMemo.get(raw);
  if (cached) return cached;
  const result = resolveWord(raw);
  return remember(wordMemo, raw, result);
}

function resolveWord(raw: string): readonly string[] {
  for (const [pattern, laugh] of LAUGHS) if (pattern.test(raw)) return [laugh];
  const word = unstretch(raw);
  const glued = LOCATIVE_RE.exec(word);
  if (glued?.[1] && glued[2] && LOCATIVES.has(glued[2])) return [glued[1], glued[2]];
  const expansion = SLANG_ID[word];
  return expansion === undefined ? [word] : expansion.split(' ');
}

/** `parahhh` → `parah`, `mantapp` → `mantap`, but `maaf`, `saat` stay. */
function unstretch(word: string): string {
  if (isKnown(word) || /\p{N}/u.test(word)) return word;
  if (TRIPLE_RE.test(word)) {
    const one = word.replace(RUN3_RE, '$1');
    if (isKnown(one)) return one;
    const two = word.replace(RUN3_RE, '$1$1');
    if (isKnown(two)) return two;
    const single = word.replace(RUN2_RE, '$1');
    return isKnown(single) ? single : one;
  }
  if (DOUBLE_RE.test(word)) {
    const single = word.replace(RUN2_RE, '$1');
    if (isKnown(single)) return single;
  }
  return word;
}

const splitMemo = new Map<string, string>();

/** A hashtag's words: `BanjirJakarta` → `Banjir Jakarta`; `banjirjakarta` → `banjir jakarta` if the pieces are known. */
function splitHashtag(tag: string): string {
  const camel = tag.replace(/_/g, ' ').replace(CAMEL_RE, ' ');
  if (camel.includes(' ')) return camel;
  const lower = tag.toLowerCase();
  const cached = splitMemo.get(lower);
  if (cached !== undefined) return cached;
  const result = segment(lower) ?? tag;
  return remember(splitMemo, lower, result);
}

/**
 * The fewest pieces, each `minPiece` to 20 letters long and accepted by `isPiece`, that make up
 * `s` when put together (a hashtag or a run-together phrase read as words); undefined when none do.
 */
export function fewestPieces(s: string, minPiece: number, isPiece: (piece: string) => boolean): string[] | undefined {
  const best: (string[] | undefined)[] = new Array<string[] | undefined>(s.length + 1).fill(undefined);
  best[0] = [];
  for (let end = minPiece; end <= s.length; end++) {
    for (let start = Math.max(0, end - 20); start <= end - minPiece; start++) {
      const prefix = best[start];
      if (!prefix) continue;
      const piece = s.slice(start, end);
      if (!isPiece(piece)) continue;
      const current = best[end];
      if (!current || current.length > prefix.length + 1) best[end] = [...prefix, piece];
    }
  }
  return best[s.length];
}

/** Fewest known words (each ≥ 2 letters) that make up `s`, or undefined. */
function segment(s: string): string | undefined {
  if (s.length > 40) return undefined;
  const found = fewestPieces(s, 2, isKnown);
  return found && found.length > 0 ? found.join(' ') : undefined;
}

export function normalise(text: string): NormalisedText {
  const urls: string[] = [];
  const mentions: string[] = [];
  const hashtags: string[] = [];
  const emojis: string[] = [];

  // Each step runs only when its trigger is present: most posts are short and plain.
  const ascii = !NON_ASCII_RE.test(text);
  let t = ascii ? text : text.normalize('NFKC');
  if (t.includes('http') || t.includes('www.')) {
    t = t.replace(URL_RE, (url) => {
      urls.push(url);
      return ' ';
    });
  }
  if (t.includes('@')) {
    t = t.replace(MENTION_RE, (_m, before: string, handle: string) => {
      mentions.push(handle);
      return `${before} `;
    });
  }
  if (t.includes('#')) {
    t = t.replace(HASHTAG_RE, (_m, before: string, tag: string) => {
      hashtags.push(tag);
      return `${before} ${splitHashtag(tag)} `;
    });
  }
  if (!ascii) {
    t = t.replace(EMOJI_RE, (emoji) => {
      emojis.push(emoji);
      return ' ';
    });
  }
  if (EMOTICON_HINT_RE.test(t)) {
    t = t.replace(EMOTICON_RE, (emoticon) => {
      emojis.push(emoticon);
      return ' ';
    });
  }

  // ASCII now (most posts whose only other characters were emoji): the ASCII forms of the steps below apply.
  const plain = ascii || !NON_ASCII_RE.test(t);
  t = t.toLowerCase();
  if (!plain) t = t.normalize('NFD').replace(MARKS_RE, '');
  if (t.includes("'") || t.includes('’') || t.includes('`')) t = t.replace(APOSTROPHE_RE, '');
  if (REDUPLICATION_HINT_RE.test(t)) t = t.replace(REDUPLICATION_RE, '$1 $1');
  if (t.includes('-')) t = t.replace(HYPHEN_RE, ' ');
  t = plain
    ? t
        .replace(ASCII_SENTENCE_END_RE, ` ${SENTENCE_END} `)
        .replace(ASCII_CLAUSE_BREAK_RE, ` ${CLAUSE_BREAK} `)
        .replace(ASCII_NON_WORD_RE, ' ')
    : t.replace(SENTENCE_END_RE, ` ${SENTENCE_END} `).replace(CLAUSE_BREAK_RE, ` ${CLAUSE_BREAK} `).replace(NON_WORD_RE, ' ');

  // `text` keeps clause punctuation (`, ` and `. `) so negation and contrast can stay inside
  // their clause; `tokens` are its words only.
  const tokens: string[] = [];
  let out = '';
  let pending = '';
  for (const raw of t.split(' ')) {
    if (raw.length === 0) continue;
    if (raw === SENTENCE_END || raw === CLAUSE_BREAK) {
      if (tokens.length > 0 && pending !== '.') pending = raw === SENTENCE_END ? '.' : ',';
      continue;
    }
    // A detached clitic belongs to the word before it: `rasa nya` → `rasanya`.
    if (raw === 'nya' && pending === '' && tokens.length > 0) {
      const last = tokens.pop() ?? '';
      out = out.slice(0, out.length - last.length);
      const merged = `${last}nya`;
      tokens.push(merged);
      out += merged;
      continue;
    }
    for (const word of normaliseWord(raw)) {
      if (tokens.length > 0) out += `${pending} `;
      pending = '';
      tokens.push(word);
      out += word;
    }
  }
  return { text: out, tokens, urls, mentions, hashtags, emojis };
}
