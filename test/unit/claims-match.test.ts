/**
 * Matching posts to known debunked claims (shared/claims/match.ts): paraphrase, slang, spelling
 * variants, affixes and hashtags find the claim; same-topic posts about something else do not;
 * odd input never throws; the index gives exactly the answers of a scan over every claim.
 */
import fc from 'fast-check';
import { ClaimIndex } from '../../shared/claims/match';
import { SEED_CLAIMS } from '../../shared/claims/seed';
import type { ClaimRecord } from '../../shared/claims/types';
import { normalise } from '../../shared/classify/normalise';

const claim = (id: string, text: string, topic = 'kesehatan'): ClaimRecord => ({
  id,
  text,
  rating: 'salah',
  source: `https://cekfakta.example/${id}`,
  topic,
});

const CHIP = claim('t-chip', 'Vaksin COVID-19 mengandung microchip yang ditanam di tubuh untuk melacak dan mengendalikan penduduk');
const MAGNET = claim('t-magnet', 'Vaksin COVID-19 membuat tubuh penerimanya bermagnet sehingga koin dan sendok bisa menempel di lengan');
const DEATH = claim(
  't-death',
  'Semua orang yang sudah menerima vaksin COVID-19 akan meninggal dalam dua tahun karena kekebalan tubuhnya rusak',
);
const FLOOD = claim(
  't-flood',
  'Pintu Air Manggarai rusak dan tidak bisa ditutup sehingga seluruh Jakarta Pusat akan terendam banjir malam ini',
  'bencana',
);
const SCAM = claim(
  't-scam',
  'Nomor WhatsApp Anda memenangkan undian mobil dari sebuah bank dan hadiahnya bisa diambil setelah membayar pajak undian',
  'penipuan',
);

const index = new ClaimIndex([CHIP, MAGNET, DEATH, FLOOD, SCAM]);
const matchId = (text: string, on: ClaimIndex = index): string | undefined => on.match(normalise(text))?.claim.id;

describe('a post that repeats a claim', () => {
  it('finds an exact repeat, with the whole claim shared and its record as stored', () => {
    const m = index.match(normalise(CHIP.text));
    expect(m?.claim).toBe(CHIP);
    expect(m?.similarity).toBeCloseTo(1, 5);
    expect(m?.matched).toEqual([
      'vaksin',
      'covid',
      '19',
      'mengandung',
      'microchip',
      'ditanam',
      'tubuh',
      'melacak',
      'mengendalikan',
      'penduduk',
    ]);
  });

  it('finds a paraphrase with the words reordered, slang (`gk`, `bgt`, `yg`) and framing around it', () => {
    const post =
      'AWAS!! microchip ditanam di tubuh lewat vaksin covid, buat melacak penduduk & mengendalikan mereka. gk percaya? ngeri bgt, sebarkan!!';
    const m = index.match(normalise(post));
    expect(m?.claim.id).toBe('t-chip');
    expect(m?.similarity).toBeGreaterThan(0.7);
    expect(m?.similarity).toBeLessThan(1);
    // The post's own words, in the post's order.
    expect(m?.matched).toEqual(['microchip', 'ditanam', 'tubuh', 'vaksin', 'covid', 'melacak', 'penduduk', 'mengendalikan']);
    expect(matchId('yg udh divaksin covid bakal meninggal 2 tahun lagi krn kekebalan tubuh rusak bgt')).toBe('t-death');
  });

  it('finds spelling variants (`faksin`, `kovid`, `mikrocip`) and typos of long words (`pendudk`, `mikrochipp`)', () => {
    expect(matchId('faksin kovid mengandung mikrocip yg ditanam di tubuh untuk melacak penduduk')).toBe('t-chip');
    expect(matchId('vaksin korona ada mikrochipp ditanam ke tubuh buat lacak pendudk')).toBe('t-chip');
    expect(matchId('nomer wasap anda menangin undian mobil bank, hadiahnya diambil stlh bayar pajak')).toBe('t-scam');
  });

  it('finds other affixed forms of the same words (`penanaman`, `pelacakan`, `pengendalian`, `kebanjiran`)', () => {
    const m = index.match(normalise('penanaman microchip lewat vaksin covid ke tubuh, tujuannya pelacakan dan pengendalian penduduk'));
    expect(m?.claim.id).toBe('t-chip');
    expect(m?.matched).toEqual(expect.arrayContaining(['penanaman', 'pelacakan', 'pengendalian']));
    expect(matchId('malam ini jakarta pusat kebanjiran, pintu air manggarai rusak, tidak bisa menutup')).toBe('t-flood');
  });

  it('reads hashtag words, split by case or by the stored words', () => {
    expect(matchId('tubuh kita ditanami chip buat dilacak, sebarkan! #VaksinMicrochip #LacakPenduduk')).toBe('t-chip');
    const m = index.match(normalise('tubuh kita ditanami, sebarkan! #vaksinmicrochip #lacakpenduduk #kendalikanpenduduk'));
    expect(m?.claim.id).toBe('t-chip');
    expect(m?.matched).toEqual(expect.arrayContaining(['vaksin', 'microchip', 'lacak', 'penduduk']));
  });

  it('tells claims on the same topic apart', () => {
    expect(matchId('vaksin covid bikin tubuh bermagnet, sendok sama koin nempel di lengan')).toBe('t-magnet');
    expect(matchId('vaksin covid ditanam microchip buat melacak penduduk')).toBe('t-chip');
  });

  it('still names the claim a debunk quotes (counter-signals in the hoax score handle debunks)', () => {
    expect(matchId('Cek fakta: tidak benar vaksin COVID-19 mengandung microchip untuk melacak dan mengendalikan penduduk')).toBe('t-chip');
  });
});

describe('a post that does not repeat a claim', () => {
  it.each([
    'vaksin booster tersedia di puskesmas kelurahan mulai senin, bawa KTP',
    'vaksin covid dosis ketiga aman, tubuh cuma pegal sedikit di lengan',
    'Pintu air Manggarai siaga 3 malam ini, warga bantaran diminta waspada',
    'banjir di Kemang parah bgt, air setinggi dada, warga mengungsi',
    'Selamat! undian gebyar hari ulang tahun kantor kami dimenangkan pak budi',
    'microchip laptop saya rusak, ada yang bisa servis di jakarta pusat?',
  ])('%s', (text) => {
    expect(index.match(normalise(text))).toBeUndefined();
  });

  it('shares too few of the claim’s words, however rare they are', () => {
    expect(matchId('microchip penduduk')).toBeUndefined();
    expect(matchId('katanya ada microchip di tubuh')).toBeUndefined();
  });
});

describe('odd input', () => {
  it('returns nothing for empty, punctuation-only, emoji-only and non-Latin posts', () => {
    for (const text of ['', '   ', '!!!???', '🙏🙏🙏 😱', 'ㅋㅋㅋ 中文 العربية \u200b\u200b', '#', '@a @b']) {
      expect(index.match(normalise(text))).toBeUndefined();
    }
  });

  it('does not throw on a huge post, and still finds a claim in a long one', () => {
    const huge = `${CHIP.text} `.repeat(2_000) + Array.from({ length: 5_000 }, (_, i) => `kata${i}`).join(' ');
    expect(index.match(normalise(huge))?.claim.id).toBe('t-chip');
    const noise = Array.from({ length: 20_000 }, (_, i) => `kata${i}`).join(' ');
    expect(() => index.match(normalise(noise))).not.toThrow();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const m = index.match(normalise(text));
        if (m) expect(m.similarity).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('an empty index matches nothing, and claims too short to judge never match', () => {
    expect(new ClaimIndex().match(normalise(CHIP.text))).toBeUndefined();
    expect(new ClaimIndex().size).toBe(0);
    const short = new ClaimIndex([claim('t-short', 'Vaksin berbahaya!')]);
    expect(short.match(normalise('vaksin berbahaya'))).toBeUndefined();
  });
});

describe('the store', () => {
  it('replaces a claim by id', () => {
    const store = new ClaimIndex([CHIP, FLOOD]);
    expect(store.size).toBe(2);
    store.add(claim('t-chip', 'Minum air es setelah makan membuat lemak membeku di usus dan menjadi penyebab utama kanker'));
    expect(store.size).toBe(2);
    expect(matchId(CHIP.text, store)).toBeUndefined();
    const m = store.match(normalise('minum air es habis makan bikin lemak membeku di usus, jadi kanker'));
    expect(m?.claim.id).toBe('t-chip');
    expect(m?.claim.text).toMatch(/^Minum air es/);
    expect(matchId(FLOOD.text, store)).toBe('t-flood');
  });

  it('adds claims one by one, and keeps the last of duplicate ids given at once', () => {
    const store = new ClaimIndex();
    store.add(MAGNET);
    store.add(SCAM);
    expect(store.size).toBe(2);
    expect(matchId(MAGNET.text, store)).toBe('t-magnet');
    const twice = new ClaimIndex([CHIP, { ...CHIP, text: SCAM.text }]);
    expect(twice.size).toBe(1);
    expect(matchId(SCAM.text, twice)).toBe('t-chip');
    expect(matchId(CHIP.text, twice)).toBeUndefined();
  });

  it('loads the seed list, and every seed claim matches itself', () => {
    const seeds = new ClaimIndex(SEED_CLAIMS);
    expect(seeds.size).toBe(new Set(SEED_CLAIMS.map((c) => c.id)).size);
    expect(seeds.size).toBeGreaterThanOrEqual(50);
    const misses = SEED_CLAIMS.filter((c) => seeds.match(normalise(c.text))?.claim.id !== c.id).map((c) => c.id);
    expect(misses).toEqual([]);
  });
});

describe('the index against a scan of every claim', () => {
  // Seed claims plus synthetic ones made of their words, added one by one: past the size where
  // each add re-weights everything, so the later ones are indexed with the weights of the day.
  const words = [...new Set(SEED_CLAIMS.flatMap((c) => c.text.split(/\s+/)))];
  let state = 7;
  const next = (): number => (state = (state * 48_271) % 2_147_483_647);
  const synthetic = (i: number): ClaimRecord =>
    claim(`syn-${i}`, Array.from({ length: 6 + (next() % 8) }, () => words[next() % words.length]).join(' '));
  const store = new ClaimIndex(SEED_CLAIMS);
  for (let i = 0; i < 2_200; i++) store.add(synthetic(i));
  store.match(normalise('')); // the first match after those adds re-weights the whole store
  for (let i = 2_200; i < 2_600; i++) store.add(synthetic(i));
  for (let i = 0; i < 100; i++) store.add(synthetic(i)); // replaced: new text, same id

  it('keeps every seed claim findable after many adds', () => {
    expect(store.size).toBe(SEED_CLAIMS.length + 2_600);
    for (const c of SEED_CLAIMS) expect(store.match(normalise(c.text))?.claim.id).toBe(c.id);
  });

  it('gives the same answer as scoring every claim (prefix filtering loses nothing)', () => {
    let found = 0;
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: words.length - 1 }), { maxLength: 12 }),
        fc.nat({ max: SEED_CLAIMS.length - 1 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        (picks, seed, keep) => {
          const own = (SEED_CLAIMS[seed]?.text ?? '').split(/\s+/).filter((_, i) => (i * 0.618) % 1 < keep);
          const text = [...own, ...picks.map((i) => words[i])].join(' ');
          const norm = normalise(text);
          const fast = store.match(norm);
          const slow = store.scan(norm);
          if (fast) found++;
          expect(fast?.claim.id).toBe(slow?.claim.id);
          expect(fast?.similarity).toBe(slow?.similarity);
        },
      ),
      { numRuns: 300 },
    );
    expect(found).toBeGreaterThan(100);
  });
});
