import { normalise } from '../../shared/classify/normalise';
import { analyseSentiment, SARCASM_MARKER } from '../../shared/classify/sentiment';
import type { Language } from '../../shared/classify/types';

/** As `pantau classify` calls it: the post as written goes along, so its punctuation and casing count. */
const analyse = (text: string, lang: Language = 'id') => analyseSentiment(normalise(text), lang, { text });

describe('analyseSentiment (stance or description)', () => {
  it('reads events named with no voice of the writer as description, and the same events complained about as negative', () => {
    const report = analyse('Sebagian jalan di Cipinang tergenang sejak pagi');
    expect(report.label).toBe('neutral');
    expect(report.words.map((w) => w.word)).toContain('tergenang');
    expect(analyse('Kecelakaan beruntun di tol dalam kota pagi tadi').score).toBeGreaterThan(-1);
    expect(analyse('Jalan di Cipinang tergenang sejak pagi, saya kesal banget').label).toBe('negative');
    expect(analyse('Jalan di Cipinang tergenang sejak pagi, kapan sih dibenerin?!').label).toBe('negative');
  });

  it('keeps the writer judging when a judgement stands beside the events', () => {
    expect(analyse('Antrean panjang di bank, pelayanannya payah').label).toBe('negative');
  });

  it('damps a wire-style dateline and an agency tag', () => {
    const wire = analyse('JAKARTA (ANTARA) - Warga mengeluhkan jalan rusak di Cakung');
    expect(wire.label).toBe('neutral');
    expect(analyse('Warga mengeluhkan jalan rusak di Cakung').label).toBe('negative');
  });

  it('damps promotions and posts that point readers elsewhere', () => {
    expect(analyse('Diskon tiket konser untuk pemegang kartu pelajar, cek di aplikasi').label).toBe('neutral');
    expect(analyse('Jadwal vaksinasi booster bulan ini sudah keluar, info lengkap di website dinkes').label).toBe('neutral');
  });

  it('damps English reports and information questions, not English complaints', () => {
    expect(analyse('Officials announced the flyover will be closed due to damage', 'en').label).toBe('neutral');
    expect(analyse('Which bus is best from Blok M to Senayan on weekends?', 'en').label).toBe('neutral');
    expect(analyse('The flyover is closed again and the detour is a total mess, so annoying', 'en').label).toBe('negative');
  });

  it('reads an English headline as a report', () => {
    const r = analyse('City Administration To Extend Odd-Even Traffic Policy To Ten More Roads', 'en');
    expect(r.label).toBe('neutral');
  });

  it('still hears a missing announcement as a complaint', () => {
    expect(analyse('KRL delayed 45 minutes with zero announcement, what a mess', 'en').label).toBe('negative');
  });

  it('hears a contrast as the writer weighing things, even beside a price or a promotion', () => {
    expect(analyse('percuma banyak promo, tapi jaringannya payah').label).toBe('negative');
  });

  it('reads an English attribution (said, says, told, reports) as a report', () => {
    const reported = analyse('The mayor said the new stadium will help local businesses', 'en');
    expect(reported.label).toBe('neutral');
    expect(reported.words.map((w) => w.word)).toEqual(['help']);
    expect(analyse('Officials told reporters the stadium will help local businesses', 'en').label).toBe('neutral');
    expect(analyse('My neighbour said the new stadium is awful', 'en').label).toBe('negative');
  });

  it('does not take one mild word in a long informational post as a stance', () => {
    const notice = analyse('Free entry for kids under 12 at the museum this Sunday, sign up at the desk', 'en');
    expect(notice.label).toBe('neutral');
    expect(notice.score).toBeGreaterThan(0);
    expect(analyse('Bazar UMKM digelar 12-14 Juli di lapangan kelurahan, tersedia stand gratis untuk warga').label).toBe('neutral');
  });

  it('keeps a mild judgement where the writer speaks, weighs, negates or the post is short', () => {
    expect(analyse('Free entry for kids under 12 at the museum this Sunday, love it', 'en').label).toBe('positive');
    expect(analyse('Museum entry is free and the staff are lovely', 'en').label).toBe('positive');
    expect(analyse('Bazar UMKM digelar 12-14 Juli, jajanannya enak banget dan murah').label).toBe('positive');
    expect(analyse('Antrean di loket 3 cuma 10 menit, tapi petugasnya kurang ramah').label).toBe('negative');
  });

  it('reads English irony phrases, a closing /s and an eye-roll beside praise as sarcasm', () => {
    const ironic = analyse('Oh great, the train is late again. Wonderful start to the week', 'en');
    expect(ironic.label).toBe('negative');
    expect(ironic.words.map((w) => w.word)).toContain(SARCASM_MARKER);
    expect(analyse('Just what I needed, a flat tyre on the way to the airport. Perfect', 'en').label).toBe('negative');
    expect(analyse('Great job on the new update /s', 'en').label).toBe('negative');
    expect(analyse('The bridge reopened today, wonderful news 🙄', 'en').label).toBe('negative');
  });

  it('reads a frame also said sincerely (love how) as sarcasm only beside a bad situation or a figure', () => {
    expect(analyse('Love how the app logs me out every 5 minutes', 'en').label).toBe('negative');
    expect(analyse('Love how friendly the staff are at this cafe', 'en').label).toBe('positive');
    expect(analyse('Wonderful evening at the night market ❤️', 'en').label).toBe('positive');
  });

  it('reads washing hands with soap as a health message, and washing hands of a duty as blame', () => {
    expect(analyse('Hari Cuci Tangan: biasakan cuci tangan pakai sabun sebelum makan').label).toBe('neutral');
    expect(analyse('Pejabatnya cuci tangan, gak mau tanggung jawab').label).toBe('negative');
  });

  it('reads a health campaign call (ayo, yuk, gratis, digelar, sasaran) as information', () => {
    const call = analyse('Ayo imunisasi anak di posyandu terdekat, gratis untuk balita');
    expect(call.label).toBe('neutral');
    expect(call.words.map((w) => w.word)).toEqual(['gratis']);
    expect(analyse('Imunisasi anak di posyandu kemarin cepat dan gratis, bidannya ramah banget').label).toBe('positive');
  });

  it('reads diseases named with no voice as description, and a resident fearing them as negative', () => {
    const news = analyse('Kasus DBD meningkat di Jakarta Timur pekan ini');
    expect(news.words.map((w) => w.word)).toEqual(['dbd']);
    expect(news.score).toBeGreaterThan(-1);
    expect(analyse('Gw takut banget vaksin, katanya bikin demam tinggi').label).toBe('negative');
  });

  it('reads a disease brought to zero as good news, not as irony after praise', () => {
    const r = analyse('Salut sama kader jumantik, rajin keliling cek jentik tiap minggu. DBD di RW kami nol tahun ini');
    expect(r.label).toBe('positive');
    expect(r.words.map((w) => w.word)).not.toContain(SARCASM_MARKER);
  });
});
