/**
 * Stage `csv`: `Plan` → `CsvTable[]`, the citizen tables. One table per entity, long form, one value per
 * cell, each starting with the 自治体標準オープンデータセット columns (全国地方公共団体コード, ID,
 * 地方公共団体名). Every column has a machine name, a Japanese title, a type, a unit where numeric,
 * and a description; the CSV text and the metadata (Table Schema, CSVW) are made from these.
 *
 * IDs are the IRI paths of the nodes relative to the base IRI (`project/1-1-1`,
 * `project/1-1-1/indicator/2/target/2021`): stable across editions for the same project or
 * indicator, and — unlike `1-1-1` or `1-2` — never read as dates by a spreadsheet.
 *
 * The column builders shared by tables about the same things (a project's ID, a fiscal year, a
 * target's value and unit, a merged cell's span) are exported, so a table made once for all
 * editions (the targets' history, `publish/toTargetHistoryFiles.ts`) states them exactly as these do.
 */
import { diagnose, type Diagnostic } from '../../diagnostics.js';
import type { Plan, Project, Target } from '../../model/plan.js';
import { fiscalYearLabel } from '../../common/text.js';
import { iriPaths as paths } from '../rdf/iris.js';
import { oneLine, printedProjectNumber, repostedProject, targetText, yearMonthLabel } from '../values.js';

/** The value types a column can hold (CSVW / XSD names). */
export type ColumnType = 'string' | 'integer' | 'decimal' | 'gYearMonth' | 'gYear';

/** One column of a table. */
export interface CsvColumn {
  /** Alphanumeric machine name (Table Schema `name`, CSVW `name`). */
  name: string;
  /** Japanese title, printed in the header row. */
  title: string;
  type: ColumnType;
  /** Unit of a numeric column whose unit is fixed. */
  unit?: string;
  description: string;
  /** English description, for the metadata. */
  descriptionEn: string;
  required?: boolean;
  /** The key of the JSON-LD context whose property the column states (see `vocabulary.ts`, `csvTermIri`). */
  term: string;
  /**
   * URI template, relative to the base IRI, of the node the cell states something about when that is
   * not the row's own node (CSVW `aboutUrl`): `{+projectId}` with `valueUrl` `{+id}` states the
   * project's link to the row's node, in the direction the graph has it.
   */
  about?: string;
  /** URI template, relative to the base IRI, of the node the cell points to (CSVW `valueUrl`); a foreign key's is `{+column}`. */
  valueUrl?: string;
  /** The language of a text column (CSVW `lang`): Japanese text is `@ja` in the graph too. */
  lang?: 'ja';
  /** Why the column states nothing in the graph (CSVW `suppressOutput`), and where the graph says it. */
  notInGraph?: string;
}

/** A cell value: text, a number, or null for blank (empty or unknown, never 0). */
export type CsvValue = string | number | null;

/** A foreign key from columns of this table to the `id` of another. */
export interface CsvForeignKey {
  column: string;
  table: string;
}

/** One CSV table: file name, titles, columns, rows. */
export interface CsvTable {
  /** File name without extension (`projects`). */
  name: string;
  /** URI template, relative to the base IRI, of the node a row describes (CSVW `aboutUrl`); `{+id}` when not given. */
  about?: string;
  title: string;
  titleEn: string;
  description: string;
  columns: CsvColumn[];
  rows: CsvValue[][];
  foreignKeys: CsvForeignKey[];
}

/** A table without its rows: what the metadata (Table Schema, CSVW, Data Package) describes. */
export type CsvTableDescription = Omit<CsvTable, 'rows'>;

/** A table whose rows are made when `rows()` is called, or one at a time as `eachRow()`'s are read. */
export interface CsvTableSpec extends CsvTableDescription {
  rows(): CsvValue[][];
  /** The same rows, each made as it is read: a CSV written as they come never holds its table (at 1000×, 500,000 rows). */
  eachRow(): Iterable<CsvValue[]>;
}

/** A table whose rows are made one at a time as they are read: never held whole (see `toStreamedTable`). */
export interface CsvStreamedTable extends CsvTableDescription {
  rows(): Iterable<CsvValue[]>;
}

/**
 * A column with the function that gives its cell from the thing a row describes (`R`): a table's
 * rows are its columns applied to its records, so a value can never land in another column.
 */
export interface CsvColumnOf<R> extends CsvColumn {
  value(record: R): CsvValue;
}

/** What every row describes: a thing with an ID (its IRI path). */
interface RowRecord {
  id: string;
}

/** The columns every table starts with (自治体標準オープンデータセット): code, ID, municipality name. */
function commonColumns<R extends RowRecord>(plan: Plan): CsvColumnOf<R>[] {
  const { code, name } = plan.edition.municipality;
  return [
    {
      name: 'lgCode',
      title: '全国地方公共団体コード',
      type: 'string',
      description: '全国地方公共団体コード（6桁、検査数字付き）',
      descriptionEn: 'Local government code of Japan (6 digits with check digit)',
      required: true,
      term: 'code',
      // The municipality's code: a statement about the municipality, not about the row's node.
      about: 'municipality/{lgCode}',
      value: () => code,
    },
    {
      name: 'id',
      title: 'ID',
      type: 'string',
      description: 'この行が表すものの識別子。基底IRIからの相対パスで、版をまたいで同じものには同じIDを振る',
      descriptionEn: 'Identifier of what the row describes: its IRI path relative to the base IRI, the same across editions',
      required: true,
      term: 'identifier',
      notInGraph: 'The row’s node itself (the table’s aboutUrl); the graph states the node’s own identifier where it has one',
      value: (r) => r.id,
    },
    {
      name: 'lgName',
      title: '地方公共団体名',
      type: 'string',
      description: '都道府県名と市区町村名',
      descriptionEn: 'Prefecture and municipality name',
      required: true,
      term: 'name',
      about: 'municipality/{lgCode}',
      lang: 'ja',
      value: () => name,
    },
  ];
}

/** The parts of a column besides its value function, in the order the metadata lists them. */
type ColumnFacts = Pick<CsvColumn, 'name' | 'title' | 'type' | 'description' | 'descriptionEn' | 'term'> &
  Partial<Pick<CsvColumn, 'unit' | 'required' | 'about' | 'valueUrl' | 'lang' | 'notInGraph'>>;

/** A column of records `R`: its facts and its value function. */
export function column<R>(facts: ColumnFacts, value: (record: R) => CsvValue): CsvColumnOf<R> {
  return { ...facts, value };
}

/** A table spec from its description, its records (made when the rows are asked for) and its columns. */
function tableOf<R extends RowRecord>(
  plan: Plan,
  description: Omit<CsvTableDescription, 'columns'>,
  records: () => Iterable<R>,
  own: NoInfer<CsvColumnOf<R>>[],
): CsvTableSpec {
  const columns = [...commonColumns<R>(plan), ...own];
  return {
    ...description,
    // The metadata describes columns, not how their values are made.
    columns: columns.map(({ value: _value, ...facts }) => facts),
    rows: () => Array.from(records(), (record) => columns.map((c) => c.value(record))),
    *eachRow() {
      for (const record of records()) yield columns.map((c) => c.value(record));
    },
  };
}

/** The records of each project in turn, made as they are read (a `flatMap` made the whole table's at once). */
function* perProject<R>(projects: readonly Project[], records: (project: Project) => readonly R[]): Generator<R> {
  for (const project of projects) yield* records(project);
}

/**
 * A table like `tableOf`'s (the common columns of `plan`'s municipality first), whose rows are made
 * one at a time as they are read, so a table made once for all editions is never held whole.
 */
export function toStreamedTable<R extends RowRecord>(
  plan: Plan,
  description: Omit<CsvTableDescription, 'columns'>,
  records: () => Iterable<R>,
  own: NoInfer<CsvColumnOf<R>>[],
): CsvStreamedTable {
  const columns = [...commonColumns<R>(plan), ...own];
  return {
    ...description,
    columns: columns.map(({ value: _value, ...facts }) => facts),
    *rows() {
      for (const record of records()) yield columns.map((c) => c.value(record));
    },
  };
}

/**
 * The citizen tables, in publication order: file name, titles, description and foreign keys (what
 * the metadata, the Data Package, the pages and the output manifest say of each).
 */
export const CSV_TABLES = {
  policies: { name: 'policies', title: '基本方針', titleEn: 'Basic policies', description: '計画の基本方針', foreignKeys: [] },
  measures: { name: 'measures', title: '事業推進計画', titleEn: 'Measures', description: '基本方針ごとの事業推進計画', foreignKeys: [{ column: 'policyId', table: 'policies' }] },
  projects: {
      name: 'projects',
      title: '個別事業',
      titleEn: 'Projects',
      description: '個別事業の一覧。【再掲】の行は再掲元の事業を指し、事業数には数えない',
      foreignKeys: [
        { column: 'measureId', table: 'measures' },
        { column: 'repostOf', table: 'projects' },
      ],
    },
  project_departments: { name: 'project_departments', title: '事業の担当課', titleEn: 'Departments of the projects', description: '個別事業ごとの主管課等・関係課等。1行に1課', foreignKeys: [{ column: 'projectId', table: 'projects' }] },
  initiatives: { name: 'initiatives', title: '年度ごとの取組', titleEn: 'Initiatives', description: '個別事業の年度ごとの取組（取組内容の行）', foreignKeys: [{ column: 'projectId', table: 'projects' }] },
  initiative_texts: {
      name: 'initiative_texts',
      title: '取組の年度別記載',
      titleEn: 'Texts printed in the initiative year cells',
      description: '取組の年度欄に印刷された文言。年度が一意に決まらない文言は年度を空欄とする',
      foreignKeys: [{ column: 'initiativeId', table: 'initiatives' }],
    },
  indicators: { name: 'indicators', title: '評価指標', titleEn: 'Indicators', description: '個別事業の評価指標', foreignKeys: [{ column: 'projectId', table: 'projects' }] },
  indicator_targets: {
      name: 'indicator_targets',
      title: '評価指標の目標値',
      titleEn: 'Indicator targets by fiscal year',
      description: '評価指標の年度別目標値。1行に1指標1年度。目標値は数値のみ、単位・条件・記載内容は別の列。空欄は記載なし',
      foreignKeys: [
        { column: 'indicatorId', table: 'indicators' },
        { column: 'projectId', table: 'projects' },
      ],
    },
  revisions: {
    name: 'revisions',
    title: '改訂履歴',
    titleEn: 'Revision history',
    description: '計画の改訂履歴。1行に1改訂項目1事業（2事業にまたがる項目は2行）',
    // A row is an entry and one project it names; what the row states is about the entry.
    about: 'revision/{revisionDate}/{entryNumber}',
    foreignKeys: [{ column: 'projectId', table: 'projects' }],
  },
} as const satisfies Record<string, Omit<CsvTableDescription, 'columns'>>;

/** Builds the citizen tables of one edition. */
export function toCsvTables(plan: Plan): CsvTable[] {
  return toCsvTableSpecs(plan).map(({ rows, eachRow: _eachRow, ...table }) => ({ ...table, rows: rows() }));
}

// Columns shared by tables that describe a thing of a project in sheet order.

/** The project's ID, stated as the project's link (`term`) to the row's node: the graph's direction. */
export const projectIdColumn = <R extends { project: Project }>(term: string, valueUrl = '{+id}') =>
  column<R>(
    { name: 'projectId', title: '事業ID', type: 'string', description: '事業のID', descriptionEn: 'ID of the project', term, about: '{+projectId}', valueUrl, required: true },
    (r) => paths.project(r.project.id),
  );
const orderColumn = <R extends { order: number }>() =>
  column<R>({ name: 'order', title: '順序', type: 'integer', description: 'シートに記載された順序', descriptionEn: 'Order on the sheet', term: 'order', required: true }, (r) => r.order);
/** The first and last fiscal year of a merged cell (blank for a cell of one year). */
export const spanColumns = <R extends { span: [number, number] | null }>() => [
  column<R>({ name: 'spanStart', title: '結合開始年度', type: 'gYear', description: '複数年度にまたがる欄の最初の年度', descriptionEn: 'First fiscal year of a merged cell', term: 'spanStart' }, (r) => r.span?.[0] ?? null),
  column<R>({ name: 'spanEnd', title: '結合終了年度', type: 'gYear', description: '複数年度にまたがる欄の最後の年度', descriptionEn: 'Last fiscal year of a merged cell', term: 'spanEnd' }, (r) => r.span?.[1] ?? null),
];
/** The fiscal year, stated as a link to the fiscal year's node (`fiscal-year/2021`), as the graph has it. */
export const fiscalYearColumn = <R extends { fiscalYear: number | null }>(facts: Pick<CsvColumn, 'description' | 'descriptionEn'> & Partial<Pick<CsvColumn, 'required'>>) =>
  column<R>({ name: 'fiscalYear', title: '年度', type: 'gYear', term: 'fiscalYear', valueUrl: 'fiscal-year/{fiscalYear}', ...facts }, (r) => r.fiscalYear);
/** The fiscal year's 和暦 label, a statement about the fiscal year's node. */
export const fiscalYearLabelColumn = <R extends { fiscalYear: number | null }>(required: boolean) =>
  column<R>(
    { name: 'fiscalYearLabel', title: '年度（和暦）', type: 'string', description: '年度の和暦表記', descriptionEn: 'Fiscal year in the Japanese calendar', term: 'fiscalYearLabel', about: 'fiscal-year/{fiscalYear}', lang: 'ja', required },
    (r) => (r.fiscalYear === null ? null : fiscalYearLabel(r.fiscalYear)),
  );

/**
 * The column that gives a numeric column's unit row by row (Table Schema `unitField`), if any: the
 * target's 単位 beside its 目標値, whose units differ from row to row.
 */
export function unitFieldOf(column: CsvColumn, columns: readonly CsvColumn[]): CsvColumn | undefined {
  return column.name === 'value' ? columns.find((c) => c.name === 'unit') : undefined;
}

/** A target's number, unit, qualifier, period and normalised text (記載内容), each in its own column: statements about the target. */
export const targetValueColumns = <R extends { target: Target }>() => [
  column<R>({ name: 'value', title: '目標値', type: 'decimal', description: '目標の数値（半角、桁区切りなし、▲は負の数）。数値でない記載は空欄', descriptionEn: 'Target number (▲ as minus); blank when the cell is not a number', term: 'value' }, (r) => r.target.value),
  column<R>({ name: 'unit', title: '単位', type: 'string', description: '目標値の単位（件、時間、% など）', descriptionEn: 'Unit of the target value', term: 'unit', lang: 'ja' }, (r) => r.target.unit),
  column<R>({ name: 'qualifier', title: '条件', type: 'string', description: '目標値に付く条件（以上、以下、減 など）', descriptionEn: 'Qualifier printed after the value (以上, 以下, 減 …)', term: 'qualifier', lang: 'ja' }, (r) => r.target.qualifier),
  column<R>({ name: 'per', title: '頻度の単位', type: 'string', description: '「年３回」の年、「月２回」の月', descriptionEn: 'Period the value is counted per (年 in 年３回)', term: 'per', lang: 'ja' }, (r) => r.target.per),
  column<R>({ name: 'text', title: '記載内容', type: 'string', description: '計画に印刷された目標の記載（正規化したもの）', descriptionEn: 'Target cell as printed, normalised', term: 'text', lang: 'ja' }, (r) => targetText(r.target)),
];

/**
 * The citizen tables with their rows made only when asked for, so the build can make, check and
 * write one table at a time instead of holding all of them (at 60,000 projects, 400 MB).
 */
export function toCsvTableSpecs(plan: Plan): CsvTableSpec[] {
  const projects = plan.projects;
  const projectIds = new Set(projects.map((p) => p.id));
  const ja = 'ja' as const;

  const policies = tableOf(
    plan,
    CSV_TABLES.policies,
    () => plan.policies.map((p) => ({ id: paths.policy(p.id), policy: p })),
    [
      // The policy's identifier (dcterms:identifier "1" in the graph): a code, so a string, not a number to add up.
      column({ name: 'policyNumber', title: '基本方針番号', type: 'string', description: '基本方針の番号', descriptionEn: 'Number of the basic policy', term: 'identifier' }, (r) => r.policy.id),
      column({ name: 'name', title: '名称', type: 'string', description: '基本方針の名称', descriptionEn: 'Name of the basic policy', term: 'name', lang: ja, required: true }, (r) => r.policy.name),
    ],
  );

  const measures = tableOf(
    plan,
    CSV_TABLES.measures,
    () => plan.measures.map((m) => ({ id: paths.measure(m.id), measure: m })),
    [
      column({ name: 'policyId', title: '基本方針ID', type: 'string', description: '属する基本方針のID', descriptionEn: 'ID of the basic policy the measure belongs to', term: 'policy', required: true }, (r) => paths.policy(r.measure.policyId)),
      // No column of the measure's number (`1-1`, dcterms:identifier in the graph): Excel opens it as
      // a date (1月1日). Its ID `measure/1-1` carries it, as the projects' printed 事業番号 `1-1-(1)` stays text.
      column({ name: 'name', title: '名称', type: 'string', description: '事業推進計画の名称', descriptionEn: 'Name of the measure', term: 'name', lang: ja, required: true }, (r) => r.measure.name),
    ],
  );

  const projectTable = tableOf(
    plan,
    CSV_TABLES.projects,
    () => projects.map((p) => ({ id: paths.project(p.id), project: p })),
    [
      column({ name: 'projectNumber', title: '事業番号', type: 'string', description: '計画に印刷された事業番号（基本方針-事業推進計画-(個別事業)）', descriptionEn: 'Project number as the plan prints it', term: 'number', required: true }, (r) => printedProjectNumber(r.project.id)),
      column({ name: 'measureId', title: '事業推進計画ID', type: 'string', description: '属する事業推進計画のID', descriptionEn: 'ID of the measure', term: 'measure', required: true }, (r) => paths.measure(r.project.measureId)),
      column({ name: 'name', title: '名称', type: 'string', description: '個別事業シートに記載の名称', descriptionEn: 'Name on the project sheet', term: 'name', lang: ja }, (r) => r.project.name),
      column({ name: 'listedName', title: '一覧上の名称', type: 'string', description: '個別事業一覧に記載の名称（シートと異なる場合がある）', descriptionEn: 'Name in the project list (may differ from the sheet)', term: 'listedName', lang: ja }, (r) => r.project.listedName),
      column(
        {
          name: 'status',
          title: '状態',
          type: 'string',
          description: '実施中 または 計画終了',
          descriptionEn: 'In progress (実施中) or ended (計画終了)',
          term: 'status',
          required: true,
          notInGraph: 'The graph states the status as an IRI, hict:Active or hict:Ended, whose labels are 実施中 and 計画終了; a URI template cannot turn the label into that IRI',
        },
        (r) => (r.project.status === 'ended' ? '計画終了' : '実施中'),
      ),
      column({ name: 'repostOf', title: '再掲元ID', type: 'string', description: '【再掲】の場合、再掲元の事業のID', descriptionEn: 'For a 【再掲】 listing, the ID of the original project', term: 'repostOf' }, (r) => {
        const original = repostedProject(projectIds, r.project.repostOf);
        return original === null ? null : paths.project(original);
      }),
      column({ name: 'summary', title: '概要', type: 'string', description: '事業の概要', descriptionEn: 'Summary of the project', term: 'summary', lang: ja }, (r) => oneLine(r.project.summary)),
      column({ name: 'objective', title: '目指すもの', type: 'string', description: '事業が目指すもの', descriptionEn: 'What the project aims at', term: 'objective', lang: ja }, (r) => oneLine(r.project.objective)),
      column({ name: 'indicatorRationale', title: '指標の考え方', type: 'string', description: '評価指標の考え方', descriptionEn: 'Rationale of the indicators', term: 'indicatorRationale', lang: ja }, (r) => oneLine(r.project.indicatorRationale)),
      column({ name: 'endReason', title: '終了理由', type: 'string', description: '計画終了の理由', descriptionEn: 'Why the project ended', term: 'endReason', lang: ja }, (r) => oneLine(r.project.endReason)),
    ],
  );

  // A row is a participation (ic:関与) of a department in a project, as in the graph: its role, its
  // order on the sheet and the department.
  const departments = tableOf(
    plan,
    CSV_TABLES.project_departments,
    () =>
      perProject(projects, (p) => [
        ...p.leadDepartments.map((d, i) => ({ id: paths.projectDepartment(p.id, 'lead', i + 1), project: p, role: '主管', order: i + 1, name: d.name })),
        ...p.relatedDepartments.map((d, i) => ({ id: paths.projectDepartment(p.id, 'related', i + 1), project: p, role: '関係', order: i + 1, name: d.name })),
      ]),
    [
      projectIdColumn('participations'),
      column({ name: 'role', title: '役割', type: 'string', description: '主管 または 関係', descriptionEn: 'Lead (主管) or related (関係)', term: 'role', lang: ja, required: true }, (r) => r.role),
      orderColumn(),
      column(
        { name: 'department', title: '課等名称', type: 'string', description: '課等の名称', descriptionEn: 'Name of the department', term: 'participant', valueUrl: 'department/{department}', required: true },
        (r) => r.name,
      ),
    ],
  );

  const initiatives = tableOf(
    plan,
    CSV_TABLES.initiatives,
    () => perProject(projects, (p) => p.initiatives.map((ini, i) => ({ id: paths.initiative(p.id, i + 1), project: p, order: i + 1, name: ini.name }))),
    [
      projectIdColumn('initiatives'),
      orderColumn(),
      column({ name: 'name', title: '取組内容', type: 'string', description: '取組の名称', descriptionEn: 'Name of the initiative', term: 'name', lang: ja, required: true }, (r) => r.name),
    ],
  );

  const initiativeTexts = tableOf(
    plan,
    CSV_TABLES.initiative_texts,
    () =>
      perProject(projects, (p) =>
        p.initiatives.flatMap((ini, i) => [
          ...ini.yearTexts.map((y) => ({ id: paths.initiativeText(p.id, i + 1, String(y.fiscalYear)), initiative: paths.initiative(p.id, i + 1), fiscalYear: y.fiscalYear, text: y.text, span: y.span })),
          ...ini.unplacedTexts.map((text, j) => ({ id: paths.initiativeText(p.id, i + 1, `unplaced-${j + 1}`), initiative: paths.initiative(p.id, i + 1), fiscalYear: null, text, span: null })),
        ]),
      ),
    [
      column(
        { name: 'initiativeId', title: '取組ID', type: 'string', description: '取組のID', descriptionEn: 'ID of the initiative', term: 'yearTexts', about: '{+initiativeId}', valueUrl: '{+id}', required: true },
        (r) => r.initiative,
      ),
      fiscalYearColumn({ description: '年度（西暦。4月1日から翌年3月31日）。空欄は年度不明', descriptionEn: 'Fiscal year (April to March); blank when it cannot be placed' }),
      fiscalYearLabelColumn(false),
      column({ name: 'text', title: '記載内容', type: 'string', description: '年度欄の文言', descriptionEn: 'Text printed in the year cell', term: 'text', lang: ja, required: true }, (r) => r.text),
      ...spanColumns(),
    ],
  );

  const indicators = tableOf(
    plan,
    CSV_TABLES.indicators,
    () => perProject(projects, (p) => p.indicators.map((ind, i) => ({ id: paths.indicator(p.id, i + 1), project: p, order: i + 1, name: ind.name }))),
    [
      projectIdColumn('indicators'),
      orderColumn(),
      column({ name: 'name', title: '指標名', type: 'string', description: '評価指標の名称', descriptionEn: 'Name of the indicator', term: 'name', lang: ja, required: true }, (r) => r.name),
    ],
  );

  const targets = tableOf(
    plan,
    CSV_TABLES.indicator_targets,
    () =>
      perProject(projects, (p) =>
        p.indicators.flatMap((ind, i) => ind.targets.map((t) => ({ id: paths.target(p.id, i + 1, t.fiscalYear), indicator: paths.indicator(p.id, i + 1), project: p, name: ind.name, fiscalYear: t.fiscalYear, target: t, span: t.span }))),
      ),
    [
      column(
        { name: 'indicatorId', title: '指標ID', type: 'string', description: '評価指標のID', descriptionEn: 'ID of the indicator', term: 'targets', about: '{+indicatorId}', valueUrl: '{+id}', required: true },
        (r) => r.indicator,
      ),
      // The project's link to the indicator (the row's node is a target, which the project does not link to).
      projectIdColumn('indicators', '{+indicatorId}'),
      column(
        { name: 'indicatorName', title: '指標名', type: 'string', description: '評価指標の名称', descriptionEn: 'Name of the indicator', term: 'name', about: '{+indicatorId}', lang: ja, required: true },
        (r) => r.name,
      ),
      fiscalYearColumn({ description: '年度（西暦。4月1日から翌年3月31日）', descriptionEn: 'Fiscal year (April to March)', required: true }),
      fiscalYearLabelColumn(true),
      ...targetValueColumns(),
      ...spanColumns(),
    ],
  );

  const revisions = tableOf(
    plan,
    CSV_TABLES.revisions,
    () => plan.revisions.flatMap((r) => r.entries.flatMap((e, i) => e.planNumbers.map((n) => ({ id: paths.revisionEntry(r.date, i + 1, n), date: r.date, order: i + 1, number: n, entry: e })))),
    [
      column(
        { name: 'revisionDate', title: '改定年月', type: 'gYearMonth', description: '改定の年月（西暦）', descriptionEn: 'Month of the revision', term: 'revisionDate', about: 'revision/{revisionDate}', required: true },
        (r) => r.date,
      ),
      column(
        {
          name: 'revisionDateLabel',
          title: '改定年月（和暦）',
          type: 'string',
          description: '改定の年月の和暦表記',
          descriptionEn: 'Month of the revision in the Japanese calendar',
          term: 'dateLabel',
          about: 'revision/{revisionDate}',
          lang: ja,
          required: true,
        },
        (r) => yearMonthLabel(r.date),
      ),
      column({ name: 'entryNumber', title: '項番', type: 'integer', description: '改定年月ごとの項目の順序', descriptionEn: 'Order of the entry within its revision', term: 'order', required: true }, (r) => r.order),
      column(
        {
          name: 'projectNumber',
          title: '事業番号',
          type: 'string',
          description: '改訂履歴に記載の事業番号',
          descriptionEn: 'Project number in the revision entry',
          term: 'planNumbers',
          required: true,
          notInGraph: 'The graph lists the entry’s numbers as identifiers (hict:planNumber "1-1-3", an ordered list CSVW cannot make) and links the project (hict:aboutProject) when the edition has it',
        },
        (r) => printedProjectNumber(r.number),
      ),
      column({ name: 'projectId', title: '事業ID', type: 'string', description: 'この版にある事業のID（ない場合は空欄）', descriptionEn: 'ID of the project, when the edition has it', term: 'aboutProjects' }, (r) =>
        projectIds.has(r.number) ? paths.project(r.number) : null,
      ),
      column({ name: 'planName', title: '計画名称', type: 'string', description: '改訂時の事業の名称', descriptionEn: 'Project name at the revision', term: 'planName', lang: ja }, (r) => r.entry.planName),
      column({ name: 'summary', title: '主な改定内容', type: 'string', description: '主な改定内容（概要）', descriptionEn: 'Summary of the change', term: 'summary', lang: ja }, (r) => oneLine(r.entry.summary)),
    ],
  );

  return [policies, measures, projectTable, departments, initiatives, initiativeTexts, indicators, targets, revisions];
}

const VALID: Record<ColumnType, (v: string | number) => boolean> = {
  string: (v) => typeof v === 'string' && !/[\r\n]/.test(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  decimal: (v) => typeof v === 'number' && Number.isFinite(v),
  gYear: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999,
  gYearMonth: (v) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v),
};

/** Checks every cell against its column: type, no line breaks in text, required cells filled, unique IDs. */
export function checkCsvTables(tables: readonly CsvTable[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const table of tables) {
    // The rows are only passed through: what is wrong is collected on the way.
    for (const _row of checkRows(table, table.rows, diagnostics)) {
      /* nothing else to do with the row */
    }
  }
  return diagnostics;
}

/**
 * Passes a table's rows through unchanged while checking every cell as `checkCsvTables` does, adding
 * what is wrong to `diagnostics`: a table written as it is made is checked on the way.
 */
export function* checkRows(table: CsvTableDescription, rows: Iterable<CsvValue[]>, diagnostics: Diagnostic[]): Generator<CsvValue[]> {
  const ids = new Set<CsvValue>();
  const idAt = table.columns.findIndex((c) => c.name === 'id');
  for (const row of rows) {
    const id = row[idAt] ?? null;
    if (ids.has(id)) diagnostics.push(diagnose('csv/invalid', 'duplicateId', { table: table.name, id: String(id) }, { subject: String(id) }));
    ids.add(id);
    table.columns.forEach((c, i) => {
      const value = row[i] ?? null;
      if (value === null ? c.required : !VALID[c.type](value)) {
        diagnostics.push(
          diagnose('csv/invalid', 'badValue', { table: table.name, column: c.name, type: c.type, required: c.required === true, value: JSON.stringify(value) }, {
            subject: String(id),
          }),
        );
      }
    });
    yield row;
  }
}
