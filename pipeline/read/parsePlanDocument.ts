/**
 * Stage `parse`: `SourceText` → `PlanDocument`. Splits the edition text into its three regions — the
 * 個別事業一覧, the project sheets (with their section banners and page furniture) and the
 * 【改訂履歴】 — and hands each region to its parser. Every non-blank line ends up with a role
 * (content or furniture); any line that gets none is reported, so nothing is silently dropped.
 */
import { diagnose, findingId, linesPosition, type Diagnostic } from '../diagnostics.js';
import type { BannerNode, PlanDocument, SheetNode, SourceLine, SourceText } from './document.js';
import { LineRoles } from './lineRoles.js';
import { parseOutline } from './parseOutline.js';
import { parseRevisions } from './parseRevisions.js';
import { parseSheet } from './parseSheet.js';
import { toJoinEvidence, type JoinEvidence } from './joinEvidence.js';
import { linesAfterEmptyRun } from './emptyLines.js';
import { isBlank, JOINED_LINE_MARGIN, nfkc, normalizeText, parsePlanNumber, spacedPattern, tooWideLines } from '../common/text.js';
import { append } from '../common/arrays.js';

const SHEET_START = new RegExp(`^\\s*${spacedPattern('名称')}(\\s|$)`);
const POLICY_BANNER = /^\s*基本方針([0-9０-９]+)\s*$/;
const PAGE_HEADER = /^\s*基本方針([0-9０-９]+)\s+\S/;
const MEASURE_BANNER = /^\s*事業推進計画＜([0-9０-９]+)＞\s*(.*?)\s*$/;
const PAGE_NUMBER = /^\s*-\s*[0-9０-９]+\s*-\s*$/;
const REVISIONS_START = /^\s*【改訂履歴】\s*$/;

/** Number of fiscal years in the plan period (FY2021–FY2025). */
export const PLAN_YEARS = 5;

/** The least share of a text's lines that end in a space, and of its neighbouring lines one empty line apart, that reads as the known extraction's layout. */
const LAYOUT_FLOOR = { endsInSpace: 0.35, oneEmptyLine: 0.5 } as const;

/**
 * The layout of the extraction both real editions came from: about seven in ten of their lines end
 * in a space (after a cell, or at a hand break) and nearly nine in ten neighbouring lines have one
 * empty line between them. The table reading rests on both, so a text laid out otherwise (another
 * tool, or the same one set differently) would stop on hundreds of findings that all say the same:
 * this says it once, first, with what differs. Short texts (the tests' fixtures) are not judged.
 */
function checkLayout(lines: readonly SourceLine[], file: string): Diagnostic[] {
  // One pass without a regular expression: at 1000× the text has two million lines.
  let content = 0;
  let spaced = 0;
  let oneApart = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (const l of lines) {
    if (l.text === '' || isBlank(l.text)) continue;
    content++;
    if (l.text.endsWith(' ')) spaced++;
    if (l.line - previous === 2) oneApart++;
    previous = l.line;
  }
  if (content < 100) return [];
  const endsInSpace = spaced / content;
  const oneEmptyLine = oneApart / (content - 1);
  if (endsInSpace >= LAYOUT_FLOOR.endsInSpace && oneEmptyLine >= LAYOUT_FLOOR.oneEmptyLine) return [];
  const percent = (share: number) => Math.round(share * 100);
  return [diagnose('input/unfamiliar-layout', 'layout', { endsInSpace: percent(endsInSpace), oneEmptyLine: percent(oneEmptyLine) }, { file })];
}

/** Parses one edition text into its positioned syntax tree, with diagnostics and line roles. */
export function parsePlanDocument(source: SourceText): PlanDocument {
  const file = source.fileName;
  const lines = source.lines;
  const diagnostics: Diagnostic[] = [];
  const roles = new LineRoles(lines.length);

  append(diagnostics, checkLayout(lines, file));
  const firstSheetRegion = lines.findIndex((l) => SHEET_START.test(l.text) || POLICY_BANNER.test(l.text) || MEASURE_BANNER.test(l.text));
  const revisionsIndex = lines.findIndex((l) => REVISIONS_START.test(l.text));
  const sheetsEnd = revisionsIndex >= 0 ? revisionsIndex : lines.length;
  const outlineLines = lines.slice(0, firstSheetRegion >= 0 ? firstSheetRegion : sheetsEnd);

  const outline = parseOutline(outlineLines, file);
  roles.addAll(outline.roles);
  append(diagnostics, outline.diagnostics);
  if (outline.policies.length === 0 && lines.some((l) => !isBlank(l.text))) {
    diagnostics.push(diagnose('input/no-outline', 'none', {}, { file }));
  }

  const joinEvidence = toJoinEvidence(lines);
  const { sheets, banners } = parseSheetRegion(firstSheetRegion >= 0 ? lines.slice(firstSheetRegion, sheetsEnd) : [], file, roles, diagnostics, joinEvidence);
  if (sheets.length === 0 && lines.some((l) => !isBlank(l.text))) {
    diagnostics.push(diagnose('input/no-sheets', 'none', {}, { file }));
  }

  append(diagnostics, checkProseWidths(sheets, lines, file));

  let revisions: PlanDocument['revisions'] = null;
  if (revisionsIndex >= 0) {
    // The names the text prints for its projects, to tell an entry read into another's summary.
    const names = [...outline.policies.flatMap((p) => p.measures.flatMap((m) => m.entries.map((e) => e.name))), ...sheets.flatMap((s) => (s.name ? [s.name] : []))];
    const projectNames = new Set(names.map((n) => normalizeText(n.fragments.join('').replace(/【[^】]*】/g, ''))).filter((n) => n !== ''));
    const parsed = parseRevisions(lines.slice(revisionsIndex), file, projectNames, joinEvidence);
    revisions = parsed.groups;
    roles.addAll(parsed.roles);
    append(diagnostics, parsed.diagnostics);
  }

  const unaccounted: SourceLine[] = [];
  for (const line of lines) {
    if (!isBlank(line.text) && !roles.has(line.line)) {
      unaccounted.push(line);
      diagnostics.push(
        diagnose('coverage/unaccounted-line', 'unclassified', { text: line.text.trim() }, {
          file,
          position: linesPosition(line.line, line.line, line.text.length + 1),
          finding: findingId('coverage/unaccounted-line', '-', [lines[line.line - 2]?.text ?? null, line.text]),
        }),
      );
    }
  }

  const { lines: _lines, ...sourceInfo } = source;
  return {
    source: { ...sourceInfo, lineCount: lines.length },
    outline: outline.policies,
    banners,
    sheets,
    revisions,
    lineRoles: roles,
    unaccounted,
    diagnostics,
  };
}

/** The prose sections of a sheet whose lines wrap at one column width across the document. */
const PROSE_SECTIONS = [
  ['概要', 'summary'],
  ['目指すもの', 'objective'],
  ['指標の考え方', 'indicatorRationale'],
  ['終了理由', 'endReason'],
] as const;

/** How much wider than its column a prose line holding a sentence's end and the next sentence may be (real lines are up to 2 wider, the one such real line 0.5 narrower; a line the PDF filled to its edge is up to 0.5 wider). */
const SENTENCES_MARGIN = 1;

/**
 * A prose line wider than its section's column (`tooWideLines`): two lines joined by the extraction (a
 * line break lost), which moves a paragraph break or, wider still, makes the section's widest line
 * (the width its paragraph breaks are weighed against) wrong for every sheet (`joined`); or, by less,
 * a paragraph's end and the next paragraph's start on one line (`paragraphsJoined`). The widest line
 * of either real text is at most 2 wider than its section's column.
 */
function checkProseWidths(sheets: readonly SheetNode[], lines: readonly SourceLine[], file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [section, field] of PROSE_SECTIONS) {
    const fragments = sheets.flatMap((sheet) => (sheet[field]?.fragments ?? []).map((fragment) => ({ sheet, fragment })));
    // A sentence's end, a space and the next sentence on a line more than `SENTENCES_MARGIN` wider
    // than the column is a paragraph's short last line joined to the next paragraph's first
    // (`す。 ` ⏎ `本市として、…`), which the wider margin lets through: the one such line of either real
    // text (2025-03 line 3494) fits its column. The year headings joined onto a line are
    // `sheet/table-line-in-text`'s.
    for (const { line: { sheet, fragment }, width, column } of tooWideLines(fragments, (f) => f.fragment, SENTENCES_MARGIN)) {
      if (fragment.includes('年度ごとの取組')) continue;
      const wide = width > column + JOINED_LINE_MARGIN;
      if (!wide && !/。[ \u3000]+\S/.test(fragment)) continue;
      const text = sheet[field]!;
      // The fragment's line: the first in the section's range that ends with it (a heading line prints the heading first).
      const line = lines.find((l) => l.line >= text.position.start.line && l.line <= text.position.end.line && l.text.endsWith(fragment));
      const subject = sheet.number ? (parsePlanNumber(sheet.number.printed) ?? sheet.number.printed) : null;
      const values = { section, text: fragment.trim(), width, column };
      const at = {
        file,
        subject,
        position: line ? linesPosition(line.line, line.line, [...line.text].length + 1) : text.position,
        finding: findingId('sheet/line-too-wide', subject ?? '-', [section, fragment]),
      };
      diagnostics.push(wide ? diagnose('sheet/line-too-wide', 'joined', values, at) : diagnose('sheet/line-too-wide', 'paragraphsJoined', values, at));
    }
  }
  return diagnostics;
}

/** The index of the first line numbered after `line` in lines sorted by number (`lines.length` if none). */
function firstLineAfter(lines: readonly SourceLine[], line: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lines[middle]!.line > line) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Walks the sheet region: section banners set the policy and measure in force, page headers and
 * page numbers are furniture, and each `名称` starts a sheet that runs to the next sheet or banner.
 */
function parseSheetRegion(
  lines: readonly SourceLine[],
  file: string,
  roles: LineRoles,
  diagnostics: Diagnostic[],
  joinEvidence: JoinEvidence,
): { sheets: SheetNode[]; banners: BannerNode[] } {
  const sheets: SheetNode[] = [];
  const banners: BannerNode[] = [];
  let policy: number | null = null;
  let measure: number | null = null;
  let body: SourceLine[] | null = null;
  let bodyPolicy: number | null = null;
  let bodyMeasure: number | null = null;
  // Spaces-only lines next to page furniture are part of the page break, not empty table cells.
  let pending: SourceLine[] = [];
  // Two empty lines only before a section banner: a line after two or more inside a sheet is where a line was lost.
  const afterEmptyRun = linesAfterEmptyRun(lines);

  const flush = () => {
    if (body) {
      while (body.length > 0 && isBlank(body.at(-1)!.text)) body.pop();
      const last = body.at(-1)?.line ?? 0;
      // The lines after the sheet up to the next printed one (a banner, the next sheet). Two empty
      // lines before a 基本方針 banner are the layout, not a lost line.
      // Lines are in order: the first after the sheet is found by halving, and the walk stops at the
      // next printed line, so a text of many sheets is not searched from its start for each one.
      const followedBy: SourceLine[] = [];
      for (let i = firstLineAfter(lines, last); i < lines.length; i++) {
        const line = lines[i]!;
        if (line.text !== '' && !/^\s*基本方針/.test(line.text)) followedBy.push(line);
        if (!isBlank(line.text)) break;
      }
      const parsed = parseSheet(body, { file, years: PLAN_YEARS, bannerPolicy: bodyPolicy, bannerMeasure: bodyMeasure, afterEmptyRun, followedBy, joinEvidence });
      sheets.push(parsed.sheet);
      roles.addAll(parsed.roles);
      append(diagnostics, parsed.diagnostics);
    }
    body = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') continue;
    if (isBlank(line.text)) {
      pending.push(line);
      continue;
    }
    const bannerPolicy = POLICY_BANNER.exec(line.text);
    const measureBanner = MEASURE_BANNER.exec(line.text);
    const furniture = PAGE_NUMBER.test(line.text) ? 'page-number' : PAGE_HEADER.test(line.text) && !measureBanner ? 'page-header' : null;
    if (furniture) {
      // Padding of one or two spaces around a page break is layout; a longer run is a row's empty cells.
      if (body) append(body, pending.filter((l) => l.text.length > 2));
      pending = [];
      roles.add({ line: line.line, role: 'furniture', kind: furniture });
      continue;
    }
    if (bannerPolicy) {
      flush();
      pending = [];
      policy = Number(nfkc(bannerPolicy[1]!));
      measure = null;
      roles.add({ line: line.line, role: 'furniture', kind: 'section-banner' });
      // The banner's second line is the policy's name.
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j]!.text)) j++;
      const nameLine = lines[j];
      const at = linesPosition(line.line, nameLine?.line ?? line.line);
      if (nameLine && !SHEET_START.test(nameLine.text) && !MEASURE_BANNER.test(nameLine.text)) {
        const text = nameLine.text.trim();
        const column = nameLine.text.indexOf(text) + 1;
        banners.push({
          kind: 'policy',
          policyNumber: policy,
          measureNumber: null,
          name: { fragments: [text], position: { start: { line: nameLine.line, column }, end: { line: nameLine.line, column: column + text.length } } },
          position: at,
        });
        roles.add({ line: nameLine.line, role: 'furniture', kind: 'section-banner' });
        i = j;
      }
      continue;
    }
    if (measureBanner) {
      flush();
      pending = [];
      measure = Number(nfkc(measureBanner[1]!));
      const text = measureBanner[2]!;
      const column = line.text.indexOf(text) + 1;
      banners.push({
        kind: 'measure',
        policyNumber: policy ?? 0,
        measureNumber: measure,
        name: { fragments: [text], position: { start: { line: line.line, column }, end: { line: line.line, column: column + text.length } } },
        position: linesPosition(line.line, line.line, line.text.length + 1),
      });
      roles.add({ line: line.line, role: 'furniture', kind: 'section-banner' });
      continue;
    }
    if (SHEET_START.test(line.text)) {
      flush();
      pending = [];
      body = [];
      bodyPolicy = policy;
      bodyMeasure = measure;
    }
    if (body) {
      append(body, pending);
      body.push(line);
    }
    // A line outside any sheet gets no role, so the coverage check reports it.
    pending = [];
  }
  flush();
  return { sheets, banners };
}
