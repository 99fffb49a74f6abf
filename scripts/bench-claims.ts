/**
 * Benchmarks claim matching (shared/claims/match.ts) at the size the issue asks for: 50,000
 * stored claims, a paraphrased debunked claim found in under 1 ms per post on one core.
 *
 * The store: the seed claims; for each seed claim, near neighbours on the same topic (half of
 * its words kept, the rest replaced), so a paraphrase must still find its own claim; and
 * synthetic claims drawn deterministically (seeded PRNG) from Indonesian words (the seed claims'
 * and the sentiment lexicon's words, affixed at random) with a Zipf distribution, plus invented
 * proper names, so common words have long posting lists as in a real store.
 *
 * The posts: paraphrases of seed claims with noise (words dropped, neighbours swapped, slang,
 * spelling variants, typos, changed affixes, shouting, hoax framing, hashtags, filler), and
 * unrelated posts on the same topics (`vaksin booster tersedia di puskesmas`), plus the legitimate
 * posts of eval/hoax-posts.jsonl when present (debunks left out: they do name the claim).
 *
 * Reports build time, µs per post for match() (median, p99, mean of wall time, and mean CPU time,
 * which a busy machine disturbs less; normalise() not included), the same for a naive linear
 * scan computing the same similarity against every claim (`ClaimIndex.scan`, on the first
 * `--baseline` posts) in the same process, their ratio, whether both agree, and recall and false
 * matches.
 *
 *   npx tsx scripts/bench-claims.ts [--claims 50000] [--posts 2000] [--baseline 100] [--calibrate]
 *
 * `--calibrate` sweeps the minimum similarity and prints recall and false matches per value
 * (how MIN_SIMILARITY was chosen).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism as availableCores, loadavg } from 'node:os';
import path from 'node:path';
import { ClaimIndex, MIN_SIMILARITY } from '../shared/claims/match';
import { SEED_CLAIMS } from '../shared/claims/seed';
import { CLAIM_RATINGS, type ClaimMatch, type ClaimRecord } from '../shared/claims/types';
import { LEXICON_ENTRIES } from '../shared/classify/lexicon-id';
import { normalise } from '../shared/classify/normalise';
import type { NormalisedText } from '../shared/classify/types';
import { mulberry32 } from './prng';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const CLAIMS = arg('--claims', 50_000);
const POSTS = arg('--posts', 2_000);
const CALIBRATE = process.argv.includes('--calibrate');
const NEIGHBOURS_PER_SEED = 30;
const BASELINE_POSTS = arg('--baseline', 100);
const ROOT = path.resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const chance = (rand: Rand, p: number): boolean => rand() < p;
const between = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** Draws items by rank with probability ∝ 1 / rank^s. */
function zipf<T>(items: readonly T[], s: number): (rand: Rand) => T {
  const cumulative = new Float64Array(items.length);
  let sum = 0;
  for (let i = 0; i < items.length; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, s);
  return (rand) => {
    const x = rand() * sum;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

function shuffle<T>(rand: Rand, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The store

const FUNCTION_WORDS = 'yang di dan ke dari akan untuk karena dengan pada dalam sudah bisa ini itu tidak oleh juga sehingga'.split(' ');
const SYLLABLES =
  'ba be bi bo bu da di du ga gi gu ha hi ja ju ka ki ko ku la li lu ma mi mo mu na ni nu pa pi pu ra ri ru sa si su ta ti tu wa wi ya'.split(
    ' ',
  );
const CODAS = ['', '', '', 'n', 'ng', 'r', 't', 's', 'k', 'h'];

function vocabulary(rand: Rand): string[] {
  const words = new Set<string>();
  for (const c of SEED_CLAIMS) for (const w of normalise(c.text).tokens) if (w.length >= 4 && !/\d/.test(w)) words.add(w);
  for (const e of LEXICON_ENTRIES) if (e.words.length === 1 && e.words[0]!.length >= 4) words.add(e.words[0]!);
  return shuffle(rand, [...words]);
}

function properNames(rand: Rand, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    let name = '';
    for (let i = between(rand, 2, 3); i > 0; i--) name += pick(rand, SYLLABLES);
    name += pick(rand, CODAS);
    names.add(name[0]!.toUpperCase() + name.slice(1));
  }
  return [...names];
}

function affix(rand: Rand, word: string): string {
  if (!chance(rand, 0.3)) return word;
  const prefix = pick(rand, ['', 'me', 'di', 'ber', 'ter', 'pe', 'ke']);
  const suffix = pick(rand, ['', '', 'kan', 'an', 'nya', 'i']);
  return prefix + word + suffix;
}

function syntheticClaims(rand: Rand, count: number): ClaimRecord[] {
  const words = vocabulary(rand);
  const word = zipf(words, 0.9);
  const name = zipf(properNames(rand, 30_000), 0.7);
  const out: ClaimRecord[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    for (let k = between(rand, 6, 12); k > 0; k--) {
      parts.push(affix(rand, word(rand)));
      if (chance(rand, 0.35)) parts.push(pick(rand, FUNCTION_WORDS));
    }
    for (let k = between(rand, 0, 2); k > 0; k--) parts.splice(between(rand, 0, parts.length), 0, name(rand));
    out.push(record(`syn-${i}`, parts.join(' ')));
  }
  return out;
}

/**
 * Same-topic claims next to each seed claim: half its words kept, the others replaced by words
 * drawn evenly from the vocabulary (so mostly rarer ones), as a different claim on the same
 * subject would read (`vaksin COVID-19 mengandung ... ` with other particulars).
 */
function neighbours(rand: Rand, perSeed: number): ClaimRecord[] {
  const words = vocabulary(rand);
  const out: ClaimRecord[] = [];
  for (const seed of SEED_CLAIMS) {
    const tokens = seed.text.split(/\s+/);
    for (let i = 0; i < perSeed; i++) {
      const text = tokens
        .map((t) => (FUNCTION_WORDS.includes(t.toLowerCase()) || chance(rand, 0.5) ? t : affix(rand, pick(rand, words))))
        .join(' ');
      out.push(record(`${seed.id}-near-${i}`, text));
    }
  }
  return out;
}

function record(id: string, text: string): ClaimRecord {
  return { id, text, rating: CLAIM_RATINGS[0], source: 'https://example.org/bench' };
}

// ---------------------------------------------------------------------------------------------
// The posts

const SLANG: Readonly<Record<string, string>> = {
  tidak: 'gk',
  yang: 'yg',
  dengan: 'dgn',
  sudah: 'udh',
  karena: 'krn',
  untuk: 'utk',
  orang: 'org',
  bisa: 'bs',
  sangat: 'bgt',
};
const OPENERS = ['AWAS!!', 'Info dari grup sebelah:', 'Katanya', 'BREAKING:', 'Tolong disebar ya,', 'Ini beneran?', 'WASPADA!!!', ''];
const CLOSERS = ['sebarkan sebelum dihapus!!', 'share ke grup keluarga', 'bener gk sih?', 'ngeri bgt', '🙏🙏', 'media diam aja', ''];
const FILLER =
  'kemarin saya dapat kabar dari teman kantor katanya sudah banyak yang tahu tapi belum ada berita resmi jadi hati hati ya'.split(' ');

/** A spelling variant or typo of a word, or the word. */
function misspell(rand: Rand, w: string): string {
  const lower = w.toLowerCase();
  if (chance(rand, 0.5)) {
    const variant = lower
      .replace(/v/g, 'f')
      .replace(/ch/g, 'c')
      .replace(/c(?=o)/g, 'k')
      .replace(/kh/g, 'k');
    if (variant !== lower) return variant;
  }
  if (lower.length < 7 || !/^[a-z]+$/.test(lower)) return w;
  const i = between(rand, 2, lower.length - 3);
  return chance(rand, 0.5) ? lower.slice(0, i) + lower.slice(i + 1) : lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2);
}

/** Another affixed form of the same word: `ditanam` → `tertanam`, `menyebabkan` → `menyebab`, `tubuh` → `tubuhnya`. */
function reaffix(w: string): string {
  if (/^di[a-z]{4,}/i.test(w)) return `ter${w.slice(2)}`;
  if (/[a-z]{4,}kan$/i.test(w)) return w.slice(0, -3);
  if (/^[a-z]{4,}$/i.test(w)) return `${w}nya`;
  return w;
}

function paraphrase(rand: Rand, claim: ClaimRecord): string {
  let words = claim.text.split(/\s+/).filter(() => !chance(rand, 0.15));
  words = words.map((w) => {
    const slang = SLANG[w.toLowerCase()];
    if (slang && chance(rand, 0.6)) return slang;
    if (chance(rand, 0.12)) return misspell(rand, w);
    if (chance(rand, 0.12)) return reaffix(w);
    if (chance(rand, 0.05)) return w.replace(/([aiu])([^aiu]*)$/i, '$1$1$1$2'); // stretched letters
    return w;
  });
  for (let i = 0; i + 1 < words.length; i++) if (chance(rand, 0.15)) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
  if (chance(rand, 0.3)) {
    const cut = between(rand, 1, Math.max(1, words.length - 1));
    words = [...words.slice(cut), ...words.slice(0, cut)];
  }
  let text = words.join(' ');
  if (chance(rand, 0.5))
    text = `${text}. ${shuffle(rand, [...FILLER])
      .slice(0, between(rand, 5, 12))
      .join(' ')}`;
  if (chance(rand, 0.15)) text = text.toUpperCase();
  const long = claim.text
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((w) => w.length >= 5);
  const tags = chance(rand, 0.4) && long.length >= 2 ? ` #${pick(rand, long)}${pick(rand, long)}` : '';
  return `${pick(rand, OPENERS)} ${text} ${pick(rand, CLOSERS)}${tags}`.trim();
}

const PLACES = ['Kemang', 'Tebet', 'Cawang', 'Pluit', 'Cilincing', 'Grogol', 'Menteng', 'Kalideres', 'Pasar Minggu', 'Cempaka Putih'];
const STATIONS = ['Manggarai', 'Tanah Abang', 'Sudirman', 'Juanda', 'Lebak Bulus', 'Bundaran HI'];
const UNRELATED: readonly ((rand: Rand) => string)[] = [
  (r) => `vaksin booster tersedia di puskesmas ${pick(r, PLACES)} mulai senin, bawa KTP ya`,
  (r) => `Vaksin HPV gratis untuk siswi kelas 5 di sekolah dasar ${pick(r, PLACES)}, jadwal dari puskesmas kecamatan`,
  (r) => `banjir di ${pick(r, PLACES)} setinggi ${between(r, 20, 120)} cm, warga mulai mengungsi ke masjid terdekat`,
  (r) => `antrean KRL di stasiun ${pick(r, STATIONS)} parah bgt pagi ini, kereta telat ${between(r, 5, 30)} menit`,
  (r) => `air PAM mati lagi di ${pick(r, PLACES)} sejak pagi, tolong @PAMJAYA kapan nyala`,
  (r) => `PLN: pemeliharaan jaringan listrik di ${pick(r, PLACES)} hari Kamis pukul 09.00-12.00, mohon maaf atas gangguannya`,
  (r) => `jalan ${pick(r, PLACES)} macet total karena ada galian pipa, hindari ya`,
  (r) => `harga beras di pasar ${pick(r, PLACES)} naik lagi jadi ${between(r, 13, 18)} ribu per kilo`,
  (r) => `gempa kecil terasa di ${pick(r, PLACES)} tadi siang, BMKG bilang tidak berpotensi tsunami`,
  (r) => `MRT sempat terhenti di stasiun ${pick(r, STATIONS)} karena gangguan sinyal, sekarang sudah normal`,
  (r) => `telur di pasar ${pick(r, PLACES)} sekarang ${between(r, 25, 35)} ribu sekilo, mahal bgt`,
  () => `lowongan resmi Pemprov DKI hanya lewat portal resmi dan tidak dipungut biaya apa pun`,
  (r) => `anak saya demam berdarah, dirawat di RSUD ${pick(r, PLACES)}, alhamdulillah trombositnya sudah naik`,
  (r) => `KTP elektronik saya hilang, ngurus ke Dukcapil ${pick(r, PLACES)} ternyata cepat dan gratis`,
  (r) => `cuaca panas banget hari ini di ${pick(r, PLACES)}, jangan lupa minum air putih`,
  () => `pendaftaran KJP Plus tahap dua lewat sekolah masing-masing, cek pengumuman resmi Disdik`,
  (r) => `nasabah bank ${pick(r, ['DKI', 'BRI', 'BCA'])} ngeluh aplikasi error sejak pagi, transfer gagal terus`,
  (r) => `TPS di ${pick(r, PLACES)} sudah siap, pemungutan suara mulai jam 7 pagi, jangan lupa bawa KTP`,
  (r) => `nyamuk di ${pick(r, PLACES)} banyak banget musim hujan gini, fogging kapan ya`,
  (r) => `warga ${pick(r, PLACES)} kerja bakti bersihin saluran air sebelum musim hujan`,
];

function devLegitPosts(): string[] {
  const file = path.join(ROOT, 'eval', 'hoax-posts.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; hoax: boolean; kind?: string })
    .filter((row) => !row.hoax && row.kind !== 'debunk')
    .map((row) => row.text);
}

interface Post {
  readonly norm: NormalisedText;
  /** The seed claim it paraphrases, or undefined for an unrelated post. */
  readonly source?: string;
}

function posts(rand: Rand, count: number, legit: readonly string[]): Post[] {
  const out: Post[] = [];
  const related = Math.round(count * 0.75);
  for (let i = 0; i < related; i++) {
    const claim = pick(rand, SEED_CLAIMS);
    out.push({ norm: normalise(paraphrase(rand, claim)), source: claim.id });
  }
  for (const text of legit) if (out.length < count) out.push({ norm: normalise(text) });
  while (out.length < count) out.push({ norm: normalise(pick(rand, UNRELATED)(rand)) });
  return shuffle(rand, out);
}

// ---------------------------------------------------------------------------------------------
// Measuring

function time<T>(f: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = f();
  return [value, Number(process.hrtime.bigint() - start) / 1_000];
}

/** CPU time (user + system) of the whole process, in µs. */
function cpu(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

interface Timing {
  readonly median: number;
  readonly p99: number;
  readonly mean: number;
}

function timings(us: number[]): Timing {
  const sorted = [...us].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), mean: us.reduce((a, b) => a + b, 0) / us.length };
}

const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

interface Outcome {
  readonly recall: number;
  readonly wrong: number;
  readonly falseMatches: number;
  readonly related: number;
  readonly unrelated: number;
}

function outcome(list: readonly Post[], results: readonly (ClaimMatch | undefined)[], minSimilarity = 0): Outcome {
  let recall = 0;
  let wrong = 0;
  let falseMatches = 0;
  let related = 0;
  list.forEach((post, i) => {
    const m = results[i];
    const hit = m !== undefined && m.similarity >= minSimilarity ? m : undefined;
    if (post.source === undefined) {
      if (hit) falseMatches++;
      return;
    }
    related++;
    if (hit?.claim.id === post.source) recall++;
    else if (hit) wrong++;
  });
  return { recall, wrong, falseMatches, related, unrelated: list.length - related };
}

function main(): void {
  const rand = mulberry32(20_240_601);
  const synthetic = Math.max(0, CLAIMS - SEED_CLAIMS.length - SEED_CLAIMS.length * NEIGHBOURS_PER_SEED);
  const store = [...SEED_CLAIMS, ...neighbours(rand, NEIGHBOURS_PER_SEED), ...syntheticClaims(rand, synthetic)].slice(0, CLAIMS);
  const legit = devLegitPosts();
  const warmup = posts(mulberry32(7), 500, []);
  const bench = posts(rand, POSTS, legit);

  const heapBefore = process.memoryUsage().heapUsed;
  const buildCpu = cpu();
  const [index, buildUs] = time(() => new ClaimIndex(store));
  const buildCpuUs = cpu() - buildCpu;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

  for (const p of warmup) index.match(p.norm);
  const results: (ClaimMatch | undefined)[] = [];
  const indexUs: number[] = [];
  const matchCpu = cpu();
  for (const p of bench) {
    const [m, us] = time(() => index.match(p.norm));
    results.push(m);
    indexUs.push(us);
  }
  const matchCpuUs = (cpu() - matchCpu) / bench.length;

  const subset = bench.slice(0, BASELINE_POSTS);
  const scanUs: number[] = [];
  let agree = 0;
  const scanCpu = cpu();
  subset.forEach((p, i) => {
    const [m, us] = time(() => index.scan(p.norm));
    scanUs.push(us);
    if (m?.claim.id === results[i]?.claim.id && m?.similarity === results[i]?.similarity) agree++;
  });
  const scanCpuUs = (cpu() - scanCpu) / Math.max(1, subset.length);
  const subsetIndexUs = timings(indexUs.slice(0, BASELINE_POSTS));

  const t = timings(indexUs);
  const s = timings(scanUs);
  const o = outcome(bench, results);
  const normaliseUs = timings(bench.slice(0, 200).map((p) => time(() => normalise(p.norm.text))[1]));

  const line = (label: string, text: string): void => console.log(`${label.padEnd(21)}${text}`);
  line(
    'claims stored',
    `${index.size.toLocaleString('en')} (${SEED_CLAIMS.length} seed, ${SEED_CLAIMS.length * NEIGHBOURS_PER_SEED} same-topic neighbours, rest synthetic)`,
  );
  line('build', `${(buildUs / 1e6).toFixed(2)} s wall, ${(buildCpuUs / 1e6).toFixed(2)} s CPU, heap +${heapMb.toFixed(0)} MB`);
  line(
    'posts',
    `${bench.length}: ${o.related} paraphrases of seed claims, ${o.unrelated} unrelated (${Math.min(legit.length, o.unrelated)} legitimate posts of eval/hoax-posts.jsonl, the rest same-topic templates)`,
  );
  line(
    'match() per post',
    `median ${fmt(t.median)}, p99 ${fmt(t.p99)}, mean ${fmt(t.mean)} wall; mean ${fmt(matchCpuUs)} CPU   (normalise() not included: median ${fmt(normaliseUs.median)})`,
  );
  if (subset.length > 0) {
    line(
      'linear scan baseline',
      `median ${fmt(s.median)}, p99 ${fmt(s.p99)}, mean ${fmt(s.mean)} wall; mean ${fmt(scanCpuUs)} CPU   (first ${subset.length} posts; the index on them: median ${fmt(subsetIndexUs.median)}, mean ${fmt(subsetIndexUs.mean)})`,
    );
    line(
      'index vs scan',
      `×${(s.median / subsetIndexUs.median).toFixed(0)} faster (median), ×${(s.mean / subsetIndexUs.mean).toFixed(0)} (mean); same answer on ${agree}/${subset.length} posts`,
    );
  }
  line(
    'recall',
    `${o.recall}/${o.related} = ${pct(o.recall, o.related)} of paraphrases found their seed claim, ${o.wrong} another claim (a near neighbour); ${o.falseMatches}/${o.unrelated} unrelated posts matched a claim (min similarity ${MIN_SIMILARITY})`,
  );
  line('machine', `load average ${loadavg()[0]?.toFixed(1)} over ${availableCores()} cores: wall times include waiting for a core`);

  if (CALIBRATE) calibrate(store, bench);
}

/** Recall and false matches per minimum similarity, from one low-threshold run. */
function calibrate(store: readonly ClaimRecord[], bench: readonly Post[]): void {
  const low = new ClaimIndex(store, { minSimilarity: 0.3 });
  const results = bench.map((p) => low.match(p.norm));
  console.log('\nmin similarity   recall   other claim   unrelated matched');
  for (let th = 0.3; th <= 0.801; th += 0.05) {
    const o = outcome(bench, results, th);
    console.log(
      `${th.toFixed(2).padStart(14)}   ${pct(o.recall, o.related).padStart(6)}   ${String(o.wrong).padStart(11)}   ${`${o.falseMatches}/${o.unrelated}`.padStart(17)}`,
    );
  }
}

main();
