/**
 * Stage: `Changelog` → its published files: JSON (everything), CSV (one row per change, the same
 * conventions as the other CSVs; a target change with its numbers beside the printed texts: value,
 * unit, qualifier and period before and after) and Markdown (readable, in Japanese). A change of the whole plan (a
 * department renamed everywhere) is one row with an empty 事業ID and its places in 箇所, and in the
 * Markdown the first group, 計画全体.
 */
import type { Plan } from '../model/plan.js';
import type { BuiltFile } from './toPackage.js';
import type { Change, ChangeKind, ChangePlace, Changelog } from '../model/diffPlans.js';
import { CHANGE_KINDS } from '../model/diffPlans.js';
import { iriPaths as paths } from '../outputs/rdf/iris.js';
import type { CsvTable } from '../outputs/csv/toCsvTables.js';
import { toCsvText } from '../outputs/csv/toCsvText.js';
import { toTableSchema } from '../outputs/csv/toCsvMetadata.js';
import { toJsonText } from '../outputs/jsonText.js';

/** Japanese label of each kind of change. */
export const CHANGE_LABELS: Record<ChangeKind, string> = {
  'project-added': '事業の追加',
  'project-removed': '事業の削除',
  'project-moved': '事業番号の変更',
  'project-renamed': '事業名の変更',
  'project-ended': '計画終了',
  'department-renamed': '課等名称の変更',
  'department-added': '担当課の追加',
  'department-removed': '担当課の削除',
  'initiative-added': '取組の追加',
  'initiative-removed': '取組の削除',
  'initiative-changed': '取組の年度別記載の変更',
  'initiative-reordered': '取組の順序の変更',
  'indicator-added': '評価指標の追加',
  'indicator-removed': '評価指標の削除',
  'indicator-renamed': '評価指標名の変更',
  'target-changed': '目標値の変更',
  'text-changed': '記載の変更',
};

/** The heading of the changes of the whole plan, where changes are grouped by project. */
export const WHOLE_PLAN_LABEL = '計画全体';

/** The places of a change of the whole plan in one CSV cell: `project/1-1-1 主管課等;project/1-1-2 関係課等`. */
function placesCell(places: readonly ChangePlace[] | null): string | null {
  return places === null ? null : places.map((p) => `${paths.project(p.projectId)} ${p.role}`).join(';');
}

function changelogTable(changelog: Changelog, newer: Plan): CsvTable {
  const { code, name } = newer.edition.municipality;
  const col = (n: string, title: string, type: 'string' | 'gYear' | 'decimal', description: string, term: string) => ({ name: n, title, type, description, descriptionEn: description, term });
  return {
    name: 'changes',
    title: '版の間の変更点',
    titleEn: 'Changes between editions',
    description: `${changelog.from.id}版から${changelog.to.id}版への変更点`,
    columns: [
      col('lgCode', '全国地方公共団体コード', 'string', '全国地方公共団体コード', 'localGovernmentCode'),
      col('id', 'ID', 'string', '変更のID', 'identifier'),
      col('lgName', '地方公共団体名', 'string', '地方公共団体名', 'localGovernmentName'),
      col('kind', '種別', 'string', '変更の種別', 'changeKind'),
      col('projectId', '事業ID', 'string', '事業のID', 'project'),
      col('subject', '対象', 'string', '変更された指標・課等・項目', 'subject'),
      col('fiscalYear', '年度', 'gYear', '目標値の年度', 'fiscalYear'),
      col('old', '変更前', 'string', '変更前の記載。本文の印字どおり（全角の数字などもそのまま。正規化した値は変更前の数値・単位と、各版の indicator_targets.csv の記載内容）', 'old'),
      col('new', '変更後', 'string', '変更後の記載。本文の印字どおり（全角の数字などもそのまま。正規化した値は変更後の数値・単位と、各版の indicator_targets.csv の記載内容）', 'new'),
      col('summary', '内容', 'string', '変更の内容', 'summary'),
      col('explainedBy', '改訂履歴', 'string', 'この変更を説明する改訂履歴の項目（改定年月#項番、複数は;区切り）', 'explainedBy'),
      col('oldValue', '変更前の数値', 'decimal', '目標値の変更で、変更前の数値（数値でない記載は空欄）', 'oldValue'),
      col('oldUnit', '変更前の単位', 'string', '目標値の変更で、変更前の単位（記載にない場合は空欄）', 'oldUnit'),
      col('oldQualifier', '変更前の条件', 'string', '目標値の変更で、変更前の数値に付く条件（以上、以下、減 など）', 'oldQualifier'),
      col('oldPer', '変更前の頻度の単位', 'string', '目標値の変更で、変更前の数値を数える期間（「年３回」の年）', 'oldPer'),
      col('newValue', '変更後の数値', 'decimal', '目標値の変更で、変更後の数値（数値でない記載は空欄）', 'newValue'),
      col('newUnit', '変更後の単位', 'string', '目標値の変更で、変更後の単位（記載にない場合は空欄）', 'newUnit'),
      col('newQualifier', '変更後の条件', 'string', '目標値の変更で、変更後の数値に付く条件（以上、以下、減 など）', 'newQualifier'),
      col('newPer', '変更後の頻度の単位', 'string', '目標値の変更で、変更後の数値を数える期間（「年３回」の年）', 'newPer'),
      col('places', '箇所', 'string', '計画全体の変更（どこでも名称の変わった課等）で、その課等のある事業のIDと役割（主管課等・関係課等）。計画の順、複数は;区切り。事業IDは空欄', 'places'),
    ],
    rows: changelog.changes.map((c) => [
      code,
      c.id,
      name,
      CHANGE_LABELS[c.kind],
      c.projectId ? paths.project(c.projectId) : null,
      c.subject,
      c.fiscalYear,
      c.old === null ? null : String(c.old).replace(/\n+/g, ' '),
      c.new === null ? null : String(c.new).replace(/\n+/g, ' '),
      c.summary.replace(/\n+/g, ' '),
      c.explainedBy.length > 0 ? c.explainedBy.join(';') : null,
      c.quantities?.old.value ?? null,
      c.quantities?.old.unit ?? null,
      c.quantities?.old.qualifier ?? null,
      c.quantities?.old.per ?? null,
      c.quantities?.new.value ?? null,
      c.quantities?.new.unit ?? null,
      c.quantities?.new.qualifier ?? null,
      c.quantities?.new.per ?? null,
      placesCell(c.places),
    ]),
    foreignKeys: [],
  };
}

function toMarkdown(changelog: Changelog, older: Plan, newer: Plan): string {
  const out: string[] = [];
  const { from, to } = changelog;
  out.push(`# ${newer.edition.title}：第${from.number}版（${from.id}）から第${to.number}版（${to.id}）への変更点`, '');
  out.push('両版の計画モデル（plan.json）を比べて検出した変更です。改訂履歴の記載とも照合しています。', '');
  out.push(`対象の改訂：${changelog.revisionDates.join('、') || 'なし'}（改訂履歴 ${changelog.entries.length} 項目）`, '');
  out.push('| 種別 | 件数 |', '|---|---:|');
  for (const kind of CHANGE_KINDS) if (changelog.totals[kind] > 0) out.push(`| ${CHANGE_LABELS[kind]} | ${changelog.totals[kind]} |`);
  out.push(`| 合計 | ${changelog.changes.length} |`, '');
  const names = new Map([...older.projects, ...newer.projects].map((p) => [p.id, p.name ?? p.listedName ?? '']));
  const byProject = new Map<string, Change[]>();
  for (const c of changelog.changes) byProject.set(c.projectId ?? '-', [...(byProject.get(c.projectId ?? '-') ?? []), c]);
  out.push('## 事業ごとの変更', '');
  // Changes of the whole plan (no project: key '-') sort first and are one group of their own.
  for (const [projectId, list] of byProject) {
    out.push(projectId === '-' ? `### ${WHOLE_PLAN_LABEL}` : `### ${projectId} ${names.get(projectId) ?? ''}`, '');
    for (const c of list) out.push(`- ${CHANGE_LABELS[c.kind]}：${c.summary}${c.explainedBy.length ? `（改訂履歴 ${c.explainedBy.join('、')}）` : '（改訂履歴に記載なし）'}`);
    out.push('');
  }
  out.push('## 改訂履歴との照合', '');
  out.push(`- 変更を検出できなかった改訂履歴の項目：${changelog.unmatchedEntries.length} 件`);
  for (const ref of changelog.unmatchedEntries) {
    const e = changelog.entries.find((x) => x.ref === ref)!;
    out.push(`  - ${ref} ${e.planNumbers.join('・')} ${e.planName ?? ''}：${(e.summary ?? '').replace(/\n/g, ' ')}`);
  }
  out.push(`- 改訂履歴に説明のない変更：${changelog.unexplainedChanges.length} 件（事業ごとの変更の「改訂履歴に記載なし」）`, '');
  return `${out.join('\n')}\n`;
}

/**
 * The changelog files, under `changes/<from>..<to>.{json,csv,md}`, and the CSV's Table Schema
 * (`<from>..<to>.schema.json`: each column's machine name, type and description, rule L3-08). No
 * CSVW metadata: the changes are not statements of an edition's graph (no term of the vocabulary
 * says them), so its columns would have no property to map to.
 */
export function toChangelogFiles(changelog: Changelog, older: Plan, newer: Plan): BuiltFile[] {
  const base = `changes/${changelog.from.id}..${changelog.to.id}`;
  const table = changelogTable(changelog, newer);
  return [
    { path: `${base}.json`, data: `${JSON.stringify(changelog, null, 2)}\n` },
    { path: `${base}.csv`, data: toCsvText(table) },
    { path: `${base}.md`, data: toMarkdown(changelog, older, newer) },
    { path: `${base}.schema.json`, data: toJsonText(toTableSchema(table)) },
  ];
}
