/**
 * A table of the text as a rectangular grid: where each cell starts once its neighbours' column
 * and row spans are counted, which slots a span covers, and which are holes (a row shorter than
 * the others). PDF and Markdown tables need one entry per slot; Word needs the holes filled.
 */
import type { TableCell, TableRow } from './text-model.ts';

export type GridSlot =
  | { readonly kind: 'cell'; readonly cell: TableCell; readonly colspan: number; readonly rowspan: number }
  | { readonly kind: 'covered' }
  | { readonly kind: 'empty' };

export interface TableGrid {
  readonly columns: number;
  readonly rows: readonly (readonly GridSlot[])[];
}

export function tableGrid(rows: readonly TableRow[]): TableGrid {
  const slots: GridSlot[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    const line = slots[rowIndex] ?? [];
    let column = 0;
    for (const cell of row.cells) {
      while (line[column] !== undefined) column++;
      // A span past the last row is cut there, as editors show it.
      const rowspan = Math.min(cell.rowspan, rows.length - rowIndex);
      for (let r = rowIndex; r < rowIndex + rowspan; r++) {
        for (let c = column; c < column + cell.colspan; c++) (slots[r] ?? [])[c] = { kind: 'covered' };
      }
      line[column] = { kind: 'cell', cell, colspan: cell.colspan, rowspan };
      column += cell.colspan;
    }
  });
  const columns = Math.max(0, ...slots.map((line) => line.length));
  return {
    columns,
    rows: slots.map((line) => Array.from({ length: columns }, (_, c): GridSlot => line[c] ?? { kind: 'empty' })),
  };
}

/** How many rows at the top are all header cells: they repeat at the top of each page. */
export function headerRowCount(rows: readonly TableRow[]): number {
  const index = rows.findIndex((row) => !row.cells.every((cell) => cell.header));
  return index === -1 ? rows.length : index;
}
