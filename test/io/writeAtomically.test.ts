/**
 * The output folder is replaced all at once: a build that fails, or is killed at any moment, leaves
 * the previous output exactly as it was (or, once the swap is done, the complete new one). Real CLI
 * builds are killed at exact points through the fault-injection hook of pipeline/io/effects.ts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryEffects } from '../../pipeline/io/effects.js';
import { builtSeeds, ROOT, writeAtomically } from '../helpers.js';
import { NODE_FLAGS } from '../../pipeline/cli/compile.js';

/** One hash over every file of a folder (paths and contents), or null when it does not exist. */
function treeHash(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${relative(dir, path)}\0`).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** How a child build ended, with everything it printed. */
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** The run as text for a failed assertion: how it ended and what it printed. */
const shown = (label: string, run: Run) => `${label}: exit code ${run.code}, signal ${run.signal}; its output:\n${run.output || '(none)'}`;

/**
 * Runs the compiled CLI build (`.build/cli.js`, compiled by the global setup) in a child process as
 * its shebang does (`NODE_FLAGS`). With a `fault` (`write:N` or `rename:N`) the build kills itself with SIGKILL as its Nth file
 * write or rename starts (`HADANO_FAULT_KILL`, pipeline/io/effects.ts): an abrupt death at an exact
 * point, no timers.
 */
function build(seeds: string, out: string, fault?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: '1743465600' };
    delete env.HADANO_FAULT_KILL;
    if (fault) env.HADANO_FAULT_KILL = fault;
    const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, '.build/cli.js'), 'build', '--seeds', seeds, '--out', out, '--quiet'], { cwd: ROOT, env });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

/** Number of files under a folder. */
function fileCount(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

describe('writeAtomically', () => {
  it('replaces the whole folder, leaving no stale file and no temporary folder', async () => {
    const effects = memoryEffects({ 'out/old.txt': 'stale', 'out/2021/plan.json': '{}' });
    await writeAtomically(effects, 'out', [{ path: 'index.html', data: 'new' }]);
    expect([...effects.files.keys()]).toEqual(['out/index.html']);
  });

  it('repairs a build killed between its two renames', async () => {
    const effects = memoryEffects({ 'out.previous/index.html': 'old', 'out.building/half': 'x' });
    await writeAtomically(effects, 'out', [{ path: 'index.html', data: 'new' }]);
    expect(Object.fromEntries([...effects.files].map(([k, v]) => [k, new TextDecoder().decode(v)]))).toEqual({ 'out/index.html': 'new' });
  });
});

describe('a build killed midway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the previous output exactly as it was, or the complete new one', async () => {
    // The published output: the shared build of both seeds, written to disk.
    const out = join(dir, 'dist');
    const { files } = await builtSeeds();
    for (const [path, bytes] of files) {
      if (!path.startsWith('out/')) continue;
      mkdirSync(dirname(join(out, path.slice(4))), { recursive: true });
      writeFileSync(join(out, path.slice(4)), bytes);
    }
    const before = treeHash(out);
    // The next builds publish another output: the 2021 edition alone, retitled.
    const seeds = join(dir, 'seeds');
    cpSync(join(ROOT, 'seeds/2021'), join(seeds, '2021'), { recursive: true });
    const metaPath = join(seeds, '2021/edition.json');
    writeFileSync(metaPath, readFileSync(metaPath, 'utf8').replace('"title": "', '"title": "改 '));

    // Killed as the swap starts (before its first rename): every new file is written, none published.
    let run = await build(seeds, out, 'rename:1');
    expect(run.signal, shown('killed before the first rename', run)).toBe('SIGKILL');
    expect(treeHash(out), shown('killed before the first rename', run)).toBe(before);
    const complete = treeHash(`${out}.building`);
    const writes = fileCount(`${out}.building`);
    expect(complete).not.toBe(before);

    // Killed as it starts writing its last file, then halfway through its files: the output is untouched.
    for (const fault of [`write:${writes}`, `write:${Math.ceil(writes / 2)}`]) {
      run = await build(seeds, out, fault);
      expect(run.signal, shown(fault, run)).toBe('SIGKILL');
      expect(treeHash(out), shown(fault, run)).toBe(before);
      expect(existsSync(`${out}.building`), shown(fault, run)).toBe(true);
    }

    // Killed between the swap's two renames: no output folder, but the previous one complete beside
    // it, and the new one complete in its temporary folder.
    run = await build(seeds, out, 'rename:2');
    expect(run.signal, shown('killed between the renames', run)).toBe('SIGKILL');
    expect(existsSync(out), shown('killed between the renames', run)).toBe(false);
    expect(treeHash(`${out}.previous`), shown('killed between the renames', run)).toBe(before);
    expect(treeHash(`${out}.building`), shown('killed between the renames', run)).toBe(complete);

    // The next build puts the previous output back before anything else; killed at its first
    // write, it leaves the previous output exactly as it was.
    run = await build(seeds, out, 'write:1');
    expect(run.signal, shown('killed after the repair', run)).toBe('SIGKILL');
    expect(treeHash(out), shown('killed after the repair', run)).toBe(before);
    expect(existsSync(`${out}.previous`), shown('killed after the repair', run)).toBe(false);

    // A build left alone publishes the complete new output, the same as every killed build had made.
    run = await build(seeds, out);
    expect(run.code, shown('the build left alone', run)).toBe(0);
    expect(treeHash(out), shown('the build left alone', run)).toBe(complete);
    expect(existsSync(`${out}.building`)).toBe(false);
    expect(existsSync(`${out}.previous`)).toBe(false);
  }, 60_000);
});
