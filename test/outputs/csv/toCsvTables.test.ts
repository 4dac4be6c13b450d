import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../pipeline/model/plan.js';
import { checkCsvTables, toCsvTables, toCsvTableSpecs, type CsvTable } from '../../../pipeline/outputs/csv/toCsvTables.js';
import { printedProjectNumber } from '../../../pipeline/outputs/values.js';
import { builtText } from '../../helpers.js';

function column(table: CsvTable, name: string): (string | number | null)[] {
  const i = table.columns.findIndex((c) => c.name === name);
  return table.rows.map((r) => r[i] ?? null);
}

function rowById(table: CsvTable, id: string): Record<string, string | number | null> {
  const row = table.rows.find((r) => r[1] === id);
  if (!row) throw new Error(`no row ${id} in ${table.name}`);
  return Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null]));
}

describe('toCsvTables', async () => {
  const plan2021 = JSON.parse(await builtText('2021/plan.json')) as Plan;
  const plan2025 = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  const t2021 = Object.fromEntries(toCsvTables(plan2021).map((t) => [t.name, t]));
  const t2025 = Object.fromEntries(toCsvTables(plan2025).map((t) => [t.name, t]));

  it('starts every table with the 自治体標準オープンデータセット columns', () => {
    for (const table of Object.values(t2025)) {
      expect(table.columns.slice(0, 3).map((c) => c.title)).toEqual(['全国地方公共団体コード', 'ID', '地方公共団体名']);
      expect(new Set(column(table, 'lgCode'))).toEqual(new Set(table.rows.length ? ['142115'] : []));
      expect(new Set(column(table, 'lgName'))).toEqual(new Set(table.rows.length ? ['神奈川県秦野市'] : []));
    }
  });

  it('writes no text cell that a spreadsheet opens as a date (a measure\'s 1-2 would be 1月2日 in Excel)', () => {
    // Month-day and day-month forms Excel and LibreOffice read as dates in a Japanese locale; a text
    // column's codes keep something that is not a digit (`1-1-(1)`, `measure/1-2`).
    const dateLike = /^\d{1,2}[-/]\d{1,2}$/;
    for (const tables of [t2021, t2025]) {
      for (const table of Object.values(tables)) {
        table.columns.forEach((c, i) => {
          if (c.type !== 'string') return;
          const cells = table.rows.map((r) => r[i]).filter((v) => typeof v === 'string' && dateLike.test(v));
          expect(cells, `${table.name}.${c.name}`).toEqual([]);
        });
      }
    }
    expect(t2025.measures!.columns.map((c) => c.name)).not.toContain('measureNumber');
  });

  it('makes the same rows one at a time (eachRow, as the build writes them) as all at once (rows)', () => {
    for (const plan of [plan2021, plan2025]) {
      for (const spec of toCsvTableSpecs(plan)) expect([...spec.eachRow()]).toEqual(spec.rows());
    }
  });

  it('has one row per entity, and one row per indicator and fiscal year', () => {
    expect(t2025.projects!.rows).toHaveLength(62);
    expect(t2025.indicators!.rows).toHaveLength(93);
    expect(t2025.indicator_targets!.rows).toHaveLength(465);
    expect(t2025.revisions!.rows).toHaveLength(77); // 74 entries, three of them naming two projects
    expect(t2021.indicator_targets!.rows).toHaveLength(38 * 5);
    expect(t2021.revisions!.rows).toHaveLength(0);
  });

  it('keeps IDs stable across editions for the same project and indicator', () => {
    const ids2021 = new Set(column(t2021.indicators!, 'id'));
    expect(ids2021.has('project/1-2-1/indicator/3')).toBe(true);
    expect(column(t2025.indicators!, 'id')).toContain('project/1-2-1/indicator/3');
    expect(rowById(t2021.indicators!, 'project/1-2-1/indicator/3').name).toBe('LINE友だち登録数');
    expect(rowById(t2025.indicators!, 'project/1-2-1/indicator/3').name).toBe('LINE友だち登録数');
  });

  it('writes fiscal years as Western years with the 和暦 label beside them, and numbers as numbers', () => {
    expect(rowById(t2025.indicator_targets!, 'project/1-2-5/indicator/5/target/2022')).toMatchObject({
      fiscalYear: 2022,
      fiscalYearLabel: '令和4年度',
      value: -28.2,
      unit: 'pt',
      qualifier: null,
      text: '▲28.2pt',
    });
    expect(rowById(t2025.indicator_targets!, 'project/1-2-4/indicator/2/target/2021')).toMatchObject({ value: 3, unit: '回', qualifier: '以上', per: '年' });
    // A blank is a blank: an empty cell is never 0.
    expect(rowById(t2025.indicator_targets!, 'project/1-1-6/indicator/1/target/2021')).toMatchObject({ value: null, text: null });
    expect(rowById(t2025.indicator_targets!, 'project/2-1-10/indicator/3/target/2024')).toMatchObject({ value: 0, unit: '件' });
  });

  it('links departments with their role, one per row', () => {
    const table = t2025.project_departments!;
    const at = (name: string) => table.columns.findIndex((c) => c.name === name);
    const rows = table.rows.filter((r) => r[at('projectId')] === 'project/1-1-5').map((r) => [r[at('role')], r[at('order')], r[at('department')]]);
    expect(rows).toEqual([
      ['主管', 1, 'こども政策課'],
      ['主管', 2, 'こども家庭支援課'],
      ['主管', 3, '健康づくり課'],
      ['関係', 1, 'デジタル推進課'],
    ]);
  });

  it('lists revision entries per project, with the 和暦 month', () => {
    // Every plan number in the 2025-03 history names a project of that edition.
    expect(column(t2025.revisions!, 'projectId').filter((id) => id === null)).toEqual([]);
    expect(new Set(column(t2025.revisions!, 'revisionDate'))).toEqual(new Set(['2022-06', '2023-03', '2024-03', '2025-03']));
    expect(rowById(t2025.revisions!, 'revision/2024-03/21/2-3-2')).toMatchObject({ revisionDateLabel: '令和6年3月', projectNumber: '2-3-(2)', projectId: 'project/2-3-2' });
  });

  it('marks ended projects and reposts', () => {
    expect(rowById(t2025.projects!, 'project/2-2-9')).toMatchObject({ status: '計画終了', endReason: null });
    expect(rowById(t2025.projects!, 'project/3-2-1')).toMatchObject({ status: '実施中', repostOf: 'project/2-4-3' });
  });

  it('passes its own cell checks, which catch a wrong type, a missing value and a duplicate ID', () => {
    expect(checkCsvTables(Object.values(t2025))).toEqual([]);
    const broken: CsvTable = { ...t2025.policies!, rows: [...t2025.policies!.rows, ['142115', 'policy/1', '神奈川県秦野市', 1, null]] };
    expect(checkCsvTables([broken]).map((d) => d.messageEn)).toEqual([
      'Expected unique IDs in policies.csv, found policy/1 twice',
      'Expected string in policies.csv column policyNumber, found 1',
      'Expected a required string in policies.csv column name, found null',
    ]);
  });

  it('prints project numbers the way the plan does', () => {
    expect(printedProjectNumber('2-1-13')).toBe('2-1-(13)');
  });
});
