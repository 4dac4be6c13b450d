import { describe, expect, it } from 'vitest';
import { builtText } from '../helpers.js';

describe('the published changelog', () => {
  it('is a CSV with the common columns, one change per row, BOM and CRLF', async () => {
    const csv = await builtText('changes/2021..2025-03.csv');
    const json = JSON.parse(await builtText('changes/2021..2025-03.json'));
    expect(csv.startsWith('\uFEFF全国地方公共団体コード,ID,地方公共団体名,種別,事業ID,対象,年度,変更前,変更後,内容,改訂履歴,変更前の数値,変更前の単位,変更後の数値,変更後の単位\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(json.changes.length + 1);
    expect(csv).toContain('142115,department-renamed/1-1-1/leadDepartments/情報システム課,神奈川県秦野市,課等名称の変更,project/1-1-1,主管課等,,情報システム課,デジタル推進課,');
    // A target change carries its numbers and units beside the printed texts; 2024-03#11 (令和6年度以降…上方修正) explains it.
    expect(csv).toContain('target-changed/1-3-1/target/1-3-1/1/2024,神奈川県秦野市,目標値の変更,project/1-3-1,1-3-1/1,2024,８２８万件,930 万件,');
    expect(csv).toMatch(/target-changed\/1-3-1\/target\/1-3-1\/1\/2024,.*,2024-03#11,828,万件,930,万件\r\n/);
  });

  it('reads as a summary in Japanese with the cross-check', async () => {
    const md = await builtText('changes/2021..2025-03.md');
    expect(md).toContain('第1版（2021）から第5版（2025-03）への変更点');
    expect(md).toContain('| 事業の追加 | 21 |');
    expect(md).toContain('- 変更を検出できなかった改訂履歴の項目：0 件');
    expect(md).toMatch(/課等名称の変更：主管課等の「情報システム課」が「デジタル推進課」に（改訂履歴に記載なし）/);
  });
});
