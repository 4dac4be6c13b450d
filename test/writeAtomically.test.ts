/**
 * The output folder is replaced all at once: a build that fails, or is killed at any moment, leaves
 * the previous output exactly as it was (or, once the swap is done, the complete new one).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryEffects } from '../pipeline/effects.js';
import { ROOT, writeAtomically, writeSyntheticSeeds } from './helpers.js';

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

/**
 * Runs the CLI build; kills it after `killAfterMs`, or as soon as it starts writing (`'writing'`).
 * A draft build: the synthetic edition's repeated sheets are findings no review file decides.
 */
function build(seeds: string, out: string, kill?: number | 'writing'): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'pipeline/cli.ts'), 'build', '--seeds', seeds, '--out', out, '--quiet', '--draft'], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1743465600' },
      stdio: 'ignore',
      // Its own process group: tsx runs the build in a child process, which must die with it (killing
      // only tsx's process leaves the build running on, racing the next one for the output folder).
      detached: true,
    });
    const killAll = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer =
      kill === undefined
        ? null
        : kill === 'writing'
          ? setInterval(() => existsSync(`${out}.building`) && killAll(), 1)
          : setTimeout(killAll, kill);
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      resolve(code);
    });
  });
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
    // A large edition, so that writing the output takes long enough to be interrupted.
    const seeds = writeSyntheticSeeds(20, join(dir, 'seeds'));
    cpSync(join(ROOT, 'seeds/2021'), join(seeds, '2021'), { recursive: true });
    const out = join(dir, 'dist');
    expect(await build(seeds, out)).toBe(0);
    const before = treeHash(out);
    // A change to the seeds makes the next build's output differ from the previous one.
    const metaPath = join(seeds, '2021/edition.json');
    writeFileSync(metaPath, readFileSync(metaPath, 'utf8').replace('"title": "', '"title": "改 '));
    // Killed while writing its temporary folder: the output is untouched. The writing phase is short,
    // so a build that finished before the kill landed just tries again.
    let killedWhileWriting = false;
    for (let attempt = 0; attempt < 10 && !killedWhileWriting; attempt++) {
      const snapshot = treeHash(out);
      const code = await build(seeds, out, 'writing');
      if (code === null && existsSync(`${out}.building`)) {
        killedWhileWriting = true;
        expect(treeHash(out)).toBe(snapshot);
      }
    }
    expect(killedWhileWriting).toBe(true);
    const seen = new Set<string | null>();
    for (const delay of [300, 1500, 3000, 4500]) {
      await build(seeds, out, delay);
      // Killed in the instant between the swap's two renames, the previous output waits complete
      // beside the output folder, and the next build puts it back.
      const now = treeHash(out) ?? treeHash(`${out}.previous`);
      seen.add(now === before ? 'before' : now);
    }
    expect(await build(seeds, out)).toBe(0);
    const after = treeHash(out);
    expect(after).not.toBe(before);
    // Every killed build left either the old tree or the complete new one, never a mix.
    for (const state of seen) expect(['before', after]).toContain(state);
    expect(existsSync(`${out}.building`)).toBe(false);
    expect(existsSync(`${out}.previous`)).toBe(false);
  }, 120_000);
});
