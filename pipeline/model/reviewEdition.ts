/**
 * Stage `review`: an edition's diagnostics and its review file (`seeds/<edition>/review.json`,
 * `schemas/review.schema.json`) → the diagnostics with a person's decisions applied. A finding is an
 * error of a rule marked `reviewable` in the catalog, named by its finding id (any stage may emit
 * one: a change no 改訂履歴 entry explains, a table row that may be misread). An accepted finding
 * becomes a note carrying the decision; a rejected one stays an error with the reason; one without
 * a decision stays an error — the edition is not published until it is accepted. A decision whose
 * finding no longer occurs is `review/stale-decision`; a review file that cannot be read, does not
 * match the schema, names another edition or decides a finding twice is `review/invalid-file`.
 */
import { diagnose, isReviewable, linesPosition, type Diagnostic, type FindingDecision, type Position, type RuleCode, type Where } from '../diagnostics.js';
import { DECISION_NOTES, type FieldProblem, type JsonProblem, type Template } from '../messages.js';
import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, parse as parseJsonc, parseTree, ParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { validateReviewSchema } from './schemas.js';
import type { Plan } from './plan.js';

/** Where an edition's text prints a finding's subject (an indicator or a project), or null when it names no such thing. */
export type SubjectLocator = (subject: string) => { file: string; position: Position; subject: string } | null;

/**
 * What a finding id is about, from its subject part (between `@` and `~`): an indicator (`1-2-2/1`),
 * a project's table (`2-2-3/initiative`, `2-2-3/indicator`) or a project (`1-2-2`); null for none.
 */
export function subjectOfFinding(finding: string): string | null {
  const end = finding.lastIndexOf('~');
  const subject = finding.slice(finding.indexOf('@') + 1, end < 0 ? undefined : end);
  // An indicator anywhere in it first (`target-changed/2-5-3/target/2-5-3/1/2022`), then a table, else a project.
  return /\d+-\d+-\d+\/\d+/.exec(subject)?.[0] ?? /\d+-\d+-\d+\/(?:initiative|indicator)\b/.exec(subject)?.[0] ?? /\d+-\d+-\d+/.exec(subject)?.[0] ?? null;
}

/**
 * A `SubjectLocator` over a plan and its source map: an indicator's row, a project's 年度ごとの取組 or
 * 評価指標 table, else the first line of the project's sheet.
 */
export function planSubjects(plan: Pick<Plan, 'projects'>, sourceMap: ReadonlyMap<string, Position>, file: string): SubjectLocator {
  return (subject) => {
    const [projectId, row] = subject.split('/') as [string, string | undefined];
    const index = plan.projects.findIndex((p) => p.id === projectId);
    if (index < 0) return null;
    const project = plan.projects[index]!;
    const k = project.indicators.findIndex((i) => i.id === subject);
    const pointer = k >= 0 ? `/projects/${index}/indicators/${k}` : row === 'initiative' || row === 'indicator' ? `/projects/${index}/${row}s` : null;
    const position = pointer ? sourceMap.get(pointer) : undefined;
    if (position) return { file, position, subject };
    const sheet = project.source.sheet;
    return sheet ? { file, position: linesPosition(sheet.startLine, sheet.startLine), subject: projectId } : null;
  };
}

/** The rules whose findings only a comparison with the edition before makes: a change no entry explains, a table or revision it does not vouch for. */
const COMPARED_RULES: readonly RuleCode[] = ['review/unexplained-change', 'review/unvouched-table', 'review/unvouched-revision'];

/** The review file's name in an edition folder. */
export const REVIEW_FILE = 'review.json';

/** One decision of a review file, with the line it starts on (for messages about it). */
export interface ReviewDecision extends FindingDecision {
  finding: string;
  /** What the finding says, for the file's reader (not checked). */
  about?: string;
  line: number | null;
}

/** A review file as read. */
export interface ReviewFile {
  edition: string;
  decisions: ReviewDecision[];
}

/** A review file read and checked (`file` is its path, for messages), or what is wrong with it. */
export type ReviewFileResult = { ok: true; file: string; review: ReviewFile } | { ok: false; file: string; diagnostics: Diagnostic[] };

/** One finding of an edition and what became of it. */
export interface ReviewedFinding {
  finding: string;
  code: RuleCode;
  subject: string | null;
  file: string | null;
  position: Position | null;
  /** The finding's message as the rule states it (without the decision), in Japanese. */
  message: string;
  /** The same message in English. */
  messageEn: string;
  status: 'pending' | 'accepted' | 'rejected';
  decision: FindingDecision | null;
}

/** The decisions the edition before took, by finding id: shown beside the same findings of the next edition, never taken over. */
export interface EarlierDecisions {
  edition: string;
  decisions: readonly ({ finding: string } & FindingDecision)[];
}

/** An edition's review: its findings, their decisions, and what that means for publication. */
export interface ReviewSummary {
  edition: string;
  /** The review file to edit, whether or not it exists yet. */
  reviewFile: string;
  /**
   * `none`: nothing to review; `reviewed`: every finding accepted; `pending`: findings await a
   * decision (the edition is not published, a draft build marks its output unreviewed);
   * `rejected`: a person rejected a finding (not published, not even as a draft).
   */
  status: 'none' | 'reviewed' | 'pending' | 'rejected';
  pending: number;
  accepted: number;
  rejected: number;
  /** Findings decided in the review file that no longer occur (`review/stale-decision`). */
  staleDecisions: string[];
  findings: ReviewedFinding[];
}


/** A finding with the review's note after its message, in both languages. */
function withNote<P>(d: Diagnostic, note: Template<P>, params: P): Diagnostic {
  return { ...d, message: `${d.message}${note.ja(params)}`, messageEn: `${d.messageEn}${note.en(params)}` };
}

/**
 * The pending note as a pattern at the end of a message, made from the catalog's template so its
 * wording lives in one place. Its middle never holds the note's opening again: a message may have
 * brackets of its own (「（23 か所：…）」, 「（空欄）」), and only the last one opens the note.
 */
function pendingNotePattern(lang: 'ja' | 'en'): RegExp {
  const [before, after] = DECISION_NOTES.pending[lang]({ reviewFile: '\u0000' }).split('\u0000') as [string, string];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escape(before)}(?:(?!${escape(before)}).)*${escape(after)}$`);
}

/** A finding awaiting review without the review's note (in both languages): what it is about, as a decision names it. */
export function withoutPendingNote(d: Diagnostic): Diagnostic {
  return { ...d, message: d.message.replace(pendingNotePattern('ja'), ''), messageEn: d.messageEn.replace(pendingNotePattern('en'), '') };
}

/** True for a finding still waiting for a person's decision (a reviewable error without one). */
export function awaitsReview(d: Diagnostic): boolean {
  return d.finding !== null && isReviewable(d.code) && d.severity === 'error' && d.decision === undefined;
}

/**
 * True for a diagnostic that stops, or could stop, publication: every error (pending and rejected
 * findings included), any finding not accepted, and a stale decision. `--quiet` never hides these.
 */
export function mayStopPublication(d: Diagnostic): boolean {
  return d.severity === 'error' || (d.finding !== null && d.decision?.decision !== 'accept') || d.code === 'review/stale-decision';
}

/** The review file's path for an edition whose text is at `textPath` (`seeds/2025-03/….txt` → `seeds/2025-03/review.json`). */
export function reviewFilePath(textPath: string): string {
  return `${textPath.slice(0, textPath.lastIndexOf('/') + 1)}${REVIEW_FILE}`;
}

/** Reads an edition's review file: UTF-8 JSON valid against the schema, for `edition`, each finding decided once. */
export function parseReviewFile(bytes: Uint8Array, file: string, edition: string): ReviewFileResult {
  const invalid = (diagnostic: (where: Where) => Diagnostic, line: number | null = null): ReviewFileResult => ({
    ok: false,
    file,
    diagnostics: [diagnostic({ file, position: line === null ? null : linesPosition(line, line) })],
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return invalid((w) => diagnose('review/invalid-file', 'notUtf8', {}, w));
  }
  let data: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(body);
  } catch {
    // JSON.parse names no position; the tolerant parser finds where the first mistake is.
    const at = firstJsonProblem(body);
    const { line, column } = lineAndColumn(body, at.offset);
    return { ok: false, file, diagnostics: [diagnose('review/invalid-file', 'syntax', { line, column, problem: at.problem }, { file, position: { start: { line, column }, end: { line, column: column + 1 } } })] };
  }
  if (!validateReviewSchema(data)) {
    const errors = validateReviewSchema.errors ?? [];
    const decisions = (data as { decisions?: unknown }).decisions;
    return {
      ok: false,
      file,
      diagnostics: errors.map((e) => {
        const problem = describeSchemaError(e, Array.isArray(decisions) ? decisions : []);
        const line = problem.decision === null ? null : lineOfDecision(body, problem.decision - 1);
        return diagnose('review/invalid-file', 'schema', problem, { file, position: line === null ? null : linesPosition(line, line) });
      }),
    };
  }
  const raw = data as { edition: string; decisions: (FindingDecision & { finding: string; about?: string })[] };
  if (raw.edition !== edition) return invalid((w) => diagnose('review/invalid-file', 'otherEdition', { expected: edition, found: raw.edition }, w), lineOf(text, '"edition"'));
  // The line of each decision's finding id, from one pass over the text.
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const id = /"finding"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(line)?.[1];
    if (id !== undefined && !lines.has(id)) lines.set(id, i + 1);
  });
  const decisions = raw.decisions.map((d) => ({
    finding: d.finding,
    ...(d.about === undefined ? {} : { about: d.about }),
    decision: d.decision,
    reason: d.reason,
    by: d.by,
    date: d.date,
    line: lines.get(JSON.stringify(d.finding)) ?? null,
  }));
  const seen = new Set<string>();
  for (const d of decisions) {
    if (seen.has(d.finding)) return invalid((w) => diagnose('review/invalid-file', 'decidedTwice', { finding: d.finding }, w), d.line);
    seen.add(d.finding);
  }
  return { ok: true, file, review: { edition: raw.edition, decisions } };
}

/** The first mistake in a JSON text that JSON.parse refused: its offset and what it is. */
function firstJsonProblem(text: string): { offset: number; problem: JsonProblem } {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { offset: 0, problem: 'invalid JSON' };
  // A comma followed by a closing bracket is reported as a missing value or name after it.
  const before = text.slice(0, first.offset).trimEnd();
  const trailing = before.endsWith(',') && /^\s*[\]}]/.test(text.slice(first.offset));
  const problems: Partial<Record<number, JsonProblem>> = {
    [ParseErrorCode.CommaExpected]: 'comma expected',
    [ParseErrorCode.ColonExpected]: 'colon expected',
    [ParseErrorCode.ValueExpected]: 'value expected',
    [ParseErrorCode.PropertyNameExpected]: 'property name expected',
    [ParseErrorCode.UnexpectedEndOfString]: 'unclosed string',
    [ParseErrorCode.CloseBraceExpected]: 'unclosed brace or bracket',
    [ParseErrorCode.CloseBracketExpected]: 'unclosed brace or bracket',
    [ParseErrorCode.InvalidSymbol]: 'invalid character',
    [ParseErrorCode.InvalidCharacter]: 'invalid character',
    [ParseErrorCode.EndOfFileExpected]: 'end of file expected',
  };
  return trailing ? { offset: before.length - 1, problem: 'trailing comma' } : { offset: first.offset, problem: problems[first.error] ?? 'invalid JSON' };
}

/** The 1-based line and column (in characters) of an offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: [...before.at(-1)!].length + 1 };
}

/** The line on which the `index`-th decision (0-based) starts, or null. */
function lineOfDecision(text: string, index: number): number | null {
  const root = parseTree(text);
  const decisions = root ? findNodeAtLocation(root, ['decisions', index]) : undefined;
  return decisions ? lineAndColumn(text, decisions.offset).line : null;
}

/** One schema error, named for the staff: which decision (1-based) and field, and what is wrong. */
function describeSchemaError(
  e: ErrorObject,
  decisions: readonly unknown[],
): { decision: number | null; finding: string | null; field: string | null; problem: FieldProblem; detail: string } {
  const path = e.instancePath.split('/').slice(1);
  const index = path[0] === 'decisions' && path[1] !== undefined ? Number(path[1]) : null;
  const decision = index === null ? null : index + 1;
  const item = index === null ? null : (decisions[index] as { finding?: unknown } | undefined);
  const finding = typeof item?.finding === 'string' && item.finding !== '' ? item.finding : null;
  const field = index === null ? (path[0] ?? null) : (path[2] ?? null);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { decision, finding, field, problem: 'missing', detail: String(params.missingProperty) };
    case 'additionalProperties':
      return { decision, finding, field, problem: 'unknown field', detail: String(params.additionalProperty) };
    case 'minLength':
      return { decision, finding, field, problem: 'empty', detail: '' };
    case 'format':
      return { decision, finding, field, problem: 'date', detail: '' };
    case 'enum':
      return { decision, finding, field, problem: 'decision', detail: '' };
    case 'pattern':
      return { decision, finding, field, problem: field === 'edition' ? 'edition id' : 'finding id', detail: '' };
    default:
      return { decision, finding, field, problem: 'type', detail: e.message ?? e.keyword };
  }
}

/** The 1-based line on which `needle` first occurs in `text`, or null. */
function lineOf(text: string, needle: string): number | null {
  const at = text.split('\n').findIndex((line) => line.includes(needle));
  return at < 0 ? null : at + 1;
}

/**
 * Applies an edition's review file (`review`: null when the edition has none) to its diagnostics:
 * returns them with every finding decided, pending or rejected, plus the stale decisions and the
 * review file's own errors, and the edition's review summary. Pure.
 */
export function reviewEdition(
  diagnostics: readonly Diagnostic[],
  review: ReviewFileResult | null,
  where: { edition: string; reviewFile: string; compared: boolean },
  locate: SubjectLocator = () => null,
): { diagnostics: Diagnostic[]; summary: ReviewSummary } {
  const decisions = new Map((review?.ok ? review.review.decisions : []).map((d) => [d.finding, d]));
  const used = new Set<string>();
  const findings: ReviewedFinding[] = [];
  // By id, so a finding reported again is found at once (a 1000× edition has tens of thousands).
  const listed = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.finding === null || !isReviewable(d.code)) {
      out.push(d);
      continue;
    }
    const decided = decisions.get(d.finding);
    const decision: FindingDecision | null = decided ? { decision: decided.decision, reason: decided.reason, by: decided.by, date: decided.date } : null;
    if (decided) used.add(d.finding);
    const status = decision === null ? 'pending' : decision.decision === 'accept' ? 'accepted' : 'rejected';
    const noted =
      decision === null
        ? withNote(d, DECISION_NOTES.pending, { reviewFile: where.reviewFile })
        : decision.decision === 'accept'
          ? { ...withNote(d, DECISION_NOTES.accepted, decision), severity: 'info' as const, decision }
          : { ...withNote(d, DECISION_NOTES.rejected, decision), severity: 'error' as const, decision };
    out.push(noted);
    // A finding may be reported at more than one place (both copies of a 【再掲】): it is one finding.
    if (!listed.has(d.finding)) {
      listed.add(d.finding);
      // The rule's message is where the noted one starts: taken from it, both are one text in memory
      // (a slice), not two. The second copies were 3.4 MB of the 77.6 MB alive when a 100× draft's
      // publication began (6,138 findings): about 35 MB at 1000×, scaled, not measured.
      const message = noted.message.slice(0, d.message.length);
      const messageEn = noted.messageEn.slice(0, d.messageEn.length);
      findings.push({ finding: d.finding, code: d.code, subject: d.subject, file: d.file, position: d.position, message, messageEn, status, decision });
    }
  }
  // Without an earlier edition beside it there are no changes to find: the decisions about them are
  // neither used nor stale, only unchecked (one note, not one warning per decision).
  const unchecked = where.compared ? [] : [...decisions.values()].filter((d) => !used.has(d.finding) && COMPARED_RULES.some((code) => d.finding.startsWith(`${code}@`)));
  if (unchecked.length > 0) {
    out.push(
      diagnose(
        'review/decisions-unchecked',
        'noEarlierEdition',
        { edition: where.edition, count: unchecked.length },
        { file: where.reviewFile, position: null, subject: where.edition },
      ),
    );
  }
  const stale = [...decisions.values()].filter((d) => !used.has(d.finding) && !unchecked.includes(d));
  for (const d of stale) {
    out.push(
      diagnose('review/stale-decision', 'gone', { finding: d.finding, decision: d.decision, date: d.date }, {
        file: where.reviewFile,
        position: d.line === null ? null : linesPosition(d.line, d.line),
        subject: d.finding,
      }),
    );
    // A decided finding that is gone may be text corrected, or the same text read differently (two
    // target cells swapped into an order that no longer turns): the place it was about is named, so
    // the person looks there before removing the decision.
    const subject = subjectOfFinding(d.finding);
    const at = subject ? locate(subject) : null;
    if (at) {
      out.push(
        diagnose('review/stale-decision', 'readsDifferently', { finding: d.finding, subject: at.subject, line: at.position.start.line }, {
          file: at.file,
          position: at.position,
          subject: at.subject,
        }),
      );
    }
  }
  if (review && !review.ok) out.push(...review.diagnostics);
  const count = (status: ReviewedFinding['status']) => findings.filter((f) => f.status === status).length;
  const [pending, accepted, rejected] = [count('pending'), count('accepted'), count('rejected')];
  return {
    diagnostics: out,
    summary: {
      edition: where.edition,
      reviewFile: where.reviewFile,
      status: findings.length === 0 ? 'none' : rejected > 0 ? 'rejected' : pending > 0 ? 'pending' : 'reviewed',
      pending,
      accepted,
      rejected,
      staleDecisions: stale.map((d) => d.finding),
      findings,
    },
  };
}
