/**
 * Turns a build result into the readable report the CLI prints: per edition the totals, the line
 * coverage, the review and every issue with its file, line and rule code, then what the build did.
 * How much it lists (`ReportDetail`): everything (the default here, and `--verbose`); what needs
 * attention (the CLI's default: errors, warnings and findings not accepted, with the notes and
 * accepted findings counted); or only what stops or could stop publication (`--quiet`).
 */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { BuildResult, EditionBuild } from '../build.js';
import { mayStopPublication } from '../model/reviewEdition.js';
import { TEXTS, type Lang } from './texts.js';

/** The review line of an edition, or null when it has nothing to review. */
export function formatReviewLine(edition: EditionBuild, lang: Lang = 'ja'): string | null {
  const r = edition.review;
  if (!r || (r.findings.length === 0 && r.staleDecisions.length === 0)) return null;
  return TEXTS[lang].reviewLine({ findings: r.findings.length, accepted: r.accepted, pending: r.pending, rejected: r.rejected, stale: r.staleDecisions.length, reviewFile: r.reviewFile });
}

/**
 * Which diagnostics a report lists: `all` (`--verbose`, and the golden reports); `attention`, all but
 * the notes (accepted findings and remarks that change nothing), which are counted instead; `stopping`,
 * only what stops or could stop publication (`--quiet`).
 */
export type ReportDetail = 'all' | 'attention' | 'stopping';

/** Whether a diagnostic is listed at `detail`. */
function isListed(d: Diagnostic, detail: ReportDetail): boolean {
  if (detail === 'all' || mayStopPublication(d)) return true;
  return detail === 'attention' && d.severity !== 'info';
}

/** The build report as lines of text, in `lang` (Japanese by default). */
export function formatBuildReport(result: BuildResult, options: { detail?: ReportDetail; lang?: Lang; command?: 'build' | 'validate' } = {}): string[] {
  const detail = options.detail ?? 'all';
  const lang = options.lang ?? 'ja';
  const text = TEXTS[lang];
  const lines: string[] = [];
  for (const edition of result.editions) {
    const q = edition.quality;
    if (!q) {
      lines.push(text.notBuilt(edition.folder));
    } else {
      const t = q.totals;
      const src = edition.plan!.edition.source;
      lines.push(
        text.editionTotals({
          edition: q.edition,
          file: q.sourceFile,
          encoding: src.encoding,
          bom: src.bom,
          lineEnding: src.lineEnding,
          sheets: t.sheets,
          reposts: t.repostSheets,
          projects: t.projects,
          ended: t.endedProjects,
          indicatorRows: t.indicatorRows,
          revisionDates: t.revisionDates,
          revisionEntries: t.revisionEntries,
        }),
      );
      const c = q.coverage;
      lines.push(text.coverage({ nonBlank: c.nonBlankLines, content: c.contentLines, furniture: c.furnitureLines, unaccounted: c.unaccounted.length }));
      const count = (severity: string) => q.issues.filter((d) => d.severity === severity).length;
      lines.push(text.quality(count('error'), count('warning'), count('info')));
    }
    const review = formatReviewLine(edition, lang);
    if (review) lines.push(review);
    const shown = edition.diagnostics.filter((d) => isListed(d, detail));
    for (const d of shown) lines.push(`    ${formatDiagnostic(d, lang)}`);
    // Counted only at the CLI's default detail: --quiet promises the stopping ones alone.
    const hidden = detail === 'attention' ? edition.diagnostics.filter((d) => !isListed(d, detail)) : [];
    // Accepted findings counted as the review line counts them: a finding reported at two places is one.
    const accepted = new Set(hidden.filter((d) => d.decision?.decision === 'accept').map((d) => d.finding)).size;
    if (hidden.length > 0) lines.push(text.notesHidden(hidden.length, accepted));
  }
  const ofEditions = new Set(result.editions.flatMap((e) => e.diagnostics));
  const extra = result.diagnostics.filter((d) => !ofEditions.has(d));
  for (const d of extra) lines.push(formatDiagnostic(d, lang));
  for (const e of result.editions) {
    // A text extracted otherwise explains most of its findings: accepting them would publish a misreading.
    if (e.diagnostics.some((d) => d.code === 'input/unfamiliar-layout')) lines.push(text.reextract(e.review?.edition ?? e.folder, e.review?.pending ?? 0));
    else if (e.review && e.review.pending > 0) lines.push(text.awaiting(e.review.edition, e.review.pending, e.review.reviewFile));
    // A rejected reading is fixed in the text, not in the review file: say what to do next.
    if (e.review && e.review.rejected > 0) lines.push(text.rejectedNext(e.review.edition, e.review.rejected, e.review.reviewFile));
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const pending = awaitingReview(result);
  lines.push(
    !result.ok
      ? (options.command === 'validate' ? text.checkFailed : text.failed)(errors, pending)
      : result.draft
        ? text.builtDraft(result.editions.length, pending, result.written.length)
        : result.written.length > 0
          ? text.built(result.editions.length, result.written.length)
          : text.checked(result.editions.length),
  );
  return lines;
}

/** How many findings of the build await review. */
export function awaitingReview(result: BuildResult): number {
  return result.editions.reduce((n, e) => n + (e.review?.pending ?? 0), 0);
}
