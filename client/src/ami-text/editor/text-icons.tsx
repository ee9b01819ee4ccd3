/** The toolbar's icons: letters where word processors use letters (G for gras), strokes otherwise (T1 for titre 1). */

const PATHS = {
  strike: 'M4 10h12M13.5 6.5C13 5 11.7 4 10 4 8 4 6.5 5.1 6.5 6.7c0 1.2.8 2 2.3 2.6M7 13.5c.5 1.5 1.6 2.5 3.2 2.5 2 0 3.5-1.1 3.5-2.8 0-.7-.3-1.3-.8-1.8',
  highlight: 'M11.5 3.5l4 4L9 14H5v-4zM4 17h12',
  bulletList: 'M8 5h9M8 10h9M8 15h9M4 5h.01M4 10h.01M4 15h.01',
  orderedList: 'M8 5h9M8 10h9M8 15h9M3.5 3.5l1-.5v4M3 12.5c.3-.7 2-.9 2 .3 0 .8-2 1.7-2 2.7h2.2',
  blockquote: 'M4 4v12M8 6h8M8 10h8M8 14h5',
  link: 'M8.5 11.5a3 3 0 004.2 0l2.6-2.6a3 3 0 00-4.2-4.2l-1 1M11.5 8.5a3 3 0 00-4.2 0l-2.6 2.6a3 3 0 004.2 4.2l1-1',
  table: 'M3 4h14v12H3zM3 8h14M3 12h14M8 4v12M12.5 4v12',
  addRow: 'M3 3h14v7H3zM3 6.5h14M10 12.5v5M7.5 15h5',
  deleteRow: 'M3 3h14v7H3zM3 6.5h14M7.5 15h5',
  addColumn: 'M3 3h7v14H3zM6.5 3v14M15 7.5v5M12.5 10h5',
  deleteColumn: 'M3 3h7v14H3zM6.5 3v14M12.5 10h5',
  deleteTable: 'M3 4h14v8H3zM3 8h14M8 4v8M12.5 4v8M8 14.5l3 3M11 14.5l-3 3',
  heading1: 'M3 5h8M7 5v10M14 10l2-1.5V15',
  heading2: 'M3 5h8M7 5v10M13.5 10.2c.3-.8 1.1-1.2 1.9-1.2 1 0 1.8.6 1.8 1.6 0 1.5-3.7 2.8-3.7 4.4h3.8',
  heading3: 'M3 5h8M7 5v10M13.7 9h3.3l-1.8 2.3c1.2 0 2 .6 2 1.7s-.9 1.9-2 1.9c-.8 0-1.4-.3-1.8-.9',
  undo: 'M8 5L4 9l4 4M4 9h8a4 4 0 010 8h-2',
  redo: 'M12 5l4 4-4 4M16 9H8a4 4 0 000 8h2',
} as const;

/**
 * French word processors' letters: G(ras), I(talique), ¶ for the plain paragraph. Single signs
 * only: a visible word that the button's name does not contain would mislead speech control.
 */
const LETTERS = {
  bold: { text: 'G', style: { fontWeight: 800 } },
  italic: { text: 'I', style: { fontStyle: 'italic', fontFamily: 'Georgia, serif' } },
  paragraph: { text: '¶', style: {} },
} as const;

export type TextIconName = keyof typeof PATHS | keyof typeof LETTERS;

export function TextIcon({ name }: { name: TextIconName }) {
  if (name in LETTERS) {
    const letter = LETTERS[name as keyof typeof LETTERS];
    return (
      <span className="text-toolbar__letter" style={letter.style} aria-hidden="true">
        {letter.text}
      </span>
    );
  }
  return (
    <svg className="text-toolbar__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name as keyof typeof PATHS]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
