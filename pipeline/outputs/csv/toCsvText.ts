/**
 * Stage `csv`: writes one `CsvTable` as the bytes citizens download: UTF-8 with BOM (Excel on Japanese Windows
 * reads UTF-8 without BOM as Shift_JIS mojibake), CRLF line ends, RFC 4180 quoting (csv-stringify),
 * Japanese titles in the header row, numbers as plain numbers, blank for null.
 */
import { stringify } from 'csv-stringify/sync';
import type { CsvTable, CsvTableDescription, CsvValue } from './toCsvTables.js';

/** The dialect every CSV uses, stated in the metadata too. */
export const CSV_DIALECT = { encoding: 'utf-8', bom: true, lineTerminator: '\r\n', delimiter: ',', quoteChar: '"', doubleQuote: true, header: true } as const;

/**
 * Neutralises spreadsheet formula injection: a text cell that a spreadsheet would evaluate — one
 * starting with `=`, `+`, `@`, a tab or a carriage return, or with `-` unless it is a lone dash or a
 * plain negative number — gets a leading apostrophe, which spreadsheets show as text.
 */
export function neutralizeFormula(text: string): string {
  if (/^[=+@\t\r]/.test(text)) return `'${text}`;
  if (text.startsWith('-') && text !== '-' && !/^-\d+(\.\d+)?$/.test(text)) return `'${text}`;
  return text;
}

/** The CSV text of a table: BOM, header row of Japanese titles, CRLF, RFC 4180 quoting. */
export function toCsvText(table: CsvTable): string {
  return [...toCsvChunks(table)].join('');
}

// Rows per piece: enough that csv-stringify's per-call cost does not show, few enough that a piece is a
// small string (large strings are allocated where only a full garbage collection frees them).
const ROWS_PER_CHUNK = 200;

/**
 * The CSV text of a table in pieces of rows (their concatenation is `toCsvText`). The rows may be
 * made as they are read (a table made once for all editions): only one piece's rows are held.
 */
export function* toCsvChunks(table: CsvTableDescription & { rows: Iterable<readonly CsvValue[]> }): Generator<string> {
  const options = {
    record_delimiter: 'windows',
    delimiter: CSV_DIALECT.delimiter,
    quote: CSV_DIALECT.quoteChar,
    // Numbers in plain decimal notation, never exponents.
    cast: { number: (n: number) => (Number.isInteger(n) ? n.toFixed(0) : String(n)) },
  } as const;
  const cells = (row: readonly CsvValue[]) =>
    row.map((value, i) => {
      if (value === null) return null;
      if (typeof value === 'number') return value;
      return table.columns[i]!.type === 'string' ? neutralizeFormula(value) : value;
    });
  yield stringify([table.columns.map((c) => c.title)], { ...options, bom: CSV_DIALECT.bom });
  let piece: (string | number | null)[][] = [];
  for (const row of table.rows) {
    piece.push(cells(row));
    if (piece.length === ROWS_PER_CHUNK) {
      yield stringify(piece, options);
      piece = [];
    }
  }
  if (piece.length > 0) yield stringify(piece, options);
}
