/**
 * Vitest global setup: builds both real seed editions once, in memory, before any test file runs,
 * and hands the result to every test file through a temporary file (`builtSeeds` in
 * `test/helpers.ts` reads it). Without it each test file that reads outputs rebuilt both seeds.
 * Meanwhile it checks the Debian packages the tests use (`test/setup/systemPackages.ts`), so that a
 * test needing a missing one fails naming it (`requireSystemPackages`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import type { TestProject } from 'vitest/node';
import { buildSeedsInMemory } from '../helpers.js';
import { missingSystemPackages } from './systemPackages.js';

declare module 'vitest' {
  /** What the global setup provides to the test files. */
  export interface ProvidedContext {
    /** The serialised build of both real seeds (`BuiltSeeds`, node:v8 format). */
    builtSeedsFile: string;
    /** The Debian packages the tests use that are not installed. */
    missingSystemPackages: string[];
  }
}

let dir: string | null = null;

/** Builds the seeds and provides the file holding the build, and the missing Debian packages. */
export async function setup(project: TestProject): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'built-seeds-'));
  const file = join(dir, 'built.v8');
  const [built, missing] = await Promise.all([buildSeedsInMemory(), missingSystemPackages()]);
  // node:v8 keeps what JSON would lose (the files' bytes, Maps, undefined) in a few milliseconds.
  writeFileSync(file, serialize(built));
  project.provide('builtSeedsFile', file);
  project.provide('missingSystemPackages', missing);
}

/** Removes the temporary file. */
export function teardown(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
