import { LEXICON_ENTRIES, LEXICON_ID } from '../../shared/classify/lexicon-id';
import { normalise } from '../../shared/classify/normalise';
import { analyseSentiment } from '../../shared/classify/sentiment';
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

describe('analyseSentiment (English and undetermined)', () => {
  it('uses AFINN for English', () => {
    const r = analyse('The service was great, very helpful staff', 'en');
    expect(r.label).toBe('positive');
    expect(r.words.map((w) => w.word)).toContain('great');
    expect(analyse('garbage everywhere, smells terrible', 'en').label).toBe('negative');
  });

  it('takes the language with more scored words when undetermined', () => {
    expect(analyse('mantap', 'und').label).toBe('positive');
    expect(analyse('terrible', 'und').label).toBe('negative');
  });
});

describe('LEXICON_ID', () => {
  it('has at least 1,500 entries, each once, scored within −5..5', () => {
    expect(Object.keys(LEXICON_ID).length).toBeGreaterThanOrEqual(1500);
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

  it('keeps neutral city topics out and city problems negative', () => {
    for (const w of ['air', 'hujan', 'jalan', 'warga']) expect(LEXICON_ID[w]).toBeUndefined();
    for (const w of ['banjir', 'macet', 'pungli', 'korupsi', 'kumuh']) expect(LEXICON_ID[w]).toBeLessThan(0);
  });
});
