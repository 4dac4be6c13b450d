import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsvChunks, toCsvText } from '../../../pipeline/outputs/csv/toCsvText.js';
import type { ColumnType, CsvTable, CsvValue } from '../../../pipeline/outputs/csv/toCsvTables.js';
import { builtSeeds } from '../../helpers.js';

/**
 * The reference: the same table through csv-stringify, with the options the CSVs were written with
 * before the pipeline quoted fields itself (RFC 4180, CRLF, BOM, plain decimal numbers).
 */
function referenceCsv(table: CsvTable): string {
  const options = {
    record_delimiter: 'windows',
    delimiter: ',',
    quote: '"',
    cast: { number: (n: number) => (Number.isInteger(n) ? n.toFixed(0) : String(n)) },
  } as const;
  const cells = (row: CsvValue[]) => row.map((v, i) => (typeof v === 'string' && table.columns[i]!.type === 'string' ? neutralizeFormula(v) : v));
  return stringify([table.columns.map((c) => c.title)], { ...options, bom: true }) + stringify(table.rows.map(cells), options);
}

const table: CsvTable = {
  name: 'crafted',
  title: 'テスト',
  titleEn: 'Test',
  description: '',
  columns: [
    { name: 'id', title: 'ID', type: 'string', description: '', descriptionEn: '', term: 'identifier' },
    { name: 'name', title: '名称', type: 'string', description: '', descriptionEn: '', term: 'name' },
    { name: 'value', title: '目標値', type: 'decimal', description: '', descriptionEn: '', term: 'value' },
  ],
  rows: [
    ['a', '=HYPERLINK("http://x","y")', -28.2],
    ['b', '+cmd', 1440000],
    ['c', '-2+3+cmd|\' /C calc\'!A0', null],
    ['d', '@SUM(A1)', 0.13],
    ['e', '\tTab', 0],
    ['f', '-', 5],
    ['g', '-12.5', 5],
    ['h', 'カンマ,と"引用符"', 1],
  ],
  foreignKeys: [],
};

describe('toCsvText', () => {
  const text = toCsvText(table);

  it('starts with a BOM, uses CRLF and the Japanese titles as header', () => {
    expect(text.startsWith('\uFEFFID,名称,目標値\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(table.rows.length + 2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('neutralises cells a spreadsheet would evaluate, and leaves numbers as numbers', () => {
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe(`a,"'=HYPERLINK(""http://x"",""y"")",-28.2`);
    expect(lines[2]).toBe(`b,'+cmd,1440000`);
    expect(lines[3]).toBe(`c,'-2+3+cmd|' /C calc'!A0,`);
    expect(lines[4]).toBe(`d,'@SUM(A1),0.13`);
    expect(lines[5]).toBe(`e,'\tTab,0`);
    expect(lines[6]).toBe(`f,-,5`);
    expect(lines[7]).toBe(`g,-12.5,5`);
    expect(lines[8]).toBe(`h,"カンマ,と""引用符""",1`);
  });
});

describe('neutralizeFormula', () => {
  it('prefixes an apostrophe only where a spreadsheet would evaluate the cell', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('\r=1')).toBe("'\r=1");
    expect(neutralizeFormula('-1')).toBe('-1');
    expect(neutralizeFormula('-')).toBe('-');
    expect(neutralizeFormula('-A1')).toBe("'-A1");
    expect(neutralizeFormula('各種手続')).toBe('各種手続');
  });
});

describe('toCsvText against csv-stringify', () => {
  const column = (type: ColumnType, i: number) => ({ name: `c${i}`, title: `列${i}`, type, description: '', descriptionEn: '', term: 'text' });
  // Text built from the characters quoting and neutralising turn on, and anything else. Line breaks
  // only as CRLF: csv-stringify with a CRLF record delimiter quotes no lone CR or LF (see below).
  const noLoneBreak = (t: string) => t.replace(/\r\n/g, '\u0000').replace(/[\r\n]/g, ' ').replace(/\u0000/g, '\r\n');
  const text = fc
    .oneof(fc.string({ unit: fc.constantFrom('"', ',', '\r\n', '\t', '=', '+', '-', '@', ' ', 'a', '1', '.', '１', 'ア', '　', "'") }), fc.string({ unit: 'grapheme' }))
    .map(noLoneBreak);
  const cell = fc.oneof(fc.constant(null), text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  const table = fc
    .array(fc.constantFrom<ColumnType>('string', 'integer', 'decimal', 'gYear', 'gYearMonth'), { minLength: 1, maxLength: 6 })
    .chain((types) =>
      fc.record({
        types: fc.constant(types),
        titles: fc.array(text, { minLength: types.length, maxLength: types.length }),
        rows: fc.array(fc.array(cell, { minLength: types.length, maxLength: types.length }), { maxLength: 450 }),
      }),
    )
    .map(({ types, titles, rows }): CsvTable => ({ name: 't', title: '', titleEn: '', description: '', columns: types.map((t, i) => ({ ...column(t, i), title: titles[i]! })), rows, foreignKeys: [] }));

  it('writes the bytes csv-stringify writes for arbitrary tables', () => {
    fc.assert(
      fc.property(table, (t) => toCsvText(t) === referenceCsv(t)),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('writes the bytes csv-stringify writes for every table of both real editions, from rows made as they are read too', async () => {
    const { toCsvTables } = await import('../../../pipeline/outputs/csv/toCsvTables.js');
    const { result } = await builtSeeds();
    for (const edition of result.editions) {
      for (const t of toCsvTables(edition.plan!)) {
        expect(toCsvText(t), t.name).toBe(referenceCsv(t));
        expect([...toCsvChunks({ ...t, rows: t.rows.values() })].join(''), t.name).toBe(referenceCsv(t));
      }
    }
  });
});

describe('toCsvText with a line break in a cell', () => {
  it('quotes a lone CR or LF too, which a reader takes for the end of the row (csv-stringify, given CRLF rows, quotes only CRLF)', () => {
    // No published cell has one (checkCsvTables refuses line breaks), but a neutralised formula may start with CR.
    const t: CsvTable = { ...table, rows: [['a', 'x\ny', 1], ['b', '\r=1', 2], ['c', 'x\r\ny', 3]] };
    expect(toCsvText(t).slice(1).split('\r\n').slice(1, 3)).toEqual(['a,"x\ny",1', `b,"'\r=1",2`]);
    expect(toCsvText(t)).toContain('c,"x\r\ny",3\r\n');
    expect(referenceCsv(t)).toContain('a,x\ny,1');
  });
});
