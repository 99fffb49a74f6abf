import { HOAX_LEVELS, hoaxLevel, scoreHoax } from '../../shared/classify/hoax';
import { normalise } from '../../shared/classify/normalise';
import type { HoaxResult } from '../../shared/classify/types';

const score = (text: string): HoaxResult => scoreHoax({ text, norm: normalise(text) });
const names = (r: HoaxResult): string[] => r.indicators.map((i) => i.name);
const evidenceOf = (r: HoaxResult, name: string): readonly string[] => r.indicators.find((i) => i.name === name)?.evidence ?? [];

const CHAIN =
  'AWAS!! Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus!!';
const DEBUNK =
  'HOAKS: pintu air Manggarai tidak jebol, cek fakta dari BPBD: status normal. Jangan disebarkan ya https://bpbd.jakarta.go.id/waspadabanjir';

describe('scoreHoax', () => {
  it('rates the Manggarai chain message high, with the evidence that fired', () => {
    const r = score(CHAIN);
    expect(r.level).toBe('high');
    expect(r.score).toBeGreaterThanOrEqual(HOAX_LEVELS.high);
    expect(names(r)).toEqual(expect.arrayContaining(['call_to_share', 'alarm', 'hearsay']));
    expect(evidenceOf(r, 'call_to_share')).toEqual(expect.arrayContaining(['sebarkan', 'sebelum dihapus']));
    expect(evidenceOf(r, 'alarm')).toContain('awas');
    expect(evidenceOf(r, 'hearsay')).toContain('info dari orang dalam');
  });

  it('keeps a variant of the chain message (slang, emoji, caps) at least medium', () => {
    const r = score('⚠️ WASPADA ⚠️ katanya pintu air manggarai jebol mlm ini!!! jakpus tenggelam. viralkan sblm dihapus 🙏🙏');
    expect(['medium', 'high']).toContain(r.level);
    expect(names(r)).toEqual(expect.arrayContaining(['alarm', 'hearsay', 'call_to_share', 'shouting']));
  });

  it('rates an ordinary complaint none', () => {
    const r = score('Macet parah bgt di Sudirman pagi ini, TJ juga penuh 😩 kapan beresnya sih');
    expect(r.level).toBe('none');
    expect(r.indicators).toHaveLength(0);
    expect(r.score).toBe(0);
  });

  it('rates a flood complaint with "!!" none: two marks are emphasis, not shouting', () => {
    expect(score('Banjir lagi di Kemang, air udah sepinggang!!').level).toBe('none');
  });

  it('scores a debunking post well below the hoax, and says why', () => {
    const hoax = score(CHAIN);
    const debunk = score(DEBUNK);
    expect(debunk.score).toBeLessThan(hoax.score);
    expect(debunk.level).toBe('none');
    expect(names(debunk)).toEqual(expect.arrayContaining(['debunk', 'official_link']));
    expect(names(debunk)).not.toContain('call_to_share');
    expect(debunk.indicators.find((i) => i.name === 'debunk')?.weight).toBeLessThan(0);
  });

  it('does not take "bukan hoax" (insisting) as a debunk', () => {
    const r = score('Ini bukan hoax, dijamin 100% benar. Sebarkan!');
    expect(names(r)).not.toContain('debunk');
    expect(names(r)).toEqual(expect.arrayContaining(['absolute_claim', 'call_to_share']));
  });

  it('flags a URL shortener as suspicious_link', () => {
    const r = score('Cek daftar wilayah yang akan dimatikan listriknya: https://bit.ly/3xYzAbc');
    expect(names(r)).toContain('suspicious_link');
    expect(evidenceOf(r, 'suspicious_link')).toEqual(['shortener bit.ly']);
    expect(r.level).toBe('low');
  });

  it('flags a bare shortener written without https', () => {
    expect(names(score('daftar bansos cair cek s.id/bansos-dki'))).toContain('suspicious_link');
  });

  it('flags a lookalike of jakarta.go.id but not the real domain', () => {
    const fake = score('Daftar bantuan banjir di https://jakarta-go-id.com/bantuan');
    expect(evidenceOf(fake, 'suspicious_link')).toEqual(['lookalike jakarta-go-id.com']);
    expect(names(score('Daftar di jakartagoid.net/daftar'))).toContain('suspicious_link');

    const real = score('Daftar bantuan banjir di https://jakarta.go.id/bantuan');
    expect(names(real)).not.toContain('suspicious_link');
    expect(names(real)).toContain('official_link');
    expect(real.score).toBe(0);
  });

  it('detects shouting by the share of capitals, only in long enough texts', () => {
    expect(evidenceOf(score('PEMPROV HARUS TANGGUNG JAWAB ATAS SEMUA INI'), 'shouting')).toEqual([expect.stringMatching(/% capitals$/)]);
    expect(names(score('OK SIAP'))).not.toContain('shouting');
  });

  it('finds conspiracy and pseudo-authority phrases', () => {
    const r = score('Kata dokter kenalan saya vaksin ini berbahaya, tapi media diam dan semua ditutupi.');
    expect(names(r)).toEqual(expect.arrayContaining(['pseudo_authority', 'conspiracy']));
    expect(r.level).not.toBe('none');
  });

  it('combines indicators as a noisy-OR', () => {
    const r = score(CHAIN);
    const expected = 1 - r.indicators.filter((i) => i.weight > 0).reduce((keep, i) => keep * (1 - i.weight), 1);
    expect(r.score).toBeCloseTo(expected, 3);
  });

  it('maps scores to levels at the documented thresholds', () => {
    expect([0, 0.19, 0.2, 0.44, 0.45, 0.69, 0.7, 1].map(hoaxLevel)).toEqual([
      'none',
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });
});
