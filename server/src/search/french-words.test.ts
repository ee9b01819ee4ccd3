import { describe, expect, it } from 'vitest';
import { foldAccents, queryStems, stem, stems, words } from './french-words.ts';

const stemOf = (word: string) => stem(foldAccents(word));

describe('foldAccents', () => {
  it('folds case, accents, cedillas and ligatures', () => {
    expect(foldAccents('Économie Réseau À Noël Ça Œuvre Ægis')).toBe('economie reseau a noel ca oeuvre aegis');
  });

  it('folds decomposed accents (NFD input) like composed ones', () => {
    expect(foldAccents('re\u0301seau')).toBe(foldAccents('réseau'));
  });
});

describe('words', () => {
  it('splits on apostrophes, hyphens and punctuation, keeping where each word is', () => {
    const text = 'L’eau des Hauts-de-France : 48 h, c\'est tout.';
    expect(words(text).map((word) => word.folded)).toEqual(['l', 'eau', 'des', 'hauts', 'de', 'france', '48', 'h', 'c', 'est', 'tout']);
    const eau = words(text)[1]!;
    expect(text.slice(eau.start, eau.end)).toBe('eau');
  });
});

describe('stem (light French stemmer)', () => {
  it.each([
    ['réseau', 'réseaux'],
    ['capteur', 'capteurs'],
    ['économie', 'économiques'],
    ['économique', 'Économies'],
    ['acoustique', 'acoustiques'],
    ['donnée', 'données'],
    ['fuite', 'fuites'],
    ['territorial', 'territoriaux'],
    ['expérimentation', 'expérimentations'],
    ['expérimenter', 'expérimentation'],
    ['arrosage', 'arroser'],
    ['connecté', 'connectées'],
    ['naturel', 'naturelles'],
    ['européen', 'européenne'],
    ['participatif', 'participative'],
    ['premier', 'premières'],
    ['mesure', 'mesurer'],
    ['technologie', 'technologiques'],
  ])('« %s » and « %s » share a stem', (a, b) => {
    expect(stemOf(a)).toBe(stemOf(b));
  });

  it.each([
    ['capteur', 'capter'],
    ['réseau', 'résumé'],
    ['gestion', 'geste'],
  ])('keeps « %s » and « %s » apart', (a, b) => {
    expect(stemOf(a)).not.toBe(stemOf(b));
  });

  it('leaves short words and numbers whole', () => {
    expect(stemOf('rue')).toBe('rue');
    expect(stemOf('rues')).toBe('rue');
    expect(stemOf('eaux')).toBe('eau');
    expect(stemOf('iot')).toBe('iot');
    expect(stemOf('2026')).toBe('2026');
    expect(stemOf('48')).toBe('48');
  });
});

describe('stems and queryStems', () => {
  it('drops the little words and keeps the others in order', () => {
    expect(stems('Les capteurs acoustiques de l’eau sur le réseau')).toEqual(['capteur', 'acoust', 'eau', 'reseau']);
  });

  it('gives a query its distinct stems, nothing for a query of little words only', () => {
    expect(queryStems('Capteurs, capteur et CAPTEURS acoustiques')).toEqual(['capteur', 'acoust']);
    expect(queryStems('de la')).toEqual([]);
  });
});
