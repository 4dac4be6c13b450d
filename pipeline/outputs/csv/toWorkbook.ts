/**
 * Stage `csv`: the citizen tables as one Excel workbook, made from the same table descriptions and
 * rows as the CSVs (`toCsvTableSpecs`), so no value can differ from its CSV cell: one sheet per table
 * named by its Japanese title, the header row of Japanese titles bold and frozen, text columns (IDs,
 * codes such as 142115, plan numbers) as text cells formatted `@` — a spreadsheet never turns them
 * into numbers or dates as it does when it opens the CSV — numbers as numbers, blank as an empty
 * cell; then a 項目定義 sheet describing every column.
 *
 * The SpreadsheetML (ECMA-376 part 1) is written here and zipped by fflate: the parts a workbook of
 * plain typed cells needs, nothing else. exceljs, used before, built an object per cell and a style
 * per cell and took about 0.5 s of CPU for the two real workbooks (cold code, on the build's critical
 * path); this takes about 0.13 s, most of it the deflate (BENCHMARKS.md). The bytes are reproducible:
 * the workbook's dates and every zip entry's timestamp are the build clock's (the timestamp from its
 * UTC fields, `toDosDateTime`), and the entries are deflated by fflate
 * (JavaScript, the same bytes on every machine, unlike the platform's zlib).
 */
import { zipSync, strToU8 } from 'fflate';
import { displayWidth, editionTitle } from '../../common/text.js';
import { stampZipEntries, toDosDateTime } from '../../common/zipTime.js';
import type { Plan } from '../../model/plan.js';
import { publisherName } from '../../read/parseEditionMeta.js';
import { unitFieldOf, type ColumnType, type CsvTableDescription, type CsvValue } from './toCsvTables.js';

/** The sheet describing every column of every table. */
export const DEFINITIONS_SHEET = '項目定義';

/** The header row of the 項目定義 sheet. */
export const DEFINITION_HEADERS = ['表', '列名（見出し）', '列名（機械名）', '型', '単位', '説明'] as const;

/** The workbook's path in the edition folder: named for the dataset and the edition, like the zip. */
export function workbookName(plan: Plan): string {
  return `hadano-ict-plan-${plan.edition.id}.xlsx`;
}

/**
 * The most projects an edition may have for its workbook to be made. A workbook is one file a
 * spreadsheet opens whole: at 100 times the real edition (6,200 projects) it would hold about
 * 300,000 rows, more than a citizen's spreadsheet opens comfortably, and at 1000 times some of its
 * tables would pass Excel's 1,048,576 rows per sheet. A larger edition publishes its CSVs without
 * the workbook.
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

/**
 * The sheet names of the tables: each table's Japanese title, cut to Excel's 31 characters (UTF-16
 * units, as Excel counts them, never halving a character) and made unique as Excel compares them,
 * ignoring case.
 */
export function toSheetNames(titles: readonly string[]): string[] {
  const used = new Set<string>([DEFINITIONS_SHEET.toLowerCase()]);
  const cut = (text: string, limit: number) => {
    let out = '';
    for (const ch of text) {
      if (out.length + ch.length > limit) break;
      out += ch;
    }
    return out;
  };
  // Excel also refuses a name that starts or ends with an apostrophe (after the cut too), or is empty.
  const noEndQuotes = (name: string) => name.replace(/^'|'$/g, '_') || '_';
  return titles.map((title) => {
    const clean = title.replace(SHEET_NAME_FORBIDDEN, '_');
    let name = noEndQuotes(cut(clean, SHEET_NAME_LIMIT));
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${noEndQuotes(cut(clean, SHEET_NAME_LIMIT - String(n).length - 1))}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

// The cell formats of styles.xml, by their index in its cellXfs: the header row bold, a text column's
// cells `@` (built-in number format 49), its header both.
const STYLE_HEADER = 1;
const STYLE_TEXT = 2;
const STYLE_HEADER_TEXT = 3;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text as XML character data. Beyond `&`, `<` and `>`: a character XML 1.0 cannot hold (a control
 * character), and a carriage return, which an XML reader turns into a line feed, are written as
 * SpreadsheetML's `_xHHHH_` (as Excel writes them), and a text that already reads as such an escape
 * has its `_` escaped (`_x005F_`), so the cell reads back exactly as the CSV cell.
 */
export function escapeCellText(text: string): string {
  // Every `_` that starts `_xHHHH`, with or without its closing `_`: the escape of a control
  // character written next may close it (`_x0041` before U+0007), and two may share one (`_x0041_x0042_`).
  return escapeXml(text.replace(/_(?=x[0-9A-Fa-f]{4})/g, '_x005F_')).replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** `&`, `<` and `>` as XML character data writes them. */
function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** An attribute value: character data with `"` escaped too. */
function escapeAttribute(text: string): string {
  return escapeCellText(text).replace(/"/g, '&quot;');
}

/** A column's letters in a cell reference: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The workbook's shared strings: each distinct text once, cells pointing at it by index (as Excel writes them). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  count = 0;

  /** The index of `text`, added on first use. */
  add(text: string): number {
    this.count++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.texts.length;
      this.index.set(text, at);
      this.texts.push(text);
    }
    return at;
  }

  /** xl/sharedStrings.xml. */
  toXml(): string {
    // Spaces at either end or a line break are kept only where `xml:space` says so.
    const items = this.texts.map((t) => (/^\s|\s$|\n/.test(t) ? `<si><t xml:space="preserve">${escapeCellText(t)}</t></si>` : `<si><t>${escapeCellText(t)}</t></si>`));
    return `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.texts.length}">${items.join('')}</sst>`;
  }
}

/** One sheet's XML: the header row bold and frozen, each column's width and (for text) its `@` format, then the rows. */
function toSheetXml(headers: readonly string[], textColumns: readonly boolean[], rows: Iterable<readonly CsvValue[]>, strings: SharedStrings): string {
  // Excel's width unit is about one half-width character; `displayWidth` counts full-width ones.
  const widths = headers.map((h) => 2 * displayWidth(h));
  const letters = headers.map((_, i) => columnLetters(i));
  const cellsOf = (row: readonly (CsvValue | undefined)[], r: number, header: boolean): string => {
    let cells = '';
    row.forEach((v, i) => {
      // A blank (null, or the CSV's missing value '') stays an empty cell, never 0 or an empty string.
      if (v === null || v === undefined || v === '') return;
      const ref = `${letters[i]}${r}`;
      // A number that is not finite has no cell value: the CSVs' checks stop the build before it gets here.
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`Cannot write ${v} into cell ${ref}`);
      if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
      else cells += `<c r="${ref}" s="${header ? (textColumns[i] ? STYLE_HEADER_TEXT : STYLE_HEADER) : textColumns[i] ? STYLE_TEXT : 0}" t="s"><v>${strings.add(v)}</v></c>`;
      if (!header) widths[i] = Math.max(widths[i]!, 2 * displayWidth(String(v)));
    });
    return `<row r="${r}">${cells}</row>`;
  };
  const body = [cellsOf(headers, 1, true)];
  let r = 1;
  for (const row of rows) body.push(cellsOf(row, ++r, false));
  const cols = widths.map((w, i) => {
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
    // `@` on the column too: a person typing into it keeps text as text (an ID edited to 1-1-1 is not a date).
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${textColumns[i] ? ` style="${STYLE_TEXT}"` : ''}/>`;
  });
  // Excel marks a text cell that reads as a number (the code 142115, 基本方針番号 1) with a green
  // warning; here text is meant, so the warning is turned off for the sheet.
  const used = `A1:${letters.at(-1)}${r}`;
  const view = '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${view}<sheetFormatPr defaultRowHeight="15"/><cols>${cols.join('')}</cols><sheetData>${body.join('')}</sheetData><ignoredErrors><ignoredError sqref="${used}" numberStoredAsText="1"/></ignoredErrors></worksheet>`;
}

// Fonts: the Japanese default of Excel (游ゴシック 11), then the same bold for the header row.
const STYLES_XML =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font><font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The package's parts other than the sheets: content types, relationships, workbook, core properties (title, publisher, language, dates). */
function toPackageParts(sheetNames: readonly string[], about: WorkbookAbout, date: string): Record<string, string> {
  const sheets = sheetNames.map((_, i) => i + 1);
  const w3cdtf = new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '[Content_Types].xml':
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    '_rels/.rels':
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    'docProps/core.xml':
      `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${escapeXml(about.title)}</dc:title><dc:creator>${escapeXml(about.creator)}</dc:creator><dc:language>ja-JP</dc:language>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf}</dcterms:modified></cp:coreProperties>`,
    'xl/workbook.xml':
      `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
      sheetNames.map((name, i) => `<sheet name="${escapeAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': STYLES_XML,
  };
}

/** What the workbook's document properties say it is: its title and who publishes it. */
export interface WorkbookAbout {
  title: string;
  creator: string;
}

/** The edition's workbook properties: the plan's title and edition, as the Data Package names it, and its publisher. */
export function workbookAbout(plan: Plan): WorkbookAbout {
  const e = plan.edition;
  return { title: editionTitle(e), creator: publisherName(e.municipality.name) };
}

/**
 * The workbook of an edition's tables, as xlsx bytes. `date` is the build's fixed clock: the
 * workbook's created and modified dates and every zip entry's timestamp (its UTC fields, whatever the
 * machine's time zone), so the same tables give the same bytes on every machine.
 */
export function toWorkbook(tables: Iterable<WorkbookTable>, about: WorkbookAbout, date: string): Uint8Array {
  const all = [...tables];
  const names = toSheetNames(all.map((t) => t.title));
  const strings = new SharedStrings();
  const sheets = all.map((table) =>
    toSheetXml(
      table.columns.map((c) => c.title),
      table.columns.map((c) => c.type === 'string' || c.type === 'gYearMonth'),
      table.rows,
      strings,
    ),
  );
  // A unit that differs from row to row is named by the column that holds it.
  const unitOf = (c: WorkbookTable['columns'][number], t: WorkbookTable) => c.unit ?? (unitFieldOf(c, t.columns) ? `「${unitFieldOf(c, t.columns)!.title}」の列` : null);
  const definitions = all.flatMap((t, i) => t.columns.map((c) => [names[i]!, c.title, c.name, TYPE_LABELS[c.type], unitOf(c, t), c.description]));
  sheets.push(toSheetXml(DEFINITION_HEADERS, DEFINITION_HEADERS.map(() => true), definitions, strings));
  const parts: Record<string, string> = { ...toPackageParts([...names, DEFINITIONS_SHEET], about, date) };
  sheets.forEach((xml, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  parts['xl/sharedStrings.xml'] = strings.toXml();
  const files = Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)]));
  // fflate stamps entries from the local clock (and refuses years outside 1980–2099): any valid
  // stamp, overwritten with the build clock's UTC fields, as the edition zips have them.
  return stampZipEntries(zipSync(files, { level: 6, mtime: new Date(2000, 0, 1) }), toDosDateTime(date));
}
