/**
 * The look of an exported AMI text, Éprouvette's own (the State's design system and Marianne font
 * are reserved to the State): black text in a sans-serif font, one teal accent for headings,
 * rules and links, hairline table borders. Colours are hex without `#`, as Word wants them.
 */

export const EXPORT_COLORS = {
  accent: '0b5563',
  text: '1c2426',
  muted: '4a5659',
  border: 'b7c2c4',
  headerFill: 'e2f0ee',
  codeFill: 'eef2f3',
  highlight: 'fff1a8',
} as const;

/** Sizes in points. */
export const EXPORT_SIZES = {
  body: 10.5,
  small: 8.5,
  code: 9,
  title: 26,
  headings: [18, 14, 12, 11, 10.5, 10.5] as const,
} as const;

/** The size of a heading of `level` (1 to 6). */
export function headingSize(level: number): number {
  return EXPORT_SIZES.headings[level - 1] ?? EXPORT_SIZES.body;
}

/**
 * French typography keeps punctuation with its word: the space after « and before », :, ;, ! and ?
 * becomes a no-break space, so that a line never starts with « : » or ends with « « ». For the
 * formats laid out in pages (Word, PDF); code is left as it is.
 */
export function bindFrenchSpaces(text: string): string {
  return text.replace(/« /g, '«\u00A0').replace(/ ([»:;!?])/g, '\u00A0$1');
}
