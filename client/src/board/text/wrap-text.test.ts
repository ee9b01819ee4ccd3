import { describe, expect, it } from 'vitest';
import { approximateMeasure, type Measure } from './text-measure.ts';
import { fitLines, truncateLine, wrapText } from './wrap-text.ts';

/** Every character 10 units wide at font size 10: widths are easy to count. */
const mono: Measure = (text, fontSize) => [...text].length * fontSize;

describe('wrapText', () => {
  it('breaks at spaces so each line fits', () => {
    expect(wrapText('un deux trois quatre', 10, 1, mono)).toEqual(['un deux', 'trois', 'quatre']);
  });

  it('keeps explicit line breaks, empty lines included', () => {
    expect(wrapText('un\n\ndeux\r\ntrois', 100, 1, mono)).toEqual(['un', '', 'deux', 'trois']);
  });

  it('collapses runs of spaces and tabs', () => {
    expect(wrapText('  un \t  deux  ', 100, 1, mono)).toEqual(['un deux']);
  });

  it('breaks a word too long for a line, and only that word', () => {
    expect(wrapText('court anticonstitutionnellement fin', 10, 1, mono)).toEqual(['court', 'anticonsti', 'tutionnell', 'ement fin']);
  });

  it('never splits a character made of several code points', () => {
    expect(wrapText('👩‍🔬👩‍🔬', 1, 1, mono).every((line) => line === '👩‍🔬')).toBe(true);
  });

  it('puts at least one character per line, however narrow', () => {
    expect(wrapText('abc', 0, 1, mono)).toEqual(['a', 'b', 'c']);
  });

  it('scales with the font size', () => {
    expect(wrapText('un deux', 60, 10, mono)).toEqual(['un', 'deux']);
    expect(wrapText('un deux', 60, 1, mono)).toEqual(['un deux']);
  });
});

describe('fitLines', () => {
  it('keeps lines that fit', () => {
    expect(fitLines(['a', 'b'], 2, 10, 1, mono)).toEqual(['a', 'b']);
  });

  it('ends the last line kept with an ellipsis', () => {
    expect(fitLines(['un', 'deux', 'trois'], 2, 10, 1, mono)).toEqual(['un', 'deux…']);
    expect(fitLines(['un', 'abcdefghij', 'trois'], 2, 10, 1, mono)).toEqual(['un', 'abcdefghi…']);
  });

  it('keeps nothing when not one line fits', () => {
    expect(fitLines(['un'], 0, 10, 1, mono)).toEqual([]);
  });
});

describe('truncateLine', () => {
  it('leaves a line that fits', () => {
    expect(truncateLine('Idées', 5, 1, mono)).toBe('Idées');
  });

  it('cuts a long line before trailing spaces and adds an ellipsis', () => {
    expect(truncateLine('Idées du groupe', 7, 1, mono)).toBe('Idées…');
  });
});

describe('approximateMeasure', () => {
  it('grows with the text and the font size, bold a little wider', () => {
    const regular = approximateMeasure('Mobilité durable', 20);
    expect(regular).toBeGreaterThan(approximateMeasure('Mobilité', 20));
    expect(approximateMeasure('Mobilité durable', 40)).toBeCloseTo(regular * 2);
    expect(approximateMeasure('Mobilité durable', 20, true)).toBeGreaterThan(regular);
  });

  it('takes narrow letters as narrower than wide ones', () => {
    expect(approximateMeasure('iiii', 10)).toBeLessThan(approximateMeasure('MMMM', 10));
  });
});
