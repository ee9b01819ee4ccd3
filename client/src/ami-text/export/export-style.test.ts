import { describe, expect, it } from 'vitest';
import { bindFrenchSpaces, headingSize } from './export-style.ts';

describe('bindFrenchSpaces', () => {
  it('keeps guillemets and « : ; ! ? » with their words', () => {
    expect(bindFrenchSpaces('les actions « tube à essai » : lesquelles ? Voici ; enfin !')).toBe(
      'les actions «\u00A0tube à essai\u00A0»\u00A0: lesquelles\u00A0? Voici\u00A0; enfin\u00A0!',
    );
  });

  it('leaves English punctuation and lone marks alone', () => {
    expect(bindFrenchSpaces('Status: done? «x»')).toBe('Status: done? «x»');
  });
});

describe('headingSize', () => {
  it('shrinks with the level, and gives the body size past the last', () => {
    expect([1, 2, 3].map(headingSize)).toEqual([18, 14, 12]);
    expect(headingSize(9)).toBe(10.5);
  });
});
