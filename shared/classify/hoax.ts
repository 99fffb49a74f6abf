/**
 * Hoax indicators, first version: named, weighted signals that a post reads like a chain message
 * or disinformation, each with the text that fired it, so an analyst can see why.
 *
 *   score = 1 − Π(1 − weight) over the indicators that fired (a noisy-OR: each one alone is weak
 *           evidence, several together are strong), minus the counter-signals, clamped to 0..1.
 *
 * Counter-signals (the post debunks or clarifies, or links an official `.go.id` site) are
 * reported among the indicators with a negative weight. Phrases are matched on the normalised
 * text (slang expanded) and on the original lower-cased text, as whole words; capitals and
 * `!!!` runs are read from the original. Every regex is compiled once, at module load.
 */
import type { HoaxIndicator, HoaxLevel, HoaxResult, NormalisedText } from './types';

export interface HoaxInput {
  /** The post as written: capitals and punctuation runs are read from it. */
  readonly text: string;
  readonly norm: NormalisedText;
}

/** Level thresholds: none < 0.2 ≤ low < 0.45 ≤ medium < 0.7 ≤ high. */
export const HOAX_LEVELS = { low: 0.2, medium: 0.45, high: 0.7 } as const;

interface PhraseIndicator {
  readonly name: string;
  readonly weight: number;
  readonly phrases: readonly string[];
  /** Words that, right before a phrase, cancel it (`jangan sebarkan` is not a call to share). */
  readonly notAfter?: readonly string[];
}

const PHRASE_INDICATORS: readonly PhraseIndicator[] = [
  {
    name: 'call_to_share',
    weight: 0.4,
    phrases: [
      'sebarkan',
      'sebarin',
      'disebarkan',
      'sebar luaskan',
      'sebarluaskan',
      'viralkan',
      'viralin',
      'diviralkan',
      'share ke grup',
      'share ke group',
      'share ke semua',
      'share ke keluarga',
      'share sebanyak banyaknya',
      'tolong share',
      'bantu share',
      'mohon dishare',
      'dishare',
      'sebelum dihapus',
      'sebelum di hapus',
      'sebelum di take down',
      'sebelum ditakedown',
      'teruskan',
      'teruskan ke',
      'bagikan',
      'bagikan ke',
      'tolong forward',
      'forward ke',
      'forwardkan',
      'kirim ke grup',
      'kirim ke semua kontak',
      'jangan berhenti di kamu',
      'jangan berhenti di anda',
      'please share',
      'share this',
      'spread the word',
      'pass it on',
      'before it gets deleted',
      'before it is deleted',
    ],
    notAfter: ['jangan', 'jgn', 'tidak perlu', 'gak usah', 'ga usah', 'nggak usah', 'jangan ikut', 'jgn ikut', "don't", 'do not', 'stop'],
  },
  {
    name: 'alarm',
    weight: 0.3,
    phrases: [
      'awas',
      'waspada',
      'waspadalah',
      'urgent',
      'urgen',
      'darurat',
      'info penting',
      'pesan penting',
      'sangat penting',
      'bahaya besar',
      'segera mengungsi',
      'segera selamatkan',
      'segera evakuasi',
      'segera amankan',
      'segera jauhi',
      'segera tinggalkan',
      'mengungsi sekarang',
      'selamatkan keluarga',
      'breaking news',
      'siaga 1 malam ini',
      'beware',
      'warning',
      'alert',
    ],
  },
  {
    name: 'hearsay',
    weight: 0.35,
    phrases: [
      'katanya',
      'kabarnya',
      'konon',
      'konon katanya',
      'dengar dengar',
      'denger denger',
      'dengar dengar sih',
      'kabar burung',
      'info dari grup sebelah',
      'info grup sebelah',
      'dari grup sebelah',
      'copas dari grup',
      'copas grup sebelah',
      'info a1',
      'info valid',
      'info dari orang dalam',
      'orang dalam',
      'dari orang dalam',
      'sumber orang dalam',
      'dapat info dari',
      'dapet info dari',
      'info dari teman',
      'pesan berantai',
      'from a friend',
      'i heard that',
      'rumour has it',
      'rumor has it',
    ],
  },
  {
    name: 'pseudo_authority',
    weight: 0.3,
    phrases: [
      'dari dokter kenalan',
      'dokter kenalan saya',
      'kata dokter kenalan',
      'teman saya dokter',
      'teman saya di',
      'temen saya di',
      'teman saya yang kerja di',
      'temen gw yang kerja di',
      'saudara saya di',
      'sepupu saya di',
      'kata intel',
      'dari intel',
      'sumber terpercaya',
      'sumber yang terpercaya',
      'sumber resmi tapi',
      'kata pejabat',
      'dari pejabat',
      'orang bpbd',
      'orang pemprov',
      'pensiunan jenderal',
      'kata profesor',
      'ahli mengatakan',
      'a doctor friend',
      'my friend at',
      'insider',
    ],
  },
  {
    name: 'conspiracy',
    weight: 0.3,
    phrases: [
      'media diam',
      'media bungkam',
      'media tidak memberitakan',
      'tidak diberitakan',
      'gak diberitakan',
      'tidak ada di berita',
      'ditutupi',
      'ditutup tutupi',
      'ditutup tutupin',
      'dirahasiakan',
      'disembunyikan',
      'terbongkar',
      'akhirnya terbongkar',
      'yang mereka sembunyikan',
      'pemerintah menutupi',
      'dibungkam',
      'cover up',
      'covered up',
      'mainstream media',
      "they don't want you to know",
    ],
  },
  {
    name: 'absolute_claim',
    weight: 0.15,
    phrases: [
      '100%',
      '100 persen',
      'seratus persen',
      'dijamin',
      'pasti',
      'sudah pasti',
      'pasti terjadi',
      'sudah terbukti',
      'terbukti ampuh',
      'terbukti benar',
      'bukan hoax',
      'bukan hoaks',
      'ini nyata',
      'ini fakta',
      'fakta nyata',
      'valid no debat',
      'guaranteed',
      'proven',
      'confirmed 100',
    ],
  },
];

/** Counter-signals: the post debunks or clarifies. `bukan hoaks` (insisting it is true) is not one. */
const DEBUNK_PHRASES = [
  'cek fakta',
  'cekfakta',
  'hoaks',
  'hoax',
  'hoaxs',
  'klarifikasi',
  'tidak benar',
  'faktanya',
  'disinformasi',
  'misinformasi',
  'kabar bohong',
  'berita bohong',
  'informasi keliru',
  'informasi salah',
  'info salah',
  'kabar salah',
  'fact check',
  'fact-check',
  'is false',
  'not true',
  'debunked',
  'misleading',
  'turnbackhoax',
];
const DEBUNK_WEIGHT = 0.45;
/** Each further distinct debunking phrase lowers the score a little more, up to this much in all. */
const DEBUNK_MAX = 0.6;
const OFFICIAL_LINK_WEIGHT = 0.2;

/** Shouting: a text mostly in capitals, or `!!!` / `???` runs. */
const SHOUTING_WEIGHT = 0.2;
const SHOUTING_MIN_LETTERS = 20;
const SHOUTING_CAPS_SHARE = 0.5;
const PUNCTUATION_RUN = /[!?]{3,}|(?:[!?][\s\u{FE0F}]*){3,}/gu;

const SUSPICIOUS_LINK_WEIGHT = 0.35;
const SHORTENERS = new Set([
  'bit.ly',
  'bitly.com',
  's.id',
  'tinyurl.com',
  'cutt.ly',
  't.ly',
  'shorturl.at',
  'rb.gy',
  'is.gd',
  'v.gd',
  'ow.ly',
  'goo.gl',
  'tiny.cc',
  'shorte.st',
  'adf.ly',
  'linktr.ee',
  'bit.do',
  'urlz.fr',
  'clck.ru',
  'gg.gg',
]);
/** Names of official bodies that lookalike domains borrow. */
const OFFICIAL_NAMES = 'jakarta|dki|pemprov|pemprovdki|bpbd|bpbddki|bmkg|bnpb|kemenkes|kominfo|komdigi|polri|pu|pupr|dukcapil|pajak|bpjs';
/** `jakarta-go-id.com`, `jakartagoid.net`, `jakarta.go.id.info`, `bpbd-dki.go-id.xyz`: an official name, then go·id, not ending in .go.id. */
const LOOKALIKE_GO_ID = new RegExp(`(?:^|[.-])(?:${OFFICIAL_NAMES})[^a-z0-9]*(?:go|gov)[^a-z0-9]*id(?:[^a-z0-9]|$)`, 'u');
/** `bpbd-jakarta.blogspot.com`, `pemprov-dki.xyz`: an official name on a free host or a throwaway TLD. */
const LOOKALIKE_HOSTED = new RegExp(
  `(?:^|[.-])(?:${OFFICIAL_NAMES})(?:[.-]|$).*\\.(?:blogspot\\.com|wordpress\\.com|weebly\\.com|wixsite\\.com|000webhostapp\\.com|github\\.io|xyz|top|click|online|site|icu|buzz|live|info|tk|ml|ga|cf|gq)$`,
  'u',
);
/** Bare domains written without a scheme (`bit.ly/abc`, `jakarta-go-id.com/info`). */
const BARE_DOMAIN = /(?<![\p{L}\p{N}@.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?=[/:?#\s]|$|[)\],.!])/giu;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a pattern: words separated by any space or hyphen run (`dengar-dengar`, `share  ke grup`). */
const phrasePattern = (phrase: string): string => phrase.trim().split(/\s+/).map(escape).join('[\\s\\-_]+');

/** One regex for a list: whole words, case-insensitive, longest phrases first, optional cancelling words before. */
function compileList(phrases: readonly string[], notAfter: readonly string[] = []): RegExp {
  const alternation = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(phrasePattern)
    .join('|');
  const cancel =
    notAfter.length > 0 ? `(?<!(?:^|[^\\p{L}\\p{N}])(?:${notAfter.map(phrasePattern).join('|')})[\\s\\-]+(?:di[\\s\\-]*)?)` : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${cancel}(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
}

const COMPILED = PHRASE_INDICATORS.map((indicator) => ({
  name: indicator.name,
  weight: indicator.weight,
  regex: compileList(indicator.phrases, indicator.notAfter),
}));
const DEBUNK = compileList(DEBUNK_PHRASES, ['bukan', 'not a', 'no']);

function matches(regex: RegExp, haystacks: readonly string[]): string[] {
  const found = new Set<string>();
  for (const haystack of haystacks) {
    regex.lastIndex = 0;
    for (const match of haystack.matchAll(regex)) found.add(match[0].toLowerCase().replace(/[\s_-]+/g, ' '));
  }
  return [...found];
}

/** `https://www.bit.ly/x` → `bit.ly`. */
function hostOf(url: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/?#:\s]+)/iu.exec(url.trim());
  const host = m?.[1]?.toLowerCase().replace(/\.+$/, '');
  return host ? host.replace(/^www\./, '') : undefined;
}

function hostsIn(input: HoaxInput): string[] {
  const hosts = new Set<string>();
  for (const url of input.norm.urls) {
    const host = hostOf(url);
    if (host) hosts.add(host);
  }
  BARE_DOMAIN.lastIndex = 0;
  for (const match of input.text.matchAll(BARE_DOMAIN)) {
    const host = match[1]?.toLowerCase().replace(/^www\./, '');
    if (host && /[a-z]/.test(host.slice(host.lastIndexOf('.') + 1))) hosts.add(host);
  }
  return [...hosts];
}

const isOfficial = (host: string): boolean => host === 'go.id' || host.endsWith('.go.id');

function linkSignals(hosts: readonly string[]): { suspicious: string[]; official: string[] } {
  const suspicious: string[] = [];
  const official: string[] = [];
  for (const host of hosts) {
    if (isOfficial(host)) official.push(host);
    else if (SHORTENERS.has(host)) suspicious.push(`shortener ${host}`);
    else if (LOOKALIKE_GO_ID.test(host) || LOOKALIKE_HOSTED.test(host)) suspicious.push(`lookalike ${host}`);
  }
  return { suspicious, official };
}

function shoutingEvidence(text: string): string[] {
  const evidence: string[] = [];
  const letters = text.replace(/https?:\/\/\S+/g, '').match(/\p{L}/gu) ?? [];
  if (letters.length >= SHOUTING_MIN_LETTERS) {
    const caps = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
    const share = caps / letters.length;
    if (share >= SHOUTING_CAPS_SHARE) evidence.push(`${Math.round(share * 100)}% capitals`);
  }
  PUNCTUATION_RUN.lastIndex = 0;
  const runs = new Set([...text.matchAll(PUNCTUATION_RUN)].map((m) => m[0].replace(/[\s\u{FE0F}]/gu, '')));
  evidence.push(...runs);
  return evidence;
}

export function hoaxLevel(score: number): HoaxLevel {
  if (score >= HOAX_LEVELS.high) return 'high';
  if (score >= HOAX_LEVELS.medium) return 'medium';
  if (score >= HOAX_LEVELS.low) return 'low';
  return 'none';
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export function scoreHoax(input: HoaxInput): HoaxResult {
  const haystacks = [input.norm.text, input.text.toLowerCase()];
  const indicators: HoaxIndicator[] = [];

  for (const indicator of COMPILED) {
    const evidence = matches(indicator.regex, haystacks);
    if (evidence.length > 0) indicators.push({ name: indicator.name, weight: indicator.weight, evidence });
  }
  const shouting = shoutingEvidence(input.text);
  if (shouting.length > 0) indicators.push({ name: 'shouting', weight: SHOUTING_WEIGHT, evidence: shouting });

  const links = linkSignals(hostsIn(input));
  if (links.suspicious.length > 0) indicators.push({ name: 'suspicious_link', weight: SUSPICIOUS_LINK_WEIGHT, evidence: links.suspicious });

  const noisyOr = 1 - indicators.reduce((keep, i) => keep * (1 - i.weight), 1);

  const debunk = matches(DEBUNK, haystacks);
  let counter = 0;
  if (debunk.length > 0) {
    const weight = Math.min(DEBUNK_MAX, DEBUNK_WEIGHT + 0.05 * (debunk.length - 1));
    indicators.push({ name: 'debunk', weight: -weight, evidence: debunk });
    counter += weight;
  }
  if (links.official.length > 0) {
    indicators.push({ name: 'official_link', weight: -OFFICIAL_LINK_WEIGHT, evidence: links.official });
    counter += OFFICIAL_LINK_WEIGHT;
  }

  const score = round3(Math.min(1, Math.max(0, noisyOr - counter)));
  return { score, level: hoaxLevel(score), indicators };
}
