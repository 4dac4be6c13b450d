import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsvText } from '../../../pipeline/outputs/csv/toCsvText.js';
import type { CsvTable } from '../../../pipeline/outputs/csv/toCsvTables.js';

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
