import { describe, expect, it } from 'vitest';
import { builtText, frictionlessValidator } from '../helpers.js';

describe('the published changelog', () => {
  it('is a CSV with the common columns, one change per row, BOM and CRLF', async () => {
    const csv = await builtText('changes/2021..2025-03.csv');
    const json = JSON.parse(await builtText('changes/2021..2025-03.json'));
    expect(csv.startsWith('\uFEFF全国地方公共団体コード,ID,地方公共団体名,種別,事業ID,対象,年度,変更前,変更後,内容,改訂履歴,変更前の数値,変更前の単位,変更前の条件,変更前の頻度の単位,変更後の数値,変更後の単位,変更後の条件,変更後の頻度の単位,箇所\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(json.changes.length + 1);
    // A target change carries its numbers and units beside the printed texts; 2024-03#11 (令和6年度以降…上方修正) explains it.
    expect(csv).toContain('target-changed/1-3-1/target/1-3-1/1/2024,神奈川県秦野市,目標値の変更,project/1-3-1,1-3-1/1,2024,８２８万件,930 万件,');
    expect(csv).toMatch(/target-changed\/1-3-1\/target\/1-3-1\/1\/2024,.*,2024-03#11,828,万件,,,930,万件,,,\r\n/);
    // 「１箇所以上」 is at least 1: the qualifier travels with the number, in the CSV and the JSON.
    expect(csv).toMatch(/\r\n142115,target-changed\/1-3-3\/target\/1-3-3\/1\/2023,.*,１箇所以上,３箇所,.*,1,箇所,以上,,3,箇所,,,\r\n/);
    const change = json.changes.find((c: { id: string }) => c.id === 'target-changed/1-3-3/target/1-3-3/1/2023');
    expect(change.quantities).toEqual({ old: { value: 1, unit: '箇所', qualifier: '以上', per: null }, new: { value: 3, unit: '箇所', qualifier: null, per: null } });
    // Every target change carries its quantities; every other change none.
    expect(json.changes.every((c: { kind: string; quantities: unknown }) => (c.kind === 'target-changed') === (c.quantities !== null))).toBe(true);
    // The numbers are numbers in the JSON, not the printed texts.
    const numbers = json.changes.flatMap((c: { quantities: { old: { value: unknown }; new: { value: unknown } } | null }) => (c.quantities ? [c.quantities.old.value, c.quantities.new.value] : []));
    expect(numbers.every((v: unknown) => v === null || typeof v === 'number')).toBe(true);
  });

  it('describes the CSV\'s columns in a Table Schema valid against the official v2 profile, the printed texts said to be printed', async () => {
    const validate = frictionlessValidator('tableschema.json');
    const schema = JSON.parse(await builtText('changes/2021..2025-03.schema.json'));
    expect(validate(schema), JSON.stringify(validate.errors)).toBe(true);
    const csv = await builtText('changes/2021..2025-03.csv');
    const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
    expect(schema.fields.map((f: { title: string }) => f.title)).toEqual(header);
    expect(schema.fields.every((f: { name: string }) => /^[A-Za-z][A-Za-z0-9]*$/.test(f.name))).toBe(true);
    expect(schema.fields.find((f: { name: string }) => f.name === 'old').description).toContain('本文の印字どおり');
    expect(schema.fields.find((f: { name: string }) => f.name === 'oldValue')).toMatchObject({ type: 'number' });
    expect(schema.fields.find((f: { name: string }) => f.name === 'fiscalYear')).toMatchObject({ type: 'year' });
    // Each change one row: the IDs are a key.
    const ids = csv.trimEnd().split('\r\n').slice(1).map((row) => row.split(',')[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(schema.primaryKey).toEqual(['id']);
  });

  it('gives a department renamed everywhere one row, without a project, with its places', async () => {
    const csv = await builtText('changes/2021..2025-03.csv');
    const json = JSON.parse(await builtText('changes/2021..2025-03.json'));
    const renames = csv.split('\r\n').filter((row) => row.includes(',課等名称の変更,'));
    expect(renames).toHaveLength(1);
    const [row] = renames as [string];
    // 事業ID, 対象 and 年度 empty; the places in 箇所, in plan order, each as the project's ID and its role.
    expect(row).toMatch(/^142115,department-renamed\/情報システム課,神奈川県秦野市,課等名称の変更,,,,情報システム課,デジタル推進課,課等の名称「情報システム課」を「デジタル推進課」に変更（23 か所：1-1-1 主管課等、.*）,,,,,,,,,,project\/1-1-1 主管課等;project\/1-1-2 関係課等;.*;project\/3-1-2 主管課等$/);
    expect(row.split(',').at(-1)!.split(';')).toHaveLength(23);
    const [rename] = json.changes.filter((c: { kind: string }) => c.kind === 'department-renamed');
    expect(rename).toMatchObject({ id: 'department-renamed/情報システム課', projectId: null, subject: null, old: '情報システム課', new: 'デジタル推進課' });
    expect(rename.places).toHaveLength(23);
    expect(rename.places[0]).toEqual({ projectId: '1-1-1', role: '主管課等' });
    // Every other change is in one project.
    expect(json.changes.filter((c: { places: unknown }) => c.places !== null)).toEqual([rename]);
    expect(json.changes.every((c: { projectId: string | null; places: unknown }) => (c.projectId === null) === (c.places !== null))).toBe(true);
  });

  it('reads as a summary in Japanese with the cross-check, its counts agreeing with the JSON', async () => {
    const md = await builtText('changes/2021..2025-03.md');
    const json = JSON.parse(await builtText('changes/2021..2025-03.json'));
    expect(md).toContain('第1版（2021）から第5版（2025-03）への変更点');
    expect(md).toContain('| 事業の追加 | 21 |');
    expect(md).toContain('| 課等名称の変更 | 1 |');
    expect(md).toContain(`| 合計 | ${json.changes.length} |`);
    expect(md).toContain('- 変更を検出できなかった改訂履歴の項目：0 件');
    expect(md).toContain(`- 改訂履歴に説明のない変更：${json.unexplainedChanges.length} 件`);
    expect(json.unexplainedChanges).toHaveLength(84);
    // The changes of the whole plan come first, under their own heading, before the first project.
    expect(md.indexOf('### 計画全体')).toBeGreaterThan(md.indexOf('## 事業ごとの変更'));
    expect(md.indexOf('### 計画全体')).toBeLessThan(md.indexOf('### 1-1-1 '));
    expect(md).toMatch(/### 計画全体\n\n- 課等名称の変更：課等の名称「情報システム課」を「デジタル推進課」に変更（23 か所：1-1-1 主管課等、1-1-2 関係課等、[^\n]*）（改訂履歴に記載なし）\n\n### 1-1-1 /);
    expect(md.match(/課等名称の変更：/g)).toHaveLength(1);
  });
});
