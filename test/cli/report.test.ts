/**
 * The build report's three levels of detail (`formatBuildReport`): whatever the level, nothing that
 * stops or could stop publication is left out — an error, a finding awaiting review (even one whose
 * rule is only a note), a stale decision; the default counts the notes instead of listing them.
 */
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../pipeline/build.js';
import { formatBuildReport, type ReportDetail } from '../../pipeline/cli/report.js';
import type { Diagnostic } from '../../pipeline/diagnostics.js';

const at = (code: string, severity: Diagnostic['severity'], extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code: code as Diagnostic['code'],
  severity,
  message: `${code} の説明`,
  messageEn: `about ${code}`,
  file: 'seeds/x/x.txt',
  position: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
  subject: null,
  finding: null,
  ...extra,
});

const accepted = { decision: 'accept', reason: '印字どおり', by: 'staff', date: '2026-12-01' } as const;
const diagnostics = [
  at('table/unreadable-number', 'error'),
  at('quality/ended-without-reason', 'warning'),
  at('table/unplaced-cells', 'info'),
  // A finding a person has not decided: whatever its rule's severity, it stops publication.
  at('quality/list-sheet-name-mismatch', 'info', { finding: 'quality/list-sheet-name-mismatch@1-1-1' }),
  at('quality/list-sheet-name-mismatch', 'info', { finding: 'quality/list-sheet-name-mismatch@1-1-2', decision: accepted }),
  at('review/stale-decision', 'error', { file: 'seeds/x/review.json' }),
];
const result: BuildResult = {
  ok: false,
  editions: [{ folder: 'x', id: 'x', plan: null, quality: null, review: null, changelog: null, tables: [], diagnostics, outputs: [] }],
  written: [],
  files: [],
  diagnostics,
  draft: false,
};
const listed = (detail: ReportDetail) => formatBuildReport(result, { detail }).filter((l) => / (エラー|警告|注記) /.test(l) && l.includes('seeds/x/'));
const codes = (detail: ReportDetail) => listed(detail).map((l) => /(\S+\/\S+) /.exec(l.slice(l.indexOf(': ') + 2))?.[1]);

describe('formatBuildReport', () => {
  it('lists everything at `all`', () => {
    expect(listed('all')).toHaveLength(diagnostics.length);
  });

  it('lists errors, warnings and undecided findings by default, and counts the notes with the accepted findings among them', () => {
    expect(codes('attention')).toEqual(['table/unreadable-number', 'quality/ended-without-reason', 'quality/list-sheet-name-mismatch', 'review/stale-decision']);
    expect(formatBuildReport(result, { detail: 'attention' })).toContain('    注記 2 件（承認済みの指摘 1 件の分を含む）は省きました。すべて見るには --verbose を付けます（quality.json にもあります）');
  });

  it('lists only what stops or could stop publication with `stopping` (--quiet), and counts nothing', () => {
    expect(codes('stopping')).toEqual(['table/unreadable-number', 'quality/list-sheet-name-mismatch', 'review/stale-decision']);
    expect(formatBuildReport(result, { detail: 'stopping' }).some((l) => l.includes('省きました'))).toBe(false);
  });
});
