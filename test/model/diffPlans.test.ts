import { describe, expect, it } from 'vitest';
import { describePlaces, diffPlans, explains, findUnexplainedChanges, projectsOf, toSentences, type Change } from '../../pipeline/model/diffPlans.js';
import type { Plan } from '../../pipeline/model/plan.js';
import { parsePlanDocument } from '../../pipeline/read/parsePlanDocument.js';
import { parseEditionMeta } from '../../pipeline/read/parseEditionMeta.js';
import { toPlan } from '../../pipeline/model/toPlan.js';
import { toSourceText } from '../../pipeline/read/toSourceText.js';
import { builtText, seedBytes, seedMeta, SEEDS } from '../helpers.js';

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

  it('sees 情報システム課 renamed デジタル推進課 wherever it stood, as one change of the whole plan with its places', () => {
    const renames = log.changes.filter((c) => c.kind === 'department-renamed');
    expect(renames).toHaveLength(1);
    const [rename] = renames as [Change];
    expect(rename).toMatchObject({ id: 'department-renamed/情報システム課', projectId: null, subject: null, old: '情報システム課', new: 'デジタル推進課', quantities: null });
    // 26 sheets, less the three 【再掲】 listings that repeat their originals; in plan order, each with its role.
    expect(rename.places).toHaveLength(23);
    expect(rename.places!.slice(0, 5)).toEqual([
      { projectId: '1-1-1', role: '主管課等' },
      { projectId: '1-1-2', role: '関係課等' },
      { projectId: '1-1-3', role: '関係課等' },
      { projectId: '1-1-5', role: '関係課等' },
      { projectId: '1-2-2', role: '主管課等' },
    ]);
    const order = newer.projects.map((p) => p.id);
    expect(rename.places!.map((p) => order.indexOf(p.projectId))).toEqual([...rename.places!.map((p) => order.indexOf(p.projectId))].sort((a, b) => a - b));
    // Every place is a project of both editions whose sheet had 情報システム課 in that role and has デジタル推進課 in it now.
    const roleOf = { 主管課等: 'leadDepartments', 関係課等: 'relatedDepartments' } as const;
    for (const { projectId, role } of rename.places!) {
      const [o, n] = [older, newer].map((plan) => plan.projects.find((p) => p.id === projectId)![roleOf[role]].map((d) => d.name));
      expect([projectId, o!.includes('情報システム課'), n!.includes('デジタル推進課')]).toEqual([projectId, true, true]);
    }
    expect(rename.summary).toBe(`課等の名称「情報システム課」を「デジタル推進課」に変更（${describePlaces(rename.places!)}）`);
    expect(rename.summary).toMatch(/^課等の名称「情報システム課」を「デジタル推進課」に変更（23 か所：1-1-1 主管課等、1-1-2 関係課等、.*、3-1-2 主管課等）$/);
    expect(projectsOf(rename)).toHaveLength(23);
    expect(log.totals['department-renamed']).toBe(1);
    // The rename is not also counted per sheet, and 情報システム課 is removed nowhere.
    expect(log.changes.filter((c) => c.kind === 'department-renamed' && c.projectId !== null)).toEqual([]);
    expect(log.changes.filter((c) => c.kind === 'department-removed')).toEqual([]);
  });

  it('lists target changes per fiscal year, old → new', () => {
    expect(find('target-changed/1-2-1/target/1-2-1/1/2022')).toMatchObject({ fiscalYear: 2022, old: '７，3００', new: '8,000' });
    expect(find('target-changed/1-1-1/target/1-1-1/2/2023')).toMatchObject({ old: '方向性整理を踏まえ決定', new: '29 手続' });
    expect(find('indicator-added/1-1-3/indicator/1-1-3/2')).toMatchObject({ new: '交付率（対申請件数）' });
  });

  it('cross-checks every change against the revision history', () => {
    // Every entry of the four revisions names a project with a detected change.
    expect(log.unmatchedEntries).toEqual([]);
    // 令和6年度以降 (2024-03#5) and 令和7年度の (2025-03#3) do not reach FY2022; 令和4年度以降 (2022-06#2) does.
    expect(find('target-changed/1-2-1/target/1-2-1/1/2022')!.explainedBy).toEqual(['2022-06#2']);
    expect(find('target-changed/1-2-1/target/1-2-1/1/2025')!.explainedBy).toEqual(['2022-06#2', '2024-03#5', '2025-03#3']);
    // The department rename is an organisational change the revision history does not list.
    expect(find('department-renamed/情報システム課')!.explainedBy).toEqual([]);
    expect(log.unexplainedChanges).toContain('department-renamed/情報システム課');
    expect(log.unexplainedChanges.filter((id) => id.startsWith('department-renamed/'))).toEqual(['department-renamed/情報システム課']);
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

describe('an entry explains a change only when it fits its kind (the real 改訂履歴 of 2025-03)', async () => {
  const older = JSON.parse(await builtText('2021/plan.json')) as Plan;
  const newer = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  const log = diffPlans(older, newer);
  const find = (id: string) => log.changes.find((c) => c.id === id)!;
  /** The sentences of a real entry, by its ref (`2024-03#5`). */
  const entry = (ref: string) => {
    const [date, n] = ref.split('#') as [string, string];
    const e = newer.revisions.find((r) => r.date === date)!.entries[Number(n) - 1]!;
    return toSentences(e.summary);
  };
  const change = (c: Partial<Change> & Pick<Change, 'kind'>): Change => ({
    id: 'x',
    projectId: '1-1-1',
    places: null,
    subject: null,
    fiscalYear: null,
    old: null,
    new: null,
    quantities: null,
    summary: '',
    explainedBy: [],
    ...c,
  });
  const target = (fiscalYear: number, old: [number | null, string | null], now: [number | null, string | null]) =>
    change({ kind: 'target-changed', fiscalYear, old: 'a', new: 'b', quantities: { old: { value: old[0], unit: old[1], qualifier: null, per: null }, new: { value: now[0], unit: now[1], qualifier: null, per: null } } });

  const renamedEverywhere = change({
    kind: 'department-renamed',
    projectId: null,
    places: [
      { projectId: '1-2-2', role: '主管課等' },
      { projectId: '2-5-2', role: '主管課等' },
    ],
    old: '情報システム課',
    new: 'デジタル推進課',
  });

  it('never lets an entry about 評価指標 explain a department change, nor one about a project’s own 主管課 a department renamed everywhere', () => {
    // 2024-03#6 names 1-2-2, a place of the rename, and speaks of 評価指標の数値; the rename stays unexplained.
    expect(log.entries.find((e) => e.ref === '2024-03#6')!.planNumbers).toContain('1-2-2');
    expect(find('department-renamed/情報システム課').places).toContainEqual({ projectId: '1-2-2', role: '主管課等' });
    expect(find('department-renamed/情報システム課').explainedBy).toEqual([]);
    expect(find('target-changed/1-2-2/target/1-2-2/1/2023').explainedBy).toContain('2024-03#6');
    expect(explains(entry('2024-03#6'), renamedEverywhere)).toBe(false);
    expect(explains(entry('2024-03#6'), change({ kind: 'department-added', subject: '主管課等', new: 'デジタル推進課' }))).toBe(false);
    // A renaming everywhere is a reorganisation: only 組織改正, 課の名称 or that very replacement explains it.
    expect(explains(toSentences('担当課の組織改正に伴い修正。'), renamedEverywhere)).toBe(true);
    expect(explains(toSentences('課等の名称を変更。'), renamedEverywhere)).toBe(true);
    expect(explains(toSentences('主管課を「情報システム課」から「デジタル推進課」に変更。'), renamedEverywhere)).toBe(true);
    expect(explains(toSentences('主管課を変更。'), renamedEverywhere)).toBe(false);
    expect(explains(toSentences('担当を見直し。'), renamedEverywhere)).toBe(false);
    // A project's own department added or removed is one project's revision: its 主管課, 関係課 or 担当 explains it.
    expect(explains(toSentences('主管課を変更。'), change({ kind: 'department-added', subject: '主管課等' }))).toBe(true);
    expect(explains(toSentences('担当課の組織改正に伴い修正。'), change({ kind: 'department-removed', subject: '関係課等' }))).toBe(true);
  });

  it('explains a department renamed everywhere by an entry about 組織改正 that names one of its places, never one naming none of them', () => {
    const withEntry = (planNumbers: string[], summary: string): Plan => ({
      ...newer,
      revisions: [...newer.revisions, { date: '2026-03', printedDate: '令和8年3月', source: { startLine: 1, endLine: 1 }, entries: [{ planNumbers, planName: null, summary, printed: { planName: null, summary: null }, source: { startLine: 1, endLine: 1 } }] }],
    });
    const renameIn = (plan: Plan) => diffPlans(older, plan);
    const places = find('department-renamed/情報システム課').places!.map((p) => p.projectId);
    const elsewhere = newer.projects.find((p) => p.repostOf === null && older.projects.some((o) => o.id === p.id) && !places.includes(p.id))!.id;
    const named = renameIn(withEntry(['2-5-2'], '組織改正に伴い、担当課の名称を修正。'));
    expect(named.changes.find((c) => c.kind === 'department-renamed')!.explainedBy).toEqual(['2026-03#1']);
    expect(named.entries.find((e) => e.ref === '2026-03#1')!.matchedChanges).toEqual(['department-renamed/情報システム課']);
    expect(named.unexplainedChanges).not.toContain('department-renamed/情報システム課');
    // The same words about a project where the department never stood; a project's 主管課 alone: not the rename.
    for (const plan of [withEntry([elsewhere], '組織改正に伴い、担当課の名称を修正。'), withEntry(['2-5-2'], '主管課を変更。')]) {
      const other = renameIn(plan);
      expect(other.changes.find((c) => c.kind === 'department-renamed')!.explainedBy).toEqual([]);
      expect(other.unmatchedEntries).toEqual(['2026-03#1']);
    }
  });

  it('honours 上方修正: an increase of two numbers in the same unit, never a decrease or a new number', () => {
    const upward = entry('2024-03#21'); // 評価指標「紙の削減量」を上方修正。
    expect(explains(upward, target(2023, [45, '万枚'], [90, '万枚']))).toBe(true);
    expect(explains(upward, target(2023, [90, '万枚'], [45, '万枚']))).toBe(false);
    expect(explains(upward, target(2022, [null, null], [20, '万枚']))).toBe(false);
    expect(explains(upward, target(2023, [45, '万枚'], [90, '枚']))).toBe(false);
    // 2-2-2's FY2022 target: 11 万枚 → 20 万枚, an increase (its 【再掲】 2-3-2, printed blank in 2021, is not a project of its own).
    expect(find('target-changed/2-2-2/target/2-2-2/1/2022').explainedBy).toEqual(['2024-03#21']);
    expect(explains(toSentences('評価指標を下方修正。'), target(2023, [90, '万枚'], [45, '万枚']))).toBe(true);
  });

  it('honours 令和N年度以降 and 令和N年度の', () => {
    const fromR6 = entry('2024-03#30'); // システム更新の実施に伴い、令和6年度以降の評価指標を数値化。
    expect(explains(fromR6, target(2024, [null, null], [1, '種類']))).toBe(true);
    expect(explains(fromR6, target(2023, [null, null], [1, '種類']))).toBe(false);
    expect(find('target-changed/2-4-3/target/2-4-3/1/2023').explainedBy).toEqual([]);
    expect(find('target-changed/2-4-3/target/2-4-3/1/2024').explainedBy).toEqual(['2024-03#30']);
    const onlyR5 = entry('2024-03#3'); // 評価指標に令和5年度の数値を追加。
    expect(explains(onlyR5, target(2023, [null, null], [80, '%']))).toBe(true);
    expect(explains(onlyR5, target(2024, [null, null], [90, '%']))).toBe(false);
  });

  it('reads 数値化 and 数値の追加 as a number where there was none', () => {
    const numbered = entry('2024-03#1'); // …評価指標「その他手続のオンライン化数」について、今後の方向性を整理したため数値化。
    expect(explains(numbered, target(2023, [null, null], [29, '手続']))).toBe(true);
    expect(explains(numbered, target(2022, [null, null], [null, null]))).toBe(false);
    expect(explains(numbered, target(2023, [10, '手続'], [29, '手続']))).toBe(false);
    expect(find('target-changed/1-1-1/target/1-1-1/2/2022').explainedBy).toEqual([]);
    // 「評価指標に令和5年度の数値を追加」 adds numbers, not an indicator.
    expect(explains(entry('2024-03#3'), change({ kind: 'indicator-added' }))).toBe(false);
    // 「目標値の追加及び数値の変更」: the second phrase explains any target change.
    expect(explains(entry('2022-06#1'), target(2021, [70.8, '%'], [54.4, '%']))).toBe(true);
  });

  it('lets 取組内容等 cover the prose and the initiatives, 概要等 the prose only, never a name, an indicator, a target or a department', () => {
    const etc = entry('2023-03#8'); // …概要、目指すもの、取組内容等を見直し及び評価指標を追加しました。
    expect(explains(etc, change({ kind: 'text-changed', subject: '指標の考え方' }))).toBe(true);
    expect(explains(etc, change({ kind: 'initiative-removed' }))).toBe(true);
    expect(explains(etc, change({ kind: 'initiative-reordered' }))).toBe(true);
    // 2024-03#16: 「…名称、概要等を修正。」 — the initiatives of 2-1-4 changed too, and are findings.
    expect(explains(entry('2024-03#16'), change({ kind: 'text-changed', subject: '概要' }))).toBe(true);
    expect(explains(entry('2024-03#16'), change({ kind: 'initiative-added', subject: '導入（幼稚園）' }))).toBe(false);
    expect(find('initiative-added/2-1-4/initiative/導入（幼稚園）').explainedBy).toEqual([]);
    expect(explains(etc, change({ kind: 'indicator-added' }))).toBe(true); // said outright: 評価指標を追加
    expect(explains(etc, change({ kind: 'project-renamed' }))).toBe(false);
    expect(explains(etc, target(2024, [1, '件'], [2, '件']))).toBe(false);
    expect(explains(etc, change({ kind: 'department-added', subject: '主管課等' }))).toBe(false);
    expect(find('project-renamed/2-2-4/name').explainedBy).toEqual([]);
  });

  it('reads 「…を取組内容に追加」 as initiatives added, and 取組内容「X」 as that initiative only', () => {
    const added = entry('2022-06#3'); // デジタル教材の実証実験及び整備・運用・検証を取組内容に追加。
    expect(explains(added, change({ kind: 'initiative-added', subject: 'デジタル教科書及び教材の実証実験' }))).toBe(true);
    expect(explains(added, change({ kind: 'initiative-removed', subject: 'デジタル教科書の実証実験' }))).toBe(false);
    expect(explains(added, change({ kind: 'initiative-reordered' }))).toBe(false);
    const named = entry('2024-03#22'); // 取組内容「開発登録簿の電子化」の実施時期等を一部修正。
    expect(explains(named, change({ kind: 'initiative-changed', subject: '開発登録簿の電子化' }))).toBe(true);
    expect(explains(named, change({ kind: 'initiative-changed', subject: '開発許可申請の電子化' }))).toBe(false);
    expect(explains(entry('2024-03#29'), change({ kind: 'initiative-added', subject: '標準準拠システムへの移行' }))).toBe(true);
  });

  it('sees initiatives printed in another order (rows swapped in the text)', () => {
    const swapped = structuredClone(newer);
    const project = swapped.projects.find((p) => p.id === '1-2-4')!;
    [project.initiatives[0], project.initiatives[1]] = [project.initiatives[1]!, project.initiatives[0]!];
    const reordered = diffPlans(newer, swapped).changes.filter((c) => c.kind === 'initiative-reordered');
    expect(reordered).toMatchObject([{ projectId: '1-2-4', old: expect.stringMatching(/^研究の推進 \/ 研修会実施/), new: expect.stringMatching(/^研修会実施 \/ 研究の推進/) }]);
    expect(diffPlans(newer, newer).changes).toEqual([]);
  });

  it('does not read 建築計画概要書 as 概要', () => {
    const sheets = entry('2024-03#23'); // 建築計画概要書等のデータベース化…目指すもの及び取組内容を修正。
    expect(explains(sheets, change({ kind: 'text-changed', subject: '概要' }))).toBe(false);
    expect(explains(sheets, change({ kind: 'text-changed', subject: '目指すもの' }))).toBe(true);
    expect(find('text-changed/2-2-4/text/summary').explainedBy).toEqual(['2023-03#8']);
  });

  it('explains exactly the replacement an entry declares, and names, ends and new projects by their own words', () => {
    const replaced = entry('2023-03#9'); // …「指定道路台帳」を「指定道路種別図」に変更しました。
    // An initiative removed and one added are explained as a pair: the new name is the old one with exactly that word replaced.
    expect(find('initiative-removed/2-2-5/initiative/指定道路台帳電子化及び統合型GIS搭載').explainedBy).toContain('2023-03#9');
    expect(find('initiative-added/2-2-5/initiative/指定道路種別図電子化及び統合型GIS搭載').explainedBy).toContain('2023-03#9');
    expect(explains(replaced, change({ kind: 'initiative-added', new: '指定道路種別図電子化及び統合型GIS搭載' }))).toBe(false);
    expect(explains(replaced, change({ kind: 'initiative-added', new: '境界確定図の電子化' }))).toBe(false);
    // A damaged reading that still holds the new word is not that replacement.
    expect(explains(replaced, change({ kind: 'indicator-renamed', old: '指定道路台帳の公開数', new: '指定道路種別図の公開数' }))).toBe(true);
    expect(explains(replaced, change({ kind: 'indicator-renamed', old: '指定道路台帳の公開数', new: '公開数指定道路種別図の' }))).toBe(false);
    expect(explains(entry('2024-03#18'), change({ kind: 'indicator-renamed', old: 'システム活用会議数', new: '削減時間数' }))).toBe(true);
    expect(explains(entry('2024-03#15'), change({ kind: 'project-ended' }))).toBe(true);
    expect(explains(entry('2024-03#15'), change({ kind: 'project-renamed' }))).toBe(false);
    expect(explains(entry('2023-03#1'), change({ kind: 'project-added' }))).toBe(true);
    expect(explains(entry('2023-03#1'), change({ kind: 'text-changed', subject: '概要' }))).toBe(false);
  });

  it('never lets an entry explain a name cut to a piece of itself (a lost line), though it explains the same kind of change otherwise', () => {
    const cut = structuredClone(newer);
    const initiatives = cut.projects.find((p) => p.id === '2-1-3')!.initiatives;
    const index = initiatives.findIndex((i) => i.name === '避難所での運用開始');
    expect(index).toBeGreaterThanOrEqual(0);
    const renamed = structuredClone(cut);
    renamed.projects.find((p) => p.id === '2-1-3')!.initiatives[index]!.name = '避難所での運用の開始';
    initiatives[index]!.name = '開始';
    const of = (plan: Plan) => diffPlans(older, plan).changes.filter((c) => c.projectId === '2-1-3' && (c.old === '避難所での運用開始' || c.new === '開始' || c.new === '避難所での運用の開始'));
    // Another name in its place is explained by 2-1-3's 取組内容等 entry; the cut one is not.
    expect(of(renamed).map((c) => [c.kind, c.explainedBy.length > 0])).toEqual([
      ['initiative-added', true],
      ['initiative-removed', true],
    ]);
    expect(of(cut).map((c) => [c.kind, c.explainedBy])).toEqual([
      ['initiative-added', []],
      ['initiative-removed', []],
    ]);
    // The finding says what a cut name most likely is; another name in its place gets no such hint.
    const hinted = (plan: Plan) =>
      findUnexplainedChanges(diffPlans(older, plan), plan, new Map())
        .filter((d) => d.subject === '2-1-3' && d.message.includes('名前が前の版の名前の一部だけになっています'))
        .map((d) => d.messageEn.replace(/^.*?(取組「)/, '$1'));
    expect(hinted(cut)).toEqual([
      '取組「開始」を追加 (the name is now a piece of the earlier one: a line of the text may have been lost)',
      '取組「避難所での運用開始」を削除 (the name is now a piece of the earlier one: a line of the text may have been lost)',
    ]);
    expect(hinted(renamed)).toEqual([]);
  });

  it('never counts a 【再掲】 listing as a project of its own: its changes are its original’s', () => {
    const reposts = new Set([...older.projects, ...newer.projects].filter((p) => p.repostOf !== null).map((p) => p.id));
    expect([...reposts].sort()).toEqual(['2-3-2', '2-4-2', '3-2-1']);
    expect(log.changes.filter((c) => c.projectId !== null && reposts.has(c.projectId))).toEqual([]);
  });

  it('words an ended project and a field that appears without repeating itself or counting from 0 characters', () => {
    const ended = log.changes.filter((c) => c.kind === 'project-ended');
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((c) => c.summary === '事業の状態を「実施中」から「計画終了」に変更')).toBe(true);
    const reasons = log.changes.filter((c) => c.kind === 'text-changed' && c.subject === '終了理由');
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((c) => c.old === null && /^終了理由を追加（\d+字）$/.test(c.summary))).toBe(true);
    expect(log.changes.some((c) => c.summary.includes('（0字→') || c.summary.includes('→0字）'))).toBe(false);
  });

  it('gives target changes their numbers and units beside the printed texts', () => {
    expect(find('target-changed/1-3-1/target/1-3-1/1/2024')).toMatchObject({ old: '８２８万件', new: '930 万件', quantities: { old: { value: 828, unit: '万件', qualifier: null, per: null }, new: { value: 930, unit: '万件', qualifier: null, per: null } } });
    expect(find('department-renamed/情報システム課').quantities).toBeNull();
  });

  it('makes every unexplained change a reviewable finding, at the changed thing in the newer text', () => {
    const findings = findUnexplainedChanges(log, newer, sourceMapOf('2025-03'));
    expect(findings).toHaveLength(log.unexplainedChanges.length);
    expect(findings.every((d) => d.code === 'review/unexplained-change' && d.severity === 'error' && d.file === newer.edition.source.fileName)).toBe(true);
    const policy = findings.find((d) => d.finding!.startsWith('review/unexplained-change@target-changed/2-5-3/target/2-5-3/1/2022~'))!;
    // 2025-03 line 3402: 「ポリシーの改定 １回 １回    」.
    expect(policy.position!.start.line).toBe(3402);
    expect(policy.subject).toBe('2-5-3');
    expect(policy.messageEn).toMatch(/^Expected a 改訂履歴 entry of 2025-03 that names 2-5-3 and says .*, found no entry naming 2-5-3: ポリシーの改定の令和4年度（2022年度）の目標を（空欄）から「１回」に変更$/);
    // The department rename is one finding for the whole plan, at its first place's departments (1-1-1's
    // 主管課等): lines of the sheet, not the whole sheet. Its message names the rule's words and all its places.
    const renames = findings.filter((d) => d.finding!.includes('@department-renamed/'));
    expect(renames.map((d) => d.finding)).toEqual([expect.stringMatching(/^review\/unexplained-change@department-renamed\/情報システム課~[0-9a-f]{8}$/)]);
    const [department] = renames as [(typeof findings)[number]];
    const sheet = newer.projects.find((p) => p.id === '1-1-1')!.source.sheet!;
    expect(department.subject).toBeNull();
    expect(department.position!.start.line).toBeGreaterThan(sheet.startLine);
    expect(department.position!.end.line - department.position!.start.line).toBeLessThan(4);
    expect(department.messageEn).toMatch(/^Expected a 改訂履歴 entry of 2025-03 that names one of the 23 projects of the renamed department and says 組織改正, 課の名称, found only entries that do not \(2022-06#1, .*\): 課等の名称「情報システム課」を「デジタル推進課」に変更（23 か所：1-1-1 主管課等、/);
    expect(department.message).toContain('名称の変わった課等のある事業（23 件）のどれかを挙げて、組織改正や課の名称の変更に触れた記載があるはずですが');
    // Read in fewer places (a department line lost), it is another finding: the places are part of what was accepted.
    const fewer = { ...log, changes: log.changes.map((c) => (c.kind === 'department-renamed' ? { ...c, places: c.places!.slice(1) } : c)) };
    expect(findUnexplainedChanges(fewer, newer, sourceMapOf('2025-03')).find((d) => d.finding!.includes('@department-renamed/'))!.finding).not.toBe(department.finding);
    for (const d of findings) {
      const change = log.changes.find((c) => d.finding!.startsWith(`review/unexplained-change@${c.id}~`))!;
      expect(d.subject).toBe(change.projectId);
      const project = newer.projects.find((p) => p.id === projectsOf(change)[0])!;
      const whole = project.source.sheet ?? project.source.list!;
      const added = d.finding!.includes('@project-added/');
      expect([d.finding, d.position!.start.line >= whole.startLine || added, d.position!.end.line - d.position!.start.line < whole.endLine - whole.startLine || added]).toEqual([d.finding, true, true]);
    }
    // Another reading of the same change is another finding.
    const reread = { ...log, changes: log.changes.map((c) => (c.id === 'target-changed/2-5-3/target/2-5-3/1/2022' ? { ...c, new: '２回' } : c)) };
    const again = findUnexplainedChanges(reread, newer, sourceMapOf('2025-03')).find((d) => d.finding!.includes('target-changed/2-5-3/'))!;
    expect(again.finding).not.toBe(policy.finding);
    expect(new Set(findings.map((d) => d.finding)).size).toBe(findings.length);
  });

  it('lists the entries that explain nothing, leaving out those about projects added since', () => {
    expect(log.unmatchedEntries).toEqual([]);
    const extra: Plan = {
      ...newer,
      revisions: [...newer.revisions, { date: '2026-03', printedDate: '令和8年3月', source: { startLine: 1, endLine: 1 }, entries: [{ planNumbers: ['2-5-2'], planName: null, summary: '評価指標を上方修正。', printed: { planName: null, summary: null }, source: { startLine: 1, endLine: 1 } }] }],
    };
    expect(diffPlans(older, extra).unmatchedEntries).toEqual(['2026-03#1']);
  });
});

/** Where each part of a real edition's plan was read (the source map `toPlan` returns). */
function sourceMapOf(id: keyof typeof SEEDS) {
  const source = toSourceText(seedBytes(id), SEEDS[id]);
  if (!source.ok) throw new Error(`${id} does not decode`);
  const meta = parseEditionMeta(seedMeta(id), 'edition.json', id);
  if (!meta.ok) throw new Error(`${id}: bad edition.json`);
  return toPlan(parsePlanDocument(source.source), meta.meta).sourceMap;
}
