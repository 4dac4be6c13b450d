import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEditions, checkEditions } from '../pipeline/build.js';
import { fromEditionFolder, type EditionInput } from '../pipeline/io/editionFolder.js';
import { runCli } from '../pipeline/cli/cli.js';
import { memoryEffects, nodeEffects } from '../pipeline/io/effects.js';
import { builtSeeds, readZip, ROOT, SEEDS, seedBytes, seedMeta, seedReview, seedsInMemory, TEST_DATE, writeSyntheticSeeds } from './helpers.js';

describe('buildEditions', () => {
  it('builds every edition folder in memory and writes plan, quality and coverage files', async () => {
    // The shared build (test/setup/builtSeeds.ts) is exactly this: both seeds from `seedsInMemory()` into `out/`.
    const { result, files } = await builtSeeds();
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
      `out/${id}/hadano-ict-plan-${id}.xlsx`,
      `out/${id}/schemas/plan.schema.json`,
      ...['policies', 'measures', 'projects', 'project_departments', 'initiatives', 'initiative_texts', 'indicators', 'indicator_targets', 'revisions'].flatMap((t) => [
        `out/${id}/csv/${t}.csv`,
        `out/${id}/csv/${t}.schema.json`,
      ]),
    ];
    const shared = ['out/SHA256SUMS', 'out/catalog.jsonld', 'out/catalog.ttl', 'out/context.jsonld', 'out/index.html', 'out/vocab.jsonld', 'out/schemas/plan.schema.json'];
    shared.push(...['json', 'csv', 'md', 'schema.json'].map((ext) => `out/changes/2021..2025-03.${ext}`), 'out/ckan/2021.json', 'out/ckan/2025-03.json');
    shared.push(...['csv-metadata.json', 'indicator_targets_history.csv', 'indicator_targets_history.schema.json'].map((name) => `out/history/${name}`));
    // One page per project of any edition (62 ids: 59 projects and 3 【再掲】 listings), made of all editions.
    const plans = ['2021', '2025-03'].map((id) => JSON.parse(new TextDecoder().decode(files.get(`out/${id}/plan.json`))) as { projects: { id: string }[] });
    shared.push(...[...new Set(plans.flatMap((p) => p.projects.map((x) => x.id)))].map((id) => `out/project/${id}.html`));
    expect(shared.filter((f) => f.startsWith('out/project/'))).toHaveLength(62);
    expect([...result.written].sort()).toEqual([...shared, ...perEdition('2021'), ...perEdition('2025-03')].sort());
    const plan = JSON.parse(new TextDecoder().decode(files.get('out/2025-03/plan.json')));
    expect(plan.edition.number).toBe(5);
  });

  it('is deterministic: two builds write identical bytes', async () => {
    // This build and the shared one ran in different processes: nothing of the process leaks into the bytes.
    const { files: a } = await builtSeeds();
    const b = seedsInMemory();
    await buildEditions({ seedsDir: 'in', outDir: 'out', effects: b, buildDate: TEST_DATE });
    expect([...a.keys()].filter((k) => k.startsWith('out/')).length).toBeGreaterThan(50);
    expect([...b.files.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(Buffer.from(b.files.get(path)!).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('writes nothing when one edition is bad, and names its file and rule', async () => {
    // The good editions sort first, so their files were already streamed into out.building.
    const effects = seedsInMemory({ 'in/broken/edition.json': seedMeta('2021').replace('"2021"', '"broken"'), 'in/broken/x.txt': '', 'out/index.html': 'published', 'out/SHA256SUMS': 'published' });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect([...effects.files.keys()].filter((k) => k.startsWith('out'))).toEqual(['out/index.html', 'out/SHA256SUMS']);
    expect(new TextDecoder().decode(effects.files.get('out/index.html'))).toBe('published');
    expect(result.diagnostics.map((d) => [d.file, d.code])).toContainEqual(['in/broken/x.txt', 'input/empty']);
  });

  it('refuses an output folder it would lose files by replacing: the seeds folder, one holding it or inside it, one that is not an earlier output', async () => {
    const seeds = [...seedsInMemory().files.keys()].sort();
    for (const [outDir, extra, variant] of [
      ['in', {}, 'seedsInside'],
      ['.', {}, 'seedsInside'],
      ['in/dist', {}, 'seedsInside'],
      // A name starting with two dots is inside the folder, not above it.
      ['in/..dist', {}, 'seedsInside'],
      ['notes', { 'notes/todo.txt': 'mine' }, 'notAnOutput'],
      // A file where the output folder should be.
      ['afile', { afile: 'mine' }, 'notAnOutput'],
    ] as const) {
      const effects = seedsInMemory(extra);
      const result = await buildEditions({ seedsDir: 'in', outDir, effects, buildDate: TEST_DATE });
      expect(result.ok, outDir).toBe(false);
      expect(result.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([['fs/unsafe-output', 'error', outDir]]);
      expect(result.diagnostics[0]!.message).toContain(variant === 'seedsInside' ? '（--seeds の in）と別の場所のはず' : 'ほかのファイルが入っています');
      // Nothing was touched: the seeds and the other files are all there, nothing else written.
      expect([...effects.files.keys()].sort()).toEqual([...seeds, ...Object.keys(extra)].sort());
    }
    // A missing folder, an empty one, and an earlier output are replaced.
    for (const extra of [{}, { 'out/SHA256SUMS': 'x', 'out/old.html': 'x' }] as Record<string, string>[]) {
      const effects = seedsInMemory(extra);
      expect((await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE })).ok).toBe(true);
      expect(effects.files.has('out/old.html')).toBe(false);
    }
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
    const code = await runCli(['--lang', 'en', 'build', '--seeds', join(dir, 'seeds'), '--out', join(dir, 'out')], (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines).toContain('built 2 editions, wrote 136 files');
    expect(lines.at(-1)).toMatch(
      /^summary: 2 editions \(2021: 38 projects, 38 indicator rows; 2025-03: 59 projects, 93 indicator rows\), 136 files written, 0 errors, \d+ warnings?, \d+ notes, 0 findings awaiting review, [\d.]+ s$/,
    );
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
    const code = await runCli(['--lang', 'en', 'build', '--seeds', join(dir, 'bad'), '--out', join(dir, 'out')], (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/bad\/dup\/edition\.txt:78:23: error sheet\/duplicate-number \[1-1-1\] Expected one sheet for 1-1-1/);
    expect(readFileSync(join(dir, 'out/2021/plan.json')).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'out/dup'))).toBe(false);
  });

  it('exits 2 on usage errors and 0 with --help, on every command', async () => {
    const lines: string[] = [];
    expect(await runCli(['--lang', 'en', 'publish'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['--lang', 'en', 'build', '--nope'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['--lang', 'en', 'frobnicate'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['--lang', 'en'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['--lang', 'en', 'diff', '2021'], (l) => lines.push(l))).toBe(2);
    expect(await runCli(['--lang', 'en', '--help'], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('Usage: hadano-ict-plan <command> [options]');
    expect(await runCli(['--lang', 'en', 'review'], (l) => lines.push(l))).toBe(2);
    for (const command of ['build', 'validate', 'diff', 'review', 'publish']) {
      const help: string[] = [];
      expect(await runCli(['--lang', 'en', command, '--help'], (l) => help.push(l))).toBe(0);
      expect(help[0]).toMatch(new RegExp(`^Usage: hadano-ict-plan ${command}`));
    }
  });

  it('refuses, on disk, an --out that is the seeds folder through a link, or a file', async () => {
    const seeds = join(dir, 'seeds');
    const link = join(dir, 'seeds-link');
    symlinkSync(seeds, link);
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    for (const out of [link, join(link, 'dist'), file]) {
      const lines: string[] = [];
      expect(await runCli(['--lang', 'en', 'build', '--seeds', seeds, '--out', out], (l) => lines.push(l)), out).toBe(1);
      expect(lines.join('\n'), out).toContain('error fs/unsafe-output');
    }
    expect(readdirSync(seeds).sort()).toEqual(['2021', '2025-03']);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('validates without writing, reports as JSON, and prints a diff', async () => {
    const seeds = join(dir, 'seeds');
    const untouched = join(dir, 'never');
    const lines: string[] = [];
    // validate writes nothing, so it takes no --out: given one, it stops rather than ignore it.
    expect(await runCli(['--lang', 'en', 'validate', '--seeds', seeds, '--out', untouched], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toBe('error: validate does not take --out (it would change nothing, so the command stops)');
    lines.length = 0;
    expect(await runCli(['--lang', 'en', 'validate', '--seeds', seeds], (l) => lines.push(l))).toBe(0);
    expect(existsSync(untouched)).toBe(false);
    expect(lines).toContain('checked 2 editions: no errors, nothing written');
    const json: string[] = [];
    expect(await runCli(['--lang', 'en', 'validate', '--seeds', seeds, '--json'], (l) => json.push(l))).toBe(0);
    const report = JSON.parse(json.join('\n'));
    expect(report).toMatchObject({ command: 'validate', ok: true, written: [] });
    expect(report.editions.map((e: { id: string; totals: { sheets: number } }) => [e.id, e.totals.sheets])).toEqual([
      ['2021', 41],
      ['2025-03', 62],
    ]);
    const diff: string[] = [];
    expect(await runCli(['--lang', 'en', 'diff', '2021', '2025-03', '--seeds', seeds], (l) => diff.push(l))).toBe(0);
    expect(diff[0]).toContain('第1版（2021）から第5版（2025-03）への変更点');
    const unknown: string[] = [];
    expect(await runCli(['--lang', 'en', 'diff', '2021', '2030-01', '--seeds', seeds], (l) => unknown.push(l))).toBe(2);
    expect(unknown[0]).toBe('error: 2030-01 is not an edition that builds (editions: 2021, 2025-03)');
  });
});

describe('a file-system error while writing', () => {
  it('is a diagnostic, not a crash, and leaves the published folder and no .building', async () => {
    const effects = seedsInMemory({ 'out/index.html': 'published', 'out/SHA256SUMS': 'published' });
    const writeFile = effects.writeFile.bind(effects);
    effects.writeFile = async (path, data) => {
      if (path.endsWith('/plan.nq')) throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', path });
      return writeFile(path, data);
    };
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['fs/error', 'out.building/2021/plan.nq']]);
    expect([...effects.files.keys()].filter((k) => k.startsWith('out'))).toEqual(['out/index.html', 'out/SHA256SUMS']);
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
      // Its repeated sheets repeat the real text's table findings, which no review file decides: a draft writes them all.
      const result = await buildEditions({ seedsDir: seeds, outDir: out, effects: nodeEffects, buildDate: TEST_DATE, draft: true });
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

/** The shipped 2025-03 review file, changed by `edit` (decisions, edition). */
function review2025(edit: (file: { edition: string; decisions: { finding: string }[] }) => void = () => {}): string {
  const file = JSON.parse(seedReview('2025-03')!);
  edit(file);
  return JSON.stringify(file, null, 2);
}
/** The finding of the unexplained FY2022 target of 2-5-3 (no 改訂履歴 entry names 2-5-3). */
const POLICY = 'review/unexplained-change@target-changed/2-5-3/target/2-5-3/1/2022~';
const withoutPolicy = (file: { decisions: { finding: string }[] }) => {
  file.decisions = file.decisions.filter((d) => !d.finding.startsWith(POLICY));
};

describe('every change is declared or reviewed', () => {
  it('publishes the real editions with their review files, every unexplained change accepted', async () => {
    const { result, files } = await builtSeeds();
    const [e2021, e2025] = result.editions;
    expect(result.draft).toBe(false);
    expect(e2025!.changelog!.unexplainedChanges.length).toBeGreaterThan(0);
    const accepted = e2025!.review!.findings.filter((f) => f.code === 'review/unexplained-change');
    // Every change the 改訂履歴 does not explain is a finding, and each is accepted with a reason.
    expect(accepted.map((f) => f.finding.replace(/^review\/unexplained-change@|~[0-9a-f]{8}$/g, '')).sort()).toEqual([...e2025!.changelog!.unexplainedChanges].sort());
    expect(accepted.every((f) => f.status === 'accepted' && f.decision!.reason.length > 20 && f.decision!.by === 'hadano-ict-plan maintainers')).toBe(true);
    // The 情報システム課 → デジタル推進課 reorganisation is one finding of the whole plan (no project), decided once.
    const renames = accepted.filter((f) => f.finding.includes('@department-renamed/'));
    expect(renames.map((f) => [f.finding.replace(/~[0-9a-f]{8}$/, ''), f.subject, f.status])).toEqual([['review/unexplained-change@department-renamed/情報システム課', null, 'accepted']]);
    expect(e2025!.review).toMatchObject({ status: 'reviewed', pending: 0, rejected: 0, staleDecisions: [], reviewFile: 'in/2025-03/review.json' });
    expect(e2021!.review!.pending).toBe(0);
    // Accepted findings are notes that carry the decision.
    const notes = e2025!.diagnostics.filter((d) => d.code === 'review/unexplained-change');
    expect(notes.every((d) => d.severity === 'info' && d.decision?.decision === 'accept')).toBe(true);
    const quality = JSON.parse(new TextDecoder().decode(files.get('out/2025-03/quality.json')));
    expect(quality.review).toMatchObject({ edition: '2025-03', status: 'reviewed', draft: false, pending: 0 });
    expect(quality.review.findings.find((f: { finding: string }) => f.finding.startsWith(POLICY))).toMatchObject({ status: 'accepted', decision: { decision: 'accept', date: '2026-12-02' } });
    expect(quality.issues.filter((d: { code: string }) => d.code === 'review/unexplained-change')).toHaveLength(accepted.length);
    expect(files.has('out/draft.json')).toBe(false);
  });

  it('stops at a table 2021 cannot vouch for when two of its one-line rows are read in the other order (1-2-8, new in 2025-03)', async () => {
    // Lines 1104 and 1106: 「利用件数 １３，０００件 １４，０００件」 and 「登録団体数 215 件 225 件」; each row
    // keeps its own name and values, so every reading rule passes, but the indicators' ids and order change.
    const lines = new TextDecoder().decode(seedBytes('2025-03')).split('\n');
    [lines[1103], lines[1105]] = [lines[1105]!, lines[1103]!];
    expect(lines[1103]).toMatch(/^登録団体数/);
    const effects = seedsInMemory({ [`in/2025-03/${SEEDS['2025-03']}`]: lines.join('\n') });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    const errors = result.diagnostics.filter((d) => d.severity === 'error' && d.file === `in/2025-03/${SEEDS['2025-03']}`);
    const table = errors.find((d) => d.code === 'review/unvouched-table')!;
    expect(table.finding).toMatch(/^review\/unvouched-table@1-2-8\/indicator~[0-9a-f]{8}$/);
    expect(table.position!.start.line).toBeLessThanOrEqual(1104);
    expect(table.position!.end.line).toBeGreaterThanOrEqual(1106);
    expect(table.message).toContain('1-2-8 の評価指標（3 行：「登録団体数」「利用件数」「利用者満足度」）は、2021 版にない表です');
    // The decision that a person checked the table as printed goes stale: it was about another reading.
    expect(result.editions[1]!.review!.staleDecisions).toEqual([expect.stringMatching(/^review\/unvouched-table@1-2-8\/indicator~/)]);
  });

  it('stops at a 改訂履歴 date read as another month (令和６年３月 as ４月), which no other line of the text states', async () => {
    const text = new TextDecoder().decode(seedBytes('2025-03'));
    const lines = text.split('\n');
    expect(lines[3869]).toMatch(/^令和６年３月/);
    lines[3869] = lines[3869]!.replace('令和６年３月', '令和６年４月');
    const effects = seedsInMemory({ [`in/2025-03/${SEEDS['2025-03']}`]: lines.join('\n') });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    const found = result.diagnostics.find((d) => d.code === 'review/unvouched-revision' && d.severity === 'error')!;
    expect(found.finding).toMatch(/^review\/unvouched-revision@2024-04~[0-9a-f]{8}$/);
    expect(found.position!.start.line).toBe(3870);
    expect(found.message).toContain('改訂履歴の令和6年4月の改訂（項目 32 件）は、2021 版にない改訂です');
    expect(result.editions[1]!.review!.staleDecisions).toEqual([expect.stringMatching(/^review\/unvouched-revision@2024-03~/)]);
  });

  it('stops at a change no entry explains and nobody accepted, and names it', async () => {
    const effects = seedsInMemory({ 'in/2025-03/review.json': review2025(withoutPolicy), 'out/index.html': 'published', 'out/SHA256SUMS': 'published' });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect([...effects.files.keys()].filter((k) => k.startsWith('out'))).toEqual(['out/index.html', 'out/SHA256SUMS']);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.file, d.position?.start.line, d.subject])).toEqual([['review/unexplained-change', 'in/2025-03/000_5b993dc6e4c545ce.txt', 3402, '2-5-3']]);
    expect(errors[0]!.finding).toMatch(/^review\/unexplained-change@target-changed\/2-5-3\/target\/2-5-3\/1\/2022~[0-9a-f]{8}$/);
    expect(errors[0]!.message).toMatch(/^2025-03 の改訂履歴に、2-5-3 を挙げて、上方修正（目標値の引き上げ）、または.*に触れた記載があるはずですが、2-5-3 を挙げた記載がありません。説明のない変更：ポリシーの改定の令和4年度（2022年度）の目標を（空欄）から「１回」に変更（in\/2025-03\/review\.json で承認されるまで公開されません）$/);
    expect(errors[0]!.messageEn).toMatch(/: ポリシーの改定の令和4年度（2022年度）の目標を（空欄）から「１回」に変更; not published until accepted in in\/2025-03\/review\.json$/);
    expect(result.editions[1]!.review).toMatchObject({ status: 'pending', pending: 1 });
  });

  it('makes a changed reading of an accepted change a new finding, and its old decision stale', async () => {
    const text = new TextDecoder().decode(seedBytes('2025-03'));
    const reread = text.replace('ポリシーの改定 １回 １回    ', 'ポリシーの改定 １回 ２回    ');
    expect(reread).not.toBe(text);
    const effects = seedsInMemory({ [`in/2025-03/${SEEDS['2025-03']}`]: reread });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    const review = result.editions[1]!.review!;
    const shipped = JSON.parse(seedReview('2025-03')!).decisions.find((d: { finding: string }) => d.finding.startsWith(POLICY)).finding;
    // The table's reading changed too: the decision that a person checked it goes stale with it.
    const checkedTable = JSON.parse(seedReview('2025-03')!).decisions.find((d: { finding: string }) => d.finding.startsWith('review/unvouched-table@2-5-3/indicator~')).finding;
    expect(review.staleDecisions).toEqual([shipped, checkedTable]);
    const pending = review.findings.filter((f) => f.status === 'pending');
    expect(pending.map((f) => f.finding.split('~')[0])).toEqual([POLICY.split('~')[0], 'review/unvouched-table@2-5-3/indicator']);
    expect(pending[0]!.finding.startsWith(POLICY)).toBe(true);
    expect(pending[0]!.finding).not.toBe(shipped);
    const stale = result.diagnostics.filter((d) => d.code === 'review/stale-decision');
    expect(stale.find((d) => d.file === 'in/2025-03/review.json')).toMatchObject({ severity: 'error', subject: shipped });
    // And at the indicator's row in the text, where the reading changed.
    const row = reread.split('\n').findIndex((line) => line.includes('ポリシーの改定 １回 ２回')) + 1;
    expect(stale.find((d) => d.file === `in/2025-03/${SEEDS['2025-03']}`)).toMatchObject({ severity: 'error', position: { start: { line: row } } });
  });

  it('stops the build at a stale decision: the text or its reading changed since the decision', async () => {
    const gone = 'review/unexplained-change@target-changed/9-9-9/target/9-9-9/1/2022~0123abcd';
    const effects = seedsInMemory({ 'in/2025-03/review.json': review2025((f) => f.decisions.push({ finding: gone, decision: 'accept', reason: 'x', by: 'y', date: '2026-12-02' } as never)) });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === 'review/stale-decision').map((d) => [d.severity, d.subject])).toEqual([['error', gone]]);
  });

  it('stops at an invalid review file or one for another edition, even as a draft', async () => {
    for (const bad of ['{"edition": "2025-03", "decisions": [', review2025((f) => (f.edition = '2021'))]) {
      const effects = seedsInMemory({ 'in/2025-03/review.json': bad });
      const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE, draft: true });
      expect(result.ok).toBe(false);
      expect(result.written).toEqual([]);
      expect(result.diagnostics.filter((d) => d.code === 'review/invalid-file').map((d) => [d.severity, d.file])).toEqual([['error', 'in/2025-03/review.json']]);
      // Its decisions are not applied: every change the 改訂履歴 does not explain awaits review again.
      expect(result.editions[1]!.review!.pending).toBe(result.editions[1]!.review!.findings.length);
      expect(result.editions[1]!.review!.accepted).toBe(0);
    }
  });

  it('writes an unreviewed draft on request, marked in the quality report, the pages and draft.json', async () => {
    const effects = seedsInMemory({ 'in/2025-03/review.json': review2025(withoutPolicy) });
    const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE, draft: true });
    expect(result).toMatchObject({ ok: true, draft: true });
    const text = (path: string) => new TextDecoder().decode(effects.files.get(`out/${path}`));
    expect(JSON.parse(text('2025-03/quality.json')).review).toMatchObject({ status: 'pending', draft: true, pending: 1 });
    expect(JSON.parse(text('2021/quality.json')).review).toMatchObject({ draft: false, pending: 0 });
    expect(JSON.parse(text('draft.json'))).toMatchObject({ draft: true, editions: [{ edition: '2025-03', pendingFindings: 1, reviewFile: 'in/2025-03/review.json' }] });
    expect(text('2025-03/index.html')).toContain('この版は未確認の下書きです：確認待ちの指摘 1 件');
    expect(text('index.html')).toContain('この版は未確認の下書きです：確認待ちの指摘 1 件');
    expect(text('2021/index.html')).toContain('第5版（2025-03）は未確認の下書きです：確認待ちの指摘 1 件');
    expect(text('SHA256SUMS')).toContain('  draft.json\n');
  });
});

describe('checkEditions', () => {
  it('runs every stage up to the review on in-memory inputs and makes no output', async () => {
    const effects = seedsInMemory();
    const inputs: EditionInput[] = [];
    for (const folder of ['2025-03', '2021']) {
      const read = await fromEditionFolder(effects, 'in', folder);
      if (!read.ok) throw new Error('seed unreadable');
      inputs.push(read.input);
    }
    const stages: string[] = [];
    const checked = checkEditions(inputs, (e) => stages.push(`${e.edition}:${e.stage}`));
    // Input order is kept; the diff follows edition numbers (2021 is the first edition).
    expect(checked.map((c) => [c.id, c.plan?.edition.number, c.changelog?.from.id ?? null])).toEqual([
      ['2025-03', 5, '2021'],
      ['2021', 1, null],
    ]);
    expect(checked.flatMap((c) => c.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    // The review file applied: every finding of 2025-03 (84 changes the 改訂履歴 does not explain, two table readings) accepted.
    expect(checked[0]!.review.accepted).toBe(checked[0]!.review.findings.length);
    expect(checked[0]!.review.accepted).toBeGreaterThan(80);
    expect(new Set(stages.map((s) => s.split(':')[1]))).toEqual(new Set(['decode', 'parse', 'model', 'validate', 'quality', 'diff', 'review']));
    expect(effects.files.size).toBe(6);
  });

  it('stops a newer edition whose 改訂履歴 lost an earlier revision date (two editions, one version)', async () => {
    // The 2025-03 text with its last revision date rewritten to 令和8年3月, as a next edition.
    const rewritten = new TextDecoder().decode(seedBytes('2025-03')).replace('令和 7 年３月', '令和 8 年３月');
    const effects = seedsInMemory({ 'in/2026-03/r.txt': rewritten, 'in/2026-03/edition.json': seedMeta('2025-03').replace('"id": "2025-03"', '"id": "2026-03"') });
    const inputs: EditionInput[] = [];
    for (const folder of ['2021', '2025-03', '2026-03']) {
      const read = await fromEditionFolder(effects, 'in', folder);
      if (!read.ok) throw new Error(`${folder} unreadable`);
      inputs.push(read.input);
    }
    const rewrittenCheck = checkEditions(inputs).find((c) => c.id === '2026-03')!;
    const history = rewrittenCheck.diagnostics.filter((d) => d.code === 'review/history-rewritten');
    expect(history.map((d) => [d.severity, d.messageEn])).toEqual([
      ['error', 'Expected 2026-03 to have a higher edition number than 2025-03, found both edition 5: its 改訂履歴 may lack or have rewritten a revision date'],
      ['error', "Expected the 改訂履歴 of 2026-03 to print every revision date of 2025-03's, found 2025-03 missing"],
    ]);
    expect(history[0]!.position!.start.line).toBe(4037);
  });
});

describe('the CLI with findings awaiting review', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-review-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const seeds = join(dir, 'seeds');
  cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
  writeFileSync(join(seeds, '2025-03/review.json'), review2025(withoutPolicy));
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runCli(['--lang', 'en', ...argv], (l) => lines.push(l));
    return { code, lines, text: lines.join('\n') };
  };

  it('--quiet still prints every finding that stops publication, and the summary names the review file', async () => {
    const { code, lines, text } = await run('build', '--seeds', seeds, '--out', join(dir, 'out'), '--quiet');
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(text).toMatch(/2025-03\/000_5b993dc6e4c545ce\.txt:3402:1: error review\/unexplained-change \[2-5-3\] .* \(finding review\/unexplained-change@target-changed\/2-5-3\/target\/2-5-3\/1\/2022~[0-9a-f]{8}\)/);
    // Accepted findings (notes) are hidden by --quiet.
    expect(text).not.toMatch(/info review\/unexplained-change/);
    expect(lines).toContain(`review: 2025-03: 1 finding awaiting review — compare each with the PDF, then accept what it prints or reject a misreading, by its finding id in ${seeds}/2025-03/review.json`);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^summary: 2 editions \\(2021: 38 projects, 38 indicator rows; 2025-03: 59 projects, 93 indicator rows\\), 0 files written, 1 error, .*, 1 finding awaiting review \\(2025-03: 1 in ${seeds}/2025-03/review\\.json\\), [\\d.]+ s$`),
    );
  });

  it('--quiet prints a stale decision too', async () => {
    const stale = join(dir, 'stale');
    cpSync(join(ROOT, 'seeds'), stale, { recursive: true });
    writeFileSync(join(stale, '2021/review.json'), JSON.stringify({ edition: '2021', decisions: [...JSON.parse(seedReview('2021')!).decisions, { finding: 'table/unplaced-cells@9-9-9/initiative~0123abcd', decision: 'accept', reason: 'x', by: 'y', date: '2026-12-02' }] }, null, 2));
    const { code, text } = await run('validate', '--seeds', stale, '--quiet');
    expect(code).toBe(1);
    expect(text).toMatch(/2021\/review\.json:\d+:1: error review\/stale-decision \[table\/unplaced-cells@9-9-9\/initiative~0123abcd\]/);
  });

  it('after a rejected finding, says what to do next: the text, not the review file, is fixed', async () => {
    const rejected = join(dir, 'rejected');
    cpSync(join(ROOT, 'seeds'), rejected, { recursive: true });
    writeFileSync(
      join(rejected, '2025-03/review.json'),
      review2025((file) => {
        const policy = file.decisions.find((d) => d.finding.startsWith(POLICY)) as { decision: string } | undefined;
        if (policy) policy.decision = 'reject';
      }),
    );
    const lines: string[] = [];
    expect(await runCli(['validate', '--seeds', rejected, '--quiet'], (l) => lines.push(l))).toBe(1);
    expect(lines).toContain(
      `却下：2025-03：却下した指摘が 1 件あります。PDF から本文を取り出し直して ${rejected}/2025-03/ の .txt を置き換え（ファイル名はそのままでも変えてもかまいません。.txt は 1 つだけにします）、${rejected}/2025-03/review.json から却下した判断を消して、もう一度 build してください（手順書「却下したとき」）`,
    );
  });

  it('validate reports the same findings and writes nothing', async () => {
    const { code, text } = await run('validate', '--seeds', seeds);
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(text).toMatch(/error review\/unexplained-change \[2-5-3\]/);
  });

  it('review <edition> prints the pending findings as decisions for a person to fill in', async () => {
    const { code, text } = await run('review', '2025-03', '--seeds', seeds, '--json');
    expect(code).toBe(0);
    const decisions = JSON.parse(text);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ decision: '', reason: '', by: '', date: '' });
    expect(decisions[0].finding.startsWith(POLICY)).toBe(true);
    expect(decisions[0].about).toMatch(/^line 3402 review\/unexplained-change \[2-5-3\] .*ポリシーの改定の令和4年度（2022年度）の目標を（空欄）から「１回」に変更$/);
    // No path of the machine the review ran on: the review file is committed.
    expect(decisions.every((d: { about: string }) => !d.about.includes(seeds))).toBe(true);
    expect((await run('review', '2030-01', '--seeds', seeds)).code).toBe(2);
    expect((await run('validate', '--draft', '--seeds', seeds)).code).toBe(2);
    // Every command stops at an option it does not take, instead of ignoring it.
    for (const args of [['review', '2025-03', '--quiet'], ['diff', '2021', '2025-03', '--out', 'x'], ['diff', '2021', '2025-03', '--verbose'], ['new-edition', 'x.txt', '--json'], ['publish', '--seeds', seeds]]) {
      const { code, text } = await run(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(text, args.join(' ')).toMatch(/does not take --(quiet|out|verbose|json|seeds) \(it would change nothing/);
    }
  });

  it('build --draft writes and marks the output, and publish refuses it', async () => {
    const out = join(dir, 'draft');
    const built = await run('build', '--seeds', seeds, '--out', out, '--draft');
    expect(built.code).toBe(0);
    expect(built.lines.at(-1)).toMatch(/^summary: UNREVIEWED DRAFT \(not publishable\), 2 editions .*1 finding awaiting review/);
    expect(built.lines).toContain('built 2 editions as an UNREVIEWED DRAFT (1 finding awaiting review; publish refuses it), wrote 137 files');
    expect(JSON.parse(readFileSync(join(out, '2025-03/quality.json'), 'utf8')).review.draft).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('この版は未確認の下書きです：確認待ちの指摘 1 件');
    const requests: string[] = [];
    const fetchStub = (async (url: string) => {
      requests.push(url);
      return new Response('{}', { status: 500 });
    }) as unknown as typeof fetch;
    // With or without --apply, with or without a token: the draft is what is refused.
    for (const [apply, env] of [[[], { CKAN_API_TOKEN: 'secret' }], [['--apply'], { CKAN_API_TOKEN: 'secret' }], [['--apply'], {}]] as const) {
      const lines: string[] = [];
      const code = await runCli(['--lang', 'en', 'publish', '--ckan', 'http://127.0.0.1:9', '--out', out, ...apply], (l) => lines.push(l), env, fetchStub);
      expect(code).toBe(1);
      expect(lines[0]).toBe(`error: ${out} is an unreviewed draft (build --draft) and is never published (2025-03: 1 finding awaiting review in ${seeds}/2025-03/review.json): decide the findings in the review files, then build without --draft`);
    }
    expect(requests).toEqual([]);
    // Even without its marker, the quality report still says draft.
    rmSync(join(out, 'draft.json'));
    const lines: string[] = [];
    expect(await runCli(['--lang', 'en', 'publish', '--ckan', 'http://127.0.0.1:9', '--out', out], (l) => lines.push(l), {}, fetchStub)).toBe(1);
    // The published report names the review file within the edition folder, not on the builder's disk.
    expect(lines[0]).toMatch(/is an unreviewed draft .*\(2025-03: 1 finding awaiting review in 2025-03\/review\.json\)/);
  });

  it('build --draft writes nothing when there are other errors', async () => {
    const broken = join(dir, 'broken');
    cpSync(seeds, broken, { recursive: true });
    writeFileSync(join(broken, '2021/review.json'), '{');
    const { code, text } = await run('build', '--seeds', broken, '--out', join(dir, 'broken-out'), '--draft', '--quiet');
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'broken-out'))).toBe(false);
    expect(text).toMatch(/2021\/review\.json:1:2: error review\/invalid-file Expected a JSON review file, found a syntax error at line 1, column 2/);
  });
});
