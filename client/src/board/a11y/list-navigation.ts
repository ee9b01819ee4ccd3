/**
 * Arrow keys in the list view, besides Tab: the entry to focus after `key` from entry `index` of
 * `count`, or null when the key is not for moving. Stops at the ends rather than wrapping, as
 * screen reader users expect of a list.
 */
export function focusIndexAfter(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
