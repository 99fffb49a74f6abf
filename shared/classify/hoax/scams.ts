/** Scam: money or secrets asked, with a prize, aid, job or threat as the lure. */
import * as matcherModule from './matcher';
import type { Haystacks, ListMatcher } from './matcher';
// Read once at load: the hot loops below then use plain constants, not the live bindings of
// the modules they come from (under a per-file transpiler each such read is a getter call).
const { dedupe, inNormalForm, list, matches, normRegex, trieOf } = matcherModule;

/**
 * Words that, within six words before in the same sentence, negate an ask (`tidak dipungut
 * biaya`, `tidak pernah meminta transfer, biaya pendaftaran atau kode OTP`) or name it as the
 * thing to beware (`waspada calo yang minta transfer`), unless a word in between asks again
 * (`tanpa tes, cukup transfer`).
 */
const NEGATED =
  /(?:^|[^\p{L}])(?:tidak|tak|bukan|tanpa|jangan|gratis|free|never|no|not|waspada|waspadai|hati hati|awas|beware|calo|oknum|penipu|modus)(?:,?\s+(?!cukup|hanya|tinggal|tapi|namun|asal|langsung)[\p{L}]+){0,6},?\s+$/u;
const scamRegex = (words: readonly string[], patterns: readonly string[] = []): ListMatcher => {
  const phrases = words.map(inNormalForm);
  return [{ regex: normRegex(phrases, patterns), cancel: NEGATED, phrases, patterns }];
};

/** Lures are not negated: `tanpa jaminan, cair 1 jam` still promises. */
const lureRegex = (words: readonly string[], patterns: readonly string[] = []): ListMatcher => {
  const phrases = words.map(inNormalForm);
  return [{ regex: normRegex(phrases, patterns), phrases, patterns }];
};

const SCAM_MONEY = scamRegex(
  list(`
    transfer | ditransfer | mentransfer | kirim uang | kirim balik | dikirim balik | uang muka | dp | deposit | top up
    saldo pulsa | kirim pulsa | isi pulsa | isiin pulsa | isikan pulsa | belikan pulsa | beliin pulsa | kirimin pulsa
    ke rekening | nomor rekening | no rek | norek | rekening panitia | rekening admin | rekening teman | panduan di atm
    di atm terdekat | tebus | clearance fee | processing fee | admin fee | delivery fee | customs fee | handling fee
  `),
  [
    // A fee with a name (`biaya administrasi`, `biaya pajak hadiah`), not cost in general (`bantuan biaya sekolah`).
    'biaya\\s+(?:admin|administrasi|pendaftaran|aktivasi|pencairan|pengiriman|pajak|materai|meterai|pelatihan|seragam|medical|balik nama|asuransi|verifikasi|registrasi|ongkir|kirim|penanganan|operasi|id card|kartu)',
    // An amount to pay: `bayar ongkir Rp 85.000`, `siapkan 500 ribu`, `pay the clearance fee`.
    '(?:bayar|membayar|siapkan|setor|setorkan|kirim)\\s+(?:[\\p{L}]+\\s+){0,3}?(?:rp|\\d)',
    '(?:pay|send|transfer|wire)\\s+(?:[\\p{L}]+\\s+){0,3}?(?:fee|fees|money|deposit|rp|\\d)',
  ],
);
/** Money to a person's own account, "for now": what no agency, shop or charity asks. */
export const SCAM_PRIVATE_ACCOUNT = scamRegex(['rekening pribadi', 'rekening pribadi saya', 'rekening saya dulu', 'rekening teman saya']);
/**
 * An account or e-wallet number written in the post (`BRI 0331-01-xxxx-50-3 a.n. Dewi`, `DANA
 * 0812-xxxx-4418`): a person's, when it is an e-wallet on a phone number or held in a person's
 * name rather than a foundation's.
 */
const ACCOUNT_NUMBER =
  /(?<![\p{L}])(rek(?:ening)?|no\.?\s*rek|norek|bri|bca|bni|mandiri|bsi|btn|cimb|permata|seabank|jago|dana|gopay|ovo|shopeepay|linkaja)\s*[:.]?\s*((?:\+?62|0)?\d[\dx .-]{6,}[\dx])(?:[\s,(]*(?:a\.?\s?n\.?|atas nama)\s+([\p{L}]+(?: [\p{L}]+){0,2}))?/giu;
const E_WALLET = /^(?:dana|gopay|ovo|shopeepay|linkaja)$/iu;
const ORGANISATION =
  /^(?:yayasan|lembaga|masjid|musala|musholla|mushola|dkm|pt|cv|panitia|baznas|laz|lazis|lazismu|lazisnu|rumah zakat|dompet dhuafa|kitabisa|gereja|pmi|koperasi|sekolah|rt|rw|karang taruna|pemprov|pemkot|bank)(?![\p{L}])/iu;
/** Money asked for a cause: a person's account is then a collector no one answers for (`donasi`, `galang dana`). */
const DONATION = /donasi|sedekah|sumbang|infa[qk]|zakat|galang dana|penggalangan|amal|donate|donation|charity/iu;

/** Personal accounts the post asks money into, for a cause or with a lure (`lured`); not a shop's own DP request. */
function privateAccounts(rawText: string, lured: boolean): string[] {
  if (!/\d{3}/u.test(rawText) || !(lured || DONATION.test(rawText))) return [];
  const out: string[] = [];
  ACCOUNT_NUMBER.lastIndex = 0;
  for (const m of rawText.matchAll(ACCOUNT_NUMBER)) {
    const [, where = '', number = '', holder] = m;
    const wallet = E_WALLET.test(where) && /^(?:\+?62|0)8/u.test(number);
    const person = holder !== undefined && !ORGANISATION.test(holder.trim());
    if (!wallet && !person) continue;
    // The holder's name is its capitalised words (`a.n. Rudi Hartono ya` → `Rudi Hartono`).
    const name = holder === undefined ? '' : (/^\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*/u.exec(holder)?.[0] ?? holder.split(' ')[0] ?? '');
    const shown = holder === undefined ? m[0] : m[0].slice(0, m[0].length - holder.length) + name;
    out.push(shown.trim().replace(/\s+/g, ' '));
  }
  return out;
}
/** Codes and card data asked for (`kirim kode OTP`, `masukkan nomor kartu`), or an identity "check". */
const SECRETS = list(`
  otp | kode otp | kode verifikasi | pin | nomor kartu | data kartu | data kartu atm | cvv | nama ibu kandung
  password | kata sandi | kode sms | kode keamanan | otp code | sms code | verification code | security code
`);
const SECRET_ASKS = list(`
  kirim | kirimkan | kirimin | sebutkan | sebutin | masukkan | masukan | memasukkan | isi | isikan | berikan | kasih
  minta | ketik | input | pakai | dengan | sampaikan | disampaikan | bacakan | fotokan | screenshot
`);
/** A code the post says was just sent (`kode 6 digit`, `kode OTP`): then `kirimin kodenya` asks for it. */
/** What CODE_SENT cannot match without: a plain substring test, cheaper than its word-bounded alternation. */
const CODE_HINT = /otp|kode|code/u;
const CODE_SENT = /\b(?:otp|kode verifikasi|kode \d+ digit|kode sms|sms code|verification code)\b/u;
export const SCAM_SECRET = scamRegex(
  ['verifikasi identitas', 'verifikasi akun'],
  [
    `(?:${trieOf(SECRET_ASKS.map(inNormalForm))})(?:\\s+[\\p{L}\\p{N}]+){0,4}?\\s+(?:${trieOf(SECRETS.map(inNormalForm))}|kode\\s+\\d+\\s+digit)`,
    // English: "send a photo of your KTP, a selfie, and the OTP code".
    '(?:send|give|share|enter|provide|tell|forward|type)(?:,?\\s+[\\p{L}\\p{N}]+){0,10}?,?\\s+(?:otp|pin|password|verification code|sms code|security code|cvv)',
  ],
);
const SCAM_CODE_BACK = scamRegex(
  [],
  [
    `(?:${trieOf([...SECRET_ASKS, 'send', 'give', 'tell', 'forward'].map(inNormalForm))})(?:\\s+[\\p{L}\\p{N}]+){0,3}?\\s+(?:kodenya|kode tersebut|kode itu|the code|that code)`,
  ],
);
/**
 * Identity papers asked for (`kirim foto KTP, selfie pegang KTP`, `isi NIK, nomor KK`): a scam
 * with a lure and an unofficial channel (a WhatsApp number, a DM, a suspicious link), since
 * agencies ask for them too, at their counters and on their own sites.
 */
const SCAM_PERSONAL_DATA = scamRegex(
  [],
  [
    '(?:kirim|kirimkan|kirimin|isi|isikan|upload|unggah|lampirkan|send|submit)(?:,?\\s+[\\p{L}\\p{N}]+){0,3}?,?\\s+(?:foto ktp|ktp|nik|nomor kk|kk|kartu keluarga|selfie|swafoto|foto buku tabungan|buku tabungan|data diri|a photo of your ktp|photo of your ktp|your ktp|id card)',
  ],
);
const UNOFFICIAL_CONTACT =
  /(?<![\p{L}])(?:wa|whatsapp|dm|inbox|japri|chat admin|hubungi admin|admin)(?![\p{L}])|(?:\+?62|(?<!\d)0)8\d{1,3}[\s.-]?[\dx]{3,}/iu;
/** Acts that a link asks for: only with a suspicious link in the post. */
const SCAM_LINK_ACT = scamRegex(
  list(`
  klik | klaim | tukarkan | isi data | isi form | isi formulir | aktifkan kembali | masukkan | login | daftar di
  daftar lewat | lengkapi data | ambil sekarang | via link | lewat link | melalui link | klik link | di link
  ambil di | buka link | buka tautan | kunjungi | perbarui data | update data | konfirmasi data | verifikasi data
`),
);
export const SCAM_LURE = lureRegex(
  [
    // Prizes, aid, jobs, easy money.
    ...list(`
      hadiah | undian | menang | memenangkan | pemenang | terpilih | selamat anda | bansos | blt | bantuan | sembako
      pinjaman | pinjol | refund | lowongan | loker | rekrutmen | dibutuhkan | dicari | kerja dari rumah | part time
      gaji | cashback | voucher | saldo | token | gratis | cair | pencairan | investasi | profit | untung | keuntungan
      penghasilan | passive income | reseller | mitra | bonus | poin | promo | prize | winner | won | reward | loan
      instant loan | cash | inheritance | courier | parcel | package | consignment | compensation | lottery | jackpot
    `),
    // Threats and deadlines push the same way.
    ...list(`
      tertahan | terblokir | diblokir | dinonaktifkan | hangus | diputus | kedaluwarsa | disita | dicoret | buruan
      kuota terbatas | slot terbatas | 1x24 jam | hari ini juga | berlaku hari ini
    `),
    // Pretexts: the "new number", "wrong transfer", "accident" and "parcel photo" scams.
    ...list(`
      nomor baru | ganti nomor | salah kirim | salah transfer | salah masuk | butuh uang cepat | kecelakaan | di igd
      masuk igd | butuh biaya | lihat foto paket | cek foto paket | foto resi | cek resi | lihat undangan
      pakai nomor teman | pakai nomer teman | pinjam hp teman | nomer baru | nanti aku ganti | nanti saya ganti
      jangan ditelepon | jangan telepon dulu | jangan ditelpon | jangan telpon dulu
    `),
  ],
  [
    'sebelum\\s+(?:pukul|jam)\\s+\\d',
    // "HP aku jatuh ke got", "hp mama hilang".
    '(?:hp|handphone|ponsel)\\s+(?:(?:aku|saya|ku|mama|papa|adik|kakak)\\s+)?(?:jatuh|hilang|rusak|mati|kecebur|dicuri|dijambret)',
  ],
);
/** An Android package sent as a file (`Undangan_Pernikahan.apk`, `FOTO_RESI_PAKET.apk`). */
const APK_FILE = /(?<![\p{L}\p{N}_.-])[\p{L}\p{N}_.-]+\.apk(?![\p{L}\p{N}])/giu;
const APK_WARNING =
  /(?<![\p{L}])(?:waspada|waspadai|awas|hati[\s-]?hati|jangan\s+(?:di)?(?:buka|klik|instal|install|unduh|download)|tidak\s+pernah|modus|beware|do\s+not\s+(?:open|install)|don't\s+(?:open|install))(?![\p{L}])/iu;
export const SCAM_WEIGHT = 0.5;

export function scamEvidence(haystacks: Haystacks, rawText: string, suspiciousLink: boolean): string[] {
  const evidence: string[] = [];
  // A file named as the thing to beware (`waspada file Undangan.apk, jangan diinstal`) is a warning, not the file.
  if (/\.apk/iu.test(rawText) && !APK_WARNING.test(rawText)) {
    APK_FILE.lastIndex = 0;
    const apk = [...new Set([...rawText.matchAll(APK_FILE)].map((m) => m[0]))];
    if (apk.length > 0) evidence.push(`berkas aplikasi: ${apk.join(', ')}`);
  }
  const secret = matches(SCAM_SECRET, haystacks);
  if (CODE_HINT.test(haystacks.norm) && CODE_SENT.test(haystacks.norm)) secret.push(...matches(SCAM_CODE_BACK, haystacks));
  if (secret.length > 0) evidence.push(`minta data rahasia: ${dedupe(secret).join(', ')}`);
  const lure = matches(SCAM_LURE, haystacks);
  const privateAccount = [...matches(SCAM_PRIVATE_ACCOUNT, haystacks), ...privateAccounts(rawText, lure.length > 0)];
  if (privateAccount.length > 0) evidence.push(`minta transfer ke ${dedupe(privateAccount).join(', ')}`);
  const papers = lure.length > 0 && (suspiciousLink || UNOFFICIAL_CONTACT.test(rawText)) ? matches(SCAM_PERSONAL_DATA, haystacks) : [];
  if (papers.length > 0) evidence.push(`minta data pribadi lewat jalur tidak resmi: ${dedupe(papers).join(', ')}`);
  const money = lure.length > 0 ? matches(SCAM_MONEY, haystacks) : [];
  const act = lure.length > 0 && suspiciousLink ? matches(SCAM_LINK_ACT, haystacks) : [];
  if (money.length > 0 || act.length > 0 || papers.length > 0) {
    if (money.length > 0) evidence.push(`minta uang: ${dedupe(money).join(', ')}`);
    if (act.length > 0) evidence.push(`minta klik tautan: ${dedupe(act).join(', ')}`);
    evidence.push(`iming-iming atau ancaman: ${dedupe(lure).join(', ')}`);
  }
  return evidence;
}
