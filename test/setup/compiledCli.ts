/**
 * Vitest global setup: makes sure the compiled CLI (`.build/cli.js`, `pipeline/cli/compile.ts`) exists
 * and matches the sources before any test spawns it, so `npm test` on a fresh clone needs no
 * `npm run build` (or `npm ci`'s compile) first. Compiles only when it is missing or stale.
 */
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, compileCli, ROOT } from '../../pipeline/cli/compile.js';
import { findStaleInputs } from '../../pipeline/cli/freshness.js';

/** Compiles the CLI when `.build/` holds none or an outdated one. */
export async function setup(): Promise<void> {
  const stale = findStaleInputs(pathToFileURL(`${ROOT}${BUILD_DIR}/`));
  if (stale === null || stale.length > 0) await compileCli();
}
