/** Counter-signals: an official source, a news outlet, a personal appeal someone can check. */
import * as matcherModule from './matcher';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { compileList, dedupe, list } = matcherModule;
const { registerWords, WORD } = wordsModule;

/** Agencies and public services whose word is a source (Jakarta first, then national). */
const AGENCY = [
  'bpbd(?:\\s+(?:provinsi\\s+)?dki)?(?:\\s+jakarta)?',
  'bmkg(?:\\s+maritim)?',
  'bnpb',
  'basarnas',
  'pvmbg',
  'bpom',
  'bank indonesia',
  'kemenkes',
  'kementerian kesehatan',
  'kominfo',
  'komdigi',
  'diskominfotik(?:\\s+dki)?',
  'pemprov(?:\\s+dki)?(?:\\s+jakarta)?',
  'pemerintah provinsi dki(?:\\s+jakarta)?',
  'pemkot\\s+[\\p{L}]+(?:\\s+[\\p{L}]+)?',
  'dinas\\s+[\\p{L}]+(?:\\s+dki)?',
  'dinkes(?:\\s+dki)?',
  'dishub(?:\\s+dki)?',
  'disdik(?:\\s+dki)?',
  'sudin\\s+[\\p{L}]+',
  'suku dinas(?:\\s+[\\p{L}]+){1,3}',
  'gulkarmat(?:\\s+dki)?',
  'damkar',
  'satpol\\s+pp(?:\\s+[\\p{L}]+){0,2}',
  'pam\\s+jaya',
  'pln(?:\\s+(?:uid|up3|ulp)(?:\\s+[\\p{L}]+){1,2})?',
  'kai commuter',
  'mrt jakarta',
  'lrt jakarta',
  '(?:pt\\s+)?transjakarta',
  '(?:humas\\s+)?polda metro jaya',
  'tmc polda metro(?:\\s+jaya)?',
  'polres(?:\\s+metro)?(?:\\s+[\\p{L}]+){1,2}',
  'bapenda(?:\\s+dki)?',
  'dukcapil(?:\\s+dki)?',
  'kpu(?:\\s+dki)?',
  'puskesmas(?:\\s+(?:kecamatan|kelurahan))?(?:\\s+[\\p{L}]+){0,2}',
  'rsud(?:\\s+[\\p{L}]+){0,2}',
  '(?:kantor\\s+)?(?:kelurahan|kecamatan)\\s+[\\p{L}]+(?:\\s+[\\p{L}]+)?',
  'wali\\s?kota(?:\\s+jakarta\\s+[\\p{L}]+)?',
  'pmi(?:\\s+dki)?(?:\\s+jakarta)?',
  'bpjs(?:\\s+kesehatan|\\s+ketenagakerjaan)?',
  'kemensos|dinsos(?:\\s+dki)?',
].join('|');
/** A handle of an official account (`@BPBDJakarta`, `@TMCPoldaMetro`, `@infoBMKG`, `@humasjakfire`). */
const OFFICIAL_HANDLE =
  /^(?:bpbd|bmkg|infobmkg|dkijakarta|pemprov|humas|tmc|polda|dishub|dinkes|commuterline|kai|pt_?transjakarta|transjakarta|mrtjkt|pamjaya|pln|kominfo|komdigi|kemenkes|bnpb|basarnas|jakfire|humasjakfire|satpol|bpom|bank_?indonesia|disdik|jakartagoid|pemprovdki)/iu;
/**
 * Official accounts, by handle (lower case, without `@`): the agencies' own, which no one else
 * can post from. A look-alike handle (`bpbd_jakarta_info`) is not one of them.
 */
const OFFICIAL_ACCOUNTS: ReadonlySet<string> = new Set(
  list(`
  bpbdjakarta | bpbddkijakarta | infobmkg | bmkg | tmcpoldametro | humaspoldametrojaya | divhumas_polri | humasjakfire
  jakfire | commuterline | pt_transjakarta | transjakarta | mrtjkt | lrtjakarta | dkijakarta | pemprovdki | humaspemprovdki
  jakartagoid | dishubdkijakarta | dishub_dki | dinkesdki | dinkesjakarta | pamjaya | pam_jaya | pln_123 | plnindonesia
  kemenkesri | kemkominfo | komdigi | bnpb_indonesia | basarnas | bpom_ri | bank_indonesia | ojkindonesia
  kai121 | disdikdki | satpolpp_dki | bapendadki | dukcapildki | kpu_dki | diskominfotikdki | jakartasmartcity
  `),
);
/** An agency's name in a handle, as verified official accounts have it (`@kel_kebonjeruk`, `@sudinhub_jaksel`). */
const OFFICIAL_HANDLE_NAME = /kelurahan|kecamatan|^kel_|^kec_|pemkot|pemkab|sudin|dinas|^dis[a-z]|polres|polsek|pemprov|humas/iu;
export const OFFICIAL_ACCOUNT_WEIGHT = 0.45;
/** News outlets' own accounts (lower case, without `@`): a report of a rumour is not the rumour. */
const NEWS_ACCOUNTS: ReadonlySet<string> = new Set(
  list(`
  detikcom | kompascom | kompastv | tempodotco | cnnindonesia | cnbcindonesia | kumparan | liputan6dotcom | antaranews
  tribunnews | tribunjakarta | okezonenews | republikaonline | beritasatu | idntimes | suaradotcom | mediaindonesia
  jpnncom | vivacoid | inewsdotid | sindonews | katadatacoid | narasinewsroom | tirtoid | jakpost | thejakartapost
  voaindonesia | bbcindonesia | merdekadotcom | metro_tv | metrotv | tvonenews | kompasiana | jawapos | magdalenamedia
  `),
);
export const NEWS_ACCOUNT_WEIGHT = 0.45;

/** The post's own author is a news outlet's account: what it reports it reports, rumours included. */
export function newsAccount(author: { readonly handle?: string } | undefined): string | undefined {
  const handle = author?.handle?.trim().replace(/^@/, '');
  return handle && NEWS_ACCOUNTS.has(handle.toLowerCase()) ? `diunggah akun media @${handle}` : undefined;
}

/**
 * The post's own author is an official account: a known agency handle, or a verified account
 * whose handle names an agency. Unlike a name in the text, this a hoaxer cannot type.
 */
export function officialAccount(author: { readonly handle?: string; readonly verified?: boolean } | undefined): string | undefined {
  const handle = author?.handle?.trim().replace(/^@/, '');
  if (!handle) return undefined;
  const key = handle.toLowerCase();
  const known = OFFICIAL_ACCOUNTS.has(key);
  if (known || (author?.verified === true && (OFFICIAL_HANDLE.test(key) || OFFICIAL_HANDLE_NAME.test(key))))
    return `diunggah akun resmi @${handle}`;
  return undefined;
}

/** The post opens as the agency speaking: `BMKG: …`, `Dinkes DKI: …`, `URGENT – PAM JAYA: …`, `Klarifikasi KAI Commuter: …`. */
const SPEAKER = new RegExp(
  `^[\\s\\[(]*(?:(?:klarifikasi|pengumuman|pemberitahuan|siaran pers|rilis|posko|urgent|update|peringatan|heat advisory from|from)[\\s:–—-]+)?(${AGENCY})\\s*(?:[:–—]|\\s+(?:menginformasikan|mengimbau|mengingatkan|memberitahukan))`,
  'iu',
);
/** Signed at the end: `… – PLN UP3 Jatinegara`. */
const SIGNATURE = new RegExp(`[–—]\\s*(${AGENCY})\\s*[.!]?\\s*$`, 'iu');
/** Cited as the source: `Sumber: BMKG`, `Info resmi: @BPBDJakarta`, `cek info resmi di bmkg.go.id`. */
const CITATION = new RegExp(
  [
    `\\b(?:sumber|source|info|informasi|updates?|details|cek|pantau|selengkapnya|lihat)(?:\\s+(?:resmi|lengkap|terkini|lebih|lanjut|terus|info|hanya|selengkapnya|real-time))*\\s*(?::|\\s(?:di|at|melalui|lewat))\\s*\\(?((?:${AGENCY})(?![\\p{L}]))`,
    // An official handle or site after a pointing word: `update berkala di @BPBDJakarta`, `ikuti @TMCPoldaMetro`.
    `\\b(?:sumber|source|info|informasi|updates?|details|cek|pantau|selengkapnya|lihat|ikuti|follow|kanal|akun)(?:\\s+[\\p{L}-]+){0,3}?\\s*(?::|\\s(?:di|at|melalui|lewat|dari|via)|(?=\\s@))\\s*\\(?(@[\\p{L}\\p{N}_]+|[a-z0-9.-]+\\.go\\.id)`,
  ].join('|'),
  'iu',
);
/** The agency acting in its own voice: `BPBD DKI meminta warga`, `BMKG memprakirakan`, `warga diimbau`. */
const AGENCY_ACTS = new RegExp(
  `\\b(?:(?:${AGENCY})\\s+(?:[\\p{L}]+\\s+){0,2}?(?:mengimbau|meminta warga|meminta masyarakat|mengajak warga|mengajak masyarakat|menginformasikan|memprakirakan|mencatat|mengerahkan|membuka|menggelar|mengingatkan|menegaskan|memastikan|menyatakan|memberlakukan|menyampaikan|mendata|mengoperasikan)|(?:warga|masyarakat|pengendara|penumpang|pelanggan|pedagang)\\s+(?:[\\p{L}]+\\s+){0,6}?diimbau)(?![\\p{L}])`,
  'iu',
);
/** An official site closing the post, as its reference (`… Info lengkap dinkes.jakarta.go.id`). */
const CLOSING_SITE =
  /(?<![\p{L}\p{N}.-])((?:[a-z0-9-]+\.)+go\.id)(?:\/\S*)?[\s.!)]*(?:(?:#[\p{L}\p{N}_]+|[\p{Extended_Pictographic}\uFE0F])[\s.!]*)*$/iu;
/** A handle closing the post. */
const CLOSING_HANDLE = /@([\p{L}\p{N}_]+)[\s.!)]*(?:(?:#[\p{L}\p{N}_]+|[\p{Extended_Pictographic}\uFE0F])[\s.!]*)*$/u;
/**
 * Words that CITATION and AGENCY_ACTS cannot match without (same flags): a quick test that
 * spares most posts the long regexes.
 */
const CITATION_HINT = /sumber|source|info|update|details|cek|pantau|selengkapnya|lihat|ikuti|follow|kanal|akun/iu;
const AGENCY_ACTS_HINT =
  /mengimbau|meminta|mengajak|menginformasikan|memprakirakan|mencatat|mengerahkan|membuka|menggelar|mengingatkan|menegaskan|memastikan|menyatakan|memberlakukan|menyampaikan|mendata|mengoperasikan|diimbau/iu;
const OFFICIAL_SOURCE_WEIGHT = 0.4;
/** Only the agency's own voice (no header, citation or signature): weaker, since hoaxes borrow it. */
const OFFICIAL_VOICE_WEIGHT = 0.25;

/**
 * The agency the post names as its source. `checkable` when it points somewhere a reader can
 * check (a cited or closing handle or site), rather than only naming the agency as the speaker,
 * the signature or the subject.
 */
export function officialSource(text: string, kinds?: number): { weight: number; evidence: string[]; checkable: boolean } | undefined {
  // Every form here names an agency (`kindsOf`), a handle or an official site, or has `warga … diimbau`.
  if (kinds !== undefined && (kinds & (WORD.office | WORD.advised)) === 0 && !text.includes('@') && !text.includes('.go.id'))
    return undefined;
  const strong: string[] = [];
  const speaker = SPEAKER.exec(text);
  if (speaker?.[1]) strong.push(`bicara atas nama ${speaker[1].trim()}`);
  const signature = /[–—]/u.test(text) ? SIGNATURE.exec(text) : null;
  if (signature?.[1]) strong.push(`ditandatangani ${signature[1].trim()}`);
  // A citation names an agency, a handle or an official site: without one, no need to look.
  const citation =
    CITATION_HINT.test(text) && (text.includes('@') || text.includes('.go.id') || AGENCY_HINT.test(text)) ? CITATION.exec(text) : null;
  const cited = citation?.[1] ?? citation?.[2];
  const named = strong.length;
  if (cited && (!cited.startsWith('@') || OFFICIAL_HANDLE.test(cited.slice(1)))) strong.push(`sumber: ${cited.trim()}`);
  // A handle closing the post, as a signature (`… @BPBDJakarta`); a handle addressed mid-post is a complaint.
  const closing = text.includes('@') ? CLOSING_HANDLE.exec(text) : null;
  if (closing?.[1] && OFFICIAL_HANDLE.test(closing[1]) && !strong.some((e) => e.endsWith(closing[1]!)))
    strong.push(`akun resmi @${closing[1]}`);
  const site = text.includes('.go.id') ? CLOSING_SITE.exec(text) : null;
  if (site?.[1] && !strong.some((e) => e.endsWith(site[1]!))) strong.push(`situs resmi ${site[1].toLowerCase()}`);
  if (strong.length > 0) return { weight: OFFICIAL_SOURCE_WEIGHT, evidence: dedupe(strong), checkable: strong.length > named };
  const acts = AGENCY_ACTS_HINT.test(text) ? AGENCY_ACTS.exec(text) : null;
  if (acts) return { weight: OFFICIAL_VOICE_WEIGHT, evidence: [acts[0].toLowerCase().replace(/\s+/g, ' ')], checkable: false };
  return undefined;
}

/** Announced in an agency's name: `Pengumuman dari Kelurahan Kebon Baru`, `Info resmi PAM Jaya`, `Dishub DKI akan …`. */
const ANNOUNCED = new RegExp(
  `\\b(?:(?:pengumuman|info resmi|informasi resmi|surat edaran|edaran|dari)\\s+(?:dari\\s+)?(${AGENCY}|kelurahan|kecamatan|pemda|pemerintah)|(${AGENCY})\\s+(?:resmi|mengumumkan|menghimbau|akan))(?![\\p{L}])`,
  'iu',
);
const ANNOUNCED_HINT = /pengumuman|resmi|edaran|dari|mengumumkan|menghimbau|akan/iu;

/** Words no agency name in ANNOUNCED goes without (same flags): a quick test that spares most posts the rest. */
const AGENCY_HINT =
  /bpbd|bmkg|bnpb|basarnas|pvmbg|bpom|bank indonesia|kemen|kominfo|komdigi|diskominfo|pemprov|pemerintah|pemkot|pemda|dinas|dinkes|dishub|disdik|sudin|gulkarmat|damkar|satpol|pam|pln|kai|mrt|lrt|transjakarta|polda|polres|bapenda|dukcapil|kpu|puskesmas|rsud|kelurahan|kecamatan|wali|pmi|bpjs|dinsos/iu;

/** Whether the post may speak in an agency's name at all (`source`: what `officialSource` found). */
export const mayVoiceAgency = (text: string, source: unknown, kinds: number): boolean =>
  source !== undefined || ((kinds & WORD.office) !== 0 && AGENCY_HINT.test(text));

/** The agency a post speaks for or announces in the name of, in any form the text can give. */
export function agencyVoice(text: string, source: { evidence: readonly string[] } | undefined): string | undefined {
  const announced = ANNOUNCED_HINT.test(text) ? ANNOUNCED.exec(text) : null;
  const agency = announced?.[1] ?? announced?.[2];
  if (agency) return agency.trim();
  const named = source?.evidence[0];
  return named?.replace(/^(?:bicara atas nama|ditandatangani|sumber:|akun resmi|situs resmi)\s+/u, '');
}

/** Outlets named in a post (ambiguous names such as `tempo` or `antara` only in their outlet forms). */
const OUTLET = new RegExp(
  `(?:\\b|(?=\\())(?:kompas(?:\\.com|\\s*tv|\\.id)?|detik(?:com|\\.com|news)|tempo\\.co|koran tempo|majalah tempo|cnn indonesia|cnbc indonesia|antaranews|antara news|kantor berita antara|\\(antara\\)|liputan\\s?6|tribun(?:news|jakarta|\\s+jakarta)|the jakarta post|jakarta post|kumparan|tirto(?:\\.id)?|republika|okezone|idn times|metro tv|tvone|beritasatu|sindonews|jawapos|media indonesia|bbc(?: news)? indonesia|voa indonesia|katadata|reuters|afp|associated press)(?![\\p{L}])`,
  'iu',
);
/** Wire style: an attribution closing a sentence (`…, kata Kapolres.`), a dateline (`…, Senin (14/2) pagi.`), a press conference. */
const NEWS_STYLE = new RegExp(
  [
    ',\\s+(?:kata|ujar|ungkap|jelas|tutur|menurut)\\s+(?:\\p{Lu}|kepala|kapolres|kapolda|kapolsek|petugas|pedagang|warga|pihak|juru)[^.!?]{0,60}[.]',
    ',\\s+(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)(?:\\s+\\(\\d{1,2}\\/\\d{1,2}\\))?(?:\\s+(?:pagi|siang|sore|malam|dini hari))?\\s*[.,]',
    'dalam konferensi pers|dalam keterangan tertulis|kepada wartawan|saat dikonfirmasi',
  ].join('|'),
  'u',
);
const NEWS_OUTLET_WEIGHT = 0.35;
const NEWS_STYLE_WEIGHT = 0.15;

/**
 * The first words of the outlets in OUTLET, as the normaliser leaves them (`kompas.com` and
 * `detikNews` by prefix, `media indonesia` by its pair: `kindsOf`): no post without one names an outlet.
 */
const OUTLET_WORDS: ReadonlySet<string> = new Set(
  list(`
  kompas | detik | detikcom | detiknews | tempo | cnn | cnbc | antaranews | antara | liputan | liputan6 | tribunnews
  tribunjakarta | tribun | post | kumparan | tirto | republika | okezone | idn | tvone | beritasatu | sindonews | jawapos | bbc
  voa | katadata | reuters | afp | associated | metro
  `),
);
registerWords(OUTLET_WORDS, WORD.outlet);
registerWords(['diimbau'], WORD.advised);

export function newsOutlet(text: string, newsHosts: readonly string[], kinds?: number): { weight: number; evidence: string[] } | undefined {
  const outlet = kinds === undefined || (kinds & WORD.outlet) !== 0 ? OUTLET.exec(text) : null;
  const named = [
    ...(outlet ? [`media: ${outlet[0]}`] : []),
    ...newsHosts.filter((h) => outlet?.[0].toLowerCase() !== h).map((h) => `tautan media: ${h}`),
  ];
  if (named.length > 0) return { weight: NEWS_OUTLET_WEIGHT, evidence: named };
  const style = NEWS_STYLE.exec(text);
  if (style) return { weight: NEWS_STYLE_WEIGHT, evidence: [`gaya berita: ${style[0].trim()}`] };
  return undefined;
}

/**
 * Counter-signal: a personal appeal someone can check (a missing person or pet with a police
 * report or a contact, a blood donor for a named patient, a found wallet, an adoption). Such
 * posts ask to share, often urgently, and are not hoaxes.
 */
export const PERSONAL_APPEAL = compileList([
  'hilang sejak',
  'kehilangan',
  'belum pulang sejak',
  'terakhir terlihat',
  'yang menemukan',
  'bagi yang menemukan',
  'kalau ada yang menemukan',
  'ditemukan di',
  'saya temukan',
  'kami temukan',
  'ada imbalan',
  'kami siapkan imbalan',
  'donor darah',
  'golongan darah',
  'pendonor',
  'butuh darah',
  'adopsi',
  'sudah lapor',
  'sudah dilaporkan',
  'sudah kami laporkan',
  'hubungi saya',
  'kabari saya',
  'dm saya',
  'lewat dm',
  'via dm',
  'dm akun ini',
  'lost:',
  'found:',
  'missing:',
  // Community notices: an event anyone can walk into.
  'terbuka untuk umum',
  'kerja bakti',
  'bazar',
  'open house',
  'relawan dibutuhkan',
  'yuk ikut',
  'ayo ikut',
  'ayo ramaikan',
]);
export const PERSONAL_APPEAL_WEIGHT = 0.25;
