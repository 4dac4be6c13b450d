/**
 * Golden tests: each folder under test/fixtures/ is a case with an input seeds folder (`input/`, or
 * the path named in `case.json`) and the expected output tree (`expected/`), including the readable
 * build report (`report.txt`). The whole pipeline runs in memory. Expected files are rewritten only
 * with UPDATE_GOLDEN=1, and never in CI.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEditions } from '../pipeline/build.js';
import { memoryEffects } from '../pipeline/io/effects.js';
import { formatBuildReport } from '../pipeline/cli/report.js';
import { ROOT, TEST_DATE, zipManifest } from './helpers.js';

const FIXTURES = join(ROOT, 'test/fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
if (UPDATE && process.env.CI) throw new Error('UPDATE_GOLDEN is refused in CI: golden files change only by a reviewed commit');

function readTree(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = new Uint8Array(readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

for (const name of readdirSync(FIXTURES).sort()) {
  const caseDir = join(FIXTURES, name);
  const config = existsSync(join(caseDir, 'case.json')) ? JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) : {};
  const inputDir = join(caseDir, config.input ?? 'input');
  const expectedDir = join(caseDir, 'expected');

  describe(`golden case ${name}`, () => {
    it('builds the expected output tree and report', async () => {
      const input = readTree(inputDir);
      const effects = memoryEffects(Object.fromEntries(Object.entries(input).map(([k, v]) => [`seeds/${k}`, v])));
      const result = await buildEditions({ seedsDir: 'seeds', outDir: 'dist', effects, buildDate: TEST_DATE });
      const actual: Record<string, Buffer> = { 'report.txt': Buffer.from(`${formatBuildReport(result).join('\n')}\n`) };
      for (const path of result.written) {
        const bytes = effects.files.get(path)!;
        // A zip (the xlsx is one too) is kept as the manifest of its entries (its bytes are checked through SHA256SUMS).
        if (path.endsWith('.zip') || path.endsWith('.xlsx')) actual[`${path.replace(/^dist\//, '')}.manifest`] = Buffer.from(await zipManifest(bytes));
        else actual[path.replace(/^dist\//, '')] = Buffer.from(bytes);
      }

      if (UPDATE) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const [path, data] of Object.entries(actual)) {
          mkdirSync(dirname(join(expectedDir, path)), { recursive: true });
          writeFileSync(join(expectedDir, path), data);
        }
      }
      const expected = readTree(expectedDir);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      // Compared as text, so a failure shows the difference.
      for (const path of Object.keys(expected)) expect(actual[path]!.toString('utf8'), path).toBe(Buffer.from(expected[path]!).toString('utf8'));
    });
  });
}
