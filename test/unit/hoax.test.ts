import type { ClaimMatch } from '../../shared/claims/types';
import {
  coordinatedIndicator,
  HOAX_LEVELS,
  hoaxLevel,
  hoaxScore,
  scoreHoax,
  withIndicator,
  type HoaxInput,
} from '../../shared/classify/hoax';
import { normalise } from '../../shared/classify/normalise';
import type { HoaxResult } from '../../shared/classify/types';

const score = (text: string, extra: Omit<HoaxInput, 'text' | 'norm'> = {}): HoaxResult =>
  scoreHoax({ text, norm: normalise(text), ...extra });
const names = (r: HoaxResult): string[] => r.indicators.map((i) => i.name);
const evidenceOf = (r: HoaxResult, name: string): readonly string[] => r.indicators.find((i) => i.name === name)?.evidence ?? [];
const weightOf = (r: HoaxResult, name: string): number | undefined => r.indicators.find((i) => i.name === name)?.weight;
const flagged = (r: HoaxResult): boolean => r.level === 'medium' || r.level === 'high';

const CHAIN =
  'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus!!';
const DEBUNK =
  'HOAKS: pintu air Manggarai tidak jebol, cek fakta dari BPBD: status normal. Jangan disebarkan ya https://bpbd.jakarta.go.id/waspadabanjir';

describe('scoreHoax', () => {
  it('rates the Manggarai chain message high, with the evidence that fired', () => {
    const r = score(CHAIN);
    expect(r.level).toBe('high');
    expect(r.score).toBeGreaterThanOrEqual(HOAX_LEVELS.high);
    expect(names(r)).toEqual(expect.arrayContaining(['call_to_share', 'alarm', 'hearsay']));
    expect(evidenceOf(r, 'call_to_share')).toEqual(expect.arrayContaining(['sebarkan', 'sebelum dihapus']));
    expect(evidenceOf(r, 'alarm')).toContain('awas');
    expect(evidenceOf(r, 'hearsay')).toContain('info dari orang dalam');
  });

  it('keeps a variant of the chain message (slang, emoji, caps) at least medium', () => {
    const r = score('⚠️ WASPADA ⚠️ katanya pintu air manggarai jebol mlm ini!!! jakpus tenggelam. viralkan sblm dihapus 🙏🙏');
    expect(flagged(r)).toBe(true);
    expect(names(r)).toEqual(expect.arrayContaining(['alarm', 'hearsay', 'call_to_share', 'shouting']));
  });

  it('rates an ordinary complaint none', () => {
    const r = score('Macet parah bgt di Sudirman pagi ini, TJ juga penuh 😩 kapan beresnya sih');
    expect(r.level).toBe('none');
    expect(r.indicators).toHaveLength(0);
    expect(r.score).toBe(0);
  });

  it('rates a flood complaint with "!!" none: two marks are emphasis, not shouting', () => {
    expect(score('Banjir lagi di Kemang, air udah sepinggang!!').level).toBe('none');
  });

  it('scores a debunking post well below the hoax, and says why', () => {
    const hoax = score(CHAIN);
    const debunk = score(DEBUNK);
    expect(debunk.score).toBeLessThan(hoax.score);
    expect(debunk.level).toBe('none');
    expect(names(debunk)).toEqual(expect.arrayContaining(['debunk', 'official_link']));
    expect(names(debunk)).not.toContain('call_to_share');
    expect(weightOf(debunk, 'debunk')).toBeLessThan(0);
  });

  it('does not take "bukan hoax" (insisting) as a debunk', () => {
    const r = score('Ini bukan hoax, dijamin 100% benar. Sebarkan!');
    expect(names(r)).not.toContain('debunk');
    expect(names(r)).toEqual(expect.arrayContaining(['absolute_claim', 'call_to_share']));
  });

  it('combines indicators as a noisy-OR', () => {
    const r = score(CHAIN);
    const expected = 1 - r.indicators.filter((i) => i.weight > 0).reduce((keep, i) => keep * (1 - i.weight), 1);
    expect(r.score).toBeCloseTo(expected, 3);
  });

  it('maps scores to levels at the documented thresholds', () => {
    expect([0, 0.19, 0.2, 0.44, 0.45, 0.69, 0.7, 1].map(hoaxLevel)).toEqual([
      'none',
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });
});

describe('phrase indicators', () => {
  it('call_to_share: share calls fire, "jangan sebarkan" does not', () => {
    expect(evidenceOf(score('Tolong viralkan video ini ya'), 'call_to_share')).toEqual(['viralkan']);
    expect(names(score('Kirim pesan ini ke 10 orang dalam satu jam'))).toContain('call_to_share');
    expect(names(score('Jangan sebarkan pesan seperti ini ya'))).not.toContain('call_to_share');
    expect(score('Tolong bantu share ya').level).toBe('low');
  });

  it('call_to_share: a chain letter is the strong form', () => {
    for (const text of [
      'Teruskan pesan ini ke minimal 8 kontak, jangan sampai terlewat',
      'Sebarkan ke 12 grup WA dalam satu jam',
      'Siapa yang meneruskan doa ini hari ini akan dimudahkan rezekinya',
      'Yang menghapus pesan ini tanpa membaca bakal kena sial tujuh tahun',
      'Bagikan ke sebanyak mungkin orang tua murid',
      'Jangan berhenti di kamu ya, copy and paste ke status',
    ])
      expect(weightOf(score(text), 'call_to_share')).toBe(0.5);
    // A giveaway's "share ke 3 teman" and a blood bank's "sebanyak mungkin pendonor" are not chains.
    expect(weightOf(score('Giveaway: follow, like, share ke 3 teman kamu'), 'call_to_share')).toBe(0.4);
    expect(names(score('PMI butuh sebanyak mungkin pendonor golongan O minggu ini'))).not.toContain('call_to_share');
    expect(names(score('Tolong terusin ke grup arisan ya'))).toContain('call_to_share');
    expect(names(score('Please forward this to your family'))).toContain('call_to_share');
  });

  it('forwarded: a message passed on from a group, a header, a copy', () => {
    expect(evidenceOf(score('Diteruskan dari grup alumni: lomba lari Minggu pagi'), 'forwarded')).toEqual(['diteruskan dari']);
    expect(names(score('Copas dari grup sebelah: resep sambal matah'))).toContain('forwarded');
    expect(names(score('Pengumuman RW (diteruskan): lapangan dipakai senam Sabtu'))).toContain('forwarded');
    expect(names(score('Dapat foto ini dari grup WA kompleks, lucu banget'))).toContain('forwarded');
    // "Mohon diteruskan" asks to share; leaving a group forwards nothing.
    const ask = score('Mohon diteruskan ke warga RT 03');
    expect(names(ask)).toContain('call_to_share');
    expect(names(ask)).not.toContain('forwarded');
    expect(names(score('Saya keluar dari grup itu sejak lama'))).not.toContain('forwarded');
    expect(score('Diteruskan dari grup alumni: lomba lari Minggu pagi').level).toBe('low');
  });

  it('forwarded: what the message tells of, anywhere in it, is a rumour', () => {
    const r = score('Copas dari grup ojol. Mulai pekan depan semua jalan tikus di Kemayoran ditutup portal.');
    expect(evidenceOf(r, 'forwarded')).toEqual(expect.arrayContaining([expect.stringMatching(/^kabar soal yang akan terjadi: /)]));
    expect(flagged(r)).toBe(true);
  });

  it('forwarded: a missing-person notice passed on keeps its counter-signal', () => {
    const r = score(
      'Diteruskan dari grup sekolah: mohon bantu sebarkan, siswi kami Laras (14) belum pulang sejak Senin. Sudah lapor Polsek Cakung.',
    );
    expect(names(r)).toEqual(expect.arrayContaining(['forwarded', 'personal_appeal']));
    expect(flagged(r)).toBe(false);
  });

  it('hearsay and pseudo_authority: told by someone, an unnamed expert', () => {
    expect(names(score('Barusan dikabari sepupu, pasar pagi tutup'))).toContain('hearsay');
    expect(names(score('Ada kabar kantor pajak pindah ke Kuningan'))).toContain('hearsay');
    expect(names(score('Kata perawat di puskesmas, antrean vaksin panjang'))).toContain('pseudo_authority');
    expect(names(score('Nurses at a private clinic say the new vaccine is unsafe'))).toContain('pseudo_authority');
    expect(weightOf(score('Info dari sumber terpercaya, gedung itu sudah tua'), 'pseudo_authority')).toBe(0.35);
    // What it says is coming (`mau dibongkar`) is a rumour: the source weighs more.
    expect(weightOf(score('Info dari sumber terpercaya, gedung itu mau dibongkar'), 'pseudo_authority')).toBe(0.45);
    // Not the English giveaway's "tag a friend for a chance to win".
    expect(names(score('Tag a friend for a chance to win a free coffee'))).not.toContain('hearsay');
  });

  it('hearsay: a danger or a claim about to come true, in new words', () => {
    expect(evidenceOf(score('Dengar dari tukang parkir, jembatan penyeberangan itu sudah retak'), 'hearsay')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^kabar soal bahaya: retak/)]),
    );
    expect(evidenceOf(score('Kabarnya mulai Senin ada sweeping knalpot di Tebet'), 'hearsay')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^kabar soal yang akan terjadi: /)]),
    );
  });

  it('alarm: urgency words fire; the emergency number and a "tas darurat" do not', () => {
    expect(evidenceOf(score('WASPADA!!! jangan keluar rumah malam ini'), 'alarm')).toEqual(
      expect.arrayContaining(['waspada', 'jangan keluar rumah']),
    );
    expect(names(score('Nomor darurat Jakarta 112 bisa dihubungi 24 jam'))).not.toContain('alarm');
    expect(names(score('IGD gawat darurat di RSUD kami buka 24 jam'))).not.toContain('alarm');
  });

  it('hearsay: second-hand talk, one attribution counted once; "katanya" alone counts less', () => {
    // "Dapat info dari grup alumni" is a forwarded message: not hearsay as well.
    const forwarded = score('Dapat info dari grup alumni, bank-bank tutup seminggu');
    expect(names(forwarded)).toContain('forwarded');
    expect(names(forwarded)).not.toContain('hearsay');
    expect(names(score('Dapat info dari teman, bank-bank tutup seminggu'))).toContain('hearsay');
    const katanya = score('Katanya kedai kopi baru di Cikini enak');
    expect(weightOf(katanya, 'hearsay')).toBeLessThan(weightOf(score('Dengar-dengar kedai kopi baru di Cikini enak'), 'hearsay') ?? 0);
    expect(katanya.level).toBe('low');
  });

  it('hearsay about something about to happen is a rumour and weighs more', () => {
    const rumour = score('Dengar-dengar mulai bulan depan tarif ojol naik dua kali lipat');
    expect(evidenceOf(rumour, 'hearsay')).toEqual(expect.arrayContaining([expect.stringMatching(/^kabar soal yang akan terjadi: /)]));
    expect(flagged(rumour)).toBe(true);
    // The danger must be in the sentence that carries the hearsay, not in the writer's own sarcasm.
    const complaint = score('Lapor pohon miring, katanya mau dicek. Sudah sebulan. Nunggu roboh dulu?');
    expect(evidenceOf(complaint, 'hearsay')).toEqual(['katanya']);
  });

  it('pseudo_authority: an insider or a far-away expert', () => {
    expect(names(score('Sepupu saya yang kerja di PLN yang kasih info'))).toContain('pseudo_authority');
    expect(names(score('Sudah diteliti profesor dari Jepang'))).toContain('pseudo_authority');
    expect(names(score('Anak saya demam sejak kemarin'))).not.toContain('pseudo_authority');
  });

  it('counts "teman saya yang kerja di X bilang" once, as pseudo_authority', () => {
    const r = score('Teman saya yang kerja di Thamrin bilang soto di lantai dasarnya enak');
    expect(names(r)).toContain('pseudo_authority');
    expect(names(r)).not.toContain('hearsay');
    expect(flagged(r)).toBe(false);
  });

  it('conspiracy: suppression and insinuation', () => {
    expect(names(score('Pejabatnya bungkam karena ikut kebagian proyek'))).toContain('conspiracy');
    expect(names(score('Saya sengaja datang pagi biar tidak antre'))).not.toContain('conspiracy');
    expect(names(score('The city is hiding it to avoid panic'))).toContain('conspiracy');
    expect(names(score('Dia diam saja waktu ditanya guru'))).not.toContain('conspiracy');
    expect(evidenceOf(score('Kenapa tidak ada satu pun TV yang berani memberitakan ini?'), 'conspiracy')).toHaveLength(1);
    expect(names(score('Semua sudah diatur dari atas, pengalihan isu saja'))).toContain('conspiracy');
    expect(names(score('Dishub memberlakukan rekayasa lalu lintas di Senayan'))).not.toContain('conspiracy');
  });

  it('absolute_claim: a cure promised for a serious disease is the strongest form', () => {
    const cure = score('Rebusan daun salam tiap pagi menyembuhkan diabetes, sudah terbukti');
    expect(weightOf(cure, 'absolute_claim')).toBeGreaterThanOrEqual(0.4);
    expect(weightOf(score('Dijamin puas, 100% asli'), 'absolute_claim')).toBeLessThan(0.4);
    expect(names(score('Setuju 100% sama kamu'))).not.toContain('absolute_claim');
    expect(names(score('Klaim itu tidak terbukti'))).not.toContain('absolute_claim');
  });

  it('absolute_claim: care declared needless, a miracle on a timetable', () => {
    for (const text of [
      'Anak batuk tidak perlu dibawa ke dokter, cukup madu dan jeruk nipis',
      'Pakai minyak ini, tidak perlu pakai masker lagi di jalan',
      'Rambut rontok hilang dalam tiga hari pakai lidah buaya',
      'Ramuan ini lebih ampuh daripada obat dokter',
      'You dont need a doctor for this, just drink warm water',
    ])
      expect(weightOf(score(text), 'absolute_claim')).toBeGreaterThanOrEqual(0.4);
    expect(names(score('Kalau demam tinggi, sebaiknya ke dokter ya'))).not.toContain('absolute_claim');
    expect(names(score('Banjir surut dalam dua hari'))).not.toContain('absolute_claim');
  });

  it('shouting: lone double marks again and again shout like a triple; one pair does not', () => {
    expect(evidenceOf(score('Jangan lewat Casablanca dulu!! Sebarkan!!'), 'shouting')).toEqual(['!! ×2']);
    expect(names(score('Enak banget!! Besok ke sini lagi'))).not.toContain('shouting');
  });

  it('shouting: mostly capitals, or runs of exclamation marks; question marks alone are a question', () => {
    expect(evidenceOf(score('PEMPROV HARUS TANGGUNG JAWAB ATAS SEMUA INI'), 'shouting')).toEqual([
      expect.stringMatching(/% huruf kapital$/),
    ]);
    expect(names(score('OK SIAP'))).not.toContain('shouting');
    expect(evidenceOf(score('Tolong dibaca!!!'), 'shouting')).toEqual(['!!!']);
    expect(names(score('Kapan diperbaiki???'))).not.toContain('shouting');
  });
});

describe('scam', () => {
  it('money asked with a prize promised', () => {
    const r = score('Selamat! Anda pemenang undian mobil. Segera transfer biaya administrasi 2 juta ke rekening panitia.');
    expect(evidenceOf(r, 'scam')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^minta uang: /), expect.stringMatching(/^iming-iming atau ancaman: .*undian/)]),
    );
    expect(flagged(r)).toBe(true);
  });

  it('a job with a fee, a one-time code, a personal account, an .apk file', () => {
    expect(names(score('Lowongan admin gudang, gaji 6 juta, bayar biaya seragam Rp 300.000 dulu'))).toContain('scam');
    expect(evidenceOf(score('Kak, tolong kirim kode OTP yang barusan masuk ya'), 'scam')).toEqual([
      expect.stringMatching(/^minta data rahasia: /),
    ]);
    expect(names(score('Transfer dulu ke rekening pribadi saya, nanti saya teruskan'))).toContain('scam');
    const apk = score('Cek foto paket kakak di sini: Foto_Paket_Kurir.apk');
    expect(evidenceOf(apk, 'scam')).toEqual(['berkas aplikasi: Foto_Paket_Kurir.apk']);
    expect(flagged(apk)).toBe(true);
  });

  it('a lure with a link to click only counts with a suspicious link', () => {
    expect(names(score('Klaim hadiah pulsa kamu di hadiah-pulsa.xyz sekarang'))).toContain('scam');
    expect(names(score('Klaim voucher diskon di akun Instagram resmi kami'))).not.toContain('scam');
  });

  it('a one-time code asked back after the post says it was sent', () => {
    const r = score('Maaf, kode 4 digit buat akun game aku nyasar ke nomor kamu. Tolong kirimin kodenya ya');
    expect(evidenceOf(r, 'scam')).toEqual([expect.stringMatching(/^minta data rahasia: .*kodenya/)]);
    expect(flagged(r)).toBe(true);
    // A promo code told at the till is no secret.
    expect(names(score('Tunjukkan kodenya ke kasir untuk potongan 10%'))).not.toContain('scam');
  });

  it('English: a code or a fee asked for', () => {
    expect(names(score('To unlock your prize, send us your name, address and the verification code'))).toContain('scam');
    expect(names(score('Your parcel is held at customs: pay the handling fee of Rp 350,000 to receive it'))).toContain('scam');
    expect(names(score('We will never ask you to send your OTP or PIN. Do not share them with anyone.'))).not.toContain('scam');
  });

  it("money to a person's account for a cause, or an e-wallet on a phone number", () => {
    const person = score('Galang dana untuk korban longsor, kirim ke BCA 8830-2211-45 a.n. Rudi Hartono ya');
    expect(evidenceOf(person, 'scam')).toEqual([expect.stringMatching(/^minta transfer ke BCA 8830-2211-45 a\.n\. Rudi Hartono$/)]);
    expect(flagged(person)).toBe(true);
    expect(names(score('Sedekah Jumat bisa lewat GoPay 0857-1234-9876, berapa pun berarti'))).toContain('scam');
    // A foundation's account, and a caterer's own account for a down payment, are not.
    expect(names(score('Donasi korban longsor: BSI 7001234567 a.n. Yayasan Peduli Sesama, laporan di situs kami'))).not.toContain('scam');
    expect(names(score('Pesanan nasi box sudah dicatat, DP ke BCA 8830221145 a.n. Rudi Hartono ya kak'))).not.toContain('scam');
  });

  it('identity papers through an unofficial channel, with a lure', () => {
    const r = score('Subsidi listrik Rp500rb cair minggu ini! Kirim foto KTP dan KK ke WA admin 0819-2222-3333');
    expect(evidenceOf(r, 'scam')).toEqual(expect.arrayContaining([expect.stringMatching(/^minta data pribadi lewat jalur tidak resmi: /)]));
    expect(flagged(r)).toBe(true);
    expect(names(score('Pencairan bantuan lansia di kantor kelurahan, bawa dan isi formulir dengan NIK'))).not.toContain('scam');
  });

  it('the "new number" pretext asking for credit', () => {
    const r = score('Pa, ini adek, hp aku hilang di angkot jadi pinjam hp teman. Tolong beliin pulsa 50rb ke nomor ini ya');
    expect(evidenceOf(r, 'scam')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^minta uang: /), expect.stringMatching(/^iming-iming atau ancaman: /)]),
    );
    expect(flagged(r)).toBe(true);
  });

  it('an ask named as the thing to beware is not an ask', () => {
    expect(names(score('Pendaftaran bantuan UMKM hanya di kelurahan. Waspada calo yang minta transfer biaya pendaftaran'))).not.toContain(
      'scam',
    );
    expect(names(score('Hati-hati oknum yang minta kode OTP lewat telepon'))).not.toContain('scam');
  });

  it('does not fire when the fee is denied or free', () => {
    expect(names(score('Rekrutmen petugas PPSU tidak dipungut biaya apa pun, daftar di kelurahan'))).not.toContain('scam');
    expect(names(score('Promo gratis ongkir untuk pesanan kue lebaran, order via WA'))).not.toContain('scam');
    expect(names(score('Bantuan biaya pendidikan KJP cair minggu ini'))).not.toContain('scam');
  });
});

describe('suspicious_link', () => {
  it('flags a URL shortener, also written without https', () => {
    const r = score('Cek daftar wilayah yang akan dimatikan listriknya: https://bit.ly/3xYzAbc');
    expect(evidenceOf(r, 'suspicious_link')).toEqual(['pemendek tautan bit.ly']);
    expect(r.level).toBe('low');
    expect(names(score('daftar bansos cair cek s.id/bansos-dki'))).toContain('suspicious_link');
  });

  it('flags lookalikes of official domains but not the real ones', () => {
    const fake = score('Daftar bantuan banjir di https://jakarta-go-id.com/bantuan');
    expect(evidenceOf(fake, 'suspicious_link')).toEqual(['tiruan situs resmi jakarta-go-id.com']);
    expect(names(score('Daftar di jakartagoid.net/daftar'))).toContain('suspicious_link');
    expect(evidenceOf(score('Aktivasi di bankdki-aktivasi.site'), 'suspicious_link')).toEqual(['tiruan situs resmi bankdki-aktivasi.site']);

    const real = score('Daftar bantuan banjir di https://jakarta.go.id/bantuan');
    expect(names(real)).not.toContain('suspicious_link');
    expect(names(real)).toContain('official_link');
    expect(real.score).toBe(0);
    expect(names(score('Jadwal resmi di transjakarta.co.id'))).toContain('official_link');
  });

  it('flags throwaway domains and official-sounding free mailboxes', () => {
    expect(evidenceOf(score('Info lengkap: promo-akhir-tahun.top'), 'suspicious_link')).toHaveLength(1);
    expect(evidenceOf(score('Kirim CV ke rekrutmen.pemprovdki@gmail.com'), 'suspicious_link')).toEqual([
      'email gratisan atas nama resmi rekrutmen.pemprovdki@gmail.com',
    ]);
    expect(names(score('Kirim CV ke rina.kedai@gmail.com ya'))).not.toContain('suspicious_link');
  });
});

describe('known_claim', () => {
  const claim = (similarity: number): ClaimMatch => ({
    claim: {
      id: 'seed-x',
      text: 'Telur ayam ras disuntik pewarna kimia',
      rating: 'salah',
      source: 'https://cekfakta.com/search?q=telur+pewarna',
    },
    similarity,
    matched: ['telur', 'suntik', 'pewarna'],
  });
  const text = 'Telur ayam ras sekarang disuntik pewarna kimia biar kuningnya cerah';

  it('shows the claim, its rating and the debunk link', () => {
    const r = score(text, { claim: claim(0.9) });
    expect(evidenceOf(r, 'known_claim')[0]).toBe(
      '"Telur ayam ras disuntik pewarna kimia" (salah) https://cekfakta.com/search?q=telur+pewarna',
    );
    expect(evidenceOf(r, 'known_claim')[1]).toMatch(/^kemiripan 90%: telur, suntik, pewarna$/);
  });

  it('weighs more the closer the match; a close match alone reaches medium', () => {
    expect(weightOf(score(text, { claim: claim(0.9) }), 'known_claim')).toBeGreaterThan(
      weightOf(score(text, { claim: claim(0.6) }), 'known_claim') ?? 1,
    );
    expect(flagged(score(text, { claim: claim(0.8) }))).toBe(true);
    expect(flagged(score(text))).toBe(false);
  });

  it('is cancelled when the post debunks the claim', () => {
    const r = score('Cek fakta: klaim telur ayam ras disuntik pewarna kimia itu hoaks', { claim: claim(0.9) });
    expect(names(r)).toEqual(expect.arrayContaining(['known_claim', 'debunk']));
    expect(flagged(r)).toBe(false);
  });
});

describe('account', () => {
  const text = 'Tolong bantu share ya';
  const postedAt = '2026-11-26T12:00:00Z';

  it('fires for a very new account, measured at the time of posting', () => {
    const r = score(text, { postedAt, author: { createdAt: '2026-11-23T08:00:00Z', followers: 40, following: 90 } });
    expect(evidenceOf(r, 'account')).toEqual(['akun berumur 3 hari']);
    expect(names(score(text, { author: { createdAt: '2026-11-23T08:00:00Z' } }))).not.toContain('account');
    expect(names(score(text, { postedAt, author: { createdAt: '2024-01-01T00:00:00Z' } }))).not.toContain('account');
  });

  it('fires for an extreme following ratio and for no followers at all', () => {
    const r = score(text, { postedAt, author: { createdAt: '2020-01-01T00:00:00Z', followers: 0, following: 1500 } });
    expect(evidenceOf(r, 'account')).toEqual(['mengikuti 1500 akun, diikuti 0', 'tanpa pengikut']);
    expect(names(score(text, { author: { followers: 300, following: 900 } }))).not.toContain('account');
  });

  it('never fires for a verified account, and alone it stays below medium', () => {
    const author = { createdAt: '2026-11-25T00:00:00Z', followers: 0, following: 2000, verified: true };
    expect(names(score(text, { postedAt, author }))).not.toContain('account');
    const r = score('Jakarta hari ini cerah', { postedAt, author: { ...author, verified: false } });
    expect(names(r)).toContain('account');
    expect(flagged(r)).toBe(false);
  });

  it('ignores dates it cannot read', () => {
    expect(names(score(text, { postedAt: 'kemarin', author: { createdAt: 'bukan tanggal' } }))).not.toContain('account');
  });
});

describe('coordinated and withIndicator', () => {
  it('builds the indicator with evidence a PR officer reads', () => {
    expect(coordinatedIndicator(7, 15)).toEqual({
      name: 'coordinated',
      weight: expect.any(Number),
      evidence: ['teks sama dari 7 akun dalam 15 menit'],
    });
    expect(coordinatedIndicator(1, 15).weight).toBe(0);
    expect(coordinatedIndicator(10, 15).weight).toBeGreaterThan(coordinatedIndicator(3, 15).weight);
  });

  it('alone stays below medium; with a call to share or alarm it reaches medium from three accounts', () => {
    const plain = score('Transjakarta koridor 1 hari ini ramai sekali');
    expect(flagged(withIndicator(plain, coordinatedIndicator(20, 15)))).toBe(false);
    for (const text of ['Tolong sebarkan ke grup RT', 'AWAS, jalanan licin di Kuningan']) {
      const before = score(text);
      expect(flagged(before)).toBe(false);
      expect(flagged(withIndicator(before, coordinatedIndicator(3, 15)))).toBe(true);
    }
  });

  it('recomputes score and level from the whole list, and replaces an indicator of the same name', () => {
    const base = score('Tolong sebarkan ke grup RT');
    const once = withIndicator(base, coordinatedIndicator(3, 15));
    const again = withIndicator(once, coordinatedIndicator(12, 15));
    expect(again.indicators.filter((i) => i.name === 'coordinated')).toHaveLength(1);
    expect(again.score).toBe(hoaxScore(again.indicators));
    expect(again.score).toBeGreaterThan(once.score);
    expect(again.level).toBe(hoaxLevel(again.score));
  });

  it('hoaxScore is the noisy-OR of the positive weights minus the counters, clamped', () => {
    const i = (name: string, weight: number): { name: string; weight: number; evidence: string[] } => ({ name, weight, evidence: [] });
    expect(hoaxScore([i('a', 0.4), i('b', 0.5)])).toBeCloseTo(0.7, 3);
    expect(hoaxScore([i('a', 0.4), i('b', 0.5), i('c', -0.2)])).toBeCloseTo(0.5, 3);
    expect(hoaxScore([i('a', 0.3), i('c', -0.6)])).toBe(0);
    expect(hoaxScore([])).toBe(0);
  });
});

describe('counter-signals', () => {
  it('debunk: fact-check words, in Indonesian and English', () => {
    for (const text of [
      '[HOAKS] Pesan soal KRL gratis sebulan tidak benar',
      'Klarifikasi: tidak ada pemadaman listrik se-Jakarta besok',
      'Faktanya, stok beras di Jakarta aman untuk tiga bulan',
      'Itu disinformasi, videonya video lama dari 2019',
      'Fact check: the claim that Ancol will be hit by a tsunami is false',
      'Jangan percaya pesan berantai soal razia KTP itu ya',
    ])
      expect(names(score(text))).toContain('debunk');
    // "Ini faktanya:" asserts; "jangan percaya media" is conspiracy, not a debunk.
    expect(names(score('Ini faktanya: semua sudah diatur'))).not.toContain('debunk');
    expect(names(score('Jangan percaya media, mereka dibayar'))).not.toContain('debunk');
  });

  it('debunk: the hoax it quotes does not count against it', () => {
    const r = score(
      'Ini contoh pesan hoaks yang beredar: "AWAS!!! Pintu air Manggarai jebol, SEBARKAN ke semua grup sebelum dihapus!!!". Tidak benar, status normal.',
    );
    expect(names(r)).toContain('debunk');
    expect(names(r)).not.toEqual(expect.arrayContaining(['call_to_share']));
    expect(r.level).toBe('none');
  });

  it('official_source: the agency as speaker, cited source or closing handle', () => {
    expect(evidenceOf(score('BMKG: hujan lebat di Jakarta Selatan sore ini'), 'official_source')).toEqual(['bicara atas nama BMKG']);
    expect(evidenceOf(score('Tinggi muka air naik. Sumber: BPBD DKI'), 'official_source')).toEqual(['sumber: BPBD DKI']);
    expect(evidenceOf(score('Jalan Gatot Subroto padat. Update berkala di @TMCPoldaMetro'), 'official_source')).toEqual([
      'sumber: @TMCPoldaMetro',
    ]);
    // A handle addressed in a complaint is not a source.
    expect(names(score('@PLN123 tolong dong listrik mati terus di Duren Sawit'))).not.toContain('official_source');
  });

  it('official_source never takes the score below the hearsay it stands next to, and counts not at all next to a scam', () => {
    const borrowed = score('BMKG: gempa besar besok pagi, info dari orang dalam');
    const hearsay = weightOf(borrowed, 'hearsay') ?? 1;
    expect(borrowed.score).toBeGreaterThanOrEqual(hearsay);
    expect(flagged(borrowed)).toBe(true);
    const scam = score('Pemprov DKI: Selamat, Anda terpilih menerima bansos, transfer biaya administrasi Rp 100.000 dulu');
    expect(names(scam)).not.toContain('official_source');
    expect(flagged(scam)).toBe(true);
  });

  it('news_outlet: a named outlet, or wire style', () => {
    expect(evidenceOf(score('Kompas.com - Banjir 60 cm merendam Cipinang Melayu'), 'news_outlet')).toEqual(['media: Kompas.com']);
    expect(names(score('Dua rumah terbakar di Tambora, kata Kepala Sektor Damkar.'))).toContain('news_outlet');
    expect(names(score('Sebarkan ke grup ya, tempo hari banjir lagi'))).not.toContain('news_outlet');
  });

  it('personal_appeal: a missing person or pet, a blood donor, a found wallet', () => {
    expect(names(score('Dompet cokelat ditemukan di KRL, yang merasa kehilangan hubungi saya. Tolong share'))).toContain('personal_appeal');
    expect(names(score('AWAS!!! Info dari orang dalam, sebarkan, kucing hilang sejak kemarin'))).not.toContain('personal_appeal');
  });
});

describe('hard negatives', () => {
  it('an official BPBD warning with WASPADA and "mohon disebarkan" is not medium', () => {
    const r = score(
      'BPBD DKI: WASPADA banjir rob di pesisir Jakarta Utara 3–6 Desember!!! Warga Muara Angke dan Kamal Muara diimbau mengamankan barang. Mohon disebarkan ke warga.',
    );
    expect(names(r)).toEqual(expect.arrayContaining(['alarm', 'call_to_share', 'official_source']));
    expect(flagged(r)).toBe(false);
  });

  it('an official warning written in capitals with a handle is not medium', () => {
    const r = score('SIAGA 2 PINTU AIR KARET PUKUL 20.00 WIB!!! WARGA BANTARAN DIIMBAU WASPADA. SEBARKAN! Info resmi di @BPBDJakarta');
    expect(flagged(r)).toBe(false);
  });

  it('an official warning about scams is not a scam', () => {
    const r = score(
      'Waspada penipuan! Pemprov DKI tidak pernah meminta transfer, biaya pendaftaran atau kode OTP untuk bansos dan lowongan. Info: jakarta.go.id',
    );
    expect(names(r)).not.toContain('scam');
    expect(flagged(r)).toBe(false);
  });

  it('a debunk that quotes the hoax is none', () => {
    const r = score('Pesan "vaksin campak di posyandu mengandung chip, jangan mau, viralkan!!!" itu hoaks. Dinkes sudah menjelaskan.');
    expect(r.level).toBe('none');
  });

  it('breaking news from an outlet is not medium', () => {
    const r = score('BREAKING NEWS — detikcom: Kebakaran di Pasar Senen, 20 mobil pemadam dikerahkan. Belum ada laporan korban.');
    expect(names(r)).toContain('news_outlet');
    expect(flagged(r)).toBe(false);
  });

  it('an angry honest complaint in capitals is not medium', () => {
    const r = score('SUDAH TIGA HARI AIR MATI DI PADEMANGAN!!! KATANYA PERBAIKAN PIPA TAPI GAK ADA PENGUMUMAN!!! KAMI MANDI PAKAI APA???');
    expect(names(r)).toContain('shouting');
    expect(flagged(r)).toBe(false);
  });

  it('a lost-cat share request, even urgent, is not medium', () => {
    const r = score(
      'TOLONG BANTU SHARE!!! Kucing oren kami Jeruk hilang sejak Selasa di Tebet Barat, kalung merah. Ada imbalan, hubungi saya 🙏',
    );
    expect(names(r)).toEqual(expect.arrayContaining(['call_to_share', 'personal_appeal']));
    expect(flagged(r)).toBe(false);
  });

  it('a shop giveaway in English, and one from a brand account, are not medium', () => {
    expect(flagged(score('Our cafe turns 3! Share this post and tag a friend for a chance to win a free cake. Winners on our IG.'))).toBe(
      false,
    );
    expect(
      flagged(
        score(
          'GIVEAWAY dari akun resmi @tokobuku.senja: follow, like, share ke 3 teman. Pemenang diumumkan di story, kami tidak pernah minta ongkir.',
        ),
      ),
    ).toBe(false);
  });

  it('an official warning about an .apk scam is not medium', () => {
    const r = score(
      'Waspada penipuan mengatasnamakan Dukcapil! Jangan unduh berkas .apk atau klik tautan dari nomor tak dikenal. Dukcapil tidak pernah meminta kode OTP.',
    );
    expect(names(r)).not.toContain('scam');
    expect(flagged(r)).toBe(false);
  });

  it('a named charity with its own account is not medium', () => {
    expect(flagged(score('Yayasan Kasih Anak membuka donasi banjir: Mandiri 1230009876 a.n. Yayasan Kasih Anak. Bantu sebarkan ya'))).toBe(
      false,
    );
  });

  it('an urgent blood donor request is not medium', () => {
    expect(flagged(score('URGENT!! Butuh donor darah A+ untuk ibu saya di RSUD Pasar Rebo, hubungi 0812xxxx. Mohon bantu sebarkan'))).toBe(
      false,
    );
  });
});

describe('hoaxes of each kind', () => {
  it.each([
    ['chain', 'Info A1 dari orang dalam: mulai besok semua ATM di Jakarta offline 3 hari. Tarik uang sekarang, teruskan ke grup keluarga!'],
    ['health', 'Air rebusan sereh menyembuhkan kanker stadium akhir, dokter tidak mau kasih tahu karena bisnis. Bagikan!'],
    ['disaster', 'WASPADA!!! Tsunami akan menerjang Ancol malam ini, BMKG sengaja diam. Segera mengungsi, sebarkan!!!'],
    ['scam', 'Selamat, nomor Anda memenangkan hadiah Rp 10 juta dari Bank DKI. Hubungi kami dan siapkan biaya pajak Rp 500 ribu.'],
    ['forwarded chain', 'Forward dari WA keluarga: nanti malam jam 1 sinyal HP dimatikan serentak, kirim ke semua kontak sekarang'],
    ['prayer chain', 'Doa ini dari Madinah. Siapa yang menyebarkan ke 9 grup akan dijauhkan dari musibah. Jangan berhenti di kamu.'],
    [
      'fake charity',
      'Kebakaran di Penjaringan, 30 keluarga butuh bantuan. Donasi via DANA 0813-5555-1212 a.n. Wati, bukti transfer kirim ke sini',
    ],
    ['code scam', 'Bapak, ini petugas bank. Sistem sudah mengirim kode 6 digit, mohon disampaikan kodenya untuk membatalkan transaksi'],
    ['one-cue rumour', 'Baru dengar dari satpam kompleks, mulai besok air PAM dimatikan tiga hari'],
    [
      'coordinated style',
      'Kenapa tidak ada media yang berani memberitakan penggusuran ini? Semua sudah diatur! RT sebanyak-banyaknya #UsutTuntas',
    ],
  ])('flags a %s hoax', (_kind, text) => {
    expect(flagged(score(text))).toBe(true);
  });
});
