/**
 * Turns a build result into the readable report the CLI prints: per edition the totals, the line
 * coverage and every issue with its file, line and rule code, then a closing summary.
 */
import { formatDiagnostic } from './diagnostics.js';
import type { BuildResult } from './build.js';

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
    const shown = options.verbose ? edition.diagnostics : edition.diagnostics.filter((d) => d.severity === 'error');
    for (const d of shown) lines.push(`    ${formatDiagnostic(d)}`);
  }
  const ofEditions = new Set(result.editions.flatMap((e) => e.diagnostics));
  const extra = result.diagnostics.filter((d) => !ofEditions.has(d));
  for (const d of extra) lines.push(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  lines.push(
    !result.ok
      ? `build failed: nothing written (${errors} errors)`
      : result.written.length > 0
        ? `built ${result.editions.length} editions, wrote ${result.written.length} files`
        : `checked ${result.editions.length} editions: no errors, nothing written`,
  );
  return lines;
}
