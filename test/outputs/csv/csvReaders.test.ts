/**
 * Reads the published CSVs the way citizens' and analysts' tools do, with independent readers:
 * Python's csv module (Debian's python3) and LibreOffice Calc (headless, the CSV import filter with
 * UTF-8), then checks the headers are the Japanese titles without a stray BOM character and every
 * cell reads back as written — numbers as numbers, text as text, blanks as blanks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { toCsvTables, type CsvTable } from '../../../pipeline/outputs/csv/toCsvTables.js';
import { neutralizeFormula } from '../../../pipeline/outputs/csv/toCsvText.js';
import { builtSeeds, requireSystemPackages } from '../../helpers.js';

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'csv-readers-'));
let tables: { edition: string; table: CsvTable }[] = [];

beforeAll(async () => {
  const { result, files } = await builtSeeds();
  for (const edition of result.editions) {
    const plan = edition.plan!;
    for (const table of toCsvTables(plan)) {
      const bytes = files.get(`out/${plan.edition.id}/csv/${table.name}.csv`)!;
      writeFileSync(join(dir, `${plan.edition.id}__${table.name}.csv`), bytes);
      tables.push({ edition: plan.edition.id, table });
    }
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a reader must see for a value: the number, the text (formula-neutralised), or blank. */
function expected(table: CsvTable, column: number, value: string | number | null): string | number | null {
  return typeof value === 'string' && table.columns[column]!.type === 'string' ? neutralizeFormula(value) : value;
}

describe('the CSVs in Python’s csv module', () => {
  it('have clean Japanese headers and identical cells', async () => {
    await requireSystemPackages('python3');
    const script = `
import csv, json, sys, glob, os
out = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.csv'))):
    with open(path, encoding='utf-8-sig', newline='') as f:
        out[os.path.basename(path)] = list(csv.reader(f))
print(json.dumps(out))  # ASCII-only JSON: no multi-byte character can be split between pipe reads
`;
    const read = JSON.parse((await $`${PYTHON} -c ${script} ${dir}`).stdout) as Record<string, string[][]>;
    for (const { edition, table } of tables) {
      const rows = read[`${edition}__${table.name}.csv`]!;
      expect(rows[0], table.name).toEqual(table.columns.map((c) => c.title));
      expect(rows[0]![0]!.charCodeAt(0)).not.toBe(0xfeff);
      expect(rows.slice(1), table.name).toEqual(
        table.rows.map((r) => r.map((v, c) => (v === null ? '' : typeof v === 'number' ? String(v) : (expected(table, c, v) as string)))),
      );
    }
  }, 60_000);
});

describe('the CSVs in LibreOffice Calc', () => {
  it('open with Japanese intact and numbers as numbers', async () => {
    await requireSystemPackages('libreoffice-calc-nogui', 'python3-openpyxl');
    const inputs = tables.map(({ edition, table }) => join(dir, `${edition}__${table.name}.csv`));
    // Import filter: comma, double quote, UTF-8 (76), from line 1, Japanese locale, special numbers off.
    await $`soffice --headless --norestore --convert-to xlsx --infilter=CSV:44,34,76,1,,1041,false,false --outdir ${join(dir, 'xlsx')} ${inputs}`.quiet();
    const script = `
import json, sys, glob, os, openpyxl
out = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.xlsx'))):
    ws = openpyxl.load_workbook(path).active
    out[os.path.basename(path)] = [[c for c in row] for row in ws.iter_rows(values_only=True)]
print(json.dumps(out))  # ASCII-only JSON: no multi-byte character can be split between pipe reads
`;
    const read = JSON.parse((await $`${PYTHON} -c ${script} ${join(dir, 'xlsx')}`).stdout) as Record<string, (string | number | null)[][]>;
    for (const { edition, table } of tables) {
      const rows = read[`${edition}__${table.name}.xlsx`]!;
      expect(rows[0], table.name).toEqual(table.columns.map((c) => c.title));
      table.rows.forEach((row, r) => {
        row.forEach((value, c) => {
          const cell = rows[r + 1]![c] ?? null;
          const want = expected(table, c, value);
          const where = `${table.name} row ${r + 1} column ${table.columns[c]!.name}`;
          // A spreadsheet reads number-like text (the code 142115, a printed target 7,000) as a number.
          if (typeof want === 'string' && /^-?[\d,]+(\.\d+)?$/.test(want)) expect(Number(cell), where).toBe(Number(want.replace(/,/g, '')));
          else expect(cell, where).toEqual(want);
        });
      });
    }
  }, 120_000);
});

describe('reading back', () => {
  it('keeps the number of rows of each table', () => {
    const targets = tables.find((t) => t.edition === '2025-03' && t.table.name === 'indicator_targets')!;
    expect(targets.table.rows).toHaveLength(93 * 5);
    expect(readFileSync(join(dir, '2025-03__indicator_targets.csv'), 'utf8').split('\r\n')).toHaveLength(93 * 5 + 2);
  });
});
