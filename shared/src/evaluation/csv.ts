/**
 * A CSV file as French Excel opens it with a double click: UTF-8 with a byte-order mark (without
 * it Excel reads « Écart » as « Ã‰cart »), `;` between cells (the comma is the decimal mark),
 * CRLF line ends, and RFC 4180 quoting.
 */

export type CsvCell = string | number | null;

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
const LINE_END = '\r\n';

/** Decimals kept in a number's cell. */
const DECIMALS = 2;

/**
 * Cells Excel or LibreOffice would run as a formula (« =HYPERLINK(…) » typed as a board's title):
 * an apostrophe before makes them text, as OWASP advises for CSV exports.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Cells that must be quoted to read back as one cell, whole. */
const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;

function numberCell(value: number): string {
  if (!Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : value.toFixed(DECIMALS).replace('.', ',');
}

function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  return typeof value === 'number' ? numberCell(value) : textCell(value);
}

/** The whole file's text, BOM first: encode it as UTF-8 (a `Blob` of it does). */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR) + LINE_END).join('');
}
