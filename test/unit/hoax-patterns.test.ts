/**
 * The hoax patterns that shared words miss: a false announcement in an agency's name, a panic
 * directive, one strong signal with an alarming claim, everyday hearsay and calls to share; each
 * with the hard negatives it must leave alone (official accounts and links, debunks, news, real
 * share requests, complaints).
 */
import { scoreHoax, type HoaxAuthor } from '../../shared/classify/hoax';
import { PHRASE_INDICATORS } from '../../shared/classify/hoax/phrases';
import { firstWordsOf } from '../../shared/classify/hoax/regex-source';
import { normalise } from '../../shared/classify/normalise';
import type { HoaxResult } from '../../shared/classify/types';
import { INDICATOR_NAMES } from '../../shared/alerts/indicator-names';

const score = (text: string, author?: HoaxAuthor): HoaxResult => scoreHoax({ text, norm: normalise(text), author });
const names = (r: HoaxResult): string[] => r.indicators.map((i) => i.name);
const evidenceOf = (r: HoaxResult, name: string): readonly string[] => r.indicators.find((i) => i.name === name)?.evidence ?? [];
const weightOf = (r: HoaxResult, name: string): number | undefined => r.indicators.find((i) => i.name === name)?.weight;
const flagged = (r: HoaxResult): boolean => r.level === 'medium' || r.level === 'high';
const RESIDENT: HoaxAuthor = { handle: 'ratna_duri88', followers: 210, following: 340 };

describe('a false announcement in an agency name', () => {
  it.each([
    [
      'kelurahan, panic directive',
      'Pengumuman dari Kelurahan Duri Kepa: mulai besok air PAM dimatikan 5 hari. Segera tampung air sebanyak-banyaknya!',
    ],
    ['BPBD header, call to share', 'BPBD DKI: Bendungan Katulampa jebol, Jakarta akan tenggelam malam ini! Segera mengungsi, sebarkan!!'],
    [
      'Pemprov voice, call to share',
      'Pemprov DKI mengimbau warga tidak keluar rumah besok karena akan ada kerusuhan besar. Teruskan ke keluarga kalian!',
    ],
    [
      'dinas, forwarded',
      'Dinas Pendidikan DKI: seluruh sekolah di Jakarta diliburkan mulai Senin karena wabah. Info dari grup wali murid.',
    ],
  ])('is flagged: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(flagged(r)).toBe(true);
  });

  it('a source named next to hearsay never takes the score below the hearsay', () => {
    const r = score('Dinkes DKI: AWAS! kata teman saya yang kerja di PAM, air di Jakarta Utara tercemar bakteri');
    const strong = r.indicators.filter((i) => ['hearsay', 'pseudo_authority', 'alarming_claim'].includes(i.name));
    const floor = 1 - strong.reduce((keep, i) => keep * (1 - i.weight), 1);
    expect(names(r)).toContain('official_source');
    expect(r.score).toBeGreaterThanOrEqual(Math.round(floor * 1000) / 1000 - 0.001);
    expect(flagged(r)).toBe(true);
  });

  it('the same notice from the agency own account is not medium', () => {
    const text =
      'BPBD DKI: WASPADA! Tinggi muka air Pintu Air Manggarai SIAGA 1, air akan naik malam ini. Warga bantaran diimbau mengungsi. Mohon disebarkan!';
    const fromAgency = score(text, { handle: 'BPBDJakarta' });
    expect(names(fromAgency)).toContain('official_account');
    expect(evidenceOf(fromAgency, 'official_account')).toEqual(['diunggah akun resmi @BPBDJakarta']);
    expect(flagged(fromAgency)).toBe(false);
    // Typed by anyone else, with nothing a reader can check, the named agency no longer cancels it.
    expect(flagged(score(text, RESIDENT))).toBe(true);
  });

  it('an official account is a known handle, or a verified one that names an agency; never a look-alike', () => {
    const text = 'Jangan minum air keran di Pluit sampai hasil uji laboratorium keluar. Mobil tangki air disiagakan.';
    expect(names(score(text, { handle: '@dinkesdki' }))).toContain('official_account');
    expect(names(score(text, { handle: 'kel_pluit', verified: true }))).toContain('official_account');
    expect(names(score(text, { handle: 'kel_pluit' }))).not.toContain('official_account');
    expect(names(score(text, { handle: 'dinkesdki_info' }))).not.toContain('official_account');
    expect(flagged(score(text, { handle: 'dinkesdki' }))).toBe(false);
    expect(flagged(score(text, { handle: 'dinkesdki_info' }))).toBe(true);
  });

  it('an official notice that points to its site still offsets a call to share', () => {
    const r = score(
      'PAM JAYA: aliran air di Kebon Jeruk mati Selasa 22.00-06.00 karena perbaikan pipa, akan normal Rabu pagi. Pelanggan diimbau menampung air secukupnya. Mohon disebarkan. Info: pamjaya.co.id',
    );
    expect(names(r)).toEqual(expect.arrayContaining(['official_source', 'official_link']));
    expect(names(r)).not.toContain('panic_directive');
    expect(flagged(r)).toBe(false);
  });
});

describe('borrowed_voice: an agency announcement from an account that is not the agency', () => {
  it.each([
    [
      'a kelurahan fee',
      'Pengumuman dari Kelurahan Kebon Baru: mulai bulan depan setiap KK wajib bayar retribusi kebersihan Rp150.000 ke petugas RT.',
    ],
    ['an outage signed by PLN', 'Dari PLN UP3 Cengkareng: pemadaman total 3 hari di Cengkareng dan Kalideres mulai Jumat. Siapkan lilin.'],
    [
      'a closure with a typed source',
      'Pemprov DKI resmi menutup semua pasar tradisional di Jakarta Timur selama seminggu. Sumber: Pemprov DKI',
    ],
    ['an unnamed kelurahan', 'Info resmi dari kelurahan: warga pendatang wajib lapor sebelum 15 Mei, kalau tidak didenda Rp1 juta.'],
  ])('is medium: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('borrowed_voice');
    expect(evidenceOf(r, 'borrowed_voice')[0]).toMatch(/^atas nama .+, bukan dari akunnya$/);
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['the agency account itself', 'Dari PLN UP3 Cengkareng: pemadaman total 3 hari di Cengkareng mulai Jumat.', { handle: 'pln_123' }],
    [
      'a relay of the agency post',
      'RT @PAMJAYA: Perbaikan pipa di Jl. Pramuka, suplai air ke Utan Kayu dihentikan hingga pukul 22.00 WIB.',
      RESIDENT,
    ],
    [
      'a resident with the official link',
      'Disdik umumin sekolah di sekitar lokasi kebakaran ditutup besok, surat edarannya di https://disdik.jakarta.go.id/pengumuman',
      RESIDENT,
    ],
    [
      'a verified news account',
      'Pemprov DKI resmi menutup Jalan Sudirman Minggu pagi untuk lomba lari, kata Kadishub.',
      { handle: 'kompascom', verified: true },
    ],
    [
      'a post with no known author',
      'Pengumuman dari Kelurahan Kebon Baru: mulai bulan depan retribusi kebersihan Rp15.000 per KK.',
      undefined,
    ],
    [
      'a resident passing on an ordinary notice',
      'Pengumuman dari Kelurahan Petamburan: kerja bakti Minggu pagi, karung disediakan di kantor kelurahan.',
      RESIDENT,
    ],
  ])('does not fire on %s', (_kind, text, author) => {
    const r = score(text, author);
    expect(names(r)).not.toContain('borrowed_voice');
    expect(flagged(r)).toBe(false);
  });
});

describe('panic_directive', () => {
  it.each([
    ['savings', 'Segera tarik semua tabungan kalian, bank-bank akan tutup seminggu', 'segera tarik semua tabungan'],
    ['savings, slang', 'mending kuras rekening kalian skrg sebelum diblokir', 'mending kuras rekening'],
    ['hoarding', 'Borong beras dan minyak goreng sebelum langka minggu depan', 'borong beras dan minyak goreng sebelum langka'],
    ['water', 'Jangan minum air PAM dulu, katanya tercemar', 'jangan minum air pam'],
    ['water, passive', 'Air PAM wilayah Cilincing jangan diminum sampai ada pengumuman', 'air pam wilayah cilincing jangan diminum'],
    ['fuel', 'Buruan isi penuh tangki, besok BBM naik', 'isi penuh tangki'],
    ['children', 'Jangan sekolahkan anak besok, ada penculik berkeliaran di SD Cakung', 'jangan sekolahkan anak'],
    ['children, escort', 'Ortu murid jangan antar anak ke sekolah dulu minggu ini', 'jangan antar anak ke sekolah'],
    ['English, savings', 'Withdraw all your savings today, the banks are about to freeze accounts', 'withdraw all your savings'],
    ['English, water', "Don't drink tap water in North Jakarta, it's poisoned", "don't drink tap water"],
    ['English, children', 'Keep your kids home tomorrow, there will be riots', 'keep your kids home'],
  ])('fires on %s, medium on its own', (_kind, text, evidence) => {
    const r = score(text);
    expect(evidenceOf(r, 'panic_directive')).toContain(evidence);
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['a health tip', 'Jangan minum air keran langsung ya, masak dulu sampai mendidih'],
    ['a holiday', 'Besok libur nasional, anak-anak tidak usah sekolah, yuk ajak jalan ke Ragunan'],
    ['a shop deadline', 'Lagi promo! Beli beras 5kg sebelum jam 12 dapat cashback 10rb'],
    ['a calm reply', 'Tidak perlu borong beras, stok Bulog aman sampai akhir tahun'],
    ['a heat advisory', 'Stay hydrated and keep your kids indoors during the afternoon heat'],
    [
      'a news report',
      'Warga panik memborong beras di Pasar Kramat Jati setelah beredar isu kelangkaan, kata pedagang kepada wartawan, Senin (12/5).',
    ],
    ['a water outage notice', 'Pelanggan di Utan Kayu diimbau menampung air secukupnya sebelum perbaikan pipa Selasa malam.'],
  ])('does not fire on %s', (_kind, text) => {
    const r = score(text);
    expect(names(r)).not.toContain('panic_directive');
    expect(flagged(r)).toBe(false);
  });

  it('an official contamination notice from the agency account with its link is not medium', () => {
    const r = score('Sementara jangan minum air keran di wilayah Pluit sampai hasil uji laboratorium keluar. Info: dinkes.jakarta.go.id', {
      handle: 'DinkesDKI',
    });
    expect(names(r)).toEqual(expect.arrayContaining(['panic_directive', 'official_account', 'official_link']));
    expect(flagged(r)).toBe(false);
  });

  it('a debunk of a panic message is not medium', () => {
    expect(
      flagged(score('HOAKS! Pesan berantai yang meminta warga segera tarik semua tabungan karena bank akan tutup adalah tidak benar.')),
    ).toBe(false);
    expect(
      score('Cek fakta: beredar pesan "jangan minum air PAM, sudah tercemar, sebarkan ke keluarga". Faktanya air PAM aman.').level,
    ).toBe('none');
  });
});

describe('alarming_claim: one strong signal and an alarming claim', () => {
  it.each([
    ['hearsay, outage', 'Katanya gardu induk PLN di Gandul bermasalah, jadi minggu depan Jakarta Selatan bakal sering padam malam hari.'],
    ['call to share, a raid', 'Tolong share, besok ada razia besar-besaran di semua pintu tol, yang STNK mati langsung disita'],
    [
      'call to share, a fee',
      'Jangan sampai kalian gak tau, mulai 1 Juli KTP lama tidak berlaku dan kena denda 500 ribu. Share ke grup keluarga',
    ],
    ['conspiracy, a service', 'Bansos bulan ini dihentikan diam-diam, dananya dipakai buat proyek.'],
    ['forwarded, a closure', 'Dapet dari grup RT: mulai besok KJP dihentikan sampai akhir tahun'],
  ])('reaches medium: %s', (_kind, text) => {
    const r = score(text);
    expect(names(r)).toContain('alarming_claim');
    expect(evidenceOf(r, 'alarming_claim')[0]).toMatch(/^kabar soal (?:layanan publik|yang akan terjadi|bahaya): /);
    expect(flagged(r)).toBe(true);
  });

  it('stays out of news, complaints and real share requests', () => {
    const news = score('Polisi menangkap pelaku penculikan anak di Cakung, korban sudah kembali ke keluarga, ujar Kapolres Jakarta Timur.');
    expect(names(news)).not.toContain('alarming_claim');
    expect(news.level).toBe('none');
    // A complaint asks to share too: a service's state now is not a rumour.
    const complaint = score('Listrik padam terus tiap malam, tolong dong PLN, anak saya mau ujian besok. Share biar PLN baca!');
    expect(names(complaint)).not.toContain('alarming_claim');
    expect(flagged(complaint)).toBe(false);
    const angry = score('SUDAH TIGA HARI AIR MATI DI PADEMANGAN!!! KATANYA PERBAIKAN PIPA TAPI GAK ADA PENGUMUMAN!!!');
    expect(flagged(angry)).toBe(false);
    const missing = score(
      'Tolong bantu sebarkan, anak kami Rafi (7 th) hilang sejak kemarin sore di sekitar Pasar Minggu. Sudah lapor polisi.',
    );
    expect(flagged(missing)).toBe(false);
    const donor = score(
      'Dibutuhkan segera donor darah golongan O untuk pasien kecelakaan di RSUD Tarakan. Mohon bantu share ke grup keluarga 🙏',
    );
    expect(flagged(donor)).toBe(false);
  });

  it('needs a strong signal: the claim alone is news', () => {
    const r = score('Mulai besok air PAM di Jakarta Utara dimatikan tiga hari untuk perbaikan pipa.');
    expect(names(r)).not.toContain('alarming_claim');
    expect(flagged(r)).toBe(false);
  });
});

describe('everyday hearsay and calls to share', () => {
  it.each([
    ['Kata sepupu gw yang kerja di PAM, air bakal dimatikan', 'hearsay'],
    ['Temen kantor bilang MRT mau ditutup sebulan', 'hearsay'],
    ['Barusan ditelpon ipar, SPBU se-Jakarta bakal kosong', 'hearsay'],
    ['Rame di grup alumni soal tarif KRL', 'hearsay'],
    ['Menurut orang dalam Transjakarta, halte Harmoni ditutup', 'hearsay'],
    ['Nyokap gw ngabarin, pasar induk tutup seminggu', 'hearsay'],
    ['My colleague told me the MRT will shut down for a month', 'hearsay'],
    ['Heard it from a friend in the ministry: fuel runs out next week', 'hearsay'],
    ['Dapet dari WA keluarga, ATM error semua', 'forwarded'],
    ['Sepupu aku yang tugas di Bank Indonesia bilang bank tutup', 'pseudo_authority'],
    ['Tolong terusin ke keluarga ya', 'call_to_share'],
    ['Kabarin grup RT masing-masing', 'call_to_share'],
    ['Jangan sampai kalian gak tau', 'call_to_share'],
    ['Mumpung belum dihapus, simpan dan bagi', 'call_to_share'],
    ['Kasih tahu yang lain ya', 'call_to_share'],
    ['Forward this to your family', 'call_to_share'],
    ['Send it to everyone you know', 'call_to_share'],
  ])('"%s" fires %s', (text, name) => {
    expect(names(score(text))).toContain(name);
  });

  it.each([
    ['ibu guru', 'Ibu guru bilang besok ada ulangan matematika'],
    ['bapak gubernur', 'Bapak gubernur bilang taman baru dibuka untuk umum'],
    ['a calm request', 'Jangan sebarkan kabar yang belum jelas, tunggu info resmi'],
  ])('does not take %s for hearsay or a call to share', (_kind, text) => {
    const r = score(text);
    expect(names(r)).not.toEqual(expect.arrayContaining(['hearsay']));
    expect(names(r)).not.toContain('call_to_share');
    expect(names(r)).not.toContain('pseudo_authority');
  });

  it('one attribution counts once: "dapat info dari grup RT" is forwarded, not hearsay too', () => {
    const r = score('Dapat info dari grup RT: kerja bakti Minggu pagi jam 7, bawa cangkul ya');
    expect(names(r)).toContain('forwarded');
    expect(names(r)).not.toContain('hearsay');
    expect(flagged(r)).toBe(false);
  });

  it('everyday chatter with a relative in it stays below medium', () => {
    expect(flagged(score('Kata ibu saya tadi pasar Senen rame banget, mau beli kain'))).toBe(false);
    expect(flagged(score('Teman kantor bilang nasi padang depan kantor enak banget, cobain deh'))).toBe(false);
  });
});

describe('the indicators as people see them', () => {
  it('names every new indicator in Indonesian and English', () => {
    for (const name of ['panic_directive', 'alarming_claim', 'borrowed_voice', 'official_account']) {
      expect(INDICATOR_NAMES[name]?.id).toEqual(expect.any(String));
      expect(INDICATOR_NAMES[name]?.en).toEqual(expect.any(String));
    }
  });

  it('keeps evidence short', () => {
    const r = score(
      'Orang dalam bilang bank bakal tutup minggu depan, segera tarik semua tabungan kalian! Sebarkan ke keluarga!',
      RESIDENT,
    );
    expect(weightOf(r, 'panic_directive')).toBeGreaterThan(0);
    for (const i of r.indicators) for (const e of i.evidence) expect(e.length).toBeLessThanOrEqual(100);
  });

  it('keeps every phrase pattern opening with words the shared pass can gate on (a class or escape first would scan every place)', () => {
    for (const indicator of PHRASE_INDICATORS)
      for (const tier of [indicator, indicator.strong, indicator.weak])
        for (const pattern of tier?.patterns ?? []) {
          const heads = firstWordsOf(pattern);
          expect({ pattern, gated: heads?.every((h) => h.whole && /^\w+$/.test(h.word)) ?? false }).toEqual({ pattern, gated: true });
        }
  });
});
