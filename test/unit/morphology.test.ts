/** Indonesian affixes (shared/classify/morphology.ts): the one set of rules topics, claims and sentiment use. */
import { candidateRoots, MIN_ROOT, unprefix, unsuffix } from '../../shared/classify/morphology';

describe('unprefix', () => {
  it('follows the nasal rules of me(N)- and pe(N)-', () => {
    expect(unprefix('menulis')).toContain('tulis');
    expect(unprefix('memompa')).toContain('pompa');
    expect(unprefix('menyapu')).toContain('sapu');
    expect(unprefix('mengambil')).toContain('ambil');
    expect(unprefix('pembuang')).toContain('buang');
    expect(unprefix('mengkritik')).toContain('kritik');
  });

  it('does not take a nasal for a prefix where no root can follow it', () => {
    expect(unprefix('menteri')).not.toContain('teri');
    expect(unprefix('mengrusak')).not.toContain('rusak');
  });

  it('reads agent pe-, be-/te- before r, and the Jakarta informal prefixes', () => {
    expect(unprefix('pecinta')).toContain('cinta');
    expect(unprefix('berenang')).toContain('renang');
    expect(unprefix('terasa')).toContain('rasa');
    expect(unprefix('ngerusak')).toContain('rusak');
    expect(unprefix('ngangkut')).toContain('angkut');
    expect(unprefix('nyusah')).toContain('susah');
    expect(unprefix('nangis')).toContain('tangis');
  });

  it('keeps roots of at least the minimum length, and one syllable after menge-', () => {
    expect(MIN_ROOT).toBe(4);
    expect(unprefix('dicat')).toEqual([]);
    expect(unprefix('dicat', 3)).toEqual(['cat']);
    expect(unprefix('mengebom')).toContain('bom');
  });
});

describe('unsuffix', () => {
  it('lists the word, then without a particle, then without a suffix', () => {
    expect(unsuffix('genangannya')).toEqual({ bases: ['genangannya', 'genangan', 'genang'], clitics: 1 });
    expect(unsuffix('robnya')).toEqual({ bases: ['robnya', 'rob'], clitics: 1 });
  });

  it('leaves a lexicalised word whole, and a suffix only where the root is long enough', () => {
    expect(unsuffix('kalian').bases).toEqual(['kalian']);
    expect(unsuffix('makan').bases).toEqual(['makan']);
    expect(unsuffix('makan', 3).bases).toEqual(['makan', 'mak']);
  });
});

describe('candidateRoots', () => {
  it('strips up to two prefixes and two suffixes, in either order', () => {
    expect(candidateRoots('kebanjiran')).toContain('banjir');
    expect(candidateRoots('diperbaikinya')).toContain('baik');
    expect(candidateRoots('pecintanya')).toContain('cinta');
  });
});
