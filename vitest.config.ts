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
    // second a file). Safe here: no test changes a global or mocks a module, and `builtSeeds` gives
    // each caller its own copy of the shared build.
    isolate: false,
    sequence: { sequencer: SlowestFirstSequencer },
    testTimeout: 30_000,
    reporters: ['default', new SummaryReporter()],
  },
});
