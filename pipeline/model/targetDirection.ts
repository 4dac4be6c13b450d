/**
 * Which way an indicator's targets move over the fiscal years. A target is a goal for a year, and a
 * plan sets them to rise year by year (利用件数, 交付率) or to fall (`５件以下 ４件以下 …`): all 38
 * indicators of the 2021 edition and 89 of the 93 of 2025-03 do one or the other. Two cells read in
 * the other order (`10％ 5％ 15％`) or a misread digit (`１８，０００ １４，０００ 15,000`) makes a
 * sequence that rises and falls, and the wrong numbers would be published under the right years; with
 * only two targets nothing can turn, but a fall is the rare case there (`１４，０００件 １３，０００件`:
 * 1 of the 18 two-target indicators of both editions falls). Either is a doubt a person settles
 * against the PDF (`quality/targets-direction`).
 */
import type { Indicator, Target } from './plan.js';

/** The qualifiers of a target that is a ceiling: two of them may fall. */
const CEILINGS: ReadonlySet<string> = new Set(['以下', '以内', '未満']);

/** How an indicator's numbered targets move against what a plan's targets do. */
export interface TargetDoubt {
  /** `turns`: they rise, then fall, or the other way; `twoFall`: there are two, and the second is lower. */
  kind: 'turns' | 'twoFall';
  /** The targets with a number, in year order, a merged cell once. */
  targets: Target[];
  /** Index (in `targets`) of the target where the direction changes, or of the second of two. */
  at: number;
}

/**
 * The doubt about the direction of `indicator`'s numbered targets, or null when they move one way
 * (equal neighbours move neither way) and two of them do not fall. Targets in different units are not
 * compared (`table/units-differ` reports them); two targets printed as ceilings (`以下`, `以内`,
 * `未満`) or as reductions (`▲5％ ▲10％`) may fall.
 */
export function findTargetDoubt(indicator: Indicator): TargetDoubt | null {
  const targets: Target[] = [];
  for (const target of indicator.targets) {
    if (target.value === null) continue;
    // A merged cell is one target over its years.
    if (target.span && target.span[0] !== target.fiscalYear) continue;
    targets.push(target);
  }
  if (new Set(targets.map((t) => `${t.unit ?? ''}|${t.per ?? ''}`)).size > 1) return null;
  let direction = 0;
  for (let k = 1; k < targets.length; k++) {
    const step = Math.sign(targets[k]!.value! - targets[k - 1]!.value!);
    if (step === 0) continue;
    if (direction !== 0 && step !== direction) return { kind: 'turns', targets, at: k - 1 };
    direction = step;
  }
  // A ceiling (`以下`, `以内`, `未満`) or a reduction printed as a negative number (`▲5％`) may fall.
  const mayFall = targets.every((t) => CEILINGS.has(t.qualifier ?? '') || t.value! < 0);
  if (targets.length === 2 && direction < 0 && !mayFall) return { kind: 'twoFall', targets, at: 1 };
  return null;
}
