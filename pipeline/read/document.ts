/**
 * Types of the stages `decode` and `parse`: the source text as positioned lines (`SourceText`) and the parsed,
 * positioned syntax tree of one edition (`PlanDocument`). Nodes keep the text as printed; meaning
 * (ids, numbers, normalisation) is added by the next stage, `toPlan`.
 */
import type { Diagnostic, Position } from '../diagnostics.js';
import type { LineRoles } from './lineRoles.js';

/** One line of the edition text, without its line end; `line` is 1-based. */
export interface SourceLine {
  line: number;
  text: string;
}

/** The decoded edition text with what was detected about its bytes. */
export interface SourceText {
  fileName: string;
  sha256: string;
  byteLength: number;
  encoding: 'utf-8' | 'shift_jis';
  bom: boolean;
  lineEnding: 'LF' | 'CRLF' | 'mixed' | 'none';
  lines: SourceLine[];
}

/** Text as printed: the raw fragments (usually one per source line) and where they are. */
export interface PrintedText {
  fragments: string[];
  position: Position;
}

/** A tag printed after a project name. */
export type Tag = '再掲' | '計画終了';

/** What a non-blank line was used for: content of a node, or page furniture that carries no content. */
export interface LineRole {
  line: number;
  role: 'content' | 'furniture';
  /** The field or furniture kind, e.g. `sheet.summary`, `page-number`. */
  kind: string;
}

/** A project entry of the 個別事業一覧: `(n) name【tag】`. */
export interface OutlineEntryNode {
  printedNumber: string;
  ordinal: number;
  name: PrintedText;
  tags: Tag[];
  position: Position;
}

/** A 事業推進計画 of the 個別事業一覧 with its entries. */
export interface OutlineMeasureNode {
  number: number;
  name: PrintedText;
  entries: OutlineEntryNode[];
  position: Position;
}

/** A 基本方針 of the 個別事業一覧 with its measures. */
export interface OutlinePolicyNode {
  number: number;
  name: PrintedText;
  measures: OutlineMeasureNode[];
  position: Position;
}

/** A section banner printed over the sheets: `基本方針１` + name, or `事業推進計画＜１＞ name`. */
export interface BannerNode {
  kind: 'policy' | 'measure';
  policyNumber: number;
  measureNumber: number | null;
  name: PrintedText;
  position: Position;
}

/** One table cell, its printed fragments joined, and the fiscal-year slots it occupies (0-based). */
export interface CellNode {
  text: string;
  fragments: string[];
  position: Position;
  /** First and last slot (0 = first fiscal year), or null when the row could not be placed. */
  slots: [number, number] | null;
}

/** One row of the 年度ごとの取組 or 評価指標 table: a label and its non-empty year cells. */
export interface TableRowNode {
  label: PrintedText;
  cells: CellNode[];
  /** False when the non-empty cells could not be placed on fiscal years unambiguously. */
  placed: boolean;
  position: Position;
}

/** One department named in 主管課等 or 関係課等. */
export interface DepartmentNode {
  printed: string;
  position: Position;
}

/** A printed value with its position. */
export interface PrintedValue {
  printed: string;
  position: Position;
}

/** One project sheet (個別事業シート). */
export interface SheetNode {
  position: Position;
  number: PrintedValue | null;
  name: PrintedText | null;
  tags: Tag[];
  leadDepartments: DepartmentNode[];
  relatedDepartments: DepartmentNode[];
  summary: PrintedText | null;
  objective: PrintedText | null;
  /** The fiscal-year headings of the 年度ごとの取組 table, as printed. */
  yearHeadings: PrintedValue[];
  initiatives: TableRowNode[];
  indicators: TableRowNode[];
  indicatorRationale: PrintedText | null;
  endReason: PrintedText | null;
  /** Sections the sheet printed, in order (名称, 概要, …), for the missing-section check. */
  sections: string[];
  /** The policy and measure banners in force where the sheet starts. */
  bannerPolicy: number | null;
  bannerMeasure: number | null;
}

/** One entry of the 【改訂履歴】 table. */
export interface RevisionEntryNode {
  numbers: PrintedValue[];
  name: PrintedText | null;
  summary: PrintedText | null;
  position: Position;
}

/** The entries of one revision date. */
export interface RevisionGroupNode {
  date: PrintedValue;
  entries: RevisionEntryNode[];
  position: Position;
}

/** The positioned syntax tree of one edition text. */
export interface PlanDocument {
  source: Omit<SourceText, 'lines'> & { lineCount: number };
  outline: OutlinePolicyNode[];
  banners: BannerNode[];
  sheets: SheetNode[];
  /** Null when the text has no 【改訂履歴】 (the original edition). */
  revisions: RevisionGroupNode[] | null;
  /** What each non-blank line was used for (a table: one entry per line, not an object). */
  lineRoles: LineRoles;
  /** Non-blank lines that are neither content nor furniture (each also reported as a diagnostic). */
  unaccounted: SourceLine[];
  diagnostics: Diagnostic[];
}

/** Headings of a sheet, in the order the form prints them. */
export const SHEET_SECTIONS = [
  '名称',
  '番号',
  '主管課等',
  '関係課等',
  '概要',
  '目指すもの',
  '年度ごとの取組',
  '取組内容',
  '評価指標',
  '指標の考え方',
  '終了理由',
] as const;
