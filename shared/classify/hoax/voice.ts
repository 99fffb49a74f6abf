/**
 * An agency's voice, borrowed: a post that speaks as an agency (`PENGUMUMAN Suku Dinas …:`,
 * `Dari PLN: …`, `Bank DKI menginformasikan …`, `Kepada Yth. … Hormat kami, PAM Jaya`,
 * `menindaklanjuti surat edaran Dinas …`) and announces what an agency's notice takes away or
 * asks for (a closure, a fee or fine, a deadline, a cut, a raid, a ban, a condition on aid). Read
 * from its parts: any office by its kind (dinas, suku dinas, kelurahan, kecamatan, Pemkot,
 * Satpol PP, a Kemen-, a Polres, a bank, a utility…), any of the forms a notice speaks in, and the
 * words of what it announces. Whether the author is the agency is assess.ts's to say; what a
 * resident does with a real notice (asks whether it is true, complains about it) is not one.
 */

import * as languageModule from '../language';
import * as alarmingModule from './alarming';
import * as wordsModule from './words';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { wordSet } = languageModule;
const { ASKED } = alarmingModule;
const { registerWords, WORD } = wordsModule;

/** Offices by name and by kind: the named ones, then any `dinas …`, `kelurahan …`, `kemen…`. */
const OFFICE = [
  'bpbd(?:\\s+dki)?(?:\\s+jakarta)?',
  'bmkg',
  'bnpb',
  'bpom',
  'bpn',
  'ojk',
  'bank\\s+(?:dki|indonesia|bri|bni|mandiri|btn|bca|syariah indonesia|bsi)',
  '(?:bri|bni|bca|btn|bsi)(?:\\s+(?:unit|cabang|kcp)(?:\\s+\\p{L}+){1,2})?',
  'kemen\\p{L}{2,12}(?:\\s+ri)?',
  'kementerian\\s+\\p{L}+(?:\\s+\\p{L}+)?',
  'kominfo|komdigi|diskominfotik',
  'pemprov(?:\\s+dki)?(?:\\s+jakarta)?|pemerintah\\s+provinsi(?:\\s+dki)?(?:\\s+jakarta)?',
  '(?:pemkot|pemkab|pemerintah\\s+kota|pemerintah\\s+kabupaten)(?:\\s+(?:adm\\.?\\s+)?\\p{L}+){0,2}',
  'pemda(?:\\s+dki)?',
  '(?:suku\\s+dinas|sudin|dinas|badan|kantor|uptd?|balai)\\s+\\p{L}+(?:\\s+\\p{L}+){0,3}',
  'sudin(?:kes|hub|dik|sos|pora|kpkp|lh)(?:\\s+\\p{L}+){0,2}',
  'dis(?:dukcapil|dik|hub|kes|sos|naker|nakertrans|pora|parekraf|perindag|kominfotik|pusip|tamhut|pk|kpkp|lh)(?:\\s+dki)?(?:\\s+jakarta)?',
  'din(?:kes|sos)(?:\\s+dki)?(?:\\s+jakarta)?',
  'dlh(?:\\s+dki)?',
  'dukcapil(?:\\s+dki)?',
  'satpol\\s+pp(?:\\s+\\p{L}+){0,2}',
  'gulkarmat|damkar',
  'pam\\s+jaya|pdam(?:\\s+\\p{L}+)?|palyja|aetra',
  'pln(?:\\s+(?:uid|up3|ulp)(?:\\s+\\p{L}+){1,2})?',
  'pertamina(?:\\s+patra\\s+niaga)?',
  'bpjs(?:\\s+kesehatan|\\s+ketenagakerjaan)?',
  'kai(?:\\s+commuter)?|krl|mrt(?:\\s+jakarta)?|lrt(?:\\s+jakarta)?|(?:pt\\s+)?trans\\s?jakarta',
  '(?:(?:humas|ditlantas|satlantas|dirlantas)\\s+)?(?:polda|polres|polsek|polrestro)(?:\\s+(?:metro\\s+)?\\p{L}+){0,2}',
  'samsat(?:\\s+\\p{L}+){0,2}|bapenda(?:\\s+dki)?',
  '(?:kelurahan|kecamatan|kel\\.|kec\\.|lurah|camat)(?:\\s+\\p{L}+){0,2}',
  '(?:wali\\s?kota|gubernur|pj\\s+gubernur|bupati)(?:\\s+\\p{L}+){0,2}',
  'puskesmas(?:\\s+\\p{L}+){0,2}|rsud(?:\\s+\\p{L}+){0,2}',
  'kpu(?:\\s+dki)?',
  'perumda(?:\\s+\\p{L}+){0,2}',
  // A neighbourhood's board and a school speak in notices too: `Pengurus RW 07`, `RW 05 Kel. Pademangan`, `SDN Kebon Manggis 03`.
  '(?:pengurus|ketua|sekretariat)\\s+r[tw](?:\\s+\\d+)?(?:\\s+\\p{L}+){0,2}',
  'r[tw]\\s+\\d+(?:\\s+(?:kel\\.?|kelurahan)(?:\\s+\\p{L}+){1,2})?',
  '(?:sdn|smpn|sman|smkn|sd\\s+negeri|smp\\s+negeri|sma\\s+negeri)(?:\\s+[\\p{L}\\p{N}]+){0,4}',
  'kepala\\s+(?:sekolah|puskesmas|dinas|sudin|kantor|balai|bidang|seksi|sdn|smpn|sman|smkn|sd|smp|sma|smk|upt)(?:\\s+[\\p{L}\\p{N}]+){0,4}',
  '(?:kapolsek|kapolres|kapolda|kapolrestro|danramil|dandim)(?:\\s+\\p{L}+){0,2}',
  '(?:pak|bu|bapak|ibu)\\s+(?:camat|lurah|rt|rw|kepala\\s+sekolah|kapolsek)(?:\\s+\\p{L}+){0,2}',
  // In English: `Jakarta Health Office`, `the city hall`, `Jakarta Police`.
  '(?:the\\s+)?jakarta\\s+(?:health|education|transport|transportation|environment|water|police|fire)\\s*(?:office|agency|department|authority|service)?',
  '(?:the\\s+)?(?:city\\s+hall|governor\\s*s\\s+office|health\\s+ministry|ministry\\s+of\\s+\\p{L}+)',
].join('|');

/** The office speaking: the verbs a notice puts after its name (`Bank DKI menginformasikan`, `Dishub ngeluarin aturan`). */
const SPEAKING =
  'resmi|secara\\s+resmi|mengumumkan|menginformasikan|memberitahukan|menghimbau|mengimbau|memutuskan|menginstruksikan|menetapkan|memberlakukan|mewajibkan|melarang|menegaskan|meminta|akan|bakal|mau|sudah\\s+(?:memutuskan|menetapkan|mengumumkan)|ngumumin|umumin|ngabarin|mengabarkan|ngimbau|kasih\\s+(?:peringatan|info|kabar|pengumuman)|memberi\\s+(?:peringatan|info|kabar)|ngeluarin|mengeluarkan|keluarin|ngasih\\s+(?:edaran|info|kabar|peringatan)|kirim\\s+edaran|menyampaikan|nyampein|nyampaiin|wajibkan|umumkan|tetapkan|putuskan|mengingatkan|memperingatkan|bikin\\s+aturan|membuat\\s+aturan|minta|nyuruh|menyuruh|mewajibin|wajibin|bilang|kirim\\s+sms|mengirim\\s+sms|kirim\\s+pesan|(?:telah|sudah)\\s+(?:menetapkan|memutuskan|mengumumkan|memberlakukan|mewajibkan)|officially|announced|has\\s+announced|confirmed|issued|says|said';
const SPEAKS_HINT = new RegExp(`(?<![\\p{L}])(?:${SPEAKING})(?![\\p{L}])`, 'iu');
/**
 * The forms a notice speaks in, each with the office as speaker or source: a header (read in the
 * post's first characters), a source or mandate and the office speaking (anywhere), a signature
 * (in its last characters). Each is its own regex over the part of the post it can be in, so
 * a long post is not scanned for a header or a signature everywhere.
 */
const VOICE_FORMS: readonly { readonly form: RegExp; readonly part: 'head' | 'all' | 'tail' }[] = (
  [
    // A header: `PENGUMUMAN Suku Dinas …:`, `BPJS Kesehatan:`, `Info Disdukcapil:`, `[Dari PLN]`.
    `^[^\\p{L}\\p{N}]*(?:(?:pengumuman|pemberitahuan|info(?:rmasi)?(?:\\s+resmi)?|surat\\s+edaran|edaran|siaran\\s+pers|rilis|dari|dr|sumber|update|penting|resmi|breaking|bersama|peringatan(?:\\s+dini)?|(?:early\\s+)?warning|himbauan|imbauan|maklumat|instruksi|manajemen|management|pihak|direksi|web|situs|akun|sms|tangkapan\\s+layar|ss|caption|official\\s+advisory\\s+from|advisory\\s+from|notice\\s+from|per)[\\s:–—-]+)*(?:(?:dari|dr)\\s+)?['"“‘]?(${OFFICE})['"”’]?(?:\\s+[\\p{L}]+){0,2}?(?:\\s+(?:advisory|notice|announcement|update|pengumuman|info|edaran))?(?:[\\s\\p{Extended_Pictographic}\\uFE0F]*(?:[:,–—\\n]|\\s-\\s)|\\s*\\p{Extended_Pictographic})`,
    // A source or a mandate: `atas nama Satpol PP`, `disampaikan oleh Dinas …`, `berdasarkan instruksi Kelurahan …`,
    // `menindaklanjuti surat edaran Dinas …`, `Pengumuman dari Kelurahan …`, `Sumber: Pemprov DKI`.
    `\\b(?:atas\\s+nama|a\\.n\\.|menurut|disampaikan\\s+oleh|diumumkan\\s+oleh|diberitahukan\\s+oleh|sesuai|berdasarkan|menindaklanjuti|menindak\\s+lanjuti|mengacu|merujuk|pengumuman|pemberitahuan|info(?:rmasi)?\\s+resmi|sumber|dari|dr|instruksi|surat|edaran|arahan|keputusan|himbauan|imbauan|maklumat|pesan|kiriman|broadcast|advisory\\s+from)(?:\\s+(?:pada|kepada|dari|surat|edaran|instruksi|arahan|keputusan|pengumuman|resmi|nomor|no\\.?|se)){0,3}[\\s:]+(${OFFICE})(?![\\p{L}])`,
    // The office speaking: `Bank DKI menginformasikan`, `Pemkot … memutuskan`, `Camat … menginstruksikan`.
    `\\b(${OFFICE})\\s+(?:${SPEAKING})(?![\\p{L}])`,
    // Signed: `Hormat kami, PAM Jaya`, `Salam, Humas Polres …`, `Ttd. Lurah …`, `— BPBD DKI`.
    `(?:hormat\\s+kami|salam|ttd\\.?|tertanda|a\\.n\\.|[–—])[\\s,:]+(${OFFICE})\\s*[.!]?\\s*$`,
    // Signed on a line of its own, or as the last sentence: `…\nAdmin Kelurahan`, `… diri. Kelurahan Kalibata`
    // (read in the last line or sentence alone).
    `^\\s*[-(]?\\s*(?:admin\\s+|humas\\s+|staf\\s+|manajemen\\s+)?(${OFFICE})(?:\\s+(?:pusat|dki|jakarta|ri|indonesia))?\\s*[-)]?\\s*[.!]?\\s*$`,
  ] as const
).map((source, k) => ({ form: new RegExp(source, 'iu'), part: k === 0 ? 'head' : k <= 2 ? 'all' : 'tail' }));
const HEAD = 160;
const TAIL = 120;

/** The post's last line or sentence, where a notice is signed: a piece after a line break or a full stop, not the whole post. */
function lastPiece(text: string): string {
  const trimmed = text.trimEnd();
  const cut = Math.max(trimmed.lastIndexOf('\n', trimmed.length - 2), trimmed.lastIndexOf('. ', trimmed.length - 2));
  return cut < 0 ? '' : trimmed.slice(cut + 1, cut + 1 + TAIL);
}

/** The office a notice speaks as, by the first form that finds one. */
function voiceOffice(text: string): string | undefined {
  for (const [k, { form, part }] of VOICE_FORMS.entries()) {
    // The office speaking is looked for only where a speaking verb is: OFFICE tried at every word is costly.
    if (k === 2 && !SPEAKS_HINT.test(text)) continue;
    const m = form.exec(part === 'head' ? text.slice(0, HEAD) : k === 4 ? lastPiece(text) : part === 'tail' ? text.slice(-TAIL) : text);
    if (m?.[1]) return m[1];
  }
  return undefined;
}
/** A formal letter (`Kepada Yth.`, `Nomor: …/SE/…`, `Diberitahukan kepada`): the office it names anywhere is its voice. */
const LETTER =
  /(?<![\p{L}])(?:kepada\s+yth|kpd\.?\s+yth|yth\.?\s|nomor\s*:|no\.\s*\d|diberitahukan\s+kepada|dengan\s+hormat|hormat\s+kami|ttd\.?\s|tertanda)/iu;
const OFFICE_ANYWHERE = new RegExp(`\\b(${OFFICE})(?![\\p{L}])`, 'iu');
/** Words no office in VOICE goes without: a quick test that spares most posts the long regexes. */
const OFFICE_HINT =
  /health|office|city hall|ministry|police|perumda|pengurus|ketua|sekretariat|\br[tw]\b|sdn|smpn|sman|smkn|negeri|kepala|kapol|danramil|dandim|bpbd|bmkg|bnpb|bpom|bpn|ojk|bank|bri|bni|bca|btn|bsi|kemen|kominfo|komdigi|pemprov|pemerintah|pemkot|pemkab|pemda|dinas|sudin|badan|kantor|upt|balai|dis[a-z]|din[ks]|dlh|dukcapil|satpol|damkar|gulkarmat|pam|pdam|palyja|aetra|pln|pertamina|bpjs|kai|krl|mrt|lrt|trans\s?jakarta|pol[dr]|polsek|samsat|bapenda|kel|kec|lurah|camat|wali|gubernur|bupati|puskesmas|rsud|kpu/iu;

/** What a notice charges, forbids or takes away, as one word of the post's tokens. */
const CHARGES = wordSet(`
  dinonaktifkan nonaktif diblokir pemblokiran dibekukan dicabut pencabutan dicoret dihapus penghapusan dibatalkan dipotong
  pemotongan potongan diangkut diderek disita penyitaan digusur penggusuran dibongkar pembongkaran penertiban ditertibkan
  razia sweeping dirazia biaya tarif iuran retribusi denda didenda dikenakan dikenai sanksi pungutan dipungut bayar membayar
  berbayar wajib diwajibkan dilarang larangan hangus diundur ditunda penundaan ditarik penarikan ditolak dipulangkan
`);
/** What a notice closes or stops: alarming with a scope (`semua`, `total`, `3 hari`, `mulai Senin`), not a day's small notice. */
const CLOSES = wordSet(`ditutup tutup penutupan diliburkan libur dihentikan penghentian dimatikan pemadaman padam ditiadakan`);
const SCOPE = wordSet('semua seluruh total permanen selamanya mulai selama sampai hingga sejakarta');
/** A length: `3 hari`, `dua minggu`, `sebulan`. */
const SPAN = wordSet('hari minggu pekan bulan tahun');
const COUNTED = wordSet('dua tiga empat lima enam tujuh delapan sembilan sepuluh beberapa');
const ONE_SPAN = wordSet('sehari seminggu sepekan sebulan setahun');

/** Whether a closure has a scope or a length (`semua`, `mulai Senin`, `3 hari`, `seminggu`), not one day's small notice. */
export function scoped(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (SCOPE.has(t) || ONE_SPAN.has(t)) return true;
    const before = tokens[i - 1] ?? '';
    if (SPAN.has(t) && (COUNTED.has(before) || /^\d+$/u.test(before))) return true;
  }
  return false;
}

/** What is lost when it is closed: money, not a place (`rekening … ditutup otomatis`). */
const HOLDINGS = wordSet('rekening rekeningnya tabungan tabungannya saldo saldonya akun akunnya deposito');
/** Whether an announcement is only a closure with no scope (`posyandu libur Sabtu ini`): a day's small notice. */
export const bareClosure = (about: string, tokens: readonly string[]): boolean =>
  CLOSES.has(about.slice(about.lastIndexOf(' ') + 1)) && !tokens.some((t) => CHARGES.has(t) || HOLDINGS.has(t)) && !scoped(tokens);
/** Phrases of the same: `tidak berlaku`, `tidak dilayani`, `paling lambat`, a condition (`yang tidak …`, `kalau tidak …`). */
const TAKES_PHRASE =
  /\b(?:tidak (?:berlaku|dilayani|akan dilayani|melayani|beroperasi|diproses|mendapat|menerima|dicairkan|dijual|ditanggung|bisa digunakan|bisa dipakai)|hanya (?:bisa|dilayani|berlaku|untuk)|paling lambat|hanya sampai|batas akhir|kalau tidak|jika tidak|apabila tidak|yang tidak|yang belum)\b/u;
/** The phrases' telling words. */
const TAKES_PHRASE_WORDS = wordSet(
  'berlaku dilayani melayani beroperasi diproses mendapat menerima lambat sampai akhir dicairkan dijual ditanggung hanya',
);

registerWords([...CHARGES, ...CLOSES, ...TAKES_PHRASE_WORDS], WORD.announce);
/** A charge denied is none: `tidak ada pungutan`, `tanpa biaya`, `tidak dipungut biaya`. */
const NO_CHARGE = wordSet('tidak tak tanpa bukan gratis jangan pernah');

/**
 * The words an office's name opens with, as the normaliser leaves them (hashtags split): a post
 * with none of them among its tokens names no office, in OFFICE or in official.ts's AGENCY.
 */
const OFFICE_WORDS = wordSet(`
  bpbd bmkg bnpb bpom bpn ojk bank kementerian kominfo komdigi diskominfotik diskominfo pemprov pemerintah pemkot pemkab pemda
  suku sudin dinas badan kantor upt uptd balai disdukcapil disdik dishub diskes dissos disnaker disnakertrans dispora
  disparekraf disperindag dispusip distamhut dispk diskpkp dislh dinkes dinsos dlh dukcapil satpol gulkarmat damkar pam
  pamjaya pdam palyja aetra pln pertamina bpjs kai krl mrt lrt transjakarta pt humas polda polres polsek polrestro samsat
  bapenda kelurahan kecamatan kel kec lurah camat wali walikota gubernur pj bupati puskesmas rsud kpu basarnas pvmbg pmi tmc
  kemensos kemenkes perumda pengurus ketua sekretariat rt rw sdn smpn sman smkn sd smp sma kepala kapolsek kapolres kapolda
  kapolrestro danramil dandim health office ministry police city bri bni bca btn bsi sudinkes sudinhub sudindik sudinsos
`);
registerWords(OFFICE_WORDS, WORD.office);

/**
 * What a resident does with a real notice: asks whether it is true, complains about it, or
 * complains that the agency has said nothing (`gak ada info apa2 dari PAM Jaya`, `belum ada kabar
 * dari PLN`, `tanpa pemberitahuan dari kelurahan`): an agency's silence is not its voice.
 */
const ASKS_OR_COMPLAINS =
  /\?|(?<![\p{L}])(?:(?:gak|ga|nggak|ngga|enggak|tidak|tak|belum|zero|(?<!di\p{L}{3,}(?:\s+\p{L}+){0,2}\s)tanpa)\s+(?:ada\s+)?(?:info|informasi|kabar|pemberitahuan|pengumuman|sosialisasi|penjelasan|konfirmasi)|bener\s*(?:gak|ga|nggak|ngga|enggak)|benar\s+(?:tidak|gak|nggak)|benarkah|beneran|apa\s+benar|apakah|ada\s+yang\s+tahu|ada\s+yg\s+tau|valid\s+(?:gak|ga|nggak)|hoax\s+(?:gak|ga|bukan)|hoaks\s+(?:gak|ga|bukan)|kesel|kesal|sebel|nyebelin|capek|cape\s+deh|hadeh|hadeuh|astaga|ya\s+ampun|duh|(?<!(?:yang|yg)\s)protes|(?:saya|kami|aku|gue|gw|kita|warga)\s+keberatan|tega|zalim|makin\s+mahal|mahal\s+banget|keterlaluan|semena)(?![\p{L}])/iu;

/** Whether the post asks if a notice is true, or complains about it: a resident's own words. */
export const asksOrComplains = (text: string): boolean => ASKS_OR_COMPLAINS.test(text);

/**
 * The office a post speaks as, and what it announces, or undefined. `tokens`: the post's
 * normalised words; `norm`: its normalised text. Callers ask only of posts with an office's
 * word and an announcement's (`kindsOf`).
 */
export function borrowedVoice(
  text: string,
  norm: string,
  tokens: readonly string[],
  claimed?: () => string | undefined,
): { readonly office: string; readonly announced: string } | undefined {
  if (!OFFICE_HINT.test(text)) return undefined;
  const takes =
    tokens.find(
      (t, i) =>
        CHARGES.has(t) &&
        !NO_CHARGE.has(tokens[i - 1] ?? '') &&
        !NO_CHARGE.has(tokens[i - 2] ?? '') &&
        !tokens.slice(Math.max(0, i - 4), i).some((w) => ASKED.has(w)),
    ) ??
    TAKES_PHRASE.exec(norm)?.[0] ??
    (scoped(tokens) ? tokens.find((t) => CLOSES.has(t)) : undefined);
  // Or an alarming claim of the post's own (`pintu air akan dibuka penuh malam ini`).
  const claim = takes === undefined ? claimed?.() : undefined;
  if (takes === undefined && claim === undefined) return undefined;
  const office = voiceOffice(text) ?? (LETTER.test(text) ? OFFICE_ANYWHERE.exec(text)?.[1] : undefined);
  if (!office) return undefined;
  return { office: office.trim().replace(/\s+/gu, ' '), announced: claim ?? `pengumuman soal layanan publik: ${takes}` };
}
