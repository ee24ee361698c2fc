import { stringify } from 'csv-stringify/sync';

/** A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Every CSV the API offers: a UTF-8 byte-order mark (so Excel reads Vietnamese), a header row, and text
 * cells neutralised against formula injection; numbers stay numbers.
 */
export function toCsv(columns: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${stringify(rows, { header: true, columns: columns.map(neutralizeCell), cast: { string: neutralizeCell } })}`;
}
