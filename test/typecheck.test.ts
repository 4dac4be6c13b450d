/**
 * The type check (`tsc --noEmit`, TypeScript strict, tsconfig.json) as a test of the suite: it runs
 * on one core while the other test files run on the others, instead of before them all, and its
 * errors print as this test's failure.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('the type check', () => {
  it('finds no type error in the pipeline and the tests', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--project', ROOT], { cwd: ROOT });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(code, `tsc --noEmit exited with ${code}:\n${output}`).toBe(0);
  }, 120_000);
});
