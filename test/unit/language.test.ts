import { detectLanguage } from '../../shared/classify/language';
import { normalise } from '../../shared/classify/normalise';

const lang = (text: string) => detectLanguage(normalise(text));

describe('detectLanguage', () => {
  it('recognises an English tweet', () => {
    expect(lang('The bus was late again and the driver was so rude')).toBe('en');
    expect(lang('Stuck in traffic for two hours, this city is exhausting')).toBe('en');
  });

  it('recognises informal Indonesian, slang included', () => {
    expect(lang('gw udh nunggu 2 jam tj ga dateng2 bgt')).toBe('id');
    expect(lang('Banjir lagi, pemerintah gak becus!!')).toBe('id');
  });

  it('gives code-mixed posts to the language that carries the sentence', () => {
    expect(lang('jujur pelayanannya so bad, udah nunggu lama banget tapi ga dilayanin')).toBe('id');
    expect(lang('honestly the new MRT line is great, mantap')).toBe('en');
  });

  it('says und when there is too little to go on', () => {
    expect(lang('ok')).toBe('und');
    expect(lang('😡😡')).toBe('und');
    expect(lang('Kemang')).toBe('und');
  });

  it('reports Malay as Indonesian, Malay-only words included', () => {
    expect(lang('Saya tak faham kenapa kerajaan tak boleh selesaikan masalah ni')).toBe('id');
    expect(lang('Makanan kat sini sedap gila, memang best')).toBe('id');
  });

  it('does not take English words of the Indonesian lexicon for Indonesian', () => {
    expect(lang('so chaos here, the station is crowded and hectic')).toBe('en');
    expect(lang('Honestly the new MRT station is fire, super clean and quick')).toBe('en');
  });

  it('keeps Indonesian posts with English fillers Indonesian', () => {
    expect(lang('otw kantor, macet total di Sudirman, telat deh meeting pagi')).toBe('id');
  });

  it('accepts one strong marker in a short post', () => {
    expect(lang('mahal banget')).toBe('id');
  });
});
