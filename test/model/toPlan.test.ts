import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareIds, doubtfulNumbers, parseTargetText } from '../../pipeline/model/toPlan.js';
import type { Target } from '../../pipeline/model/plan.js';
import { checkSeeds, readSeedEditions, seedsFiles } from '../mutants.js';
import { ROOT } from '../helpers.js';

describe('parseTargetText', () => {
  it.each([
    ['７，0００', { value: 7000, unit: null, qualifier: null, per: null }],
    ['１，５００時間', { value: 1500, unit: '時間', qualifier: null, per: null }],
    ['29 手続', { value: 29, unit: '手続', qualifier: null, per: null }],
    ['54．4％', { value: 54.4, unit: '%', qualifier: null, per: null }],
    ['▲28.2ｐｔ', { value: -28.2, unit: 'pt', qualifier: null, per: null }],
    ['７０％以上', { value: 70, unit: '%', qualifier: '以上', per: null }],
    ['５件以下', { value: 5, unit: '件', qualifier: '以下', per: null }],
    ['60％減', { value: 60, unit: '%', qualifier: '減', per: null }],
    ['年３回以上', { value: 3, unit: '回', qualifier: '以上', per: '年' }],
    ['月２回', { value: 2, unit: '回', qualifier: null, per: '月' }],
    ['７８０万件', { value: 780, unit: '万件', qualifier: null, per: null }],
    ['300 時間/年', { value: 300, unit: '時間/年', qualifier: null, per: null }],
    ['2.5', { value: 2.5, unit: null, qualifier: null, per: null }],
    ['４分 7 秒', { value: 247, unit: '秒', qualifier: null, per: null }],
  ])('reads %s', (printed, expected) => {
    expect(parseTargetText(printed)).toEqual(expected);
  });

  it.each(['-', '－', '方向性整理を踏まえ決定', '令和８年度からシステムでの所有権移転処理', '１，５００，００', '013％', '１．１００', '1.100 件'])('finds no number in %s', (printed) => {
    expect(parseTargetText(printed).value).toBeNull();
  });
});

describe('doubtfulNumbers', () => {
  /** One row's targets from FY2021 on, each printed text read as the plan reads it. */
  const row = (...texts: (string | null)[]): Target[] =>
    texts.map((text, i) => ({ fiscalYear: 2021 + i, text, ...(text === null ? { value: null, unit: null, qualifier: null, per: null } : parseTargetText(text)), span: null }));

  it('doubts a share above 100 % (the point of 54.4 % lost) and nothing in the rows of the real editions', () => {
    expect(doubtfulNumbers(row('544％', '６０％', '７０％'))).toEqual([{ slot: 0, text: '544％', variant: 'overHundredPercent' }]);
    expect(doubtfulNumbers(row('54．4％', '６０％', '１００％'))).toEqual([]);
  });

  it('doubts a whole number ten times the decimals of its row, not a row without decimals', () => {
    expect(doubtfulNumbers(row('2.5', '3.0', '35'))).toEqual([{ slot: 2, text: '35', variant: 'pointLost' }]);
    expect(doubtfulNumbers(row('2.5', '3.0', '3.5'))).toEqual([]);
    // 2025-03's 2-2-4: 50 件 then 2,530 件 — a real jump, and no decimals in the row.
    expect(doubtfulNumbers(row('50 件', '2,530 件', '2,660 件'))).toEqual([]);
    // Another unit is not compared.
    expect(doubtfulNumbers(row('0.5 時間', '30 件'))).toEqual([]);
  });
});

describe('compareIds', () => {
  it('orders ids numerically part by part', () => {
    expect(['1-2-10', '1-2-8', '1-10-1', '1-2-7'].sort(compareIds)).toEqual(['1-2-7', '1-2-8', '1-2-10', '1-10-1']);
  });
});

describe('toPlan: target cells that start like a number', () => {
  const editions = readSeedEditions(`${ROOT}seeds`);
  /** The codes of the errors of the 2021 edition with its line `line` (1-based) changed by `change`. */
  const errorsWith = async (line: number, change: (text: string) => string) => {
    const lines = [...editions[0]!.lines];
    lines[line - 1] = change(lines[line - 1]!);
    const checked = await checkSeeds(seedsFiles(editions, '2021', lines.join('\n')));
    return checked.editions.find((e) => e.folder === '2021')!.diagnostics.filter((d) => d.severity === 'error');
  };

  it('stops a number whose digits no longer read as one (a digit doubled, or spaced apart by a full-width space), at the cell', async () => {
    expect(editions[0]!.lines[470]).toContain('７，0００');
    const doubled = await errorsWith(471, (t) => t.replace('７，0００', '７，3０００'));
    expect(doubled.map((d) => [d.code, d.position?.start.line])).toEqual([['table/unreadable-number', 471]]);
    expect(doubled[0]!.message).toContain('「７，3０００」');
    // A full-width space splits the cell: one cell too many stops the row.
    expect((await errorsWith(471, (t) => t.replace('７，0００', '７，0　００'))).map((d) => d.code)).toContain('table/too-many-cells');
  });

  it('stops a value moved to a later year by a space added before it (１回 read as  １回), at its row', async () => {
    expect(editions[0]!.lines[2069]).toMatch(/^１回 +$/);
    const errors = await errorsWith(2070, (t) => ` ${t}`);
    expect(errors.map((d) => [d.code, d.subject])).toEqual([['table/extra-empty-cells', '2-5-3']]);
    expect(errors[0]!.position?.start.line).toBeGreaterThanOrEqual(2064);
  });

  it('takes the plan\'s years from the headings most sheets print: a year lost from the first sheet\'s headings stops there alone', async () => {
    expect(editions[0]!.lines[205]).toMatch(/^年度ごとの取組 令和３年度 令和４年度/);
    const errors = await errorsWith(206, (t) => t.replace('令和３年度 ', ''));
    expect(errors.map((d) => [d.code, d.position?.start.line])).toEqual([['sheet/bad-year-heading', 206]]);
    expect(errors[0]!.message).toContain('令和3年度 令和4年度 令和5年度 令和6年度 令和7年度');
  });
});

describe('toPlan: the texts it keeps', () => {
  it('keeps no view of the edition text: once both real editions are checked, neither decoded text is left in the heap', () => {
    // In a process of its own, so that the heap holds nothing but the checks (heldTexts.ts); without
    // the optimising compiler, whose background jobs may still hold a syntax tree for a moment.
    const run = spawnSync(process.execPath, ['--no-opt', '--import', 'tsx', 'test/model/heldTexts.ts'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20, timeout: 110_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { projects: (number | null)[]; held: { editions: number[]; control: number[] } };
    expect(result.projects).toEqual([41, 62]);
    // The search finds a text a short slice of it keeps (V8 keeps such a slice as a view of the whole)…
    expect(result.held.control).toHaveLength(1);
    expect(result.held.control[0]).toBeGreaterThan(80_000);
    // …and the plans, findings and reviews the build keeps hold no edition text.
    expect(result.held.editions).toEqual([]);
  }, 120_000);
});
