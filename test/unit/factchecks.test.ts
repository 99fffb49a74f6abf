import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClaimLine } from '../../shared/claims/parse';
import {
  claimsFromSearch,
  factCheckId,
  FactCheckResponseError,
  parseClaimsSearch,
  readVerdict,
  type ClaimsSearchResponse,
} from '../../shared/sources/factchecks';

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/factchecks', `${name}.json`), 'utf8');
const search = (name: string): ClaimsSearchResponse => parseClaimsSearch(fixture(name));

/** A response with one claim and one review, fields overridden as a test needs. */
function oneReview(review: Record<string, unknown>, claim: Record<string, unknown> = {}): ClaimsSearchResponse {
  return parseClaimsSearch(
    JSON.stringify({
      claims: [
        {
          text: 'Sirene peringatan banjir di Jakarta Timur berbunyi karena tanggul Kali Sunter jebol',
          claimant: 'Pesan berantai WhatsApp',
          ...claim,
          claimReview: [
            {
              publisher: { name: 'turnbackhoax.id', site: 'turnbackhoax.id' },
              url: 'https://turnbackhoax.id/2026/11/26/salah-tanggul-kali-sunter-jebol/',
              title: '[SALAH] Tanggul Kali Sunter Jebol',
              reviewDate: '2026-11-26T01:00:00Z',
              textualRating: 'Salah',
              languageCode: 'id',
              ...review,
            },
          ],
        },
      ],
    }),
  );
}

describe('claims:search response to claims', () => {
  test('one record per review rated a hoax, with what the fact-checker said', () => {
    const page = claimsFromSearch(search('banjir-page1'), 'banjir');
    expect(page.reviews).toBe(3);
    expect(page.skipped).toEqual({});
    expect(page.claims).toEqual([
      {
        id: factCheckId('https://turnbackhoax.id/2026/11/21/salah-video-banjir-setinggi-dada-di-bundaran-hi/'),
        text: 'Video banjir setinggi dada di Bundaran HI pada 20 November 2026',
        rating: 'salah',
        source: 'https://turnbackhoax.id/2026/11/21/salah-video-banjir-setinggi-dada-di-bundaran-hi/',
        topic: 'banjir',
        claimant: 'Akun Facebook Info Jakarta Terkini',
        publisher: 'turnbackhoax.id',
        reviewedAt: '2026-11-21T03:00:00.000Z',
        ratingText: 'Salah',
      },
      expect.objectContaining({
        text: 'Pintu Air Manggarai jebol, warga Jakarta Pusat diminta segera mengungsi malam ini',
        rating: 'salah',
        publisher: 'Tempo',
        ratingText: 'Keliru',
        source: 'https://cekfakta.tempo.co/fakta/3012/keliru-pintu-air-manggarai-jebol-dan-warga-jakarta-pusat-diminta-mengungsi',
      }),
      expect.objectContaining({
        text: 'Pintu Air Manggarai jebol, warga Jakarta Pusat diminta segera mengungsi malam ini',
        rating: 'salah',
        publisher: 'Kompas.com',
        ratingText: 'Hoaks',
      }),
    ]);
  });

  test("the id is factcheck- and the first 16 hex digits of the review URL's SHA-256", () => {
    const url = 'https://turnbackhoax.id/2026/11/21/salah-video-banjir-setinggi-dada-di-bundaran-hi/';
    const expected = `factcheck-${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
    expect(factCheckId(url)).toBe(expected);
    expect(expected).toMatch(/^factcheck-[0-9a-f]{16}$/);
    expect(claimsFromSearch(search('banjir-page1'), 'banjir').claims[0]?.id).toBe(expected);
  });

  test('reviews rated true or mixed are skipped and counted, never stored as hoaxes', () => {
    const tj = claimsFromSearch(search('transjakarta'), 'transjakarta');
    expect(tj.reviews).toBe(3);
    expect(tj.skipped).toEqual({ rated_true: 1 });
    expect(tj.claims.map((c) => c.ratingText)).toEqual(['Penipuan', 'Konten yang Dimanipulasi']);
    expect(tj.claims.map((c) => c.rating)).toEqual(['penipuan', 'konten_palsu']);

    const air = claimsFromSearch(search('air'), 'air');
    expect(air.skipped).toEqual({ mixed_verdict: 1 });
    expect(air.claims.some((c) => c.source.includes('sebagian-benar'))).toBe(false);
  });

  test('a review without a claimant has none; a claim without text takes the review title without its [SALAH] tag', () => {
    const tj = claimsFromSearch(search('transjakarta'), 'transjakarta');
    const scam = tj.claims.find((c) => c.rating === 'penipuan');
    expect(scam).toBeDefined();
    expect(scam).not.toHaveProperty('claimant');

    const air = claimsFromSearch(search('air'), 'air');
    const radiasi = air.claims.find((c) => c.source.includes('radiasi'));
    expect(radiasi?.text).toBe('Air Tanah di Jakarta Utara Mengandung Radiasi Nuklir');
    expect(radiasi?.claimant).toBe('Akun TikTok @infowarga_jkt');
  });

  test('a verdict that explains itself is read from its start and kept whole as the rating text', () => {
    const air = claimsFromSearch(search('air'), 'air');
    const pam = air.claims.find((c) => c.source.includes('e-coli'));
    expect(pam?.rating).toBe('menyesatkan');
    expect(pam?.ratingText).toMatch(/^Menyesatkan\. Hasil uji laboratorium/);
  });

  test('every record imports as it is (`pantau claims import` format)', () => {
    const all = ['banjir-page1', 'banjir-page2', 'banjir-page3', 'transjakarta', 'air'].flatMap(
      (name) => claimsFromSearch(search(name), 'banjir').claims,
    );
    expect(all).toHaveLength(9);
    for (const [i, claim] of all.entries()) expect(parseClaimLine(JSON.stringify(claim), i + 1)).toEqual({ ok: true, claim });
  });

  test('fields longer than the import allows are clipped, so the record still imports', () => {
    const page = claimsFromSearch(
      oneReview(
        { textualRating: `Salah. ${'Penjelasan panjang. '.repeat(40)}`, publisher: { name: 'P'.repeat(300) } },
        { text: 'Klaim '.repeat(500) },
      ),
      'banjir',
    );
    const claim = page.claims[0]!;
    expect(claim.text).toHaveLength(2000);
    expect(claim.text.endsWith('…')).toBe(true);
    expect(claim.ratingText).toHaveLength(500);
    expect(claim.publisher).toHaveLength(200);
    expect(parseClaimLine(JSON.stringify(claim), 1)).toEqual({ ok: true, claim });
  });

  test('the publisher falls back to its site; a review date that is not a date is left out', () => {
    const claim = claimsFromSearch(oneReview({ publisher: { site: 'cekfakta.com' }, reviewDate: 'kemarin' }), 'banjir').claims[0];
    expect(claim?.publisher).toBe('cekfakta.com');
    expect(claim).not.toHaveProperty('reviewedAt');
  });

  test.each([
    ['no textualRating', { textualRating: undefined }, {}, 'unknown_rating'],
    ['a verdict the table does not know', { textualRating: 'Klarifikasi' }, {}, 'unknown_rating'],
    ['no review URL', { url: undefined }, {}, 'no_review_url'],
    ['a review URL that is not http(s)', { url: 'ftp://turnbackhoax.id/x' }, {}, 'no_review_url'],
    ['a review URL that is not a URL', { url: 'turnbackhoax salah' }, {}, 'no_review_url'],
    ['no claim text and a title that is only tags', { title: '[SALAH] [HOAKS]' }, { text: undefined }, 'no_claim_text'],
    ['claim text too short to match on', {}, { text: 'Hoaks!' }, 'no_claim_text'],
  ])('skipped and counted: %s', (_case, review, claim, reason) => {
    const page = claimsFromSearch(oneReview(review, claim), 'banjir');
    expect(page.claims).toEqual([]);
    expect(page.reviews).toBe(1);
    expect(page.skipped).toEqual({ [reason]: 1 });
  });

  test('verdicts the table does not know are listed once each, so the table can learn them', () => {
    const response = oneReview({ textualRating: ' Klarifikasi ' });
    const twice: ClaimsSearchResponse = { claims: [...response.claims, ...response.claims] };
    expect(claimsFromSearch(twice, 'banjir').unknownRatings).toEqual(['Klarifikasi']);
  });
});

describe('dedupe by review URL', () => {
  test('the same review URL gives the same id in any response, whatever the topic', () => {
    const fromBanjir = claimsFromSearch(search('banjir-page2'), 'banjir').claims[0];
    const fromTj = claimsFromSearch(search('transjakarta'), 'transjakarta').claims.find((c) => c.rating === 'konten_palsu');
    expect(fromBanjir?.id).toBeDefined();
    expect(fromTj?.id).toBe(fromBanjir?.id);
    expect(fromTj?.topic).toBe('transjakarta');
  });

  test('a review URL repeated within one response gives one record; two reviews of one claim give two', () => {
    const response = oneReview({});
    const twice: ClaimsSearchResponse = { claims: [...response.claims, ...response.claims] };
    const page = claimsFromSearch(twice, 'banjir');
    expect(page.claims).toHaveLength(1);
    expect(page.skipped).toEqual({ repeated: 1 });
    expect(page.reviews).toBe(2);
    expect(new Set(claimsFromSearch(search('banjir-page1'), 'banjir').claims.map((c) => c.id)).size).toBe(3);
  });

  test("a URL differing only in the host's case is the same review", () => {
    const a = claimsFromSearch(oneReview({ url: 'https://TurnBackHoax.id/2026/11/26/x/' }), 'banjir').claims[0];
    const b = claimsFromSearch(oneReview({ url: 'https://turnbackhoax.id/2026/11/26/x/' }), 'banjir').claims[0];
    expect(a?.id).toBe(b?.id);
    expect(a?.source).toBe('https://turnbackhoax.id/2026/11/26/x/');
  });
});

describe('verdicts', () => {
  test.each([
    ['Salah', 'salah'],
    ['[SALAH]', 'salah'],
    ['Hoaks', 'salah'],
    ['HOAX!', 'salah'],
    ['Keliru', 'salah'],
    ['Tidak benar', 'salah'],
    ['Disinformasi', 'salah'],
    ['False', 'salah'],
    ['Pants on Fire!', 'salah'],
    ['Mostly False', 'salah'],
    ['Misleading', 'menyesatkan'],
    ['Menyesatkan', 'menyesatkan'],
    ['Konten Menyesatkan', 'menyesatkan'],
    ['Missing context', 'menyesatkan'],
    ['Koneksi yang Salah', 'menyesatkan'],
    ['Konten yang Dimanipulasi', 'konten_palsu'],
    ['Konten Palsu', 'konten_palsu'],
    ['Konten Tiruan', 'konten_palsu'],
    ['Fabricated', 'konten_palsu'],
    ['Altered photo', 'konten_palsu'],
    ['Konteks yang Salah', 'konteks_keliru'],
    ['Konteks Keliru', 'konteks_keliru'],
    ['False context', 'konteks_keliru'],
    ['Out of context', 'konteks_keliru'],
    ['Penipuan', 'penipuan'],
    ['Scam', 'penipuan'],
    ['Salah. Video itu direkam di Semarang pada 2021.', 'salah'],
    ['[HOAKS] Video lama', 'salah'],
    ['Keliru - foto hasil suntingan', 'salah'],
    ['False: the photo was taken in 2019', 'salah'],
  ])('%s is rated %s', (label, rating) => {
    expect(readVerdict(label)).toEqual({ rating });
  });

  test.each([
    ['Benar', 'rated_true'],
    ['True', 'rated_true'],
    ['Fakta', 'rated_true'],
    ['[FAKTA]', 'rated_true'],
    ['Correct', 'rated_true'],
    ['Bukan hoaks', 'rated_true'],
    ['Sebagian Benar', 'mixed_verdict'],
    ['Half True', 'mixed_verdict'],
    ['Partly false', 'mixed_verdict'],
    ['Tidak terbukti', 'unproven'],
    ['Unproven', 'unproven'],
    ['Satire', 'satire'],
    ['Satire/Parodi', 'satire'],
    ['Klarifikasi', 'unknown_rating'],
    ['Video ini salah', 'unknown_rating'],
    ['', 'unknown_rating'],
  ])('%s is skipped as %s', (label, skip) => {
    expect(readVerdict(label)).toEqual({ skip });
  });
});

describe('a malformed response', () => {
  test('an empty object is a search that found nothing', () => {
    expect(parseClaimsSearch('{}')).toEqual({ claims: [] });
  });

  test.each([
    ['not JSON', '<html>502 Bad Gateway</html>', /^claims:search response is not JSON: /],
    ['an array', '[]', /^claims:search response is not a JSON object$/],
    [
      'claims not a list',
      '{"claims": {"text": "x"}}',
      /^claims:search response is malformed: claims: Invalid input: expected array, received object$/,
    ],
    [
      'a review URL that is a number',
      '{"claims": [{"text": "Banjir di Kemang", "claimReview": [{"url": 42, "textualRating": "Salah"}]}]}',
      /claims\.0\.claimReview\.0\.url: Invalid input: expected string, received number/,
    ],
    ['a next page token that is not a string', '{"claims": [], "nextPageToken": 7}', /nextPageToken: Invalid input: expected string/],
  ])('is an error naming what is wrong: %s', (_case, body, message) => {
    expect(() => parseClaimsSearch(body)).toThrow(FactCheckResponseError);
    expect(() => parseClaimsSearch(body)).toThrow(message);
  });
});

describe('the fact-checker fields in a claims file line', () => {
  const base = {
    id: 'factcheck-0123456789abcdef',
    text: 'Pintu Air Manggarai jebol, warga Jakarta Pusat diminta segera mengungsi malam ini',
    rating: 'salah',
    source: 'https://cekfakta.tempo.co/fakta/3012/keliru-pintu-air-manggarai-jebol',
  };

  test('are optional, trimmed and kept', () => {
    const line = {
      ...base,
      claimant: ' Pesan berantai WhatsApp ',
      publisher: 'Tempo',
      reviewedAt: '2026-11-22T16:30:00+07:00',
      ratingText: 'Keliru',
    };
    expect(parseClaimLine(JSON.stringify(line), 1)).toEqual({ ok: true, claim: { ...line, claimant: 'Pesan berantai WhatsApp' } });
    expect(parseClaimLine(JSON.stringify(base), 1)).toEqual({ ok: true, claim: base });
  });

  test.each([
    ['claimant empty', { claimant: ' ' }, 'line 3: claimant must not be empty when given'],
    ['publisher not a string', { publisher: { name: 'Tempo' } }, 'line 3: publisher must be a string'],
    [
      'reviewedAt without a time',
      { reviewedAt: '2026-11-22' },
      'line 3: reviewedAt must be an ISO 8601 date-time with a time zone, e.g. 2026-11-21T03:00:00Z',
    ],
    ['ratingText too long', { ratingText: 'x'.repeat(501) }, 'line 3: ratingText must be at most 500 characters'],
  ])('are checked, naming the field: %s', (_case, fields, error) => {
    expect(parseClaimLine(JSON.stringify({ ...base, ...fields }), 3)).toEqual({ ok: false, error });
  });
});
