/**
 * Parses the two year tables of a project sheet (年度ごとの取組 and 評価指標) from the extraction's
 * text into rows of positioned cells placed on fiscal-year slots.
 *
 * How the extraction writes a table, and so how this reads it:
 * - every cell is written as its text followed by one space; an empty cell is a single space. So a
 *   row is `label cell cell …`, and `拡充箇所   ３箇所` is the label, two empty cells and a value;
 * - a cell's text wraps onto the next line with no space at the line end (a soft wrap) or, after a
 *   manual break in the PDF, with one (a hard break) — so a space at a line end ends a cell *unless*
 *   the next line continues it (`１，５００ ` / `時間`), which the continuation rules below decide;
 * - a merged cell spanning several years leaves no placeholders, so when a row has fewer cells than
 *   years the one text cell that can span takes the missing years;
 * - the label column is narrow, so a line much wider than the label's lines is already a value.
 */
import { diagnose, type Diagnostic, type Point, type Position } from './diagnostics.js';
import type { CellNode, TableRowNode } from './document.js';
import { displayWidth, nfkc } from './text.js';
import { append } from './arrays.js';

/** Which table is parsed: indicator rows hold targets, initiative rows hold labels and rare texts. */
export type TableKind = 'indicator' | 'initiative';

/** One line handed to the table parser: the text from `column` on (a header word already removed). */
export interface TableLine {
  line: number;
  column: number;
  text: string;
}

/** The rows of one table with the diagnostics found while placing their cells. */
export interface ParsedTable {
  rows: TableRowNode[];
  diagnostics: Diagnostic[];
}

interface Fragment {
  text: string;
  line: number;
  column: number;
}

interface Token {
  text: string;
  fragments: Fragment[];
  start: Point;
  end: Point;
  /** The token begins its line (after nothing but spaces). */
  atLineStart: boolean;
  /** The separator before the token was a line end (a hard break), not a space inside a line. */
  afterLineBreak: boolean;
}

interface CellDraft {
  tokens: Token[];
}

interface RowDraft {
  label: Token[];
  cells: CellDraft[];
}

const ERA_BEFORE_DIGIT = /(令和|平成|昭和)$/;
const DIGIT = /[0-9０-９元]/;

/** True when the space at `index` glues an era to its year (`令和 ２年度`, `令和 6 年度`), not a cell break. */
function isGlueSpace(chars: readonly string[], index: number, tokenSoFar: string): boolean {
  const next = chars[index + 1] ?? '';
  if (ERA_BEFORE_DIGIT.test(tokenSoFar) && DIGIT.test(next)) return true;
  return /(令和|平成|昭和)[0-9０-９]+$/.test(tokenSoFar) && /[年]/.test(next);
}

/** Splits table lines into tokens: one token per cell-or-fragment, empty tokens for empty cells. */
function tokenize(lines: readonly TableLine[]): Token[] {
  const tokens: Token[] = [];
  let current: Token | null = null;
  let breakBefore: 'start' | 'line' | 'space' = 'start';

  const open = (line: number, column: number, atLineStart: boolean): Token => ({
    text: '',
    fragments: [],
    start: { line, column },
    end: { line, column },
    atLineStart,
    afterLineBreak: breakBefore !== 'space',
  });

  for (const tableLine of lines) {
    const chars = [...tableLine.text];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const column = tableLine.column + i;
      if (ch === ' ' && !isGlueSpace(chars, i, current?.text ?? '')) {
        tokens.push(current ?? open(tableLine.line, column, i === 0));
        current = null;
        breakBefore = 'space';
        continue;
      }
      // Leading spaces are empty cells; the first text after them still starts the line.
      current ??= open(tableLine.line, column, chars.slice(0, i).every((c) => c === ' '));
      const last = current.fragments.at(-1);
      if (last && last.line === tableLine.line) last.text += ch;
      else current.fragments.push({ text: ch, line: tableLine.line, column });
      current.text += ch;
      current.end = { line: tableLine.line, column: column + 1 };
    }
    // A line ending in a space closed its last cell there; one ending in text wraps onto the next line.
    if (chars.at(-1) === ' ') breakBefore = 'line';
  }
  if (current) tokens.push(current);
  return tokens;
}

/** A cell value that starts like a number: `５件`, `▲28ｐｔ`, `年３回以上`, `月２回`, or a lone dash. */
export function isValueLike(text: string): boolean {
  const t = nfkc(text);
  return /^(?:[年月週日]|約)?[▲△+\-−]?\d/.test(t) || /^[-‐―−ー]$/.test(t);
}

/** The start of a dated text inside an initiative cell: `令和２年度分`, `平成２９年度から`. */
function isEraStart(text: string): boolean {
  return /^(令和|平成|昭和)\s*[0-9０-９元]/.test(text);
}

function cellText(cell: CellDraft): string {
  return cell.tokens.map((t) => t.text).join('');
}

/** A unit printed apart from its number: `時間`, `件`, `千円`, `時間/年` — short, no digits, no Latin letters. */
function isUnitOnly(text: string): boolean {
  return /^[^\dA-Za-z\s]{1,4}$/.test(text) && !isValueLike(text);
}

/** True when `token` continues the cell before it rather than starting a new one. */
function continuesCell(previous: CellDraft, token: Token): boolean {
  const before = nfkc(cellText(previous));
  const text = nfkc(token.text);
  // A unit on its own after a bare number: `１，５００ ` / `時間`, `29 手続`, `7 秒`.
  if (isUnitOnly(text) && /\d$/.test(before)) return true;
  if (/^[～〜~]/.test(text)) return true;
  if (!token.afterLineBreak) return false;
  // A hard break inside a sentence: `平成２９年度から ` / `令和元年度 ` / `に調製した開発登録簿`.
  return /(から|[～〜~・、])$/.test(before) || /^[にのをへとで]/.test(text);
}

/** Per source line: its display width, and whether it wraps softly (ends in text, not a space). */
type LineWidths = Map<number, { width: number; soft: boolean }>;

function lineWidths(lines: readonly TableLine[]): LineWidths {
  return new Map(lines.map((l) => [l.line, { width: displayWidth(l.text.trim()), soft: !l.text.endsWith(' ') }]));
}

/** Groups tokens into rows: label tokens, then cells, until a new label starts. */
function toRowDrafts(tokens: readonly Token[], kind: TableKind, years: number, widths: LineWidths): RowDraft[] {
  const rows: RowDraft[] = [];
  // The widest label line of the table so far: the label column's width.
  let labelWidth = 0;
  const noteLabel = (token: Token) => {
    for (const f of token.fragments) labelWidth = Math.max(labelWidth, widths.get(f.line)?.width ?? 0);
  };
  let row: RowDraft | null = null;
  let inCells = false;
  const startsValue = kind === 'indicator' ? isValueLike : isEraStart;

  for (const token of tokens) {
    const empty = token.text === '';
    if (!row) {
      // Spaces before the first label are layout, not cells.
      if (empty) continue;
      row = { label: [token], cells: [] };
      rows.push(row);
      inCells = false;
      noteLabel(token);
      continue;
    }
    if (!inCells) {
      if (empty || startsValue(token.text) || (kind === 'indicator' && isWideLine(token, labelWidth, widths))) {
        inCells = true;
        row.cells.push({ tokens: empty ? [] : [token] });
      } else {
        row.label.push(token);
        noteLabel(token);
      }
      continue;
    }
    if (empty) {
      row.cells.push({ tokens: [] });
      continue;
    }
    const previous = row.cells.at(-1);
    if (previous && previous.tokens.length > 0 && continuesCell(previous, token)) {
      previous.tokens.push(token);
      continue;
    }
    if (!token.atLineStart) {
      row.cells.push({ tokens: [token] });
      continue;
    }
    const filled = row.cells.length >= years;
    const onlyEmpty = row.cells.every((c) => c.tokens.length === 0);
    if (!filled && (startsValue(token.text) || (kind === 'indicator' && onlyEmpty))) {
      row.cells.push({ tokens: [token] });
      continue;
    }
    row = { label: [token], cells: [] };
    rows.push(row);
    inCells = false;
    noteLabel(token);
  }
  return rows;
}

/**
 * A text cell printed at a line start, recognised by its width: a line that wraps softly (the text
 * fills the column) and is much wider than every label line of the table so far cannot be a label.
 */
function isWideLine(token: Token, labelWidth: number, widths: LineWidths): boolean {
  if (!token.atLineStart) return false;
  const line = widths.get(token.start.line);
  return line !== undefined && line.soft && line.width >= labelWidth + 4;
}

function positionOf(tokens: readonly Token[]): Position {
  const first = tokens[0]!;
  const last = tokens.at(-1)!;
  return { start: first.start, end: last.end };
}

/** Merges `４分` + `7秒` into one duration cell. */
function mergeDurations(cells: CellDraft[]): CellDraft[] {
  const out: CellDraft[] = [];
  for (const cell of cells) {
    const previous = out.at(-1);
    if (
      previous &&
      previous.tokens.length > 0 &&
      cell.tokens.length > 0 &&
      /\d+(時間|分)$/.test(nfkc(cellText(previous))) &&
      /^\d+(分|秒)$/.test(nfkc(cellText(cell)))
    ) {
      previous.tokens.push(...cell.tokens);
      continue;
    }
    out.push({ tokens: [...cell.tokens] });
  }
  return out;
}

/** True when a non-empty cell may span several years (text, not a number or a dash). */
function canSpan(cell: CellDraft, kind: TableKind): boolean {
  if (cell.tokens.length === 0) return false;
  return kind === 'initiative' || !isValueLike(cellText(cell));
}

/**
 * The printed lines of a group of tokens: tokens on one line keep the space printed between them,
 * a line break between tokens is dropped (the cell wrapped there).
 */
function printedLines(tokens: readonly Token[]): string[] {
  const lines: { line: number; text: string }[] = [];
  for (const token of tokens) {
    for (const [i, fragment] of token.fragments.entries()) {
      const last = lines.at(-1);
      if (last && last.line === fragment.line) last.text += (i === 0 ? ' ' : '') + fragment.text;
      else lines.push({ line: fragment.line, text: fragment.text });
    }
  }
  return lines.map((l) => l.text);
}

function toCellNode(cell: CellDraft, slots: [number, number] | null): CellNode {
  const fragments = printedLines(cell.tokens);
  return { text: fragments.join(''), fragments, position: positionOf(cell.tokens), slots };
}

/** Places a row's cells on the year slots and reports what could not be placed. */
function placeRow(draft: RowDraft, kind: TableKind, years: number, file: string | null): { row: TableRowNode; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const labelText = draft.label.map((t) => t.text).join(' ');
  const position = positionOf([...draft.label, ...draft.cells.flatMap((c) => c.tokens)]);
  let cells = mergeDurations(draft.cells);

  if (cells.length > years) {
    let dropped = 0;
    while (cells.length > years && cells.at(-1)!.tokens.length === 0) {
      cells.pop();
      dropped++;
    }
    if (dropped > 0) {
      diagnostics.push(
        diagnose('table/extra-empty-cells', `Expected ${years} cells in row 「${labelText}」, found ${dropped} more empty ones`, {
          file,
          position,
        }),
      );
    }
  }
  // Cells split at a hard line break that the continuation rules did not join are joined back.
  while (cells.length > years) {
    const index = cells.findIndex(
      (c, i) => i > 0 && c.tokens.length > 0 && cells[i - 1]!.tokens.length > 0 && c.tokens[0]!.afterLineBreak,
    );
    if (index < 0) break;
    cells = [...cells.slice(0, index - 1), { tokens: [...cells[index - 1]!.tokens, ...cells[index]!.tokens] }, ...cells.slice(index + 1)];
  }

  const nonEmpty = cells.filter((c) => c.tokens.length > 0);
  const unplaced = (): TableRowNode => ({
    label: labelOf(draft),
    cells: nonEmpty.map((c) => toCellNode(c, null)),
    placed: false,
    position,
  });

  if (cells.length > years) {
    diagnostics.push(
      diagnose('table/too-many-cells', `Expected at most ${years} cells in row 「${labelText}」, found ${cells.length}`, {
        file,
        position,
      }),
    );
    return { row: unplaced(), diagnostics };
  }
  if (nonEmpty.length === 0) {
    if (kind === 'indicator') {
      diagnostics.push(
        diagnose('table/empty-indicator', `Expected target cells in indicator row 「${labelText}」, found none`, { file, position }),
      );
    }
    return { row: { label: labelOf(draft), cells: [], placed: true, position }, diagnostics };
  }

  const deficit = years - cells.length;
  let spanning = -1;
  if (deficit > 0) {
    const candidates = cells.map((c, i) => (canSpan(c, kind) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length !== 1) {
      diagnostics.push(
        diagnose(
          'table/unplaced-cells',
          `Expected ${years} cells or one merged text cell in row 「${labelText}」, found ${cells.length} cells with ${candidates.length} that could span`,
          { file, position },
        ),
      );
      return { row: unplaced(), diagnostics };
    }
    spanning = candidates[0]!;
  }

  const placedCells: CellNode[] = [];
  let slot = 0;
  for (const [i, cell] of cells.entries()) {
    const width = i === spanning ? 1 + deficit : 1;
    if (cell.tokens.length > 0) placedCells.push(toCellNode(cell, [slot, slot + width - 1]));
    slot += width;
  }
  return { row: { label: labelOf(draft), cells: placedCells, placed: true, position }, diagnostics };
}

function labelOf(draft: RowDraft): TableRowNode['label'] {
  return { fragments: printedLines(draft.label), position: positionOf(draft.label) };
}

/**
 * Parses one year table (the lines after its header word) into rows whose non-empty cells are placed
 * on `years` fiscal-year slots.
 */
export function parseTable(lines: readonly TableLine[], kind: TableKind, years: number, file: string | null): ParsedTable {
  const tokens = tokenize(lines);
  const drafts = toRowDrafts(tokens, kind, years, lineWidths(lines));
  const rows: TableRowNode[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const draft of drafts) {
    const placed = placeRow(draft, kind, years, file);
    rows.push(placed.row);
    append(diagnostics, placed.diagnostics);
  }
  return { rows, diagnostics };
}
