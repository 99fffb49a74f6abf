import { buildPlaceIndex, findPlaces } from '../../shared/classify/places';
import { CITIES, GAZETTEER } from '../../shared/classify/places-jakarta';
import { normalise } from '../../shared/classify/normalise';
import type { Place } from '../../shared/classify/types';

const places = (text: string): Place[] => findPlaces(normalise(text));
const placeNames = (text: string): string[] => places(text).map((p) => p.name);

describe('findPlaces', () => {
  it('puts Kemang in Kecamatan Mampang Prapatan, Jakarta Selatan', () => {
    expect(places('banjir di kemang')).toEqual([
      { name: 'Kemang', kelurahan: 'Bangka', kecamatan: 'Mampang Prapatan', city: 'Jakarta Selatan' },
    ]);
  });

  it('reads jaksel and the other city abbreviations', () => {
    expect(places('macet parah di jaksel')).toEqual([{ name: 'Jakarta Selatan', city: 'Jakarta Selatan' }]);
    expect(placeNames('jakut jakbar jaktim jakpus')).toEqual(['Jakarta Utara', 'Jakarta Barat', 'Jakarta Timur', 'Jakarta Pusat']);
  });

  it('prefers the longest name', () => {
    expect(placeNames('air naik di Pintu Air Manggarai')).toEqual(['Pintu Air Manggarai']);
    expect(places('Kelapa Gading Barat tergenang')[0]).toMatchObject({
      name: 'Kelapa Gading Barat',
      kecamatan: 'Kelapa Gading',
      city: 'Jakarta Utara',
    });
    expect(placeNames('Grogol Utara')).toEqual(['Grogol Utara']);
    expect(places('Grogol Utara')[0]?.city).toBe('Jakarta Selatan');
    expect(places('Grogol')[0]?.city).toBe('Jakarta Barat');
  });

  it('matches whole words only', () => {
    expect(placeNames('kemangi segar banget, pancoran air')).toEqual(['Pancoran']);
    expect(placeNames('kemangi')).toEqual([]);
  });

  it('lists each place once, in order of first mention', () => {
    expect(placeNames('Kemang banjir, Cipete banjir, kemang lagi, jaksel parah')).toEqual(['Kemang', 'Cipete', 'Jakarta Selatan']);
  });

  it('finds places in hashtags, whole or at either end', () => {
    expect(placeNames('parah #BanjirKemang #PasarMinggu').sort()).toEqual(['Kemang', 'Pasar Minggu']);
    expect(findPlaces({ ...normalise('parah'), hashtags: ['KemangBanjir', 'infomacetjakbar'] }).map((p) => p.name)).toEqual([
      'Kemang',
      'Jakarta Barat',
    ]);
  });

  it('knows landmarks and roads people name', () => {
    expect(places('Monas rame')[0]).toMatchObject({ kecamatan: 'Gambir', city: 'Jakarta Pusat' });
    expect(places('halte Bundaran HI')[0]).toMatchObject({ name: 'Bundaran HI', city: 'Jakarta Pusat' });
    expect(places('kp melayu')[0]).toMatchObject({ name: 'Kampung Melayu', kecamatan: 'Jatinegara', city: 'Jakarta Timur' });
    expect(places('Bintaro')[0]).toMatchObject({ kecamatan: 'Pesanggrahan', city: 'Jakarta Selatan' });
  });

  it('has all 44 kecamatan and the six cities', () => {
    const kecamatan = GAZETTEER.filter((e) => e.kecamatan === e.name && e.kelurahan === undefined);
    expect(kecamatan).toHaveLength(44);
    expect(GAZETTEER.filter((e) => e.name === e.city).map((e) => e.name)).toEqual([...CITIES]);
    expect(GAZETTEER.length).toBeGreaterThan(200);
  });

  it('refuses a gazetteer where one phrase names two places', () => {
    expect(() =>
      buildPlaceIndex([
        { name: 'Kemang', city: 'Jakarta Selatan' },
        { name: 'Kemang Bogor', city: 'Jakarta Selatan', aliases: ['kemang'] },
      ]),
    ).toThrow(/kemang/);
  });
});
