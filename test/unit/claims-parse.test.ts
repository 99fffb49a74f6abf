import { normaliseRating, parseClaimLine } from '../../shared/claims/parse';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import { CLAIM_RATINGS } from '../../shared/claims/types';

const good = {
  id: 'team-7',
  text: 'Pintu air Manggarai jebol dan Jakarta Pusat akan tenggelam malam ini',
  rating: 'salah',
  source: 'https://turnbackhoax.id/?s=manggarai+jebol',
  topic: 'bencana',
};
const line = (value: unknown): string => JSON.stringify(value);

describe('a line of a claims file', () => {
  test('a good line gives the claim; unknown fields are dropped, text and id trimmed', () => {
    expect(parseClaimLine(line({ ...good, id: ' team-7 ', text: ` ${good.text}\t`, note: 'x' }), 1)).toEqual({ ok: true, claim: good });
  });

  test('topic is optional', () => {
    const { topic: _topic, ...noTopic } = good;
    expect(parseClaimLine(line(noTopic), 1)).toEqual({ ok: true, claim: noTopic });
  });

  test('blank lines are skipped, not rejected', () => {
    expect(parseClaimLine('', 3)).toBeUndefined();
    expect(parseClaimLine('   \t', 3)).toBeUndefined();
  });

  test.each([
    ['id missing', { ...good, id: undefined }, 'line 7: id is required'],
    ['id empty', { ...good, id: '  ' }, 'line 7: id must not be empty'],
    ['id too long', { ...good, id: 'x'.repeat(129) }, 'line 7: id must be at most 128 characters'],
    ['id a number', { ...good, id: 12 }, 'line 7: id must be a string'],
    ['text missing', { ...good, text: undefined }, 'line 7: text is required'],
    ['text too short', { ...good, text: 'hoaks!' }, 'line 7: text must be at least 10 characters'],
    ['text too long', { ...good, text: 'a'.repeat(2001) }, 'line 7: text must be at most 2000 characters'],
    [
      'rating unknown',
      { ...good, rating: 'bohong' },
      'line 7: rating must be one of salah, menyesatkan, konten_palsu, konteks_keliru, penipuan (got "bohong")',
    ],
    ['rating missing', { ...good, rating: undefined }, 'line 7: rating is required'],
    [
      'rating not a string',
      { ...good, rating: 1 },
      'line 7: rating must be one of salah, menyesatkan, konten_palsu, konteks_keliru, penipuan',
    ],
    ['source missing', { ...good, source: undefined }, 'line 7: source is required'],
    ['source not a URL', { ...good, source: 'turnbackhoax' }, 'line 7: source must be an http(s) URL of the debunk'],
    ['source not http', { ...good, source: 'ftp://turnbackhoax.id/x' }, 'line 7: source must be an http(s) URL of the debunk'],
    ['topic empty', { ...good, topic: '' }, 'line 7: topic must not be empty when given'],
    ['topic not a string', { ...good, topic: ['a'] }, 'line 7: topic must be a string'],
  ])('names the line and the field: %s', (_case, value, error) => {
    expect(parseClaimLine(line(value), 7)).toEqual({ ok: false, error });
  });

  test('every problem of a line is named, not only the first', () => {
    expect(parseClaimLine(line({ id: 'a' }), 2)).toEqual({
      ok: false,
      error: 'line 2: text is required; rating is required; source is required',
    });
  });

  test('a line that is not JSON, or not an object', () => {
    expect(parseClaimLine('{"id": "a", ', 4)).toMatchObject({ ok: false, error: expect.stringMatching(/^line 4: not JSON \(/) });
    expect(parseClaimLine('["a"]', 5)).toEqual({ ok: false, error: 'line 5: expected a JSON object with id, text, rating and source' });
    expect(parseClaimLine('"a claim"', 6)).toEqual({ ok: false, error: 'line 6: expected a JSON object with id, text, rating and source' });
  });

  test('a byte-order mark on the first line is ignored', () => {
    expect(parseClaimLine(`\uFEFF${line(good)}`, 1)).toEqual({ ok: true, claim: good });
  });

  test('every seed claim is a valid line', () => {
    const bad = SEED_CLAIMS.map((c, i) => parseClaimLine(line(c), i + 1)).filter((r) => !r?.ok);
    expect(bad).toEqual([]);
  });
});

describe('ratings', () => {
  test('the canonical ratings, in any case or spacing', () => {
    for (const r of CLAIM_RATINGS) expect(normaliseRating(r)).toBe(r);
    expect(normaliseRating('SALAH')).toBe('salah');
    expect(normaliseRating('[KONTEN PALSU]')).toBe('konten_palsu');
    expect(normaliseRating('konteks-keliru')).toBe('konteks_keliru');
  });

  test('unambiguous labels used by fact-checkers map to a rating; the stored rating is the canonical one', () => {
    expect(normaliseRating('[HOAKS]')).toBe('salah');
    expect(normaliseRating('False')).toBe('salah');
    expect(normaliseRating('Misleading')).toBe('menyesatkan');
    expect(normaliseRating('Konten Tiruan')).toBe('konten_palsu');
    expect(normaliseRating('false context')).toBe('konteks_keliru');
    expect(normaliseRating('scam')).toBe('penipuan');
    expect(parseClaimLine(line({ ...good, rating: 'Konten Menyesatkan' }), 1)).toMatchObject({
      ok: true,
      claim: { rating: 'menyesatkan' },
    });
  });

  test('ambiguous or unknown labels are not guessed', () => {
    expect(normaliseRating('disinformasi')).toBeUndefined();
    expect(normaliseRating('benar')).toBeUndefined();
    expect(normaliseRating('')).toBeUndefined();
  });
});
