import { normalise } from '../../shared/classify/normalise';
import { candidateRoots } from '../../shared/classify/morphology';
import { makeTopicMatcher, type TopicRule } from '../../shared/classify/topics';
import type { TopicMatch } from '../../shared/classify/types';
import { loadConfig } from '../../shared/config';
import { resolve } from 'node:path';

const matcher = (topics: readonly TopicRule[]) => {
  const match = makeTopicMatcher(topics);
  return (text: string): TopicMatch[] => match(normalise(text));
};
const names = (matches: readonly TopicMatch[]): string[] => matches.map((m) => m.name);

describe('watch topics: any, all, none', () => {
  const match = matcher([
    { name: 'banjir', keywords: ['banjir', 'genang', 'air naik'], exclude: ['banjir promo', 'banjir diskon'] },
    { name: 'pohon', keywords: ['pohon'], all: ['tumbang'] },
    { name: 'transjakarta', keywords: ['transjakarta', 'halte'] },
  ]);

  it('matches when any keyword occurs', () => {
    expect(names(match('banjir lagi di kemang'))).toEqual(['banjir']);
    expect(names(match('air naik sampai lutut'))).toEqual(['banjir']);
    expect(names(match('cuaca cerah hari ini'))).toEqual([]);
  });

  it('needs every `all` keyword too', () => {
    expect(names(match('pohon tumbang di jalan'))).toEqual(['pohon']);
    expect(names(match('pohon rindang di taman'))).toEqual([]);
    expect(names(match('tumbangnya pohon besar'))).toEqual(['pohon']);
  });

  it('never matches when an exclude keyword occurs', () => {
    expect(names(match('banjir promo akhir tahun'))).toEqual([]);
    expect(names(match('banjir promonya gede banget'))).toEqual([]);
    expect(names(match('banjir diskon, tapi juga banjir beneran'))).toEqual([]);
  });

  it('reports the words that matched, for every matching topic', () => {
    expect(match('Kebanjiran lagi, halte TransJakarta tergenang')).toEqual([
      { name: 'banjir', matched: ['kebanjiran', 'tergenang'] },
      { name: 'transjakarta', matched: ['halte', 'transjakarta'] },
    ]);
    expect(match('pohon tumbang')).toEqual([{ name: 'pohon', matched: ['pohon', 'tumbang'] }]);
  });

  it('keeps backward compatible topics (no `all`, no `exclude`)', () => {
    expect(names(matcher([{ name: 'x', keywords: ['macet'] }])('macet parah'))).toEqual(['x']);
  });
});

describe('watch topics: words, phrases, hashtags', () => {
  const match = matcher([
    { name: 'banjir', keywords: ['banjir', 'pompa air'] },
    { name: 'pompa', keywords: ['pompa'] },
    { name: 'bantu', keywords: ['bantu'] },
    { name: 'kali', keywords: ['kali kotor'] },
    { name: 'lalin', keywords: ['lalu lintas', 'lalin'] },
    { name: 'air', keywords: ['air mati', 'air bersih'] },
  ]);

  it.each([
    ['kebanjiran', 'banjir'],
    ['rumah dibanjiri air', 'banjir'],
    ['banjirnya parah', 'banjir'],
    ['dibanjirin air kiriman', 'banjir'],
    ['kebanjirannya kapan surut', 'banjir'],
    ['memompa air dari basement', 'pompa'],
    ['bantuan belum datang', 'bantu'],
    ['petugas membantu warga', 'bantu'],
    ['lalu lintasnya padat', 'lalin'],
    ['air dimatikan dari pagi', 'air'],
  ])('affixed form %s matches %s', (text, topic) => {
    expect(names(match(text))).toContain(topic);
  });

  it.each([
    ['gaya rambut pompadour', 'pompa'],
    ['kalian kotor banget kelakuannya', 'kali'],
    ['banjiran', 'nothing'],
    ['lalu aku lintas', 'lalin'],
    ['airbnb mati lampu', 'air'],
  ])('no false match in %s', (text, topic) => {
    expect(names(match(text))).not.toContain(topic);
  });

  it('keeps phrases whole and in order', () => {
    expect(names(match('lintas lalu'))).toEqual([]);
    expect(match('pompa air rusak')).toEqual([
      { name: 'banjir', matched: ['pompa air'] },
      { name: 'pompa', matched: ['pompa'] },
    ]);
  });

  it('reads hashtags: split by case, or glued to a city word', () => {
    expect(match('#BanjirJakarta hari ini')).toEqual([{ name: 'banjir', matched: ['banjir'] }]);
    expect(names(match('#jakartabanjir'))).toEqual(['banjir']);
    expect(match('parah #kebanjiran')).toEqual([{ name: 'banjir', matched: ['kebanjiran'] }]);
    expect(names(match('#airbersih'))).toEqual(['air']);
    // A tag normalisation cannot split is read as written, and reported as the tag.
    expect(match('#banjirupdate')).toEqual([{ name: 'banjir', matched: ['#banjirupdate'] }]);
    expect(names(match('#pompadour'))).toEqual([]);
  });
});

describe('candidateRoots', () => {
  it('undoes Indonesian affixes with the nasal rules', () => {
    expect(candidateRoots('kebanjiran')).toContain('banjir');
    expect(candidateRoots('menggenangi')).toContain('genang');
    expect(candidateRoots('menulis')).toContain('tulis');
    expect(candidateRoots('menyapu')).toContain('sapu');
    expect(candidateRoots('pembuangan')).toContain('buang');
    expect(candidateRoots('terendam')).toContain('rendam');
    expect(candidateRoots('berenang')).toContain('renang');
    expect(candidateRoots('sampahnya')).toContain('sampah');
  });

  it('leaves words that only look affixed', () => {
    expect(candidateRoots('kalian')).toEqual(['kalian']);
    expect(candidateRoots('sekalipun')).toEqual(['sekalipun']);
    expect(candidateRoots('pompadour')).toEqual(['pompadour']);
  });
});

describe('the bundled configuration', () => {
  const config = loadConfig(resolve(__dirname, '../../pantau.config.json'));
  const match = matcher(config.topics);

  it('finds the city topics in everyday posts', () => {
    expect(names(match('Jakarta kebanjiran lagi, jalan tergenang'))).toEqual(['banjir']);
    expect(names(match('kemacetan parah di tol dalam kota'))).toEqual(['macet']);
    expect(names(match('naik krl telat lagi'))).toEqual(['transjakarta']);
    expect(names(match('banjir promo 12.12 guys'))).toEqual([]);
  });
});
