import { describe, expect, it } from 'vitest';
import { findTargetDoubt } from '../../pipeline/model/targetDirection.js';
import type { Indicator, Target } from '../../pipeline/model/plan.js';

/** An indicator whose targets for FY2021… are `cells` (null: an empty cell), each a number with `unit`. */
function indicator(cells: (number | null)[], unit = '％', qualifier: string | null = null, spans: ([number, number] | null)[] = []): Indicator {
  const targets: Target[] = cells.map((value, k) => ({
    fiscalYear: 2021 + k,
    text: value === null ? null : `${value}${unit}${qualifier ?? ''}`,
    value,
    unit: value === null ? null : unit,
    qualifier: value === null ? null : qualifier,
    per: null,
    span: spans[k] ?? null,
  }));
  return { id: '1-1-1/1', name: '利用率', printedName: '利用率', targets, unplacedTexts: [], source: { startLine: 1, endLine: 1 } };
}

describe('findTargetDoubt', () => {
  it('finds no doubt in targets that rise, fall or stay, with or without empty years', () => {
    for (const cells of [[5, 10, 15, 20, 25], [95, 100, 100, 100, 100], [null, null, 2, 2, 3], [220, 220, 220, 220], [60, 70], [3], []]) {
      expect(findTargetDoubt(indicator(cells))).toBeNull();
    }
    expect(findTargetDoubt(indicator([5, 4, 3, 2, 1], '件', '以下'))).toBeNull();
  });

  it('finds where targets turn (two cells in the other order, a misread digit), naming the target before the turn', () => {
    expect(findTargetDoubt(indicator([10, 5, 15, 20, 25]))).toMatchObject({ kind: 'turns', at: 1 });
    expect(findTargetDoubt(indicator([5, 10, 20, 15, 25]))).toMatchObject({ kind: 'turns', at: 2 });
    expect(findTargetDoubt(indicator([100, 95, 100, 100, 100]))).toMatchObject({ kind: 'turns', at: 1 });
    expect(findTargetDoubt(indicator([null, 29, 31, 28]))?.targets.map((t) => t.value)).toEqual([29, 31, 28]);
  });

  it('doubts two targets that fall, unless both are ceilings (以下)', () => {
    expect(findTargetDoubt(indicator([null, null, null, 14000, 13000], '件'))).toMatchObject({ kind: 'twoFall', at: 1 });
    expect(findTargetDoubt(indicator([null, null, null, 5, 4], '件', '以下'))).toBeNull();
    expect(findTargetDoubt(indicator([5, 4, 5], '件', '以下'))).toMatchObject({ kind: 'turns' });
    expect(findTargetDoubt(indicator([null, null, null, 30, 20], '分', '以内'))).toBeNull();
    expect(findTargetDoubt(indicator([null, null, null, 5, 3], '件', '未満'))).toBeNull();
    expect(findTargetDoubt(indicator([null, null, null, -5, -10], '％'))).toBeNull();
  });

  it('counts a merged cell once and compares no targets of different units', () => {
    const merged = indicator([10, 10, 5, 20, 25], '％', null, [[2021, 2022], [2021, 2022]]);
    expect(findTargetDoubt(merged)).toMatchObject({ kind: 'turns', at: 1 });
    expect(findTargetDoubt(merged)!.targets.map((t) => t.fiscalYear)).toEqual([2021, 2023, 2024, 2025]);
    const mixed = indicator([10, 5, 15]);
    mixed.targets[1] = { ...mixed.targets[1]!, unit: '件' };
    expect(findTargetDoubt(mixed)).toBeNull();
  });
});
