/**
 * The Excel workbook read back with an independent reader, Python's openpyxl (Debian's
 * python3-openpyxl): a sheet per table named by its title and the 項目定義 sheet, the header row
 * frozen, every cell equal to its CSV cell with the CSV column's type (text as text even when it
 * looks like a number, numbers as numbers, blanks empty); the bytes reproducible; the workbook listed
 * in the Data Package, the catalog, CKAN, SHA256SUMS and the page.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { $ } from 'zx';
import { toCsvTables, type CsvTable } from '../../../pipeline/outputs/csv/toCsvTables.js';
import { columnLetters, DEFINITION_HEADERS, DEFINITIONS_SHEET, escapeCellText, hasWorkbook, toSheetNames, toWorkbook, workbookAbout, workbookName, type WorkbookTable } from '../../../pipeline/outputs/csv/toWorkbook.js';
import type { Plan } from '../../../pipeline/model/plan.js';
import { builtSeeds, requireSystemPackages, TEST_DATE } from '../../helpers.js';

const PYTHON = '/usr/bin/python3';
const ABOUT = { title: 'テスト用の表', creator: '秦野市' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const dir = mkdtempSync(join(tmpdir(), 'workbook-'));
let plans: Plan[] = [];
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  const built = await builtSeeds();
  files = built.files;
  plans = built.result.editions.map((e) => e.plan!);
  for (const plan of plans) writeFileSync(join(dir, `${plan.edition.id}.xlsx`), files.get(`out/${plan.edition.id}/${workbookName(plan)}`)!);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Read = Record<
  string,
  {
    sheets: string[];
    frozen: (string | null)[];
    rows: Record<string, (string | number | null)[][]>;
    types: Record<string, string[][]>;
    formats: Record<string, string[][]>;
    bold: Record<string, boolean[]>;
    widths: Record<string, number[]>;
    created: string;
    about: string[];
  }
>;

const TEXTS = ['a < b & c > d', '_x0041_ stays as written', ' leading and trailing ', 'two\nlines', 'tab\t', '"quoted" \'text\'', '𠮷野家（サロゲート対）', '=1+1'];
// Written as `_xHHHH_`, which Excel and LibreOffice decode but openpyxl 3.0 does not (it only undoes `_x005F_`).
const ESCAPED = ['lone\rreturn', 'bell\u0007 rings', '_x0041_x0042_ two look-alikes sharing an underscore', '_x0041\u0007 a look-alike before a control character'];
/** A one-sheet workbook's table of texts, with a number on every other row. */
const tableOf = (cells: readonly string[]): WorkbookTable =>
  ({
    name: 'texts',
    title: '文字列',
    columns: [
      { name: 'text', title: '文字列', type: 'string', description: '', descriptionEn: '', term: 'text' },
      { name: 'n', title: '数', type: 'decimal', description: '', descriptionEn: '', term: 'n' },
    ],
    foreignKeys: [],
    rows: cells.map((t, i) => [t, i % 2 === 0 ? i + 0.5 : null]),
  }) as unknown as WorkbookTable;

/**
 * Every sheet LibreOffice Calc reads from the texts' workbook (`lo-texts`) and the real editions'
 * workbooks, converted in one run of `soffice` (its start is most of the time) for the tests that ask.
 */
let inLibreOffice: Promise<Record<string, string[][]>> | undefined;
const libreOfficeSheets = () => {
  inLibreOffice ??= (async () => {
    const texts = join(dir, 'lo-texts.xlsx');
    writeFileSync(texts, toWorkbook([tableOf([...TEXTS, ...ESCAPED])], ABOUT, TEST_DATE));
    return readInLibreOffice([texts, ...plans.map((p) => join(dir, `${p.edition.id}.xlsx`))]);
  })();
  return inLibreOffice;
};

describe('the workbook in openpyxl', () => {
  it('has a sheet per table and 項目定義, the header frozen, and every cell of the CSVs with its type', async () => {
    await requireSystemPackages('python3', 'python3-openpyxl');
    const script = `
import json, sys, glob, os, openpyxl
out = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.xlsx'))):
    wb = openpyxl.load_workbook(path)
    out[os.path.basename(path)[:-5]] = {
        'sheets': wb.sheetnames,
        'frozen': [ws.freeze_panes for ws in wb.worksheets],
        'rows': {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets},
        # The cell types as stored: s text, n number (an empty cell is n with no value).
        'types': {ws.title: [[c.data_type for c in r] for r in ws.iter_rows()] for ws in wb.worksheets},
        # Each stored cell's number format, and whether the header row is bold.
        'formats': {ws.title: [[c.number_format for c in r] for r in ws.iter_rows(min_row=2)] for ws in wb.worksheets},
        'bold': {ws.title: [c.font.b for c in ws[1]] for ws in wb.worksheets},
        'widths': {ws.title: [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)] for ws in wb.worksheets},
        'created': wb.properties.created.isoformat(),
        'about': [wb.properties.title, wb.properties.creator, wb.properties.language],
    }
print(json.dumps(out))  # ASCII-only JSON: no multi-byte character can be split between pipe reads
`;
    const read = JSON.parse((await $`${PYTHON} -c ${script} ${dir}`).stdout) as Read;
    for (const plan of plans) {
      const book = read[plan.edition.id]!;
      const tables: CsvTable[] = toCsvTables(plan);
      const names = toSheetNames(tables.map((t) => t.title));
      expect(names).toEqual(tables.map((t) => t.title));
      expect(book.sheets).toEqual([...names, DEFINITIONS_SHEET]);
      expect(book.frozen).toEqual(book.sheets.map(() => 'A2'));
      expect(book.created).toBe(TEST_DATE.replace(/Z$/, ''));
      expect(book.about).toEqual([workbookAbout(plan).title, '秦野市', 'ja-JP']);
      // Excel's green number-stored-as-text marks are turned off on every sheet.
      const parts = unzipSync(files.get(`out/${plan.edition.id}/${workbookName(plan)}`)!);
      book.sheets.forEach((_, i) => expect(new TextDecoder().decode(parts[`xl/worksheets/sheet${i + 1}.xml`])).toMatch(/<ignoredErrors><ignoredError sqref="A1:[A-Z]+\d+" numberStoredAsText="1"\/><\/ignoredErrors><\/worksheet>$/));
      for (const table of tables) {
        const rows = book.rows[table.title]!;
        const types = book.types[table.title]!;
        expect(rows[0], table.name).toEqual(table.columns.map((c) => c.title));
        // openpyxl gives a row only as wide as its last filled cell.
        const pad = (r: (string | number | null)[]) => [...r, ...Array(table.columns.length - r.length).fill(null)];
        expect(rows.slice(1).map(pad), table.name).toEqual(table.rows);
        table.rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) expect(types[r + 1]![c], `${table.name} ${r} ${table.columns[c]!.name}`).toBe(typeof v === 'number' ? 'n' : 's');
          }),
        );
        // The codes and IDs stay text although they look like numbers (142115, 基本方針番号 1).
        rows.slice(1).forEach((row) => expect(typeof row[0]).toBe('string'));
        // Text columns formatted `@`, so a value typed in stays text; numbers in the General format.
        const formats = book.formats[table.title]!;
        table.rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) expect(formats[r]![c], `${table.name} ${table.columns[c]!.name}`).toBe(table.columns[c]!.type === 'string' || table.columns[c]!.type === 'gYearMonth' ? '@' : 'General');
          }),
        );
        expect(book.bold[table.title]).toEqual(table.columns.map(() => true));
        const widths = book.widths[table.title]!;
        expect(widths.every((w) => w >= 8 && w <= 60), table.name).toBe(true);
      }
      const definitions = book.rows[DEFINITIONS_SHEET]!;
      expect(definitions[0]).toEqual([...DEFINITION_HEADERS]);
      expect(definitions.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(tables.flatMap((t) => t.columns.map((c) => [t.title, c.title, c.name])));
      expect(definitions.slice(1).map((r) => r[5])).toEqual(tables.flatMap((t) => t.columns.map((c) => c.description)));
      // The target's unit differs from row to row: 目標値's 単位 names the column that gives it.
      const units = definitions.slice(1).filter((r) => r[4] !== null);
      expect(units.map((r) => [r[1], r[4]])).toEqual(tables.flatMap((t) => t.columns.filter((c) => c.name === 'value').map(() => ['目標値', '「単位」の列'])));
      expect(units.length).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe('a cell’s text in the workbook', () => {
  // Texts a plan could carry that XML or SpreadsheetML would otherwise change on the way.
  const table = tableOf(TEXTS);

  it('escapes what XML cannot hold and what SpreadsheetML would read as an escape, and nothing else', () => {
    expect(escapeCellText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeCellText('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeCellText('bell\u0007')).toBe('bell_x0007_');
    // An XML reader reads a raw carriage return as a line feed.
    expect(escapeCellText('a\r\nb')).toBe('a_x000D_\nb');
    // Each `_` that could start an escape, so none can be read as one, however they run together.
    expect(escapeCellText('_x0041_x0042_')).toBe('_x005F_x0041_x005F_x0042_');
    expect(escapeCellText('_x0041\u0007')).toBe('_x005F_x0041_x0007_');
    expect(escapeCellText('tab\tand\nline 𠮷')).toBe('tab\tand\nline 𠮷');
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('reads back in openpyxl exactly as written: text as text (a formula too), numbers as numbers, blanks empty', async () => {
    await requireSystemPackages('python3', 'python3-openpyxl');
    const path = join(dir, 'texts.xlsx');
    writeFileSync(path, toWorkbook([table], ABOUT, TEST_DATE));
    const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['文字列']
print(json.dumps([[c.value for c in r] + [c.data_type for c in r] for r in ws.iter_rows(min_row=2, max_col=2)]))
`;
    const rows = JSON.parse((await $`${PYTHON} -c ${script} ${path}`).stdout) as (string | number | null)[][];
    expect(rows.map((r) => r.slice(0, 2))).toEqual(TEXTS.map((t, i) => [t, i % 2 === 0 ? i + 0.5 : null]));
    expect(rows.map((r) => r[2])).toEqual(TEXTS.map(() => 's'));
  }, 30_000);

  it('reads back in openpyxl with a header-only table, 30 columns, names with & and quotes, and an empty string as an empty cell', async () => {
    await requireSystemPackages('python3', 'python3-openpyxl');
    const column = (n: number) => ({ name: `c${n}`, title: `列${n}`, type: n % 2 ? 'string' : 'integer', description: '', descriptionEn: '', term: `c${n}` });
    const wide = { name: 'wide', title: 'A & B "wide"', columns: Array.from({ length: 30 }, (_, n) => column(n)), foreignKeys: [], rows: [Array.from({ length: 30 }, (_, n) => (n % 2 ? (n === 29 ? '' : `t${n}`) : n))] };
    const empty = { name: 'empty', title: "<empty's>", columns: [column(1)], foreignKeys: [], rows: [] };
    const path = join(dir, 'odd.xlsx');
    writeFileSync(path, toWorkbook([wide, empty] as unknown as WorkbookTable[], { title: 'A & B <x>', creator: '秦野市' }, TEST_DATE));
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({'sheets': wb.sheetnames, 'title': wb.properties.title, 'rows': {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}}))
`;
    const read = JSON.parse((await $`${PYTHON} -c ${script} ${path}`).stdout) as { sheets: string[]; title: string; rows: Record<string, unknown[][]> };
    expect(read.sheets).toEqual(['A & B "wide"', "<empty's>", DEFINITIONS_SHEET]);
    expect(read.title).toBe('A & B <x>');
    expect(read.rows['A & B "wide"']![0]).toEqual(wide.columns.map((c) => c.title));
    expect(read.rows['A & B "wide"']![1]).toEqual(wide.rows[0]!.map((v) => (v === '' ? null : v)));
    expect(read.rows["<empty's>"]).toEqual([['列1']]);
  }, 30_000);

  it('reads back in LibreOffice Calc exactly as written, the escaped characters too', async () => {
    await requireSystemPackages('libreoffice-calc-nogui', 'python3');
    const all = [...TEXTS, ...ESCAPED];
    const sheets = await libreOfficeSheets();
    expect(sheets['lo-texts-文字列']!.slice(1)).toEqual(all.map((t, i) => [t, i % 2 === 0 ? String(i + 0.5) : '']));
  }, 60_000);

  it('gives the same bytes in any time zone, at an hour a daylight-saving change skips too (a zip library stamps local time)', () => {
    // 01:30 UTC on 2024-03-31 is in London's skipped hour (01:00–02:00 local did not happen).
    const clocks = [TEST_DATE, '2024-03-31T01:30:00Z'];
    // Node applies a new TZ at once (its zone cache is reset on assignment); the loop is synchronous,
    // so no other test of this worker runs in another zone, and the zone is put back whatever happens.
    const zone = process.env.TZ;
    const offsets = new Set<number>();
    const inZone = (tz: string) => {
      process.env.TZ = tz;
      offsets.add(new Date(clocks[1]!).getTimezoneOffset());
      return clocks.map((c) => createHash('sha256').update(toWorkbook([table], ABOUT, c)).digest('hex')).join(' ');
    };
    try {
      const utc = inZone('UTC');
      expect(utc).toMatch(/^[0-9a-f]{64} [0-9a-f]{64}$/);
      for (const tz of ['Asia/Tokyo', 'Europe/London', 'Pacific/Chatham']) expect(inZone(tz), tz).toBe(utc);
      expect(offsets.size, 'each zone in effect when its workbook was made').toBe(4);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

/**
 * Every sheet of each workbook as LibreOffice Calc reads it, by `<file>-<sheet>`: converted by
 * `soffice` to one CSV per sheet (UTF-8, values as shown), read by Python's csv module.
 */
async function readInLibreOffice(paths: readonly string[]): Promise<Record<string, string[][]>> {
  const out = mkdtempSync(join(dir, 'lo-'));
  // Comma, double quote, UTF-8 (76), from line 1, cells as shown, every sheet (-1).
  await $`soffice --headless --norestore --convert-to ${'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'} --outdir ${out} ${paths}`.quiet();
  const script = `
import csv, glob, json, os, sys
out = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.csv'))):
    with open(path, encoding='utf-8', newline='') as f:
        out[os.path.basename(path)[:-4]] = list(csv.reader(f))
print(json.dumps(out))
`;
  return JSON.parse((await $`${PYTHON} -c ${script} ${out}`).stdout) as Record<string, string[][]>;
}

describe('the workbook in LibreOffice Calc', () => {
  it('has every table’s cells as its CSV has them', async () => {
    await requireSystemPackages('libreoffice-calc-nogui', 'python3');
    const sheets = await libreOfficeSheets();
    for (const plan of plans) {
      const tables = toCsvTables(plan);
      const names = toSheetNames(tables.map((t) => t.title));
      tables.forEach((table, i) => {
        const rows = sheets[`${plan.edition.id}-${names[i]}`]!;
        expect(rows[0], table.name).toEqual(table.columns.map((c) => c.title));
        expect(rows.slice(1), `${plan.edition.id} ${table.name}`).toEqual(table.rows.map((row) => row.map((v) => (v === null ? '' : String(v)))));
      });
    }
  }, 120_000);
});

describe('the workbook’s bytes', () => {
  it('are the same for the same tables at another time, and change with the build clock only in its dates', () => {
    const plan = plans.at(-1)!;
    const tables = () => toCsvTables(plan);
    const first = toWorkbook(tables(), workbookAbout(plan), TEST_DATE);
    // The machine's clock years later (faked, not waited for): nothing in the bytes may follow it.
    vi.useFakeTimers({ toFake: ['Date'] });
    let second: Uint8Array;
    try {
      vi.setSystemTime(new Date('2099-12-31T23:59:59Z'));
      second = toWorkbook(tables(), workbookAbout(plan), TEST_DATE);
    } finally {
      vi.useRealTimers();
    }
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(files.get(`out/${plan.edition.id}/${workbookName(plan)}`)!).equals(Buffer.from(first))).toBe(true);
    // Another clock: every part the same but the document properties' dates.
    const later = unzipSync(toWorkbook(tables(), workbookAbout(plan), '2030-01-01T00:00:00Z'));
    const parts = unzipSync(first);
    expect(Object.keys(later)).toEqual(Object.keys(parts));
    const differing = Object.keys(parts).filter((path) => !Buffer.from(parts[path]!).equals(Buffer.from(later[path]!)));
    expect(differing).toEqual(['docProps/core.xml']);
    expect(new TextDecoder().decode(later['docProps/core.xml'])).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2030-01-01T00:00:00Z</dcterms:created>');
  }, 30_000);

  it('are made for the real editions, not for an edition of more than 1000 projects', () => {
    for (const plan of plans) expect(hasWorkbook(plan)).toBe(true);
    const large = { ...plans[0]!, projects: Array(1001).fill(plans[0]!.projects[0]) } as Plan;
    expect(hasWorkbook(large)).toBe(false);
  });

  it('cut a long title to 31 characters, replace the characters Excel refuses and keep the names unique', () => {
    const long = 'あ'.repeat(40);
    const names = toSheetNames([long, long, 'a/b', DEFINITIONS_SHEET]);
    expect(names.every((n) => [...n].length <= 31)).toBe(true);
    expect(new Set([...names, DEFINITIONS_SHEET]).size).toBe(5);
    expect(names[2]).toBe('a_b');
    // Excel counts UTF-16 units and compares names ignoring case; it refuses an apostrophe at either end and an empty name.
    expect(toSheetNames(['𠮷'.repeat(20)])[0]).toBe('𠮷'.repeat(15));
    expect(toSheetNames(['Data', 'DATA'])).toEqual(['Data', 'DATA_2']);
    expect(toSheetNames(["'quoted'", ''])).toEqual(['_quoted_', '_']);
    expect(toSheetNames([`${'a'.repeat(30)}'b`])).toEqual([`${'a'.repeat(30)}_`]);
  });

  it('refuse a number a cell cannot hold', () => {
    const table = { name: 't', title: 't', columns: [{ name: 'n', title: 'n', type: 'decimal', description: '', descriptionEn: '', term: 'n' }], foreignKeys: [], rows: [[Number.NaN]] };
    expect(() => toWorkbook([table as unknown as WorkbookTable], ABOUT, TEST_DATE)).toThrow(/NaN/);
  });
});

describe('where the workbook is listed', () => {
  it('in the Data Package, the catalog, CKAN, SHA256SUMS and the page', () => {
    const text = (path: string) => new TextDecoder().decode(files.get(`out/${path}`)!);
    for (const plan of plans) {
      const id = plan.edition.id;
      const name = workbookName(plan);
      const bytes = files.get(`out/${id}/${name}`)!;
      const resource = (JSON.parse(text(`${id}/datapackage.json`)) as { resources: { path: string; mediatype: string; bytes: number; hash: string; encoding?: string }[] }).resources.find((r) => r.path === name)!;
      expect(resource).toMatchObject({ mediatype: XLSX, bytes: bytes.length });
      expect(resource.encoding).toBeUndefined();
      expect(text('SHA256SUMS')).toContain(`${resource.hash.slice('sha256:'.length)}  ${id}/${name}\n`);
      const ckan = JSON.parse(text(`ckan/${id}.json`)) as { resources: { name: string; format: string; mimetype: string; description: string }[] };
      expect(ckan.resources.find((r) => r.name === name)).toMatchObject({ format: 'XLSX', mimetype: XLSX, description: expect.stringContaining('項目定義') });
      const catalog = text('catalog.jsonld');
      expect(catalog).toContain(`${id}/${name}#distribution`);
      expect(text(`${id}/index.html`)).toContain(`<a href="${name}" download>Excel（全部の表）</a>`);
    }
    expect(text('catalog.jsonld')).toContain('http://publications.europa.eu/resource/authority/file-type/XLSX');
    const latest = plans.at(-1)!;
    expect(text('index.html')).toContain(`<a href="${latest.edition.id}/${workbookName(latest)}" download>Excel（全部の表）</a>`);
  });
});
