import { describe, expect, it } from 'vitest';
import { diffPlans } from '../pipeline/diffPlans.js';
import type { Plan } from '../pipeline/plan.js';
import { builtText } from './helpers.js';

describe('diffPlans between the 2021 and 2025-03 editions', async () => {
  const older = JSON.parse(await builtText('2021/plan.json')) as Plan;
  const newer = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  const log = diffPlans(older, newer);
  const find = (id: string) => log.changes.find((c) => c.id === id);

  it('applies the entries of all four revisions', () => {
    expect(log.revisionDates).toEqual(['2022-06', '2023-03', '2024-03', '2025-03']);
    expect(log.entries).toHaveLength(74);
  });

  it('finds the projects added and ended', () => {
    const added = log.changes.filter((c) => c.kind === 'project-added').map((c) => c.projectId);
    expect(added).toEqual(['1-1-6', '1-2-5', '1-2-6', '1-2-7', '1-2-8', '1-2-9', '1-2-10', '1-3-6', '1-3-7', '2-1-6', '2-1-7', '2-1-8', '2-1-9', '2-1-10', '2-1-11', '2-1-12', '2-1-13', '2-2-8', '2-2-9', '2-2-10', '2-2-11']);
    expect(log.changes.filter((c) => c.kind === 'project-ended').map((c) => c.projectId)).toEqual(['2-1-3', '2-2-5']);
    expect(find('project-renamed/1-1-5/name')).toMatchObject({ old: 'オンラインによる母子保健相談', new: 'ICTを活用した子育て支援施策の拡充' });
  });

  it('sees 情報システム課 renamed デジタル推進課 wherever it stood', () => {
    const renames = log.changes.filter((c) => c.kind === 'department-renamed');
    expect(new Set(renames.map((c) => `${c.old}→${c.new}`))).toEqual(new Set(['情報システム課→デジタル推進課']));
    expect(renames.length).toBe(26);
    expect(log.changes.filter((c) => c.kind === 'department-removed')).toEqual([]);
  });

  it('lists target changes per fiscal year, old → new', () => {
    expect(find('target-changed/1-2-1/target/1-2-1/1/2022')).toMatchObject({ fiscalYear: 2022, old: '７，3００', new: '8,000' });
    expect(find('target-changed/1-1-1/target/1-1-1/2/2023')).toMatchObject({ old: '方向性整理を踏まえ決定', new: '29 手続' });
    expect(find('indicator-added/1-1-3/indicator/1-1-3/2')).toMatchObject({ new: '交付率(対申請件数)' });
  });

  it('cross-checks every change against the revision history', () => {
    // Every entry of the four revisions names a project with a detected change.
    expect(log.unmatchedEntries).toEqual([]);
    expect(find('target-changed/1-2-1/target/1-2-1/1/2022')!.explainedBy).toEqual(['2022-06#2', '2024-03#5', '2025-03#3']);
    // The department rename is an organisational change the revision history does not list.
    expect(find('department-renamed/2-5-2/leadDepartments/情報システム課')!.explainedBy).toEqual([]);
    expect(log.unexplainedChanges).toContain('department-renamed/2-5-2/leadDepartments/情報システム課');
    expect(log.changes.filter((c) => c.explainedBy.length === 0).map((c) => c.id)).toEqual(log.unexplainedChanges);
  });
});

describe('diffPlans on a crafted pair', async () => {
  const base = JSON.parse(await builtText('2021/plan.json')) as Plan;
  const older: Plan = { ...base, projects: base.projects.filter((p) => ['1-1-1', '1-1-2'].includes(p.id)) };
  const moved = { ...older.projects[1]!, id: '1-1-9' };
  const newer: Plan = {
    ...base,
    edition: { ...base.edition, id: 'next', number: 2 },
    projects: [older.projects[0]!, moved],
    revisions: [{ date: '2026-03', printedDate: '令和8年3月', source: { startLine: 1, endLine: 1 }, entries: [{ planNumbers: ['1-1-9'], planName: null, summary: '番号変更', printed: { planName: null, summary: null }, source: { startLine: 1, endLine: 1 } }] }],
  };

  it('reports a project whose number changed as moved, and explains it', () => {
    const log = diffPlans(older, newer);
    expect(log.changes.map((c) => [c.kind, c.old, c.new, c.explainedBy])).toEqual([['project-moved', '1-1-2', '1-1-9', ['2026-03#1']]]);
    expect(log.unexplainedChanges).toEqual([]);
  });
});
