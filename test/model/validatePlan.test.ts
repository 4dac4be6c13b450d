import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../pipeline/read/parsePlanDocument.js';
import { toPlan } from '../../pipeline/model/toPlan.js';
import { toSourceText } from '../../pipeline/read/toSourceText.js';
import { positionFor, validatePlan } from '../../pipeline/model/validatePlan.js';
import { parseEditionMeta } from '../../pipeline/read/parseEditionMeta.js';
import { seedBytes, seedMeta } from '../helpers.js';

function seedPlan() {
  const source = toSourceText(seedBytes('2025-03'), 'seed.txt');
  if (!source.ok) throw new Error('unreadable seed');
  const meta = parseEditionMeta(seedMeta('2025-03'), 'edition.json', '2025-03');
  if (!meta.ok) throw new Error('bad meta');
  return toPlan(parsePlanDocument(source.source), meta.meta);
}

describe('validatePlan', () => {
  it('accepts the plan built from the seed', () => {
    const { plan, sourceMap } = seedPlan();
    expect(validatePlan(plan, sourceMap, 'seed.txt')).toEqual({ valid: true, diagnostics: [] });
  });

  it('maps a violation to the source line of the node that caused it', () => {
    const { plan, sourceMap } = seedPlan();
    const project = plan.projects.find((p) => p.id === '2-1-1')!;
    (project.indicators[1]!.targets[2] as { unit: unknown }).unit = '';
    const report = validatePlan(plan, sourceMap, 'seed.txt');
    expect(report.valid).toBe(false);
    const index = plan.projects.indexOf(project);
    const violation = report.diagnostics.find((d) => d.subject === `/projects/${index}/indicators/1/targets/2/unit`)!;
    expect(violation.code).toBe('schema/violation');
    // The FY2023 cell of 削減時間（累積） is `３，３００ ` / `時間` on lines 1644–1646.
    expect(violation.position?.start.line).toBe(1644);
  });

  it('validates the model, which is plain data equal to its JSON form, and refuses a number JSON cannot write', () => {
    for (const edition of ['2021', '2025-03'] as const) {
      const source = toSourceText(seedBytes(edition), 'seed.txt');
      const meta = parseEditionMeta(seedMeta(edition), 'edition.json', edition);
      if (!source.ok || !meta.ok) throw new Error('bad seed');
      const { plan } = toPlan(parsePlanDocument(source.source), meta.meta);
      // toEqual would pass over undefined members; the JSON round trip must not lose or change anything.
      expect(JSON.stringify(JSON.parse(JSON.stringify(plan)))).toBe(JSON.stringify(plan));
      expect(plan).toStrictEqual(JSON.parse(JSON.stringify(plan)));
    }
    const { plan, sourceMap } = seedPlan();
    plan.projects.find((p) => p.indicators.some((i) => i.targets.some((t) => t.value !== null)))!.indicators.find((i) => i.targets.some((t) => t.value !== null))!.targets.find((t) => t.value !== null)!.value = Number.NaN;
    expect(validatePlan(plan, sourceMap, 'seed.txt').valid).toBe(false);
  });

  it('finds the nearest mapped ancestor of a pointer', () => {
    const map = new Map([['/projects/0', { start: { line: 5, column: 1 }, end: { line: 9, column: 1 } }]]);
    expect(positionFor('/projects/0/summary', map)?.start.line).toBe(5);
    expect(positionFor('/edition/id', map)).toBeNull();
  });
});
