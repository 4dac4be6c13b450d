/**
 * Stage `csv`: the citizen tables as one Excel workbook (exceljs), made from the same table
 * descriptions and rows as the CSVs (`toCsvTableSpecs`), so no value can differ from its CSV cell:
 * one sheet per table named by its Japanese title, the header row of Japanese titles frozen, text
 * columns (IDs, codes such as 142115, plan numbers) as text cells formatted `@` — a spreadsheet never
 * turns them into numbers or dates as it does when it opens the CSV — numbers as numbers, blank as an
 * empty cell; then a 項目定義 sheet describing every column. The bytes are reproducible: the
 * workbook's dates are the build clock's, and every zip entry's timestamp is set to it as well.
 */
import type ExcelJS from 'exceljs';
import type { Plan } from '../../model/plan.js';
import type { ColumnType, CsvTableDescription, CsvValue } from './toCsvTables.js';

/** The sheet describing every column of every table. */
export const DEFINITIONS_SHEET = '項目定義';

/** The header row of the 項目定義 sheet. */
export const DEFINITION_HEADERS = ['表', '列名（見出し）', '列名（機械名）', '型', '単位', '説明'] as const;

/** The workbook's path in the edition folder: named for the dataset and the edition, like the zip. */
export function workbookName(plan: Plan): string {
  return `hadano-ict-plan-${plan.edition.id}.xlsx`;
}

/**
 * The most projects an edition may have for its workbook to be made. exceljs holds a workbook's every
 * cell in memory: 14 s and 830 MiB at 100 times the real edition (6,200 projects), so at 1000 times it
 * would outgrow the build's time and memory several times over. A larger edition publishes its CSVs
 * without the workbook (Excel opens them, and its 1,048,576 rows per sheet would not hold every table).
 */
export const WORKBOOK_PROJECT_LIMIT = 1000;

/** Whether the edition gets a workbook: at most `WORKBOOK_PROJECT_LIMIT` projects. */
export function hasWorkbook(plan: Plan): boolean {
  return plan.projects.length <= WORKBOOK_PROJECT_LIMIT;
}

/** A table as the workbook reads it: its description and its rows, made as they are read. */
export type WorkbookTable = CsvTableDescription & { rows: Iterable<readonly CsvValue[]> };

// What each column type is called on the 項目定義 sheet, in words a citizen reads.
const TYPE_LABELS: Record<ColumnType, string> = {
  string: '文字列',
  integer: '整数',
  decimal: '数値',
  gYear: '年（西暦）',
  gYearMonth: '年月（西暦）',
};

// Excel's limit on a sheet name, and the characters it refuses in one.
const SHEET_NAME_LIMIT = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

// Column widths in Excel's units (about one half-width character): wide enough for the header and
// the values, capped so that a long prose column (概要) does not push the others off the screen.
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** The display width of a text: a full-width character counts as two half-width ones. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0xff ? 2 : 1;
  return width;
}

/** The sheet names of the tables: each table's Japanese title, cut to Excel's 31 characters and made unique. */
export function toSheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>([DEFINITIONS_SHEET]);
  return titles.map((title) => {
    const clean = title.replace(SHEET_NAME_FORBIDDEN, '_');
    let name = [...clean].slice(0, SHEET_NAME_LIMIT).join('');
    for (let n = 2; used.has(name); n++) name = `${[...clean].slice(0, SHEET_NAME_LIMIT - String(n).length - 1).join('')}_${n}`;
    used.add(name);
    return name;
  });
}

/** Adds one sheet: the header row frozen, each column's cells typed by the column's type and text columns formatted as text. */
function addSheet(workbook: ExcelJS.Workbook, name: string, headers: readonly string[], textColumns: readonly boolean[], rows: Iterable<readonly CsvValue[]>): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = headers.map(displayWidth);
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) {
    // A blank (null) stays an empty cell, never 0 or an empty string.
    sheet.addRow(row.map((v) => (v === null ? undefined : v)));
    row.forEach((v, i) => {
      if (v !== null) widths[i] = Math.max(widths[i]!, displayWidth(String(v)));
    });
  }
  widths.forEach((w, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
    // `@`: a person typing into the column keeps text as text (an ID edited to 1-1-1 is not a date).
    if (textColumns[i]) column.numFmt = '@';
  });
}

/**
 * The workbook of an edition's tables, as xlsx bytes. `date` is the build's fixed clock: the
 * workbook's created, modified and last-printed dates and every zip entry's timestamp (exceljs's zip
 * library would stamp each entry with the time of writing), so the same
 * tables give the same bytes on every machine (the entries are deflated by a JavaScript deflate, not
 * the platform's zlib).
 */
export function toWorkbook(tables: Iterable<WorkbookTable>, date: string): Promise<Uint8Array> {
  // One at a time: the zip library's date (below) is set for one write.
  const made = writing.then(() => makeWorkbook(tables, date));
  writing = made.catch(() => {});
  return made;
}

let writing: Promise<unknown> = Promise.resolve();

/** Loads exceljs and its zip library (the workbook thread loads them as it starts). */
export function loadWorkbookLibraries() {
  // Loaded here, not at the top: the CLI's start (validate, diff) does not pay for a library only the
  // workbook needs. The workbook class alone (`exceljsWorkbook.d.ts`): 33 ms to load instead of 75.
  return Promise.all([import('exceljs/lib/doc/workbook.js'), import('jszip')]);
}

async function makeWorkbook(tables: Iterable<WorkbookTable>, date: string): Promise<Uint8Array> {
  const [{ default: Workbook }, { default: JSZip }] = await loadWorkbookLibraries();
  const when = new Date(date);
  const workbook = new Workbook();
  workbook.created = when;
  workbook.modified = when;
  workbook.lastPrinted = when;
  const described: CsvTableDescription[] = [];
  const all = [...tables];
  const names = toSheetNames(all.map((t) => t.title));
  all.forEach((table, i) => {
    addSheet(
      workbook,
      names[i]!,
      table.columns.map((c) => c.title),
      table.columns.map((c) => c.type === 'string' || c.type === 'gYearMonth'),
      table.rows,
    );
    described.push(table);
  });
  const definitions = described.flatMap((t, i) => t.columns.map((c) => [names[i]!, c.title, c.name, TYPE_LABELS[c.type], c.unit ?? null, c.description]));
  addSheet(workbook, DEFINITIONS_SHEET, DEFINITION_HEADERS, DEFINITION_HEADERS.map(() => true), definitions);
  // exceljs's zip library stamps each entry with the time it is added unless its defaults name a
  // date: the build clock is set there for this one write (one pass: no stored zip read back and
  // deflated again; the same bytes).
  const defaults = (JSZip as unknown as { defaults: { date: Date | null } }).defaults;
  const before = defaults.date;
  defaults.date = when;
  try {
    const written = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 6 } } } as Partial<ExcelJS.XlsxWriteOptions>);
    return new Uint8Array(written as ArrayBuffer);
  } finally {
    defaults.date = before;
  }
}
