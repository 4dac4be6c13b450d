import { describe, expect, it } from 'vitest';
import { findUnvouchedRevisions, findUnvouchedTables } from '../../pipeline/model/findUnvouchedTables.js';
import type { Plan, Project } from '../../pipeline/model/plan.js';
import { parseEditionMeta } from '../../pipeline/read/parseEditionMeta.js';
import { parsePlanDocument } from '../../pipeline/read/parsePlanDocument.js';
import { toPlan } from '../../pipeline/model/toPlan.js';
import { toSourceText } from '../../pipeline/read/toSourceText.js';
import { seedBytes, seedMeta, seedReview, SEEDS } from '../helpers.js';
import { damageLines } from '../mutants.js';

/** An edition's plan and source map, read from its seed text. */
function readSeed(id: keyof typeof SEEDS) {
  const source = toSourceText(seedBytes(id), SEEDS[id]);
  if (!source.ok) throw new Error(`${id} does not decode`);
  const meta = parseEditionMeta(seedMeta(id), 'edition.json', id);
  if (!meta.ok) throw new Error(`${id}: bad edition.json`);
  return toPlan(parsePlanDocument(source.source), meta.meta);
}

/** The plan with one project changed by `change` (a deep copy; the others shared). */
function withProject(plan: Plan, id: string, change: (p: Project) => void): Plan {
  const projects = plan.projects.map((p) => {
    if (p.id !== id) return p;
    const copy = structuredClone(p);
    change(copy);
    return copy;
  });
  return { ...plan, projects };
}

describe('findUnvouchedTables between the 2021 and 2025-03 editions', () => {
  const older = readSeed('2021').plan;
  const { plan: newer, sourceMap } = readSeed('2025-03');
  const findings = findUnvouchedTables(older, newer, sourceMap);
  const byTable = (subject: string) => findings.find((d) => d.finding!.startsWith(`review/unvouched-table@${subject}~`));

  it('finds each year table added or changed since 2021, and no table 2021 read the same', () => {
    expect(findings).toHaveLength(74);
    expect(findings.every((d) => d.code === 'review/unvouched-table' && d.severity === 'error' && d.file === newer.edition.source.fileName)).toBe(true);
    // 1-2-8 is new in 2025-03; 1-1-2's 年度ごとの取組 reads as 2021 read it, its 評価指標 does not.
    expect(byTable('1-2-8/indicator')!.messageEn).toContain('found a table it does not have');
    expect(byTable('1-1-2/initiative')).toBeUndefined();
    expect(byTable('1-1-2/indicator')!.messageEn).toContain('found a table that differs from it');
    expect(findUnvouchedTables(older, older, readSeed('2021').sourceMap)).toEqual([]);
  });

  it('is positioned over the table in the newer text, naming its rows', () => {
    const table = byTable('2-5-3/indicator')!;
    // 2025-03 lines 3402–3409: 「ポリシーの改定」「内部監査の実施」「インシデント（影響度レベル2以上）の件数」.
    expect(table.position!.start.line).toBe(3402);
    expect(table.position!.end.line).toBeGreaterThan(3402);
    expect(table.subject).toBe('2-5-3');
    expect(table.message).toContain('2-5-3 の評価指標（3 行：「ポリシーの改定」「内部監査の実施」「インシデント（影響度レベル2以上）の件数」）は、2021 版と異なる表です');
  });

  it('gives every finding the id its decision in the shipped review file has', () => {
    const shipped = new Set((JSON.parse(seedReview('2025-03')!) as { decisions: { finding: string }[] }).decisions.map((d) => d.finding));
    expect(findings.filter((d) => !shipped.has(d.finding!))).toEqual([]);
  });

  it('keeps the id when only the layout differs, and makes a new one for any other reading of a value, a name or the order of rows', () => {
    const id = (plan: Plan) => findUnvouchedTables(older, plan, sourceMap).find((d) => d.subject === '1-2-8' && d.finding!.includes('/indicator~'))!.finding;
    const before = id(newer);
    const relaid = withProject(newer, '1-2-8', (p) => {
      for (const row of p.indicators) {
        row.printedName = row.printedName.replace(/(.)/u, '$1\n');
        row.source = { startLine: row.source.startLine + 40, endLine: row.source.endLine + 40 };
        for (const t of row.targets) if (t.text !== null) t.text = ` ${t.text}  `;
      }
    });
    expect(id(relaid)).toBe(before);
    const swapped = withProject(newer, '1-2-8', (p) => {
      const [a, b] = p.indicators;
      p.indicators[0] = { ...b!, id: a!.id };
      p.indicators[1] = { ...a!, id: b!.id };
    });
    const misread = withProject(newer, '1-2-8', (p) => {
      const target = p.indicators[0]!.targets.find((t) => t.value !== null)!;
      target.value = target.value! + 1;
    });
    const renamed = withProject(newer, '1-2-8', (p) => {
      p.indicators[0]!.name = `${p.indicators[0]!.name.slice(1)}${p.indicators[0]!.name[0]}`;
    });
    const ids = [swapped, misread, renamed].map(id);
    expect(new Set([before, ...ids]).size).toBe(4);
  });

  it('leaves out a table the newer edition prints empty, and vouches for one the older read the same', () => {
    const ended = withProject(newer, '1-2-8', (p) => {
      p.indicators = [];
    });
    expect(findUnvouchedTables(older, ended, sourceMap).filter((d) => d.finding!.startsWith('review/unvouched-table@1-2-8/indicator~'))).toEqual([]);
    const sameAsBefore = withProject(newer, '1-1-2', (p) => {
      p.indicators = structuredClone(older.projects.find((q) => q.id === '1-1-2')!.indicators);
    });
    expect(findUnvouchedTables(older, sameAsBefore, sourceMap).filter((d) => d.subject === '1-1-2')).toEqual([]);
  });
});

describe('findUnvouchedRevisions', () => {
  const older = readSeed('2021').plan;
  const newer = readSeed('2025-03').plan;

  it('finds each 改訂履歴 revision the earlier edition does not print, at its lines; none the earlier edition prints the same', () => {
    const findings = findUnvouchedRevisions(older, newer);
    // 2021 has no 改訂履歴: all four revisions of 2025-03 are new.
    expect(findings.map((d) => [d.code, d.severity, d.finding!.replace(/~[0-9a-f]{8}$/, ''), d.position!.start.line])).toEqual([
      ['review/unvouched-revision', 'error', 'review/unvouched-revision@2022-06', 3757],
      ['review/unvouched-revision', 'error', 'review/unvouched-revision@2023-03', 3812],
      ['review/unvouched-revision', 'error', 'review/unvouched-revision@2024-03', 3870],
      ['review/unvouched-revision', 'error', 'review/unvouched-revision@2025-03', 4037],
    ]);
    expect(findings[2]!.message).toContain('改訂履歴の令和6年3月の改訂（項目 32 件）は、2021 版にない改訂です');
    // A later edition that prints the same revisions: they are vouched for.
    expect(findUnvouchedRevisions(newer, newer)).toEqual([]);
  });

  it('makes a new id for a revision read with another date or another entry text, and keeps it when only the wrapping differs', () => {
    const id = (plan: Plan) => findUnvouchedRevisions(older, plan).map((d) => d.finding);
    const before = id(newer);
    const withRevisions = (edit: (r: Plan['revisions']) => void): Plan => {
      const revisions = structuredClone(newer.revisions);
      edit(revisions);
      return { ...newer, revisions };
    };
    const redated = withRevisions((r) => {
      r[2]!.date = '2024-04';
    });
    expect(id(redated)[2]).not.toBe(before[2]);
    const cut = withRevisions((r) => {
      r[0]!.entries[0]!.summary = r[0]!.entries[0]!.summary!.slice(0, -5);
    });
    expect(id(cut)).toEqual([expect.not.stringMatching(before[0]!), before[1], before[2], before[3]]);
    const rewrapped = withRevisions((r) => {
      r[0]!.entries[0]!.printed.summary = r[0]!.entries[0]!.printed.summary!.replace('\n', '');
      r[0]!.entries[0]!.source = { startLine: 1, endLine: 2 };
    });
    expect(id(rewrapped)).toEqual(before);
    // The same on the real text: line 3758 (1-1-3's entry) joined with the next line of the summary reads the same revision.
    const lines = new TextDecoder().decode(seedBytes('2025-03')).split('\n');
    const joined = damageLines(lines, 'join', 3758)!;
    const source = toSourceText(new TextEncoder().encode(joined.lines.join('\n')), SEEDS['2025-03']);
    const meta = parseEditionMeta(seedMeta('2025-03'), 'edition.json', '2025-03');
    if (!source.ok || !meta.ok) throw new Error('2025-03 does not read');
    expect(joined.lines.length).toBeLessThan(lines.length);
    expect(id(toPlan(parsePlanDocument(source.source), meta.meta).plan)).toEqual(before);
  });
});
