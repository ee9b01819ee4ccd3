import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../i18n/index.ts';
import { countKey } from './plural.ts';

const keys = {
  zero: 'workshop.vote.remaining.zero',
  one: 'workshop.vote.remaining.one',
  other: 'workshop.vote.remaining.other',
} as const satisfies Record<string, MessageKey>;

describe('countKey', () => {
  it('has a message for none, one and several', () => {
    expect(countKey(0, keys)).toBe(keys.zero);
    expect(countKey(1, keys)).toBe(keys.one);
    expect(countKey(2, keys)).toBe(keys.other);
  });

  it('falls back to the plural for none when there is no message for it', () => {
    expect(countKey(0, { one: keys.one, other: keys.other })).toBe(keys.other);
  });
});
