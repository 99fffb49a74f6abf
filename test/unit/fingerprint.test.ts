import fc from 'fast-check';
import { MIN_FINGERPRINT_TOKENS, textFingerprints } from '../../shared/classify/fingerprint';
import { normalise } from '../../shared/classify/normalise';

const keys = (text: string): string[] => textFingerprints(normalise(text));
const shareKey = (a: string, b: string): boolean => {
  const first = new Set(keys(a));
  return keys(b).some((k) => first.has(k));
};

const CHAIN =
  'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus!!';

describe('textFingerprints', () => {
  it('gives 8 short hex keys, one per band', () => {
    const k = keys(CHAIN);
    expect(k).toHaveLength(8);
    k.forEach((key, band) => expect(key).toMatch(new RegExp(`^${band}[0-9a-f]{8}$`)));
  });

  it.each([
    [
      'other emoji',
      '🚨🚨 AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus 🙏',
    ],
    [
      'a link and a mention',
      'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD @bpbddki. SEBARKAN ke grup keluarga sebelum dihapus!! https://bit.ly/3xYz',
    ],
    [
      'case and punctuation',
      'awas pintu air manggarai jebol malam ini jakarta pusat akan tenggelam 2 meter... info dari orang dalam bpbd, sebarkan ke grup keluarga sebelum dihapus',
    ],
    [
      'another number',
      'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 3 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus!!',
    ],
    [
      'slang spelling',
      'AWAS!! Pintu air Manggarai jebol mlm ini, Jakarta Pusat akan tenggelam 2 meter. Info dr orang dalam BPBD. SEBARKAN ke grup keluarga sblm dihapus!!',
    ],
    [
      'a word changed',
      'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Timur akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus!!',
    ],
    [
      'a word added',
      'AWAS!! Pintu air Manggarai sudah jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus!!',
    ],
    [
      'two words changed',
      'WASPADA!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam Pemprov. SEBARKAN ke grup keluarga sebelum dihapus!!',
    ],
    [
      'a hashtag added',
      'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus!! #Manggarai',
    ],
  ])('the same chain message with %s shares a key', (_variation, variant) => {
    expect(shareKey(CHAIN, variant)).toBe(true);
  });

  it('a shorter message with a word changed still shares a key', () => {
    expect(
      shareKey(
        'Transfer 500rb ke rekening ini, dapat bansos 5 juta dari Pemprov DKI, kuota terbatas hari ini',
        'Transfer 500rb ke rekening ini, dapat bantuan 5 juta dari Pemprov DKI, kuota terbatas hari ini',
      ),
    ).toBe(true);
  });

  it('unrelated texts, also on the same topic and place, share no key', () => {
    const texts = [
      CHAIN,
      'Banjir lagi di Kemang, air udah sepinggang, parah banget! Pemerintah gak becus',
      'Rumah kebanjiran lagi di Kemang, sedih dan kesal, pompa air rusak',
      'BPBD DKI: waspada banjir rob di pesisir utara Jakarta hingga Jumat, warga diimbau siaga',
      'HOAKS: pintu air Manggarai tidak jebol, cek fakta dari BPBD: status normal. Jangan disebarkan ya',
      'Kucing gw ilang di sekitar Tebet, warna oranye, tolong share ke grup kalau ada yang lihat',
      'MRT pagi ini tepat waktu, bersih, dingin. Dari Lebak Bulus ke Bundaran HI cuma 30 menit',
      'Macet parah bgt di Sudirman pagi ini, TJ juga penuh kapan beresnya sih',
      'Any news from city hall about the new parking rules around Blok M this week?',
      'Transfer 500rb ke rekening ini, dapat bansos 5 juta dari Pemprov DKI, kuota terbatas hari ini',
    ];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++)
        expect([texts[i], texts[j], shareKey(texts[i]!, texts[j]!)]).toEqual([texts[i], texts[j], false]);
    }
  });

  it(`gives nothing for texts under ${MIN_FINGERPRINT_TOKENS} words, not counting links, mentions, emoji and numbers`, () => {
    expect(keys('')).toEqual([]);
    expect(keys('Banjir lagi di Kemang 😭')).toEqual([]);
    expect(keys('SEBARKAN!! @semua https://bit.ly/x 100% 2026 🙏')).toEqual([]);
    expect(keys('Banjir lagi di Kemang, parah banget')).toHaveLength(8);
  });

  it('is deterministic: the same keys on every call and in a freshly loaded module', () => {
    const first = keys(CHAIN);
    expect(keys(CHAIN)).toEqual(first);
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../../shared/classify/fingerprint') as { textFingerprints: typeof textFingerprints };
      expect(fresh.textFingerprints(normalise(CHAIN))).toEqual(first);
    });
  });

  it('ignores what a chain message picks up on the way: emoji, links, mentions, case and punctuation', () => {
    const decorations = fc.constantFrom('🙏', '🚨🚨', '!!!', '...', 'https://s.id/abc', '@warga_jkt', ',', '⚠️');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), decorations), { maxLength: 6 }), fc.boolean(), (inserts, upper) => {
        const words = (upper ? CHAIN.toUpperCase() : CHAIN.toLowerCase()).split(' ');
        for (const [at, decoration] of inserts) words.splice(at % (words.length + 1), 0, decoration);
        expect(keys(words.join(' '))).toEqual(keys(CHAIN));
      }),
    );
  });
});
