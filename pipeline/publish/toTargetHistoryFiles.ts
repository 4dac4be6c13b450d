/**
 * Stage `publication`: every edition's plan → the targets' history across editions
 * (`history/indicator_targets_history.csv`, its Table Schema and its CSVW metadata): one row per
 * indicator × fiscal year × edition that has the indicator, with the cells that edition's
 * indicator_targets.csv has for it (made by the same columns), the edition, the text as printed, and
 * what changed from the edition before (the changelog's own comparison), so an analyst sees how each
 * target was revised.
 *
 * An indicator is the same across editions when it has the same IRI: its project's number and its
 * row's position in the project's table of indicators (`project/1-1-2/indicator/1`), the identity
 * the editions' graphs, CSVs and changelogs use. A row put before another in a later edition moves
 * that one to the next IRI; the name column shows it (README, "The targets' history").
 *
 * Every statement the CSV makes through CSVW is one of the editions' graphs (the targets keep their
 * IRIs, so each edition's values are about the same node, in that edition's named graph); the edition
 * a row comes from and what changed since the edition before are not statements of either graph.
 */
import type { Diagnostic } from '../diagnostics.js';
import { groupBy } from '../common/arrays.js';
import type { Changelog, Change } from '../model/diffPlans.js';
import type { Indicator, Plan, Project, Target } from '../model/plan.js';
import {
  checkRows,
  column,
  fiscalYearColumn,
  fiscalYearLabelColumn,
  projectIdColumn,
  spanColumns,
  targetValueColumns,
  toStreamedTable,
  type CsvStreamedTable,
  type CsvTableDescription,
} from '../outputs/csv/toCsvTables.js';
import { toCsvwGroup, toTableSchema } from '../outputs/csv/toCsvMetadata.js';
import { toCsvChunks } from '../outputs/csv/toCsvText.js';
import { toJsonText } from '../outputs/jsonText.js';
import { iriPaths as paths } from '../outputs/rdf/iris.js';
import { yearMonthLabel } from '../outputs/values.js';
import { CHANGE_LABELS } from './toChangelogFiles.js';

/** The folder of the targets' history under the output folder (its CSV, Table Schema and csv-metadata.json). */
export const TARGET_HISTORY_FOLDER = 'history';

/** The targets' history table: file name, titles, description; the row describes the target (`{+targetId}`) as one edition states it. */
export const TARGET_HISTORY_TABLE = {
  name: 'indicator_targets_history',
  title: '評価指標の目標値の推移',
  titleEn: 'Indicator targets across editions',
  description:
    '評価指標の年度別目標値を版ごとに並べた表。1行に1指標1年度1版（その指標のある版のみ）。指標IDは版をまたいで同じ（事業番号と評価指標の表の行の位置）。目標値は数値のみ、単位・条件・記載内容は別の列。空欄は記載なし',
  about: '{+targetId}',
  foreignKeys: [],
} as const satisfies Omit<CsvTableDescription, 'columns'>;

/** Where the targets' history CSV is published, under the output folder. */
export const TARGET_HISTORY_CSV = `${TARGET_HISTORY_FOLDER}/${TARGET_HISTORY_TABLE.name}.csv`;

/** What one row describes: a target as one edition states it, and what changed since the edition before. */
export interface HistoryRecord {
  id: string;
  targetId: string;
  indicator: string;
  project: Project;
  name: string;
  edition: EditionFacts;
  fiscalYear: number;
  target: Target;
  span: [number, number] | null;
  change: string | null;
  explainedBy: string | null;
}

/** Plan numbers and indicator ids (`1-1-10/2`) compared segment by segment, numbers as numbers. */
function compareNumbered(a: string, b: string): number {
  const x = a.split(/[-/]/);
  const y = b.split(/[-/]/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    const order = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p < q ? -1 : p > q ? 1 : 0;
    if (order !== 0) return order;
  }
  return x.length - y.length;
}

/** What every row of one edition states of the edition, made once per edition. */
export interface EditionFacts {
  id: string;
  number: number;
  date: string | null;
  dateLabel: string | null;
  /** The edition before it: its indicators (plan-model ids) and the changelog's changes by what they are about; null for the first edition. */
  before: { indicators: ReadonlySet<string>; changes: ReadonlyMap<string, Change> } | null;
}

/** One edition's indicator at an IRI: the edition, the project and the indicator. */
interface Listed {
  edition: EditionFacts;
  project: Project;
  indicator: Indicator;
}

/** The key a change is found by: its kind and what it is about. */
const changeKey = (kind: Change['kind'], projectId: string | null, subject: string | null, fiscalYear: number | null) => `${kind}|${projectId ?? ''}|${subject ?? ''}|${fiscalYear ?? ''}`;

/**
 * What changed from the edition before at one target, as the edition's changelog has it: the
 * indicator added (to a project the edition before had, or with its project), the target changed,
 * or nothing; and the 改訂履歴 entries that explain it. Nothing for the first edition.
 */
function changeSince(listed: Listed, fiscalYear: number): { change: string | null; explainedBy: string | null } {
  const { edition, project, indicator } = listed;
  if (edition.before === null) return { change: null, explainedBy: null };
  const { indicators, changes } = edition.before;
  const explained = (c: Change | undefined) => (c && c.explainedBy.length > 0 ? c.explainedBy.join(';') : null);
  if (!indicators.has(indicator.id)) {
    const added = changes.get(changeKey('indicator-added', project.id, indicator.id, null)) ?? changes.get(changeKey('project-added', project.id, null, null));
    return { change: CHANGE_LABELS['indicator-added'], explainedBy: explained(added) };
  }
  const changed = changes.get(changeKey('target-changed', project.id, indicator.id, fiscalYear));
  return changed ? { change: CHANGE_LABELS['target-changed'], explainedBy: explained(changed) } : { change: '変更なし', explainedBy: null };
}

/**
 * The targets' history, indexed by indicator IRI: its records (the CSV's rows) are made as they are
 * read, all of them or one project's (the project pages show the same ones), never all held — at
 * 1000× the real edition 465,000 records held for the project pages were about 150 MB of the
 * publication's memory (BENCHMARKS.md).
 */
export class TargetHistory {
  private readonly byIri: Map<string, Listed[]>;
  // Indicators by IRI (plan numbers as numbers), as the rows are listed; and the same per project.
  private readonly iris: string[];
  private readonly byProject: Map<string, string[]>;

  /** Indexes the plans' indicators (each edition compared with the one before through its changelog). */
  constructor(plans: readonly Plan[], changelogs: readonly Changelog[]) {
    const sorted = [...plans].sort((a, b) => a.edition.number - b.edition.number);
    // An edition is compared with the one before it only through its changelog (made from that edition).
    const logs = new Map(changelogs.map((log) => [log.to.id, log]));
    const byIri = new Map<string, Listed[]>();
    sorted.forEach((plan, i) => {
      const e = plan.edition;
      const log = logs.get(e.id);
      const older = sorted[i - 1];
      const before =
        log && older && log.from.id === older.edition.id
          ? {
              indicators: new Set(older.projects.flatMap((p) => p.indicators.map((ind) => ind.id))),
              changes: new Map(log.changes.map((c) => [changeKey(c.kind, c.projectId, c.subject, c.fiscalYear), c])),
            }
          : null;
      const edition: EditionFacts = { id: e.id, number: e.number, date: e.revisionDate, dateLabel: e.revisionDate === null ? null : yearMonthLabel(e.revisionDate), before };
      for (const project of plan.projects) {
        project.indicators.forEach((indicator, n) => {
          const iri = paths.indicator(project.id, n + 1);
          if (!byIri.has(iri)) byIri.set(iri, []);
          byIri.get(iri)!.push({ edition, project, indicator });
        });
      }
    });
    this.byIri = byIri;
    this.iris = [...byIri.keys()].sort((a, b) => compareNumbered(byIri.get(a)![0]!.indicator.id, byIri.get(b)![0]!.indicator.id) || (a < b ? -1 : a > b ? 1 : 0));
    // An indicator's IRI names its project: every edition listed at it has the same.
    this.byProject = groupBy(this.iris, (iri) => byIri.get(iri)![0]!.project.id);
  }

  /** Every record, in the rows' order: indicator, then fiscal year, then edition number. */
  *records(): Generator<HistoryRecord> {
    for (const iri of this.iris) yield* this.recordsAt(iri);
  }

  /** One project's records, in the same order. */
  ofProject(projectId: string): HistoryRecord[] {
    return (this.byProject.get(projectId) ?? []).flatMap((iri) => [...this.recordsAt(iri)]);
  }

  private *recordsAt(iri: string): Generator<HistoryRecord> {
    const editions = this.byIri.get(iri)!;
    const years = [...new Set(editions.flatMap((e) => e.indicator.targets.map((t) => t.fiscalYear)))].sort((a, b) => a - b);
    for (const fiscalYear of years) {
      for (const listed of editions) {
        const target = listed.indicator.targets.find((t) => t.fiscalYear === fiscalYear);
        if (!target) continue;
        const targetId = `${iri}/target/${fiscalYear}`;
        yield {
          id: `${targetId}/edition/${listed.edition.id}`,
          targetId,
          indicator: iri,
          project: listed.project,
          name: listed.indicator.name,
          edition: listed.edition,
          fiscalYear,
          target,
          span: target.span,
          ...changeSince(listed, fiscalYear),
        };
      }
    }
  }
}

/** Lists the rows' records: indicators by IRI (plan numbers as numbers), then fiscal year, then edition number. */
export function* listTargetHistory(plans: readonly Plan[], changelogs: readonly Changelog[]): Generator<HistoryRecord> {
  yield* new TargetHistory(plans, changelogs).records();
}

/**
 * The targets' history as a table whose rows are made as they are read: the common columns (the
 * latest edition's municipality), then the indicator, the edition, the target and the change.
 * `records`: the rows' records when the caller has them already (`TargetHistory.records`; made again each time they are read).
 */
export function toTargetHistoryTable(plans: readonly Plan[], changelogs: readonly Changelog[], records?: Iterable<HistoryRecord>): CsvStreamedTable {
  const latest = [...plans].sort((a, b) => a.edition.number - b.edition.number).at(-1)!;
  const aboutEdition = 'edition/{editionId}';
  return toStreamedTable<HistoryRecord>(latest, TARGET_HISTORY_TABLE, () => records ?? listTargetHistory(plans, changelogs), [
    column(
      { name: 'indicatorId', title: '指標ID', type: 'string', description: '評価指標のID（版をまたいで同じ）', descriptionEn: 'ID of the indicator, the same in every edition', term: 'targets', about: '{+indicatorId}', valueUrl: '{+targetId}', required: true },
      (r) => r.indicator,
    ),
    projectIdColumn<HistoryRecord>('indicators', '{+indicatorId}'),
    column(
      { name: 'indicatorName', title: '指標名', type: 'string', description: 'その版での評価指標の名称', descriptionEn: 'Name of the indicator in that edition', term: 'name', about: '{+indicatorId}', lang: 'ja', required: true },
      (r) => r.name,
    ),
    column(
      { name: 'editionId', title: '版', type: 'string', description: '目標値を記載した版のID', descriptionEn: 'ID of the edition that states the target', term: 'identifier', about: aboutEdition, required: true },
      (r) => r.edition.id,
    ),
    column(
      { name: 'editionNumber', title: '版番号', type: 'integer', description: '版の番号（原版が1、改訂のたびに1増える）', descriptionEn: 'Edition number (1 for the original, one more per revision)', term: 'editionNumber', about: aboutEdition, required: true },
      (r) => r.edition.number,
    ),
    column(
      { name: 'editionDate', title: '版の改定年月', type: 'gYearMonth', description: '版の最新の改定年月（西暦）。原版は本文に日付がないため空欄', descriptionEn: 'Month of the edition’s latest revision; blank for the original, whose text prints no date', term: 'revisionDate', about: aboutEdition },
      (r) => r.edition.date,
    ),
    column(
      { name: 'editionDateLabel', title: '版の改定年月（和暦）', type: 'string', description: '版の改定年月の和暦表記', descriptionEn: 'Month of the edition’s latest revision in the Japanese calendar', term: 'dateLabel', about: 'revision/{editionDate}', lang: 'ja' },
      (r) => r.edition.dateLabel,
    ),
    column(
      {
        name: 'targetId',
        title: '目標ID',
        type: 'string',
        description: '年度の目標のID（版をまたいで同じ。各版のindicator_targets.csvのID）',
        descriptionEn: 'ID of the fiscal year’s target, the same in every edition (the ID in each edition’s indicator_targets.csv)',
        term: 'identifier',
        required: true,
        notInGraph: 'The row’s node itself (the table’s aboutUrl): the target, with this IRI in every edition’s graph',
      },
      (r) => r.targetId,
    ),
    fiscalYearColumn<HistoryRecord>({ description: '年度（西暦。4月1日から翌年3月31日）', descriptionEn: 'Fiscal year (April to March)', required: true }),
    fiscalYearLabelColumn<HistoryRecord>(true),
    ...targetValueColumns<HistoryRecord>(),
    column(
      { name: 'printedText', title: '記載内容（原文どおり）', type: 'string', description: '計画に印刷されたとおりの目標の記載（折り返しの行は連結）', descriptionEn: 'Target cell exactly as printed, wrapped lines joined', term: 'printedText', lang: 'ja' },
      (r) => r.target.text,
    ),
    ...spanColumns<HistoryRecord>(),
    column(
      {
        name: 'change',
        title: '前の版からの変更',
        type: 'string',
        description: '直前の版と比べた変更（変更点の一覧と同じ比較）：評価指標の追加、目標値の変更（記載内容が違う）、変更なし。最初の版は空欄',
        descriptionEn: 'Change from the edition before, as the changelog compares them: indicator added, target changed (its text differs), no change; blank for the first edition',
        term: 'changeKind',
        notInGraph: 'A comparison of two editions, which the changelog states (changes/<from>..<to>.json); neither edition’s graph states it',
      },
      (r) => r.change,
    ),
    column(
      {
        name: 'explainedBy',
        title: '改訂履歴',
        type: 'string',
        description: 'この変更を説明する改訂履歴の項目（改定年月#項番、複数は;区切り）。変更点の一覧の改訂履歴と同じ',
        descriptionEn: 'Revision entries that explain the change (month#number, several separated by ;), as in the changelog',
        term: 'explainedBy',
        notInGraph: 'Which revision entries explain a change is the changelog’s finding (changes/<from>..<to>.json); neither edition’s graph states it',
      },
      (r) => r.explainedBy,
    ),
  ]);
}

/** The CSVW metadata of the targets' history (`history/csv-metadata.json`): the same dialect and templates as an edition's. */
export function toTargetHistoryMetadata(table: CsvTableDescription, plans: readonly Plan[]): object {
  const sorted = [...plans].sort((a, b) => a.edition.number - b.edition.number);
  const latest = sorted.at(-1)!.edition;
  return toCsvwGroup([table], {
    title: `${latest.title}：評価指標の目標値の推移（全版）CSV`,
    titleEn: `${latest.title}: indicator targets across editions as CSV`,
    publisher: latest.municipality.name,
    license: latest.license.url,
    source: sorted.map((p) => p.edition.source.fileName),
    baseIri: latest.baseIri,
  });
}

/**
 * The targets' history's files, each as the pieces a sink writes: the CSV (its rows made, checked
 * cell by cell into `diagnostics` and written as they are read), its Table Schema, csv-metadata.json.
 * `records`: the rows' records when the caller has them already (`TargetHistory.records`; made again each time they are read).
 */
export function toTargetHistoryFiles(
  plans: readonly Plan[],
  changelogs: readonly Changelog[],
  diagnostics: Diagnostic[],
  records?: Iterable<HistoryRecord>,
): { path: string; chunks: Iterable<string> }[] {
  const table = toTargetHistoryTable(plans, changelogs, records);
  return [
    { path: TARGET_HISTORY_CSV, chunks: toCsvChunks({ ...table, rows: checkRows(table, table.rows(), diagnostics) }) },
    { path: `${TARGET_HISTORY_FOLDER}/${table.name}.schema.json`, chunks: [toJsonText(toTableSchema(table))] },
    { path: `${TARGET_HISTORY_FOLDER}/csv-metadata.json`, chunks: [toJsonText(toTargetHistoryMetadata(table, plans))] },
  ];
}
