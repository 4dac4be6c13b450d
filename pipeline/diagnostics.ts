/**
 * The one catalog of diagnostics. Every problem any stage can report is listed here with a stable
 * rule code, a severity and a message in one wording style (what was expected, what was found), so
 * reports, tests and the README agree. Stages return diagnostics as data; nothing is thrown.
 */
import { hash } from 'node:crypto';
import { renderMessage, type Lang, type ParamsOf, type Variant } from './messages.js';

/** The language a diagnostic is printed in (from the catalog, here for the callers of `formatDiagnostic`). */
export type { Lang } from './messages.js';

/** How serious a diagnostic is: errors fail the build, warnings and infos are reported. */
export type Severity = 'error' | 'warning' | 'info';

/** A point in a source file, 1-based like editors show it. */
export interface Point {
  line: number;
  column: number;
}

/** A span in a source file. */
export interface Position {
  start: Point;
  end: Point;
}

/** One reported problem: a rule code from the catalog, where it is, and what was expected. */
export interface Diagnostic {
  code: RuleCode;
  severity: Severity;
  /** The message in Japanese, as the staff read it (from the catalog in messages.ts). */
  message: string;
  /** The same message in English. */
  messageEn: string;
  file: string | null;
  position: Position | null;
  /** Id of the project, indicator or revision entry concerned, when there is one. */
  subject: string | null;
  /**
   * For a finding a person may decide on (a rule marked `reviewable`): its stable id, the same in every
   * build of the same text and different as soon as what it is about reads differently; null otherwise.
   */
  finding: string | null;
  /** A person's decision on this finding, from the edition's review file (set by `reviewEdition`); absent otherwise. */
  decision?: FindingDecision;
}

/** A person's decision on a finding, as the edition's review file records it. */
export interface FindingDecision {
  decision: 'accept' | 'reject';
  reason: string;
  by: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
}

interface Rule {
  severity: Severity;
  description: string;
  /** An error a person may accept, by its finding id, in the edition's review file. */
  reviewable?: true;
}

/** Every rule, by code. The description says what the rule checks, in the catalog's wording style. */
export const RULES = {
  'input/empty': { severity: 'error', description: 'Expected edition text, found an empty file' },
  'input/not-text': { severity: 'error', description: 'Expected UTF-8 or Shift_JIS (CP932) text, found binary data or another encoding' },
  'input/no-outline': { severity: 'error', description: 'Expected the 個別事業一覧 list before the first sheet' },
  'input/unfamiliar-layout': {
    severity: 'error',
    description: 'Expected the layout of the known extraction (about 7 in 10 lines ending in a space, nearly 9 in 10 neighbouring lines one empty line apart; at least 35 % and 50 %), found a text laid out otherwise, which the table reading cannot rely on',
  },
  'input/no-sheets': { severity: 'error', description: 'Expected at least one project sheet (名称 … 番号 …)' },
  'meta/missing': { severity: 'error', description: 'Expected an edition.json metadata file in the edition folder' },
  'meta/invalid': { severity: 'error', description: 'Expected edition.json to match schemas/edition.schema.json' },
  'meta/unsafe-id': { severity: 'error', description: 'Expected an edition id that is a safe folder name' },
  'meta/no-text': { severity: 'error', description: 'Expected exactly one .txt edition text in the edition folder' },
  'coverage/unaccounted-line': {
    severity: 'error',
    description: 'Expected every non-blank line to be content or page furniture, found an unclassified line (its text would not be published)',
    reviewable: true,
  },
  'outline/bad-entry-number': {
    severity: 'error',
    description: 'Expected a project entry `(n)` under a 事業推進計画 in the 個別事業一覧',
  },
  'sheet/missing-number': { severity: 'error', description: 'Expected `番号` in the sheet header' },
  'sheet/bad-number': { severity: 'error', description: 'Expected a project number like `１－１－（１）`' },
  'sheet/missing-name': { severity: 'error', description: 'Expected `名称` with a project name' },
  'sheet/duplicate-number': { severity: 'error', description: 'Expected each project number on one sheet only' },
  'sheet/repeated-heading': {
    severity: 'error',
    description: 'Expected each section heading once in a sheet, found one again inside a later section (a line printed twice or out of place)',
    reviewable: true,
  },
  'sheet/stray-line': {
    severity: 'error',
    description: 'Expected nothing between the 年度ごとの取組 heading and 取組内容, nor between a one-line `名称 … 番号 …` and 主管課等, found a line (a line out of place)',
    reviewable: true,
  },
  'sheet/lost-line': {
    severity: 'error',
    description: 'Expected one empty line between two lines of a sheet (the extraction\'s layout), found two or more: a line was lost',
    reviewable: true,
  },
  'sheet/lost-section': {
    severity: 'error',
    description: 'Expected a table section (年度ごとの取組, 取組内容, 評価指標) where the sheet prints the heading, the table or the explanation that goes with it (its lines were lost, or its heading line did not read as one)',
    reviewable: true,
  },
  'sheet/missing-section': {
    severity: 'error',
    description: 'Expected every standard section in the sheet (a heading misread moves its text into the section above)',
    reviewable: true,
  },
  'sheet/missing-year-heading': {
    severity: 'warning',
    description: 'Expected the 年度ごとの取組 heading before 取組内容 (its line lost changes nothing published: the years are the plan\'s)',
  },
  'sheet/unexpected-line': { severity: 'warning', description: 'Expected a line of the current sheet section' },
  'sheet/heading-out-of-order': {
    severity: 'error',
    description: 'Expected sheet headings in form order; an earlier heading later in a sheet means a sheet lost its 名称 line',
  },
  'sheet/bad-year-heading': {
    severity: 'error',
    description: 'Expected the 年度ごとの取組 heading to list the five fiscal years of the plan period',
  },
  'table/too-many-cells': {
    severity: 'error',
    description: 'Expected at most one cell per fiscal year in a table row',
    reviewable: true,
  },
  'table/unplaced-cells': {
    severity: 'error',
    description: 'Expected the cells of a table row to fit the fiscal years in one way only',
    reviewable: true,
  },
  'table/extra-empty-cells': {
    severity: 'error',
    reviewable: true,
    description: 'Expected no empty cells after the last fiscal year, found some (dropped when accepted: a space added before a value would move it to a later year and leave one more empty cell at the end)',
  },
  'table/empty-indicator': { severity: 'error', description: 'Expected at least one target cell in an indicator row', reviewable: true },
  'table/label-runs-on': {
    severity: 'error',
    description: "Expected a row's cells after a label that reads as a complete name, found more label text (two rows run together)",
    reviewable: true,
  },
  'table/label-cut-short': {
    severity: 'error',
    description: "Expected a row's label to end before its cells, found it wrapping into them (a label line lost)",
    reviewable: true,
  },
  'table/label-starts-mid-phrase': {
    severity: 'error',
    description: 'Expected a row label to start with a name, found a particle, a small kana or a closing bracket (a label line lost)',
    reviewable: true,
  },
  'table/value-in-label': {
    severity: 'error',
    description: 'Expected a name in the label column, found a value (a table line lost or out of place)',
    reviewable: true,
  },
  'table/values-run-together': {
    severity: 'error',
    description: 'Expected one value per year cell, found a cell whose wrapped line starts another value (two cells run together)',
    reviewable: true,
  },
  'table/text-in-value': {
    severity: 'error',
    description: 'Expected a year cell that starts with a number to hold the number, its unit and qualifier only, found more text after the number (a label line read into the cell)',
    reviewable: true,
  },
  'table/value-without-unit': {
    severity: 'error',
    description: "Expected every number of an indicator row to carry a unit when its other years' numbers do (neither real edition mixes them), found a bare number",
    reviewable: true,
  },
  'table/unit-without-value': {
    severity: 'error',
    description: 'Expected a number with every unit in a year cell, found a unit alone (its number is elsewhere)',
    reviewable: true,
  },
  'table/heading-in-row': {
    severity: 'error',
    description: 'Expected a sheet heading (指標の考え方 …) on a line of its own, found it read as a label or a cell (two lines joined)',
    reviewable: true,
  },
  'table/label-lines-joined': {
    severity: 'error',
    description: 'Expected the lines of a label on lines of their own, found two Japanese words on one label line with a space between (two lines joined)',
    reviewable: true,
  },
  'table/duplicate-row-name': {
    severity: 'error',
    description: 'Expected every row of a table to have its own name, found two with the same name (a label line lost or moved)',
    reviewable: true,
  },
  'table/row-without-cells': {
    severity: 'error',
    description: 'Expected the last initiative row before the 評価指標 table to end with its year cells, found none (a line of the next table moved into this one)',
    reviewable: true,
  },
  'table/label-line-spacing': {
    severity: 'error',
    description: 'Expected a row\'s label lines spaced from its cells as the extraction prints them (one line: the first cell on it; two lines: the cells\' line directly after), found otherwise (a label line lost or moved)',
    reviewable: true,
  },
  'table/label-lines-swapped': {
    severity: 'error',
    description: 'Expected a wrapped label\'s soft line breaks to join characters the text prints together elsewhere or a dictionary word spans, found a join that is neither, which two of its soft-wrapped lines in the other order would avoid (two label lines swapped)',
    reviewable: true,
  },
  'sheet/repeated-line': {
    severity: 'error',
    description: 'Expected each line of a sheet\'s text (名称, 概要, 目指すもの, 指標の考え方, 終了理由) once, found the same line printed twice in a row',
    reviewable: true,
  },
  'table/stray-empty-cells': {
    severity: 'error',
    description: 'Expected a line of empty cells to belong to a row that still lacks year cells, found it after a row with a cell for every year (another row\'s label line lost)',
    reviewable: true,
  },
  'table/space-in-word': {
    severity: 'error',
    description: 'Expected no space inside a Latin word or a number in a label (neither real text prints one), found one: a lone letter beside another Latin word or number (`公開型G IS搭載`, `（S 54〜R3分）`), two numbers side by side (`S5 4`), a word going on in small letters after the space (`Twit ter`; small English words such as for, of, mini are let through), or two Latin words the same text prints elsewhere as one (`You Tube` where it prints `YouTube`): the published name would keep the space',
    reviewable: true,
  },
  'sheet/departments-joined': {
    severity: 'error',
    description: 'Expected each department of 主管課等/関係課等 on its own, found a name made of two department names (two 〜課 names, or names the edition prints on their own: the 、 between them lost)',
    reviewable: true,
  },
  'sheet/text-ends-mid-line': {
    severity: 'error',
    description: "Expected the last line of 概要, 目指すもの, 指標の考え方 and 終了理由 to end in a space, as the extraction ends a line the PDF ends by itself (all 278 such sections of both real texts do), found one ending in text: a wrapped line moved to the end, or the section's last line lost or moved",
    reviewable: true,
  },
  'sheet/section-starts-mid-text': {
    severity: 'error',
    description: "Expected 概要, 目指すもの, 指標の考え方 and 終了理由 to start a sentence of their own, found one starting mid-sentence (a particle or an ending, a small kana or closing punctuation: the first line lost) or with a connective that adds to a sentence before it (また、, なお、, さらに、 …: a paragraph of the section above moved below the heading, or the first paragraph lost); none of the 278 such sections of both real texts does either; or a closing bracket no bracket before it in the section opened (the line that opened it lost)",
    reviewable: true,
  },
  'sheet/lines-swapped': {
    severity: 'error',
    description: "Expected the soft line breaks of 概要, 目指すもの, 指標の考え方 and 終了理由 to join characters the text prints together elsewhere or a dictionary word spans, found a join that is neither, which two adjacent lines of the section in the other order would avoid, by at least two such joins: two lines swapped (as table/label-lines-swapped weighs a label)",
    reviewable: true,
  },
  'sheet/line-too-wide': {
    severity: 'error',
    description: "Expected each line of 概要, 目指すもの, 指標の考え方 and 終了理由 at most 4 full-width characters wider than the section's column (its third-widest wrapped line in the text, a line the PDF wrapped being full; the widest line of either real text is at most 2 wider), found a wider one: two lines joined, a line break lost",
    reviewable: true,
  },
  'sheet/department-list': {
    severity: 'error',
    description: 'Expected the departments of 主管課等/関係課等 listed each once, the list ending with a name, found one listed twice (a line printed twice) or the list ending in 、 (its next line lost or moved)',
    reviewable: true,
  },
  'sheet/not-a-department': {
    severity: 'error',
    description: 'Expected each department of 主管課等/関係課等 to be named as a department or other body is (ending in 課, 室, 局, 部, 所, 館, 園, センター, 会, 庁, 組合, 〜者, 〜員, グループ … or 等, a bracketed note after it let through; no space between two Japanese characters; no heading word; every one of both real editions is), found another text: a line of prose or a heading read into the departments, which would be published as a department',
    reviewable: true,
  },
  'sheet/space-in-word': {
    severity: 'error',
    description: "Expected no space inside a Latin word or a number (see table/space-in-word) in a project's 名称, departments or prose (概要, 目指すもの, 指標の考え方, 終了理由; in prose a word going on in small letters is let through), found one (`生成A Iの活用`, `GI GAスクール`, `9 0%`): a space the extraction put inside a word or number, which would be published",
    reviewable: true,
  },
  'revision/space-in-word': {
    severity: 'error',
    description: "Expected no space inside a Latin word or a number (see table/space-in-word) in a 改訂履歴 entry's plan name or summary (in the summary a word going on in small letters is let through), found one (`I CTを活用した…`): it would be published in the revisions",
    reviewable: true,
  },
  'outline/space-in-word': {
    severity: 'error',
    description: "Expected no space inside a Latin word or a number in a name of the 個別事業一覧 — a policy's, a measure's or an entry's (see table/space-in-word) — found one (`I CT活用の推進`, `S NS等による情報発信`): it would be published as that name",
    reviewable: true,
  },
  'table/unreadable-number': {
    severity: 'error',
    description: 'Expected a target cell that starts like a number to read as one (digits grouped by three, one decimal point, then its unit and qualifier; every such cell of both real editions does), found one that does not (a digit lost, doubled or spaced apart), which would be published with no value',
    reviewable: true,
  },
  'table/doubtful-number': {
    severity: 'error',
    description: 'Expected a target to read as the number printed, found one most likely misread: a share above 100 %, or a whole number ten times the row\'s decimals',
    reviewable: true,
  },
  'table/units-differ': {
    severity: 'error',
    description: "Expected the numbers of an indicator row to print one unit, with or without a qualifier such as 以上 (neither real edition prints two), found a number with another unit (a character of its unit lost or doubled)",
    reviewable: true,
  },
  'table/cell-split': {
    severity: 'error',
    description: 'Expected no two text cells side by side on one line in a row with a cell for every year (neither real text prints them), found two, which could as well be one merged cell spanning two years with a space inside its text',
    reviewable: true,
  },
  'sheet/table-line-in-text': {
    severity: 'error',
    description: 'Expected the text of 概要, 目指すもの, 指標の考え方 and 終了理由 without runs of spaces between words, found a line spaced like a table row\'s cells (a table line moved into the text) or holding the year headings (`年度ごとの取組 令和３年度 令和４年度 …`: the heading line joined onto the text)',
    reviewable: true,
  },
  'table/repeated-line': {
    severity: 'error',
    description: 'Expected each table line once, found the same line printed twice in a row',
    reviewable: true,
  },
  'revision/text-ends-mid-line': {
    severity: 'error',
    description: "Expected the last line of a 改訂履歴 entry's summary to end in a space (every one of the real 改訂履歴 does), found one ending in text, as a wrapped line does: a line moved to the end, or the summary's last line lost",
    reviewable: true,
  },
  'revision/lines-swapped': {
    severity: 'error',
    description: "Expected a 改訂履歴 summary not to read better with two of its lines in the other order, as sheet/lines-swapped weighs a sheet's prose (at least two joins fewer that the text attests nowhere), found one that does: two summary lines swapped",
    reviewable: true,
  },
  'revision/line-too-wide': {
    severity: 'error',
    description: "Expected each line of a 改訂履歴 summary at most 4 full-width characters wider than the summaries' column (their third-widest wrapped line), found a wider one: two lines joined, a line break lost",
    reviewable: true,
  },
  'revision/repeated-line': {
    severity: 'error',
    description: 'Expected each line of the 改訂履歴 once, found the same line printed twice in a row (a summary published with the line twice, or an entry naming its plan twice)',
    reviewable: true,
  },
  'revision/bad-date': { severity: 'error', description: 'Expected a revision date like `令和4年6月`' },
  'revision/out-of-order': {
    severity: 'error',
    description: 'Expected the 改訂履歴 in order: its dates oldest first, the last one the month of an edition named by its month (`2025-03`), and each date\'s entries by project number',
    reviewable: true,
  },
  'revision/entry-without-date': { severity: 'error', description: 'Expected a revision date before the first entry' },
  'revision/entry-without-name': { severity: 'error', description: 'Expected a plan name in the revision entry (every entry of the real 改訂履歴 has one: a lost one would be published as none)', reviewable: true },
  'revision/entry-without-summary': {
    severity: 'error',
    description: 'Expected a summary of the change in the revision entry (every entry of the real 改訂履歴 has one, `新規追加` at the least), found none: its line lost',
    reviewable: true,
  },
  'outline/lost-line': {
    severity: 'error',
    description: 'Expected one empty line between two lines of the 個別事業一覧, as the extraction writes them (neither real text has two in a row there), found two or more: a line lost there (an entry, or a line of a name)',
    reviewable: true,
  },
  'revision/lost-line': {
    severity: 'error',
    description: 'Expected at most one empty line between two lines of the 改訂履歴 (the extraction puts one or none; the real one never has two in a row), found two or more: a line lost there',
    reviewable: true,
  },
  'revision/entries-run-together': {
    severity: 'error',
    description: "Expected a 改訂履歴 summary to hold neither a cell's end (two spaces) inside a line nor a project's whole name on lines of its own (no real summary does), found one: the next entry's line joined to it, or its number line lost, and that entry read into this one",
    reviewable: true,
  },
  'quality/list-sheet-name-mismatch': {
    severity: 'error',
    description: 'Expected the project name in the 個別事業一覧 to match the name on its sheet (either copy may be misread)',
    reviewable: true,
  },
  'quality/list-sheet-tag-mismatch': {
    severity: 'error',
    description: 'Expected the 【再掲】/【計画終了】 tags in the 個別事業一覧 to match the sheet',
    reviewable: true,
  },
  'quality/listed-without-sheet': {
    severity: 'error',
    description: 'Expected a sheet for every listed project (a missing sheet means the text is incomplete)',
  },
  'quality/sheet-not-listed': {
    severity: 'error',
    description: 'Expected every sheet to be listed in the 個別事業一覧',
    reviewable: true,
  },
  'quality/banner-mismatch': {
    severity: 'error',
    reviewable: true,
    description: 'Expected the section banner over the sheets to name the same policy or measure as the list',
  },
  'quality/sheet-out-of-order': { severity: 'info', description: 'Expected sheets in the order of the 個別事業一覧' },
  'quality/repost-differs': {
    severity: 'error',
    description: 'Expected a 【再掲】 sheet to repeat its original project sheet unchanged (either copy may be misread)',
    reviewable: true,
  },
  'quality/targets-direction': {
    severity: 'error',
    reviewable: true,
    description: "Expected an indicator's numbered targets to move one way over the fiscal years (rising, or falling), and two of them not to fall unless printed as ceilings (以下), found them turning or two falling (two cells read in the other order, or a digit misread)",
  },
  'quality/repost-without-original': {
    severity: 'error',
    reviewable: true,
    description: 'Expected a 【再掲】 sheet to repeat a project sheet of the same name',
  },
  'quality/ended-without-reason': {
    severity: 'warning',
    description: 'Expected a 【計画終了】 sheet to state its 終了理由',
  },
  'quality/revision-unknown-project': {
    severity: 'error',
    reviewable: true,
    description: 'Expected each plan number in the 改訂履歴 to name a project of the edition',
  },
  'quality/revision-name-differs': {
    severity: 'error',
    reviewable: true,
    description: 'Expected the plan name in the 改訂履歴 to match the current project name',
  },
  'review/unexplained-change': {
    severity: 'error',
    description: 'Expected every change from the previous edition to be explained by a 改訂履歴 entry that names its project and fits the kind of change',
    reviewable: true,
  },
  'review/unvouched-table': {
    severity: 'error',
    description: "Expected each year table of an edition to read as the edition before printed it, or a person to have checked its reading against the PDF: found a table added or changed since the edition before, whose reading nothing else in the text vouches for",
    reviewable: true,
  },
  'review/unvouched-revision': {
    severity: 'error',
    description: "Expected each 改訂履歴 revision of an edition to be printed the same by the edition before, or a person to have checked it against the PDF: found a revision made or read differently since, whose date and entries nothing else in the text vouches for",
    reviewable: true,
  },
  'review/stale-decision': {
    severity: 'error',
    description: "Expected every decision in the edition's review file to concern a finding of this build, found one whose finding no longer occurs",
  },
  'review/history-rewritten': {
    severity: 'error',
    description: "Expected a newer edition to have a higher edition number than the one before it and to print every revision date of that edition's 改訂履歴",
  },
  'review/decisions-unchecked': {
    severity: 'warning',
    description: "Expected the edition before this one in the seeds folder, to check the review file's decisions about changes from it, found none",
  },
  'review/invalid-file': {
    severity: 'error',
    description: "Expected the edition's review.json to be readable, to match schemas/review.schema.json, to name this edition and to decide each finding once",
  },
  'jsonld/lossy': { severity: 'error', description: 'Expected the JSON-LD to expand and convert to RDF without dropping anything' },
  'csv/invalid': { severity: 'error', description: 'Expected every CSV value to match its column type' },
  'schema/violation': { severity: 'error', description: 'Expected plan.json to match schemas/plan.schema.json' },
  'fs/error': { severity: 'error', description: 'Expected to read the seeds and write the output folder, found a file-system error (disk full, no permission)' },
  'fs/unsafe-output': {
    severity: 'error',
    description: 'Expected an output folder apart from the seeds folder that is missing, empty or an earlier output (it has SHA256SUMS), found one the build would replace with its files lost',
  },
} as const satisfies Record<string, Rule>;

/** A stable rule code from the catalog. */
export type RuleCode = keyof typeof RULES;

/** True for a rule whose errors a person may decide on in the review file (`reviewable` in the catalog). */
export function isReviewable(code: RuleCode): boolean {
  return 'reviewable' in RULES[code] && RULES[code].reviewable === true;
}

/** Where a diagnostic is and what it concerns; every part optional. */
export interface Where {
  file?: string | null;
  position?: Position | null;
  subject?: string | null;
  finding?: string | null;
}

/**
 * Creates a diagnostic for a catalog rule, with the rule's severity and the message `variant` of the
 * catalog (messages.ts) rendered from `params` in Japanese and English; TypeScript checks the
 * variant exists for the code and the parameters are the ones its message takes.
 */
export function diagnose<C extends RuleCode, V extends Variant<C>>(code: C, variant: V, params: ParamsOf<C, V>, where: Where = {}): Diagnostic {
  const { ja, en } = renderMessage(code, variant, params);
  return {
    code,
    severity: RULES[code].severity,
    message: ja,
    messageEn: en,
    file: where.file ?? null,
    position: where.position ?? null,
    subject: where.subject ?? null,
    finding: where.finding ?? null,
  };
}

/**
 * The finding id of a reviewable diagnostic: `<code>@<subject>~<hash>`, where the hash (8 hex digits
 * of SHA-256) covers `content`, what the finding is about as read (texts, numbers, years) — never
 * line numbers, so an unrelated edit elsewhere keeps the id, while any other reading gets a new one.
 */
export function findingId(code: RuleCode, subject: string, content: unknown): string {
  // The one-shot hash: a hash object per finding cost three times as much (70,000 findings at 1000×).
  return `${code}@${subject}~${hash('sha256', JSON.stringify(content)).slice(0, 8)}`;
}

/** A position covering whole lines `start`…`end` (columns 1 to the end of the last line). */
export function linesPosition(start: number, end: number, endColumn = 1): Position {
  return { start: { line: start, column: 1 }, end: { line: end, column: endColumn } };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The severity words of a formatted line, per language. */
const SEVERITY_WORDS: Record<Lang, Record<Severity, string>> = {
  ja: { error: 'エラー', warning: '警告', info: '注記' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * Formats a diagnostic on one line, the way compilers do: `file:line:column: severity code [subject]
 * message (finding id)`, in Japanese (the default) or English; codes, paths and ids stay as they are.
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang = 'ja'): string {
  const where = d.position ? `${d.file ?? '<input>'}:${d.position.start.line}:${d.position.start.column}` : d.file ?? '<input>';
  const subject = d.subject ? ` [${d.subject}]` : '';
  const finding = d.finding ? (lang === 'ja' ? ` (指摘ID ${d.finding})` : ` (finding ${d.finding})`) : '';
  return `${where}: ${SEVERITY_WORDS[lang][d.severity]} ${d.code}${subject} ${lang === 'ja' ? d.message : d.messageEn}${finding}`;
}

/** Sorts diagnostics by file, line, column and code so reports are deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.position?.start.line ?? 0) - (b.position?.start.line ?? 0) ||
      (a.position?.start.column ?? 0) - (b.position?.start.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.messageEn.localeCompare(b.messageEn),
  );
}
