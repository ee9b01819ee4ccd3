/**
 * Fractional indexes for the z-order of shapes: strings that sort between their neighbours, so
 * bringing a shape forward rewrites that one shape's key instead of renumbering the board (which
 * two people doing at once would tangle).
 *
 * A key is the digits of a base-62 fraction in [0, 1) after the point, `0-9A-Za-z` — in ASCII
 * order, so plain `<` on strings (UTF-16 code units) is numeric order. A key never ends in '0':
 * "V" and "V0" would be the same number, leaving no room between them.
 *
 * Appends and prepends use a level scheme so that keys grow with the logarithm of their number
 * rather than linearly: a key after a run of m leading 'z' is incremented on its first 2m+1 digits
 * (level m holds about 62^(m+1) keys of 2m+1 digits), and symmetrically with leading '0' before.
 * Two people inserting at the same place at once get the same key; readers break ties by shape id.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const FIRST_KEY = 'V';

export const ORDER_KEY_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isOrderKey(value: string): boolean {
  return ORDER_KEY_PATTERN.test(value);
}

function checkKey(key: string): void {
  if (!isOrderKey(key)) throw new RangeError(`invalid order key: ${JSON.stringify(key)}`);
}

function digitValue(key: string, index: number): number {
  const char = key[index];
  return char === undefined ? 0 : DIGITS.indexOf(char);
}

function leadingRun(key: string, char: string): number {
  let n = 0;
  while (key[n] === char) n++;
  return n;
}

function trimZeros(digits: readonly number[]): string {
  let end = digits.length;
  while (end > 0 && digits[end - 1] === 0) end--;
  return digits.slice(0, end).map((d) => DIGITS.charAt(d)).join('');
}

/** The first `width` digits of `key`, padded with zeros. */
function headDigits(key: string, width: number): number[] {
  return Array.from({ length: width }, (_, index) => digitValue(key, index));
}

/** A key strictly between `a` and `b` (`null` standing for 1). */
function midpoint(a: string, b: string | null): string {
  let n = 0;
  if (b !== null) {
    // `a` is read as zero-padded since it may end before `b`; `b` cannot end first (a < b).
    while ((a[n] ?? '0') === b[n]) n++;
  }
  const prefix = b === null ? '' : b.slice(0, n);
  const low = digitValue(a, n);
  const high = b === null ? BASE : digitValue(b, n);
  if (high - low > 1) return prefix + DIGITS.charAt(Math.round((low + high) / 2));
  if (b !== null && b.length > n + 1) return prefix + DIGITS.charAt(high);
  return prefix + DIGITS.charAt(low) + midpoint(a.slice(n + 1), null);
}

export function keyAfter(a: string): string {
  checkKey(a);
  const level = leadingRun(a, 'z');
  const digits = headDigits(a, 2 * level + 1);
  // Digit `level` is not a 'z' (or is padding), so the carry stops there at the latest.
  let index = digits.length - 1;
  while (digits[index] === BASE - 1) digits[index--] = 0;
  digits[index] = (digits[index] ?? 0) + 1;
  return trimZeros(digits);
}

export function keyBefore(b: string): string {
  checkKey(b);
  const level = leadingRun(b, '0');
  const width = 2 * level + 1;
  if (b.length > width) return trimZeros(headDigits(b, width));
  const digits = headDigits(b, width);
  let index = digits.length - 1;
  while (digits[index] === 0) digits[index--] = BASE - 1;
  digits[index] = (digits[index] ?? 0) - 1;
  // Level exhausted: continue at the top of the next one, with one more leading zero.
  if (digits[level] === 0) return '0'.repeat(level + 1) + 'z'.repeat(level + 2);
  return trimZeros(digits);
}

/** A key strictly between `a` and `b`; `null` means "no neighbour on that side". */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null) checkKey(a);
  if (b !== null) checkKey(b);
  if (a !== null && b !== null && a >= b) throw new RangeError(`keyBetween: ${a} >= ${b}`);
  if (a === null) return b === null ? FIRST_KEY : keyBefore(b);
  if (b === null) return keyAfter(a);
  return midpoint(a, b);
}

/** `n` keys in order strictly between `a` and `b`, split evenly so that none grows needlessly. */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`keysBetween: bad count ${n}`);
  if (n === 0) return [];
  if (b === null) {
    const keys = [keyBetween(a, null)];
    while (keys.length < n) keys.push(keyAfter(keys[keys.length - 1] as string));
    return keys;
  }
  if (a === null) {
    const keys = [keyBefore(b)];
    while (keys.length < n) keys.push(keyBefore(keys[keys.length - 1] as string));
    return keys.reverse();
  }
  const middle = keyBetween(a, b);
  const below = Math.floor((n - 1) / 2);
  return [...keysBetween(a, middle, below), middle, ...keysBetween(middle, b, n - 1 - below)];
}
