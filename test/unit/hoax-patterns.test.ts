/**
 * The hoax patterns that shared words miss: a false announcement in an agency's name, a panic
 * directive, one strong signal with an alarming claim, everyday hearsay and calls to share; each
 * with the hard negatives it must leave alone (official accounts and links, debunks, news, real
 * share requests, complaints).
 */
import { scoreHoax, type HoaxAuthor } from '../../shared/classify/hoax';
import { RAW_HINT } from '../../shared/classify/hoax/assess';
import { newsOutlet, officialSource } from '../../shared/classify/hoax/official';
import { DEBUNK_PHRASES, PHRASE_INDICATORS } from '../../shared/classify/hoax/phrases';
import { kindsOf } from '../../shared/classify/hoax/words';
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
    ['hoarding', 'Borong beras dan minyak goreng sebelum langka minggu depan', 'borong beras dan minyak goreng'],
    ['water', 'Jangan minum air PAM dulu, katanya tercemar', 'jangan minum air pam'],
    ['water, passive', 'Air PAM wilayah Cilincing jangan diminum sampai ada pengumuman', 'air pam wilayah cilincing jangan diminum'],
    ['fuel', 'Buruan isi penuh tangki, besok BBM naik', 'isi penuh tangki'],
    ['children', 'Jangan sekolahkan anak besok, ada penculik berkeliaran di SD Cakung', 'jangan sekolahkan anak'],
    ['children, escort', 'Ortu murid jangan antar anak ke sekolah dulu minggu ini', 'jangan antar anak ke sekolah'],
    ['English, savings', 'Withdraw all your savings today, the banks are about to freeze accounts', 'withdraw all your savings'],
    ['English, water', "Don't drink tap water in North Jakarta, it's poisoned", 'dont drink tap water'],
    ['English, children', 'Keep your kids home tomorrow, there will be riots', 'keep your kids home'],
  ])('fires on %s, medium on its own', (_kind, text, evidence) => {
    const r = score(text);
    // Evidence runs from the urging word through the object and the rest of its clause.
    expect(evidenceOf(r, 'panic_directive').join(' | ')).toContain(evidence);
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

describe('panic_directive read from its parts', () => {
  it.each([
    ['money, slang, -in imperative', 'Buruan tarikin duit lo di ATM hari ini juga, bank mau kolaps'],
    ['money, addressed, before it is too late', 'Mending kalian ambil semua tabungan sebelum terlambat'],
    ['money, wajib, while one still can', 'Wajib pindahin saldo ke bank lain selagi masih bisa'],
    ['money, named first then ordered', 'Yang punya deposito di bank swasta cairkan sekarang, minggu depan dibekukan'],
    ['money, passive', 'Tabungannya mending ditarik dulu, bank bakal kolaps'],
    ['money, sell out of fear', 'Jual emas kalian sekarang, harga bakal anjlok minggu depan'],
    ['money, swap before it lapses', 'Segera tukarkan uang pecahan lama kalian sebelum tidak berlaku akhir bulan'],
    ['English, go withdraw', 'Go withdraw your cash now, banks are freezing accounts'],
    ['supplies, slang nyetok at a clause head', 'Nyetok beras sama galon dari sekarang ya ibu ibu, minggu depan toko tutup semua'],
    ['supplies, segera borong', 'Segera borong gas elpiji, bakal langka'],
    ['supplies, fill the tank', 'Isi full tank motor kalian malam ini juga, besok SPBU kosong'],
    ['supplies, buy before it runs out', 'Beli obat demam sebanyak banyaknya, apotek mau tutup semua karena wabah'],
    ['children, fetch now', 'Jemput anak kalian dari sekolah sekarang juga, ada penculik'],
    ['children, bring home', 'Bawa pulang anak-anak dari sekolah sekarang, ada tawuran pelajar bawa celurit'],
    ['children, not to the posyandu', 'Jangan bawa anak ke posyandu dulu, vaksinnya bikin lumpuh'],
    ['children, passive after the object', 'Anak-anak jangan diberangkatkan sekolah, ada ancaman bom di SD Cempaka'],
    ['place, keep away', 'Hindari stasiun Manggarai besok, ada ancaman bom'],
    ['place, do not ride', 'Jangan naik KRL besok, ada ancaman bom di Manggarai'],
    ['place, stay indoors', 'Jangan keluar rumah malam ini, ada gerombolan penculik di Duren Sawit'],
    ['place, stay off work', 'Mending gak usah ngantor besok, bakal ada kerusuhan besar di Sudirman'],
    ['water, do not use', 'Jangan pakai air PDAM buat masak, udah tercemar limbah'],
    ['water, the object straight after', 'Mulai sekarang masak pakai galon aja, jangan air PAM, udah tercemar bakteri'],
    ['water, told in the next sentence', 'Air sumur di Cilandak tercemar limbah pabrik. Mending jangan dipake dulu'],
    ['supplies, do not fuel there', 'Jangan isi bensin di SPBU Pramuka, pertalitenya oplosan air'],
    ['device, switch off', 'Matikan HP kalian jam 12 malam ini, ada radiasi dari satelit'],
    ['device, unplug', 'Segera cabut semua colokan listrik malam ini, akan ada lonjakan tegangan berbahaya'],
    ['door, shut in', 'Tutup semua jendela rapat-rapat, ada gas beracun bocor dari pabrik'],
    ['papers, any verb after buruan with a fear', 'Buruan urus KTP kalian sebelum diblokir akhir bulan'],
    ['English, pick up the kids', 'Pick up your kids from school now, there is a poison gas leak'],
    ['English, stay home', 'Stay home tonight, there will be riots in central Jakarta'],
  ])('fires on %s', (_kind, text) => {
    const r = score(text);
    expect(names(r)).toContain('panic_directive');
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['a plan of my own', 'aku mau tarik uang buat bayar kos'],
    ['a plan of my own, with harus', 'Saya harus ambil uang hari ini buat bayar kontrakan'],
    ['a promo with no object', 'Buruan borong, diskon hari ini'],
    ['a promo with an object', 'Buruan borong beras premium diskon 20% hari ini'],
    ['a shop selling', 'Jual motor bekas, harga nego, hubungi WA'],
    ['a member promo', 'Harap tukarkan poin sebelum akhir bulan, promo member'],
    ['official advice', 'Warga diimbau menyiapkan air bersih secukupnya'],
    ['a calm reply', 'Tidak perlu panic buying, stok beras aman'],
    ['a health tip on iced water', 'Jangan minum air es dulu kalau lagi batuk'],
    ['a health tip on where to go', 'Jangan ke rumah sakit kalau cuma flu ringan, ke puskesmas aja'],
    ['a driver tip', 'Hindari Tol Dalam Kota, macet parah ada kecelakaan'],
    ['a driver tip, mending', 'Barusan lewat Kemang Raya, air udah selutut, motor pada mogok. Mending puter lewat Ampera'],
    ['an ordinary buy', 'Ayo beli beras petani lokal'],
    ['a report of hoarding', 'Warga memborong beras di pasar, kata pedagang'],
    ['a stock report', 'Stok beras di gudang Bulog aman sampai akhir tahun'],
    ['a shop closing early', 'Tutup toko lebih awal hari ini ya, kami ada acara keluarga'],
    ['a holiday', 'Besok libur nasional, anak-anak tidak usah sekolah, yuk ajak jalan ke Ragunan'],
    ['a fever tip in English', 'Stay home and rest if you have a fever'],
    ['help first', 'Segera hubungi 112 jika ada korban kebakaran'],
    ['care first', 'Segera periksakan anak ke dokter kalau demam, DBD lagi berbahaya'],
    ['a sign-up', 'Yuk segera daftarkan diri ikut lomba 17an, hadiah menarik'],
    ['an obligation described', 'Trotoar dipakai jualan, pejalan kaki harus turun ke jalan. Bahaya banget. Tolong ditertibkan.'],
    ['a conditional evacuation order', 'SEGERA mengungsi bila air terus naik. Posko di SDN Cawang 07.'],
  ])('stays out of %s', (_kind, text) => {
    const r = score(text);
    expect(names(r)).not.toContain('panic_directive');
    expect(flagged(r)).toBe(false);
  });

  it('shows the order as evidence, from the urging word through its object', () => {
    const r = score('Buruan tarik tabungan kalian di Bank DKI hari ini juga, banknya mau dibekukan');
    expect(evidenceOf(r, 'panic_directive')[0]).toMatch(/^buruan tarik tabungan kalian/);
  });
});

describe('borrowed_voice read from its parts', () => {
  it.each([
    [
      'a notice header and a fine',
      'PEMBERITAHUAN Suku Dinas Lingkungan Hidup Jakarta Barat: mulai 1 Agustus sampah hanya diangkut seminggu sekali, yang membuang di luar jadwal didenda Rp250.000.',
    ],
    [
      'a bank informing of a block',
      'Bank DKI menginformasikan seluruh rekening yang tidak diperbarui datanya sebelum 30 Juni akan diblokir permanen.',
    ],
    [
      'a circular with a number',
      'Surat Edaran Kecamatan Tambora Nomor: 12/SE/2024 — warga wajib membayar iuran keamanan Rp100.000 per bulan mulai Juli.',
    ],
    [
      'in the name of',
      'Atas nama Satpol PP Jakarta Pusat, mulai Senin semua PKL di Tanah Abang dilarang berjualan dan gerobak akan diangkut.',
    ],
    ['a header and a cut', 'BPJS Kesehatan: peserta kelas 3 yang menunggak 2 bulan kartunya dinonaktifkan mulai besok.'],
    [
      'on the instruction of',
      'Diberitahukan kepada seluruh warga RW 05, berdasarkan instruksi Kelurahan Cideng, air PAM akan dimatikan 4 hari mulai Kamis.',
    ],
    [
      'a formal letter signed',
      'Kepada Yth. warga Kelurahan Pegadungan, mulai tanggal 5 pengambilan sampah dikenakan biaya tambahan Rp75.000. Hormat kami, Lurah Pegadungan',
    ],
    [
      'a decision and a closure',
      'Pemkot Jakarta Timur memutuskan semua sekolah swasta di Cakung ditutup 2 minggu mulai Senin karena wabah campak.',
    ],
    [
      'said by a dinas, with a tow',
      'Disampaikan oleh Dinas Perhubungan DKI, mulai 1 Mei motor dilarang parkir di bahu jalan, pelanggar diderek dan didenda.',
    ],
    [
      'a camat instructing a condition',
      'Camat Cengkareng menginstruksikan warga yang belum vaksin booster tidak akan dilayani di kelurahan mulai pekan depan.',
    ],
    ['an aid condition', 'Dari Dinsos DKI: penerima bansos wajib upload foto rumah paling lambat Jumat, kalau tidak bantuan dicabut.'],
  ])('fires on %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('borrowed_voice');
    expect(evidenceOf(r, 'borrowed_voice')[0]).toMatch(/^atas nama .+, bukan dari akunnya$/);
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['asking whether it is true', 'Bener gak sih Bank DKI mau blokir rekening yang belum update data sebelum 30 Juni? Ada yang tahu?'],
    ['asking, without a question mark', 'Beneran Dishub DKI mulai 1 Mei melarang motor parkir di bahu jalan, pelanggar didenda'],
    ['a relay', 'RT @bankdki: Nasabah Yth, layanan mobile banking tidak dapat diakses Minggu 01.00-04.00 WIB karena pemeliharaan.'],
    ['a complaint', 'Kesel, Dishub naikin tarif parkir lagi mulai bulan depan. Makin mahal aja hidup di Jakarta'],
    ['a complaint that the utility says nothing', 'Udah 2 hari air mati, gak ada info apa2 dari PAM Jaya 🙄'],
    ['a complaint that the outage goes unexplained', 'Listrik padam 3 hari, belum ada kabar dari PLN sama sekali'],
    ['a complaint of no notice', 'Sampah gak diangkut seminggu, tanpa pemberitahuan dari kelurahan'],
    ['a debunk', 'Beredar pesan atas nama Satpol PP soal larangan PKL di Tanah Abang mulai Senin, itu hoaks ya'],
    ['an ordinary notice', 'Kelurahan Cideng ngumumin kerja bakti Minggu pagi, bawa sapu masing-masing'],
    ['a free service', 'Info dari kelurahan: vaksin gratis di posyandu Sabtu ini, bawa KTP dan KK'],
    [
      'a notice with the official link',
      'PLN ada pemeliharaan jaringan Sabtu di Kemang, listrik padam 08.00-12.00, cek jadwalnya di https://web.pln.co.id/pelanggan',
    ],
    ['a notice with a news link', 'Pemprov DKI menutup semua pasar di Jaktim seminggu mulai Senin https://www.kompas.com/x/123'],
    ['a small closure of one day', 'Dari kelurahan: posyandu libur Sabtu ini karena petugas ikut pelatihan'],
    ['a real closure as the agency acting', 'Dishub DKI tutup Jalan Thamrin Minggu pagi buat car free day, jadi lewat Sudirman ya'],
  ])('stays out of %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).not.toContain('borrowed_voice');
    expect(flagged(r)).toBe(false);
  });

  it('never fires for the agency own account or a verified one', () => {
    const text = 'Bank DKI menginformasikan seluruh rekening yang tidak diperbarui datanya sebelum 30 Juni akan diblokir.';
    expect(names(score(text, { handle: 'bankdki_official', verified: true }))).not.toContain('borrowed_voice');
    expect(names(score(text))).not.toContain('borrowed_voice');
  });
});

describe('everyday hearsay, calls to share and the claims they carry', () => {
  it.each([
    ['a driver', 'Driver ojol langganan gw cerita, minggu depan semua SPBU di Jaksel tutup karena stok pertalite habis'],
    ['a nurse and an expired vaccine', 'Perawat di puskesmas deket rumah bilang vaksin campak yang dipakai sekarang udah kedaluwarsa'],
    ['orang kelurahan and a cut', 'Orang kelurahan bilang bansos bulan ini dipotong setengah buat bayar petugas'],
    ['a guard', 'Satpam kompleks ngasih tau, mulai besok air PAM mati seminggu'],
    ['men at the guard post', 'Bapak2 di pos ronda pada ngomongin ada penculik anak pakai mobil ambulans di Cipayung'],
    ['a TikTok account', 'Akun TikTok yang sering bahas Jakarta bilang jembatan Semanggi retak dan bisa ambruk'],
    ['a group talking', 'Grup arisan rame bahas beras bansos dicampur plastik'],
    ['heard from the RT head', 'Mertua gw denger dari pak RT, KJP bakal dihapus tahun depan'],
    ['info from the mothers', 'Info dari ibu-ibu pengajian, pasar Senen mau digusur bulan depan'],
    ['tell the mothers', 'Kasih tau emak-emak di grup, susu formula merk terkenal ada yang dicampur bahan berbahaya'],
    ['make it viral', 'Viralin biar pemerintah denger: puskesmas di Cakung tolak pasien BPJS mulai minggu ini'],
    ['pass it to the RT group', 'Terusin ke grup RT masing-masing, mulai bulan depan sampah gak diangkut kalau belum bayar iuran'],
    ['so everyone knows', 'RT biar semua warga tau, KRL mau mogok total hari Jumat'],
    [
      'a share call, a rise after a comma',
      'Tolong sebarkan: mulai Agustus, pelanggan air rumah tangga otomatis dinaikkan ke golongan bisnis.',
    ],
    ['conspiracy with an outbreak', 'Ada kasus difteri di Cilincing tapi dinas menutupinya supaya warga tidak panik.'],
    ['conspiracy with harm on purpose', 'Yang mereka sembunyikan: gardu di Tebet sengaja dimatikan biar proyek genset laku.'],
  ])('reaches medium: %s', (_kind, text) => {
    expect(flagged(score(text))).toBe(true);
  });

  it.each([
    ['a food tip', 'Teman kantor bilang nasi padang depan kantor enak banget, cobain deh'],
    ['family news', 'Tetangga cerita anaknya baru diterima kerja di bank, alhamdulillah'],
    ['home safe', 'Kabarin keluarga ya, aku udah sampai rumah dengan selamat'],
    ['a job post', 'Sebarin ke semua ya, lowongan kerja di toko kami, gaji UMR'],
    ['traffic now', 'Driver ojol tadi cerita macet parah di Sudirman gara-gara demo'],
    ['a bazaar', 'Share ke grup kalian ya, bazar murah di RW 05 Minggu besok'],
    ['a recipe with a check', 'Cek dulu sebelum share ya resep ini, enak banget buat sarapan'],
  ])('stays below medium: %s', (_kind, text) => {
    expect(flagged(score(text))).toBe(false);
  });

  it('a service said to be broken is no personal appeal, whatever "sudah dilaporkan" says', () => {
    const r = score(
      'Dapet dari grup alumni, jembatan penyeberangan di Grogol retak parah dan bisa ambruk. Sudah dilaporkan tapi belum ditangani.',
    );
    expect(names(r)).not.toContain('personal_appeal');
    expect(flagged(r)).toBe(true);
  });

  it('"cek dulu sebelum" debunks only before sharing, not before cooking', () => {
    expect(names(score('Cek dulu sebelum share, itu hoaks lama'))).toContain('debunk');
    expect(names(score('Beras bansos dicampur plastik, cek dulu sebelum dimasak'))).not.toContain('debunk');
  });
});

describe('the cheap gates keep the same answers', () => {
  it('every raw-text phrase of the shared lists is found by the raw pass and lets its hint through', () => {
    const samples = [
      "don't just share",
      'rt & quote',
      'share!',
      'before it gets deleted',
      'sekarang juga!',
      'perhatian!',
      'hati-hati!',
      'penting!',
      'ngeri!',
      '(diteruskan)',
      'diteruskan:',
      'fwd:',
      'fw:',
      "they don't want you to know",
      'kebetulan?',
      '100%',
      '100 persen',
      'seratus persen',
      'fact-check',
      '[salah]',
      'missing:',
      'found:',
      'lost:',
    ];
    const raw = [
      ...PHRASE_INDICATORS.flatMap((i) =>
        [i, i.strong, i.weak].flatMap((t) => [
          ...(t?.phrases ?? []).filter((p) => !/^[\p{L}\p{N}\s]+$/u.test(p)),
          ...(t?.rawPatterns ?? []),
        ]),
      ),
      ...DEBUNK_PHRASES.filter((p) => !/^[\p{L}\p{N}\s]+$/u.test(p)),
    ];
    for (const entry of raw) {
      // A phrase as the matcher writes it (any space or hyphen run between words); a pattern as it is.
      const phrase = /^[\p{L}\p{N}\s'!?:&%[\]().-]+$/u.test(entry);
      const source = phrase ? entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '[\\s\\-_]+') : entry;
      expect({ entry, sampled: samples.some((s) => new RegExp(source, 'u').test(s)) }).toEqual({ entry, sampled: true });
    }
    for (const s of samples) expect({ s, hinted: RAW_HINT.test(s) }).toEqual({ s, hinted: true });
  });

  it('an official source and a news outlet are found with the word gate as without it', () => {
    for (const text of [
      'BMKG: hujan lebat sore ini di Jaksel',
      'Sumber: @BPBDJakarta',
      'Info lengkap dinkes.jakarta.go.id',
      'Warga bantaran diimbau mengungsi',
      'Kata Kapolres, dilansir kompas.com',
      'menurut Media Indonesia, harga naik',
      'detikNews melaporkan banjir',
    ]) {
      const kinds = kindsOf(normalise(text).tokens);
      expect(officialSource(text, kinds)).toEqual(officialSource(text));
      expect(newsOutlet(text, [], kinds)).toEqual(newsOutlet(text, []));
    }
  });
});

describe('panic directives and strong signals with a claim, in words the dev sets never used', () => {
  it.each([
    ['Ambilin duit di ATM sekarang juga, bank DKI mau bangkrut'],
    ['Cepetan ambil uang kalian di bank, besok semua rekening dibekukan'],
    ['Uang di rekening mending diambil semua hari ini, bank mau kolaps'],
    ['Transfer saldo kalian ke bank lain sekarang, bank ini bakal bangkrut'],
    ['Nyimpen air galon yang banyak dari sekarang, PAM mau mati seminggu'],
    ['Beli LPG sekarang juga sebelum langka, pangkalan mau tutup'],
    ['Buruan nyetok beras dan minyak, minggu depan harga naik dua kali lipat'],
    ['Stock up on rice and water now, the markets will close tomorrow'],
    ['Jemputin anak kalian di sekolah sekarang, ada penculikan di Cengkareng'],
    ['Jauhi jembatan Kalimalang, retak parah bisa roboh kapan aja'],
    ['Jangan ke RSUD Koja dulu, lagi ada wabah difteri'],
    ['Jangan lewat jembatan layang Pesing, sudah retak mau ambruk'],
    ['Hindari gedung Menara itu, katanya mau runtuh'],
    ['Jangan vaksin anak kalian minggu ini, vaksinnya bikin lumpuh'],
    ['Jangan kasih obat sirup ke anak, ada yang mengandung racun'],
    ['Cabut semua colokan sekarang, akan ada lonjakan listrik berbahaya malam ini'],
    ['Jangan isi pertalite di SPBU mana pun, BBM oplosan air'],
    ['Pindahkan tabungan kalian ke emas sekarang, rupiah bakal anjlok'],
    ['Avoid Manggarai station tomorrow, there is a bomb threat'],
    ['Take your money out of Bank DKI today, it is collapsing'],
    ['Segera jemput anak dari sekolah, ada gas beracun bocor'],
    ['Mending jangan ke Monas besok, bakal rusuh'],
    ['Borong obat sekarang, apotek bakal kosong karena wabah'],
    ['Jangan beli beras di pasar dulu, ada beras plastik beredar'],
    ['Buruan mengambil uang di ATM sebelum diblokir besok'],
    ['Simpan air sebanyak mungkin, PAM mau dimatikan seminggu'],
    ['Jangan anterin anak ke sekolah besok, ada ancaman bom'],
    ['Hindarin Stasiun Tanah Abang sore ini, ada ancaman bom'],
    ['Matikan listrik di rumah malam ini, gardu mau meledak'],
    ['Segera pindahkan deposito kalian, Bank DKI bangkrut minggu depan'],
    ['Jangan minum air keran di Penjaringan, sudah terkontaminasi bakteri'],
    ['Mending jangan bawa anak ke rumah sakit, lagi wabah campak'],
    ['Jangan imunisasi anak dulu, vaksinnya bikin autis'],
    ['Do not send your children to school tomorrow, there is a bomb threat'],
    ['Stay away from the Kalimalang bridge, it is about to collapse'],
    ['Buruan beli bensin hari ini juga, besok SPBU kosong semua'],
    ['Segeralah ambil uang kalian di bank, besok semua rekening dibekukan'],
    ['Gercep borong beras sekarang, minggu depan langka'],
  ])('a panic directive fires and reaches medium: %s', (text) => {
    const r = score(text);
    expect(names(r)).toContain('panic_directive');
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['Tolong share, mulai bulan depan tarif KRL naik jadi 10 ribu'],
    ['Sebarkan! Jembatan Kalimalang sudah retak dan bakal ambruk'],
    ['Kabarnya mulai besok semua sekolah di Jakarta Timur diliburkan karena wabah campak'],
    ['Denger denger air PAM di Cilincing tercemar limbah pabrik'],
    ['Katanya katanya iuran BPJS naik dua kali lipat mulai Juli'],
    ['Media diam, padahal air PAM di Jakarta Utara sudah tercemar bakteri'],
    ['Pemerintah menutupi, RSUD Pasar Rebo penuh pasien wabah misterius'],
    ['Ada yang bilang jam malam diberlakukan mulai besok di seluruh Jakarta'],
    ['Please share: the Semanggi bridge will be closed next week'],
    ['Kabar beredar, puskesmas di Cakung ditutup karena wabah difteri'],
    ['Viralkan! Tarif parkir di Jakarta naik jadi 15 ribu per jam mulai bulan depan'],
    ['Teruskan ke grup keluarga: stasiun Manggarai bakal ditutup total mulai Senin'],
    ['Dengar kabar gedung sekolah SDN 05 retak dan mau roboh'],
    ['Konon subsidi LPG 3 kg dicabut mulai bulan depan'],
    ['I heard that tap water in North Jakarta is contaminated'],
    ['Kabarnya bakal ada jam malam mulai besok, yang keluar ditangkap'],
    ['Bantu share ya, PLN bakal memutus listrik se-Jakarta Barat besok'],
    ['Share ke grup RT: mulai besok jam malam berlaku, yang keluar ditangkap'],
    ['Diam diam tarif Transjakarta dinaikkan jadi 7 ribu mulai bulan depan'],
    ['Kabar burung, gedung RSUD Cengkareng retak dan bisa ambruk'],
    ['Rumornya bansos bakal dipotong separuh mulai bulan depan'],
    ['Ada kabar sekolah negeri bakal berbayar mulai tahun depan'],
    ['Forward this to your family: schools will be closed next week because of an outbreak'],
    ['Gosipnya KJP dihapus tahun depan'],
    ['Sebarin ke semua, besok bakal ada razia besar di Jalan Sudirman'],
    ['Kabarnya gaji PNS DKI dipangkas 30 persen mulai bulan depan'],
    ['Dengar dengar jalan di depan Gedung DPRD amblas, bisa ambruk'],
    ['Sebarkan! Flyover Pesing amblas dan retak, jangan lewat situ'],
    ['Denger denger kuota LPG 3 kg dibatasi mulai besok'],
  ])('a strong signal with an alarming claim reaches medium: %s', (text) => {
    const r = score(text);
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['Warga diimbau menyiapkan air secukupnya selama perbaikan pipa'],
    ['Tidak perlu panic buying, stok LPG aman kata Pertamina'],
    ['Buruan borong, diskon 50% hari ini aja'],
    ['Aku mau tarik uang buat bayar kos'],
    ['Aku mau ambil uang di ATM dulu ya, nanti nyusul'],
    ['Saya mau jemput anak dari sekolah sekarang'],
    ['Mau beli beras sekarang, di rumah udah habis'],
    ['Jangan lupa minum air putih 8 gelas sehari'],
    ['Hindari makanan berminyak kalau lagi batuk'],
    ['Jangan kasih anak gadget terlalu lama, gak baik buat mata'],
    ['Tolong share, anak kami hilang di Stasiun Manggarai, pakai baju merah'],
    ['Dibutuhkan donor darah O di RSUD Koja, tolong share'],
    ['Polisi menangkap pelaku pengoplosan BBM di Cakung, kata Kapolres'],
    ['Tarif KRL naik mulai bulan depan, kata KAI dalam keterangan resmi'],
    ['Air mati lagi di Pademangan, tolong share biar PAM baca'],
    ['Jembatan Kalimalang retak, mohon Dinas Bina Marga segera memperbaiki'],
    ['Segera vaksin anak kalian di posyandu terdekat, gratis'],
    ['Yuk jemput anak tepat waktu, jangan biarkan menunggu sendirian'],
    ['Beli token listrik lewat aplikasi, ada cashback'],
    ['Stay home if you feel sick, rest and drink water'],
    ['Katanya besok hujan deras, bawa payung ya'],
    ['Kabarnya warung bu Sri buka lagi besok'],
    ['Pastikan anak kalian sarapan sebelum berangkat sekolah'],
    ['Jangan lupa bawa payung, hujan deras sore ini'],
    ['Menyimpan air hujan sekarang jadi tren warga Depok'],
    ['Segera daftarkan anak kalian ke posyandu untuk imunisasi gratis'],
    ['Matikan lampu yang tidak dipakai, hemat listrik'],
    ['Cabut colokan charger kalau baterai sudah penuh ya'],
    ['Pindahkan motor dari trotoar, petugas sedang razia parkir'],
    ['Transfer ke rekening toko ya kak, barang dikirim hari ini'],
    ['Pick up your kids on time, school ends at 2 today'],
    ['Jembatan Kalimalang sedang diperbaiki, pengendara diimbau lewat jalur alternatif'],
    ['BMKG: hujan lebat malam ini, warga diimbau waspada genangan'],
    ['Tarif Transjakarta tetap 3.500, kata Dirut Transjakarta'],
    ['Share dong rekomendasi tempat makan enak di Blok M'],
    ['Tolong share info lowongan kerja ini ke teman teman kalian'],
    ['Kata temen aku makanan di warung itu enak banget'],
    ['Konon katanya Kota Tua dulu pusat perdagangan'],
    ['Hari ini gw ambil uang di ATM, antre panjang banget'],
    ['Borong semua produk UMKM di bazar Monas, murah meriah!'],
    ['Ayo vaksin booster di puskesmas terdekat, gratis'],
    ['Jangan ke Puncak weekend ini, macet parah'],
    ['Kabarnya tarif KRL tetap, gak jadi naik'],
    ['Jalan Sudirman dibatasi untuk car free day Minggu pagi, kata Dishub'],
    ['Gaji karyawan dipangkas, kata serikat pekerja dalam konferensi pers'],
    ['Hendaknya warga tetap tenang dan tidak panik'],
  ])('stays calm: %s', (text) => {
    const r = score(text);
    expect(names(r)).not.toContain('panic_directive');
    expect(flagged(r)).toBe(false);
  });
});

describe('signals in forms a phrase list cannot hold: reported speech, informal verb forms, claims by their shape', () => {
  it.each([
    // An office's notice reported in everyday speech, a neighbourhood board's header, a school's.
    ['reported notice', 'Dishub DKI ngeluarin aturan: mulai bulan depan parkir motor di trotoar didenda 750 ribu', 'borrowed_voice'],
    [
      'board header',
      'Pemberitahuan Pengurus RW 03: mulai Senin iuran kebersihan naik jadi 90rb, yang telat dikenai denda',
      'borrowed_voice',
    ],
    ['hearsay, owned in Betawi', 'Guru aye cerita, sekolah negeri mau narik uang seragam 700 ribu mulai semester depan', 'hearsay'],
    [
      'no longer covered',
      'Denger dari tetangga, obat darah tinggi di puskesmas tidak ditanggung BPJS lagi mulai tahun depan',
      'alarming_claim',
    ],
    ['a charge with its amount', 'Info dari orang kelurahan, bikin KK baru sekarang bayar 250rb per lembar', 'alarming_claim'],
    [
      'an order with a claim for its fear',
      'Tarik saldo e-wallet kalian sekarang juga, servernya dibobol dan saldo bakal hilang',
      'panic_directive',
    ],
    ['any order, held, with a danger', 'Buang semua beras yang dibeli minggu ini, berasnya dicampur plastik', 'panic_directive'],
    ['hidden, in slang', 'PLN diem-diem naikin tarif listrik 20% bulan ini, media nggak ada yang berani bahas', 'conspiracy'],
    [
      'English hearsay, something coming',
      "My neighbour's driver says the toll road to the airport will be closed for 2 weeks from Monday",
      'hearsay',
    ],
    ['asked to be pushed up', 'Bantu up ya, mulai besok KRL dilarang bawa sepeda lipat, yang melanggar kena denda 500rb', 'call_to_share'],
    [
      'no longer, said before the verb',
      'Terusin ke grup RT: posyandu tidak lagi melayani imunisasi gratis buat balita di atas 2 tahun',
      'alarming_claim',
    ],
    [
      'talk at a gathering place',
      'Obrolan di pangkalan ojek tadi, tarif parkir motor di Tanah Abang dipatok 30 ribu sejam mulai Senin',
      'hearsay',
    ],
    [
      'an office reported as speaking',
      'Kemensos kirim SMS ke penerima: bansos tahap ini tidak dicairkan buat yang belum daftar ulang sampai Jumat',
      'borrowed_voice',
    ],
    [
      'signed as the last sentence',
      'Iuran sampah warga naik jadi 80 ribu per bulan mulai bulan depan, yang menunggak didenda. Kelurahan Utan Kayu',
      'borrowed_voice',
    ],
    [
      'a fee owned and rising, in a hurry',
      'Sebaiknya lunasi cicilan rumah sekarang juga, mulai bulan depan bunganya naik dua kali lipat',
      'panic_directive',
    ],
    [
      'English, a charge with its amount',
      'Please pass this on to your staff: the kelurahan now charges Rp500,000 to issue a domicile letter',
      'alarming_claim',
    ],
  ])('is flagged: %s', (_kind, text, signal) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain(signal);
    expect(flagged(r)).toBe(true);
  });

  it.each([
    // A news outlet's own account reports the rumour it answers.
    [
      'an outlet reporting the rumour',
      'Beredar pesan berantai di grup WhatsApp soal pemadaman listrik total se-Jakarta. PLN membantah kabar itu.',
      { handle: 'detikcom', verified: true },
    ],
    ['a resident asking', 'Bener gak sih tarif MRT mau naik jadi 20rb? Temen kantor bilang gitu, ada yang tau sumber resminya?', RESIDENT],
    ['the notice disowned', 'Pesan soal KTP lama tidak berlaku itu bukan dari Dukcapil ya, mohon jangan dipercaya', RESIDENT],
    [
      'a notice bounded in time, passed on',
      'Besok jam 09.00-12.00 air PAM mati di gang 3 karena perbaikan pipa. Mohon diteruskan ke warga sekitar.',
      RESIDENT,
    ],
    ['care not to put off', 'Kalau demam tinggi setelah kena banjir jangan ditunda, segera ke puskesmas terdekat', RESIDENT],
    ['no charge', 'Pemberitahuan RW 06: pembagian sembako hari Sabtu di balai warga, tidak ada pungutan apa pun', RESIDENT],
    ['a file to beware of', 'Waspada file Undangan.apk di WA, jangan diinstal, itu aplikasi pencuri data', RESIDENT],
    ['a water level rising with a call to share', 'Air Kali Angke naik lagi sore ini, share ke tetangga biar siap-siap', RESIDENT],
    ['the emergency line', 'Darurat kebakaran langsung telepon 112, gratis. Mohon diteruskan ke warga', RESIDENT],
    [
      'a news story, not an order',
      'Harga cabai di Pasar Induk naik. Warga berharap pemerintah segera memberikan solusi agar harga kembali normal.',
      undefined,
    ],
    [
      'sejumlah is no order',
      'Sejumlah warga Bukit Duri mengaku banjir sudah surut. Petugas kelurahan masih membersihkan lumpur.',
      RESIDENT,
    ],
    [
      'a notice asks the reader',
      'Warga RT 05: fogging hari Sabtu jam 08.00 dari puskesmas kelurahan. Makanan mohon ditutup dulu.',
      RESIDENT,
    ],
    ['a mood, not a stock', 'Temen gw bilang kantornya toxic abis, bosnya suka marah-marah di grup. Dia lagi cari kerja baru', RESIDENT],
    ['a filler asking for news', 'Otw Istiqlal, ada yang mau nitip kopi susu? Share ya kalo ada info.', RESIDENT],
  ])('is left alone: %s', (_kind, text, author) => {
    expect(flagged(score(text, author))).toBe(false);
  });

  it('reads no alarm in a notice bounded in time, but does in the same notice without its bounds', () => {
    const bounded = score('Besok jam 09.00-12.00 air PAM mati di gang 3. Mohon diteruskan ke warga.', RESIDENT);
    const sweeping = score('Besok air PAM mati total 5 hari di seluruh Jakarta Barat. Mohon diteruskan ke warga.', RESIDENT);
    expect(names(bounded)).not.toContain('alarming_claim');
    expect(names(sweeping)).toContain('alarming_claim');
    expect(flagged(sweeping)).toBe(true);
  });

  it('says which words made the counter-signals', () => {
    expect(
      evidenceOf(score('Beredar kabar pemadaman total. PLN membantah.', { handle: 'kompascom', verified: true }), 'news_outlet'),
    ).toEqual(['diunggah akun media @kompascom']);
    const asked = score('Bener gak sih katanya BPJS mau dihapus tahun depan? Sepupu saya bilang gitu', RESIDENT);
    expect(evidenceOf(asked, 'asks_if_true')).toEqual(['bener gak sih']);
    expect(INDICATOR_NAMES['asks_if_true']).toBeDefined();
  });
});

describe('a hoax that insists it is true, and a bare "katanya" carrying a claim', () => {
  it.each([
    ['not news that is a hoax', 'Ini bukan berita hoax ya, besok semua ATM Bank DKI tidak bisa dipakai. Segera tarik tunai hari ini juga!'],
    ['do not take it for a hoax', 'Jangan anggap hoaks! Air PAM tercemar, jangan minum air keran sampai ada pengumuman.'],
    [
      'thought it a hoax, then believed it',
      'Awalnya saya kira hoax ternyata beneran, bensin bakal langka minggu depan. Isi penuh tangki sekarang!',
    ],
    [
      'no one has answered yet',
      'Belum ada klarifikasi dari Pemprov, tapi kabarnya sekolah diliburkan seminggu. Jemput anak sekarang juga!',
    ],
    ['gaul insistence', 'Gak hoax ini, temen gue orang dalem. Tarik semua uang di bank sebelum Senin!'],
  ])('is flagged, with no debunk read: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).not.toContain('debunk');
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['a debunk after the doubt', 'Saya kira hoaks, ternyata memang tidak benar kata kelurahan. Jangan diteruskan ya.'],
    ['a debunk with what is true', 'Sudah dicek ke PLN, kabar pemadaman 3 hari itu hoaks. Belum ada jadwal pemadaman di Jaksel.'],
  ])('still debunks: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('debunk');
    expect(flagged(r)).toBe(false);
  });

  it.each([
    ['heard it said', 'saya dengar distributor di jakarta akan berhenti mengirim barang ke warung selama dua minggu.'],
    ['the news I heard', 'kabar yang saya dengar, spbu di jakarta akan kehabisan stok pertalite mulai lusa'],
    ['gaul', 'gue denger bulan depan KRL jalur Bogor berhenti beroperasi sebulan penuh'],
  ])('reads "saya dengar" as hearsay and what is about to stop as its claim: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toEqual(['hearsay', 'alarming_claim']);
    expect(flagged(r)).toBe(true);
  });

  it('a sound the writer heard is no hearsay', () => {
    expect(names(score('Saya dengar suara ledakan dari arah gardu PLN, sekarang listrik padam satu gang', RESIDENT))).not.toContain(
      'hearsay',
    );
  });

  it('takes a bare "katanya" with an alarming claim to medium, and leaves it low without one', () => {
    const claimed = score('Katanya bansos lansia dihentikan total tahun ini.', RESIDENT);
    expect(names(claimed)).toEqual(['hearsay', 'alarming_claim']);
    expect(claimed.level).toBe('medium');
    const own = score('Katanya air PAM di rumah gue mati dari pagi, ada yang sama?', RESIDENT);
    expect(own.level).toBe('low');
  });

  it.each([
    [
      'tagged to the family',
      'Tag keluarga kalian yang pakai BPJS: mulai bulan depan rawat inap kelas 3 dihapus dan semua wajib bayar iuran.',
    ],
    [
      'asked to be spread, a price that becomes',
      'tolong disebar, harga lpg 3 kg di jakarta resmi jadi rp45 ribu per tabung mulai pekan depan',
    ],
    ['spread wide, a bridge tilting', 'mohon disebarluaskan: jembatan penyeberangan di depan stasiun tanah abang sudah miring'],
    [
      'broadcast, a levy with its amount',
      'Tolong dibroadcast ke warga: pengurusan surat pindah domisili sekarang kena retribusi Rp750 ribu di kelurahan.',
    ],
    [
      'do not be the one who does not know',
      'jangan sampai nggak tahu, krl tidak akan berhenti lagi di stasiun sudirman mulai bulan depan, penumpang wajib turun di manggarai',
    ],
    [
      'a fee rising, named a few words before',
      'Bagikan ke yang punya usaha di pasar, retribusi kios di pasar-pasar Pasar Jaya naik 300 persen mulai bulan depan.',
    ],
    [
      'no longer served, with an hour in it',
      'Forward ke grup RT ya, puskesmas di Jakarta Barat tidak lagi melayani pasien BPJS di atas jam 12 siang mulai pekan ini.',
    ],
    [
      'others who protest',
      "Bantu up ya: bansos Jakarta sekarang dipotong 40% sama oknum kelurahan buat 'biaya admin', yang protes dicoret.",
    ],
  ])('a call to share with a claim is flagged: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toEqual(['call_to_share', 'alarming_claim']);
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['a promo price', 'Promo kopi susu harga 15rb aja sampai Minggu, share ke temen2 kantor ya!'],
    ['a giveaway', 'Giveaway 3 voucher makan 100rb: follow, like, tag 3 teman kalian ya!'],
    ['a charity ticket', 'Tiket konser amal cuma 50rb, bagikan ke teman teman ya'],
  ])('a price passed on is no charge: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).not.toContain('alarming_claim');
    expect(flagged(r)).toBe(false);
  });

  it.each([
    ['a son-in-law, no longer usable', 'mantu sy bilang kartu jaklingko yg lama ga bisa dipake lg mulai bulan dpn, saldonya ilang'],
    ['read in the comments, a parking charge', 'sy baca di komen2 FB, tarif parkir mobil di kawasan Blok M skrg 25rb per jam'],
    ['someone at the gym, English', 'someone at the gym said the city will stop the free Transjakarta rides for seniors next month'],
    ['a con trick on the train', 'orang2 kompleks pd ngomongin ada gendam di KRL jurusan Bekasi, korbannya udah belasan'],
    ['a loose crocodile', 'td di warung kopi pd rame ada buaya lepas di kali Ciliwung deket Kampung Melayu'],
    ['a price breaking through', 'nyokap dapet cerita dr tukang sayur, harga beras besok tembus 20rb sekilo'],
    ['no longer subsidised', 'ibu2 di warung pada ngomong gas melon mulai Senin jadi 35 ribu, udah gak disubsidi lagi. ya ampun'],
  ])('everyday hearsay with its claim is flagged: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('hearsay');
    expect(names(r)).toContain('alarming_claim');
    expect(flagged(r)).toBe(true);
  });
});

describe('panic orders in the forms a new round of writers used', () => {
  it.each([
    [
      'stock up while it lasts',
      'Mumpung masih ada di apotik, stok paracetamol sm obat batuk anak yg banyak ya bun, obat sirup mau ditarik semua dr peredaran',
    ],
    [
      'hoard from now on, no object',
      'gas melon 3kg mulai minggu dpn cm blh dibeli pake kartu khusus, yg ga pny kartu ga dapet. borong dr skrg selagi di warung msh ada!!!',
    ],
    [
      'keep away from a named place for now',
      'guys jgn ke Blok M dulu malem ini. bakal ada tawuran gede + sweeping di sekitar terminal, sore tadi udh ada yg ketusuk',
    ],
    [
      'no need to go, for now',
      'udah deh ga usah ke Tanah Abang dulu smp akhir bulan, bakal ada demo ricuh gede, bnyk copet sm jambret bawa sajam',
    ],
    ['children not sent to school', 'Bsk cucu2 jangan disuruh sekolah dulu, ada penculik pake mobil ambulans keliling SD di Duren Sawit'],
    ['moved at once', 'Yg parkir mobil di basement pindahin SEKARANG ke lantai atas!!! Pintu air Manggarai jebol, air nyampe 3 jam lagi'],
    [
      'better exchanged now',
      'Uang kertas emisi lama 100rb bakal tidak berlaku akhir bulan ini. Lebih baik tuker skrg di bank, abis itu hangus.',
    ],
  ])('is flagged: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('panic_directive');
    expect(flagged(r)).toBe(true);
  });

  it.each([
    ['a plan for the weekend', 'Jangan ke Blok M dulu ya weekend ini, aku lagi di Bandung. Nanti kita ketemuan minggu depan aja'],
    ['a shop that is open while stock lasts', 'Mumpung masih ada stok, borong kaos promo kami sekarang! Diskon 50% sampai Minggu'],
    ['moving house, nothing feared', 'Pindahin sekarang aja barang-barangnya ke kos baru, mumpung hari Minggu dan jalanan sepi'],
  ])('is left alone: %s', (_kind, text) => {
    expect(names(score(text, RESIDENT))).not.toContain('panic_directive');
  });
});

describe('a cover-up said in everyday words, with its claim', () => {
  it.each([
    [
      'no one dares discuss it',
      'KENAPA TV GA ADA YG BERANI NGEBAHAS??? Jembatan layang di Pancoran udah retak parah & bisa ambruk kapan aja',
    ],
    ['the media silent', 'media2 pd bungkam semua, pdhl gudang kimia di Marunda kmrn bocor gas beracun yg nyebar smp Cilincing'],
    [
      'all knew but the residents',
      'Orang2 di kantor kecamatan udh pd tau kok, cm warga aja yg blm dikasih tau: mulai thn dpn air PAM tarif rendah dihapus',
    ],
    ['not on the news, English', "They're not putting this on the news, but the river embankment near Ulujami is basically crumbling."],
  ])('is flagged: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('conspiracy');
    expect(flagged(r)).toBe(true);
  });

  it('a reporter who has not covered a story yet is no cover-up', () => {
    expect(names(score('Besok saya liput acara peresmian halte baru, hari ini belum sempat dibahas di redaksi', RESIDENT))).not.toContain(
      'conspiracy',
    );
  });
});

describe('notices borrowed in the forms of warnings, dashes and SMS', () => {
  it.each([
    [
      'a warning header between emoji',
      '⚠️PERINGATAN BMKG⚠️\nAkan terjadi gempa M7,8 malam ini pukul 23.00 WIB yg berdampak kuat ke Jakarta. Gedung tinggi diminta DIKOSONGKAN.\n-BMKG Pusat',
    ],
    [
      'the agency spelled apart',
      'Info dr TRANS JAKARTA: mulai senin tarif Rp3.500 dihapus, diganti tarif jarak jauh dekat smp Rp15rb. Harap maklum.\n-Manajemen TJ-',
    ],
    [
      'a charge done without notice',
      'PAM JAYA menginformasikan: Pelanggan yg menunggak 1 bulan dikenakan denda Rp500.000 dan meteran dicabut tanpa pemberitahuan mulai tgl 5.',
    ],
    [
      'a parking charge signed with dashes',
      'INFO DISHUB DKI: mulai bln dpn parkir motor di pinggir jalan seluruh jakarta jd Rp10rb/jam, yg tanpa kartu motornya lgsg digembok.\n-Sudin Perhubungan Jakbar-',
    ],
  ])('is flagged: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('borrowed_voice');
    expect(flagged(r)).toBe(true);
  });

  it('a complaint that nothing was announced is still a complaint', () => {
    expect(names(score('Air PAM mati dari pagi tanpa pemberitahuan, PAM JAYA menginformasikan apa sih?', RESIDENT))).not.toContain(
      'borrowed_voice',
    );
  });

  it("a neighbourhood board posting from its own account is no borrowed voice; from someone else's it is", () => {
    const notice =
      '*INFO RT 07 / RW 01 PETAMBURAN*\nBesok jalan kampung ditutup untuk pemangkasan pohon, motor wajib dipindah. Mohon diteruskan ke warga.\n- Admin RT 07';
    expect(names(score(notice, { handle: 'admin_rt07_petamburan' }))).not.toContain('borrowed_voice');
    expect(names(score(notice, { handle: 'admin_rt17_petamburan' }))).toContain('borrowed_voice');
  });

  it.each([
    [
      'victims counted beside hearsay',
      'Temen kantor yang suaminya polisi cerita ada pembius pake tisu di KRL arah Bekasi, udah 5 penumpang pingsan minggu ini',
    ],
    ['many struck, told by kin', 'Saudara di Kemayoran ngabarin air PAM di sana ada cacingnya & udah banyak yg diare se-RW. Ngeri..'],
    [
      'no longer able to be treated',
      'info dari grup rt tetangga, mulai bulan depan warga jakarta yang tidak punya npwp tidak bisa lagi berobat gratis di puskesmas.',
    ],
  ])('a doubted source with a claim of a new shape is flagged: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('alarming_claim');
    expect(flagged(r)).toBe(true);
  });

  it('victims counted by a witness who asks to share are not read as a claim', () => {
    const r = score('Tabrakan beruntun di tol Cikampek, udah 3 orang dirawat. Share biar yang lewat hati-hati', RESIDENT);
    expect(names(r)).not.toContain('alarming_claim');
    expect(flagged(r)).toBe(false);
  });

  it.each([
    [
      'a header ended by an emoji',
      'Info Polda Metro Jaya 🚨 mulai minggu ini kendaraan yang pajaknya telat sebulan langsung diderek petugas di jalan dan baru bisa diambil setelah bayar denda.',
    ],
    [
      'according to the agency',
      'Menurut BMKG, Jakarta akan dilanda banjir rob setinggi 2 meter tanggal 20 nanti. Warga pesisir Jakarta Utara diminta mengungsi mulai sekarang.',
    ],
    [
      'signed in parentheses',
      'Jakarta akan dilanda banjir rob setinggi 2 meter tanggal 20 nanti, warga pesisir diminta mengungsi mulai sekarang.\n(BMKG Pusat)',
    ],
    [
      'a head teacher named with the school',
      'Pemberitahuan dari Kepala SDN Kebon Jeruk 03 Pagi:\nMulai besok KBM sekolah diliburkan dua minggu, orang tua wajib bayar uang kegiatan Rp200rb.',
    ],
    [
      'a bank unit',
      'Dari BRI unit pasar: rekening yg saldonya di bawah 500rb ditutup otomatis akhir bulan ini dan sisa saldonya masuk kas negara',
    ],
  ])('an agency voice in another form is read as borrowed: %s', (_kind, text) => {
    const r = score(text, RESIDENT);
    expect(names(r)).toContain('borrowed_voice');
    expect(flagged(r)).toBe(true);
  });

  it('a forecast relayed in the agency name with nothing alarming is left alone', () => {
    expect(flagged(score('Menurut BMKG, sore ini hujan ringan di Jakarta Selatan. Jangan lupa bawa payung ya', RESIDENT))).toBe(false);
  });

  it('"cuma bisa" is a claim only before what is given or used, not before a mood', () => {
    const resigned = score('KRL telat 90 menit, gangguan sinyal katanya. Warga cuma bisa pasrah.', RESIDENT);
    expect(names(resigned)).not.toContain('alarming_claim');
    expect(flagged(resigned)).toBe(false);
    const only = score('katanya kartu lansia cuma boleh dipakai di koridor 1 mulai bulan depan', RESIDENT);
    expect(names(only)).toContain('alarming_claim');
  });
});
