import { describe, expect, it } from 'vitest';
import { headerRowCount, tableGrid } from './table-grid.ts';
import type { TableCell, TableRow } from './text-model.ts';

const cell = (name: string, colspan = 1, rowspan = 1, header = false): TableCell => ({
  header,
  colspan,
  rowspan,
  blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: name, marks: {} }] }],
});
const row = (...cells: TableCell[]): TableRow => ({ cells });

/** The grid as letters: the cell's name where it starts, « · » where a span covers, « _ » for a hole. */
function sketch(rows: TableRow[]): string[] {
  return tableGrid(rows).rows.map((line) =>
    line
      .map((slot) => {
        if (slot.kind === 'covered') return '·';
        if (slot.kind === 'empty') return '_';
        const [block] = slot.cell.blocks;
        return block?.kind === 'paragraph' && block.content[0]?.kind === 'text' ? block.content[0].text : '?';
      })
      .join(''),
  );
}

describe('tableGrid', () => {
  it('places cells after the spans of the cells above and beside them', () => {
    expect(sketch([row(cell('a', 1, 2), cell('b', 2)), row(cell('c'), cell('d')), row(cell('e', 3))])).toEqual(['ab·', '·cd', 'e··']);
  });

  it('fills the holes of short rows, and cuts a row span at the last row', () => {
    const rows = [row(cell('a'), cell('b', 1, 5)), row(cell('c'))];
    expect(sketch(rows)).toEqual(['ab', 'c·']);
    expect(tableGrid(rows).rows[0]?.[1]).toMatchObject({ kind: 'cell', rowspan: 2 });
    expect(sketch([row(cell('a'), cell('b'), cell('c')), row(cell('d'))])).toEqual(['abc', 'd__']);
  });

  it('counts the header rows at the top', () => {
    expect(headerRowCount([row(cell('a', 1, 1, true)), row(cell('b', 1, 1, true)), row(cell('c'))])).toBe(2);
    expect(headerRowCount([row(cell('a'), cell('b', 1, 1, true))])).toBe(0);
  });
});
