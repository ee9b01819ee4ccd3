import { describe, expect, it } from 'vitest';
import { formatAverage, formatScore, formatWeight, parseWeight } from './format.ts';

describe('evaluation numbers', () => {
  it('writes averages with two decimals in the reader’s language, a dash when there is none', () => {
    expect(formatAverage(3.256, 'fr')).toBe('3,26');
    expect(formatAverage(4, 'fr')).toBe('4,00');
    expect(formatAverage(4, 'en')).toBe('4.00');
    expect(formatAverage(null, 'fr')).toBe('—');
  });

  it('writes weights as typed, and reads them back with a comma or a point', () => {
    expect(formatWeight(1.5, 'fr')).toBe('1,5');
    expect(formatWeight(2, 'fr')).toBe('2');
    expect(parseWeight(' 1,5 ')).toBe(1.5);
    expect(parseWeight('2')).toBe(2);
    expect(parseWeight('1.25')).toBe(1.25);
    for (const text of ['', 'deux', '-1', '1,2,3', '1e3']) expect(parseWeight(text), text).toBeNaN();
  });

  it('says a score, « non concerné » or « non notée »', () => {
    expect(formatScore(0, 'fr')).toBe('0');
    expect(formatScore('non-concerne', 'fr')).toBe('non concerné');
    expect(formatScore(null, 'fr')).toBe('non notée');
    expect(formatScore('non-concerne', 'en')).toBe('not applicable');
  });
});
