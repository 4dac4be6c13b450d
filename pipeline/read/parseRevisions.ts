/**
 * Stage `parse`: parses the 【改訂履歴】 table at the end of a revised edition: revision dates (`令和 4 年 6 月`),
 * and under each, entries of one or more plan numbers (`1-1-(3)`), the plan name and the change
 * summary. The extraction ends the name cell with two spaces, which is what separates it from the
 * summary; names and summaries wrap onto further lines.
 */
import { diagnose, findingId, linesPosition, type Diagnostic } from '../diagnostics.js';
import type { LineRole, PrintedText, PrintedValue, RevisionEntryNode, RevisionGroupNode, SourceLine } from './document.js';
import { isBlank, isWrapped, nfkc, normalizeDashes, normalizeText, spacedLetters, tooWideLines } from '../common/text.js';
import { append } from '../common/arrays.js';
import { linesAfterEmptyRun } from './emptyLines.js';
import { swappedProse, type JoinEvidence } from './joinEvidence.js';

/** The revision groups with the role of each line. */
export interface ParsedRevisions {
  groups: RevisionGroupNode[];
  roles: LineRole[];
  diagnostics: Diagnostic[];
}

const HEADER_WORDS = new Set(['【改訂履歴】', '改定日', '計画', '番号', '計画名称', '主な改定内容', '(概要)']);
// A date cell stands alone or is followed by its first entry; `令和 3 年 12 月の…` in a summary is prose.
const DATE = /^\s*((?:令和|平成)\s*[0-9０-９元]+\s*年\s*[0-9０-９]+\s*月)(?=\s*$|\s{2,}|\s*[0-9０-９]+\s*[-－ー−‐])/;
const NUMBER = /^\s*([0-9０-９]+\s*[-－ー−‐]\s*[0-9０-９]+\s*[-－ー−‐]\s*[（(]\s*[0-9０-９]+\s*[）)])/;

interface Piece {
  line: number;
  column: number;
  text: string;
}

interface EntryDraft {
  numbers: PrintedValue[];
  pieces: Piece[];
  firstLine: number;
  lastLine: number;
}

function piecesToPrinted(pieces: readonly Piece[]): PrintedText | null {
  const kept = pieces.filter((p) => p.text.trim() !== '');
  if (kept.length === 0) return null;
  const first = kept[0]!;
  const last = kept.at(-1)!;
  return {
    fragments: kept.map((p) => p.text),
    position: {
      start: { line: first.line, column: first.column },
      end: { line: last.line, column: last.column + [...last.text].length },
    },
  };
}

/** Splits an entry's text at the first run of two spaces: the name before, the summary after. */
function splitEntry(draft: EntryDraft): { name: PrintedText | null; summary: PrintedText | null; summaryPieces: Piece[] } {
  const name: Piece[] = [];
  const summary: Piece[] = [];
  let inSummary = false;
  for (const piece of draft.pieces) {
    if (inSummary) {
      summary.push(piece);
      continue;
    }
    const split = /\s{2,}/.exec(piece.text);
    if (!split) {
      name.push(piece);
      continue;
    }
    inSummary = true;
    name.push({ ...piece, text: piece.text.slice(0, split.index) });
    const rest = piece.text.slice(split.index + split[0].length);
    summary.push({ line: piece.line, column: piece.column + split.index + split[0].length, text: rest });
  }
  return { name: piecesToPrinted(name), summary: piecesToPrinted(summary), summaryPieces: summary.filter((p) => p.text.trim() !== '') };
}

/**
 * Parses the lines from `【改訂履歴】` to the end of the text; `projectNames` (normalised, as
 * `normalizeText` gives them) are the names the 一覧 and the sheets print, to tell an entry read into
 * the summary of the entry before it.
 */
export function parseRevisions(lines: readonly SourceLine[], file: string | null, projectNames: ReadonlySet<string> = new Set(), joinEvidence: JoinEvidence | null = null): ParsedRevisions {
  const groups: RevisionGroupNode[] = [];
  const roles: LineRole[] = [];
  const diagnostics: Diagnostic[] = [];
  let group: RevisionGroupNode | null = null;
  let entry: EntryDraft | null = null;
  const drafts = new Map<RevisionGroupNode, EntryDraft[]>();

  const afterEmptyRun = linesAfterEmptyRun(lines);
  let previous: string | null = null;
  for (const line of lines) {
    if (isBlank(line.text)) continue;
    // A line printed twice in a row would be published twice (a summary's line) or name its plan twice
    // (`1-3-(6)`); no two neighbouring lines of the real 改訂履歴 are the same.
    const trimmed = line.text.trim();
    if (trimmed === previous) {
      diagnostics.push(
        diagnose('revision/repeated-line', 'twice', { text: trimmed }, {
          file,
          position: linesPosition(line.line, line.line, [...line.text].length + 1),
          finding: findingId('revision/repeated-line', group?.date.printed ?? '-', [trimmed]),
        }),
      );
    }
    // The real 改訂履歴 never has two empty lines in a row: a line after them is where one was lost.
    if (afterEmptyRun.has(line.line) && previous !== null) {
      diagnostics.push(
        diagnose('revision/lost-line', 'gap', { previous, text: trimmed }, {
          file,
          position: linesPosition(line.line - 2, line.line, [...line.text].length + 1),
          finding: findingId('revision/lost-line', group?.date.printed ?? '-', [previous, trimmed]),
        }),
      );
    }
    previous = trimmed;
    const normal = nfkc(line.text).trim();
    if (!group && HEADER_WORDS.has(normal)) {
      roles.push({ line: line.line, role: 'furniture', kind: 'table-header' });
      continue;
    }
    roles.push({ line: line.line, role: 'content', kind: 'revisions' });
    let rest = line.text;
    let column = 1;
    const date = DATE.exec(rest);
    if (date) {
      const printed = date[1]!;
      const at = linesPosition(line.line, line.line, line.text.length + 1);
      group = { date: { printed, position: { start: { line: line.line, column: rest.indexOf(printed) + 1 }, end: { line: line.line, column: rest.indexOf(printed) + 1 + printed.length } } }, entries: [], position: at };
      groups.push(group);
      drafts.set(group, []);
      entry = null;
      column += date[0].length;
      rest = rest.slice(date[0].length);
      if (isBlank(rest)) continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      if (!group) {
        diagnostics.push(
          diagnose('revision/entry-without-date', 'noDate', { entry: line.text.trim() }, {
            file,
            position: linesPosition(line.line, line.line, line.text.length + 1),
          }),
        );
        continue;
      }
      const printed = number[1]!;
      const numberColumn = column + rest.indexOf(printed);
      const value: PrintedValue = {
        printed,
        position: { start: { line: line.line, column: numberColumn }, end: { line: line.line, column: numberColumn + printed.length } },
      };
      const after = rest.slice(number[0].length);
      // A number line right after another number line with no text yet names a second plan.
      if (entry && entry.pieces.every((p) => p.text.trim() === '') && drafts.get(group)!.includes(entry)) {
        entry.numbers.push(value);
      } else {
        entry = { numbers: [value], pieces: [], firstLine: line.line, lastLine: line.line };
        drafts.get(group)!.push(entry);
      }
      entry.lastLine = line.line;
      const trimmedAfter = after.replace(/^\s/, '');
      if (trimmedAfter.trim() !== '') {
        entry.pieces.push({ line: line.line, column: column + number[0].length + (after.length - trimmedAfter.length), text: trimmedAfter });
      }
      continue;
    }
    if (!entry) {
      diagnostics.push(
        diagnose('revision/entry-without-date', 'noNumber', { text: line.text.trim() }, {
          file,
          position: linesPosition(line.line, line.line, line.text.length + 1),
        }),
      );
      continue;
    }
    entry.pieces.push({ line: line.line, column, text: rest });
    entry.lastLine = line.line;
  }

  const summaryLines: { date: string; pieces: Piece[] }[] = [];
  for (const g of groups) {
    for (const draft of drafts.get(g) ?? []) {
      const { name, summary, summaryPieces } = splitEntry(draft);
      summaryLines.push({ date: g.date.printed, pieces: summaryPieces });
      const node: RevisionEntryNode = {
        numbers: draft.numbers,
        name,
        summary,
        position: linesPosition(draft.firstLine, draft.lastLine),
      };
      const numbers = draft.numbers.map((n) => normalizeDashes(nfkc(n.printed)));
      if (!name) {
        diagnostics.push(
          diagnose('revision/entry-without-name', 'noName', { numbers }, {
            file,
            position: node.position,
            finding: findingId('revision/entry-without-name', g.date.printed, [numbers]),
          }),
        );
      }
      // Every entry of the real 改訂履歴 says what changed (`新規追加` at the least): a summary lost
      // would publish the entry without it.
      if (name && !summary) {
        diagnostics.push(
          diagnose('revision/entry-without-summary', 'noSummary', { numbers }, {
            file,
            position: node.position,
            finding: findingId('revision/entry-without-summary', g.date.printed, [numbers, name.fragments]),
          }),
        );
      }
      // Two spaces inside a summary's line end the name's cell of another entry: the next entry's line
      // joined to this one (`新規追加。 ２-2-(9) 埋蔵文化財包蔵地の電子化の推進  計画終了。`). No summary of
      // the real 改訂履歴 has two spaces inside a line.
      const joined = summaryPieces
        .map((p) => ({ p, inner: /\S[ \u3000]{2,}(?=\S)/.exec(p.text) }))
        .find(({ inner }) => inner !== null);
      // A project's whole name among a summary's lines, after a line the PDF ended: the next entry's
      // number line lost, its name and summary read into this one (`新規追加  ` ⏎ `AI 現況調査システム
      // を活用した事務の` ⏎ `効率化  ` ⏎ `新規追加  `). No summary of the real 改訂履歴 has one.
      const named = segmentsOf(summaryPieces).slice(1).find((segment) => projectNames.has(normalizeText(segment.map((p) => p.text).join(''))));
      if (joined?.inner) {
        const { p, inner } = joined;
        const column = p.column + [...p.text.slice(0, inner.index + inner[0].length)].length;
        const text = p.text.slice(inner.index + inner[0].length);
        diagnostics.push(
          diagnose('revision/entries-run-together', 'joined', { numbers, text: text.trim() }, {
            file,
            position: { start: { line: p.line, column }, end: { line: p.line, column: column + [...text].length } },
            finding: findingId('revision/entries-run-together', g.date.printed, [numbers, summaryPieces.map((x) => x.text)]),
          }),
        );
      } else if (named) {
        const first = named[0]!;
        const last = named.at(-1)!;
        diagnostics.push(
          diagnose('revision/entries-run-together', 'nameInSummary', { numbers, name: normalizeText(named.map((x) => x.text).join('')) }, {
            file,
            position: { start: { line: first.line, column: first.column }, end: { line: last.line, column: last.column + [...last.text].length } },
            finding: findingId('revision/entries-run-together', g.date.printed, [numbers, summaryPieces.map((x) => x.text)]),
          }),
        );
      }
      // Latin letters or digits the extraction spaced apart (`I CTを活用した…`) would be published in the 改訂履歴.
      for (const [field, text, prose] of [['name', name, false], ['summary', summary, true]] as const) {
        const spaced = text?.fragments.map((f) => spacedLetters(f, new Set(), prose)).find((found) => found !== null);
        if (!text || !spaced) continue;
        const found = { text: text.fragments.map((f) => f.trim()).join(''), spaced };
        const at = { file, position: text.position, finding: findingId('revision/space-in-word', g.date.printed, [field, text.fragments]) };
        diagnostics.push(field === 'name' ? diagnose('revision/space-in-word', 'name', found, at) : diagnose('revision/space-in-word', 'summary', found, at));
      }
      // A summary's last line ends in a space, as the extraction ends a line the PDF ends by itself
      // (every one of the real 改訂履歴 does); one ending in text is a wrapped line moved to the end or
      // the summary's last line lost (where no empty line was printed before it, its loss leaves no gap).
      const lastLine = summary?.fragments.at(-1);
      if (summary && lastLine !== undefined && isWrapped(lastLine)) {
        const line = summary.position.end.line;
        diagnostics.push(
          diagnose('revision/text-ends-mid-line', 'wrapped', { numbers, text: lastLine.trim() }, {
            file,
            position: linesPosition(line, line, summary.position.end.column),
            finding: findingId('revision/text-ends-mid-line', g.date.printed, [summary.fragments]),
          }),
        );
      }
      g.entries.push(node);
      g.position = { start: g.position.start, end: node.position.end };
    }
  }
  append(diagnostics, checkSummaryWidths(summaryLines, file));
  if (joinEvidence) append(diagnostics, checkSummaryOrder(summaryLines, joinEvidence, file));
  return { groups, roles, diagnostics };
}

/** A summary's lines in runs that each end with a line the PDF ended by itself (`isWrapped` false). */
function segmentsOf(pieces: readonly Piece[]): Piece[][] {
  const segments: Piece[][] = [[]];
  for (const piece of pieces) {
    segments.at(-1)!.push(piece);
    if (!isWrapped(piece.text)) segments.push([]);
  }
  return segments.filter((segment) => segment.length > 0);
}

/** A summary that reads better by two joins with two of its lines in the other order (`swappedProse`, as a sheet's prose is weighed). */
function checkSummaryOrder(summaries: readonly { date: string; pieces: readonly Piece[] }[], evidence: JoinEvidence, file: string | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { date, pieces } of summaries) {
    const found = swappedProse(pieces, evidence);
    if (!found) continue;
    const [first, second] = found;
    diagnostics.push(
      diagnose('revision/lines-swapped', 'otherOrder', { first: first.line, second: second.line, firstText: first.text.trim(), secondText: second.text.trim() }, {
        file,
        position: { start: { line: first.line, column: first.column }, end: { line: second.line, column: second.column + [...second.text].length } },
        finding: findingId('revision/lines-swapped', date, [first.text, second.text]),
      }),
    );
  }
  return diagnostics;
}

/** A summary line wider than the summaries' column (`tooWideLines`): two lines joined, a line break lost. */
function checkSummaryWidths(summaries: readonly { date: string; pieces: readonly Piece[] }[], file: string | null): Diagnostic[] {
  const pieces = summaries.flatMap(({ date, pieces }) => pieces.map((piece) => ({ date, piece })));
  return tooWideLines(pieces, (p) => p.piece.text).map(({ line: { date, piece }, width, column }) =>
    diagnose('revision/line-too-wide', 'joined', { text: piece.text.trim(), width, column }, {
      file,
      position: { start: { line: piece.line, column: piece.column }, end: { line: piece.line, column: piece.column + [...piece.text].length } },
      finding: findingId('revision/line-too-wide', date, [piece.text]),
    }),
  );
}
