/**
 * A claim's or a post's words as keys: function words dropped, each word standing for every root
 * it may come from (`candidateRoots`, less the roots no Indonesian word can have), interchangeable
 * words folded (`corona`/`covid`), spelling variants folded by a phonetic key; and the stored keys
 * one edit from a misspelt word (`NearKeys`). See match.ts for how the index uses them.
 */
import * as languageModule from '../classify/language';
import * as lexiconIdModule from '../classify/lexicon-id';
import * as memoModule from '../classify/memo';
import * as morphologyModule from '../classify/morphology';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { EN_WORDS, ID_WORDS, MS_WORDS, wordSet } = languageModule;
const { LEXICON_ID } = lexiconIdModule;
const { remember } = memoModule;
const { candidateRoots } = morphologyModule;

export const MAX_WORD_LENGTH = 40;

// Words to keys

/** Function words and fillers that say nothing about which claim a post repeats. */
const STOPWORDS = wordSet(`
  yang dan di ke dari ini itu dengan untuk tidak tak bukan jangan ada akan sudah telah belum juga saja
  atau karena pada dalam oleh bisa dapat boleh jadi menjadi kalau jika bila apabila tapi tetapi namun lagi
  sama saya aku kamu dia ia kita kami mereka kalian anda beliau nya apa siapa mana kenapa mengapa bagaimana
  kapan berapa dimana kemana banget sekali sangat amat masih harus mau ingin pernah hanya cuma lebih kurang
  paling semua seluruh setiap tiap banyak sedikit sekarang nanti tadi hal sih dong deh nih tuh lah kan ya
  yah loh lho kah pun agar supaya sehingga hingga serta bahwa seperti begitu begini dulu terus lalu
  kemudian tolong mohon udah gimana sampai sejak selama setelah sebelum sesudah tanpa antara tentang
  terhadap menurut sebagai para sang si yaitu yakni adalah ialah merupakan tersebut pula maka walaupun
  meskipun padahal sedangkan bahkan justru apalagi ataupun maupun baik semoga selalu sering jarang kadang
  mungkin pasti tentu benar betul kepada daripada bagi melalui lewat secara sebuah seorang suatu
  ketika saat sedang bahwasanya aja gitu gini kayak emang memang doang kok
  the a an is are was were be been being am do does did have has had will would can could should may
  might must of in on at to for from with by about as into through over after before under and or but
  if then so because not no yes this that these those it its they them their he she we you i me my your
  our his her us just very also only than there here all any some more most such what which who when
  where why how
`);

/**
 * Words hoaxes write interchangeably, folded to one key before spelling: `corona`/`covid`,
 * `meninggal`/`mati`, `hp`/`ponsel`, `wa`/`whatsapp`, `link`/`tautan`, and number words to digits
 * (`dua tahun` ~ `2 tahun`). Kept short on purpose: this is spelling, not a thesaurus.
 */
const EQUIVALENT: ReadonlyMap<string, string> = new Map(
  `corona=covid korona=covid koronavirus=covid coronavirus=covid covid19=covid
  meninggal=mati wafat=mati tewas=mati
  hp=ponsel handphone=ponsel smartphone=ponsel
  wa=whatsapp watsap=whatsapp wasap=whatsapp whatsap=whatsapp
  link=tautan website=situs web=situs duit=uang mi=mie jkt=jakarta
  satu=1 dua=2 tiga=3 empat=4 lima=5 enam=6 tujuh=7 delapan=8 sembilan=9 sepuluh=10 seratus=100 seribu=1000`
    .split(/\s+/)
    .filter((pair) => pair.includes('='))
    .map((pair) => pair.split('=') as [string, string]),
);

/** Spelling variants folded to one key, doubled letters squeezed; the same for claims and posts. */
const FOLD: Readonly<Record<string, string>> = {
  ph: 'f',
  oe: 'u',
  dj: 'j',
  tj: 'c',
  ch: 'c',
  kh: 'k',
  ck: 'k',
  v: 'f',
  q: 'k',
  x: 'ks',
  z: 'j',
  c: 'k',
};
// `c` alone only before o or a consonant: English `corona`, `covid`, `micro`; Indonesian c before a, e, i, u stays (`campak`, `curang`).
const FOLD_RE = /ph|oe|dj|tj|ch|kh|ck|[vqxz]|c(?=[olrtk])/g;
const DOUBLE_RE = /(\p{L})\1+/gu;
const PHONETIC_HINT = /ph|oe|dj|tj|ch|kh|ck|[vqxzc]|(\p{L})\1/u;

export function phonetic(w: string): string {
  if (!PHONETIC_HINT.test(w)) return w;
  return w.replace(FOLD_RE, (m) => FOLD[m] ?? m).replace(DOUBLE_RE, '$1');
}

/** Loanword nominalisations the affix rules leave alone: `vaksinasi` → `vaksin`, `imunisasi` → `imun`. */
function loanRoots(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('isasi') && w.length >= 9) out.push(w.slice(0, -5));
  if (w.endsWith('asi') && w.length >= 7) out.push(w.slice(0, -3));
  return out;
}

/**
 * A root no Indonesian word can have, left by an affix rule applied where it does not belong:
 * an onset such as `nd`, `mb`, `rm` (`ndali`, `mbuhkan`, `rmagnet`), a `k` after a consonant left
 * by cutting `-an` off `-kan` (`menyebabk`), or a function word (`maka` from `memakai`).
 */
const IMPOSSIBLE_ROOT = /^(?:[mr][^aeiou]|n[^aeiougy])|[^aeioun]k$/;

export function isInformative(word: string): boolean {
  if (word.length > MAX_WORD_LENGTH || STOPWORDS.has(word)) return false;
  return word.length >= 3 || EQUIVALENT.has(word) || (word.length === 2 && isNumber(word));
}

/**
 * Everyday words (the language detector's lists of very common Indonesian and English words:
 * `warga`, `jalan`, `air`, `pagi`, `hari`) and bare numbers weigh EVERYDAY_WEIGHT: the claims'
 * own IDF cannot tell how common a word is in posts, and a same-topic post shares exactly these.
 */
export const EVERYDAY_WEIGHT = 0.5;
export function isEveryday(word: string): boolean {
  return ID_WORDS.has(word) || EN_WORDS.has(word) || isNumber(word);
}

/** Spelled right: a word of the dictionaries never goes looking for a one-edit neighbour. */
export function isDictionaryWord(word: string): boolean {
  return ID_WORDS.has(word) || EN_WORDS.has(word) || MS_WORDS.has(word) || Object.prototype.hasOwnProperty.call(LEXICON_ID, word);
}

function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return word.length > 0;
}

const keyMemo = new Map<string, readonly string[]>();

/** The keys a word stands for: its own phonetic key first, then those of the roots it may come from. */
export function termKeys(word: string): readonly string[] {
  const cached = keyMemo.get(word);
  if (cached) return cached;
  const keys = new Set<string>();
  const add = (root: string): void => {
    keys.add(phonetic(EQUIVALENT.get(root) ?? root));
  };
  add(word);
  for (const root of candidateRoots(word)) {
    if (root === word || IMPOSSIBLE_ROOT.test(root) || STOPWORDS.has(root) || root.length < 3) continue;
    add(root);
  }
  for (const root of [...keys]) for (const loan of loanRoots(root)) add(loan);
  return remember(keyMemo, word, [...keys]);
}

/** Optimal-string-alignment distance of at most one: a substitution, insertion, deletion or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** FNV-1a over the string without the letter at `skip` (-1: the whole string), then mixed (murmur3 fmix32). */
function hashSkipping(s: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Stored keys by the hashes of their one-letter deletions (symmetric-delete spelling correction,
 * as in SymSpell): two strings one edit apart share a deletion, so a word's own deletions find the
 * keys near it. Hashes in an open-addressing table of two typed arrays keep it small (no string
 * per deletion); a shared hash is only a candidate, confirmed by `withinOneEdit`.
 */
export class NearKeys {
  private hashes = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 12).fill(-1);
  private used = 0;

  add(key: string, id: number): void {
    for (let skip = -1; skip < key.length; skip++) this.put(hashSkipping(key, skip), id);
  }

  /** Ids of keys that may be one edit from `word`. */
  candidates(word: string, out: Set<number>): void {
    const mask = this.ids.length - 1;
    for (let skip = -1; skip < word.length; skip++) {
      const h = hashSkipping(word, skip);
      for (let i = h & mask; (this.ids[i] ?? -1) !== -1; i = (i + 1) & mask) if (this.hashes[i] === h) out.add(this.ids[i] ?? -1);
    }
  }

  private put(h: number, id: number): void {
    if ((this.used + 1) * 2 > this.ids.length) this.resize();
    const mask = this.ids.length - 1;
    let i = h & mask;
    while ((this.ids[i] ?? -1) !== -1) i = (i + 1) & mask;
    this.hashes[i] = h;
    this.ids[i] = id;
    this.used++;
  }

  private resize(): void {
    const { hashes, ids } = this;
    this.hashes = new Int32Array(ids.length * 2);
    this.ids = new Int32Array(ids.length * 2).fill(-1);
    this.used = 0;
    for (let i = 0; i < ids.length; i++) if ((ids[i] ?? -1) !== -1) this.put(hashes[i] ?? 0, ids[i] ?? -1);
  }
}
