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

  it('accepts one strong marker in a short post', () => {
    expect(lang('mahal banget')).toBe('id');
  });
});
