import { describe, expect, it } from 'vitest';
import { isValueLike, parseTable, type TableKind, type TableLine } from '../../pipeline/read/parseTable.js';
import { toJoinEvidence } from '../../pipeline/read/joinEvidence.js';

/** Table lines as the extraction prints them (each string one line, trailing spaces significant). */
function lines(...texts: string[]): TableLine[] {
  return texts.map((text, i) => ({ line: i + 1, column: 1, text }));
}

/** Table lines at the line numbers the extraction printed them on (the empty lines between them left out). */
function at(...printed: [number, string][]): TableLine[] {
  return printed.map(([line, text]) => ({ line, column: 1, text }));
}

/** Each row as [label, [slots → text]] for compact assertions. */
function rowsOf(texts: string[], kind: TableKind = 'indicator') {
  const { rows, diagnostics } = parseTable(lines(...texts), kind, 5, 'test.txt');
  return {
    diagnostics: diagnostics.map((d) => d.code),
    rows: rows.map((r) => ({
      label: r.label.fragments.join(''),
      placed: r.placed,
      cells: r.cells.map((c) => [c.slots, c.text]),
    })),
  };
}

describe('parseTable: empty cells and merged cells', () => {
  it('counts each extra space as an empty fiscal-year cell', () => {
    const { rows } = rowsOf(['拡充箇所   ３箇所 １箇所 １箇所 ']);
    expect(rows).toEqual([{ label: '拡充箇所', placed: true, cells: [[[2, 2], '３箇所'], [[3, 3], '１箇所'], [[4, 4], '１箇所']] }]);
  });

  it('places trailing empty cells after the values', () => {
    const { rows } = rowsOf(['交付率 ７０．８％ １００％    ']);
    expect(rows[0]!.cells).toEqual([[[0, 0], '７０．８％'], [[1, 1], '１００％']]);
  });

  it('gives a merged text cell the years that have no placeholder', () => {
    const { rows } = rowsOf(['紙の削減量  １１万枚 ４５万枚 ４５万枚 ４５万枚 ', '電子決裁率   運用方法の検討を踏まえ、決定 ']);
    expect(rows[1]).toEqual({ label: '電子決裁率', placed: true, cells: [[[2, 4], '運用方法の検討を踏まえ、決定']] });
  });

  it('reads a merged cell after two values as spanning the rest', () => {
    const { rows } = rowsOf(['追加コンテ', 'ンツ数 ', '１種類以上 １種類以上 次期システムと合わせ検討 ']);
    expect(rows[0]!.cells).toEqual([[[0, 0], '１種類以上'], [[1, 1], '１種類以上'], [[2, 4], '次期システムと合わせ検討']]);
  });

  it('recognises a wide text cell printed at a line start after a wrapped label', () => {
    const { rows } = rowsOf([
      '利便性向上',
      'に資する ',
      '手続のオン',
      'ライン化数 ',
      '「デジタル・ガバメント実行',
      '計画」における実施可能な',
      '全ての手続のオンライン化 ',
      '   ',
      'その他手続',
      'のオンライ',
      'ン化数 ',
      ' 方向性整理を踏まえ決定 ',
    ]);
    expect(rows).toEqual([
      {
        label: '利便性向上に資する手続のオンライン化数',
        placed: true,
        cells: [[[0, 1], '「デジタル・ガバメント実行計画」における実施可能な全ての手続のオンライン化']],
      },
      { label: 'その他手続のオンライン化数', placed: true, cells: [[[1, 4], '方向性整理を踏まえ決定']] },
    ]);
  });

  it('recognises a wide text cell beside a label column of 9 (2025-03 1-1-1 wrapped wider), and keeps a label line set with its letters spaced a label', () => {
    // 2025-03 1-1-1 as a PDF with a 9-character label column would print it: the merged cell's
    // lines (12) are 3 wider than the label's, which no label line is (`tooWide` past 2).
    const { rows, diagnostics } = rowsOf([
      '利便性向上に資する',
      '手続のオンライン化',
      '数 ',
      '「デジタル・ガバメント実',
      '行計画」における実施可',
      '能な全ての手続のオンラ',
      'イン化 ',
      '   ',
      'その他手続のオンライ',
      'ン化数 ',
      '  29 手続 31 手続 28 手続 ',
    ]);
    expect(diagnostics).toEqual([]);
    expect(rows.map((r) => [r.label, r.cells.map((c) => c[0])])).toEqual([
      ['利便性向上に資する手続のオンライン化数', [[0, 1]]],
      ['その他手続のオンライン化数', [[2, 2], [3, 3], [4, 4]]],
    ]);
    // 2025-03 2-1-8 as printed: 財 産 調 査 件 数 is 8.5 wide as printed, 6 set solid, after a label line of 5.
    const spaced = rowsOf(['電子化した ', '財 産 調 査 件 数', '（債権回収課） ', '  1,000 件 1,000 件 ']);
    expect(spaced.rows.map((r) => r.label.replace(/ /g, ''))).toEqual(['電子化した財産調査件数（債権回収課）']);
  });
});

describe('parseTable: wrapped cells and labels', () => {
  it('joins a number and its unit wrapped onto the next line', () => {
    const { rows } = rowsOf(['削減時間 ', '（累積） ', '６００時間 ', '１，５００ ', '時間 ', '３，３００ ', '時間 ', '５，２５０ ', '時間 ', '７，３５０ ', '時間 ']);
    expect(rows[0]!.label).toBe('削減時間（累積）');
    expect(rows[0]!.cells.map((c) => c[1])).toEqual(['６００時間', '１，５００時間', '３，３００時間', '５，２５０時間', '７，３５０時間']);
  });

  it('keeps a number and its unit printed with a space as one cell', () => {
    const { rows } = rowsOf(['その他手続のオン', 'ライン化数 ', '  29 手続 31 手続 28 手続 ']);
    expect(rows[0]!.cells).toEqual([[[2, 2], '29 手続'], [[3, 3], '31 手続'], [[4, 4], '28 手続']]);
  });

  it('joins a soft-wrapped value and its unit', () => {
    const { rows } = rowsOf(['電子地域通貨利', '用額 ', '   ', '７０0,000', '千円 ', '1,440,000', '千円 ']);
    expect(rows[0]).toEqual({ label: '電子地域通貨利用額', placed: true, cells: [[[3, 3], '７０0,000千円'], [[4, 4], '1,440,000千円']] });
  });

  it('reads a Latin word at a line start as the next label, not as a unit', () => {
    const { rows } = rowsOf(['YouTube', 'チャンネル', '登録者数 ', '２，1００ ２，3００ ２，5００ ２，7００ ２，9００ ', 'LINE 友だ', 'ち登録数 ', '１3，０００ １5，０００ １7，０００ １9，０００ 2１，０００ ']);
    expect(rows.map((r) => r.label)).toEqual(['YouTubeチャンネル登録者数', 'LINE 友だち登録数']);
    expect(rows[1]!.cells.map((c) => c[1])).toEqual(['１3，０００', '１5，０００', '１7，０００', '１9，０００', '2１，０００']);
  });

  it('keeps letter-spaced labels whole and starts a new row at the next label', () => {
    const { rows } = rowsOf(['電子化した ', '財 産 調 査 件 数', '（債権回収課） ', '  1,000 件 1,000 件 ', '65,000 ', '件 ', '経 費 の 削 減 率', '（生活援護課） ', '    10％ ']);
    expect(rows).toEqual([
      { label: '電子化した財 産 調 査 件 数（債権回収課）', placed: true, cells: [[[2, 2], '1,000 件'], [[3, 3], '1,000 件'], [[4, 4], '65,000件']] },
      { label: '経 費 の 削 減 率（生活援護課）', placed: true, cells: [[[4, 4], '10％']] },
    ]);
  });

  it('merges a duration printed in two units into one cell', () => {
    const { rows } = rowsOf(['平均収容依頼時間 ', '   ４分 7 秒 4 分 1 秒 ']);
    expect(rows[0]!.cells).toEqual([[[3, 3], '４分 7 秒'], [[4, 4], '4 分 1 秒']]);
  });

  it('reads a label and values on one line, and dashes as cells', () => {
    const { rows } = rowsOf(['AI 滅失捕捉件数   45 件 － － ', '【スマートフォンアプリ】 ', '母子健康手帳登録', '者数 ', '- - - 1,490 2,120 ']);
    expect(rows[0]).toEqual({ label: 'AI 滅失捕捉件数', placed: true, cells: [[[2, 2], '45 件'], [[3, 3], '－'], [[4, 4], '－']] });
    expect(rows[1]!.cells.map((c) => c[0])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
  });
});

describe('parseTable: initiatives', () => {
  it('reads labels followed by their empty year cells', () => {
    const { rows } = rowsOf(['方向性整理      ', '利便性向上', 'に資する ', '手続のオン', 'ライン化 ', '     ', '要件定義の|作成 '.replace('|', ''), '     '], 'initiative');
    expect(rows.map((r) => [r.label, r.cells.length])).toEqual([
      ['方向性整理', 0],
      ['利便性向上に資する手続のオンライン化', 0],
      ['要件定義の作成', 0],
    ]);
  });

  it('places dated texts printed in the year cells', () => {
    const { rows } = rowsOf(
      ['建築計画概', '要書の電子', '化 ', '令和２年度', '分 ', '令和３年度', '分 ', '令和４年度', '分 ', '令和５年度', '分 ', '令和 ６年度', '分 ', '建築確認台', '帳の電子化 ', ' ', '昭和５４年度', '～５９年度分 ', '昭和６０年度', '平成元年度', '分 ', '平成２年度', '～７年度分 ', '平成８年度 ', '～１０年度分 ', ' '],
      'initiative',
    );
    expect(rows[0]!.cells.map((c) => c[1])).toEqual(['令和２年度分', '令和３年度分', '令和４年度分', '令和５年度分', '令和 ６年度分']);
    expect(rows[1]).toEqual({
      label: '建築確認台帳の電子化',
      placed: true,
      cells: [[[1, 1], '昭和５４年度～５９年度分'], [[2, 2], '昭和６０年度平成元年度分'], [[3, 3], '平成２年度～７年度分'], [[4, 4], '平成８年度～１０年度分']],
    });
  });

  it('reports texts it cannot place on years, keeping them', () => {
    const { rows, diagnostics } = rowsOf(
      ['開発登録簿', 'の電子化 ', ' ', '平成２９年度', 'から ', '令和元年度 ', 'に調製した', '開発登録簿 ', ' ', '令和 ２年度', 'から ', '令和４年度 ', 'に調製した', '開発登録簿 '],
      'initiative',
    );
    expect(diagnostics).toEqual(['table/unplaced-cells']);
    expect(rows[0]!.placed).toBe(false);
    expect(rows[0]!.cells.map((c) => c[1])).toEqual(['平成２９年度から令和元年度に調製した開発登録簿', '令和 ２年度から令和４年度に調製した開発登録簿']);
  });

  it('starts a new row at a label printed after a page break space', () => {
    const { rows } = rowsOf(['【オンラインによる', '母子保健相談】集', '団保健指導の実施 ', ' 【オンライン個別相', '談 （ ひ と り 親 家', '庭）】個別相談の実', '施 ', '     '], 'initiative');
    expect(rows.map((r) => r.label)).toEqual(['【オンラインによる母子保健相談】集団保健指導の実施', '【オンライン個別相談 （ ひ と り 親 家庭）】個別相談の実施']);
  });
});

describe('parseTable: problems', () => {
  it('reports more non-empty cells than fiscal years', () => {
    const { diagnostics, rows } = rowsOf(['利用率 5％ 10％ 15％ 20％ 25％ 30％ ']);
    expect(diagnostics).toEqual(['table/too-many-cells']);
    expect(rows[0]!.placed).toBe(false);
  });

  it('drops empty cells after the last fiscal year with a note', () => {
    const { diagnostics, rows } = rowsOf(['利用割合 ２５％ ２５％ ２５％ ２５％ ２５％  ']);
    expect(diagnostics).toEqual(['table/extra-empty-cells']);
    expect(rows[0]!.cells).toHaveLength(5);
  });

  it('reports an indicator row without any target', () => {
    expect(rowsOf(['利用率      ']).diagnostics).toEqual(['table/empty-indicator']);
  });

  it('positions cells at their source line and column', () => {
    const { rows } = parseTable(lines('評価指標', '拡充箇所   ３箇所 １箇所 １箇所 ').slice(1), 'indicator', 5, null);
    expect(rows[0]!.cells[0]!.position).toEqual({ start: { line: 2, column: 8 }, end: { line: 2, column: 11 } });
  });
});

describe('isValueLike', () => {
  it('tells values from labels', () => {
    for (const v of ['５件以下', '▲28ｐｔ', '年３回以上', '月２回', '-', '－', '54．4％']) expect(isValueLike(v)).toBe(true);
    for (const l of ['利用率', '（1', 'LINE', '令和８年度から']) expect(isValueLike(l)).toBe(false);
  });
});

describe('parseTable: every row proves its reading', () => {
  /** The 評価指標 table of 1-2-1 in the 2025-03 text (its empty separator lines left out, as the sheet parser does). */
  const SNS = ['Ｘ（旧：Twitter） ', 'フォロワー数 ', '７，0００ 8,000 8,300 9,000 10,000 ', 'YouTube チャン', 'ネル登録者数 ', '２，1００ 3,500 3,800 5,000 5,500 ', 'LINE 友だち登録', '数 ', '１3，０００ 23,000 24,000 27,000 30,000 '];
  const without = (index: number) => SNS.filter((_, i) => i !== index);
  const codes = (texts: string[]) => parseTable(lines(...texts), 'indicator', 5, 'x.txt', '1-2-1').diagnostics.map((d) => d.code);

  it('stops when a row lost its values and its label runs into the next row’s (YouTube … LINE)', () => {
    const { diagnostics } = parseTable(lines(...without(5)), 'indicator', 5, 'x.txt', '1-2-1');
    // Line 1–2 is the accepted Ｘ（旧：Twitter） finding; the damage is at lines 4–6.
    const runOn = diagnostics.filter((d) => d.code === 'table/label-runs-on' && d.position!.start.line > 2);
    expect(runOn).toHaveLength(1);
    expect(runOn[0]).toMatchObject({ severity: 'error', subject: '1-2-1', position: { start: { line: 4 }, end: { line: 6 } } });
    expect(runOn[0]!.messageEn).toContain('LINE');
    expect(runOn[0]!.message).toBe('項目「YouTubeチャンネル登録者数」は 5 行目の後に欄が来るはずですが、さらに項目名の文字「LINE」が続いています。2 つの項目の項目名がつながった可能性があります。');
  });

  it('reads the hand-broken label Ｘ（旧：Twitter） ⏎ フォロワー数 as a finding a person must accept', () => {
    expect(codes(SNS)).toEqual(['table/label-runs-on']);
  });

  it('stops when the last label line is lost and the label wraps into the values', () => {
    expect(codes(without(4))).toContain('table/label-cut-short');
  });

  it('stops when a label starts mid-phrase or is a value', () => {
    expect(rowsOf(['に資する ', '手続のオン', 'ライン化数 ', '５件 ５件 ５件 ５件 ５件 ']).diagnostics).toContain('table/label-starts-mid-phrase');
    expect(rowsOf(['利用率 ', '５件 ５件 ５件 ５件 ５件 ', '５件 ５件 ５件 ５件 ５件 ']).diagnostics).toContain('table/value-in-label');
  });

  it('stops when a line is printed twice in a row', () => {
    expect(codes([...SNS.slice(0, 4), SNS[3]!, ...SNS.slice(4)])).toContain('table/repeated-line');
  });

  it('stops when the last indicator lost its values (1-1-1 of 2025-03 without line 319)', () => {
    const { diagnostics } = parseTable(lines('その他手続のオン', 'ライン化数 '), 'indicator', 5, 'x.txt', '1-1-1');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['table/empty-indicator', 'error']]);
    expect(diagnostics[0]!.message).toBe('評価指標の項目「その他手続のオンライン化数」には目標値の欄があるはずですが、見つかりません。目標値の行が欠けたか、別の行に読み込まれた可能性があります（このままでは目標値のない指標として公開されます）。PDF で確かめてください。');
    expect(diagnostics[0]!.messageEn).toBe('Expected target cells in indicator row 「その他手続のオンライン化数」, found none');
  });

  it('accepts the hand breaks the real plans print: before a parenthesis, after a particle, inside a noun phrase, letter-spaced lines', () => {
    expect(rowsOf(['適用業務数 ', '（累積） ', '４業務 ６業務 １２業務 １３業務 １４業務 ']).diagnostics).toEqual([]);
    expect(rowsOf(['研修会の ', '実施回数 ', '年３回以上 年３回以上 年３回以上 年３回以上 年３回以上 ']).diagnostics).toEqual([]);
    expect(rowsOf(['年間 ', 'アクセス数 ', '７８０万件 ７９６万件 ８１２万件 ８２８万件 ８４５万件 ']).diagnostics).toEqual([]);
    expect(rowsOf(['重 点 取 組 ', '地域の選定 ', '     '], 'initiative').diagnostics).toEqual([]);
  });

  it('never joins surplus cells back together: ７０0,000 and 1,440,000 swapped around their unit stay an error', () => {
    const { diagnostics, rows } = rowsOf(['電子地域通貨利', '用額 ', '   ', '千円 ', '７０0,000', '1,440,000', '千円 ']);
    expect(diagnostics).toEqual(expect.arrayContaining(['table/unit-without-value', 'table/values-run-together']));
    expect(rows[0]!.placed).toBe(true);
  });

  it('stops when a unit or a value stands in the label column, or a label starts with a small katakana', () => {
    expect(rowsOf(['秦野商工会議所', '千円 ', '景況調査 ', ' ▲28.2ｐｔ ▲28ｐｔ ▲28ｐｔ ▲28ｐｔ ']).diagnostics).toContain('table/label-cut-short');
    expect(rowsOf(['利用率 ', '件 ', '５％ ５％ ５％ ５％ ５％ ']).diagnostics).toContain('table/value-in-label');
    expect(rowsOf(['ックに掲載した店', 'デジタルガイドブ', '舗数 ', ' 550 店舗 550 店舗 550 店舗 550 店舗 ']).diagnostics).toContain('table/label-starts-mid-phrase');
  });

  it('stops when a one-line row runs into the label before it (its cells on the label’s last line)', () => {
    // 2021 2-1-1 with 環境構築 (one line, its cells after it) swapped with 対象業務 ⏎ 拡大's first line.
    expect(rowsOf(['対象業務 ', '環境構築      ', '拡大 ', '     '], 'initiative').diagnostics).toContain('table/label-runs-on');
    expect(rowsOf(['環境構築      ', '対象業務 ', '拡大 ', '     '], 'initiative').diagnostics).toEqual([]);
  });

  it('stops when a sheet heading is read as a cell (the value line joined to 指標の考え方)', () => {
    expect(rowsOf(['追加コンテ', 'ンツ数 ', ' １種類以上 次期システムと合わせ検討 指標の考え方 各地図データ所管課等へのヒアリングを基に設定 ']).diagnostics).toContain('table/heading-in-row');
  });

  it('stops when a parenthesis after a complete name opens the next row’s name instead of ending the label', () => {
    // 2025-03 2-2-4 without the empty-cells line after 建築計画概要書の電子化.
    expect(rowsOf(['建築計画概要書', 'の電子化 ', '（S54～R3 分） ', '建築計画概要書・', '化・ＧＩＳ化 ', '     '], 'initiative').diagnostics).toContain('table/label-runs-on');
    expect(rowsOf(['システム選定 ', '（プロポーザル） ', '     '], 'initiative').diagnostics).toEqual([]);
  });

  it('stops when a label’s brackets do not pair up (wrapped lines swapped)', () => {
    expect(rowsOf(['【オンライン個別相', '庭）】個別相談の実', '談 （ ひ と り 親 家', '施 ', '     '], 'initiative').diagnostics).toContain('table/label-cut-short');
    expect(rowsOf(['【オンライン個別相', '談 （ ひ と り 親 家', '庭）】個別相談の実', '施 ', '     '], 'initiative').diagnostics).toEqual([]);
  });

  it('stops when a label starts in hiragana that starts no word (its first line lost), not for その他 or お知らせ', () => {
    expect(rowsOf(['び教材の整備・運用・', 'デジタル教科書及', '検証 ', '     '], 'initiative').diagnostics).toContain('table/label-starts-mid-phrase');
    expect(rowsOf(['その他手続のオン', 'ライン化 ', '     '], 'initiative').diagnostics).toEqual([]);
    expect(rowsOf(['お知らせ配信 ', '機能の活用（幼', '稚園） ', '     '], 'initiative').diagnostics).toEqual([]);
  });

  it('stops when a text cell stops where its line wraps and a new cell follows (a label line read as a cell)', () => {
    expect(rowsOf(['掲載数 ', 'デジタル化資料の', '    400 点 '], 'indicator').diagnostics).toContain('table/label-cut-short');
  });

  it('stops when a label line wraps much wider than the label column (a text cell read into the label)', () => {
    // 2021 1-1-1 with 「ライン化数 」 and 「「デジタル・ガバメント実行」 swapped: the label column wraps at 5.
    const swapped = ['利便性向上', 'に資する ', '手続のオン', '「デジタル・ガバメント実行', 'ライン化数 ', '計画」における実施可能な', '全ての手続のオンライン化 ', '   ', 'その他手続', 'のオンライ', 'ン化数 ', ' 方向性整理を踏まえ決定 '];
    expect(rowsOf(swapped).diagnostics).toContain('table/label-cut-short');
    const real = ['利便性向上', 'に資する ', '手続のオン', 'ライン化数 ', '「デジタル・ガバメント実行', '計画」における実施可能な', '全ての手続のオンライン化 ', '   ', 'その他手続', 'のオンライ', 'ン化数 ', ' 方向性整理を踏まえ決定 '];
    expect(rowsOf(real).diagnostics).toEqual([]);
  });

  it('stops at a label line that wraps well short of the label column (a PDF line broken in two), the column being the median of the soft-wrapped lines', () => {
    // 2021 1-2-4's 年度ごとの取組 rows: the column wraps at 5; 「学習用端末」 broken into 「学習用 」 ⏎ 「端末」.
    const real = ['学習用端末', '検討・更新 ', '     ', 'ネットワー', 'ク 機 器 検', '討・更新 ', '     '];
    expect(rowsOf(real, 'initiative').diagnostics).toEqual([]);
    const broken = ['学習用 ', '端末', '検討・更新 ', '     ', 'ネットワー', 'ク 機 器 検', '討・更新 ', '     '];
    const { diagnostics } = parseTable(lines(...broken), 'initiative', 5, 'test.txt');
    expect(diagnostics.map((d) => [d.code, d.position?.start.line])).toContainEqual(['table/label-cut-short', 2]);
    expect(diagnostics.find((d) => d.code === 'table/label-cut-short')!.message).toMatch(/2 行目は 2 文字で折り返しています。PDF の 1 行が取り出しで 2 行に分かれた/);
    // A PDF wraps early before a Latin word or a closing mark it may not split or start a line with.
    const early = ['マイナンバー', 'カードの', 'ICTサービス', '利用件数 ', '100 件 200 件 300 件 400 件 500 件 ', 'マイナンバー', 'カード交付数 ', '100 件 200 件 300 件 400 件 500 件 '];
    expect(rowsOf(early).diagnostics).toEqual([]);
    expect(rowsOf(early.map((t) => t.replace('ICTサービス', 'サービス'))).diagnostics).toContain('table/label-cut-short');
  });

  it('stops at a label that starts with a target\'s qualifier (a cell broken over two lines, its 以上 read as the next label)', () => {
    const real = ['７０％以上 ７５％以上 ８０％以上 ８５％以上 ９０％以上 ', '研修会の ', '実施回数 ', '年３回以上 年３回以上 年３回以上 年３回以上 年３回以上 '];
    expect(rowsOf(['ＩＣＴを活用', 'できる教職', '員の割合 ', ...real]).diagnostics).toEqual([]);
    const broken = ['ＩＣＴを活用', 'できる教職', '員の割合 ', '７０％以上 ７５％以上 ８０％以上 ８５％以上 ９０％ ', '以上 ', ...real.slice(1)];
    expect(rowsOf(broken).diagnostics).toContain('table/label-starts-mid-phrase');
  });

  it('stops at a cell that starts with a unit and a number: the space after the cell before it lost (0 時間0 時間)', () => {
    const row = ['地方税法417条', 'にかかる時間 '];
    expect(rowsOf([...row, '   0 時間 0 時間 ']).diagnostics).toEqual([]);
    expect(rowsOf([...row, '   0 時間0 時間 ']).diagnostics).toContain('table/values-run-together');
    // A period printed before the number is no unit lost (`年３回以上`).
    expect(rowsOf(['研修会の ', '実施回数 ', '年３回以上 年３回以上 年３回以上 年３回以上 年３回以上 ']).diagnostics).toEqual([]);
  });

  it('stops when the table\'s first label starts with a heading spelled over two lines (評価 ⏎ 指標)', () => {
    const rows = ['利便性向上', 'に資する ', '手続のオン', 'ライン化数 ', '100 件 200 件 300 件 400 件 500 件 '];
    expect(rowsOf(rows).diagnostics).toEqual([]);
    const { diagnostics } = parseTable(lines('評価 ', '指標 ', ...rows), 'indicator', 5, 'test.txt');
    const broken = diagnostics.find((d) => d.code === 'table/heading-in-row');
    expect(broken).toMatchObject({ position: { start: { line: 1 }, end: { line: 2 } } });
    expect(broken!.message).toMatch(/^項目「評価指標」は見出し「評価指標」で始まっています/);
  });

  it('stops when the last initiative row before the 評価指標 table has no cells (an indicator line moved up), not at a sheet’s end', () => {
    const table = ['規則・要綱・運用基準等の整備      ', 'システム稼働・運用開始      ', '電子契約割合 '];
    const followed = parseTable(lines(...table), 'initiative', 5, 'x.txt', '2-2-8', true).diagnostics.map((d) => d.code);
    expect(followed).toContain('table/row-without-cells');
    expect(parseTable(lines(...table), 'initiative', 5, 'x.txt', '2-2-8', false).diagnostics).toEqual([]);
  });

  it('stops when a label ends mid-phrase, with a particle or a joining word (its last line lost)', () => {
    // 2025-03 1-2-6 without 「作成 」, 1-2-7 without 「環境構築 」.
    expect(rowsOf(['個別避難計画の ', '  110 件 220 件 440 件 ']).diagnostics).toContain('table/label-cut-short');
    expect(rowsOf(['一般公開に向けた', '     '], 'initiative').diagnostics).toContain('table/label-cut-short');
    // A word that ends in a particle's kana is not cut short.
    expect(rowsOf(['ふるさと      '], 'initiative').diagnostics).toEqual([]);
  });

  it('stops when a label line is lost next to its cells: the label lines no longer spaced as the extraction prints them', () => {
    const codes = (table: TableLine[], kind: TableKind = 'indicator') => parseTable(table, kind, 5, 'x.txt').diagnostics.map((d) => d.code);
    // 2025-03 1-1-3 as printed (a two-line label, its cells on the next line), then without 「（対人口） 」:
    // 「交付率」 is a name, but a one-line label always carries its first cell on its own line.
    const real = at([422, '交付率 '], [424, '（対人口） '], [425, '54．4％ １００％ ８０％ ９０％ ９５％ ']);
    expect(codes(real)).toEqual([]);
    expect(codes(at([422, '交付率 '], [424, '54．4％ １００％ ８０％ ９０％ ９５％ ']))).toEqual(['table/label-line-spacing']);
    // 2021 1-1-2 as printed (three lines, an empty line before the cells), then without its first line and
    // that line's empty line: a two-line label is followed directly by its cells' line, never by an empty line.
    expect(codes(at([296, '導入方針の'], [298, '決定及び導'], [300, '入 '], [302, '     ']), 'initiative')).toEqual([]);
    expect(codes(at([296, '決定及び導'], [298, '入 '], [300, '     ']), 'initiative')).toEqual(['table/label-line-spacing']);
    // A page break or a lost line (two empty lines or more) says nothing about the spacing.
    expect(codes(at([296, '決定及び導'], [298, '入 '], [303, '     ']), 'initiative')).toEqual([]);
    // A one-line label whose cells start on the next line stops, unless that line wraps on into a
    // further one (a value too wide for its cell: 2-1-12 with every year filled), a layout neither text
    // prints but one a label line lost before it cannot be told from.
    expect(codes(at([2284, '業務削減時間 '], [2285, '100 時間 200 時間 300 時間 300 時間 300 時間 ']))).toEqual(['table/label-line-spacing']);
    expect(codes(at([2284, '業務削減時間 '], [2285, '100 時間/年 200 時間/年 300 時間/年 300 時間/年 300 時間/'], [2287, '年 ']))).toEqual([]);
  });

  it('stops when two full label lines read in the other order would join only character pairs the text prints elsewhere', () => {
    // The text's other lines (指標の考え方 of 1-2-4 and the like) print 「における学校」 and 「に関する」 within a line.
    const pairs = toJoinEvidence(at([1, '学校評価における学校の取組に関する保護者の満足度を指標とします。 ']));
    const codes = (...labelLines: string[]) =>
      parseTable(at(...labelLines.map((text, i): [number, string] => [850 + 2 * i, text]), [858, '  2.5 3.0 3.5 ']), 'indicator', 5, 'x.txt', '1-2-4', false, pairs).diagnostics.map((d) => d.code);
    // 2025-03 1-2-4 as printed, then its first two lines swapped (`関学` and `るす` are printed nowhere).
    expect(codes('学校評価における', '学校との連絡に関', 'する保護者の満足', '度 ')).toEqual([]);
    expect(codes('学校との連絡に関', '学校評価における', 'する保護者の満足', '度 ')).toEqual(['table/label-lines-swapped']);
    // A hard break's order is the author's: lines that end in a space are not weighed.
    expect(codes('学校との連絡に関 ', '学校評価における ', 'する保護者の満足', '度 ')).toEqual([]);
    // Without the text's pairs (a table parsed alone) nothing is weighed.
    expect(parseTable(at([850, '学校との連絡に関'], [852, '学校評価における'], [854, 'する保護者の満足'], [856, '度 '], [858, '  2.5 3.0 3.5 ']), 'indicator', 5, 'x.txt').diagnostics).toEqual([]);
  });

  it('stops when two lines of a wrapped target cell read in the other order would join only attested pairs', () => {
    const pairs = toJoinEvidence(at([1, '令和８年度から、所有権移転処理をシステムで行います。 ']));
    const codes = (...cellLines: string[]) =>
      parseTable(
        at([2323, '所有権移転にか'], [2325, 'かる業務削減時'], [2327, '間 '], [2329, '    '], ...cellLines.map((text, i): [number, string] => [2331 + 2 * i, text])),
        'indicator', 5, 'x.txt', '2-1-13', false, pairs,
      ).diagnostics.map((d) => d.code);
    // 2025-03 2-1-13 as printed, then its cell's first two lines swapped (`テ令` and `度ム` are attested nowhere).
    expect(codes('令和８年度', 'からシステ', 'ムでの所有', '権移転処理 ')).toEqual([]);
    expect(codes('からシステ', '令和８年度', 'ムでの所有', '権移転処理 ')).toEqual(['table/label-lines-swapped']);
  });

  it('stops when a line of empty cells follows a row that already has a cell for every year (a row\'s label line lost)', () => {
    const codes = (table: TableLine[]) => parseTable(table, 'initiative', 5, 'x.txt', '2-1-13', true).diagnostics.map((d) => d.code);
    // 2025-03 2-1-13 as printed: 運用・改善's fifth empty cell wraps onto a line of its own.
    expect(codes(at([2311, 'システム構築      '], [2313, '運用・改善     '], [2314, ' '], [2316, '不動産番号付設 '], [2318, '（新規のみ） '], [2319, '     ']))).toEqual([]);
    // Without 「運用・改善」: its last empty cell follows システム構築's five.
    expect(codes(at([2311, 'システム構築      '], [2313, ' '], [2315, '不動産番号付設 '], [2317, '（新規のみ） '], [2318, '     ']))).toEqual(['table/extra-empty-cells', 'table/stray-empty-cells']);
  });

  it('stops when empty cells follow a row\'s one-line last text on a line of their own (a line moved into the table), not after a wrapped text', () => {
    const parsed = (table: TableLine[]) => parseTable(table, 'indicator', 5, 'x.txt', '1-2-2');
    // 2021 1-2-2 as printed: 次期システムと合わせ検討 merged over FY2023–2025.
    const printed = parsed(at([527, '追加コンテ'], [529, 'ンツ数 '], [530, ' １種類以上 次期システムと合わせ検討 ']));
    expect(printed.diagnostics).toEqual([]);
    expect(printed.rows[0]!.cells.map((c) => c.slots)).toEqual([[1, 1], [2, 4]]);
    // The line of one space below 指標の考え方 swapped up: counted, it would end the merged cell at FY2024.
    const moved = parsed(at([527, '追加コンテ'], [529, 'ンツ数 '], [530, ' １種類以上 次期システムと合わせ検討 '], [532, ' ']));
    expect(moved.diagnostics.map((d) => [d.code, d.severity, d.position?.start.line])).toEqual([['table/stray-empty-cells', 'error', 532]]);
    expect(moved.diagnostics[0]!.message).toContain('「次期システムと合わせ検討」まで 1 行に印字');
    expect(moved.diagnostics[0]!.message).toContain('この項目の年度は決めていません');
    expect(moved.rows[0]!.placed).toBe(false);
    // 2021 1-1-1 as printed: a merged cell wrapped over three lines, the other years' empty cells on the next.
    expect(parsed(at([232, '利便性向上'], [234, 'に資する '], [236, '手続のオン'], [238, 'ライン化数 '], [240, '「デジタル・ガバメント実行'], [242, '計画」における実施可能な'], [244, '全ての手続のオンライン化 '], [246, '   '])).diagnostics).toEqual([]);
  });

  it('stops when a space splits a merged text cell into two years\' cells (目録調製後、指標 設定), not for dated texts side by side', () => {
    const codes = (table: TableLine[], kind: TableKind = 'indicator') => parseTable(table, kind, 5, 'x.txt', '2-2-10').diagnostics.map((d) => d.code);
    // 2025-03 2-2-10 as printed: one merged cell over FY2024–2025.
    const printed = at([2915, 'デジタル化割合'], [2917, '（図書館所蔵資料） '], [2918, '   目録調製後、指標設定 ']);
    expect(codes(printed)).toEqual([]);
    expect(parseTable(printed, 'indicator', 5, 'x.txt').rows[0]!.cells.map((c) => c.slots)).toEqual([[3, 4]]);
    // A space inside it reads as two cells filling the row: the merged reading fits as well.
    const split = parseTable(at([2915, 'デジタル化割合'], [2917, '（図書館所蔵資料） '], [2918, '   目録調製後、指標 設定 ']), 'indicator', 5, 'x.txt', '2-2-10');
    expect(split.diagnostics.map((d) => d.code)).toEqual(['table/cell-split']);
    expect(split.diagnostics[0]).toMatchObject({ severity: 'error', position: { start: { line: 2918, column: 4 } } });
    expect(split.diagnostics[0]!.message).toContain('「目録調製後、指標」と「設定」');
    // 2021 1-1-1: the merged cell over FY2021–2022 wraps over three lines; a space in its first line.
    expect(codes(at([234, '利便性向上'], [236, '手続のオン'], [238, 'ライン化数 '], [240, '「デジタル・ガバ メント実行'], [242, '計画」における実施可能な'], [244, '全ての手続のオンライン化 '], [246, '   ']))).toContain('table/cell-split');
    // Numbers side by side are cells; so are an initiative's dated texts, which start with their era.
    expect(codes(at([1, '利用件数    １３，０００件 １４，０００件 ']))).toEqual([]);
    expect(codes(at([1, '建築計画概要書の電子化 令和２年度分 令和３年度分 令和４年度分 令和５年度分 令和６年度分 ']), 'initiative')).not.toContain('table/cell-split');
    // A few letters after a number are the rest of its unit or qualifier; a phrase is a text cell (2021 1-2-2).
    expect(codes(at([788, '拡充箇所   １箇所以 上   ']))).toContain('table/cell-split');
    expect(codes(at([788, '拡充箇所   １箇 所以上   ']))).toContain('table/cell-split');
    expect(codes(at([1, '追加コンテンツ数 １種類以上 １種類以上 次期システムと合わせ検討 ']))).toEqual([]);
    expect(codes(at([1, 'オープンデータの公開数 １データ １データ １デー タ １データ ']))).toContain('table/cell-split');
    // A word of its own after a number is a year's target: roll-outs to every school or every section.
    expect(codes(at([1, 'ＩＣＴ活用校数 ５校 １０校 全校 全校 全校 ']))).toEqual([]);
    expect(codes(at([1, '電子決裁率 ５０％ ７０％ ９０％ ９５％ 完了 ']))).toEqual([]);
    expect(codes(at([1, '建築計画概要書の電子化 令和２年度分 令和３年 度分 令和４年度分 令和５年度分 ']), 'initiative')).toContain('table/cell-split');
    expect(codes(at([1, '建築計画概要書の電子化 R3年度分 R4年度分 R5年度分 R6年度分 R7年度分 ']), 'initiative')).not.toContain('table/cell-split');
  });

  it('stops when a number\'s unit differs from the rest of its row (a character of the unit lost or doubled), not for a qualifier', () => {
    expect(rowsOf(['オープンデータの公開数 １データ １データ １データ １データ １データ ']).diagnostics).toEqual([]);
    expect(rowsOf(['オープンデータの公開数 １データ １ータ １データ １データ １データ ']).diagnostics).toEqual(['table/units-differ']);
    expect(rowsOf(['参加率 ４０％以上 55％以上 70以上 80％以上 85％以上 ']).diagnostics).toEqual(['table/units-differ']);
    // 2025-03 2-4-3: 以上 qualifies the number, it is not its unit; `60%` and `70％` are one unit.
    expect(rowsOf(['職員向け操作研修の実施 １回以上 １回以上 １回 １回 １回 ']).diagnostics).toEqual([]);
    expect(rowsOf(['利用者満足度    60% 70％ ']).diagnostics).toEqual([]);
    // A duration printed in two units (2-1-11) is one number.
    expect(rowsOf(['平均収容依頼時間    ４分 7 秒 4 分 1 秒 ']).diagnostics).toEqual([]);
    // Magnitudes, periods and the spellings of 箇所 are one unit; numbers counted per year are compared too.
    expect(rowsOf(['参加者数 800人 900人 1千人 1千人 1千人 ']).diagnostics).toEqual([]);
    expect(rowsOf(['整備箇所数 1か所 2ヶ所 3箇所 4カ所 5箇所 ']).diagnostics).toEqual([]);
    expect(rowsOf(['更新頻度 年３回以上 年３回以上 年３以上 年３回以上 年３回以上 ']).diagnostics).toEqual(['table/units-differ']);
    // Two numbers in two units: which lost a character cannot be told, so the row is named once.
    const mixed = parseTable(lines('削減時間    １，３０３時 2,630 時間 '), 'indicator', 5, 'x.txt').diagnostics;
    expect(mixed.map((d) => d.code)).toEqual(['table/units-differ']);
    expect(mixed[0]!.message).toContain('１，３０３時、2,630時間');
    // A character printed twice in a unit, even in a row of one number.
    expect(rowsOf(['利用回数     25,000 回回 ']).diagnostics).toEqual(['table/units-differ']);
  });

  it('reads a product and its version as one label (Windows 11 への移行率), a number and its unit after a Latin word as a cell', () => {
    expect(rowsOf(['Windows 11 への移行率 50% 80% 100% 100% 100% '])).toEqual({
      diagnostics: [],
      rows: [{ label: 'Windows 11 への移行率', placed: true, cells: [[[0, 0], '50%'], [[1, 1], '80%'], [[2, 2], '100%'], [[3, 3], '100%'], [[4, 4], '100%']] }],
    });
    expect(rowsOf(['Microsoft 365 の利用率 50% 80% 100% 100% 100% ']).rows[0]!.label).toBe('Microsoft 365 の利用率');
    expect(rowsOf(['公衆無線LAN Wi-Fi 10 箇所 12 箇所 14 箇所 16 箇所 18 箇所 ']).rows[0]!.cells[0]).toEqual([[0, 0], '10 箇所']);
  });

  it('stops when a Latin word is spaced apart in a label: a lone letter (G IS), or a word the text prints unspaced elsewhere (You Tube)', () => {
    expect(rowsOf(['公開型 GIS 搭載      '], 'initiative').diagnostics).toEqual([]);
    expect(rowsOf(['公開型 G IS 搭載      '], 'initiative').diagnostics).toEqual(['table/space-in-word']);
    expect(rowsOf(['Microsoft Teams の活用      '], 'initiative').diagnostics).toEqual([]);
    // 2025-03 1-2-1: its 概要 prints YouTube, so `You Tube` in the label is the extraction's space.
    const evidence = toJoinEvidence(at([1, 'Ｘ（旧：Twitter）、YouTube、LINE などで情報を発信します。 '], [3, 'Microsoft Teams を活用します。 ']));
    const codes = (table: TableLine[]) => parseTable(table, 'indicator', 5, 'x.txt', '1-2-1', false, evidence).diagnostics.map((d) => d.code);
    expect(codes(at([690, 'YouTube チャン'], [692, 'ネル登録者数 '], [693, '２，1００ 3,500 3,800 5,000 5,500 ']))).toEqual([]);
    const spaced = parseTable(at([690, 'You Tube チャン'], [692, 'ネル登録者数 '], [693, '２，1００ 3,500 3,800 5,000 5,500 ']), 'indicator', 5, 'x.txt', '1-2-1', false, evidence).diagnostics;
    expect(spaced.map((d) => d.code)).toEqual(['table/space-in-word']);
    expect(spaced[0]!.message).toContain('「You Tube」');
    expect(codes(at([1, 'Microsoft Teams 利用率 10% 20% 30% 40% 50% ']))).toEqual([]);
  });

  it('stops when a label is only a bracketed qualifier (its name line lost)', () => {
    // 2025-03 1-3-6 without 「講座参加者数 」.
    expect(rowsOf(['（年間） ', '    1,000 人 ']).diagnostics).toContain('table/label-starts-mid-phrase');
    expect(rowsOf(['講座参加者数 ', '（年間） ', '    1,000 人 ']).diagnostics).toEqual([]);
  });

  it('stops when an indicator name does not end as indicator names do (its last line lost)', () => {
    // 2025-03 1-2-9 without 「来館者数 」, 2-1-6 without 「利用者数 」.
    expect(rowsOf(['歴史博物館 ', '    45,000 人 ']).diagnostics).toContain('table/label-cut-short');
    expect(rowsOf(['ビジネスチャット ', '    300 人 ']).diagnostics).toContain('table/label-cut-short');
    for (const name of ['歴史博物館来館者数 ', '交付率 ', '拡充箇所 ', 'データ更新 ', '来庁者の待ち時間の削減 ', '電子契約割合 ']) {
      expect([name, rowsOf([`${name}    45,000 人 `]).diagnostics]).toEqual([name, []]);
    }
  });

  it('stops when an initiative row carries counts with units (the 評価指標 heading swapped below its first row)', () => {
    // 2025-03 1-2-8 with 「評価指標 」 and 「利用件数 …」 swapped.
    expect(rowsOf(['電子錠システムの', '運用 ', '     ', '利用件数    １３，０００件 １４，０００件 '], 'initiative').diagnostics).toContain('table/value-in-label');
  });

  it('stops when a cells line between two initiatives is lost and the next label follows a complete name', () => {
    // 2025-03 1-2-5 without the empty cells after 作製, 2-2-10 after デジタル化（横野地区資料）; 2021 2-2-2 after 規程等の改正.
    expect(rowsOf(['仕様調整・取材・', '作製 ', 'デジタルガイドブ', 'ックの公開・PR ', '     '], 'initiative').diagnostics).toContain('table/label-runs-on');
    expect(rowsOf(['デジタル化（横野', '地区資料） ', '活用コンテンツの', '検討（横野地区資', '料） ', '     '], 'initiative').diagnostics).toContain('table/label-runs-on');
    expect(rowsOf(['規程等の改正 ', '稼働・運用開始 ', '     '], 'initiative').diagnostics).toContain('table/label-runs-on');
  });

  it('stops when text follows a number in a cell (a label line read into it) or a unit stands alone', () => {
    // 2025-03 1-2-5 with 「千円 」 and 「秦野商工会議所」 swapped; 2-1-12 without 「300 時間/」.
    expect(rowsOf(['電子地域通貨利', '用額 ', '   ', '７０0,000', '千円 ', '1,440,000', '秦野商工会議所', '千円 ']).diagnostics).toContain('table/text-in-value');
    expect(rowsOf(['業務削減時間     ', '年 ']).diagnostics).toContain('table/unit-without-value');
    expect(rowsOf(['業務削減時間     ', '300 時間/', '年 ']).diagnostics).toEqual([]);
    expect(rowsOf(['応答時間 ４分 7 秒 ４分 7 秒 ４分 7 秒 ４分 7 秒 ４分 7 秒 ']).diagnostics).toEqual([]);
  });

  it('stops when a line of a label or a value is lost with its empty line (no gap left to see)', () => {
    // 2021 2-1-1 without one 「時間 」 line: 「１，５００」 among values with units.
    const values = ['１，５００ ', '時間 ', '３，３００ ', '時間 ', '５，２５０ ', '時間 ', '７，３５０ ', '時間 ', '９，４５０ ', '時間 '];
    expect(rowsOf(['削減時間 ', '（累積） ', ...values]).diagnostics).toEqual([]);
    expect(rowsOf(['削減時間 ', '（累積） ', ...values.filter((_, i) => i !== 1)]).diagnostics).toContain('table/value-without-unit');
    // 2025-03 3-2-2 without 「システムのアクセ」: 「ス数」; 2021 1-2-2 without 「次期システ」: 「ムの検討」.
    expect(rowsOf(['ス数 ', '    1,000 件 ']).diagnostics).toContain('table/label-cut-short');
    expect(rowsOf(['ムの検討      '], 'initiative').diagnostics).toContain('table/label-starts-mid-phrase');
    expect(rowsOf(['システムの検討      ', 'データ連携の運用      '], 'initiative').diagnostics).toEqual([]);
  });

  it('gives a finding an id that pins the reading, not the line numbers', () => {
    const id = (texts: string[], first = 1) =>
      parseTable(texts.map((text, i) => ({ line: first + i, column: 1, text })), 'indicator', 5, 'x.txt', '1-2-1').diagnostics[0]!.finding;
    expect(id(SNS)).toMatch(/^table\/label-runs-on@1-2-1\/indicator~[0-9a-f]{8}$/);
    expect(id(SNS, 100)).toBe(id(SNS));
    expect(id(['Ｘ（旧：Twitter） ', 'フォロワー数 ', '７，0００ 8,000 8,300 9,000 9,999 '])).not.toBe(id(SNS));
  });
});
