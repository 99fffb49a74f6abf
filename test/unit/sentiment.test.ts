import { LEXICON_ENTRIES, LEXICON_ID } from '../../shared/classify/lexicon-id';
import { normalise } from '../../shared/classify/normalise';
import { analyseSentiment, isHeadline, SARCASM_MARKER, SENTIMENT_THRESHOLDS, stemToLexicon } from '../../shared/classify/sentiment';
import type { Language } from '../../shared/classify/types';

const analyse = (text: string, lang: Language = 'id') => analyseSentiment(normalise(text), lang);

describe('analyseSentiment (Indonesian)', () => {
  it('reads a negated positive as negative and explains it with the word', () => {
    const r = analyse('Banjir lagi, pemerintah gak becus!!');
    expect(r.label).toBe('negative');
    const becus = r.words.find((w) => w.word === 'becus');
    expect(becus?.score).toBeLessThan(0);
    expect(r.words.map((w) => w.word)).toContain('banjir');
  });

  it('reads praise of a public service as positive', () => {
    const r = analyse('Pelayanan puskesmas ramah dan cepat, mantap');
    expect(r.label).toBe('positive');
    expect(r.score).toBeGreaterThanOrEqual(5);
  });

  it('does not read a negated negative as negative', () => {
    expect(analyse('tidak buruk').label).not.toBe('negative');
    expect(analyse('tidak buruk').score).toBeGreaterThan(0);
  });

  it('lets the clause after tapi decide', () => {
    const withTapi = analyse('bagus sih tapi mahal banget');
    const without = analyse('bagus sih mahal banget');
    expect(withTapi.score).toBeLessThan(without.score);
    expect(analyse('bagus sih programnya tapi pelaksanaannya amburadul').label).toBe('negative');
    expect(analyse('agak mahal, tapi enak banget').label).toBe('positive');
  });

  it('reads tidak hanya … tetapi juga as addition, not contrast', () => {
    expect(analyse('tidak hanya enak tetapi juga murah').score).toBeGreaterThan(analyse('enak').score);
  });

  it('keeps negation inside its clause', () => {
    expect(analyse('tidak ada masalah, pelayanan ramah').label).toBe('positive');
    expect(analyse('antrean tidak ada, petugas ramah').words.find((w) => w.word === 'ramah')?.score).toBeGreaterThan(0);
  });

  it('intensifies with banget/sangat and softens kurang/agak', () => {
    expect(analyse('macet banget').score).toBeLessThan(analyse('macet').score);
    expect(analyse('sangat bagus').score).toBeGreaterThan(analyse('bagus').score);
    expect(analyse('kurang bagus').label).toBe('negative');
    expect(analyse('tidak terlalu bagus').score).toBeGreaterThan(analyse('tidak bagus').score);
    expect(analyse('tidak terlalu bagus').label).toBe('negative');
  });

  it('flips a positive after every Indonesian negator, slang ones included', () => {
    for (const neg of ['tidak', 'tak', 'gak', 'nggak', 'ga', 'enggak', 'bukan', 'belum', 'jangan']) {
      expect(analyse(`${neg} bagus`).label).toBe('negative');
    }
    expect(analyse('belum ada perbaikan, jangan bangga').label).toBe('negative');
  });

  it('intensifies with sekali, paling and terlalu, before or after the word', () => {
    expect(analyse('bersih sekali').score).toBeGreaterThan(analyse('bersih').score);
    expect(analyse('paling kotor').score).toBeLessThan(analyse('kotor').score);
    expect(analyse('terlalu mahal').score).toBeLessThan(analyse('mahal').score);
  });

  it('weighs the clause after namun more than the one before', () => {
    const r = analyse('Petugasnya ramah, namun antreannya kacau dan lama');
    expect(r.label).toBe('negative');
    expect(r.words.find((w) => w.word === 'ramah')?.score).toBe(1.5);
  });

  it('counts affixed forms through their root, and the fallback can be turned off', () => {
    expect(LEXICON_ID.kebanjiran).toBeLessThan(0); // frequent forms are listed themselves
    expect(stemToLexicon('kebanjiranlah')).toBe('kebanjiran');
    expect(stemToLexicon('kebanjirannya')).toBe('kebanjiran');
    expect(stemToLexicon('menyebalkannya')).toBe('menyebalkan');
    expect(stemToLexicon('dikecewakannya')).toBe('dikecewakan');
    expect(stemToLexicon('kebersihannya')).toBeUndefined(); // kebersihan is a topic, not praise
    expect(stemToLexicon('menawarkan')).toBeUndefined(); // to offer, not `tawar` (bland)
    expect(stemToLexicon('badan')).toBeUndefined(); // body, not English `bad`
    expect(stemToLexicon('dikotorinya')).toBe('dikotori');
    expect(stemToLexicon('kemacetannya')).toBe('kemacetan');
    expect(stemToLexicon('ngerusak')).toBe('rusak');
    expect(stemToLexicon('disusahin')).toBe('susah');
    const norm = normalise('warga disusahin terus');
    expect(analyseSentiment(norm, 'id').label).toBe('negative');
    expect(analyseSentiment(norm, 'id', { affixFallback: false }).label).toBe('neutral');
  });

  it('scores city-life phrases as one unit', () => {
    const r = analyse('pompa mati, got mampet, air masuk rumah');
    expect(r.label).toBe('negative');
    expect(r.words.map((w) => w.word)).toEqual(expect.arrayContaining(['mati', 'mampet', 'air masuk rumah']));
    expect(analyse('rumah sakit penuh, kamar penuh').words.map((w) => w.word)).toContain('kamar penuh');
    expect(analyse('aduan saya langsung ditindaklanjuti').label).toBe('positive');
    expect(analyse('laporan tidak ditanggapi').label).toBe('negative');
  });

  it('damps a report or a request for information that has no voice of its writer', () => {
    const headline = analyse('Polisi selidiki penyebab kebakaran gedung di Cideng');
    const complaint = analyse('kebakaran lagi, saya kesal');
    expect(headline.label).toBe('neutral');
    expect(headline.words.find((w) => w.word === 'kebakaran')?.score).toBeGreaterThan(-1);
    expect(complaint.label).toBe('negative');
    expect(analyse('info dong, jalan di Kemang banjir parah').label).toBe('negative');
  });

  it('flips ironic praise of a bad situation, with or without emoji, and says so', () => {
    for (const text of [
      'mantap, banjir lagi 🙃',
      'hebat ya, 3 jam nunggu bus',
      'keren bgt pelayanannya, antre dari subuh belum dipanggil',
      'makasih loh PLN, mati lampu lagi seharian',
      'Terima kasih PLN atas hadiah mati lampu 5 jam. Sangat berkesan 🙂',
      'pelayanan dukcapil cepet bgt kok, cuma butuh 3 bulan 🤡',
      'Banjir lagi, 3 hari gak surut. Mantap pemprov',
      'Katanya kota maju, banjir tiap tahun',
    ]) {
      const r = analyse(text);
      expect(r.label).toBe('negative');
      expect(r.words.map((w) => w.word)).toContain(SARCASM_MARKER);
    }
    const r = analyse('mantap, banjir lagi 🙃');
    expect(r.words.find((w) => w.word === 'mantap')?.score).toBeLessThan(0);
    // Applause beside ironic praise is part of the irony.
    expect(analyse('hebat ya, 3 jam nunggu bus 👏').words.find((w) => w.word === '👏')?.score).toBeLessThan(0);
  });

  it('keeps sincere praise positive, even with a fixed problem or a duration in it', () => {
    for (const text of [
      'mantap, jalannya udah diperbaiki',
      'Mantap, banjir udah surut',
      'Makasih ya petugas PPSU, jalanan selalu bersih',
      'Keren banget MRT, 10 menit sampai Blok M',
      'keren parah perpustakaannya, gratis',
      'Senang lihat warga gotong royong bantu korban banjir ❤️',
      'Kebakaran di Tambora, damkar datang 10 menit. Mantap',
      'Atas nama warga, kami berterima kasih atas bantuan logistik selama banjir.',
    ]) {
      const r = analyse(text);
      expect(r.label).toBe('positive');
      expect(r.words.map((w) => w.word)).not.toContain(SARCASM_MARKER);
    }
  });

  it('keeps headlines, agency notices and questions asking for information neutral', () => {
    for (const text of [
      'BPBD: 12 RT di Jakarta Timur tergenang, warga diimbau waspada',
      'Menurut BPBD, banjir merendam 30 rumah di Cipinang Melayu pukul 09.00 WIB',
      'PLN umumkan pemadaman di sebagian wilayah Jakarta Selatan',
      'ada yang tau kenapa KRL gangguan pagi ini?',
      'Jalan dari Kampung Melayu ke Casablanca sekarang macet gak?',
    ]) {
      expect(analyse(text).label).toBe('neutral');
    }
  });

  it('keeps complaints asked as questions negative', () => {
    for (const text of ['kapan sih dibenerin??', 'kenapa gak pernah diperbaiki?', 'Pak, kapan jalan kami diperbaiki? udah bolong semua']) {
      expect(analyse(text).label).toBe('negative');
    }
    expect(analyse('kapan sih dibenerin??').words).toContainEqual({ word: 'kapan', score: -2 });
    expect(analyse('Lift stasiun mati. Mohon diperbaiki').label).toBe('negative');
  });

  it('finds affixed and informal forms through the stemmer', () => {
    expect(analyse('pelayanannya dikecewakannya').label).toBe('negative');
    expect(analyse('nyusahin warga aja').label).toBe('negative');
  });

  it('does not score topical words of city life, nor sakit inside rumah sakit', () => {
    expect(analyse('hujan turun, air di jalan').label).toBe('neutral');
    expect(analyse('ke rumah sakit tarakan').label).toBe('neutral');
    expect(analyse('kebijakan kesehatan gubernur').label).toBe('neutral');
  });

  it('scores emoji on their own', () => {
    const r = analyse('transjakarta 😡');
    expect(r.label).toBe('negative');
    expect(r.words).toContainEqual({ word: '😡', score: -3 });
  });

  it('is neutral on empty text and reports comparative as score per token', () => {
    expect(analyse('')).toEqual({ label: 'neutral', score: 0, comparative: 0, words: [] });
    const r = analyse('banjir parah');
    expect(r.comparative).toBeCloseTo(r.score / 2, 2);
  });
});

describe('analyseSentiment (register, places, emphasis, mixed clauses)', () => {
  const withText = (text: string, places: { name: string }[] = []) => {
    const norm = normalise(text);
    return analyseSentiment(norm, 'id', { text, places });
  };

  it('damps a title-case headline that piles up event words, but not the same words in a post', () => {
    const headline = 'Banjir Rob Rendam Permukiman Warga, Puluhan Keluarga Mengungsi ke Musala';
    expect(isHeadline(headline)).toBe(true);
    expect(withText(headline).label).toBe('neutral');
    const post = 'banjir rob rendam rumah kami lagi, puluhan keluarga mengungsi ke musala';
    expect(isHeadline(post)).toBe(false);
    expect(withText(post).label).toBe('negative');
  });

  it('does not take shouting, exclamations or short lines for headlines', () => {
    expect(isHeadline('AWAS BANJIR BESAR DATANG MALAM INI')).toBe(false);
    expect(isHeadline('Pelayanan Kelurahan Ini Luar Biasa Buruk!')).toBe(false);
    expect(isHeadline('Macet Parah')).toBe(false);
    expect(isHeadline('')).toBe(false);
  });

  it('gives place names no sentiment of their own', () => {
    const text = 'Lagi nunggu bus di halte Pondok Indah';
    expect(withText(text).label).toBe('positive'); // `indah` alone reads as praise
    const masked = withText(text, [{ name: 'Pondok Indah' }]);
    expect(masked.label).toBe('neutral');
    expect(masked.words).toEqual([]);
    // The rest of the post is still scored, and clause breaks still hold.
    expect(withText('Pondok Indah banjir lagi, parah', [{ name: 'Pondok Indah' }]).label).toBe('negative');
  });

  it('reads rhetorical negation as emphasis', () => {
    expect(withText('Gimana gak seneng, air PAM sekarang ngalir terus').label).toBe('positive');
    expect(withText('Siapa yang gak bangga punya MRT kayak gini').label).toBe('positive');
    expect(withText('gak pernah senyaman ini naik bus kota').label).toBe('positive');
    expect(withText('gak pernah nyaman naik bus kota').label).toBe('negative');
    expect(withText('Bukan main bersihnya taman kota sekarang').score).toBeGreaterThan(withText('bersihnya taman kota sekarang').score);
  });

  it('reads a receding problem as good news, but not falling rain', () => {
    expect(withText('Alhamdulillah kasus DBD di RW kami menurun bulan ini').label).toBe('positive');
    expect(withText('macet di Cawang udah berkurang').score).toBeGreaterThan(withText('macet di Cawang').score);
    expect(withText('hujan turun deras dari pagi, banjir lagi').label).toBe('negative');
    expect(withText('banjir tidak surut juga').label).toBe('negative');
  });

  it('reads an awaited service that did not come as a complaint, and the service alone as nothing', () => {
    const r = withText('Telepon ke kelurahan gak diangkat, lampu jalan belum nyala juga');
    expect(r.label).toBe('negative');
    expect(r.words.map((w) => w.word)).toEqual(expect.arrayContaining(['diangkat', 'nyala']));
    expect(withText('Petugas datang ke lokasi jam 9 pagi').score).toBe(0);
    expect(withText('tidak ada masalah sama sekali').label).toBe('positive');
    expect(withText('prosesnya gak sampai 5 menit').score).toBeGreaterThanOrEqual(0);
  });

  it('treats an information question as neutral even when it names a problem', () => {
    expect(withText('Kalau mau lapor jalan rusak, lewat JAKI atau ke kelurahan?').label).toBe('neutral');
    expect(withText('Syarat ngurus KTP hilang apa aja?').label).toBe('neutral');
    expect(withText('Kapan sih jalan rusak ini dibenerin??').label).toBe('negative');
  });

  it('scores the English clause of a code-mixed Indonesian post, and the Indonesian clause of an English one', () => {
    const id = withText('ugh, the traffic is terrible again. Gw udah di jalan dari jam 6');
    expect(id.label).toBe('negative');
    expect(id.words.map((w) => w.word)).toContain('terrible');
    const en = analyseSentiment(normalise('The new bus lane is done. Terima kasih banyak Pemprov'), 'en');
    expect(en.label).toBe('positive');
  });
});

describe('analyseSentiment (English and undetermined)', () => {
  it('uses AFINN for English', () => {
    const r = analyse('The service was great, very helpful staff', 'en');
    expect(r.label).toBe('positive');
    expect(r.words.map((w) => w.word)).toContain('great');
    expect(analyse('garbage everywhere, smells terrible', 'en').label).toBe('negative');
  });

  it('knows English social-media slang that AFINN lacks', () => {
    expect(analyse('the new bus app sucks', 'en').label).toBe('negative');
    expect(analyse('honestly the food was mid', 'en').label).toBe('negative');
    expect(analyse('this trash everywhere', 'en').label).toBe('negative');
    expect(analyse('transjakarta is the goat', 'en').label).toBe('positive');
  });

  it('reads fire and lit as praise only in a praise frame', () => {
    expect(analyse('this new station is fire', 'en').label).toBe('positive');
    expect(analyse('the night market was so lit', 'en').label).toBe('positive');
    expect(analyse('fire near the market, two houses burned', 'en').label).toBe('negative');
  });

  it('negates English as the package does, plus never and not very', () => {
    expect(analyse('the driver was not friendly', 'en').label).toBe('negative');
    expect(analyse('never clean', 'en').label).toBe('negative');
    expect(analyse('not bad', 'en').score).toBeGreaterThan(0);
    expect(analyse('not very good', 'en').score).toBeGreaterThan(analyse('not good', 'en').score);
    expect(analyse('it was good but the queue was terrible', 'en').label).toBe('negative');
  });

  it('takes the language with more scored words when undetermined', () => {
    expect(analyse('mantap', 'und').label).toBe('positive');
    expect(analyse('terrible', 'und').label).toBe('negative');
  });
});

describe('LEXICON_ID', () => {
  it('has at least 3,000 entries, each once, scored within −5..5', () => {
    expect(Object.keys(LEXICON_ID).length).toBeGreaterThanOrEqual(3000);
    const seen = new Map<string, number>();
    const duplicates: string[] = [];
    for (const entry of LEXICON_ENTRIES) {
      const key = entry.words.join(' ');
      if (seen.has(key) && seen.get(key) !== entry.score) duplicates.push(key);
      seen.set(key, entry.score);
      expect(entry.score).toBeGreaterThanOrEqual(-5);
      expect(entry.score).toBeLessThanOrEqual(5);
    }
    expect(duplicates).toEqual([]);
  });

  it('labels by the calibrated thresholds', () => {
    expect(SENTIMENT_THRESHOLDS.positive).toBeGreaterThan(0);
    expect(SENTIMENT_THRESHOLDS.negative).toBeLessThan(0);
    expect(analyse('agak ramai').label).toBe('neutral'); // a weak word alone stays under the threshold
  });

  it('keeps neutral city topics out and city problems negative', () => {
    for (const w of ['air', 'hujan', 'jalan', 'warga']) expect(LEXICON_ID[w]).toBeUndefined();
    for (const w of ['banjir', 'macet', 'pungli', 'korupsi', 'kumuh']) expect(LEXICON_ID[w]).toBeLessThan(0);
  });
});
