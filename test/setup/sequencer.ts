/**
 * The order the test files start in: the slowest first, so that the workers finish together. Vitest
 * orders by the durations it cached from the last run, or, on a fresh machine, by file size, which
 * would start the type check (a small file, the longest test) last.
 */
import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files by name (whatever folder they move to), slowest first, as measured (README,
 * Tests); the others follow in vitest's order.
 */
const SLOWEST = [
  'typecheck.test.ts',
  'mutants.2025-03.test.ts',
  'build.test.ts',
  'writeAtomically.test.ts',
  'portal.browser.test.ts',
  'site.browser.test.ts',
  'parsePlanDocument.property.test.ts',
  'mutants.test.ts',
  'compile.test.ts',
  'csvReaders.test.ts',
];

/** Vitest's order with the slowest files moved to the front. */
export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = SLOWEST.indexOf(basename(file.moduleId));
      return at < 0 ? SLOWEST.length : at;
    };
    // A stable sort: the files not listed keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
