/**
 * The hoax indicators' phrase matcher (shared/classify/hoax/matcher.ts, regex-source.ts) on its
 * own, with small phrase sets: whole words, alternatives, cancelling words, evidence as written,
 * and the shared pass, which must find exactly what each list finds when it scans alone.
 */
import { normalise } from '../../shared/classify/normalise';
import { compileList, dedupe, list, type ListMatcher, matches, SharedPasses, trieOf } from '../../shared/classify/hoax/matcher';
import { closingParen, firstWordsOf, languageOf, splitTopLevel } from '../../shared/classify/hoax/regex-source';

/** The evidence of `lists` in `text`, read through passes that share `shared` (none by default). */
function evidence(lists: readonly ListMatcher[], text: string, shared: readonly ListMatcher[] = []): string[][] {
  const passes = new SharedPasses();
  passes.share(...shared);
  const haystacks = passes.haystacksOf(text, normalise(text).text);
  return lists.map((l) => matches(l, haystacks));
}

const alone = (l: ListMatcher, text: string): string[] => evidence([l], text)[0] ?? [];

describe('list', () => {
  it('reads phrases separated by bars and lines, with spaces squeezed', () => {
    expect(list(' a  b | c\n d |\n')).toEqual(['a b', 'c', 'd']);
  });
});

describe('compileList and matches', () => {
  it('matches whole words only', () => {
    const share = compileList(['share']);
    expect(alone(share, 'tolong share ya')).toEqual(['share']);
    expect(alone(share, 'file yang di-shared kemarin')).toEqual([]);
    expect(alone(share, 'reshare dong')).toEqual([]);
  });

  it('prefers the longest phrase where one extends another', () => {
    expect(alone(compileList(['sebelum', 'sebelum dihapus']), 'lihat sebelum dihapus')).toEqual(['sebelum dihapus']);
  });

  it('matches regex shapes with alternatives beside literal phrases', () => {
    const source = compileList(['katanya'], [], ['(?:info|kabar)\\s+dari\\s+grup']);
    expect(alone(source, 'ada kabar dari grup RT, katanya')).toEqual(['kabar dari grup', 'katanya']);
    expect(alone(source, 'info dari kantor')).toEqual([]);
  });

  it('drops a match right after a cancelling word, in its normal form too', () => {
    const share = compileList(['sebarkan'], ['jangan']);
    expect(alone(share, 'jangan sebarkan')).toEqual([]);
    expect(alone(share, 'jgn sebarkan ya')).toEqual([]);
    expect(alone(share, 'sebarkan!')).toEqual(['sebarkan']);
  });

  it('reads phrases with punctuation on the raw text, and words on the normalised text', () => {
    const shout = compileList(['share!']);
    expect(alone(shout, 'Tolong SHARE! sekarang')).toEqual(['share!']);
    expect(alone(shout, 'tolong share sekarang')).toEqual([]);
  });

  it('shows evidence as the post wrote it when the letters are there', () => {
    expect(alone(compileList(['dengar dengar']), 'Dengar-dengar besok MRT tutup')).toEqual(['dengar-dengar']);
  });
});

describe('the shared pass', () => {
  const lists: readonly ListMatcher[] = [
    compileList(['sebarkan', 'share ke', 'share!'], ['jangan']),
    compileList(['info penting', 'awas'], [], ['segera\\s+(?!di|ke\\s)[\\p{L}]+', 'gawat(?![\\s-]+darurat)']),
    compileList(['katanya', 'kata orang'], ['bukan'], ['(?:di|dari)\\s+grup(?:\\s+[\\p{L}]+){0,2}?\\s+(?:katanya|bilang)']),
    compileList(['hoaks', 'cek fakta'], ['bukan'], ['(?<!ini\\s)faktanya']),
  ];
  // A list whose pattern opens with a class: its first words cannot be listed, so the gate takes every place.
  const classLed = compileList(['lost:'], [], ['[\\p{L}]+\\s+hilang']);
  const texts = [
    'AWAS!! Info penting: segera tarik uang, share ke semua grup. Jangan sebarkan hoaks',
    'katanya di grup RT bilang besok banjir, bukan katanya lagi. Faktanya aman',
    'gawat darurat dibuka 24 jam; ini faktanya: kata orang sudah share! share!',
    'LOST: kucing oren, dompet hilang di halte; cek fakta dulu',
  ];

  it.each(texts)('finds what each list finds alone: %s', (text) => {
    const solo = evidence(lists, text);
    expect(evidence(lists, text, lists)).toEqual(solo);
    expect(evidence([...lists, classLed], text, [...lists, classLed])).toEqual(evidence([...lists, classLed], text));
    expect(solo.flat().length).toBeGreaterThan(0);
  });

  it('finds nothing in an empty post', () => {
    expect(evidence(lists, '', lists)).toEqual([[], [], [], []]);
  });

  it('takes lists added after it first ran', () => {
    const passes = new SharedPasses();
    const [first, second] = lists;
    passes.share(first!);
    const text = 'awas, share ke grup';
    expect(matches(first!, passes.haystacksOf(text, normalise(text).text))).toEqual(['share ke']);
    passes.share(second!);
    expect(matches(second!, passes.haystacksOf(text, normalise(text).text))).toEqual(['awas']);
  });
});

describe('dedupe', () => {
  it('keeps one of two spellings, and the longer piece that holds a shorter one', () => {
    expect(dedupe(['share!', 'share'])).toEqual(['share!']);
    expect(dedupe(['dapat info', 'dapat info dari', 'awas'])).toEqual(['dapat info dari', 'awas']);
  });
});

describe('trieOf', () => {
  it('matches exactly the phrases it was built from', () => {
    const re = new RegExp(`^(?:${trieOf(['ab', 'abc', 'b', 'a.c'])})$`, 'u');
    for (const yes of ['ab', 'abc', 'b', 'a.c']) expect(re.test(yes)).toBe(true);
    for (const no of ['a', 'abx', 'axc', 'bc', '']) expect(re.test(no)).toBe(false);
  });
});

describe('regex sources', () => {
  it('finds the words a pattern opens with, and whether each is a whole word', () => {
    expect(firstWordsOf('(?:info|kabar)\\s+dari')).toEqual([
      { word: 'info', whole: true },
      { word: 'kabar', whole: true },
    ]);
    expect(firstWordsOf('(?<!ini\\s)faktanya')).toEqual([{ word: 'faktanya', whole: true }]);
    expect(firstWordsOf('gawat(?![\\s-]+darurat)')).toEqual([{ word: 'gawat', whole: true }]);
    expect(firstWordsOf('sebarkan?')).toEqual([{ word: 'sebarka', whole: false }]);
    // A repeated or class-led opening is no whole first word: the gate then takes every place.
    expect(firstWordsOf('(?:a|b)+c')?.some((w) => w.whole)).toBe(false);
    expect(firstWordsOf('(?:a|b)?c')).toBeUndefined();
    expect(firstWordsOf('[\\p{L}]+\\s+hilang')?.every((w) => w.whole)).toBe(false);
  });

  it('spells out the strings of nested groups', () => {
    expect(languageOf('k(?:irim(?:kan)?|asih)')?.sort()).toEqual(['kasih', 'kirim', 'kirimkan']);
    expect(languageOf('a[bc]')).toBeUndefined();
  });

  it('splits at top-level bars and finds the closing parenthesis, past classes and escapes', () => {
    expect(splitTopLevel('a|(?:b|c)|[|]|d\\|e', '|')).toEqual(['a', '(?:b|c)', '[|]', 'd\\|e']);
    expect(closingParen('(?:a(b)[)]\\))c')).toBe(12);
  });
});
