/**
 * Picks the message for a count. French puts 0 in the singular and English in the plural, so a
 * count that can be 0 gets its own message (« Il ne vous reste plus de vote ») rather than either.
 */
import type { MessageKey } from '../../i18n/index.ts';

export interface CountKeys {
  readonly zero?: MessageKey;
  readonly one: MessageKey;
  readonly other: MessageKey;
}

export function countKey(count: number, keys: CountKeys): MessageKey {
  if (count === 0 && keys.zero) return keys.zero;
  return count === 1 ? keys.one : keys.other;
}
