import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './test/setup/sequencer.js';
import { SummaryReporter } from './test/summaryReporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds both real seeds once for every test file that reads outputs (`builtSeeds`), and
    // compiles the CLI (`.build/`) when it is missing or stale, for the tests that spawn it.
    globalSetup: ['test/setup/builtSeeds.ts', 'test/setup/compiledCli.ts'],
    // Every core runs test files: vitest's default (cores − 1) gives a 2-core machine a single worker.
    maxWorkers: availableParallelism(),
    // Test files share their worker's loaded modules instead of each loading the pipeline again (a
    // second a file). Safe here: no test mocks a module; the one test that changes globals (the
    // workbook's, `process.env.TZ` and a faked `Date`) does so synchronously and puts them back in
    // `finally`, and each worker is a process of its own (vitest's default pool, forks); `builtSeeds`
    // gives each caller its own copy of the shared build. (Switching zones in-process cannot catch a
    // zone captured when a module loads, as a cached Intl.DateTimeFormat would; none does here.)
    isolate: false,
    sequence: { sequencer: SlowestFirstSequencer },
    testTimeout: 30_000,
    reporters: ['default', new SummaryReporter()],
  },
});
