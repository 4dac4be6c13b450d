import { describe, expect, it } from 'vitest';
import { repostDifferences, ruleCatalog } from '../../pipeline/model/checkQuality.js';
import type { Project } from '../../pipeline/model/plan.js';
import { seedBytes, seedMeta, seedReview, SEEDS } from '../helpers.js';
import { checkSeeds } from '../mutants.js';

/** Both real editions with their review files; the 2025-03 text's line `line` (1-based) swapped with the next non-empty line, unless null. */
async function checkWithSwap(line: number | null) {
  return checkWithChange((text) => {
    if (line !== null) [text[line - 1], text[line + 1]] = [text[line + 1]!, text[line - 1]!];
  });
}

/** Both real editions with their review files, the 2025-03 text's lines changed in place by `change`. */
async function checkWithChange(change: (lines: string[]) => void) {
  const enc = new TextEncoder();
  const text = new TextDecoder().decode(seedBytes('2025-03')).split('\n');
  change(text);
  const files: Record<string, Uint8Array> = {};
  for (const id of ['2021', '2025-03'] as const) {
    files[`in/${id}/${SEEDS[id]}`] = id === '2025-03' ? enc.encode(text.join('\n')) : seedBytes(id);
    files[`in/${id}/edition.json`] = enc.encode(seedMeta(id));
    files[`in/${id}/review.json`] = enc.encode(seedReview(id)!);
  }
  return checkSeeds(files);
}

const base: Project = {
  id: '2-2-2',
  measureId: '2-2',
  name: '文書管理',
  listedName: '文書管理',
  status: 'active',
  repostOf: null,
  leadDepartments: [{ name: '文書法制課', printedName: '文書法制課' }],
  relatedDepartments: [],
  summary: '概要。',
  objective: '目指す。',
  initiatives: [],
  indicators: [
    {
      id: '2-2-2/1',
      name: '紙の削減量',
      printedName: '紙の削減量',
      targets: [{ fiscalYear: 2021, text: '１１万枚', value: 11, unit: '万枚', qualifier: null, per: null, span: null }],
      unplacedTexts: [],
      source: { startLine: 10, endLine: 10 },
    },
  ],
  indicatorRationale: '基に設定',
  endReason: null,
  printed: { name: '文書管理', listedName: '文書管理', summary: '概要。', objective: '目指す。', indicatorRationale: '基に設定', endReason: null },
  source: { sheet: { startLine: 1, endLine: 20 }, list: null },
};

describe('repostDifferences', () => {
  it('ignores ids, numbers and positions but reports changed content', () => {
    const repost: Project = { ...base, id: '2-3-2', measureId: '2-3', repostOf: '2-2-2', source: { sheet: { startLine: 50, endLine: 70 }, list: null } };
    repost.indicators = base.indicators.map((i) => ({ ...i, id: '2-3-2/1', source: { startLine: 60, endLine: 60 } }));
    expect(repostDifferences(repost, base)).toEqual([]);
    repost.indicators = [{ ...repost.indicators[0]!, targets: [{ ...repost.indicators[0]!.targets[0]!, text: null, value: null, unit: null }] }];
    repost.indicatorRationale = '別の考え方';
    expect(repostDifferences(repost, base)).toEqual(['indicators', 'indicatorRationale']);
  });
});

describe('checkQuality', () => {
  it('stops a 【再掲】 copy that no longer repeats its original, as one finding at the first differing row of both copies', async () => {
    // 2-3-2 re-lists 2-2-2 in the 2025-03 text; lines 3059 and 3061 are its first two 取組内容 rows,
    // line 2454 is the original's first.
    const checked = await checkWithSwap(3059);
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.subject, d.position?.start.line])).toEqual([
      ['quality/repost-differs', '2-3-2', 2454],
      ['quality/repost-differs', '2-3-2', 3059],
      // The copy's table no longer reads as 2021 printed it, and the 2021 edition is beside it.
      ['review/unvouched-table', '2-3-2', 3059],
    ]);
    const differs = errors.filter((d) => d.code === 'quality/repost-differs');
    expect(new Set(differs.map((d) => d.finding))).toEqual(new Set([expect.stringMatching(/^quality\/repost-differs@2-3-2~[0-9a-f]{8}$/)]));
    expect(errors[1]!.message).toContain('年度ごとの取組が異なります（2-3-2 は 3059 行目、2-2-2 は 2454 行目から）');
  });

  it('accepts the real 2021 difference of 2-3-2 from 2-2-2 only through its review decision', async () => {
    const checked = await checkWithSwap(null);
    const edition2021 = checked.editions.find((e) => e.folder === '2021')!;
    const repost = edition2021.diagnostics.filter((d) => d.code === 'quality/repost-differs');
    expect(repost.map((d) => [d.severity, d.decision?.decision, d.position?.start.line])).toEqual([
      ['info', 'accept', 1264],
      ['info', 'accept', 1655],
    ]);
  });
});

describe('checkQuality: sections', () => {
  it('reads a 年度ごとの取組 heading with a space inside the word as the heading: nothing changes', async () => {
    const checked = await checkWithChange((text) => {
      text[273] = text[273]!.replace('年度ごとの取組', '年度ごと の取組');
    });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('stops a sheet whose 年度ごとの取組 heading line did not read as one (the space after the word lost), at that line', async () => {
    const checked = await checkWithChange((text) => {
      expect(text[273]).toMatch(/^年度ごとの取組 /);
      text[273] = text[273]!.replace('年度ごとの取組 ', '年度ごとの取組');
    });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.position?.start.line])).toEqual([['sheet/lost-section', 274]]);
    expect(errors[0]!.message).toContain('年度ごとの取組の見出し');
  });

  it('only warns when the heading line is lost outright (nothing published changes: the years are the plan\'s)', async () => {
    const checked = await checkWithChange((text) => {
      text.splice(273, 2);
    });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.diagnostics.filter((d) => d.code === 'sheet/missing-year-heading').map((d) => [d.subject, d.severity])).toContainEqual(['1-1-1', 'warning']);
  });
});

describe('checkQuality: a misread character that the document contradicts stops the edition', () => {
  /** The errors (code, subject, line) of both editions with the 2025-03 line holding `find` changed to hold `replace` instead. */
  const errorsWith = async (find: string, replace: string) => {
    const checked = await checkWithChange((text) => {
      const i = text.findIndex((line) => line.includes(find));
      expect(i).toBeGreaterThanOrEqual(0);
      text[i] = text[i]!.replace(find, replace);
    });
    return checked.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.subject, d.position?.start.line]);
  };

  it('stops at the sheet when the list and the sheet print a name differently (幼稚園 read as 幼椎園)', async () => {
    const errors = await errorsWith('公立認定こども園及び公立幼稚園', '公立認定こども園及び公立幼椎園');
    expect(errors.map(([code]) => code)).toContain('quality/list-sheet-name-mismatch');
  });

  it('stops when a heading is misread and its text would be published in the section above (概要 read as 慨要)', async () => {
    const misread = await checkWithChange((text) => {
      const i = text.findIndex((line, n) => n > 1880 && line.startsWith('概要'));
      text[i] = text[i]!.replace('概要', '慨要');
    });
    expect(misread.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.subject])).toContainEqual(['sheet/missing-section', '2-1-6']);
    // Reported at the section its text went into (関係課等, the section above 概要), which names its lines.
    const missing = misread.diagnostics.find((d) => d.code === 'sheet/missing-section' && d.subject === '2-1-6')!;
    expect(missing.message).toMatch(/^シート 2-1-6 に概要の欄があるはずですが、見つかりません。見出しの行が欠けたか読み誤られ、概要の文章が前の関係課等の欄（\d+〜\d+ 行目）に読み込まれている可能性があります/);
    expect(missing.position!.end.line).toBeGreaterThan(missing.position!.start.line);
  });

  it('stops at a department that reads as no department: the 概要 heading swapped with its first line, the departments\' line printed twice', async () => {
    const swapped = await checkWithChange((text) => {
      const i = text.findIndex((line) => line.startsWith('主管課等 図書館'));
      expect(text[i + 2]).toBe('概要 ');
      [text[i + 2], text[i + 3]] = [text[i + 3]!, text[i + 2]!];
    });
    const errors = swapped.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.subject])).toContainEqual(['sheet/not-a-department', '1-1-4']);
    expect(errors.find((d) => d.code === 'sheet/not-a-department')!.message).toMatch(/^関係課等の「マイナンバーカードの普及や利活用方法拡充の一環として」は課などの名前として読めません/);
    const twice = await checkWithChange((text) => {
      const i = text.findIndex((line) => line.startsWith('主管課等 図書館'));
      text.splice(i + 1, 0, text[i]!);
    });
    const repeated = twice.diagnostics.find((d) => d.severity === 'error' && d.code === 'sheet/not-a-department');
    expect(repeated).toMatchObject({ subject: '1-1-4', position: { start: { line: 439 } } });
    expect(repeated!.message).toMatch(/^関係課等の「主管課等 図書館 関係課等」は課などの名前として読めません/);
  });

  it('reads as departments the bodies a plan may name and the extraction\'s space after a Latin word (DX 推進課, 全庁, 各所属, （DX担当）)', async () => {
    const checked = await checkWithChange((text) => {
      const i = text.findIndex((line) => line.startsWith('主管課等 図書館'));
      text[i] = '主管課等 DX 推進課 関係課等 全庁、各所属、秦野市伊勢原市環境衛生組合、会計管理者、行政経営課（DX担当）  ';
    });
    expect(checked.diagnostics.filter((d) => d.code === 'sheet/not-a-department')).toEqual([]);
  });

  it('reports a sheet the 一覧 lost at both places: where the 一覧 should list it, and the sheet', async () => {
    const checked = await checkWithChange((text) => {
      const i = text.findIndex((line) => line.startsWith('(3) マイナンバーカード交付事務の円滑化'));
      text.splice(i, 2);
    });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error' && d.code === 'quality/sheet-not-listed');
    expect(errors.map((d) => [d.subject, d.position?.start.line])).toEqual([['1-1-3', 23], ['1-1-3', expect.any(Number)]]);
    expect(new Set(errors.map((d) => d.finding)).size).toBe(1);
    expect(errors[0]!.message).toMatch(/^個別事業一覧の 23 行目（1-1-2）の後に 1-1-3 があるはずですが、見つかりません/);
  });

  it('reports a sheet numbered far past the 一覧\'s entries at the sheet only: no line of the 一覧 is missing where it would go', async () => {
    const checked = await checkWithChange((text) => {
      const i = text.findIndex((line) => /番号 １－１－（３）/.test(line));
      text[i] = text[i]!.replace('１－１－（３）', '１－１－（９３）');
    });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error' && d.code === 'quality/sheet-not-listed');
    expect(errors.map((d) => [d.subject, d.message.slice(0, 40)])).toEqual([['1-1-93', expect.stringMatching(/^1-1-93 は個別事業一覧に載っているはずですが/)]]);
  });

  it('gives a repeated departments\' line one cause, not also two departments joined', async () => {
    const checked = await checkWithChange((text) => {
      const i = text.findIndex((line) => line.startsWith('主管課等 デジタル推進課 関係課等 行政経営課'));
      text.splice(i + 1, 0, text[i]!);
    });
    const codes = checked.diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('sheet/')).map((d) => d.code);
    expect(codes).toContain('sheet/not-a-department');
    expect(codes).not.toContain('sheet/departments-joined');
  });

  it('stops at the indicator row when two target cells are read in the other order (100％ 95％ 100％ …)', async () => {
    const errors = await errorsWith('95％ 100％ 100％ 100％ 100％', '100％ 95％ 100％ 100％ 100％');
    expect(errors).toContainEqual(['quality/targets-direction', '1-1-3/2', 427]);
  });

  it('stops at the indicator row when the second of two targets falls (１４，０００件 １３，０００件, or a misread １８，０００件)', async () => {
    for (const misread of ['１４，０００件 １３，０００件', '１８，０００件 １４，０００件']) {
      const errors = await errorsWith('１３，０００件 １４，０００件', misread);
      expect(errors).toContainEqual(['quality/targets-direction', '1-2-8/1', 1104]);
    }
  });

  it('stops at the row when targets accepted as turning are read in another order that turns no longer (１ １ 3 3)', async () => {
    const errors = await errorsWith('１種類以上 3種類以上 １種類以上 3種類以上', '１種類以上 １種類以上 3種類以上 3種類以上');
    expect(errors).toContainEqual(['review/stale-decision', '1-2-2/1', 743]);
  });

  it('lets targets that turn as printed through once accepted, and no other target of either real edition', async () => {
    const checked = await checkWithChange(() => {});
    const direction = checked.diagnostics.filter((d) => d.code === 'quality/targets-direction');
    expect(direction.map((d) => [d.subject, d.severity, d.decision?.decision])).toEqual([
      ['1-1-1/2', 'info', 'accept'],
      ['1-1-2/1', 'info', 'accept'],
      ['1-1-3/1', 'info', 'accept'],
      ['1-2-2/1', 'info', 'accept'],
      ['2-1-11/2', 'info', 'accept'],
    ]);
    expect(direction[0]!.message).toMatch(/^1-1-1 の評価指標「その他手続のオンライン化数」の目標値は、令和6年度の「31 手続」で増減の向きが変わります（令和5年度 29 手続、令和6年度 31 手続、令和7年度 28 手続）/);
  });

  it('stops at the department line when two departments run together (国保年金課生活援護課)', async () => {
    const errors = await errorsWith('国保年金課、生活援護課', '国保年金課生活援護課');
    expect(errors).toContainEqual(['sheet/departments-joined', '2-1-8', expect.any(Number)]);
  });

  it('stops at a 改訂履歴 entry whose number breaks the order of its date (２-2-(10) read as ２-2-(1))', async () => {
    const errors = await errorsWith('２-2-(10) 郷土資料', '２-2-(1) 郷土資料');
    expect(errors).toContainEqual(['revision/out-of-order', '2-2-1', 4118]);
  });

  it('names an entry printed twice as such, not as a misread number', async () => {
    const checked = await checkWithChange((text) => {
      const i = text.findIndex((line) => line.startsWith('1-2-(１) ＳＮＳ等による情報発信'));
      text.splice(i + 1, 0, text[i]!);
    });
    const twice = checked.diagnostics.find((d) => d.code === 'revision/out-of-order' && d.subject === '1-2-1')!;
    expect(twice.message).toMatch(/^改訂（2022-06）に 1-2-1 の項目が 2 つ続いています。項目の行が重なったか/);
    expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain('revision/repeated-line');
  });

  it('stops when the last 改訂履歴 date is not the month the edition is named for (令和７年３月 read as ８月)', async () => {
    const checked = await checkWithChange((text) => {
      const i = text.map((line) => /^令和 ?7 ?年３月/.test(line.trim())).lastIndexOf(true);
      expect(i).toBeGreaterThan(4000);
      text[i] = text[i]!.replace('３月', '８月');
    });
    expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain('revision/out-of-order');
  });

  it('stops at a share read above 100 % (54．4％ read as 544％)', async () => {
    const errors = await errorsWith('54．4％', '544％');
    expect(errors).toContainEqual(['table/doubtful-number', '1-1-3', 425]);
  });
});

describe('ruleCatalog', () => {
  it('lists every rule with a severity and an "Expected …" description', () => {
    const rules = ruleCatalog();
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) {
      expect(rule.code).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description).toMatch(/^Expected /);
    }
  });
});
