import { describe, expect, it } from 'vitest';
import {
  applyChange,
  applyDelta,
  caretAfterDelta,
  diffText,
  shiftSelection,
  transformPosition,
  type TextDelta,
} from './text-diff.ts';

describe('diffText', () => {
  it('returns null when nothing changed', () => {
    expect(diffText('', '')).toBeNull();
    expect(diffText('bonjour', 'bonjour')).toBeNull();
  });

  it('finds a single insertion, deletion or replacement', () => {
    expect(diffText('bonjour', 'bonjour !')).toEqual({ index: 7, deleteCount: 0, insert: ' !' });
    expect(diffText('bonjour', 'jour')).toEqual({ index: 0, deleteCount: 3, insert: '' });
    expect(diffText('le chat noir', 'le chien noir')).toEqual({ index: 5, deleteCount: 2, insert: 'ien' });
    expect(diffText('', 'é')).toEqual({ index: 0, deleteCount: 0, insert: 'é' });
    expect(diffText('abc', '')).toEqual({ index: 0, deleteCount: 3, insert: '' });
  });

  it('uses the caret to place an ambiguous insertion or deletion', () => {
    // "a" typed at the start of "aa": the caret is at 1 afterwards.
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, deleteCount: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, deleteCount: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, deleteCount: 0, insert: 'a' });
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, deleteCount: 0, insert: 'a' });
    // Backspace on the first "l" of "allo": caret at 1.
    expect(diffText('allo', 'alo', 1)).toEqual({ index: 1, deleteCount: 1, insert: '' });
    // Pasting "abab" after "ab" in "abab".
    expect(diffText('abab', 'ababab', 4)).toEqual({ index: 2, deleteCount: 0, insert: 'ab' });
  });

  it('ignores a caret that does not match the edit', () => {
    expect(diffText('abc', 'abXc', 0)).toEqual({ index: 2, deleteCount: 0, insert: 'X' });
    expect(diffText('abc', 'abXc', 99)).toEqual({ index: 2, deleteCount: 0, insert: 'X' });
  });

  it('never splits a surrogate pair', () => {
    expect(diffText('x😀y', 'x😃y')).toEqual({ index: 1, deleteCount: 2, insert: '😃' });
    expect(diffText('😀', '😃')).toEqual({ index: 0, deleteCount: 2, insert: '😃' });
    // Same low surrogate, different high one: the suffix must not start in the middle of the pair.
    const a = String.fromCharCode(0xd83d, 0xde00);
    const b = String.fromCharCode(0xd83e, 0xde00);
    expect(diffText(`-${a}-`, `-${b}-`)).toEqual({ index: 1, deleteCount: 2, insert: b });
  });

  it('round-trips random edits with minimal, pair-safe changes', () => {
    const alphabet = ['a', 'b', ' ', 'é', '\n', '😀', '😃', '🧪'];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const randomText = (max: number) =>
      Array.from({ length: Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const splitsPair = (text: string, index: number) =>
      index > 0 && index < text.length && /[\ud800-\udbff]/.test(text[index - 1] ?? '') && /[\udc00-\udfff]/.test(text[index] ?? '');

    for (let i = 0; i < 2000; i++) {
      const before = randomText(12);
      const at = Math.floor(random() * (before.length + 1));
      const removed = Math.floor(random() * 3);
      let after = before.slice(0, at) + randomText(4) + before.slice(at + removed);
      if (splitsPair(after, at) || [...after].join('') !== after) after = [...before, ...randomText(3)].join('');
      const caret = Math.floor(random() * (after.length + 1));
      const change = diffText(before, after, random() < 0.5 ? caret : undefined);
      if (before === after) {
        expect(change).toBeNull();
        continue;
      }
      expect(change).not.toBeNull();
      if (!change) continue;
      expect(applyChange(before, change)).toBe(after);
      expect(splitsPair(before, change.index)).toBe(false);
      expect(splitsPair(before, change.index + change.deleteCount)).toBe(false);
      expect(change.deleteCount === 0 && change.insert === '').toBe(false);
    }
  });
});

describe('transformPosition and shiftSelection', () => {
  const text = 'Bonjour le monde';

  it('applies deltas like Y.Text does', () => {
    expect(applyDelta(text, [{ retain: 8 }, { delete: 3 }, { insert: 'tout le ' }])).toBe('Bonjour tout le monde');
    expect(applyDelta(text, [{ insert: '> ' }])).toBe('> Bonjour le monde');
  });

  it('shifts positions after an insertion and keeps those before it', () => {
    const delta: TextDelta = [{ retain: 8 }, { insert: 'à tous, ' }];
    expect(transformPosition(3, delta)).toBe(3);
    expect(transformPosition(10, delta)).toBe(18);
    expect(transformPosition(text.length, delta)).toBe(text.length + 8);
  });

  it('keeps a caret before text inserted exactly at it, unless told to stick after', () => {
    const delta: TextDelta = [{ retain: 8 }, { insert: 'XYZ' }];
    expect(transformPosition(8, delta)).toBe(8);
    expect(transformPosition(8, delta, 'after')).toBe(11);
  });

  it('moves positions inside a deleted range to its start', () => {
    const delta: TextDelta = [{ retain: 8 }, { delete: 3 }];
    expect(transformPosition(7, delta)).toBe(7);
    expect(transformPosition(9, delta)).toBe(8);
    expect(transformPosition(11, delta)).toBe(8);
    expect(transformPosition(14, delta)).toBe(11);
  });

  it('handles several operations in one delta', () => {
    // Insert 2 at 0, delete "jour" (old 3..7), insert "!" at old 16.
    const delta: TextDelta = [{ insert: '> ' }, { retain: 3 }, { delete: 4 }, { retain: 9 }, { insert: '!' }];
    expect(applyDelta(text, delta)).toBe('> Bon le monde!');
    expect(transformPosition(0, delta)).toBe(0);
    expect(transformPosition(1, delta)).toBe(3);
    expect(transformPosition(5, delta)).toBe(5);
    expect(transformPosition(10, delta)).toBe(8);
    expect(transformPosition(16, delta)).toBe(14);
  });

  it('keeps the selected text selected', () => {
    // "le" selected (8..10); someone inserts before it and after it.
    const delta: TextDelta = [{ insert: '¡' }, { retain: 8 }, { insert: '[' }, { retain: 2 }, { insert: ']' }];
    const after = applyDelta(text, delta);
    const shifted = shiftSelection({ start: 8, end: 10, direction: 'backward' }, delta);
    expect(after.slice(shifted.start, shifted.end)).toBe('le');
    expect(shifted.direction).toBe('backward');
  });

  it('shrinks a selection whose text was deleted', () => {
    const shifted = shiftSelection({ start: 8, end: 16 }, [{ retain: 6 }, { delete: 10 }]);
    expect(shifted).toEqual({ start: 6, end: 6 });
  });

  it('follows the character it was in front of through random deltas', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let i = 0; i < 500; i++) {
      // Distinct characters so a position can be identified by the character after it.
      const original = Array.from({ length: random(15) + 1 }, (_, k) => String.fromCharCode(0x41 + k)).join('');
      const delta: { retain?: number; delete?: number; insert?: string }[] = [];
      let left = original.length;
      while (left > 0) {
        const kind = random(3);
        const n = Math.min(left, random(3) + 1);
        if (kind === 0) {
          delta.push({ retain: n });
          left -= n;
        } else if (kind === 1) {
          delta.push({ delete: n });
          left -= n;
        } else {
          delta.push({ insert: '0123'.slice(0, random(4) + 1) });
        }
      }
      const after = applyDelta(original, delta);
      for (let p = 0; p < original.length; p++) {
        const char = original[p] ?? '';
        const moved = transformPosition(p, delta, 'after');
        if (after.includes(char)) expect(after[moved]).toBe(char);
        expect(moved).toBeLessThanOrEqual(after.length);
      }
    }
  });

  it('keeps a collapsed caret collapsed', () => {
    expect(shiftSelection({ start: 8, end: 8 }, [{ retain: 8 }, { insert: 'abc' }])).toEqual({ start: 8, end: 8 });
    expect(shiftSelection({ start: 9, end: 9 }, [{ retain: 8 }, { insert: 'abc' }])).toEqual({ start: 12, end: 12 });
  });
});

describe('caretAfterDelta', () => {
  it('points after the last insertion or at the last deletion', () => {
    expect(caretAfterDelta([])).toBeNull();
    expect(caretAfterDelta([{ retain: 4 }, { insert: 'abc' }])).toBe(7);
    expect(caretAfterDelta([{ retain: 4 }, { delete: 2 }])).toBe(4);
    expect(caretAfterDelta([{ insert: 'a' }, { retain: 4 }, { delete: 2 }])).toBe(5);
  });
});
