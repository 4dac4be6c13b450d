import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEditions } from '../pipeline/build.js';
import { runCli } from '../pipeline/cli.js';
import { memoryEffects, nodeEffects } from '../pipeline/effects.js';
import { readZip, ROOT, seedMeta, seedsInMemory, TEST_DATE, writeSyntheticSeeds } from './helpers.js';

describe('buildEditions', () => {
  it('builds every edition folder in memory and writes plan, quality and coverage files', async () => {
    const effects = seedsInMemory();
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(true);
    const perEdition = (id: string) => [
      `out/${id}/plan.json`,
      `out/${id}/quality.json`,
      `out/${id}/coverage.json`,
      `out/${id}/plan.jsonld`,
      `out/${id}/plan.nq`,
      `out/${id}/csv/csv-metadata.json`,
      `out/${id}/datapackage.json`,
      `out/${id}/index.html`,
      `out/${id}/hadano-ict-plan-${id}.zip`,
      ...['policies', 'measures', 'projects', 'project_departments', 'initiatives', 'initiative_texts', 'indicators', 'indicator_targets', 'revisions'].flatMap((t) => [
        `out/${id}/csv/${t}.csv`,
        `out/${id}/csv/${t}.schema.json`,
      ]),
    ];
    const shared = ['out/SHA256SUMS', 'out/catalog.jsonld', 'out/catalog.ttl', 'out/context.jsonld', 'out/index.html', 'out/vocab.jsonld'];
    shared.push(...['json', 'csv', 'md'].map((ext) => `out/changes/2021..2025-03.${ext}`), 'out/ckan/2021.json', 'out/ckan/2025-03.json');
    expect([...result.written].sort()).toEqual([...shared, ...perEdition('2021'), ...perEdition('2025-03')].sort());
    const plan = JSON.parse(new TextDecoder().decode(effects.files.get('out/2025-03/plan.json')));
    expect(plan.edition.number).toBe(5);
  });

  it('is deterministic: two builds write identical bytes', async () => {
    const a = seedsInMemory();
    const b = seedsInMemory();
    await buildEditions({ seedsDir: 'in', outDir: 'out', effects: a, buildDate: TEST_DATE });
    await buildEditions({ seedsDir: 'in', outDir: 'out', effects: b, buildDate: TEST_DATE });
    for (const [path, bytes] of a.files) expect(Buffer.from(b.files.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('writes nothing when one edition is bad, and names its file and rule', async () => {
    // The good editions sort first, so their files were already streamed into out.building.
    const effects = seedsInMemory({ 'in/broken/edition.json': seedMeta('2021').replace('"2021"', '"broken"'), 'in/broken/x.txt': '', 'out/index.html': 'published' });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect([...effects.files.keys()].filter((k) => k.startsWith('out'))).toEqual(['out/index.html']);
    expect(new TextDecoder().decode(effects.files.get('out/index.html'))).toBe('published');
    expect(result.diagnostics.map((d) => [d.file, d.code])).toContainEqual(['in/broken/x.txt', 'input/empty']);
  });

  it('reports binary input and a folder without metadata instead of crashing', async () => {
    const effects = memoryEffects({
      'in/bin/edition.json': seedMeta('2021').replace('"2021"', '"bin"'),
      'in/bin/x.txt': new Uint8Array([0x00, 0xff, 0xfe, 0x01]),
      'in/nometa/x.txt': '個別事業一覧',
    });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['input/not-text', 'meta/missing']);
  });
});

describe('runCli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds --seeds into --out and exits 0', async () => {
    cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
    const lines: string[] = [];
    const code = await runCli(['build', '--seeds', join(dir, 'seeds'), '--out', join(dir, 'out')], (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines).toContain('built 2 editions, wrote 65 files');
    expect(lines.at(-1)).toMatch(/^summary: 2 editions, 97 projects, 131 indicator rows, 65 files written, 0 errors, 11 warnings, 8 notes, [\d.]+ s$/);
    expect(lines.filter((l) => /^ {2}2025-03 +parse +\d+ ms$/.test(l))).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'out/2021/plan.json'), 'utf8')).projects).toHaveLength(41);
  });

  it('exits 1 on data errors without touching the previous output', async () => {
    mkdirSync(join(dir, 'bad/dup'), { recursive: true });
    const text = readFileSync(join(ROOT, 'test/fixtures/bad-input/input/dup/edition.txt'));
    writeFileSync(join(dir, 'bad/dup/edition.txt'), text);
    writeFileSync(join(dir, 'bad/dup/edition.json'), readFileSync(join(ROOT, 'test/fixtures/bad-input/input/dup/edition.json')));
    const before = readFileSync(join(dir, 'out/2021/plan.json'));
    const lines: string[] = [];
    const code = await runCli(['build', '--seeds', join(dir, 'bad'), '--out', join(dir, 'out')], (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/bad\/dup\/edition\.txt:79:23: error sheet\/duplicate-number \[1-1-1\] Expected one sheet for 1-1-1/);
    expect(readFileSync(join(dir, 'out/2021/plan.json')).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'out/dup'))).toBe(false);
  });

  it('exits 2 on usage errors and 0 with --help, on every command', async () => {
    const lines: string[] = [];
    expect(await runCli(['publish'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['build', '--nope'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['frobnicate'], (l) => lines.push(l))).toBe(2);
    expect(await runCli([], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['diff', '2021'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['--help'], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('Usage: hadano-ict-plan <command> [options]');
    for (const command of ['build', 'validate', 'diff', 'publish']) {
      const help: string[] = [];
      expect(await runCli([command, '--help'], (l) => help.push(l))).toBe(0);
      expect(help[0]).toMatch(new RegExp(`^Usage: hadano-ict-plan ${command}`));
    }
  });

  it('validates without writing, reports as JSON, and prints a diff', async () => {
    const seeds = join(dir, 'seeds');
    const untouched = join(dir, 'never');
    const lines: string[] = [];
    expect(await runCli(['validate', '--seeds', seeds, '--out', untouched], (l) => lines.push(l))).toBe(0);
    expect(existsSync(untouched)).toBe(false);
    expect(lines).toContain('checked 2 editions: no errors, nothing written');
    const json: string[] = [];
    expect(await runCli(['validate', '--seeds', seeds, '--json'], (l) => json.push(l))).toBe(0);
    const report = JSON.parse(json.join('\n'));
    expect(report).toMatchObject({ command: 'validate', ok: true, written: [] });
    expect(report.editions.map((e: { id: string; totals: { sheets: number } }) => [e.id, e.totals.sheets])).toEqual([
      ['2021', 41],
      ['2025-03', 62],
    ]);
    const diff: string[] = [];
    expect(await runCli(['diff', '2021', '2025-03', '--seeds', seeds], (l) => diff.push(l))).toBe(0);
    expect(diff[0]).toContain('第1版（2021）から第5版（2025-03）への変更点');
    const unknown: string[] = [];
    expect(await runCli(['diff', '2021', '2030-01', '--seeds', seeds], (l) => unknown.push(l))).toBe(2);
    expect(unknown[0]).toBe('error: 2030-01 is not an edition that builds (editions: 2021, 2025-03)');
  });
});

describe('a file-system error while writing', () => {
  it('is a diagnostic, not a crash, and leaves the published folder and no .building', async () => {
    const effects = seedsInMemory({ 'out/index.html': 'published' });
    const writeFile = effects.writeFile.bind(effects);
    effects.writeFile = async (path, data) => {
      if (path.endsWith('/plan.nq')) throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', path });
      return writeFile(path, data);
    };
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['fs/error', 'out.building/2021/plan.nq']]);
    expect([...effects.files.keys()].filter((k) => k.startsWith('out'))).toEqual(['out/index.html']);
  });

  it('does not hide a programming error as one', async () => {
    const effects = seedsInMemory();
    effects.writeFile = async () => {
      throw new TypeError('a bug');
    };
    await expect(buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE })).rejects.toThrow('a bug');
  });
});

describe('a large edition', () => {
  it('gets project pages, in its zip and SHA256SUMS but not among the data resources', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'large-'));
    try {
      const seeds = writeSyntheticSeeds(10, join(dir, 'seeds'));
      const out = join(dir, 'dist');
      const result = await buildEditions({ seedsDir: seeds, outDir: out, effects: nodeEffects, buildDate: TEST_DATE });
      expect(result.ok).toBe(true);
      const pages = result.files.map((f) => f.path).filter((p) => p.startsWith('x10/pages/'));
      // 620 sheets over the measures, at most 500 a page.
      expect(pages.length).toBeGreaterThan(1);
      const top = readFileSync(join(out, 'index.html'), 'utf8');
      expect(top).not.toContain('<article');
      for (const page of pages) expect(top).toContain(`href="${page}"`);
      const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8');
      for (const page of pages) expect(sums).toContain(`  ${page}\n`);
      const names = (await readZip(new Uint8Array(readFileSync(join(out, 'x10/hadano-ict-plan-x10.zip'))))).map((e) => e.name);
      for (const page of pages) expect(names).toContain(page.slice('x10/'.length));
      const descriptor = JSON.parse(readFileSync(join(out, 'x10/datapackage.json'), 'utf8')) as { resources: { path: string }[] };
      expect(descriptor.resources.some((r) => r.path.startsWith('pages/'))).toBe(false);
      const articles = pages.reduce((n, page) => n + (readFileSync(join(out, page), 'utf8').match(/<article class="project"/g) ?? []).length, 0);
      expect(articles).toBe(result.editions[0]!.plan!.projects.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
