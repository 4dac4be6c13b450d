/**
 * The values that both the citizen tables (CSV) and the JSON-LD state, made here once: the CSVs
 * convert to RDF through their CSVW metadata, and that RDF must be part of the edition's graph, so a
 * value derived from the plan model (a one-line summary, a label) has to be the same in both.
 */
import type { Target } from '../model/plan.js';
import { fiscalYearLabel, normalizeText } from '../common/text.js';

/** 1-1-1 → 1-1-(1), the way the plan prints project numbers. */
export function printedProjectNumber(id: string): string {
  const [p, m, n] = id.split('-');
  return `${p}-${m}-(${n})`;
}

/**
 * Prose as one line: paragraphs joined by a space. Machine-readability rule L1-14 allows no line
 * breaks in a CSV cell, and the graph states the same text; the paragraphs stay in plan.json.
 */
export function oneLine(text: string | null): string | null {
  return text === null ? null : text.replace(/\n+/g, ' ');
}

/** The 和暦 label of a revision month: 2022-06 → 令和4年6月. */
export function yearMonthLabel(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  const label = fiscalYearLabel(year!).replace(/年度$/, '年');
  return `${label}${month}月`;
}

/** A target cell's text in Japanese typography without layout spaces (`normalizeText`): what citizens read; the printed text is kept beside it. */
export function targetText(target: Target): string | null {
  return target.text === null ? null : normalizeText(target.text);
}

/** The project a 【再掲】 listing repeats, when the edition has it (a link to nothing is not stated). */
export function repostedProject(projectIds: ReadonlySet<string>, repostOf: string | null): string | null {
  return repostOf !== null && projectIds.has(repostOf) ? repostOf : null;
}
