/**
 * Stage `parse`: where the extraction's empty lines show a lost line. It writes one empty line between
 * two printed lines (none between some in the 改訂履歴), never two in a row inside the 一覧, a sheet or
 * the 改訂履歴 (two only before a section banner), so a line after two or more empty ones is where a
 * line was lost.
 */
import type { SourceLine } from './document.js';

/** The line numbers of the lines printed right after two or more empty lines (a line of spaces is printed: it is no gap). */
export function linesAfterEmptyRun(lines: readonly SourceLine[]): Set<number> {
  const after = new Set<number>();
  for (let i = 2; i < lines.length; i++) {
    if (lines[i]!.text !== '' && lines[i - 1]!.text === '' && lines[i - 2]!.text === '') after.add(lines[i]!.line);
  }
  return after;
}
