/**
 * The output manifest: every kind of file an edition publishes, with what each consumer says of it —
 * its media type and format, its Japanese title (the page's download table), its description (the
 * Data Package resource title), what it holds in a sentence (the DCAT distribution's and the CKAN
 * resource's description), where it is listed (the page, the DCAT catalog, CKAN) — so the facts
 * about a published file live in one table, not in one list per output. The files published once
 * for all editions that the page or the catalog list (the targets' history) have a table of their own.
 */
import { CSV_TABLES } from '../outputs/csv/toCsvTables.js';
import { TARGET_HISTORY_CSV, TARGET_HISTORY_FOLDER, TARGET_HISTORY_TABLE } from './toTargetHistoryFiles.js';

/** One kind of published file of an edition, by its path in the edition folder. */
export interface OutputKind {
  /** Path in the edition folder (`plan.json`, `csv/policies.csv`), or a pattern (the zip). */
  path: string | RegExp;
  /** Japanese title for citizens, saying what the file holds without its format (the page's links), or null when the page does not list it. */
  title: string | null;
  /** Japanese description: the Data Package resource title (a CSV's is its table title). */
  description: string | null;
  /** Which pages list it: every edition page and the top page, the top page only, or none. */
  onPage: 'every' | 'top' | null;
  /** A DCAT distribution in the catalog. */
  inCatalog: boolean;
  /** A resource of the edition's CKAN package. */
  inCkan: boolean;
  /**
   * What the file holds, in Japanese, for a person choosing what to download: the description of
   * its DCAT distribution and of its CKAN resource (a catalog that repeats the file's name says nothing).
   */
  about: string | null;
}

/** Where every edition publishes the JSON Schema of its `plan.json` (also at the top of the output, the schema's `$id`). */
export const PLAN_SCHEMA_PATH = 'schemas/plan.schema.json';

const csvKinds: OutputKind[] = Object.values(CSV_TABLES).map((t) => ({
  path: `csv/${t.name}.csv`,
  title: t.title,
  description: t.title,
  onPage: 'every',
  inCatalog: true,
  inCkan: true,
  about: `${t.title}の表（${t.description}）。CSV（UTF-8 BOM付き、改行CRLF、見出し行は日本語）`,
}));

/**
 * The published kinds of file, in the order the page lists them (the zip first, on the top page
 * only: an edition page goes into the zip and the descriptor lists the page, so neither can list
 * them). Files not listed here (pages, Table Schemas) are published with no title of their own.
 */
export const OUTPUT_KINDS: readonly OutputKind[] = [
  { path: /\.zip$/, title: 'この版のファイル一式', description: null, onPage: 'top', inCatalog: true, inCkan: true, about: 'この版の全ファイル（CSV、JSON、JSON-LD、N-Quads、スキーマとメタデータ、版のページ）に共通のJSON-LDコンテキストと語彙を添えたZIP' },
  ...csvKinds,
  {
    path: /\.xlsx$/,
    title: 'Excel（全部の表）',
    description: '全部の表のExcelブック',
    onPage: 'every',
    inCatalog: true,
    inCkan: true,
    about: 'CSVの全部の表を1つにまとめたExcelブック（表ごとに1シート、見出し行は日本語で固定、IDやコードは文字列、数値は数値）と、全部の列の意味を説明する「項目定義」シート',
  },
  { path: 'plan.json', title: '計画の全データ（プログラム向け）', description: '計画モデル（JSON Schema: schemas/plan.schema.json）', onPage: 'every', inCatalog: true, inCkan: true, about: '本文の記載すべてを構造化した計画モデル（JSON）。schemas/plan.schema.json（JSON Schema）に適合' },
  { path: 'plan.jsonld', title: '計画の全データ（Linked Data）', description: '計画のJSON-LD（名前付きグラフ）', onPage: 'every', inCatalog: true, inCkan: true, about: '計画のLinked Data（JSON-LD、版ごとの名前付きグラフ、共通語彙基盤のコア語彙を使用）' },
  { path: 'plan.nq', title: '計画の全データ（RDFのグラフ）', description: '計画のRDF（N-Quads）', onPage: 'every', inCatalog: true, inCkan: true, about: 'JSON-LDと同じグラフのRDF（N-Quads）' },
  { path: 'datapackage.json', title: 'ファイル一覧と表の定義（Data Package）', description: null, onPage: 'top', inCatalog: false, inCkan: true, about: 'この版のFrictionless Data Package（v2）記述子：全ファイルのバイト数とSHA-256、CSVの表スキーマ' },
  { path: PLAN_SCHEMA_PATH, title: null, description: 'plan.jsonのJSON Schema', onPage: null, inCatalog: false, inCkan: true, about: 'plan.jsonのJSON Schema（draft 2020-12）。plan.jsonはこのスキーマで検証済み' },
  { path: 'quality.json', title: null, description: 'データ品質レポート', onPage: null, inCatalog: false, inCkan: false, about: null },
  { path: 'coverage.json', title: null, description: '原資料の行の対応状況', onPage: null, inCatalog: false, inCkan: false, about: null },
  { path: 'csv/csv-metadata.json', title: null, description: 'CSVのCSVWメタデータ', onPage: null, inCatalog: false, inCkan: false, about: null },
];

/** One kind of file published once for all editions, by its path under the output folder. */
export interface SharedOutputKind {
  path: string;
  /** Japanese title for citizens (the top page's table of data across editions), or null when the page does not list it. */
  title: string | null;
  /** A DCAT distribution of the version-independent plan dataset. */
  inCatalog: boolean;
  /** What the file holds, in Japanese: the description of its DCAT distribution. */
  about: string | null;
}

/**
 * The files published once for all editions that the top page or the catalog list, in the page's
 * order. The changelogs are listed with the changes they describe; the shared context, vocabulary and
 * schema where they are used. Not in CKAN, whose packages are the editions.
 */
export const SHARED_OUTPUT_KINDS: readonly SharedOutputKind[] = [
  {
    path: TARGET_HISTORY_CSV,
    title: `${TARGET_HISTORY_TABLE.title}（全版）`,
    inCatalog: true,
    about: `${TARGET_HISTORY_TABLE.title}の表：全版の評価指標の年度別目標値を、1行に1指標1年度1版で並べたもの（数値・単位・記載内容・印刷どおりの記載・前の版からの変更）。CSV（UTF-8 BOM付き、改行CRLF、見出し行は日本語）、表スキーマとCSVWメタデータ付き`,
  },
  { path: `${TARGET_HISTORY_FOLDER}/${TARGET_HISTORY_TABLE.name}.schema.json`, title: null, inCatalog: false, about: null },
  { path: `${TARGET_HISTORY_FOLDER}/csv-metadata.json`, title: null, inCatalog: false, about: null },
];

/** The kind of a file by its path in the edition folder, or null for a file the manifest does not list. */
export function outputKindOf(pathInEdition: string): OutputKind | null {
  return OUTPUT_KINDS.find((k) => (typeof k.path === 'string' ? k.path === pathInEdition : k.path.test(pathInEdition))) ?? null;
}

const MEDIA_TYPES: [RegExp, string, string][] = [
  [/\.csv$/, 'text/csv', 'csv'],
  [/\.schema\.json$/, 'application/schema+json', 'json'],
  [/csv-metadata\.json$/, 'application/csvm+json', 'json'],
  [/\.jsonld$/, 'application/ld+json', 'jsonld'],
  [/\.nq$/, 'application/n-quads', 'nq'],
  [/\.ttl$/, 'text/turtle', 'ttl'],
  [/\.json$/, 'application/json', 'json'],
  [/\.zip$/, 'application/zip', 'zip'],
  [/\.xlsx$/, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  [/\.md$/, 'text/markdown', 'md'],
  [/\.html$/, 'text/html', 'html'],
];

/** The kind of a file published once for all editions, by its path under the output folder, or null. */
export function sharedOutputKindOf(path: string): SharedOutputKind | null {
  return SHARED_OUTPUT_KINDS.find((k) => k.path === path) ?? null;
}

/** IANA media type and format of a published file, from its name. */
export function mediaTypeOf(path: string): { mediatype: string; format: string } {
  const found = MEDIA_TYPES.find(([pattern]) => pattern.test(path));
  return found ? { mediatype: found[1], format: found[2] } : { mediatype: 'application/octet-stream', format: 'bin' };
}
