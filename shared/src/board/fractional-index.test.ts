import { describe, expect, it } from 'vitest';
import { isOrderKey, keyAfter, keyBefore, keyBetween, keysBetween } from './fractional-index.ts';
import { seededRandom } from './testing.ts';

function expectStrictlySorted(keys: readonly string[]): void {
  const outOfOrder = keys.filter((key, i) => i > 0 && !((keys[i - 1] as string) < key));
  expect(outOfOrder).toEqual([]);
}

describe('keyBetween', () => {
  it('starts in the middle of the range', () => {
    expect(keyBetween(null, null)).toBe('V');
  });

  it.each([
    ['V', 'W'],
    ['V', 'V1'],
    ['1', '2'],
    ['z', 'z1'],
    ['0001', '0002'],
    ['Az', 'B'],
    ['yzzz', 'z'],
  ])('finds a key strictly between %s and %s', (a, b) => {
    const key = keyBetween(a, b);
    expect(a < key && key < b).toBe(true);
    expect(isOrderKey(key)).toBe(true);
  });

  it('finds keys before and after any key', () => {
    for (const key of ['1', 'V', 'z', 'zzzz', '0001', 'a0b']) {
      expect(keyBetween(null, key) < key).toBe(true);
      expect(keyBetween(key, null) > key).toBe(true);
    }
  });

  it.each([
    ['V', 'V'],
    ['W', 'V'],
    ['V1', 'V'],
  ])('throws when %s >= %s', (a, b) => {
    expect(() => keyBetween(a, b)).toThrow(RangeError);
  });

  it.each(['', 'V0', '0', 'a-b', 'é'])('throws on the invalid key %j', (key) => {
    expect(() => keyBetween(key, null)).toThrow(RangeError);
    expect(() => keyBetween(null, key)).toThrow(RangeError);
  });

  it('keeps strict order and never ends a key in 0 over 10,000 random insertions', () => {
    const random = seededRandom(42);
    const keys: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const at = Math.floor(random() * (keys.length + 1));
      keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
    }
    // Each key stays between the neighbours it was inserted between, so final order proves each insertion.
    expectStrictlySorted(keys);
    expect(keys.filter((key) => key.endsWith('0') || !isOrderKey(key))).toEqual([]);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThan(40);
  });
});

describe('keyAfter / keyBefore', () => {
  it('grow logarithmically over 10,000 appends', () => {
    const keys = [keyBetween(null, null)];
    for (let i = 0; i < 10_000; i++) keys.push(keyAfter(keys[keys.length - 1] as string));
    expectStrictlySorted(keys);
    expect(keys.every(isOrderKey)).toBe(true);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThanOrEqual(5);
  });

  it('grow logarithmically over 10,000 prepends', () => {
    const keys = [keyBetween(null, null)];
    for (let i = 0; i < 10_000; i++) keys.unshift(keyBefore(keys[0] as string));
    expectStrictlySorted(keys);
    expect(keys.every(isOrderKey)).toBe(true);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThanOrEqual(5);
  });

  it('climb to the next level once a level is full', () => {
    expect(keyAfter('y')).toBe('z');
    expect(keyAfter('z')).toBe('z01');
    expect(keyAfter('z0z')).toBe('z1');
    expect(keyAfter('zyz')).toBe('zz');
    expect(keyBefore('2')).toBe('1');
    expect(keyBefore('1')).toBe('0zz');
    expect(keyBefore('01')).toBe('00zzz');
  });
});

describe('keysBetween', () => {
  it.each([
    [null, null],
    ['V', null],
    [null, 'V'],
    ['V', 'W'],
  ])('spreads n keys strictly between %s and %s', (a, b) => {
    const keys = keysBetween(a, b, 1000);
    expect(keys).toHaveLength(1000);
    expectStrictlySorted([...(a === null ? [] : [a]), ...keys, ...(b === null ? [] : [b])]);
    expect(Math.max(...keys.map((key) => key.length))).toBeLessThanOrEqual(5);
  });

  it('returns nothing for n = 0 and refuses a negative count', () => {
    expect(keysBetween('V', 'W', 0)).toEqual([]);
    expect(() => keysBetween('V', 'W', -1)).toThrow(RangeError);
  });
});
