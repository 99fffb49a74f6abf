import { normalise } from '../../shared/classify/normalise';
import { SLANG_ID } from '../../shared/classify/slang-id';

describe('normalise', () => {
  it('lower-cases and expands slang and negators to standard forms', () => {
    const n = normalise('Gw udh nunggu, TJ gak dateng2 bgt');
    expect(n.tokens).toEqual(['saya', 'sudah', 'menunggu', 'transjakarta', 'tidak', 'datang', 'datang', 'banget']);
  });

  it('maps every slang negator to tidak', () => {
    for (const neg of ['gak', 'ga', 'nggak', 'enggak', 'gk', 'tdk', 'ngga', 'kagak']) {
      expect(normalise(`${neg} becus`).tokens).toEqual(['tidak', 'becus']);
    }
  });

  it('splits camelCase hashtags into words and keeps the hashtag as written', () => {
    const n = normalise('Air naik lagi #BanjirJakarta');
    expect(n.hashtags).toEqual(['BanjirJakarta']);
    expect(n.tokens).toEqual(['air', 'naik', 'lagi', 'banjir', 'jakarta']);
  });

  it('splits all-lower hashtags made of known words, and leaves unknown ones whole', () => {
    expect(normalise('#banjirjakarta').tokens).toEqual(['banjir', 'jakarta']);
    expect(normalise('#xyzqwv').tokens).toEqual(['xyzqwv']);
  });

  it('turns anak2 and anak-anak into anak anak', () => {
    expect(normalise('anak2 main').text).toBe('anak anak main');
    expect(normalise('anak-anak main').text).toBe('anak anak main');
  });

  it('squeezes stretched letters but keeps real double letters', () => {
    expect(normalise('parahhh').tokens).toEqual(['parah']);
    expect(normalise('mantaaappp').tokens).toEqual(['mantap']);
    expect(normalise('gakkk').tokens).toEqual(['tidak']);
    expect(normalise('maaf saat ini').tokens).toEqual(['maaf', 'saat', 'ini']);
  });

  it('extracts URLs, mentions and emoji and removes them from the text', () => {
    const n = normalise('@pemprovDKI tolong cek https://t.co/abc123 😡😡 :(');
    expect(n.mentions).toEqual(['pemprovDKI']);
    expect(n.urls).toEqual(['https://t.co/abc123']);
    expect(n.emojis).toEqual(['😡', '😡', ':(']);
    expect(n.tokens).toEqual(['tolong', 'cek']);
    expect(n.text).not.toMatch(/https|@|😡/u);
  });

  it('splits hashtags at underscores and digits', () => {
    expect(normalise('#banjir_kemang').tokens).toEqual(['banjir', 'kemang']);
    expect(normalise('#Jakarta2026').tokens).toEqual(['jakarta', '2026']);
  });

  it('takes text emoticons out only when they stand alone', () => {
    expect(normalise('mantap :) sekali').emojis).toEqual([':)']);
    expect(normalise('jam 10:30').emojis).toEqual([]);
  });

  it('folds every laughter spelling to one form', () => {
    expect(normalise('wkwkwkwk awokawok hahahaha hehehe').tokens).toEqual(['wkwk', 'wkwk', 'haha', 'hehe']);
  });

  it('strips accents and compatibility forms', () => {
    expect(normalise('Café ＢＡＧＵＳ').tokens).toEqual(['cafe', 'bagus']);
  });

  it('does not take an e-mail address for a mention', () => {
    expect(normalise('kirim ke humas@jakarta.go.id').mentions).toEqual([]);
  });

  it('folds laughter and keeps clause punctuation in text only', () => {
    const n = normalise('wkwkwkwk enak. Tapi mahal, hahaha');
    expect(n.tokens).toEqual(['wkwk', 'enak', 'tapi', 'mahal', 'haha']);
    expect(n.text).toBe('wkwk enak. tapi mahal, haha');
  });

  it('does not break numbers such as times at their dots', () => {
    expect(normalise('jam 09.00 WIB').text).toBe('jam 09 00 wib');
  });

  it('joins a detached -nya and splits di/ke glued to a place', () => {
    expect(normalise('rasa nya enak dirumah').tokens).toEqual(['rasanya', 'enak', 'di', 'rumah']);
  });

  it('has a slang dictionary of several hundred lower-case entries', () => {
    const entries = Object.entries(SLANG_ID);
    expect(entries.length).toBeGreaterThanOrEqual(300);
    for (const [from, to] of entries) {
      expect(from).toMatch(/^[a-z0-9]+$/);
      expect(to).toMatch(/^[a-z]+( [a-z]+)*$/);
    }
  });

  it('reads a post the same whether or not an emoji sends it through the Unicode path', () => {
    // An ASCII post takes ASCII forms of the punctuation steps; the same post with an emoji
    // (removed before those steps) or an accented letter takes the Unicode ones.
    const posts = [
      'Banjir lagi!!! Jam 09.00 air 1.5 meter, parah... (Kemang) - tolong: info?',
      'Harga naik 2x; antri 3 jam,sejak 06.30.Capek',
      'Kata tetangga, PAM mati 3 hari -- hoaks? 1..2 ... ?!',
      'MRT stop (gangguan) — sabar ya; 10:15 jalan lagi',
      'anak2 sekolah libur, jalan-jalan ke Monas; #BanjirJakarta @pemprovdki',
    ];
    for (const post of posts) {
      const ascii = normalise(post);
      const withEmoji = normalise(`${post} 😡`);
      expect(withEmoji.emojis).toEqual(['😡']);
      expect(withEmoji.text).toBe(ascii.text);
      expect(withEmoji.tokens).toEqual(ascii.tokens);
      // Accents come off in the Unicode path: `café` reads as `cafe`, everything else alike.
      const accented = normalise(`café ${post}`);
      expect(accented.text).toBe(`cafe ${ascii.text}`);
    }
  });
});
