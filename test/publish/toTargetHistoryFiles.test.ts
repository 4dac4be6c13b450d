/**
 * The targets' history across editions (`history/indicator_targets_history.csv`), read the way
 * analysts read it: with Python's csv module (Debian's python3), against the editions' own
 * indicator_targets.csv (read the same way), the changelog, the official Frictionless Table Schema
 * profile, and SPARQL over both editions' plan.nq (the same history, from the JSON-LD's named graphs).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import type { Changelog } from '../../pipeline/model/diffPlans.js';
import type { Plan } from '../../pipeline/model/plan.js';
import { TargetHistory } from '../../pipeline/publish/toTargetHistoryFiles.js';
import { builtSeeds, builtText, frictionlessValidator, requireSystemPackages } from '../helpers.js';

const PYTHON = '/usr/bin/python3';
const BASE = 'https://example.org/hadano-ict-plan/';
const EDITIONS = ['2021', '2025-03'] as const;

const dir = mkdtempSync(join(tmpdir(), 'target-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One CSV as Python's csv module reads it (BOM dropped by `utf-8-sig`): a dict per row, keyed by the Japanese titles. */
type Rows = Record<string, string>[];
let history: Rows = [];
let header: string[] = [];
const targets = new Map<string, Rows>();

beforeAll(async () => {
  await requireSystemPackages('python3');
  const { files } = await builtSeeds();
  writeFileSync(join(dir, 'history.csv'), files.get('out/history/indicator_targets_history.csv')!);
  for (const edition of EDITIONS) writeFileSync(join(dir, `${edition}.csv`), files.get(`out/${edition}/csv/indicator_targets.csv`)!);
  const script = `
import csv, json, sys, os
out = {}
for name in ['history', ${EDITIONS.map((e) => `'${e}'`).join(', ')}]:
    with open(os.path.join(sys.argv[1], name + '.csv'), encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f))
    out[name] = {'header': rows[0], 'rows': [dict(zip(rows[0], r)) for r in rows[1:]]}
print(json.dumps(out))  # ASCII-only JSON: no multi-byte character is split between pipe reads
`;
  const read = JSON.parse((await $`${PYTHON} -c ${script} ${dir}`).stdout) as Record<string, { header: string[]; rows: Rows }>;
  history = read.history!.rows;
  header = read.history!.header;
  for (const edition of EDITIONS) targets.set(edition, read[edition]!.rows);
}, 60_000);

const plans = async () => Promise.all(EDITIONS.map(async (e) => JSON.parse(await builtText(`${e}/plan.json`)) as Plan));

describe('the targets’ history across editions', () => {
  it('starts with the common columns, Japanese titles, no stray BOM, then the indicator, the edition and the target', async () => {
    expect(header.slice(0, 3)).toEqual(['全国地方公共団体コード', 'ID', '地方公共団体名']);
    expect(header).toEqual([
      '全国地方公共団体コード', 'ID', '地方公共団体名', '指標ID', '事業ID', '指標名', '版', '版番号', '版の改定年月', '版の改定年月（和暦）', '目標ID',
      '年度', '年度（和暦）', '目標値', '単位', '条件', '頻度の単位', '記載内容', '記載内容（原文どおり）', '結合開始年度', '結合終了年度', '前の版からの変更', '改訂履歴',
    ]);
    const bytes = (await builtSeeds()).files.get('out/history/indicator_targets_history.csv')!;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split('\r\n').length).toBe(history.length + 2);
  });

  it('has one row per indicator × fiscal year × edition that has the indicator: the sum over editions of indicators × 5 years', async () => {
    const counts = (await plans()).map((p) => p.projects.reduce((n, project) => n + project.indicators.length, 0));
    expect(counts).toEqual([38, 93]);
    expect(history).toHaveLength((38 + 93) * 5);
    const ids = history.map((r) => r.ID!);
    expect(new Set(ids).size).toBe(ids.length);
    // The row's ID is the target's, with the edition.
    for (const r of history) expect(r.ID).toBe(`${r['目標ID']}/edition/${r['版']}`);
  });

  it('shows how 1-1-2’s 利用率 was revised: its FY2023 target 15％ in 2021, ５％ in 2025-03 (as the texts print them)', () => {
    // seeds/2021 line 309: 「利用率 5％ 10％ 15％ 20％ 25％」; seeds/2025-03 line 374: 「利用率 5％ 10％ ５％ 45％ 55％」.
    const rows = history.filter((r) => r['指標ID'] === 'project/1-1-2/indicator/1');
    const pick = (r: Record<string, string>) => [r['年度'], r['年度（和暦）'], r['版'], r['版番号'], r['指標名'], r['目標値'], r['単位'], r['記載内容'], r['記載内容（原文どおり）'], r['前の版からの変更']];
    expect(rows.map(pick)).toEqual([
      ['2021', '令和3年度', '2021', '1', '利用率', '5', '%', '5％', '5％', ''],
      ['2021', '令和3年度', '2025-03', '5', '利用率', '5', '%', '5％', '5％', '変更なし'],
      ['2022', '令和4年度', '2021', '1', '利用率', '10', '%', '10％', '10％', ''],
      ['2022', '令和4年度', '2025-03', '5', '利用率', '10', '%', '10％', '10％', '変更なし'],
      ['2023', '令和5年度', '2021', '1', '利用率', '15', '%', '15％', '15％', ''],
      ['2023', '令和5年度', '2025-03', '5', '利用率', '5', '%', '5％', '５％', '目標値の変更'],
      ['2024', '令和6年度', '2021', '1', '利用率', '20', '%', '20％', '20％', ''],
      ['2024', '令和6年度', '2025-03', '5', '利用率', '45', '%', '45％', '45％', '目標値の変更'],
      ['2025', '令和7年度', '2021', '1', '利用率', '25', '%', '25％', '25％', ''],
      ['2025', '令和7年度', '2025-03', '5', '利用率', '55', '%', '55％', '55％', '目標値の変更'],
    ]);
    for (const r of rows) {
      expect([r['事業ID'], r['目標ID']]).toEqual(['project/1-1-2', `project/1-1-2/indicator/1/target/${r['年度']}`]);
      expect([r['版の改定年月'], r['版の改定年月（和暦）']]).toEqual(r['版'] === '2021' ? ['', ''] : ['2025-03', '令和7年3月']);
    }
  });

  it('states each target as its edition’s indicator_targets.csv does, with the text exactly as printed beside it', async () => {
    const byEdition = new Map((await plans()).map((p) => [p.edition.id, p]));
    const same = ['全国地方公共団体コード', '地方公共団体名', '指標ID', '事業ID', '指標名', '年度', '年度（和暦）', '目標値', '単位', '条件', '頻度の単位', '記載内容', '結合開始年度', '結合終了年度'];
    for (const edition of EDITIONS) {
      const own = targets.get(edition)!;
      const rows = history.filter((r) => r['版'] === edition);
      expect(rows.map((r) => r['目標ID']).sort()).toEqual(own.map((r) => r.ID).sort());
      const byId = new Map(own.map((r) => [r.ID!, r]));
      for (const r of rows) {
        const mine = byId.get(r['目標ID']!)!;
        expect(same.map((k) => r[k]), r.ID).toEqual(same.map((k) => mine[k]));
      }
      // The printed text is the plan model's, as the edition's plan.json and plan.jsonld have it.
      const plan = byEdition.get(edition)!;
      const printed = new Map(plan.projects.flatMap((p) => p.indicators.flatMap((ind, i) => ind.targets.map((t) => [`project/${p.id}/indicator/${i + 1}/target/${t.fiscalYear}`, t.text ?? '']))));
      for (const r of rows) expect(r['記載内容（原文どおり）'], r.ID).toBe(printed.get(r['目標ID']!));
    }
  });

  it('is sorted by indicator (plan numbers as numbers), fiscal year, edition number', () => {
    const key = (r: Record<string, string>) => [...r['指標ID']!.replace(/^project\//, '').split(/[-/]/).filter((x) => /^\d+$/.test(x)).map(Number), Number(r['年度']), Number(r['版番号'])];
    const compare = (a: number[], b: number[]) => {
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return a.length - b.length;
    };
    const keys = history.map(key);
    for (let i = 1; i < keys.length; i++) expect(compare(keys[i - 1]!, keys[i]!), history[i]!.ID).toBeLessThan(0);
  });

  it('marks exactly the changelog’s target changes, with the revision entries that explain them, and the indicators added', async () => {
    const log = JSON.parse(await builtText('changes/2021..2025-03.json')) as Changelog;
    const changed = log.changes.filter((c) => c.kind === 'target-changed');
    const marked = history.filter((r) => r['前の版からの変更'] === '目標値の変更');
    // A change's subject is the indicator's id in the plan model, `<project>/<row>`.
    const rowOf = (c: (typeof changed)[number]) => {
      const [project, n] = c.subject!.split('/');
      return `project/${project}/indicator/${n}/target/${c.fiscalYear}/edition/2025-03`;
    };
    expect(changed).toHaveLength(47);
    expect(marked.map((r) => [r.ID, r['改訂履歴']]).sort()).toEqual(changed.map((c) => [rowOf(c), c.explainedBy.join(';')]).sort());
    // The first edition has nothing to compare with; in the second every row is added, changed or unchanged.
    expect(new Set(history.filter((r) => r['版'] === '2021').map((r) => r['前の版からの変更']))).toEqual(new Set(['']));
    expect(new Set(history.filter((r) => r['版'] === '2025-03').map((r) => r['前の版からの変更']))).toEqual(new Set(['評価指標の追加', '目標値の変更', '変更なし']));
    const before = new Set(history.filter((r) => r['版'] === '2021').map((r) => r['指標ID']));
    for (const r of history.filter((x) => x['版'] === '2025-03')) expect(r['前の版からの変更'] === '評価指標の追加', r.ID).toBe(!before.has(r['指標ID']));
    // 1-2-4's third indicator was added by 2023-03#2.
    expect(history.find((r) => r.ID === 'project/1-2-4/indicator/3/target/2025/edition/2025-03')).toMatchObject({ 前の版からの変更: '評価指標の追加', 改訂履歴: '2023-03#2' });
  });

  it('identifies an indicator by its project and row: 1-1-5’s 2021 indicator is the 2025-03 edition’s second row, a new one is first', () => {
    // Documented in the README: the review of 2025-03 (2024-03#4) found 適用業務数 moved to the second row.
    const of = (edition: string, n: number) => history.filter((r) => r['版'] === edition && r['指標ID'] === `project/1-1-5/indicator/${n}`);
    expect(of('2021', 1).map((r) => r['記載内容（原文どおり）'])).toEqual(of('2025-03', 2).map((r) => r['記載内容（原文どおり）']));
    expect([of('2021', 1)[0]!['指標名'], of('2025-03', 1)[0]!['指標名'], of('2025-03', 2)[0]!['指標名']]).toEqual(['適用業務数', '【スマートフォンアプリ】母子健康手帳登録者数', '【オンラインによる母子保健相談】適用業務数']);
    expect(of('2021', 2)).toEqual([]);
  });

  it('has a Table Schema valid against the official v2 profile, its fields the CSV’s columns', async () => {
    const validate = frictionlessValidator('tableschema.json');
    const schema = JSON.parse(await builtText('history/indicator_targets_history.schema.json'));
    expect(validate(schema), JSON.stringify(validate.errors)).toBe(true);
    expect(schema.fields.map((f: { title: string }) => f.title)).toEqual(header);
    expect(schema.fields.slice(0, 3).map((f: { name: string }) => f.name)).toEqual(['lgCode', 'id', 'lgName']);
    expect(schema.primaryKey).toEqual(['id']);
    expect(schema.fields.find((f: { name: string }) => f.name === 'value')).toMatchObject({ type: 'number', unitField: 'unit' });
    // Numeric columns hold numbers only, blank never 0 for an empty cell.
    for (const r of history) {
      expect(r['目標値'], r.ID).toMatch(/^(-?\d+(\.\d+)?)?$/);
      if (r['記載内容（原文どおり）'] === '') expect([r['目標値'], r['記載内容']], r.ID).toEqual(['', '']);
    }
    const csvw = JSON.parse(await builtText('history/csv-metadata.json'));
    expect(csvw.tables.map((t: { url: string }) => t.url)).toEqual(['indicator_targets_history.csv']);
    expect(csvw.tables[0].tableSchema.columns.map((c: { titles: { ja: string } }) => c.titles.ja)).toEqual(header);
  });

  it('is in the JSON-LD too: SPARQL over both editions’ named graphs gives every row’s edition, value, unit and printed text', async () => {
    const store = new oxigraph.Store();
    for (const e of EDITIONS) store.load(await builtText(`${e}/plan.nq`), { format: 'application/n-quads' });
    const found = (
      store.query(
        `PREFIX hict: <${BASE}vocab#> PREFIX ic: <http://imi.go.jp/ns/core/rdf#> PREFIX dcterms: <http://purl.org/dc/terms/>
         SELECT ?indicator ?target ?edition ?value ?unit ?printed WHERE { GRAPH ?g {
           ?g dcterms:identifier ?edition . ?indicator hict:target ?target .
           OPTIONAL { ?target ic:数値 ?value } OPTIONAL { ?target ic:単位表記 ?unit } OPTIONAL { ?target hict:printedText ?printed } } }`,
      ) as Map<string, { value: string }>[]
    ).map((m) => [m.get('indicator')!.value, m.get('target')!.value, m.get('edition')!.value, m.get('value')?.value ?? '', m.get('unit')?.value ?? '', m.get('printed')?.value ?? ''].join(' | '));
    const rows = history.map((r) => [`${BASE}${r['指標ID']}`, `${BASE}${r['目標ID']}`, r['版'], r['目標値'], r['単位'], r['記載内容（原文どおり）']].join(' | '));
    expect(found.sort()).toEqual(rows.sort());
  });

  it('gives each project the rows the whole history lists for it, in the same order', async () => {
    const log = JSON.parse(await builtText('changes/2021..2025-03.json')) as Changelog;
    const editions = await plans();
    const history = new TargetHistory(editions, [log]);
    const all = [...history.records()];
    const projects = [...new Set(all.map((r) => r.project.id))];
    // Every project with an indicator in either edition.
    expect(projects.sort()).toEqual([...new Set(editions.flatMap((p) => p.projects.filter((x) => x.indicators.length > 0).map((x) => x.id)))].sort());
    for (const id of projects) expect(history.ofProject(id), id).toEqual(all.filter((r) => r.project.id === id));
    expect(history.ofProject('9-9-9')).toEqual([]);
  });
});
