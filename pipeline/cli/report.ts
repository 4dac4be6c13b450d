/**
 * Turns a build result into the readable report the CLI prints: per edition the totals, the line
 * coverage, the review and every issue with its file, line and rule code, then what the build did.
 * Quiet reports keep every diagnostic that stops or could stop publication.
 */
import { formatDiagnostic } from '../diagnostics.js';
import type { BuildResult, EditionBuild } from '../build.js';
import { mayStopPublication } from '../model/reviewEdition.js';

/** The review line of an edition, or null when it has nothing to review. */
export function formatReviewLine(edition: EditionBuild): string | null {
  const r = edition.review;
  if (!r || (r.findings.length === 0 && r.staleDecisions.length === 0)) return null;
  const stale = r.staleDecisions.length ? `, ${r.staleDecisions.length} stale decisions` : '';
  return `  review: ${r.findings.length} findings (${r.accepted} accepted, ${r.pending} awaiting review, ${r.rejected} rejected)${stale} — ${r.reviewFile}`;
}

/** The build report as lines of text. */
export function formatBuildReport(result: BuildResult, options: { verbose: boolean } = { verbose: true }): string[] {
  const lines: string[] = [];
  for (const edition of result.editions) {
    const q = edition.quality;
    if (!q) {
      lines.push(`${edition.folder}: not built`);
    } else {
      const t = q.totals;
      const src = edition.plan!.edition.source;
      const read = `${src.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}${src.bom ? ' with BOM' : ''}, ${src.lineEnding}`;
      lines.push(
        `${q.edition} (${q.sourceFile}, ${read}): ${t.sheets} sheets (${t.repostSheets} 【再掲】), ${t.projects} projects (${t.endedProjects} ended), ` +
          `${t.indicatorRows} indicator rows, ${t.revisionDates} revision dates with ${t.revisionEntries} entries`,
      );
      const c = q.coverage;
      lines.push(
        `  coverage: ${c.nonBlankLines} non-blank lines = ${c.contentLines} content + ${c.furnitureLines} furniture + ${c.unaccounted.length} unaccounted`,
      );
      const count = (severity: string) => q.issues.filter((d) => d.severity === severity).length;
      lines.push(`  quality: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
    }
    const review = formatReviewLine(edition);
    if (review) lines.push(review);
    const shown = options.verbose ? edition.diagnostics : edition.diagnostics.filter(mayStopPublication);
    for (const d of shown) lines.push(`    ${formatDiagnostic(d)}`);
  }
  const ofEditions = new Set(result.editions.flatMap((e) => e.diagnostics));
  const extra = result.diagnostics.filter((d) => !ofEditions.has(d));
  for (const d of extra) lines.push(formatDiagnostic(d));
  for (const e of result.editions) {
    if (e.review && e.review.pending > 0) {
      lines.push(`review: ${e.review.edition}: ${findings(e.review.pending)} awaiting review — accept or reject each by its finding id in ${e.review.reviewFile}`);
    }
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const pending = awaitingReview(result);
  lines.push(
    !result.ok
      ? `build failed: nothing written (${errors} errors${pending ? `, ${pending} of them ${pending === 1 ? 'a finding' : 'findings'} awaiting review` : ''})`
      : result.draft
        ? `built ${result.editions.length} editions as an UNREVIEWED DRAFT (${findings(pending)} awaiting review; publish refuses it), wrote ${result.written.length} files`
        : result.written.length > 0
          ? `built ${result.editions.length} editions, wrote ${result.written.length} files`
          : `checked ${result.editions.length} editions: no errors, nothing written`,
  );
  return lines;
}

/** `1 finding`, `3 findings`. */
export function findings(n: number): string {
  return `${n} ${n === 1 ? 'finding' : 'findings'}`;
}

/** How many findings of the build await review. */
export function awaitingReview(result: BuildResult): number {
  return result.editions.reduce((n, e) => n + (e.review?.pending ?? 0), 0);
}
