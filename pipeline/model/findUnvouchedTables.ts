/**
 * Part of stage `diff`: the year tables and 改訂履歴 revisions of a newer edition that the edition
 * before does not vouch for, as findings (`review/unvouched-table`, `review/unvouched-revision`, reviewable). A table the earlier edition read the same
 * from its own text is vouched for: a line of the newer text lost, repeated or moved there changes
 * it, and the change is found. A table added or changed since has no such witness — two one-line rows
 * in the other order, or a wrapped label's lines in another order, read as well as the printed ones —
 * so a person checks it against the PDF once, and the finding id holds the table as read: a later
 * reading that differs in any published value is a new finding, and the decision on the old one
 * goes stale.
 */
import { diagnose, findingId, linesPosition, type Diagnostic, type Position } from '../diagnostics.js';
import { normalizeText } from '../common/text.js';
import type { Initiative, Indicator, Plan, Project, Revision } from './plan.js';

/** The two year tables of a project, by their key in the model. */
const YEAR_TABLES = ['initiatives', 'indicators'] as const;

/** A year table's key in the model. */
type YearTable = (typeof YEAR_TABLES)[number];

/** An initiative row's published values: what the text says, without where or how it was wrapped. */
function initiativeContent(row: Initiative): unknown {
  return [row.name, row.yearTexts.map((y) => [y.fiscalYear, normalizeText(y.text), y.span]), row.unplacedTexts.map(normalizeText)];
}

/** An indicator row's published values: id, name and every target, without where or how it was wrapped. */
function indicatorContent(row: Indicator): unknown {
  const targets = row.targets.map((t) => [t.fiscalYear, t.text === null ? null : normalizeText(t.text), t.value, t.unit, t.qualifier, t.per, t.span]);
  return [row.id, row.name, targets, row.unplacedTexts.map(normalizeText)];
}

/**
 * A table's published values, the same for the same reading: texts as the CSVs publish them
 * (`normalizeText`, so a cell broken at another place on the page is the same cell).
 */
function tableContent(project: Project, table: YearTable): unknown[] {
  return table === 'initiatives' ? project.initiatives.map(initiativeContent) : project.indicators.map(indicatorContent);
}

/**
 * The newer edition's non-empty year tables that differ from the same project's table in the older
 * edition (or that it does not have), each a finding at the table's lines with the id
 * `review/unvouched-table@<project>/<initiative|indicator>~<hash of the table as read>`.
 */
export function findUnvouchedTables(older: Plan, newer: Plan, sourceMap: ReadonlyMap<string, Position>): Diagnostic[] {
  const earlier = new Map<string, Project>();
  for (const p of older.projects) if (!earlier.has(p.id)) earlier.set(p.id, p);
  const file = newer.edition.source.fileName;
  const findings: Diagnostic[] = [];
  newer.projects.forEach((project, index) => {
    const before = earlier.get(project.id);
    for (const table of YEAR_TABLES) {
      if (project[table].length === 0) continue;
      const content = tableContent(project, table);
      const witness = before && before[table].length > 0 ? tableContent(before, table) : null;
      if (witness !== null && JSON.stringify(witness) === JSON.stringify(content)) continue;
      // The subject names the table as review files and locators do: `1-2-8/indicator`.
      const subject = `${project.id}/${table.slice(0, -1)}`;
      findings.push(
        diagnose(
          'review/unvouched-table',
          'unvouched',
          { project: project.id, table, earlier: older.edition.id, added: witness === null, rows: project[table].map((r) => r.name) },
          { file, position: sourceMap.get(`/projects/${index}/${table}`) ?? null, subject: project.id, finding: findingId('review/unvouched-table', subject, content) },
        ),
      );
    }
  });
  return findings;
}

/** A revision's published values: its date and every entry's plan numbers, name and summary, without where or how they wrap. */
function revisionContent(revision: Revision): unknown {
  return [revision.date, revision.entries.map((e) => [e.planNumbers, e.planName, e.summary])];
}

/**
 * The newer edition's 改訂履歴 revisions that the older edition does not print the same (a revision
 * made since, or one read differently), each a finding at the revision's lines with the id
 * `review/unvouched-revision@<date>~<hash of the revision as read>`: nothing else in the text says
 * when a revision was made or what its entries say, so a misread date (令和６年３月 read as ４月) or a
 * lost line of an entry would be published; a person checks each new revision against the PDF once.
 */
export function findUnvouchedRevisions(older: Plan, newer: Plan): Diagnostic[] {
  const earlier = new Map(older.revisions.map((r) => [r.date, JSON.stringify(revisionContent(r))]));
  const file = newer.edition.source.fileName;
  return newer.revisions.flatMap((revision) => {
    const content = revisionContent(revision);
    const before = earlier.get(revision.date);
    if (before === JSON.stringify(content)) return [];
    return [
      diagnose(
        'review/unvouched-revision',
        'unvouched',
        { date: revision.printedDate, entries: revision.entries.length, earlier: older.edition.id, added: before === undefined },
        { file, position: linesPosition(revision.source.startLine, revision.source.endLine), subject: null, finding: findingId('review/unvouched-revision', revision.date, content) },
      ),
    ];
  });
}
