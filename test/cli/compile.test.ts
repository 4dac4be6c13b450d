/**
 * The compiled CLI (`pipeline/cli/compile.ts`, `.build/`, compiled by the global setup): ajv's
 * standalone validators judge exactly as the schemas compiled at run time do, the compiled CLI builds
 * the real seeds byte for byte as the TypeScript pipeline does, jsonld.js and n3 stay out of what
 * every start loads, and a changed source is noticed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, compileCli, NODE_FLAGS, toStandaloneValidators } from '../../pipeline/cli/compile.js';
import { COMPILE_SOURCE, findStaleInputs, INPUTS_FILE, statInput } from '../../pipeline/cli/freshness.js';
import { SCHEMAS, validateEditionSchema, validatePlanSchema, validateReviewSchema } from '../../pipeline/model/schemas.js';
import { builtSeeds, ROOT } from '../helpers.js';

const work = mkdtempSync(join(tmpdir(), 'compile-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Validator = ((data: unknown) => boolean) & { errors?: unknown };

/** The standalone validators as the compile generates them, bundled with ajv's runtime and imported. */
async function loadStandalone(): Promise<Record<keyof typeof SCHEMAS, Validator>> {
  const bundled = await build({
    stdin: { contents: toStandaloneValidators(), resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const file = join(work, 'validators.mjs');
  writeFileSync(file, bundled.outputFiles[0]!.contents);
  return (await import(pathToFileURL(file).href)) as Record<keyof typeof SCHEMAS, Validator>;
}

/** A deep copy of `value` changed by `change`. */
function changed<T>(value: T, change: (copy: any) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

/** Both judgements of `data`: valid or not, and every error. */
function judge(validator: Validator, data: unknown) {
  const valid = validator(data);
  return { valid, errors: valid ? null : validator.errors };
}

describe('the standalone validators', () => {
  it('judge valid and invalid plans, editions and review files exactly as the schemas compiled at run time', async () => {
    const standalone = await loadStandalone();
    const { result } = await builtSeeds();
    const plans = result.editions.map((e) => e.plan!);
    const plan = plans[1]!;
    const meta = JSON.parse(readFileSync(join(ROOT, 'seeds/2025-03/edition.json'), 'utf8'));
    const review = JSON.parse(readFileSync(join(ROOT, 'seeds/2025-03/review.json'), 'utf8'));
    const cases: [keyof typeof SCHEMAS, Validator, unknown][] = [
      ...plans.map((p) => ['validatePlanSchema', validatePlanSchema, p] as [keyof typeof SCHEMAS, Validator, unknown]),
      ['validatePlanSchema', validatePlanSchema, changed(plan, (p) => delete p.edition)],
      ['validatePlanSchema', validatePlanSchema, changed(plan, (p) => (p.projects[0].id = 42))],
      ['validatePlanSchema', validatePlanSchema, changed(plan, (p) => (p.unknownField = true))],
      ['validatePlanSchema', validatePlanSchema, changed(plan, (p) => (p.edition.number = Number.NaN))],
      ['validatePlanSchema', validatePlanSchema, changed(plan, (p) => (p.edition.baseIri = 'not an IRI'))],
      ['validatePlanSchema', validatePlanSchema, changed(plan, (p) => (p.projects[3].indicators = 'none'))],
      ['validateEditionSchema', validateEditionSchema, meta],
      ['validateEditionSchema', validateEditionSchema, changed(meta, (m) => delete m.id)],
      ['validateEditionSchema', validateEditionSchema, changed(meta, (m) => (m.license = { url: 'licence' }))],
      ['validateReviewSchema', validateReviewSchema, review],
      ['validateReviewSchema', validateReviewSchema, changed(review, (r) => (r.decisions[0].date = 'yesterday'))],
      ['validateReviewSchema', validateReviewSchema, changed(review, (r) => (r.decisions[1].decision = 'maybe'))],
    ];
    let invalid = 0;
    for (const [name, atRunTime, data] of cases) {
      const expected = judge(atRunTime, data);
      if (!expected.valid) invalid++;
      expect(judge(standalone[name], data)).toEqual(expected);
    }
    // The cases really include both outcomes.
    expect(invalid).toBeGreaterThanOrEqual(cases.length - plans.length - 4);
  });
});

/** Every file under `dir`, by path relative to it. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const path of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = join(dir, path);
    if (statSync(full).isFile()) files.set(relative(dir, full), readFileSync(full));
  }
  return files;
}

describe('the compiled CLI', () => {
  it('exits when a build fails before its first file (the writer thread never keeps it alive)', () => {
    // A seeds folder with a file but no edition folder: the writer thread has started, nothing is written.
    const seeds = join(work, 'no-editions');
    mkdirSync(seeds, { recursive: true });
    writeFileSync(join(seeds, 'stray.txt'), 'x\n');
    const run = spawnSync(process.execPath, [...NODE_FLAGS, join(ROOT, '.build/cli.js'), 'build', '--seeds', seeds, '--out', join(work, 'never'), '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(run.signal, 'the CLI did not exit by itself').toBeNull();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('meta/missing');
  });

  it('builds the real seeds byte for byte as the TypeScript pipeline does', async () => {
    const out = join(work, 'dist');
    // The build clock of the in-memory build (TEST_DATE, 2025-04-01T00:00:00Z).
    const run = spawnSync(process.execPath, [...NODE_FLAGS, join(ROOT, '.build/cli.js'), 'build', '--seeds', join(ROOT, 'seeds'), '--out', out, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1743465600' },
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const { files } = await builtSeeds();
    const expected = new Map([...files].flatMap(([path, bytes]) => (path.startsWith('out/') ? [[path.slice(4), Buffer.from(bytes)] as const] : [])));
    const actual = readTree(out);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true);
  });

  it('leaves jsonld.js and n3 out of what every start loads', () => {
    const cli = readFileSync(join(ROOT, '.build/cli.js'), 'utf8');
    expect(cli).not.toMatch(/node_modules\/jsonld\//);
    expect(cli).not.toMatch(/node_modules\/n3\//);
    // ajv's standalone code, not the compiler: no schema is compiled at start.
    expect(cli).not.toMatch(/node_modules\/ajv\/dist\/compile\//);
    expect(cli).toMatch(/node_modules\/ajv\/dist\/runtime\//);
  });

  it('starts with the same Node options from every npm script and shebang', () => {
    const flags = NODE_FLAGS.join(' ');
    const scripts: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    // Any script that starts Node or the CLI, compiled or not, must start it this way.
    const running = Object.entries(scripts).filter(([, command]) => /\bnode\b|\.build\/cli|\bcli\.ts\b/.test(command));
    expect(running.map(([name]) => name).sort()).toEqual(['build', 'diff', 'new-edition', 'publish', 'review', 'validate']);
    for (const [name, command] of running) expect(command, name).toBe(`node ${flags} .build/cli.js ${name}`);
    expect(readFileSync(join(ROOT, '.build/cli.js'), 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
    expect(readFileSync(join(ROOT, 'pipeline/cli/cli.ts'), 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags} --import tsx`);
  });
});

describe('a compiled CLI older than its sources', () => {
  it('compiles itself again, in its own folder, and runs the new code with the same arguments', async () => {
    // A folder of its own beside .build/ (a compiled CLI finds the repository as its folder's parent).
    const dir = join(ROOT, `.build-test-${process.pid}`);
    try {
      await compileCli(ROOT, dir);
      const record = JSON.parse(readFileSync(join(dir, INPUTS_FILE), 'utf8')) as { files: { path: string; mtimeMs: number }[] };
      record.files[0]!.mtimeMs -= 1000;
      writeFileSync(join(dir, INPUTS_FILE), JSON.stringify(record));
      expect(findStaleInputs(pathToFileURL(`${dir}/`))).toEqual([record.files[0]!.path]);
      // A Japanese locale: the notice follows `--lang en` as the rest of the run does.
      const run = spawnSync(process.execPath, [...NODE_FLAGS, join(dir, 'cli.js'), '--lang', 'en', 'diff', '2021'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'ja_JP.UTF-8', LC_ALL: '' } });
      expect(run.stderr).toContain(`sources changed (${record.files[0]!.path})`);
      // The new CLI ran: the usage error's exit code and text come through.
      expect(run.status).toBe(2);
      expect(run.stdout).toContain('hadano-ict-plan diff');
      expect(findStaleInputs(pathToFileURL(`${dir}/`))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the compile\'s record of its inputs', () => {
  it('lists the compile\'s own file, so a change to NODE_FLAGS or esbuild\'s options compiles again', () => {
    const record = JSON.parse(readFileSync(join(ROOT, BUILD_DIR, INPUTS_FILE), 'utf8')) as { files: { path: string }[] };
    const paths = record.files.map((f) => f.path);
    expect(paths).toContain(COMPILE_SOURCE);
    expect(paths).toContain('pipeline/cli/cli.ts');
  });
});

describe('findStaleInputs', () => {
  it('names the sources changed since the compile, and knows when nothing was compiled', () => {
    const root = join(work, 'repo');
    mkdirSync(join(root, '.build'), { recursive: true });
    writeFileSync(join(root, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'b.ts'), 'export const b = 2;\n');
    const rootUrl = pathToFileURL(`${root}/`);
    const buildDir = pathToFileURL(`${root}/.build/`);
    expect(findStaleInputs(buildDir)).toBeNull();
    writeFileSync(join(root, '.build', INPUTS_FILE), JSON.stringify({ files: [statInput(rootUrl, 'a.ts'), statInput(rootUrl, 'b.ts')] }));
    expect(findStaleInputs(buildDir)).toEqual([]);
    // Same size, later modification time; and a source removed.
    writeFileSync(join(root, 'a.ts'), 'export const a = 3;\n');
    utimesSync(join(root, 'a.ts'), new Date(), new Date(Date.now() + 5000));
    rmSync(join(root, 'b.ts'));
    expect(findStaleInputs(buildDir)).toEqual(['a.ts', 'b.ts']);
  });
});
