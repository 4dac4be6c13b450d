/**
 * Stage `parse`: parses the 個別事業一覧 (the list at the start of the text) into policies, measures and project
 * entries, each with its printed name and position. The list is a three-column table whose cells the
 * extraction wrote one after another: `＜基本方針１＞` and its name lines, `＜１＞` and the measure's
 * name lines, then `(1) project name` entries whose names may wrap onto further lines.
 */
import { diagnose, findingId, linesPosition, type Diagnostic } from '../diagnostics.js';
import type { LineRole, OutlineEntryNode, OutlineMeasureNode, OutlinePolicyNode, PrintedText, SourceLine, Tag } from './document.js';
import { isBlank, nfkc, spacedLetters } from '../common/text.js';
import { linesAfterEmptyRun } from './emptyLines.js';

/** The outline with the role of each of its lines. */
export interface ParsedOutline {
  policies: OutlinePolicyNode[];
  roles: LineRole[];
  diagnostics: Diagnostic[];
}

const TAG_PATTERN = /【(再掲|計画終了)】/g;

/** Tags printed in a name (`【再掲】`, `【計画終了】`), in order of appearance. */
export function tagsIn(text: string): Tag[] {
  return [...text.matchAll(TAG_PATTERN)].map((m) => m[1] as Tag);
}

function printed(line: SourceLine, text: string): PrintedText {
  const column = line.text.indexOf(text) + 1;
  return {
    fragments: [text],
    position: { start: { line: line.line, column }, end: { line: line.line, column: column + [...text].length } },
  };
}

function extend(target: PrintedText, line: SourceLine): void {
  const text = line.text.trim();
  target.fragments.push(text);
  const column = line.text.indexOf(text) + 1;
  target.position.end = { line: line.line, column: column + [...text].length };
}

/** Parses the 個別事業一覧 lines (everything before the first sheet) into the outline. */
export function parseOutline(lines: readonly SourceLine[], file: string | null): ParsedOutline {
  const policies: OutlinePolicyNode[] = [];
  const roles: LineRole[] = [];
  const diagnostics: Diagnostic[] = [];
  let policy: OutlinePolicyNode | null = null;
  let measure: OutlineMeasureNode | null = null;
  // What a line that is not a marker continues: a policy name, a measure name, an entry name, or a
  // policy name repeated at the top of a continuation page.
  let open: { kind: 'policy' | 'measure' | 'entry'; text: PrintedText } | { kind: 'repeat' } | null = null;

  // Neither real text has two empty lines in a row in the 一覧: a line after them is where a line was
  // lost, an entry's or a name's, as in a sheet (`sheet/lost-line`).
  const afterEmptyRun = linesAfterEmptyRun(lines);
  let previous: string | null = null;
  for (const line of lines) {
    if (isBlank(line.text)) continue;
    if (afterEmptyRun.has(line.line) && previous !== null) {
      diagnostics.push(
        diagnose('outline/lost-line', 'gap', { previous, text: line.text.trim() }, {
          file,
          position: linesPosition(line.line - 2, line.line, [...line.text].length + 1),
          finding: findingId('outline/lost-line', '-', [previous, line.text.trim()]),
        }),
      );
    }
    previous = line.text.trim();
    const text = nfkc(line.text).trim();
    const at = linesPosition(line.line, line.line, line.text.length + 1);
    const fresh = () => linesPosition(line.line, line.line, line.text.length + 1);

    if (text === '個別事業一覧') {
      roles.push({ line: line.line, role: 'content', kind: 'outline.title' });
      continue;
    }
    if (/^基本方針\s+事業推進計画\s+個別事業$/.test(text)) {
      roles.push({ line: line.line, role: 'furniture', kind: 'list-header' });
      continue;
    }
    const policyMarker = /^<基本方針(\d+)>$/.exec(text);
    if (policyMarker) {
      const number = Number(policyMarker[1]);
      const existing = policies.find((p) => p.number === number);
      if (existing) {
        // The list continues on a new page, which repeats the policy cell.
        policy = existing;
        open = { kind: 'repeat' };
        roles.push({ line: line.line, role: 'furniture', kind: 'list-repeated-policy' });
        continue;
      }
      policy = { number, name: { fragments: [], position: fresh() }, measures: [], position: fresh() };
      policies.push(policy);
      measure = null;
      open = { kind: 'policy', text: policy.name };
      roles.push({ line: line.line, role: 'content', kind: 'outline.policy.number' });
      continue;
    }
    const measureMarker = /^<(\d+)>$/.exec(text);
    if (measureMarker && policy) {
      measure = { number: Number(measureMarker[1]), name: { fragments: [], position: fresh() }, entries: [], position: fresh() };
      policy.measures.push(measure);
      policy.position.end = at.end;
      open = { kind: 'measure', text: measure.name };
      roles.push({ line: line.line, role: 'content', kind: 'outline.measure.number' });
      continue;
    }
    const entryMarker = /^\((\d+)\)\s*(.*)$/.exec(text);
    if (entryMarker) {
      if (!measure || !policy) {
        diagnostics.push(
          diagnose('outline/bad-entry-number', 'noMeasure', { entry: line.text.trim() }, { file, position: at }),
        );
        roles.push({ line: line.line, role: 'content', kind: 'outline.entry' });
        continue;
      }
      const rawName = line.text.trim().replace(/^[（(]\s*[0-9０-９]+\s*[）)]\s*/, '');
      const entry: OutlineEntryNode = {
        printedNumber: line.text.trim().slice(0, line.text.trim().length - rawName.length).trim(),
        ordinal: Number(entryMarker[1]),
        name: printed(line, rawName),
        tags: [],
        position: fresh(),
      };
      measure.entries.push(entry);
      measure.position.end = at.end;
      policy.position.end = at.end;
      open = { kind: 'entry', text: entry.name };
      roles.push({ line: line.line, role: 'content', kind: 'outline.entry' });
      continue;
    }
    if (open?.kind === 'repeat') {
      roles.push({ line: line.line, role: 'furniture', kind: 'list-repeated-policy' });
      continue;
    }
    if (open) {
      if (open.text.fragments.length === 0) {
        open.text.fragments.push(line.text.trim());
        open.text.position = printed(line, line.text.trim()).position;
      } else {
        extend(open.text, line);
      }
      roles.push({ line: line.line, role: 'content', kind: `outline.${open.kind}.name` });
      continue;
    }
    // A line that fits nowhere gets no role: the coverage check reports it once.
  }

  // Latin letters or digits the extraction spaced apart (`I CT活用`, `S NS等`) would be published in the names.
  const checkSpaced = (text: PrintedText, id: string) => {
    const spaced = text.fragments.map((f) => spacedLetters(f)).find((found) => found !== null);
    if (!spaced) return;
    diagnostics.push(
      diagnose('outline/space-in-word', 'latin', { name: text.fragments.map((f) => f.trim()).join(''), spaced }, {
        file,
        position: text.position,
        finding: findingId('outline/space-in-word', id, [text.fragments]),
      }),
    );
  };
  for (const p of policies) {
    checkSpaced(p.name, String(p.number));
    for (const m of p.measures) {
      checkSpaced(m.name, `${p.number}-${m.number}`);
      for (const e of m.entries) {
        e.tags = tagsIn(e.name.fragments.join(''));
        e.position = { start: e.position.start, end: e.name.position.end };
        checkSpaced(e.name, `${p.number}-${m.number}-${e.ordinal}`);
      }
    }
  }
  return { policies, roles, diagnostics };
}
