/**
 * Keyboard movement in a menu, as the WAI-ARIA menu pattern has it: arrows move and wrap, Home
 * and End jump to the ends, a letter jumps to the next item starting with it.
 */

/** Lower case without accents, so that « e » finds « Exporter » and « É… » alike. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLocaleLowerCase('fr');
}

/** The index to focus after `key` in a menu of these labels, or `null` when the key does not move. */
export function menuFocusAfter(key: string, current: number, labels: readonly string[]): number | null {
  const count = labels.length;
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
  if ([...key].length !== 1 || key.trim() === '') return null;
  const letter = folded(key);
  for (let step = 1; step <= count; step++) {
    const index = (current + step) % count;
    if (folded(labels[index] ?? '').startsWith(letter)) return index;
  }
  return null;
}
