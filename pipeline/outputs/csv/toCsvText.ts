/**
 * Stage `csv`: writes one `CsvTable` as the bytes citizens download: UTF-8 with BOM (Excel on Japanese Windows
 * reads UTF-8 without BOM as Shift_JIS mojibake), CRLF line ends, RFC 4180 quoting, Japanese titles
 * in the header row, numbers as plain numbers, blank for null. The quoting is written here (a field
 * with a quote, comma, CR or LF is quoted, its quotes doubled): it is the one rule the CSVs need,
 * and csv-stringify's general machinery took a third of the time of writing the tables (the
 * targets' history adds one as large as every edition's targets together). A test requires
 * csv-stringify's bytes for arbitrary tables (`test/outputs/csv/toCsvText.test.ts`); unlike
 * csv-stringify given CRLF rows, this also quotes a lone CR or LF, which no published cell has.
 */
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

// Rows per piece: few enough that a piece is a small string (large strings are allocated where only
// a full garbage collection frees them), enough that the sink's per-piece cost does not show.
const ROWS_PER_CHUNK = 200;

const { delimiter, lineTerminator, quoteChar } = CSV_DIALECT;
const NEEDS_QUOTES = new RegExp(`[${quoteChar}${delimiter}\\r\\n]`);
const QUOTES = new RegExp(quoteChar, 'g');

/** One field by RFC 4180: quoted, its quotes doubled, when it holds a quote, the delimiter or a line break. */
function toField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `${quoteChar}${text.replace(QUOTES, quoteChar + quoteChar)}${quoteChar}` : text;
}

/** One row's line: text cells neutralised where a spreadsheet would evaluate them, numbers in plain decimal notation, blank for null. */
function toLine(row: readonly CsvValue[], isText: readonly boolean[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) line += delimiter;
    const value = row[i];
    if (value === null || value === undefined) continue;
    // Never exponents for the numbers the plan prints.
    if (typeof value === 'number') line += Number.isInteger(value) ? value.toFixed(0) : String(value);
    else line += toField(isText[i] ? neutralizeFormula(value) : value);
  }
  return line + lineTerminator;
}

/**
 * The CSV text of a table in pieces of rows (their concatenation is `toCsvText`). The rows may be
 * made as they are read (a table made once for all editions): only one piece's rows are held.
 */
export function* toCsvChunks(table: CsvTableDescription & { rows: Iterable<readonly CsvValue[]> }): Generator<string> {
  const isText = table.columns.map((c) => c.type === 'string');
  yield `\uFEFF${table.columns.map((c) => toField(c.title)).join(delimiter)}${lineTerminator}`;
  let piece = '';
  let rows = 0;
  for (const row of table.rows) {
    piece += toLine(row, isText);
    if (++rows === ROWS_PER_CHUNK) {
      yield piece;
      piece = '';
      rows = 0;
    }
  }
  if (rows > 0) yield piece;
}
