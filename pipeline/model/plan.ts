/**
 * The plan model: the public contract of the data (`plan.json`), described by
 * `schemas/plan.schema.json`. camelCase English keys, values in the source's language.
 */

/** A range of source lines (1-based, inclusive). */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** The edition metadata the text does not state, read from `seeds/<id>/edition.json`. */
export interface EditionMeta {
  id: string;
  title: string;
  municipality: { code: string; name: string };
  license: { id: string; name: string; url: string; attribution: string };
  baseIri: string;
}

/** The edition: what it is, where its text came from, and what was derived from the text. */
export interface Edition {
  id: string;
  /** 1 for the original; N+1 for a text whose 改訂履歴 lists N revision dates. */
  number: number;
  /** The latest revision date in the text (`2025-03`), or null for the original, whose date is not stated. */
  revisionDate: string | null;
  title: string;
  titleSource: 'metadata';
  municipality: { code: string; name: string };
  planPeriod: { startFiscalYear: number; endFiscalYear: number; startDate: string; endDate: string };
  license: { id: string; name: string; url: string; attribution: string };
  baseIri: string;
  source: {
    fileName: string;
    sha256: string;
    byteLength: number;
    lineCount: number;
    encoding: string;
    bom: boolean;
    lineEnding: string;
  };
}

/** A 基本方針. */
export interface Policy {
  id: string;
  name: string;
  /** The name as printed, line breaks kept. */
  printedName: string;
  source: LineRange;
}

/** A 事業推進計画 (id `P-M`). */
export interface Measure {
  id: string;
  policyId: string;
  name: string;
  /** The name as printed, line breaks kept. */
  printedName: string;
  source: LineRange;
}

/** A department named on a sheet. */
export interface Department {
  name: string;
  printedName: string;
}

/** Text printed in a year cell of the 年度ごとの取組 table. */
export interface YearText {
  fiscalYear: number;
  text: string;
  span: [number, number] | null;
}

/** A row of the 年度ごとの取組 table. */
export interface Initiative {
  name: string;
  printedName: string;
  yearTexts: YearText[];
  /** Cell texts that could not be placed on fiscal years unambiguously, in printed order. */
  unplacedTexts: string[];
}

/** The target of an indicator for one fiscal year. */
export interface Target {
  fiscalYear: number;
  /** The cell as printed, its wrapped lines joined; null for an empty cell. */
  text: string | null;
  /** The number (half-width, no separators, ▲ as minus), or null when the cell is not a number. */
  value: number | null;
  unit: string | null;
  /** Printed qualifier after the unit: 以上, 以下, 減 … */
  qualifier: string | null;
  /** Period the number is counted per when printed before it: 年 (年３回), 月 (月２回). */
  per: string | null;
  /** For a merged cell, the first and last fiscal year it covers; otherwise null. */
  span: [number, number] | null;
}

/** A row of the 評価指標 table. */
export interface Indicator {
  /** `<project id>/<n>`: the project's id and the row's position in its table. */
  id: string;
  name: string;
  printedName: string;
  targets: Target[];
  unplacedTexts: string[];
  source: LineRange;
}

/** A 個別事業 (or a 【再掲】 listing of one, see `repostOf`). */
export interface Project {
  id: string;
  measureId: string;
  name: string | null;
  listedName: string | null;
  status: 'active' | 'ended';
  repostOf: string | null;
  leadDepartments: Department[];
  relatedDepartments: Department[];
  summary: string | null;
  objective: string | null;
  initiatives: Initiative[];
  indicators: Indicator[];
  indicatorRationale: string | null;
  endReason: string | null;
  /** Every text field above as printed (source lines joined by `\n`), so nothing normalisation removed is lost. */
  printed: {
    name: string | null;
    listedName: string | null;
    summary: string | null;
    objective: string | null;
    indicatorRationale: string | null;
    endReason: string | null;
  };
  source: { sheet: LineRange | null; list: LineRange | null };
}

/** One entry of the 改訂履歴. */
export interface RevisionEntry {
  planNumbers: string[];
  planName: string | null;
  summary: string | null;
  /** planName and summary as printed (source lines joined by `\n`). */
  printed: { planName: string | null; summary: string | null };
  source: LineRange;
}

/** The entries of one revision date. */
export interface Revision {
  date: string;
  printedDate: string;
  entries: RevisionEntry[];
  source: LineRange;
}

/** The whole plan model of one edition. */
export interface Plan {
  edition: Edition;
  policies: Policy[];
  measures: Measure[];
  projects: Project[];
  revisions: Revision[];
}
