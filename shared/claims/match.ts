/**
 * Finds the debunked claim a post repeats, among tens of thousands, without scanning them all.
 *
 * Words. A claim and a post are reduced to their informative words (Indonesian and English
 * function words dropped). Each word stands for every root it may come from by Indonesian
 * affixation (`candidateRoots` of classify/morphology, less the roots no Indonesian word can have:
 * `menyembuhkan`, `penyembuhan`, `disembuhkan` all yield `sembuh`), each spelled through a
 * phonetic key that folds the usual spelling variants (`vaksin`/`faksin`,
 * `microchip`/`mikrocip`/`mikrochip`, `khasiat`/`kasiat`, `zaman`/`jaman`, `corona`/`korona`)
 * and doubled letters, after a short list of interchangeable words (`corona`/`covid`,
 * `meninggal`/`mati`, `dua`/`2`). Two words are the same when their keys meet, so an
 * over-generated root costs nothing unless it coincides with another word's. A post word of at
 * least FUZZY_MIN_LENGTH letters that no stored key explains and no dictionary knows (a typo:
 * `pendudk`, `suidrman`) counts, at FUZZY_CREDIT, for the stored keys one edit away; a hashtag
 * written as one word (`#vaksinmicrochip`) is split into stored keys.
 *
 * Score. A post usually quotes or paraphrases a claim and adds its own words, so the score is
 * containment: the IDF-weighted share of the claim's words found in the post, in any order.
 * Everyday words (`warga`, `jalan`, `pagi`) and bare numbers weigh half, since the claims' IDF
 * cannot see how common they are in posts. A match needs a similarity of at least MIN_SIMILARITY
 * and at least MIN_SHARED shared words, and half the claim's words if that is more (calibrated
 * with `scripts/bench-claims.ts --calibrate` and the dev posts of eval/hoax-posts.jsonl): a post
 * on the same topic that shares the topic's words (`vaksin`, `covid`, `puskesmas`) but not the
 * claim's own stays well below it. The best-scoring claim is the answer.
 *
 * Speed. Prefix filtering (AllPairs/PPJoin): a claim's words are ordered heaviest (rarest)
 * first, and only a short prefix is indexed: the shortest of which a matching post must hold two
 * — with at most one of them, even the heaviest, the rest cannot reach the threshold or the
 * required count — and a claim is scored only once two of its prefix words are seen. (A claim for
 * which that prefix would pass 31 words indexes the prefix a match must hold one of, and is
 * scored on one hit.) So every claim that can match is scored (exactly: `scan`, which scores them
 * all, gives the same answers), while common words sit at the tails of claims and rarely enter
 * the index, and a claim sharing one chance word with the post costs a table update. Scoring
 * stops as soon as the threshold, or the best score so far, is out of reach. A claim's weights
 * are fixed when it is indexed; every claim is re-weighted once the store has grown by a quarter
 * since the last full pass (amortised O(1) per `add`).
 */
import * as memoModule from '../classify/memo';
import * as normaliseModule from '../classify/normalise';
import type { ClaimMatcher, NormalisedText } from '../classify/types';
import * as keysModule from './keys';
import type { ClaimMatch, ClaimRecord } from './types';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { remember } = memoModule;
const { fewestPieces, normalise } = normaliseModule;
const { EVERYDAY_WEIGHT, isDictionaryWord, isEveryday, isInformative, MAX_WORD_LENGTH, NearKeys, phonetic, termKeys, withinOneEdit } =
  keysModule;

export interface ClaimIndexOptions {
  /** Minimum containment, 0..1 (default MIN_SIMILARITY). */
  readonly minSimilarity?: number;
  /** Minimum number of the claim's words the post must share (default MIN_SHARED). */
  readonly minShared?: number;
  /** Minimum share of the claim's words the post must share, 0..1 (default MIN_SHARED_SHARE). */
  readonly minSharedShare?: number;
}

/** See `scripts/bench-claims.ts --calibrate`. */
export const MIN_SIMILARITY = 0.5;
export const MIN_SHARED = 3;
/**
 * And at least half of the claim's words, however light: a long post that happens to hold a
 * short claim's two rarest words and a common one is not repeating it.
 */
export const MIN_SHARED_SHARE = 0.5;
/** Credit for a word reached only through a one-edit spelling difference. */
const FUZZY_CREDIT = 0.8;
/** Shorter words have too many real neighbours one edit away (`sempat`/`sempit`, `tanah`/`tanam`). */
const FUZZY_MIN_LENGTH = 7;
/** Distinct words of a post read at most: a pasted article cannot make the work unbounded. */
const MAX_POST_WORDS = 1_000;
/** Informative words of a claim kept (claims are a sentence or two; an import may hold more). */
const MAX_CLAIM_WORDS = 200;
/** Re-weight every claim when the store has grown by this factor since the last full pass. */
const FULL_PASS_GROWTH = 1.25;
/** Below this size every `add` re-weights the whole store (cheap, and keeps small stores exact). */
const SMALL_STORE = 2_000;

// ---------------------------------------------------------------------------------------------
// The index

interface StoredClaim {
  readonly record: ClaimRecord;
  /** One slot per informative word (words sharing a key share a slot): its key ids, in the order written. */
  readonly slots: readonly (readonly number[])[];
  /** Per slot: an everyday word or a number. */
  readonly everyday: readonly boolean[];
  /** Filled when indexed, heaviest slot first: the slots' key ids end to end, where each slot ends, its weight. */
  keys: Int32Array;
  ends: Int32Array;
  weights: Float64Array;
  total: number;
  /** Words a post must share: MIN_SHARED, or MIN_SHARED_SHARE of them if more. */
  required: number;
  live: boolean;
}

interface Best {
  n: number;
  similarity: number;
}

const EMPTY = new Int32Array(0);
/** Posting position of a claim scored on one hit; also the most positions a two-hit prefix may use. */
const ALONE = 31;
const VERIFIED = 1 << 31;

export class ClaimIndex implements ClaimMatcher {
  private readonly minSimilarity: number;
  private readonly minShared: number;
  private readonly minSharedShare: number;

  private readonly keyIds = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly wordIds = new Map<string, readonly number[]>();
  /** Live claims using each key. */
  private df = new Int32Array(1024);
  /**
   * Key → the claims whose indexed prefix uses it, each as `claim number × 32 + slot position`
   * (position ALONE for a claim that one hit must verify). Dead claims drop out at the next full pass.
   */
  private postings: number[][] = [];

  private readonly claims: StoredClaim[] = [];
  private readonly byId = new Map<string, number>();
  private live = 0;
  private dead = 0;
  private liveAtFullPass = 0;
  private stale = false;

  // Per-query scratch, reused: stamps instead of fresh sets.
  private epoch = 0;
  private claimStamp = new Int32Array(1024);
  /** Per candidate: a bit per prefix position hit, and VERIFIED once scored. */
  private claimHits = new Int32Array(1024);
  private keyStamp = new Int32Array(1024);
  private keyCredit = new Float64Array(1024);
  private keySurface: string[] = [];
  private readonly near = new NearKeys();
  private readonly fuzzyMemo = new Map<string, readonly number[]>();

  constructor(claims: Iterable<ClaimRecord> = [], options: ClaimIndexOptions = {}) {
    this.minSimilarity = options.minSimilarity ?? MIN_SIMILARITY;
    this.minShared = options.minShared ?? MIN_SHARED;
    this.minSharedShare = options.minSharedShare ?? MIN_SHARED_SHARE;
    for (const claim of claims) this.insert(claim);
    this.fullPass();
  }

  get size(): number {
    return this.live;
  }

  /** Adds a claim, replacing the stored claim with the same id. */
  add(claim: ClaimRecord): void {
    const n = this.insert(claim);
    if (this.live <= SMALL_STORE || this.live >= this.liveAtFullPass * FULL_PASS_GROWTH || this.dead > this.live / 4) this.stale = true;
    else this.indexClaim(n);
  }

  match(norm: NormalisedText): ClaimMatch | undefined {
    return this.find(norm, false);
  }

  /**
   * The same answer by scoring every stored claim, without the index: the reference the index
   * must agree with (unit tests) and the baseline of `scripts/bench-claims.ts`. Not for production.
   */
  scan(norm: NormalisedText): ClaimMatch | undefined {
    return this.find(norm, true);
  }

  private find(norm: NormalisedText, everyClaim: boolean): ClaimMatch | undefined {
    if (this.stale) this.fullPass();
    if (this.live === 0) return undefined;
    const epoch = this.nextEpoch();
    const found = this.postKeys(norm, epoch);
    if (found.length === 0) return undefined;

    const best: Best = { n: -1, similarity: 0 };
    if (everyClaim) {
      for (let n = 0; n < this.claims.length; n++) this.consider(n, epoch, best);
    } else {
      // A claim is scored once two of its prefix positions are hit (one for claims posted ALONE).
      const stamp = this.claimStamp;
      const hits = this.claimHits;
      for (const key of found) {
        for (const code of this.postings[key] ?? []) {
          const n = code >>> 5;
          const position = code & 31;
          let seen = 0;
          if (stamp[n] === epoch) seen = hits[n] ?? 0;
          else stamp[n] = epoch;
          if (seen & VERIFIED) continue;
          const now = seen | (1 << position);
          if (position === ALONE || (now !== seen && (now & (now - 1)) !== 0)) {
            hits[n] = VERIFIED;
            this.consider(n, epoch, best);
          } else {
            hits[n] = now;
          }
        }
      }
    }
    const claim = this.claims[best.n];
    if (!claim) return undefined;
    return { claim: claim.record, similarity: Math.min(1, best.similarity), matched: this.surfaces(claim, norm, epoch) };
  }

  /** Scores one claim against the post's stamped keys; keeps it if it passes and beats `best` (ties: stored first). */
  private consider(n: number, epoch: number, best: Best): void {
    const claim = this.claims[n];
    if (!claim?.live) return;
    const { keys, ends, weights } = claim;
    const stamp = this.keyStamp;
    const creditOf = this.keyCredit;
    // Only a claim at least as close as the best so far can change the answer.
    const need = Math.max(this.minSimilarity, best.similarity) * claim.total;
    let remaining = claim.total;
    let matched = 0;
    let shared = 0;
    let start = 0;
    for (let k = 0; k < weights.length; k++) {
      const end = ends[k] ?? 0;
      let credit = 0;
      for (let j = start; j < end; j++) {
        const key = keys[j] ?? 0;
        if (stamp[key] === epoch) credit = Math.max(credit, creditOf[key] ?? 0);
      }
      start = end;
      const w = weights[k] ?? 0;
      if (credit > 0) {
        matched += w * credit;
        shared++;
      }
      remaining -= w;
      if (matched + remaining < need) return; // out of reach
    }
    if (shared < claim.required || matched < need) return;
    const similarity = matched / claim.total;
    if (similarity > best.similarity || (similarity === best.similarity && n < best.n)) {
      best.n = n;
      best.similarity = similarity;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Storing

  /** Stores a claim's slots and counts its keys; indexing waits for `indexClaim` or a full pass. */
  private insert(record: ClaimRecord): number {
    const previous = this.byId.get(record.id);
    if (previous !== undefined) this.remove(previous);
    const { slots, everyday } = this.claimSlots(record.text);
    const n = this.claims.length;
    for (const slot of slots) for (const key of slot) this.df[key] = (this.df[key] ?? 0) + 1;
    this.claims.push({
      record,
      slots,
      everyday,
      keys: EMPTY,
      ends: EMPTY,
      weights: new Float64Array(0),
      total: 0,
      required: 0,
      live: true,
    });
    this.byId.set(record.id, n);
    this.live++;
    return n;
  }

  private remove(n: number): void {
    const claim = this.claims[n];
    if (!claim?.live) return;
    claim.live = false;
    for (const slot of claim.slots) for (const key of slot) this.df[key] = (this.df[key] ?? 1) - 1;
    this.live--;
    this.dead++;
  }

  /** A claim's informative words as slots of key ids, normalised as posts are; words that share a key share a slot. */
  private claimSlots(text: string): { slots: number[][]; everyday: boolean[] } {
    const slots: number[][] = [];
    const everyday: boolean[] = [];
    const seen = new Set<string>();
    for (const word of normalise(text).tokens) {
      if (seen.size >= MAX_CLAIM_WORDS) break;
      if (seen.has(word) || !isInformative(word)) continue;
      seen.add(word);
      const ids = this.wordKeyIds(word);
      // Claims are short: a linear search of the slots so far beats building a map per claim.
      const slot: number[] = [...ids];
      let plain = isEveryday(word);
      for (let s = slots.length - 1; s >= 0; s--) {
        const other = slots[s] ?? [];
        if (!other.some((id) => ids.includes(id))) continue;
        for (const id of other) if (!slot.includes(id)) slot.push(id);
        plain &&= everyday[s] ?? false;
        slots.splice(s, 1);
        everyday.splice(s, 1);
      }
      slots.push(slot);
      everyday.push(plain);
    }
    return { slots, everyday };
  }

  /**
   * The key ids of a claim word, creating keys as needed. Memoised without a bound: it grows with
   * the store's vocabulary, as the key map does, and claims repeat their words.
   */
  private wordKeyIds(word: string): readonly number[] {
    const cached = this.wordIds.get(word);
    if (cached) return cached;
    const ids = [...new Set(termKeys(word).map((key) => this.keyId(key)))];
    this.wordIds.set(word, ids);
    return ids;
  }

  private keyId(key: string): number {
    const known = this.keyIds.get(key);
    if (known !== undefined) return known;
    const id = this.keys.length;
    this.keyIds.set(key, id);
    this.keys.push(key);
    this.postings.push([]);
    if (id >= this.df.length) this.df = grow(this.df, id);
    if (key.length >= FUZZY_MIN_LENGTH - 1) this.near.add(key, id);
    if (this.fuzzyMemo.size > 0) this.fuzzyMemo.clear();
    return id;
  }

  /** Re-weights every live claim with the current document frequencies and rebuilds the postings. */
  private fullPass(): void {
    this.postings = this.keys.map(() => []);
    for (let n = 0; n < this.claims.length; n++) if (this.claims[n]?.live) this.indexClaim(n);
    this.liveAtFullPass = this.live;
    this.dead = 0;
    this.stale = false;
  }

  /** Weighs a claim's slots with the current IDF, lays them out heaviest first and posts its prefix (see the header). */
  private indexClaim(n: number): void {
    const claim = this.claims[n];
    if (!claim) return;
    const total = Math.max(1, this.live);
    const count = claim.slots.length;
    const raw = new Float64Array(count);
    let size = 0;
    for (let i = 0; i < count; i++) {
      const slot = claim.slots[i] ?? [];
      // The slot's most common key: an over-generated rare root must not inflate the weight.
      let df = 1;
      for (const key of slot) df = Math.max(df, this.df[key] ?? 0);
      raw[i] = Math.log(1 + total / df) * (claim.everyday[i] ? EVERYDAY_WEIGHT : 1);
      size += slot.length;
    }
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (raw[b] ?? 0) - (raw[a] ?? 0) || a - b);
    const keys = new Int32Array(size);
    const ends = new Int32Array(count);
    const weights = new Float64Array(count);
    let end = 0;
    let sum = 0;
    order.forEach((i, k) => {
      for (const key of claim.slots[i] ?? []) keys[end++] = key;
      ends[k] = end;
      weights[k] = raw[i] ?? 0;
      sum += raw[i] ?? 0;
    });
    claim.keys = keys;
    claim.ends = ends;
    claim.weights = weights;
    claim.total = sum;
    claim.required = Math.max(this.minShared, Math.ceil(this.minSharedShare * count - 1e-9));
    if (count < claim.required) return; // can never match
    // A matching post holds at least two of the first `two` slots: with one of them at most, even
    // the heaviest, the rest cannot reach the threshold or the required number of words. A claim
    // for which that takes more than ALONE slots posts the prefix a matching post holds one of, and
    // is scored on its first hit.
    const outside = (1 - this.minSimilarity) * sum + 1e-9;
    const reach = (need: number, spare: number): number => {
      let prefix = 0;
      for (let k = 0; k < count; k++) {
        prefix += weights[k] ?? 0;
        if (prefix > need || count - (k + 1) < claim.required - spare) return k + 1;
      }
      return count;
    };
    const two = reach(outside + (weights[0] ?? 0), 1);
    const alone = two > ALONE;
    const length = alone ? reach(outside, 0) : two;
    for (let k = 0; k < length; k++) {
      const code = n * 32 + (alone ? ALONE : k);
      for (let j = k === 0 ? 0 : (ends[k - 1] ?? 0); j < (ends[k] ?? 0); j++) this.postings[keys[j] ?? 0]?.push(code);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reading a post

  private nextEpoch(): number {
    if (this.epoch === 0x7fffffff) {
      this.epoch = 0;
      this.claimStamp.fill(0);
      this.keyStamp.fill(0);
    }
    this.epoch++;
    if (this.claimStamp.length < this.claims.length) {
      this.claimStamp = grow(this.claimStamp, this.claims.length);
      this.claimHits = grow(this.claimHits, this.claims.length);
    }
    if (this.keyStamp.length < this.keys.length) {
      this.keyStamp = grow(this.keyStamp, this.keys.length);
      const credit = new Float64Array(this.keyStamp.length);
      credit.set(this.keyCredit);
      this.keyCredit = credit;
    }
    return this.epoch;
  }

  /** Stamps the stored keys a post contains, with their credit and the post word that gave them; returns them. */
  private postKeys(norm: NormalisedText, epoch: number): number[] {
    const found: number[] = [];
    const seen = new Set<string>();
    for (const word of norm.tokens) {
      if (seen.size >= MAX_POST_WORDS) break;
      if (seen.has(word) || !isInformative(word)) continue;
      seen.add(word);
      let explained = false;
      for (const k of termKeys(word)) {
        const key = this.keyIds.get(k);
        if (key === undefined) continue;
        explained = true;
        this.mark(key, 1, word, epoch, found);
      }
      if (!explained && word.length >= FUZZY_MIN_LENGTH && !isDictionaryWord(word)) {
        for (const key of this.fuzzy(word)) this.mark(key, FUZZY_CREDIT, word, epoch, found);
      }
    }
    for (const tag of norm.hashtags) {
      const lower = tag.toLowerCase();
      // Hashtags normalisation split (`VaksinChip`, `banjirjakarta`) are words already; one it could not may split into stored keys.
      if (lower.length > MAX_WORD_LENGTH || !seen.has(lower) || termKeys(lower).some((k) => this.keyIds.has(k))) continue;
      for (const piece of this.splitTag(lower)) {
        for (const k of termKeys(piece)) {
          const key = this.keyIds.get(k);
          if (key !== undefined) this.mark(key, 1, piece, epoch, found);
        }
      }
    }
    return found;
  }

  /** Stamps a key the post contains (into `found` the first time), keeping its best credit and the post word that gave it. */
  private mark(key: number, credit: number, surface: string, epoch: number, found: number[]): void {
    if (this.keyStamp[key] !== epoch) {
      this.keyStamp[key] = epoch;
      found.push(key);
    } else if (credit <= (this.keyCredit[key] ?? 0)) {
      return;
    }
    this.keyCredit[key] = credit;
    this.keySurface[key] = surface;
  }

  /** Stored keys (of at least FUZZY_MIN_LENGTH − 1 letters) one edit from the word's own key. */
  private fuzzy(word: string): readonly number[] {
    const cached = this.fuzzyMemo.get(word);
    if (cached) return cached;
    const own = termKeys(word)[0] ?? word;
    const candidates = new Set<number>();
    this.near.candidates(own, candidates);
    const result = [...candidates].filter((id) => withinOneEdit(own, this.keys[id] ?? ''));
    return remember(this.fuzzyMemo, word, result);
  }

  /** Fewest stored keys (each of at least three letters) that make up a hashtag, or nothing. */
  private splitTag(tag: string): string[] {
    return fewestPieces(tag, 3, (piece) => this.keyIds.has(phonetic(piece))) ?? [];
  }

  /** The post's words that matched the claim, in the post's order. */
  private surfaces(claim: StoredClaim, norm: NormalisedText, epoch: number): string[] {
    const out = new Set<string>();
    for (const slot of claim.slots) {
      let surface: string | undefined;
      let credit = 0;
      for (const key of slot) {
        if (this.keyStamp[key] !== epoch || (this.keyCredit[key] ?? 0) <= credit) continue;
        credit = this.keyCredit[key] ?? 0;
        surface = this.keySurface[key];
      }
      if (surface !== undefined) out.add(surface);
    }
    const position = (w: string): number => {
      const i = norm.tokens.indexOf(w);
      return i < 0 ? norm.tokens.length : i;
    };
    return [...out].sort((a, b) => position(a) - position(b));
  }
}

function grow(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  let size = Math.max(1, a.length);
  while (size <= atLeast) size *= 2;
  const next = new Int32Array(size);
  next.set(a);
  return next;
}
