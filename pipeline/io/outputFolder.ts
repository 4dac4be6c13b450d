/**
 * Stage `write`: the output folder replaced as a whole, so readers see either the previous output or
 * the complete new one (never a mix), even when a build is killed.
 */
import type { Effects } from './effects.js';

/**
 * The output folder is replaced so that readers see either the previous one or the complete new
 * one: everything is written into `<out>.building` (emptied here), then `finishBuilding` moves the
 * previous folder aside to `<out>.previous` and renames the new one into place. A build killed
 * while writing leaves `<out>` untouched; one killed between the two renames is repaired here, at
 * the start of the next build. Returns the folder to write into.
 */
export async function startBuilding(effects: Effects, outDir: string): Promise<string> {
  const { building, previous } = siblings(outDir);
  if (!(await effects.exists(outDir)) && (await effects.exists(previous))) await effects.rename(previous, outDir);
  await effects.remove(building);
  await effects.remove(previous);
  return building;
}

/** Swaps the complete `<out>.building` in for `<out>` (see `startBuilding`). */
export async function finishBuilding(effects: Effects, outDir: string): Promise<void> {
  const { building, previous } = siblings(outDir);
  if (await effects.exists(outDir)) await effects.rename(outDir, previous);
  await effects.rename(building, outDir);
  await effects.remove(previous);
}

/** The two folders beside the output folder: the one being built and the one moved aside. */
export function siblings(outDir: string): { building: string; previous: string } {
  const base = outDir.replace(/\/+$/, '');
  return { building: `${base}.building`, previous: `${base}.previous` };
}
