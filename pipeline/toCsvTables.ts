/**
 * Stage: `Plan` → `CsvTable[]`, the citizen tables. One table per entity, long form, one value per
 * cell, each starting with the 自治体標準オープンデータセット columns (全国地方公共団体コード, ID,
 * 地方公共団体名). Every column has a machine name, a Japanese title, a type, a unit where numeric,
 * and a description; the CSV text and the metadata (Table Schema, CSVW) are made from these.
 *
 * IDs are the IRI paths of the nodes relative to the base IRI (`project/1-1-1`,
 * `project/1-1-1/indicator/2/target/2021`): stable across editions for the same project or
 * indicator, and — unlike `1-1-1` or `1-2` — never read as dates by a spreadsheet.
 */
import { diagnose, type Diagnostic } from './diagnostics.js';
import type { Plan, Project } from './plan.js';
import { fiscalYearLabel, nfkc } from './text.js';
import { iriPaths as paths } from './iris.js';

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
  /** Name of the vocabulary term the column maps to (see `vocabulary.ts`). */
  term: string;
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
  title: string;
  titleEn: string;
  description: string;
  columns: CsvColumn[];
  rows: CsvValue[][];
  foreignKeys: CsvForeignKey[];
}

/** A table without its rows: what the metadata (Table Schema, CSVW, Data Package) describes. */
export type CsvTableDescription = Omit<CsvTable, 'rows'>;

/** A table whose rows are made when `rows()` is called. */
export interface CsvTableSpec extends CsvTableDescription {
  rows(): CsvValue[][];
}

const COMMON: CsvColumn[] = [
  {
    name: 'lgCode',
    title: '全国地方公共団体コード',
    type: 'string',
    description: '全国地方公共団体コード（6桁、検査数字付き）',
    descriptionEn: 'Local government code of Japan (6 digits with check digit)',
    required: true,
    term: 'localGovernmentCode',
  },
  {
    name: 'id',
    title: 'ID',
    type: 'string',
    description: 'この行が表すものの識別子。基底IRIからの相対パスで、版をまたいで同じものには同じIDを振る',
    descriptionEn: 'Identifier of what the row describes: its IRI path relative to the base IRI, the same across editions',
    required: true,
    term: 'identifier',
  },
  {
    name: 'lgName',
    title: '地方公共団体名',
    type: 'string',
    description: '都道府県名と市区町村名',
    descriptionEn: 'Prefecture and municipality name',
    required: true,
    term: 'localGovernmentName',
  },
];

function column(name: string, title: string, type: ColumnType, description: string, descriptionEn: string, term: string, extra: Partial<CsvColumn> = {}): CsvColumn {
  return { name, title, type, description, descriptionEn, term, ...extra };
}

/** 1-1-1 → 1-1-(1), the way the plan prints project numbers. */
export function printedProjectNumber(id: string): string {
  const [p, m, n] = id.split('-');
  return `${p}-${m}-(${n})`;
}

/** Prose as one cell: paragraphs joined by a space (machine-readability rule L1-14: no line breaks in cells). */
function oneLine(text: string | null): string | null {
  return text === null ? null : text.replace(/\n+/g, ' ');
}

/** The 和暦 label of a revision month: 2022-06 → 令和4年6月. */
function yearMonthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  const label = fiscalYearLabel(year!).replace(/年度$/, '年');
  return `${label}${month}月`;
}

/** Builds the citizen tables of one edition. */
export function toCsvTables(plan: Plan): CsvTable[] {
  return toCsvTableSpecs(plan).map(({ rows, ...table }) => ({ ...table, rows: rows() }));
}

/**
 * The citizen tables with their rows made only when asked for, so the build can make, check and
 * write one table at a time instead of holding all of them (at 60,000 projects, 400 MB).
 */
export function toCsvTableSpecs(plan: Plan): CsvTableSpec[] {
  const { code, name: lgName } = plan.edition.municipality;
  const row = (id: string, ...values: CsvValue[]): CsvValue[] => [code, id, lgName, ...values];
  const projects = plan.projects;
  const projectIds = new Set(projects.map((p) => p.id));

  const policies: CsvTableSpec = {
    name: 'policies',
    title: '基本方針',
    titleEn: 'Basic policies',
    description: '計画の基本方針',
    columns: [
      ...COMMON,
      column('policyNumber', '基本方針番号', 'integer', '基本方針の番号', 'Number of the basic policy', 'number'),
      column('name', '名称', 'string', '基本方針の名称', 'Name of the basic policy', 'name', { required: true }),
    ],
    rows: () => plan.policies.map((p) => row(paths.policy(p.id), Number(p.id), p.name)),
    foreignKeys: [],
  };

  const measures: CsvTableSpec = {
    name: 'measures',
    title: '事業推進計画',
    titleEn: 'Measures',
    description: '基本方針ごとの事業推進計画',
    columns: [
      ...COMMON,
      column('policyId', '基本方針ID', 'string', '属する基本方針のID', 'ID of the basic policy the measure belongs to', 'policy', { required: true }),
      column('measureNumber', '事業推進計画番号', 'string', '基本方針番号-事業推進計画番号', 'Policy number and measure number', 'number'),
      column('name', '名称', 'string', '事業推進計画の名称', 'Name of the measure', 'name', { required: true }),
    ],
    rows: () => plan.measures.map((m) => row(paths.measure(m.id), paths.policy(m.policyId), m.id, m.name)),
    foreignKeys: [{ column: 'policyId', table: 'policies' }],
  };

  const projectTable: CsvTableSpec = {
    name: 'projects',
    title: '個別事業',
    titleEn: 'Projects',
    description: '個別事業の一覧。【再掲】の行は再掲元の事業を指し、事業数には数えない',
    columns: [
      ...COMMON,
      column('projectNumber', '事業番号', 'string', '計画に印刷された事業番号（基本方針-事業推進計画-(個別事業)）', 'Project number as the plan prints it', 'number', { required: true }),
      column('measureId', '事業推進計画ID', 'string', '属する事業推進計画のID', 'ID of the measure', 'measure', { required: true }),
      column('name', '名称', 'string', '個別事業シートに記載の名称', 'Name on the project sheet', 'name'),
      column('listedName', '一覧上の名称', 'string', '個別事業一覧に記載の名称（シートと異なる場合がある）', 'Name in the project list (may differ from the sheet)', 'listedName'),
      column('status', '状態', 'string', '実施中 または 計画終了', 'In progress (実施中) or ended (計画終了)', 'status', { required: true }),
      column('repostOf', '再掲元ID', 'string', '【再掲】の場合、再掲元の事業のID', 'For a 【再掲】 listing, the ID of the original project', 'repostOf'),
      column('summary', '概要', 'string', '事業の概要', 'Summary of the project', 'summary'),
      column('objective', '目指すもの', 'string', '事業が目指すもの', 'What the project aims at', 'objective'),
      column('indicatorRationale', '指標の考え方', 'string', '評価指標の考え方', 'Rationale of the indicators', 'indicatorRationale'),
      column('endReason', '終了理由', 'string', '計画終了の理由', 'Why the project ended', 'endReason'),
    ],
    rows: () => projects.map((p) =>
      row(
        paths.project(p.id),
        printedProjectNumber(p.id),
        paths.measure(p.measureId),
        p.name,
        p.listedName,
        p.status === 'ended' ? '計画終了' : '実施中',
        p.repostOf ? paths.project(p.repostOf) : null,
        oneLine(p.summary),
        oneLine(p.objective),
        oneLine(p.indicatorRationale),
        oneLine(p.endReason),
      ),
    ),
    foreignKeys: [
      { column: 'measureId', table: 'measures' },
      { column: 'repostOf', table: 'projects' },
    ],
  };

  const departments: CsvTableSpec = {
    name: 'project_departments',
    title: '事業の担当課',
    titleEn: 'Departments of the projects',
    description: '個別事業ごとの主管課等・関係課等。1行に1課',
    columns: [
      ...COMMON,
      column('projectId', '事業ID', 'string', '事業のID', 'ID of the project', 'project', { required: true }),
      column('role', '役割', 'string', '主管 または 関係', 'Lead (主管) or related (関係)', 'role', { required: true }),
      column('order', '順序', 'integer', 'シートに記載された順序', 'Order on the sheet', 'order', { required: true }),
      column('department', '課等名称', 'string', '課等の名称', 'Name of the department', 'departmentName', { required: true }),
    ],
    rows: () => projects.flatMap((p) => [
      ...p.leadDepartments.map((d, i) => row(paths.projectDepartment(p.id, 'lead', i + 1), paths.project(p.id), '主管', i + 1, d.name)),
      ...p.relatedDepartments.map((d, i) => row(paths.projectDepartment(p.id, 'related', i + 1), paths.project(p.id), '関係', i + 1, d.name)),
    ]),
    foreignKeys: [{ column: 'projectId', table: 'projects' }],
  };

  const initiatives: CsvTableSpec = {
    name: 'initiatives',
    title: '年度ごとの取組',
    titleEn: 'Initiatives',
    description: '個別事業の年度ごとの取組（取組内容の行）',
    columns: [
      ...COMMON,
      column('projectId', '事業ID', 'string', '事業のID', 'ID of the project', 'project', { required: true }),
      column('order', '順序', 'integer', 'シートに記載された順序', 'Order on the sheet', 'order', { required: true }),
      column('name', '取組内容', 'string', '取組の名称', 'Name of the initiative', 'name', { required: true }),
    ],
    rows: () => projects.flatMap((p) => p.initiatives.map((ini, i) => row(paths.initiative(p.id, i + 1), paths.project(p.id), i + 1, ini.name))),
    foreignKeys: [{ column: 'projectId', table: 'projects' }],
  };

  const initiativeTexts: CsvTableSpec = {
    name: 'initiative_texts',
    title: '取組の年度別記載',
    titleEn: 'Texts printed in the initiative year cells',
    description: '取組の年度欄に印刷された文言。年度が一意に決まらない文言は年度を空欄とする',
    columns: [
      ...COMMON,
      column('initiativeId', '取組ID', 'string', '取組のID', 'ID of the initiative', 'initiative', { required: true }),
      column('fiscalYear', '年度', 'gYear', '年度（西暦。4月1日から翌年3月31日）。空欄は年度不明', 'Fiscal year (April to March); blank when it cannot be placed', 'fiscalYear'),
      column('fiscalYearLabel', '年度（和暦）', 'string', '年度の和暦表記', 'Fiscal year in the Japanese calendar', 'fiscalYearLabel'),
      column('text', '記載内容', 'string', '年度欄の文言', 'Text printed in the year cell', 'text', { required: true }),
      column('spanStart', '結合開始年度', 'gYear', '複数年度にまたがる欄の最初の年度', 'First fiscal year of a merged cell', 'spanStart'),
      column('spanEnd', '結合終了年度', 'gYear', '複数年度にまたがる欄の最後の年度', 'Last fiscal year of a merged cell', 'spanEnd'),
    ],
    rows: () => projects.flatMap((p) =>
      p.initiatives.flatMap((ini, i) => [
        ...ini.yearTexts.map((y) =>
          row(paths.initiativeText(p.id, i + 1, String(y.fiscalYear)), paths.initiative(p.id, i + 1), y.fiscalYear, fiscalYearLabel(y.fiscalYear), y.text, y.span?.[0] ?? null, y.span?.[1] ?? null),
        ),
        ...ini.unplacedTexts.map((text, j) => row(paths.initiativeText(p.id, i + 1, `unplaced-${j + 1}`), paths.initiative(p.id, i + 1), null, null, text, null, null)),
      ]),
    ),
    foreignKeys: [{ column: 'initiativeId', table: 'initiatives' }],
  };

  const indicators: CsvTableSpec = {
    name: 'indicators',
    title: '評価指標',
    titleEn: 'Indicators',
    description: '個別事業の評価指標',
    columns: [
      ...COMMON,
      column('projectId', '事業ID', 'string', '事業のID', 'ID of the project', 'project', { required: true }),
      column('order', '順序', 'integer', 'シートに記載された順序', 'Order on the sheet', 'order', { required: true }),
      column('name', '指標名', 'string', '評価指標の名称', 'Name of the indicator', 'name', { required: true }),
    ],
    rows: () => projects.flatMap((p) => p.indicators.map((ind, i) => row(paths.indicator(p.id, i + 1), paths.project(p.id), i + 1, ind.name))),
    foreignKeys: [{ column: 'projectId', table: 'projects' }],
  };

  const targets: CsvTableSpec = {
    name: 'indicator_targets',
    title: '評価指標の目標値',
    titleEn: 'Indicator targets by fiscal year',
    description: '評価指標の年度別目標値。1行に1指標1年度。目標値は数値のみ、単位・条件・記載内容は別の列。空欄は記載なし',
    columns: [
      ...COMMON,
      column('indicatorId', '指標ID', 'string', '評価指標のID', 'ID of the indicator', 'indicator', { required: true }),
      column('projectId', '事業ID', 'string', '事業のID', 'ID of the project', 'project', { required: true }),
      column('indicatorName', '指標名', 'string', '評価指標の名称', 'Name of the indicator', 'indicatorName', { required: true }),
      column('fiscalYear', '年度', 'gYear', '年度（西暦。4月1日から翌年3月31日）', 'Fiscal year (April to March)', 'fiscalYear', { required: true }),
      column('fiscalYearLabel', '年度（和暦）', 'string', '年度の和暦表記', 'Fiscal year in the Japanese calendar', 'fiscalYearLabel', { required: true }),
      column('value', '目標値', 'decimal', '目標の数値（半角、桁区切りなし、▲は負の数）。数値でない記載は空欄', 'Target number (▲ as minus); blank when the cell is not a number', 'value'),
      column('unit', '単位', 'string', '目標値の単位（件、時間、% など）', 'Unit of the target value', 'unit'),
      column('qualifier', '条件', 'string', '目標値に付く条件（以上、以下、減 など）', 'Qualifier printed after the value (以上, 以下, 減 …)', 'qualifier'),
      column('per', '頻度の単位', 'string', '「年３回」の年、「月２回」の月', 'Period the value is counted per (年 in 年３回)', 'per'),
      column('text', '記載内容', 'string', '計画に印刷された目標の記載', 'Target cell as printed', 'text'),
      column('spanStart', '結合開始年度', 'gYear', '複数年度にまたがる欄の最初の年度', 'First fiscal year of a merged cell', 'spanStart'),
      column('spanEnd', '結合終了年度', 'gYear', '複数年度にまたがる欄の最後の年度', 'Last fiscal year of a merged cell', 'spanEnd'),
    ],
    rows: () => projects.flatMap((p: Project) =>
      p.indicators.flatMap((ind, i) =>
        ind.targets.map((t) =>
          row(
            paths.target(p.id, i + 1, t.fiscalYear),
            paths.indicator(p.id, i + 1),
            paths.project(p.id),
            ind.name,
            t.fiscalYear,
            fiscalYearLabel(t.fiscalYear),
            t.value,
            t.unit,
            t.qualifier,
            t.per,
            t.text === null ? null : nfkc(t.text).trim(),
            t.span?.[0] ?? null,
            t.span?.[1] ?? null,
          ),
        ),
      ),
    ),
    foreignKeys: [
      { column: 'indicatorId', table: 'indicators' },
      { column: 'projectId', table: 'projects' },
    ],
  };

  const revisions: CsvTableSpec = {
    name: 'revisions',
    title: '改訂履歴',
    titleEn: 'Revision history',
    description: '計画の改訂履歴。1行に1改訂項目1事業（2事業にまたがる項目は2行）',
    columns: [
      ...COMMON,
      column('revisionDate', '改定年月', 'gYearMonth', '改定の年月（西暦）', 'Month of the revision', 'revisionDate', { required: true }),
      column('revisionDateLabel', '改定年月（和暦）', 'string', '改定の年月の和暦表記', 'Month of the revision in the Japanese calendar', 'revisionDateLabel', { required: true }),
      column('entryNumber', '項番', 'integer', '改定年月ごとの項目の順序', 'Order of the entry within its revision', 'order', { required: true }),
      column('projectNumber', '事業番号', 'string', '改訂履歴に記載の事業番号', 'Project number in the revision entry', 'number', { required: true }),
      column('projectId', '事業ID', 'string', 'この版にある事業のID（ない場合は空欄）', 'ID of the project, when the edition has it', 'project'),
      column('planName', '計画名称', 'string', '改訂時の事業の名称', 'Project name at the revision', 'planName'),
      column('summary', '主な改定内容', 'string', '主な改定内容（概要）', 'Summary of the change', 'summary'),
    ],
    rows: () => plan.revisions.flatMap((r) =>
      r.entries.flatMap((e, i) =>
        e.planNumbers.map((n) =>
          row(
            paths.revisionEntry(r.date, i + 1, n),
            r.date,
            yearMonthLabel(r.date),
            i + 1,
            printedProjectNumber(n),
            projectIds.has(n) ? paths.project(n) : null,
            e.planName,
            oneLine(e.summary),
          ),
        ),
      ),
    ),
    foreignKeys: [{ column: 'projectId', table: 'projects' }],
  };

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
    const ids = new Set<CsvValue>();
    for (const row of table.rows) {
      if (ids.has(row[1]!)) diagnostics.push(diagnose('csv/invalid', `Expected unique IDs in ${table.name}.csv, found ${String(row[1])} twice`, { subject: String(row[1]) }));
      ids.add(row[1]!);
      table.columns.forEach((c, i) => {
        const value = row[i] ?? null;
        if (value === null ? c.required : !VALID[c.type](value)) {
          diagnostics.push(
            diagnose('csv/invalid', `Expected ${c.required ? 'a required ' : ''}${c.type} in ${table.name}.csv column ${c.name}, found ${JSON.stringify(value)}`, {
              subject: String(row[1]),
            }),
          );
        }
      });
    }
  }
  return diagnostics;
}
