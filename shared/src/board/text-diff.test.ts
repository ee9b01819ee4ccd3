import { describe, expect, it } from 'vitest';
import { textChange, type TextChange } from './text-diff.ts';

function apply(text: string, change: TextChange): string {
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.deleteCount);
}

describe('textChange', () => {
  it('is null for equal strings', () => {
    expect(textChange('abc', 'abc')).toBeNull();
  });

  it.each([
    ['Fuite réseau', 'Fuite du réseau', { index: 6, deleteCount: 0, insert: 'du ' }],
    ['Fuite du réseau', 'Fuite réseau', { index: 6, deleteCount: 3, insert: '' }],
    ['capteur A', 'capteur B', { index: 8, deleteCount: 1, insert: 'B' }],
    ['', 'nouveau', { index: 0, deleteCount: 0, insert: 'nouveau' }],
    ['aa', 'aaa', { index: 2, deleteCount: 0, insert: 'a' }],
  ])('keeps the common prefix and suffix of %j → %j', (before, after, expected) => {
    expect(textChange(before, after)).toEqual(expected);
    expect(apply(before, expected)).toBe(after);
  });

  it('never splits a surrogate pair', () => {
    // 😀 and 😁 share their high surrogate: a naive diff would replace only the low half.
    const change = textChange('a😀b', 'a😁b');
    expect(change).toEqual({ index: 1, deleteCount: 2, insert: '😁' });
    const suffixChange = textChange('x😀', 'y😀');
    expect(suffixChange).toEqual({ index: 0, deleteCount: 1, insert: 'y' });
    const shared = textChange('😀😀', '😀');
    expect(apply('😀😀', shared as TextChange)).toBe('😀');
    expect((shared as TextChange).index % 2).toBe(0);
  });
});
