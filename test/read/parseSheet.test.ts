import { describe, expect, it } from 'vitest';
import { parseSheet } from '../../pipeline/read/parseSheet.js';
import { sourceLines } from '../helpers.js';

const context = { file: 'sheet.txt', years: 5, bannerPolicy: 2, bannerMeasure: 2 };

describe('parseSheet', () => {
  it('reads a sheet whose name and departments span several lines', () => {
    const { sheet, diagnostics } = parseSheet(
      sourceLines(
        ' 名称 ',
        '統合型ＧＩＳによる庁内地図情報共有の環境整備 ',
        '【再掲】 ',
        '番号 ３－２－（１） ',
        '主管課等 ',
        '行政経営課、 ',
        '情報システム課 ',
        '関係課等 総合政策課ほか各会議主管課等 ',
        '概要 ',
        '業務の効率化や紙資料の削減を図るため、携帯性の高い端末の配置や将来的な庁内ネッ',
        'トワークの無線化等を推進するものです。 ',
        '目指すもの 庁内会議の原則ペーパーレス化を目指します。 ',
        '年度ごとの取組 令和３年度 令和４年度 令和５年度 令和６年度 令和７年度 ',
        '取組内容 検討      ',
        '評価指標 利用率 5％ 10％ 15％ 20％ 25％ ',
        '指標の考え方 導入済み自治体の利用状況を参考に目標値を設定 ',
      ),
      context,
    );
    expect(diagnostics).toEqual([]);
    expect(sheet.number?.printed).toBe('３－２－（１）');
    expect(sheet.name?.fragments.join('')).toBe('統合型ＧＩＳによる庁内地図情報共有の環境整備 【再掲】 ');
    expect(sheet.tags).toEqual(['再掲']);
    expect(sheet.leadDepartments.map((d) => d.printed)).toEqual(['行政経営課', '情報システム課']);
    expect(sheet.relatedDepartments.map((d) => d.printed)).toEqual(['総合政策課ほか各会議主管課等']);
    expect(sheet.summary?.fragments).toHaveLength(2);
    expect(sheet.objective?.fragments).toEqual(['庁内会議の原則ペーパーレス化を目指します。 ']);
    expect(sheet.yearHeadings.map((h) => h.printed)).toEqual(['令和３年度', '令和４年度', '令和５年度', '令和６年度', '令和７年度']);
    expect(sheet.initiatives.map((r) => r.label.fragments.join(''))).toEqual(['検討']);
    expect(sheet.indicators[0]!.cells).toHaveLength(5);
    expect(sheet.sections).toEqual(['名称', '番号', '主管課等', '関係課等', '概要', '目指すもの', '年度ごとの取組', '取組内容', '評価指標', '指標の考え方']);
  });

  it('reads 名称 and 番号 on one line, departments on one line, and positions them', () => {
    const { sheet } = parseSheet(
      sourceLines('名称 各種手続のオンライン化の推進 番号 １－１－（１） ', '主管課等 情報システム課 関係課等 行政経営課、各業務所管課等 ', '概要 本市の手続を推進します。 '),
      context,
    );
    expect(sheet.name?.fragments).toEqual(['各種手続のオンライン化の推進']);
    expect(sheet.number).toEqual({ printed: '１－１－（１）', position: { start: { line: 1, column: 22 }, end: { line: 1, column: 29 } } });
    expect(sheet.leadDepartments.map((d) => d.printed)).toEqual(['情報システム課']);
    expect(sheet.relatedDepartments.map((d) => d.printed)).toEqual(['行政経営課', '各業務所管課等']);
    expect(sheet.relatedDepartments[1]!.position.start).toEqual({ line: 2, column: 25 });
  });

  it('reads a heading word with a space the extraction put inside it as the heading (番 号, 関係 課等, 概 要, 目指す もの)', () => {
    const { sheet, diagnostics } = parseSheet(
      sourceLines('名称 各種手続のオンライン化の推進 番 号 １－１－（１） ', '主管課等 情報システム課 関係 課等 行政経営課 ', '概 要 本市の手続を推進します。 ', '目指す もの 来なくてもできる。 '),
      context,
    );
    expect(sheet.number?.printed).toBe('１－１－（１）');
    expect(sheet.leadDepartments.map((d) => d.printed)).toEqual(['情報システム課']);
    expect(sheet.relatedDepartments.map((d) => d.printed)).toEqual(['行政経営課']);
    expect(sheet.summary?.fragments).toEqual(['本市の手続を推進します。 ']);
    expect(sheet.objective?.fragments).toEqual(['来なくてもできる。 ']);
    expect(sheet.summary?.position.start).toEqual({ line: 3, column: 5 });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('stops when a lone Latin letter stands beside a Latin word in the name (生成A Iの活用), not for two words', () => {
    const codes = (name: string) => parseSheet(sourceLines(`名称 ${name} 番号 ２－１－（１２） `, '主管課等 デジタル推進課 関係課等  '), context).diagnostics.map((d) => d.code);
    expect(codes('生成AIの活用')).toEqual([]);
    expect(codes('Microsoft Teams の活用')).toEqual([]);
    const spaced = parseSheet(sourceLines('名称 生成A Iの活用 番号 ２－１－（１２） ', '主管課等 デジタル推進課 関係課等  '), context).diagnostics;
    expect(spaced.map((d) => d.code)).toEqual(['sheet/space-in-word']);
    expect(spaced[0]).toMatchObject({ severity: 'error', position: { start: { line: 1 } } });
    expect(spaced[0]!.message).toContain('「A I」');
    // The departments and the prose too: `9 0%` in 概要 would be published as printed.
    const prose = parseSheet(sourceLines('名称 生成AIの活用 番号 ２－１－（１２） ', '主管課等 デジタル推進課 関係課等  ', '概要 職員の 9 0% が使います。 '), context).diagnostics;
    expect(prose.map((d) => [d.code, d.message])).toEqual([['sheet/space-in-word', expect.stringContaining('概要「職員の 9 0% が使います。」の「9 0」')]]);
  });

  it('stops a list of departments that ends in 、 (its next line lost or moved) or names a department twice (a line printed twice)', () => {
    const diagnostics = (...departments: string[]) =>
      parseSheet(sourceLines('名称 会議のペーパーレス化 番号 ２－２－（１） ', '主管課等 ', ...departments, '概要 会議の資料を減らします。 '), context).diagnostics;
    expect(diagnostics('行政経営課、 ', '情報システム課 ', '関係課等 総合政策課ほか各会議主管課等 ')).toEqual([]);
    // 情報システム課 swapped below 関係課等: the lead list ends in 、.
    const dangling = diagnostics('行政経営課、 ', '関係課等 総合政策課ほか各会議主管課等 ', '情報システム課 ');
    expect(dangling.map((d) => [d.code, d.severity, d.position?.start.line])).toEqual([['sheet/department-list', 'error', 3]]);
    expect(dangling[0]!.message).toContain('主管課等の課名の並びは課名で終わるはずですが、「行政経営課、」');
    const twice = diagnostics('行政経営課、 ', '行政経営課、 ', '情報システム課 ', '関係課等 総合政策課ほか各会議主管課等 ');
    expect(twice.map((d) => [d.code, d.position?.start.line])).toEqual([['sheet/department-list', 4]]);
    expect(twice[0]!.message).toContain('「行政経営課」が 2 回');
  });

  it('stops a prose section whose last line ends in text, as a wrapped line does (two of its lines swapped)', () => {
    const diagnostics = (...summary: string[]) =>
      parseSheet(sourceLines('名称 会議のペーパーレス化 番号 ２－２－（１） ', '主管課等 行政経営課 関係課等  ', '概要 ', ...summary, '目指すもの 減らします。 '), context).diagnostics;
    const printed = ['業務の効率化や紙資料の削減を図るため、携帯性の高い端末の配置や将来的な庁内ネッ', 'トワークの無線化等を推進するものです。 '];
    expect(diagnostics(...printed)).toEqual([]);
    const swapped = diagnostics(printed[1]!, printed[0]!);
    expect(swapped.map((d) => [d.code, d.severity, d.position?.start.line])).toEqual([['sheet/text-ends-mid-line', 'error', 5]]);
    expect(swapped[0]!.message).toMatch(/^概要の最後の行「業務の効率化や.*」は、取り出した本文では、PDF で行が折り返されたときのように文の途中で終わっています/);
  });

  it('reports a sheet without 番号 or name', () => {
    const { diagnostics } = parseSheet(sourceLines('名称 ', '概要 何か。 '), context);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['sheet/missing-name', 'sheet/missing-number']);
  });

  it('keeps prose that starts with a heading word as prose when the heading is out of order', () => {
    const { sheet } = parseSheet(sourceLines('名称 テスト 番号 １－１－（１） ', '目指すもの ', '概要を見直します。 '), context);
    expect(sheet.objective?.fragments.join('')).toBe('概要を見直します。 ');
    expect(sheet.summary).toBeNull();
  });
});
