import { describe, expect, it } from 'vitest';
import { countWords } from './count-words.ts';
import { wordCountLabel } from './word-count.ts';

describe('countWords', () => {
  it('counts words the French way', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('Domaine : Gestion de l’eau')).toBe(4);
    expect(countWords('« Tube à essai » ! Les Hauts-de-France, 2026 ; 5 M€ sur 2023-2027.')).toBe(10);
    expect(countWords("L'AMI n°2 : capteurs IoT/LoRaWAN")).toBe(6);
    expect(countWords('e-mail contact@region.fr')).toBe(3);
  });
});

describe('wordCountLabel', () => {
  it('says none, one, or the count grouped by thousands', () => {
    expect(wordCountLabel(0, 'fr')).toBe('Aucun mot');
    expect(wordCountLabel(1, 'fr')).toBe('1 mot');
    expect(wordCountLabel(2, 'fr')).toBe('2 mots');
    expect(wordCountLabel(1234, 'fr')).toBe('1\u202f234 mots');
    expect(wordCountLabel(0, 'en')).toBe('No words');
    expect(wordCountLabel(1, 'en')).toBe('1 word');
    expect(wordCountLabel(1234, 'en')).toBe('1,234 words');
  });
});
