import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifyAll } from 'csv-stringify/sync';

/** A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | null;

/** A text cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * How every CSV the API offers is written: a UTF-8 byte-order mark (so Excel reads Vietnamese), a header
 * row, and text cells neutralised against formula injection; numbers stay numbers.
 */
const options = (columns: string[]) => ({ bom: true, header: true, columns: columns.map(neutralizeCell), cast: { string: neutralizeCell } });

export function toCsv(columns: string[], rows: Cell[][]): string {
  return stringifyAll(rows, options(columns));
}

/** The same CSV as a stream, for exports too long to hold in memory; the rows are pulled as it is sent. */
export function csvStream(columns: string[], rows: AsyncIterable<Cell[]>): Readable {
  return pipeline(Readable.from(rows), stringify(options(columns)), () => undefined);
}
