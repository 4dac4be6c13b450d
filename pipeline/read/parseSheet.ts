/**
 * Stage `parse`: parses one project sheet (個別事業シート) — the lines from its `名称` to the line before the next
 * sheet or banner, page furniture already removed — into a positioned `SheetNode`.
 *
 * A sheet is a form: each section starts with its heading word at a line start (`名称`, `番号`,
 * `主管課等`, `関係課等`, `概要`, `目指すもの`, `年度ごとの取組`, `取組内容`, `評価指標`, `指標の考え方`,
 * `終了理由`), with its content on the rest of that line and on the following lines. Headings are only
 * recognised in form order, so prose that happens to begin with one of these words stays prose.
 */
import { diagnose, findingId, type Diagnostic, type Position } from '../diagnostics.js';
import { SHEET_SECTIONS, type DepartmentNode, type LineRole, type PrintedText, type PrintedValue, type SheetNode, type SourceLine } from './document.js';

export { SHEET_SECTIONS } from './document.js';
import { tagsIn } from './parseOutline.js';
import { parseTable, type TableLine } from './parseTable.js';
import { CONNECTIVE, startsSentence, swappedProse, type JoinEvidence } from './joinEvidence.js';
import { compactText, isBlank, isWrapped, nfkc, parsePlanNumber, spacedLetters, spacedPattern } from '../common/text.js';
import { append } from '../common/arrays.js';

type Section = (typeof SHEET_SECTIONS)[number];

// A heading word printed with a space inside it (`概 要`) is still the heading: read as text, it would
// publish the heading and the section's text in another section (`関係 課等` in the lead department).
const HEADING = new RegExp(`^(\\s*)(${SHEET_SECTIONS.map(spacedPattern).join('|')})(?=\\s|$)`);
const NUMBER_HEADING = new RegExp(`^(.*?)\\s+${spacedPattern('番号')}\\s+(\\S.*?)\\s*$`);
const RELATED_HEADING = new RegExp(`^(.*?)\\s*${spacedPattern('関係課等')}(?:\\s(.*))?$`);

/** The sheet with the role of each line it consumed. */
export interface ParsedSheet {
  sheet: SheetNode;
  roles: LineRole[];
  diagnostics: Diagnostic[];
}

interface Chunk {
  section: Section;
  /** The heading line and the lines after it, up to the next heading. */
  lines: { line: number; column: number; text: string }[];
  headingLine: number;
}

function position(line: number, column: number, text: string): Position {
  return { start: { line, column }, end: { line, column: column + [...text].length } };
}

function toPrinted(lines: readonly { line: number; column: number; text: string }[]): PrintedText | null {
  const kept = lines.filter((l) => !isBlank(l.text));
  if (kept.length === 0) return null;
  const first = kept[0]!;
  const last = kept.at(-1)!;
  return {
    fragments: kept.map((l) => l.text),
    position: { start: { line: first.line, column: first.column }, end: { line: last.line, column: last.column + [...last.text].length } },
  };
}

/** A table's year headings ending a line of text: the heading word or a fiscal year, then fiscal years with only spaces between. */
const YEAR_HEADINGS = /(?:年度ごとの取組|(?:令和|平成)[\s\u3000]*[0-9０-９元]{1,2}[\s\u3000]*年度)(?:[\s\u3000]+(?:令和|平成)[\s\u3000]*[0-9０-９元]{1,2}[\s\u3000]*年度)+[\s\u3000]*$/;

/** The sections of a sheet that hold prose. */
const PROSE_SECTIONS = ['概要', '目指すもの', '指標の考え方', '終了理由'] as const;

/** Headings that start the form: seen again after later sections, they mean a sheet lost its 名称 line. */
const FORM_START: readonly Section[] = ['番号', '主管課等', '関係課等', '概要', '目指すもの', '年度ごとの取組'];

/** Splits the sheet's lines into sections at headings that appear in form order. */
function toChunks(lines: readonly SourceLine[]): { chunks: Chunk[]; before: SourceLine[]; outOfOrder: SourceLine[]; repeated: SourceLine[] } {
  const chunks: Chunk[] = [];
  const before: SourceLine[] = [];
  const outOfOrder: SourceLine[] = [];
  // A later heading word at a line start read as content of the section it follows: `評価指標 利用率 …` printed twice.
  const repeated: SourceLine[] = [];
  let order = -1;
  for (const line of lines) {
    const match = HEADING.exec(line.text);
    const section = match?.[2]?.replace(/[ \u3000]/g, '') as Section | undefined;
    const index = section ? SHEET_SECTIONS.indexOf(section) : -1;
    if (section && index <= order && FORM_START.includes(section) && order >= SHEET_SECTIONS.indexOf('概要')) outOfOrder.push(line);
    else if (section && index >= 0 && index <= order && !FORM_START.includes(section)) repeated.push(line);
    if (match && section && index > order) {
      order = index;
      const column = match[1]!.length + match[2]!.length + 1;
      // One space separates the heading from content on the same line.
      const rest = line.text.slice(match[0].length).replace(/^ /, '');
      chunks.push({ section, headingLine: line.line, lines: [{ line: line.line, column: column + 1, text: rest }] });
      continue;
    }
    const current = chunks.at(-1);
    if (current) current.lines.push({ line: line.line, column: 1, text: line.text });
    else before.push(line);
  }
  return { chunks, before, outOfOrder, repeated };
}

/** Splits the 名称 line `名称 X 番号 Y` (or its multi-line form) into name fragments and the number. */
function splitNameAndNumber(chunks: Chunk[]): void {
  const name = chunks.find((c) => c.section === '名称');
  if (!name || chunks.some((c) => c.section === '番号')) return;
  const first = name.lines[0];
  if (!first) return;
  const match = NUMBER_HEADING.exec(first.text);
  if (!match) return;
  const numberColumn = first.column + first.text.indexOf(match[2]!, match[1]!.length);
  name.lines[0] = { ...first, text: match[1]! };
  chunks.splice(chunks.indexOf(name) + 1, 0, {
    section: '番号',
    headingLine: first.line,
    lines: [{ line: first.line, column: numberColumn, text: match[2]! }],
  });
}

/** Splits the `主管課等 A 関係課等 B` line into the two sections. */
function splitDepartments(chunks: Chunk[]): void {
  const lead = chunks.find((c) => c.section === '主管課等');
  if (!lead || chunks.some((c) => c.section === '関係課等')) return;
  const first = lead.lines[0];
  if (!first) return;
  const match = RELATED_HEADING.exec(first.text);
  if (!match) return;
  const rest = match[2] ?? '';
  const restColumn = first.column + first.text.length - rest.length;
  lead.lines[0] = { ...first, text: match[1]! };
  chunks.splice(chunks.indexOf(lead) + 1, 0, {
    section: '関係課等',
    headingLine: first.line,
    lines: [{ line: first.line, column: restColumn, text: rest }, ...lead.lines.slice(1)],
  });
  lead.lines = [lead.lines[0]!];
}

/** One department per printed line and per `、`: `行政経営課、 ` / `情報システム課` → two departments. */
function toDepartments(chunk: Chunk | undefined): DepartmentNode[] {
  if (!chunk) return [];
  const out: DepartmentNode[] = [];
  for (const l of chunk.lines) {
    let offset = 0;
    for (const part of l.text.split(/[、,，]/)) {
      const trimmed = part.trim();
      if (trimmed !== '') {
        const column = l.column + offset + part.indexOf(trimmed);
        out.push({ printed: trimmed, position: position(l.line, column, trimmed) });
      }
      offset += part.length + 1;
    }
  }
  return out;
}

/**
 * A line inside a sheet after two empty lines: the extraction separates a sheet's lines by one, so a
 * line was lost there (a dropped table row or prose line would change what is published).
 */
function checkLostLines(lines: readonly SourceLine[], afterEmptyRun: ReadonlySet<number> | undefined, file: string | null, subject: string | null): Diagnostic[] {
  if (!afterEmptyRun || afterEmptyRun.size === 0) return [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!afterEmptyRun.has(line.line)) continue;
    const previous = lines.slice(0, i).filter((l) => !isBlank(l.text)).at(-1);
    // A line of spaces is a table row's empty cells: quoted as 「」 it would read as nothing at all.
    const quoted = (l: SourceLine) => ({ line: l.line, text: l.text.trim() });
    diagnostics.push(
      diagnose('sheet/lost-line', 'gap', { previous: previous ? quoted(previous) : null, line: quoted(line) }, {
        file,
        subject,
        position: { start: { line: line.line - 2, column: 1 }, end: { line: line.line, column: 1 + [...line.text].length } },
        finding: findingId('sheet/lost-line', subject ?? '-', [previous?.text ?? null, line.text]),
      }),
    );
  }
  return diagnostics;
}

/** Parses one sheet; `years` is the number of fiscal years of the plan period. */
export function parseSheet(
  lines: readonly SourceLine[],
  context: {
    file: string | null;
    years: number;
    bannerPolicy: number | null;
    bannerMeasure: number | null;
    /** Lines printed after two or more empty lines (see `parsePlanDocument`). */
    afterEmptyRun?: ReadonlySet<number>;
    /** The lines after the sheet that are not empty, up to the next printed one (a page break's spaces, a banner, the next sheet). */
    followedBy?: readonly SourceLine[];
    /** What attests the joins of the whole text's wrapped lines (`toJoinEvidence`), for the check of swapped lines. */
    joinEvidence?: JoinEvidence;
  },
): ParsedSheet {
  const { file, years } = context;
  const diagnostics: Diagnostic[] = [];
  const roles: LineRole[] = [];
  const { chunks, before, outOfOrder, repeated } = toChunks(lines);
  for (const line of repeated) {
    diagnostics.push(
      diagnose('sheet/repeated-heading', 'again', { heading: line.text.trim() }, {
        file,
        position: position(line.line, 1, line.text),
        finding: findingId('sheet/repeated-heading', '-', [line.text]),
      }),
    );
  }
  for (const line of outOfOrder) {
    diagnostics.push(
      diagnose('sheet/heading-out-of-order', 'noName', { heading: line.text.trim() }, {
        file,
        position: position(line.line, 1, line.text),
      }),
    );
  }
  splitNameAndNumber(chunks);
  splitDepartments(chunks);
  const get = (section: Section) => chunks.find((c) => c.section === section);

  for (const line of before) {
    if (!isBlank(line.text)) {
      diagnostics.push(
        diagnose('sheet/unexpected-line', 'beforeName', { text: line.text.trim() }, {
          file,
          position: position(line.line, 1, line.text),
        }),
      );
    }
  }
  const sheetPosition: Position = {
    start: { line: lines[0]?.line ?? 0, column: 1 },
    end: { line: lines.at(-1)?.line ?? 0, column: (lines.at(-1)?.text.length ?? 0) + 1 },
  };

  const nameChunk = get('名称');
  const numberChunk = get('番号');
  // `名称 X 番号 Y` on one line is the whole header line: the form prints 主管課等 next, so a line
  // between them is a line out of place (it would be read as part of the name).
  if (nameChunk && numberChunk && numberChunk.headingLine === nameChunk.lines[0]?.line) {
    const stray = nameChunk.lines.slice(1).filter((l) => !isBlank(l.text));
    for (const line of stray) {
      diagnostics.push(
        diagnose('sheet/stray-line', 'afterName', { text: line.text.trim() }, {
          file,
          position: position(line.line, 1, line.text),
          finding: findingId('sheet/stray-line', '-', [nameChunk.lines[0]!.text, line.text]),
        }),
      );
    }
  }
  const nameText = nameChunk ? toPrinted(nameChunk.lines) : null;
  const numberLine = numberChunk?.lines.find((l) => !isBlank(l.text));
  const number: PrintedValue | null = numberLine
    ? { printed: numberLine.text.trim(), position: position(numberLine.line, numberLine.column, numberLine.text.trim()) }
    : null;
  const tags = nameText ? tagsIn(nameText.fragments.join('')) : [];

  const yearChunk = get('年度ごとの取組');
  const yearHeadings: PrintedValue[] = [];
  if (yearChunk) {
    const first = yearChunk.lines[0]!;
    let offset = 0;
    for (const part of first.text.split(' ')) {
      if (part.trim() !== '') yearHeadings.push({ printed: part, position: position(first.line, first.column + offset, part) });
      offset += part.length + 1;
    }
    // The year heading is one line; text after it before 取組内容 is a table line that lost its place.
    for (const line of yearChunk.lines.slice(1).filter((l) => !isBlank(l.text))) {
      diagnostics.push(
        diagnose('sheet/stray-line', 'between', { text: line.text.trim() }, {
          file,
          position: position(line.line, 1, line.text),
          finding: findingId('sheet/stray-line', '-', [first.text, line.text]),
        }),
      );
    }
  }

  const tableLines = (chunk: Chunk | undefined): TableLine[] =>
    (chunk?.lines ?? []).filter((l) => l.text !== '').map((l) => ({ line: l.line, column: l.column, text: l.text }));
  // Table findings name the project they are in (its plan id when the number reads as one).
  const tableSubject = number ? (parsePlanNumber(number.printed) ?? number.printed) : null;
  const evidence = context.joinEvidence ?? null;
  const initiatives = parseTable(tableLines(get('取組内容')), 'initiative', years, file, tableSubject, get('評価指標') !== undefined, evidence);
  const indicators = parseTable(tableLines(get('評価指標')), 'indicator', years, file, tableSubject, false, evidence);
  append(diagnostics, initiatives.diagnostics);
  append(diagnostics, indicators.diagnostics);
  // The sheet's last row lost leaves its empty lines before whatever follows the sheet.
  append(diagnostics, checkLostLines([...lines, ...(context.followedBy ?? [])], context.afterEmptyRun, file, tableSubject));

  const departments = { leadDepartments: toDepartments(get('主管課等')), relatedDepartments: toDepartments(get('関係課等')) };

  // A section's printed lines (not the empty ones between them), which every check of its text weighs.
  const printedLines = (section: Section) => (get(section)?.lines ?? []).filter((l) => !isBlank(l.text));

  // Where a finding about one printed line of a section is, and its id.
  const atLine = (code: 'sheet/repeated-line' | 'sheet/table-line-in-text' | 'sheet/text-ends-mid-line' | 'sheet/section-starts-mid-text', section: Section, line: { line: number; column: number; text: string }) => ({
    file,
    subject: tableSubject,
    position: position(line.line, line.column, line.text),
    finding: findingId(code, tableSubject ?? '-', [section, line.text]),
  });

  // A list of departments ends with its last name, and names each department once: a line of it lost
  // leaves the 、 before it dangling (`行政経営課、` ⏎ `関係課等 …`), a line printed twice lists a
  // department twice. Neither real text does either.
  for (const [section, nodes] of [['主管課等', departments.leadDepartments], ['関係課等', departments.relatedDepartments]] as const) {
    const printed = printedLines(section);
    const last = printed.at(-1);
    if (last && /[、,，]\s*$/.test(last.text)) {
      diagnostics.push(
        diagnose('sheet/department-list', 'dangling', { section, text: last.text.trim() }, {
          file,
          subject: tableSubject,
          position: position(last.line, last.column, last.text),
          finding: findingId('sheet/department-list', tableSubject ?? '-', [section, 'dangling', last.text]),
        }),
      );
    }
    const seen = new Set<string>();
    for (const node of nodes) {
      const name = nfkc(node.printed).replace(/\s+/g, '');
      if (!seen.has(name)) {
        seen.add(name);
        continue;
      }
      diagnostics.push(
        diagnose('sheet/department-list', 'twice', { section, name: node.printed }, {
          file,
          subject: tableSubject,
          position: node.position,
          finding: findingId('sheet/department-list', tableSubject ?? '-', [section, 'twice', node.printed]),
        }),
      );
    }
  }

  // A prose line printed twice in a row would be published twice; neither text ever prints one so.
  for (const section of ['名称', '概要', '目指すもの', '指標の考え方', '終了理由'] as const) {
    const printed = printedLines(section);
    printed.forEach((line, i) => {
      if (i === 0 || line.text.trim() !== printed[i - 1]!.text.trim()) return;
      diagnostics.push(diagnose('sheet/repeated-line', 'twice', { section, text: line.text.trim() }, atLine('sheet/repeated-line', section, line)));
    });
  }

  // The extraction ends a line with a space where the PDF's line ends by itself (a paragraph's end, the
  // cell's end) and with text where it wrapped, so a section's last line ends in a space: all 278 prose
  // sections of both real texts do. One that ends in text is a wrapped line moved to the end (two lines
  // swapped) or the section's real last line lost or moved away.
  for (const section of PROSE_SECTIONS) {
    const last = printedLines(section).at(-1);
    if (!last || !isWrapped(last.text)) continue;
    diagnostics.push(diagnose('sheet/text-ends-mid-line', 'wrapped', { section, text: last.text.trim() }, atLine('sheet/text-ends-mid-line', section, last)));
  }

  // A run of spaces between two printed words is how the extraction separates table cells; no prose
  // line of either real text has one, so such a line in the text is a table row moved out of its table
  // (1-2-8's last indicator swapped below 指標の考え方 would be published as the rationale's first line).
  // The year headings (`年度ごとの取組 令和３年度 令和４年度 …`) joined onto the text's last line would be
  // published as its end, the heading lost: no prose names two fiscal years with only a space between.
  // The place and finding id are made only for a line found (hashing every prose line's took about 4 % of `parse` at 100×).
  for (const section of PROSE_SECTIONS) {
    const printed = printedLines(section);
    for (const line of printed) {
      if (/\S {2,}\S/.test(line.text)) diagnostics.push(diagnose('sheet/table-line-in-text', 'cells', { section, text: line.text.trim() }, atLine('sheet/table-line-in-text', section, line)));
      // Only at the end of the section's last line; a line starting with the heading word is the
      // heading misread, which `sheet/lost-section` names.
      else if (line === printed.at(-1) && YEAR_HEADINGS.test(line.text) && !/^[\s\u3000]*年度ごとの取組/.test(line.text)) diagnostics.push(diagnose('sheet/table-line-in-text', 'yearHeadings', { section, text: line.text.trim() }, atLine('sheet/table-line-in-text', section, line)));
    }
  }

  // A section starts a sentence. One that starts mid-sentence (`き手続や、…`: a particle or an ending, a
  // small kana or closing punctuation; see `startsSentence`) lost its first line,
  // printed right under the heading with no empty line to show the gap. One that starts with a
  // connective adding to a sentence before it (`また、`, `なお、`) holds a paragraph of the section
  // above (the heading and a line swapped) or lost its first paragraph. None of the 278 sections of
  // either real text does either.
  for (const section of PROSE_SECTIONS) {
    const first = printedLines(section)[0];
    if (!first) continue;
    const text = compactText(first.text);
    const connective = CONNECTIVE.exec(text)?.[0];
    if (connective) {
      diagnostics.push(diagnose('sheet/section-starts-mid-text', 'connective', { section, connective, text: first.text.trim() }, atLine('sheet/section-starts-mid-text', section, first)));
    } else if (evidence && text !== '' && !startsSentence(text, evidence)) {
      diagnostics.push(diagnose('sheet/section-starts-mid-text', 'continuation', { section, text: first.text.trim() }, atLine('sheet/section-starts-mid-text', section, first)));
    } else {
      // A closing bracket with no opening one before it in the section (`窓口」システムの利用率`):
      // the line that opened it, at the section's start or in its middle, was lost.
      const lines = printedLines(section);
      const unopened = unopenedCloser(lines.map((l) => l.text));
      if (unopened) {
        const line = lines[unopened.line]!;
        diagnostics.push(diagnose('sheet/section-starts-mid-text', 'unopened', { section, closer: unopened.closer, text: line.text.trim() }, atLine('sheet/section-starts-mid-text', section, line)));
      }
    }
  }

  // Two wrapped lines swapped keep every width, ending and empty line, so only the words tell: as for a
  // table's label (`table/label-lines-swapped`), a soft break joining what the text prints together
  // nowhere else and no dictionary word spans, which the two lines in the other order would avoid.
  if (evidence) {
    for (const section of PROSE_SECTIONS) {
      const found = swappedProse(printedLines(section), evidence);
      if (!found) continue;
      const [first, second] = found;
      diagnostics.push(
        diagnose('sheet/lines-swapped', 'otherOrder', { section, first: first.line, second: second.line, firstText: first.text.trim(), secondText: second.text.trim() }, {
          file,
          subject: tableSubject,
          position: { start: { line: first.line, column: first.column }, end: { line: second.line, column: second.column + [...second.text].length } },
          finding: findingId('sheet/lines-swapped', tableSubject ?? '-', [section, first.text, second.text]),
        }),
      );
    }
  }

  const prose = (section: Section) => {
    const chunk = get(section);
    return chunk ? toPrinted(chunk.lines) : null;
  };

  const sheet: SheetNode = {
    position: sheetPosition,
    number,
    name: nameText,
    tags,
    leadDepartments: departments.leadDepartments,
    relatedDepartments: departments.relatedDepartments,
    summary: prose('概要'),
    objective: prose('目指すもの'),
    yearHeadings,
    initiatives: initiatives.rows,
    indicators: indicators.rows,
    indicatorRationale: prose('指標の考え方'),
    endReason: prose('終了理由'),
    sections: chunks.map((c) => c.section),
    bannerPolicy: context.bannerPolicy,
    bannerMeasure: context.bannerMeasure,
  };

  const roleKind: Record<Section, string> = {
    名称: 'sheet.name',
    番号: 'sheet.number',
    主管課等: 'sheet.leadDepartments',
    関係課等: 'sheet.relatedDepartments',
    概要: 'sheet.summary',
    目指すもの: 'sheet.objective',
    年度ごとの取組: 'sheet.yearHeadings',
    取組内容: 'sheet.initiatives',
    評価指標: 'sheet.indicators',
    指標の考え方: 'sheet.indicatorRationale',
    終了理由: 'sheet.endReason',
  };
  const seen = new Set<number>();
  const textOf = new Map(lines.map((l) => [l.line, l.text]));
  for (const chunk of chunks) {
    for (const l of [{ line: chunk.headingLine }, ...chunk.lines]) {
      if (seen.has(l.line)) continue;
      seen.add(l.line);
      if (!isBlank(textOf.get(l.line) ?? '')) roles.push({ line: l.line, role: 'content', kind: roleKind[chunk.section] });
    }
  }

  const subject = number ? number.printed : null;
  if (!nameText || nfkc(nameText.fragments.join('')).replace(/【[^】]*】/g, '').trim() === '') {
    diagnostics.push(diagnose('sheet/missing-name', 'none', {}, { file, position: sheetPosition, subject }));
  }
  if (!number) {
    diagnostics.push(diagnose('sheet/missing-number', 'none', {}, { file, position: sheetPosition }));
  }
  // Latin letters or digits the extraction spaced apart (`生成A Iの活用`, `GI GAスクール`, `9 0%`) would
  // be published with the space: in the name, the departments and the sheet's prose.
  const words = context.joinEvidence?.latinWords;
  const texts: [string, PrintedText | null, boolean][] = [
    ['名称', nameText, false],
    ['主管課等', toPrinted(sheet.leadDepartments.map((d) => ({ line: d.position.start.line, column: d.position.start.column, text: d.printed }))), false],
    ['関係課等', toPrinted(sheet.relatedDepartments.map((d) => ({ line: d.position.start.line, column: d.position.start.column, text: d.printed }))), false],
    ['概要', sheet.summary, true],
    ['目指すもの', sheet.objective, true],
    ['指標の考え方', sheet.indicatorRationale, true],
    ['終了理由', sheet.endReason, true],
  ];
  for (const [section, text, prose] of texts) {
    const spaced = text?.fragments.map((f) => spacedLetters(f, words, prose)).find((found) => found !== null);
    if (!text || !spaced) continue;
    diagnostics.push(
      diagnose('sheet/space-in-word', 'latin', { section, text: text.fragments.map((f) => f.trim()).join(''), spaced }, {
        file,
        position: text.position,
        subject,
        finding: findingId('sheet/space-in-word', subject ?? '-', [section, text.fragments]),
      }),
    );
  }
  return { sheet, roles, diagnostics };
}

/** The pairs of brackets a section's text opens and closes, each closer to its opener (full and half width alike). */
const BRACKET_PAIRS: Readonly<Record<string, string>> = { '」': '「', '』': '『', '）': '（', ')': '（', '】': '【', '］': '［', ']': '［' };

const OPENERS = new Set(Object.values(BRACKET_PAIRS));

/** The first closing bracket of the lines, read in order, that no opening bracket of its kind before it opened (its line's index), or null. */
export function unopenedCloser(lines: readonly string[]): { line: number; closer: string } | null {
  const depth = new Map<string, number>();
  for (const [line, text] of lines.entries()) {
    for (const ch of text) {
      const opener = ch === '(' ? '（' : ch === '[' ? '［' : ch;
      if (OPENERS.has(opener)) depth.set(opener, (depth.get(opener) ?? 0) + 1);
      const closes = BRACKET_PAIRS[ch];
      if (closes === undefined) continue;
      const open = depth.get(closes) ?? 0;
      if (open === 0) return { line, closer: ch };
      depth.set(closes, open - 1);
    }
  }
  return null;
}
