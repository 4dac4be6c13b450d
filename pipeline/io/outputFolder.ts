/**
 * Stage `write`: the output folder replaced as a whole, so readers see either the previous output or
 * the complete new one (never a mix), even when a build is killed.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { diagnose, type Diagnostic } from '../diagnostics.js';
import type { Effects } from './effects.js';

/** The file every output folder has at its root (the build writes it last): what tells an earlier output from another folder. */
export const OUTPUT_MARK = 'SHA256SUMS';

/** True when `inner` is `outer` or a folder inside it (both absolute; `seeds/..dist` is inside `seeds`, `..` is not). */
function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return !(path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path));
}

/**
 * Why the output folder may not be replaced, or null when it may: the build replaces it as a whole,
 * so a folder that is the seeds folder, holds it or lies inside it (where it would be read as an
 * edition folder), or one with files that are not an earlier output (no `SHA256SUMS`), would lose
 * what is in it. A missing or empty folder is fine.
 */
export async function checkOutputFolder(effects: Effects, outDir: string, seedsDir: string): Promise<Diagnostic | null> {
  // Symbolic links resolved, so a link to the seeds folder (or into it) is the seeds folder.
  const [out, seeds] = await Promise.all([outDir, seedsDir].map((p) => (effects.realPath ? effects.realPath(p) : Promise.resolve(resolve(p)))));
  if (isWithin(seeds!, out!) || isWithin(out!, seeds!)) {
    return diagnose('fs/unsafe-output', 'seedsInside', { out: outDir, seeds: seedsDir }, { file: outDir });
  }
  let entries;
  try {
    entries = await effects.listDirectory(outDir);
  } catch (error) {
    // A file where the folder should be would be deleted as well.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    return diagnose('fs/unsafe-output', 'notAnOutput', { out: outDir }, { file: outDir });
  }
  if (entries === null ? !(await effects.exists(outDir)) : entries.length === 0 || (await effects.exists(`${outDir.replace(/\/+$/, '')}/${OUTPUT_MARK}`))) return null;
  return diagnose('fs/unsafe-output', 'notAnOutput', { out: outDir }, { file: outDir });
}

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
