/**
 * A vitest reporter that ends the run with the plain line `N passed, N failed` (and skipped, when
 * any), which CI reads whatever the test runner; the default reporter still prints the details.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** Prints `N passed, N failed` after every test run. */
export class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load, or whose hook failed (its tests then count as skipped), has no
      // failed test but must still fail the run.
      if (module.state() === 'failed' && ![...module.children.allTests()].some((test) => test.result().state === 'failed')) failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  }
}
