/**
 * Stage `parse`: parses the two year tables of a project sheet (年度ごとの取組 and 評価指標) from the extraction's
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
import { diagnose, findingId, isReviewable, type Diagnostic, type Point, type Position } from '../diagnostics.js';
import { SHEET_SECTIONS, type CellNode, type TableRowNode } from './document.js';
import { compactText, displayWidth, nfkc, normalizeText, removeLayoutSpaces, spacedLetters } from '../common/text.js';
import { append } from '../common/arrays.js';
import { swappedLines, type JoinEvidence, type SwappedLines } from './joinEvidence.js';

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
  /** For an empty cell, the line its space is printed on. */
  line?: number;
}

interface RowDraft {
  label: Token[];
  cells: CellDraft[];
  /** The line the row's first cell (an empty one included) is printed on; undefined while it has none. */
  firstCellLine?: number;
  /** A line of empty cells that starts after the row already had a cell for every year (see `checkStrayEmptyCells`). */
  strayEmptyLine?: number;
}

const ERA_BEFORE_DIGIT = /(令和|平成|昭和)$/;
const DIGIT = /[0-9０-９元]/;

/**
 * True when the space at `index` glues an era to its year (`令和 ２年度`, `令和 6 年度`), or a product's
 * name to its version inside a label (`Windows 11 への移行率`, `Microsoft 365 の利用率`: a Latin word, a
 * number, then words that are not a unit), not a cell break. A number after a Latin word followed by
 * its unit (`Wi-Fi 10 箇所`) or by nothing stays a cell.
 */
function isGlueSpace(chars: readonly string[], index: number, tokenSoFar: string): boolean {
  const next = chars[index + 1] ?? '';
  if (ERA_BEFORE_DIGIT.test(tokenSoFar) && DIGIT.test(next)) return true;
  if (/[A-Za-zＡ-Ｚａ-ｚ]{2,}$/.test(tokenSoFar) && /[0-9０-９]/.test(next)) {
    const version = /^[0-9０-９]+ (\S+)/.exec(chars.slice(index + 1).join(''));
    return version !== null && !isValueLike(version[1]!) && !UNIT_ONLY.test(nfkc(version[1]!)) && !/^[-‐―−ー－]$/.test(version[1]!);
  }
  return /(令和|平成|昭和)[0-9０-９]+$/.test(tokenSoFar) && /[年]/.test(next);
}

/**
 * The spaces that end a cell. The extraction writes ASCII spaces; a full-width or no-break space
 * or a tab from another extraction is a space too — kept inside a cell it would publish `７，0　００`
 * or `昭和５　４年度` as read, split there it leaves a cell too many that stops the row.
 */
const CELL_SPACE = /^[ \u3000\u00a0\t]$/;

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
      if (CELL_SPACE.test(ch) && !isGlueSpace(chars, i, current?.text ?? '')) {
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
      // The token's own end point, moved on: not a new point object per character read.
      current.end.line = tableLine.line;
      current.end.column = column + 1;
    }
    // A line ending in a space closed its last cell there; one ending in text wraps onto the next line.
    if (CELL_SPACE.test(chars.at(-1) ?? '')) breakBefore = 'line';
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

/** What follows the number a cell starts with (its unit, qualifier…; '' for a bare number), or undefined when it starts with none. */
function afterNumber(cell: CellDraft): string | undefined {
  return /^(?:[年月週日]|約)?[▲△+\-−]?\d[\d,.]*(.*)$/.exec(compactText(cellText(cell)))?.[1];
}

/**
 * A unit as a row's numbers are compared by: its qualifier (`以上`), a magnitude (`千人`, `万円`) and a
 * period it counts per (`件/年`) set apart, and the spellings of 箇所 made one (`か所`, `ヶ所`).
 */
function comparableUnit(after: string): string {
  return nfkc(after)
    .replace(QUALIFIER_END, '')
    .replace(/[/／](?:年|月|週|日)$/, '')
    .replace(/^[千万億]/, '')
    .replace(/^[かヶケカ]所/, '箇所');
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
  // A cell never ends in `から` or a listing mark: what follows continues it, on the next line or, if
  // the line break was lost, on the same one.
  if (/(から|[～〜~・、])$/.test(before)) return true;
  if (!token.afterLineBreak) return false;
  // A hard break inside a sentence: `令和元年度 ` / `に調製した開発登録簿`.
  return /^[にのをへとで]/.test(text);
}

/**
 * Per source line: its display width, its text (trimmed), whether it wraps softly (ends in text, not a
 * space), and the column after its last character.
 */
type LineWidths = Map<number, { width: number; text: string; soft: boolean; endColumn: number; emptyCellsAtEnd: boolean }>;

/**
 * A line's width set solid: without the spaces the extraction puts for layout (`removeLayoutSpaces`),
 * so `財 産 調 査 件 数`, a label the PDF set with its letters spaced, counts as `財産調査件数` (6, not 8.5).
 * Asked only of label lines and lines that may start a cell, so not made for every line.
 */
function solidWidth(widths: LineWidths, line: number): number {
  const entry = widths.get(line);
  if (!entry) return 0;
  return entry.text.includes(' ') ? displayWidth(removeLayoutSpaces(entry.text)) : entry.width;
}

function lineWidths(lines: readonly TableLine[]): LineWidths {
  return new Map(
    lines.map((l) => {
      const text = l.text.trim();
      return [l.line, { width: displayWidth(text), text, soft: !l.text.endsWith(' '), endColumn: l.column + [...l.text].length, emptyCellsAtEnd: / {2,}$/.test(l.text) }];
    }),
  );
}

/** Groups tokens into rows: label tokens, then cells, until a new label starts. */
function toRowDrafts(tokens: readonly Token[], kind: TableKind, years: number, widths: LineWidths): RowDraft[] {
  const rows: RowDraft[] = [];
  // The widest label line of the table so far: the label column's width.
  let labelWidth = 0;
  const noteLabel = (token: Token) => {
    for (const f of token.fragments) labelWidth = Math.max(labelWidth, solidWidth(widths, f.line));
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
        row.firstCellLine = token.start.line;
        row.cells.push(empty ? { tokens: [], line: token.start.line } : { tokens: [token] });
      } else {
        row.label.push(token);
        noteLabel(token);
      }
      continue;
    }
    if (empty) {
      if (token.atLineStart && row.cells.length >= years && row.strayEmptyLine === undefined) row.strayEmptyLine = token.start.line;
      row.cells.push({ tokens: [], line: token.start.line });
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
 * fills the column) and is 3 or more wider than every label line of the table so far cannot be a
 * label (a label line more than 2 wider than its column is `tooWide`). Widths are set solid, so a
 * label line whose letters the PDF spaced (`財 産 調 査 件 数`, 8.5 as printed, 6 solid) stays a label,
 * and a merged cell's line (`「デジタル・ガバメント実`, 12) is a cell beside a label column of up to 9.
 */
function isWideLine(token: Token, labelWidth: number, widths: LineWidths): boolean {
  if (!token.atLineStart) return false;
  const line = widths.get(token.start.line);
  return line !== undefined && line.soft && solidWidth(widths, token.start.line) >= labelWidth + 3;
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
    out.push({ ...cell, tokens: [...cell.tokens] });
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

/** A row's label as read, its tokens run together. */
function labelTextOf(draft: RowDraft): string {
  return draft.label.map((t) => t.text).join('');
}

/** Places a row's cells on the year slots and reports what could not be placed. */
function placeRow(draft: RowDraft, kind: TableKind, years: number, file: string | null): { row: TableRowNode; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const labelText = draft.label.map((t) => t.text).join(' ');
  const position = positionOf([...draft.label, ...draft.cells.flatMap((c) => c.tokens)]);
  // More cells than years is never guessed back together (joining two cells could publish a wrong value).
  const cells = mergeDurations(draft.cells);

  if (cells.length > years) {
    let dropped = 0;
    while (cells.length > years && cells.at(-1)!.tokens.length === 0) {
      cells.pop();
      dropped++;
    }
    if (dropped > 0) {
      diagnostics.push(
        diagnose('table/extra-empty-cells', 'dropped', { label: labelText, years, dropped }, {
          file,
          position,
        }),
      );
    }
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
      diagnose('table/too-many-cells', 'tooMany', { label: labelText, years, found: cells.length }, {
        file,
        position,
      }),
    );
    return { row: unplaced(), diagnostics };
  }
  if (nonEmpty.length === 0) {
    if (kind === 'indicator') {
      diagnostics.push(
        diagnose('table/empty-indicator', 'noTargets', { label: labelText }, { file, position }),
      );
    }
    return { row: { label: labelOf(draft), cells: [], placed: true, position }, diagnostics };
  }

  // Empty cells printed on a line after the row's last text count towards its years all the same, so
  // they decide which years its cells fall on (`次期システムと合わせ検討`, merged over FY2023–2025, read
  // as FY2023–2024 when a line of one space moves up from below 指標の考え方). The real texts print
  // such a line only after a text that wraps over lines of its own (1-1-1's merged FY2021–2022 target,
  // its other years' empty cells on the next line); after a text printed on one line it is a stray.
  const lastLine = Math.max(...nonEmpty.flatMap((c) => c.tokens.map((t) => t.end.line)));
  const lastCellLines = new Set(nonEmpty.at(-1)!.tokens.flatMap((t) => t.fragments.map((f) => f.line))).size;
  const stray = lastCellLines === 1 ? cells.find((c) => c.tokens.length === 0 && c.line !== undefined && c.line > lastLine) : undefined;
  if (stray) {
    const line = stray.line!;
    diagnostics.push(
      diagnose('table/stray-empty-cells', 'afterLastText', { label: labelText, line, last: cellText(nonEmpty.at(-1)!) }, {
        file,
        position: { start: { line, column: 1 }, end: { line, column: 2 } },
      }),
    );
    return { row: unplaced(), diagnostics };
  }

  const deficit = years - cells.length;
  let spanning = -1;
  if (deficit > 0) {
    const candidates = cells.map((c, i) => (canSpan(c, kind) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length !== 1) {
      diagnostics.push(
        diagnose(
          'table/unplaced-cells',
          'ambiguous',
          { label: labelText, years, cells: cells.length, spanning: candidates.length },
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
export function parseTable(
  lines: readonly TableLine[],
  kind: TableKind,
  years: number,
  file: string | null,
  subject: string | null = null,
  /** True when another table follows on the sheet: its last row's empty cells were not cut off by the sheet's end. */
  followed = false,
  /** What attests the joins of the whole text's wrapped lines (`toJoinEvidence`); null skips the checks of swapped lines. */
  joinEvidence: JoinEvidence | null = null,
): ParsedTable {
  const tokens = tokenize(lines);
  const widths = lineWidths(lines);
  const lineTexts = new Map(lines.map((l) => [l.line, l.text]));
  const drafts = toRowDrafts(tokens, kind, years, widths);
  const rows: TableRowNode[] = [];
  const diagnostics: Diagnostic[] = [];
  const column = labelColumnWidth(drafts, widths);
  // Every doubt about a row's reading is a finding: its id pins what was read (the row's label and
  // cells, never line numbers), so a person's decision on it holds only while the text reads the same.
  const findingsOf = (found: readonly Diagnostic[], content: unknown) =>
    found.map((d) => (isReviewable(d.code) ? { ...d, subject: d.subject ?? subject, finding: findingId(d.code, `${subject ?? '-'}/${kind}`, content) } : d));
  for (const repeated of checkRepeatedLines(lines, kind, file, subject)) append(diagnostics, findingsOf([repeated], [repeated.messageEn]));
  for (const draft of drafts) {
    const placed = placeRow(draft, kind, years, file);
    rows.push(placed.row);
    const content = [draft.label.map((t) => t.text), draft.cells.map((c) => cellText(c))];
    const found = [
      ...placed.diagnostics,
      ...checkRowReading(draft, kind, widths, file),
      ...checkLabelWidths(draft, column, widths, file),
      ...checkLabelLineSpacing(draft, widths, file),
      ...checkStrayEmptyCells(draft, years, file),
      ...checkSplitCells(draft, kind, years, file),
      ...checkSpacedWords(draft, joinEvidence?.latinWords ?? new Set(), file),
      ...(joinEvidence ? checkLineOrder(draft, kind, widths, lineTexts, joinEvidence, file) : []),
    ];
    append(diagnostics, findingsOf(found, content));
  }
  // A row always ends with its cells (a line of spaces for empty ones); only the sheet's end cuts a
  // last row's spaces off. A last row without cells before another table is a line from that table.
  const last = drafts.at(-1);
  if (followed && last && last.cells.length === 0) {
    const d = diagnose('table/row-without-cells', 'noCells', { label: last.label.map((t) => t.text).join('') }, {
      file,
      position: positionOf(last.label),
    });
    append(diagnostics, findingsOf([d], [last.label.map((t) => t.text), 'no cells']));
  }
  // Two rows of one table with the same name: a label line lost or moved made one name out of another.
  const seen = new Set<string>();
  for (const row of rows.length > 1 ? rows : []) {
    const name = normalizeText(row.label.fragments.join(''));
    if (seen.has(name)) {
      const d = diagnose('table/duplicate-row-name', 'twice', { name }, {
        file,
        position: row.label.position,
      });
      append(diagnostics, findingsOf([d], [name]));
    }
    seen.add(name);
  }
  return { rows, diagnostics };
}


/**
 * How an indicator or initiative name ends when it is complete: a hard line break after one of
 * these, followed by more label text, reads as two rows' labels run together (a row's cells lost),
 * not as a name the author broke by hand. Hand breaks in the real plans come after a particle
 * (`研修会の ⏎ 実施回数`), before a parenthesis (`適用業務数 ⏎ （累積）`) or inside a noun phrase
 * (`年間 ⏎ アクセス数`), never after these endings.
 */
const COMPLETE_NAME: Record<TableKind, RegExp> = {
  indicator: /(?:[数率量額値]|割合|度|時間|回数|件数|実施|改定|作成|導入|開催|策定|交付|公開|整備|運用|活用|）|\))$/,
  initiative: /(?:化|検討|実施|導入|運用|整備|開始|更新|構築|稼働|継続|拡充|支援|整理|策定|見直し|公開|推進|取組|作成|作製|事務|実験|検証|設置|選定|活用|改修|確定|PR|調整|充実|改正|搭載|拡大|試行|提供|周知|分析|改定|収集|追加|決定|購入|向上|調査|契約|改善|移行|トライアル)$/,
};

/** Text that continues a phrase rather than starting a name: a bracket, a conjunction, a particle. */
const CONTINUES_PHRASE = /^(?:[（(［\[【「『・、]|及び|並びに|又は|または|若しくは|[のにをへとでがはもや](?![ぁ-ゖ]))/;

/** A qualifier a target's number may end with after its unit (`以上`, `以下`, `減`): not part of the unit. */
const QUALIFIER_END = /(?:以上|以下|未満|超|以内|程度|減|増)$/;

/** A value on its own, as a year cell prints it (`２，1００`, `45 件`, `年３回以上`, `－`), not a name that starts with a digit. */
function isWholeValue(text: string): boolean {
  const t = compactText(text);
  return /^(?:[年月週日]|約)?[▲△+\-−]?\d[\d,.]*(?:[^\d]{0,3}(?:以上|以下|未満|減)?)$/.test(t) || /^[-‐―−ー－]$/.test(t) || UNIT_ONLY.test(t);
}

/** Units printed on a line of their own. */
/**
 * How the indicator names of both real editions end (what is counted, its rate or amount, or a thing
 * done): a name ending otherwise is read as cut short until a person accepts it.
 */
const INDICATOR_END = /(?:[数率量額値]|割合|度|時間|箇所|実施|改定|作成|導入|開催|策定|交付|公開|整備|運用|活用|更新|削減)$/;

/** A label end that leaves a phrase open: a particle after kanji or katakana (`…計画の`; `ふるさと` is a word), or a joining word. */
const DANGLING_END = /(?:[^ぁ-ゖ][のにをがとへでや]|及び|並びに|[・、，,]|向けた|による|における|ための)$/;

/** A label that is only bracketed qualifiers: `（年間）`, `（一般競争入札）`. */
const ONLY_BRACKETS = /^(?:[（(【][^）)】]*[）)】])+$/;

const UNIT_ONLY = /^(?:件|人|名|回|点|%|時間|分|秒|千円|万円|万件|業務|箇所|種類|店舗|手続|ポイント|pt|年|\/年|時間\/年)$/;

/**
 * Names in these plans start with kanji, katakana, Latin letters or a bracket; the words that start
 * one in hiragana (その他…, お知らせ…) are listed, any other hiragana start is a name's second line.
 */
const WORD_START_IN_HIRAGANA = /^(?:その|この|あの|お|ご|さまざま|いろいろ|すべて|まち|くらし|ふるさと|こども|こころ|からだ)/;

/** The sheet headings of four characters or more (評価指標, 指標の考え方 …): no name starts with one. */
const LONG_HEADINGS: readonly string[] = SHEET_SECTIONS.filter((h) => h.length >= 4);

/** A first character no Japanese name starts with: particles, small kana, closing brackets, marks. */
const STARTS_MID_PHRASE = /^(?:以上|以下|未満|以内|[をにがへでのっゃゅょんーぁぃぅぇぉッャュョァィゥェォンヶ、。，．）)」』】］\]]|する|した|して|され|ける|けた)/;

/** True when the token's last line is spread out, three or more single characters with spaces between (`ク 機 器 検`): a justified, full line. */
function isLetterSpaced(token: Token, label: readonly Token[]): boolean {
  const line = token.end.line;
  const onLine = label.flatMap((t) => t.fragments.filter((f) => f.line === line));
  return onLine.length >= 3 && onLine.every((f) => [...f.text].length === 1);
}

const BRACKET = /[（(【「『［[）)】」』］\]]/;

/** True when every bracket of the text closes the last one opened: （）, 【】, 「」, 『』, ［］. */
function hasBalancedBrackets(text: string): boolean {
  if (!BRACKET.test(text)) return true;
  // Full- and half-width forms of a bracket pair up (`（1 会議あたり)`).
  const kind: Record<string, string> = { '（': '(', '(': '(', '）': ')', ')': ')', '【': '【', '】': '】', '「': '「', '」': '」', '『': '『', '』': '』', '［': '[', '[': '[', '］': ']', ']': ']' };
  const closes: Record<string, string> = { ')': '(', '】': '【', '」': '「', '』': '『', ']': '[' };
  const open: string[] = [];
  for (const ch of text) {
    const k = kind[ch];
    if (k === undefined) continue;
    if (k in closes) {
      if (open.pop() !== closes[k]) return false;
    } else open.push(k);
  }
  return open.length === 0;
}

function hasOpenBracket(text: string): boolean {
  const opens = (text.match(/[（(［[【「『]/g) ?? []).length;
  const closes = (text.match(/[）)］\]】」』]/g) ?? []).length;
  return opens > closes;
}

/**
 * The checks that make a row prove its reading (issue: never publish a wrong number): a label that
 * runs on into what reads as the next row's label, a label cut short by a soft wrap right before its
 * cells or glued to a value, a label that starts mid-phrase or is itself a value, and a row with no
 * cells at all. Each is an error unless a person accepts the reading in the review file.
 */
function checkRowReading(draft: RowDraft, kind: TableKind, widths: LineWidths, file: string | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const label = draft.label;
  const labelText = label.map((t) => t.text).join('');
  const at = (token: Token): Position => ({ start: token.start, end: token.end });
  const first = label[0]!;
  if (isWholeValue(first.text)) {
    diagnostics.push(
      diagnose('table/value-in-label', 'atStart', { label: labelText, value: first.text }, {
        file,
        position: at(first),
      }),
    );
  } else if (STARTS_MID_PHRASE.test(nfkc(first.text)) || (/^[ぁ-ゖ]/.test(first.text) && !WORD_START_IN_HIRAGANA.test(first.text))) {
    diagnostics.push(
      diagnose('table/label-starts-mid-phrase', 'midPhrase', { label: labelText, start: first.text }, {
        file,
        position: at(first),
      }),
    );
  }
  for (const token of label.slice(1)) {
    if (token.atLineStart && isWholeValue(token.text)) {
      diagnostics.push(
        diagnose('table/value-in-label', 'inside', { label: labelText, value: token.text }, {
          file,
          position: at(token),
        }),
      );
    }
  }
  if (!hasBalancedBrackets(labelText)) {
    diagnostics.push(
      diagnose('table/label-cut-short', 'unbalancedBrackets', { label: labelText }, {
        file,
        position: { start: first.start, end: label.at(-1)!.end },
      }),
    );
  }
  // Two Japanese words on one label line with a space between were two lines (a name wraps, it is
  // not spaced), unless the line is letter-spaced or the space sits next to Latin text or a bracket.
  for (const [i, token] of label.entries()) {
    const next = label[i + 1];
    if (
      next &&
      next.start.line === token.end.line &&
      /[^\x00-\x7f（）()【】「」]$/.test(token.text) &&
      /^[^\x00-\x7f（）()【】「」]/.test(next.text) &&
      !isLetterSpaced(token, label)
    ) {
      diagnostics.push(
        diagnose('table/label-lines-joined', 'joined', { label: labelText, first: token.text, second: next.text, line: token.end.line }, {
          file,
          position: { start: token.start, end: next.end },
        }),
      );
    }
  }
  let soFar = '';
  for (const [i, token] of label.entries()) {
    soFar += token.text;
    const next = label[i + 1];
    if (next && next.afterLineBreak && next.start.line > token.end.line && !isLetterSpaced(token, label)) {
      const before = nfkc(soFar);
      // A parenthesis after a complete name qualifies it only when it ends the label (`適用業務数 ⏎ （累積）`);
      // followed by more text it opens the next row's name (`…の電子化 ⏎ （S54～R3 分）建築計画概要書…`).
      const qualifies = () => /^(?:[（(【][^）)】]*[）)】])+$/.test(nfkc(label.slice(i + 1).map((t) => t.text).join('')));
      const nextText = nfkc(next.text);
      const continues = CONTINUES_PHRASE.test(nextText) && !/^[（(【「『]/.test(nextText);
      // A name qualified by brackets is as complete as the name (`デジタル化（横野地区資料）`).
      const bare = before.replace(/(?:[（(【][^）)】]*[）)】])+$/, '');
      const complete = COMPLETE_NAME[kind].test(before) || (bare !== before && COMPLETE_NAME[kind].test(bare));
      if (complete && !continues && !hasOpenBracket(before) && !qualifies()) {
        diagnostics.push(
          diagnose(
            'table/label-runs-on',
            'moreLabelText',
            { label: soFar, line: token.end.line, next: next.text },
            { file, position: { start: token.start, end: next.end } },
          ),
        );
      }
    }
    // A soft wrap inside a label token glued a value or a unit line to the name (`YouTube チャン` ⏎ `２，1００ …`, `秦野商工会議所` ⏎ `千円`).
    if (kind === 'indicator') {
      for (const [j, fragment] of token.fragments.entries()) {
        if (j > 0 && fragment.line > token.fragments[j - 1]!.line && (isValueLike(fragment.text) || UNIT_ONLY.test(nfkc(fragment.text).trim()))) {
          diagnostics.push(
            diagnose('table/label-cut-short', 'joinedToValue', { label: labelText, value: fragment.text, line: fragment.line }, {
              file,
              position: at(token),
            }),
          );
        }
      }
    }
  }
  // A row prints its numbers all with a unit or all without (neither edition mixes them): a bare
  // number among numbers with units lost its unit's line (`１，５００` ⏎ `時間`).
  if (kind === 'indicator') {
    const numbers = draft.cells
      .map((cell) => ({ cell, after: afterNumber(cell) }))
      .filter((n): n is { cell: CellDraft; after: string } => n.after !== undefined);
    const unit = numbers.find((n) => n.after !== '')?.after;
    if (unit !== undefined) {
      for (const bare of numbers.filter((n) => n.after === '')) {
        diagnostics.push(
          diagnose('table/value-without-unit', 'unitLost', { label: labelText, value: cellText(bare.cell), unit }, { file, position: { start: bare.cell.tokens[0]!.start, end: bare.cell.tokens.at(-1)!.end } }),
        );
      }
      // A row counts one thing in one unit (`１回以上` beside `１回`; `60%` beside `70％`; `800人` beside
      // `1千人`): a number whose unit differs from the row's lost or doubled a character of it (`１ータ`
      // among `１データ`, `４０以上` among `55％以上`, `５件下` among `４件以下`). Neither real edition prints
      // two units in a row; a number printed in two units (`４分 7 秒`) is left to the duration reading.
      const units = (numbers.length < 2 ? [] : mergeDurations(draft.cells))
        .map((cell) => ({ cell, after: afterNumber(cell) ?? '' }))
        .filter((n) => n.after !== '' && !/\d/.test(n.after))
        .map((n) => ({ ...n, unit: comparableUnit(n.after) }));
      const counts = new Map<string, number>();
      for (const u of units) counts.set(u.unit, (counts.get(u.unit) ?? 0) + 1);
      const most = Math.max(0, ...counts.values());
      const usual = [...counts].filter(([, n]) => n === most);
      const span = (cells: readonly CellDraft[]): Position => ({ start: cells[0]!.tokens[0]!.start, end: cells.at(-1)!.tokens.at(-1)!.end });
      if (counts.size > 1 && usual.length === 1) {
        for (const odd of units.filter((u) => u.unit !== usual[0]![0])) {
          diagnostics.push(diagnose('table/units-differ', 'otherUnit', { label: labelText, value: cellText(odd.cell), usual: usual[0]![0] }, { file, position: span([odd.cell]) }));
        }
      } else if (counts.size > 1) {
        // As many numbers in one unit as in another: which one lost a character cannot be told.
        diagnostics.push(diagnose('table/units-differ', 'mixed', { label: labelText, values: units.map((u) => cellText(u.cell)).join('、') }, { file, position: span(units.map((u) => u.cell)) }));
      }
      // No unit prints a character twice in a row (`回回`, `人人`, `％％`): one was doubled.
      for (const n of numbers) {
        if (/(.)\1/.test(comparableUnit(n.after)) && !/\d/.test(n.after)) {
          diagnostics.push(diagnose('table/units-differ', 'doubled', { label: labelText, value: cellText(n.cell) }, { file, position: span([n.cell]) }));
        }
      }
    }
  }
  // A value cell wraps onto a line of its own only for its unit or its words, never for another
  // number: `７０0,000` ⏎ `1,440,000` read as one cell is two cells run together.
  if (kind === 'indicator') {
    for (const cell of draft.cells) {
      const fragments = cell.tokens.flatMap((t) => t.fragments);
      if (cell.tokens.length > 0 && UNIT_ONLY.test(nfkc(cellText(cell)).trim())) {
        diagnostics.push(
          diagnose('table/unit-without-value', 'unitAlone', { label: labelText, unit: cellText(cell) }, {
            file,
            position: { start: cell.tokens[0]!.start, end: cell.tokens.at(-1)!.end },
          }),
        );
      }
      // A cell starting with a unit and then a number (`時間0 時間`) holds the previous cell's unit:
      // the space after it was lost, and the number before it is published without its unit. A
      // period printed before the number (`年３回以上`) starts a value (`isValueLike`).
      const leadingUnit = /^(\D{1,4}?)[▲△]?\d/.exec(compactText(nfkc(cellText(cell))));
      if (leadingUnit && UNIT_ONLY.test(leadingUnit[1]!) && !isValueLike(cellText(cell))) {
        diagnostics.push(
          diagnose('table/values-run-together', 'unitJoined', { label: labelText, cell: cellText(cell), unit: leadingUnit[1]! }, {
            file,
            position: { start: cell.tokens[0]!.start, end: cell.tokens.at(-1)!.end },
          }),
        );
      }
      // A number is followed by its unit and qualifier only (`１，５００時間`, `300 時間/年`, `７０％以上`,
      // `４分 7 秒`): longer text after it is a label line read into the cell (`1,440,000` ⏎ `秦野商工会議所` ⏎ `千円`).
      const after = afterNumber(cell);
      if (after !== undefined && [...after.replace(/\d/g, '')].length > 5) {
        diagnostics.push(
          diagnose('table/text-in-value', 'textAfterNumber', { label: labelText, cell: cellText(cell) }, {
            file,
            position: { start: cell.tokens[0]!.start, end: cell.tokens.at(-1)!.end },
          }),
        );
      }
      for (const [j, fragment] of fragments.entries()) {
        if (j > 0 && fragment.line > fragments[j - 1]!.line && isValueLike(fragment.text)) {
          diagnostics.push(
            diagnose('table/values-run-together', 'oneCell', { label: labelText, first: fragments[j - 1]!.text, second: fragment.text, line: fragment.line }, {
              file,
              position: { start: cell.tokens[0]!.start, end: cell.tokens.at(-1)!.end },
            }),
          );
        }
      }
    }
  }
  // A sheet heading read as a label or a cell: the line that printed it was joined to the table's.
  for (const token of [...label, ...draft.cells.flatMap((c) => c.tokens)]) {
    if ((SHEET_SECTIONS as readonly string[]).includes(token.text)) {
      diagnostics.push(
        diagnose('table/heading-in-row', 'inRow', { heading: token.text, label: labelText }, {
          file,
          position: at(token),
        }),
      );
    }
  }
  // A heading line broken in two (`評価` ⏎ `指標`) reads as the first lines of a label; no name starts
  // with a heading word of four characters or more.
  const compactLabel = compactText(labelText);
  const spelled = LONG_HEADINGS.find((h) => compactLabel.startsWith(h) && first.text !== h && h.startsWith(compactText(first.text)));
  if (spelled) {
    let length = 0;
    const spanning = label.findIndex((t) => (length += compactText(t.text).length) >= spelled.length);
    diagnostics.push(
      diagnose('table/heading-in-row', 'brokenHeading', { heading: spelled, label: labelText }, {
        file,
        position: { start: first.start, end: label[Math.max(spanning, 0)]!.end },
      }),
    );
  }
  // A cell wraps softly only into more of itself: one whose text stops where its line wraps softly,
  // with the next line starting a new cell, lost the rest of its text (or is a label line read as a cell).
  for (const cell of draft.cells) {
    const end = cell.tokens.at(-1);
    const line = end ? widths.get(end.end.line) : undefined;
    if (end && line && line.soft && end.end.column === line.endColumn) {
      diagnostics.push(
        diagnose('table/label-cut-short', 'cellStopsShort', { label: labelText, cell: cellText(cell), line: end.end.line }, {
          file,
          position: { start: cell.tokens[0]!.start, end: end.end },
        }),
      );
    }
  }
  const last = label.at(-1)!;
  const lastLine = widths.get(last.end.line);
  // A label of several lines always ends on a line of its own, its cells on the next: one whose last
  // line carries cells is a one-line row run into the label before it.
  const labelLines = new Set(label.flatMap((t) => t.fragments.map((f) => f.line)));
  const firstCellLine = draft.cells.find((c) => c.tokens.length > 0)?.tokens[0]?.start.line ?? null;
  if (labelLines.size > 1 && (lastLine?.emptyCellsAtEnd || firstCellLine === last.end.line)) {
    diagnostics.push(
      diagnose('table/label-runs-on', 'cellsOnLastLine', { label: labelText, lines: labelLines.size, line: last.end.line }, {
        file,
        position: { start: label[0]!.start, end: last.end },
      }),
    );
  }
  if (isLetterSpaced(last, label)) {
    diagnostics.push(
      diagnose('table/label-cut-short', 'afterLetterSpaced', { label: labelText, line: last.end.line }, {
        file,
        position: at(last),
      }),
    );
  }
  // A label ends in a noun or a bracket, never a particle or a joining word: one that does lost its
  // last line (`個別避難計画の` without `作成`, `一般公開に向けた` without `環境構築`).
  if (DANGLING_END.test(nfkc(labelText))) {
    diagnostics.push(
      diagnose('table/label-cut-short', 'endsMidPhrase', { label: labelText }, {
        file,
        position: { start: first.start, end: last.end },
      }),
    );
  }
  // An indicator names what is counted or done, and its name ends so (`…数`, `…率`, `…割合`, `…の実施`):
  // one that does not lost its last line (`歴史博物館来館者` without `数`).
  const bareName = nfkc(labelText).replace(/(?:[（(【][^）)】]*[）)】])+$/, '');
  if (kind === 'indicator' && bareName !== '' && !INDICATOR_END.test(bareName)) {
    diagnostics.push(
      diagnose('table/label-cut-short', 'indicatorEnding', { label: labelText, ending: [...bareName].slice(-2).join('') }, {
        file,
        position: { start: first.start, end: last.end },
      }),
    );
  }
  // Indicator names run to three characters or more (`利用率`): two or fewer is a name's last line alone (`ス数`).
  if (kind === 'indicator' && bareName !== '' && [...bareName].length <= 2) {
    diagnostics.push(diagnose('table/label-cut-short', 'tooShort', { label: labelText }, { file, position: { start: first.start, end: last.end } }));
  }
  // One katakana run straight into a kanji or kana (`ムの検討`, `ジの充実`) is the end of a word whose
  // start was on a line now missing: no name of either edition starts so.
  const katakana = /^([ァ-ヶ])[^ァ-ヶー・]/.exec(nfkc(labelText));
  if (katakana) {
    diagnostics.push(diagnose('table/label-starts-mid-phrase', 'katakanaFragment', { label: labelText, start: katakana[1]! }, { file, position: at(first) }));
  }
  // A bracket qualifies a name; a label that is nothing but brackets lost the name (`（年間）`).
  if (ONLY_BRACKETS.test(nfkc(labelText))) {
    diagnostics.push(
      diagnose('table/label-starts-mid-phrase', 'onlyBracket', { label: labelText }, {
        file,
        position: { start: first.start, end: last.end },
      }),
    );
  }
  // The 年度ごとの取組 table describes work by year; counts with units are the 評価指標 table's
  // (neither real edition prints one in an initiative cell): such a row is an indicator row read
  // above a misplaced 評価指標 heading.
  if (kind === 'initiative') {
    const values = draft.cells.map(cellText).filter((t) => t.trim() !== '' && isWholeValue(t) && /\d/.test(nfkc(t)));
    if (values.length > 0) {
      diagnostics.push(
        diagnose('table/value-in-label', 'indicatorValue', { label: labelText, value: values[0]! }, {
          file,
          position: { start: first.start, end: draft.cells.flatMap((c) => c.tokens).at(-1)?.end ?? last.end },
        }),
      );
    }
  }
  const firstCell = draft.cells.find((c) => c.tokens.length > 0)?.tokens[0] ?? null;
  const cellsStart = draft.cells.length > 0 ? (firstCell?.start.line ?? last.end.line + 1) : null;
  // A label wraps softly only into more of itself: one whose last line wraps softly right before
  // its cells lost the rest of its name.
  if (lastLine && lastLine.soft && last.end.column === lastLine.endColumn && (cellsStart === null || cellsStart > last.end.line)) {
    diagnostics.push(
      diagnose('table/label-cut-short', 'wrapsIntoCells', { label: labelText, line: last.end.line }, {
        file,
        position: at(last),
      }),
    );
  }
  return diagnostics;
}

/** The lines of a label that wrap softly: every fragment of the label on a line that ends in text. */
function softLabelLines(draft: RowDraft, widths: LineWidths): number[] {
  const lines = new Set(draft.label.flatMap((t) => t.fragments.map((f) => f.line)));
  return [...lines].filter((l) => widths.get(l)?.soft);
}

/**
 * The width of the table's label column: the (upper) median width of the label lines that wrap
 * softly (a soft wrap means the text filled the column), or null when fewer than two lines wrap. A
 * median, not the most common width: one damaged line, too wide or broken short, cannot move it, and
 * a layout whose lines spread over a few widths (`9, 9, 10, 10, 11, 11`) is not read as damaged. In
 * both real texts every such line is within 1.5 narrower and 2 wider than it.
 */
function labelColumnWidth(drafts: readonly RowDraft[], widths: LineWidths): number | null {
  const soft = drafts.flatMap((draft) => softLabelLines(draft, widths).map((l) => widths.get(l)!.width)).sort((a, b) => a - b);
  return soft.length < 2 ? null : soft[Math.floor(soft.length / 2)]!;
}

/**
 * A label line that wraps softly fills the label column: one much wider than the column is a value
 * cell or another row's line read into the label (`手続のオン` ⏎ `「デジタル・ガバメント実行` swapped).
 */
function checkLabelWidths(draft: RowDraft, column: number | null, widths: LineWidths, file: string | null): Diagnostic[] {
  if (column === null) return [];
  const labelText = labelTextOf(draft);
  const diagnostics: Diagnostic[] = [];
  const fragments = draft.label.flatMap((t) => t.fragments);
  for (const l of softLabelLines(draft, widths)) {
    const { width, endColumn } = widths.get(l)!;
    const position = { start: { line: l, column: 1 }, end: { line: l, column: endColumn } };
    if (width > column + 2) diagnostics.push(diagnose('table/label-cut-short', 'tooWide', { label: labelText, column, line: l, width }, { file, position }));
    // A soft wrap well short of the column: the PDF's line broken in two by the extraction
    // (`学習用` ⏎ `端末`). Every one of the 358 soft label lines of both real texts is within 1.5.
    // A PDF wraps early before what it may not split or start a line with: a Latin word or a
    // number (`YouTube`, `2,000`), closing brackets and punctuation, an opening bracket with what
    // follows it; their width is let through.
    // Latin letters and digits are counted at half a character, but a PDF may set them wider
    // (`YouTube` filling a 5.5-character column): here they count a whole one.
    else if (width + halfWidthAlphanumerics(fragments, l) / 2 + unbreakableStart(fragments.find((f) => f.line > l)?.text ?? '') <= column - 2) {
      diagnostics.push(diagnose('table/label-cut-short', 'tooNarrow', { label: labelText, column, line: l, width }, { file, position }));
    }
  }
  return diagnostics;
}

/** How many half-width Latin letters and digits the label prints on line `line`. */
function halfWidthAlphanumerics(fragments: readonly Fragment[], line: number): number {
  return fragments.filter((f) => f.line === line).reduce((n, f) => n + (f.text.match(/[A-Za-z0-9]/g)?.length ?? 0), 0);
}

/**
 * The width of what a line starts with that a PDF would not break or put at a line's start: a Latin
 * word or number, closing marks, or an opening bracket (no line ends with one) with the character
 * after it and the space the text may print before it.
 */
function unbreakableStart(text: string): number {
  const start = text.trim();
  if (/^[（(「『【［[]/.test(start)) return displayWidth([...start].slice(0, 2).join('')) + 0.5;
  return displayWidth(/^(?:[A-Za-z0-9.,\-]+|[）)」』】］\]、。，．・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ]+)/.exec(start)?.[0] ?? '');
}

/**
 * How the extraction spaces a row's label lines from its cells, in each of the 310 rows of both real
 * texts whose label has one or two lines and which has cells: a label of one line carries the row's
 * first cell on that line, and the last line of a two-line label is followed directly by the cells'
 * line. A label line lost next to the cells (`交付率` ⏎ `（対人口）` losing its qualifier) or a line
 * lost from a two-line label with its empty line breaks this spacing, and nothing else shows it.
 * Longer labels are followed by an empty line, except where the extraction lost a row's empty cells
 * (1-1-5 of 2025-03), so their spacing is not checked; a row without cells, and a gap of more than
 * one empty line (a page break, or a lost line reported as `sheet/lost-line`), say nothing either.
 * Neither text prints a one-line label whose value cells all stand on the next line; if one wraps a
 * value onto a further line (`業務削減時間` ⏎ `100 時間 … 300 時間/` ⏎ `年`), that layout is taken as
 * possible and not reported, since a label line lost before a wrapping value cell cannot be told
 * from it.
 */
function checkLabelLineSpacing(draft: RowDraft, widths: LineWidths, file: string | null): Diagnostic[] {
  const cellLine = draft.firstCellLine;
  if (cellLine === undefined) return [];
  const labelLines = [...new Set(draft.label.flatMap((t) => t.fragments.map((f) => f.line)))].sort((a, b) => a - b);
  const last = labelLines.at(-1)!;
  if (cellLine === last && labelLines.length > 1) return [];
  const gap = cellLine - last;
  const params = { label: labelTextOf(draft), labelLine: last, cellLine };
  const at = { file, position: { start: draft.label[0]!.start, end: { line: cellLine, column: 1 } } };
  const wrapsOn = widths.get(cellLine)?.soft ?? false;
  if (labelLines.length === 1 && (gap === 2 || (gap === 1 && !wrapsOn))) return [diagnose('table/label-line-spacing', 'alone', params, at)];
  if (labelLines.length === 2 && gap === 2) return [diagnose('table/label-line-spacing', 'twoLines', params, at)];
  return [];
}

/**
 * A line of empty cells that starts after its row already has a cell for every year: the real texts
 * print a row's surplus spaces only at the end of its own cells' line (`２５％ … ２５％  `), so a line
 * of its own is the empty cells of a row whose label line was lost (2-1-13 of 2025-03 without
 * `運用・改善`, whose fifth empty cell is printed on the next line).
 */
function checkStrayEmptyCells(draft: RowDraft, years: number, file: string | null): Diagnostic[] {
  const line = draft.strayEmptyLine;
  if (line === undefined) return [];
  return [
    diagnose('table/stray-empty-cells', 'afterFullRow', { label: labelTextOf(draft), years, line }, {
      file,
      position: { start: { line, column: 1 }, end: { line, column: 2 } },
    }),
  ];
}

/**
 * Two text cells side by side on one line, one space apart, in a row with a cell for every year: the
 * extraction prints one space after each cell, but also, now and then, inside a text whose letters the
 * PDF spaces wide — so `目録調製後、指標 設定` reads as two years' cells although a merged cell spanning
 * both (`目録調製後、指標設定`, FY2024–2025) fits the row as well. Neither real text prints two text
 * cells side by side on a line (its dated texts, `令和２年度分`, start with their era and are let through),
 * so the reading is a person's to decide. Likewise a few letters after a number on its line
 * (`１箇所以 上`): the rest of its unit or qualifier spaced apart, or a year's text cell.
 */
function checkSplitCells(draft: RowDraft, kind: TableKind, years: number, file: string | null): Diagnostic[] {
  const cells = mergeDurations(draft.cells);
  const diagnostics: Diagnostic[] = [];
  for (const [i, cell] of cells.entries()) {
    const next = cells[i + 1];
    const end = cell.tokens.at(-1);
    const start = next?.tokens[0];
    if (!end || !start || start.start.line !== end.end.line || start.start.column !== end.end.column + 1) continue;
    const first = cellText(cell);
    const second = cellText(next);
    const position = { start: cell.tokens[0]!.start, end: next.tokens.at(-1)!.end };
    // A few letters after a number that complete its unit or qualifier (`１箇所以 上`, `１箇 所以上`, `１デー タ`
    // among `１データ`) are its rest, spaced apart; a word of their own is a year's text (`１０校 全校`,
    // and the phrases the real texts print after a number, `１種類以上 次期システムと合わせ検討`).
    if (kind === 'indicator' && isValueLike(first) && !isValueLike(second) && /^\D{1,4}$/.test(compactText(second))) {
      const before = afterNumber(cell) ?? '';
      const joined = before + compactText(second);
      const rowUnits = new Set(cells.filter((c) => c !== cell && c !== next).map((c) => afterNumber(c)).filter((a): a is string => a !== undefined && a !== '').map(comparableUnit));
      const completes =
        (QUALIFIER_END.test(nfkc(joined)) && !QUALIFIER_END.test(nfkc(before))) || rowUnits.has(comparableUnit(joined)) || UNIT_ONLY.test(comparableUnit(joined));
      if (completes) diagnostics.push(diagnose('table/cell-split', 'spaceInValue', { label: labelTextOf(draft), first, second, line: end.end.line }, { file, position }));
      continue;
    }
    // A number starts an indicator's cell, an era an initiative's dated text (`令和２年度分`, also
    // abbreviated as this plan does in a name, `R6年度分`); and with fewer cells than years, two text
    // cells that could span are already ambiguous.
    if (kind === 'indicator' ? isValueLike(first) || isValueLike(second) : isEraStart(second) || /^[RHS]\s*\d/.test(nfkc(second))) continue;
    // The same words twice (`全校 全校`) are one target repeated, never the halves of one text.
    if (cells.length !== years || compactText(first) === compactText(second)) continue;
    diagnostics.push(
      diagnose('table/cell-split', 'spaceInText', { label: labelTextOf(draft), first, second, line: end.end.line }, { file, position }),
    );
  }
  return diagnostics;
}

/**
 * Latin letters or digits the extraction spaced apart in a label (`公開型G IS搭載`, `Tw itterフォロワー数`
 * where the text prints `Twitter`, `（S5 4〜R3分）`: see `spacedLetters`), at the line that holds them.
 * The published name would keep the space.
 */
function checkSpacedWords(draft: RowDraft, words: ReadonlySet<string>, file: string | null): Diagnostic[] {
  const lines = new Map<number, { text: string; start: Point; end: Point }>();
  for (const token of draft.label) {
    for (const [i, f] of token.fragments.entries()) {
      const end = { line: f.line, column: f.column + [...f.text].length };
      const known = lines.get(f.line);
      if (known) Object.assign(known, { text: known.text + (i === 0 ? ' ' : '') + f.text, end });
      else lines.set(f.line, { text: f.text, start: { line: f.line, column: f.column }, end });
    }
  }
  for (const line of lines.values()) {
    const spaced = spacedLetters(line.text, words);
    if (spaced === null) continue;
    const label = normalizeText(printedLines(draft.label).join(''));
    return [diagnose('table/space-in-word', 'latin', { label, spaced }, { file, position: { start: line.start, end: line.end } })];
  }
  return [];
}

/** How many distinct lines the tokens' fragments are printed on (in order, so a change of line is a new one). */
function lineCount(tokens: readonly Token[]): number {
  let count = 0;
  let last = -1;
  for (const token of tokens) for (const f of token.fragments) if (f.line !== last) {
    count++;
    last = f.line;
  }
  return count;
}

/** The text of each line some tokens are printed on, in line order, compacted for comparison (NFKC, no whitespace); none for fewer than three lines. */
function textByLine(tokens: readonly Token[]): { line: number; text: string }[] {
  // Most labels and cells sit on one or two lines, which no swap check weighs: skip their texts.
  if (lineCount(tokens) < 3) return [];
  const byLine = new Map<number, string>();
  for (const token of tokens) for (const f of token.fragments) byLine.set(f.line, (byLine.get(f.line) ?? '') + f.text);
  return [...byLine].sort((a, b) => a[0] - b[0]).map(([line, text]) => ({ line, text: compactText(text) }));
}

/**
 * Two wrapped lines swapped (`学校との連絡に関` ⏎ `学校評価における`) keep every width and every empty
 * line, so only the words can tell. A soft wrap cuts a word or phrase at the column's edge, so the
 * two characters it joins are nearly always printed together elsewhere in the same text (`関|す` of
 * 関する) or inside one dictionary word (`処|分` of 処分). When a label, or a target cell wrapped over
 * lines of its own (2-1-13's `令和８年度` ⏎ `からシステ` ⏎ `ムでの所有` ⏎ `権移転処理`), has a soft
 * break neither attests, but with two of its lines in the other order every soft break is attested,
 * the lines were most likely swapped: an error a person checks against the PDF. None of the 113
 * labels of three lines or more of both real texts reads so (the last line never moves, so shorter
 * ones are not weighed). The dated year texts of initiatives (2021's 2-2-4: `令和元年度・` ⏎
 * `令和 ２年度` ⏎ `分`) are lists, whose breaks join what no phrase does, and are not weighed; nor is
 * a cell sharing a line with other cells (laid out by the cells, not by wrapping).
 */
function checkLineOrder(draft: RowDraft, kind: TableKind, widths: LineWidths, lineTexts: ReadonlyMap<number, string>, evidence: JoinEvidence, file: string | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (found: SwappedLines): Position => ({ start: { line: found.first, column: 1 }, end: { line: found.second, column: widths.get(found.second)!.endColumn } });
  const soft = (lines: { line: number; text: string }[]) => lines.map((l) => ({ ...l, soft: widths.get(l.line)?.soft ?? false }));
  const label = swappedLines(soft(textByLine(draft.label)), evidence, 'label');
  if (label) diagnostics.push(diagnose('table/label-lines-swapped', 'otherOrder', label, { file, position: at(label) }));
  if (kind !== 'indicator') return diagnostics;
  for (const cell of draft.cells) {
    const lines = textByLine(cell.tokens);
    if (lines.some((l) => compactText(lineTexts.get(l.line) ?? '') !== l.text)) continue;
    const found = swappedLines(soft(lines), evidence, 'label');
    if (!found) continue;
    diagnostics.push(diagnose('table/label-lines-swapped', 'cellOtherOrder', { ...found, label: labelTextOf(draft), cell: found.label }, { file, position: at(found) }));
  }
  return diagnostics;
}

/** The same non-empty line printed twice in a row inside a table: an extraction slip, never a layout. */
function checkRepeatedLines(lines: readonly TableLine[], kind: TableKind, file: string | null, subject: string | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1]!;
    if (line.text === previous.text) {
      diagnostics.push(
        diagnose('table/repeated-line', 'twice', { table: kind === 'indicator' ? '評価指標' : '年度ごとの取組', text: line.text.trim() === '' ? null : line.text.trim(), width: [...line.text].length }, {
          file,
          subject,
          position: { start: { line: previous.line, column: previous.column }, end: { line: line.line, column: line.column + [...line.text].length } },
        }),
      );
    }
  }
  return diagnostics;
}
