import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../pipeline/read/parseOutline.js';
import { sourceLines } from '../helpers.js';

describe('parseOutline', () => {
  const outline = parseOutline(
    sourceLines(
      ' 個別事業一覧 ',
      '基本方針 事業推進計画 個別事業 ',
      '＜基本方針１＞ ',
      '市民にとって便利で ',
      'やさしいＩＣＴ活用 ',
      '＜１＞ ',
      '行政手続等デジタル化',
      'の推進 ',
      '(1) 各種手続のオンライン化の推進 ',
      '(5) 新たな学びの場を求める児童生徒に対するＩＣＴを活用 ',
      'した学習支援 ',
      '（１２） 生成 AI 導入による業務の効率化【計画終了】 ',
      ' 基本方針 事業推進計画 個別事業 ',
      '＜基本方針１＞ ',
      '市民にとって便利で ',
      '＜２＞ ',
      '地域におけるＩＣＴ ',
      '(2) 庁内ネットワークの無線化【再掲】 ',
    ),
    'list.txt',
  );

  it('reads policies, measures and entries with wrapped names', () => {
    const [policy] = outline.policies;
    expect(policy!.number).toBe(1);
    expect(policy!.name.fragments.join('')).toBe('市民にとって便利でやさしいＩＣＴ活用');
    expect(policy!.measures.map((m) => [m.number, m.name.fragments.join('')])).toEqual([
      [1, '行政手続等デジタル化の推進'],
      [2, '地域におけるＩＣＴ'],
    ]);
    expect(policy!.measures[0]!.entries.map((e) => [e.ordinal, e.name.fragments.join(''), e.tags])).toEqual([
      [1, '各種手続のオンライン化の推進', []],
      [5, '新たな学びの場を求める児童生徒に対するＩＣＴを活用した学習支援', []],
      [12, '生成 AI 導入による業務の効率化【計画終了】', ['計画終了']],
    ]);
    expect(policy!.measures[1]!.entries[0]!.tags).toEqual(['再掲']);
  });

  it('treats the policy cell repeated on a continuation page as furniture', () => {
    expect(outline.policies).toHaveLength(1);
    const roles = new Map(outline.roles.map((r) => [r.line, r.kind]));
    expect(roles.get(14)).toBe('list-repeated-policy');
    expect(roles.get(15)).toBe('list-repeated-policy');
    expect(roles.get(2)).toBe('list-header');
    expect(outline.diagnostics).toEqual([]);
  });

  it('stops an entry name with a space inside a Latin word (Ｓ ＮＳ等), not with words spaced from Japanese (生成 AI 導入)', () => {
    expect(outline.diagnostics).toEqual([]);
    const spaced = parseOutline(sourceLines('＜基本方針１＞ ', '市民にとって ', '＜１＞ ', '行政手続 ', '(1) Ｓ ＮＳ等による情報発信 '), 'list.txt').diagnostics;
    expect(spaced.map((d) => [d.code, d.position?.start.line])).toEqual([['outline/space-in-word', 5]]);
    expect(spaced[0]!.message).toContain('「S NS」');
    // A policy's or a measure's name as well.
    const policy = parseOutline(sourceLines('＜基本方針１＞ ', '市民にとって便利でやさしいＩ ＣＴ活用 ', '＜１＞ ', '行政手続 ', '(1) 事業 '), 'list.txt').diagnostics;
    expect(policy.map((d) => [d.code, d.position?.start.line])).toEqual([['outline/space-in-word', 2]]);
  });

  it('positions an entry at its line', () => {
    const entry = outline.policies[0]!.measures[0]!.entries[1]!;
    expect(entry.position.start.line).toBe(10);
    expect(entry.position.end.line).toBe(11);
  });
  it('stops where two empty lines in a row show a lost line (an entry deleted), not at a line of spaces between empty lines', () => {
    const lines = ['＜基本方針１＞ ', '', '市民にとって便利で ', '', '＜１＞ ', '', '行政手続等デジタル化の推進 ', '', '(1) 各種手続のオンライン化の推進 ', '', '(2) 住民異動届出等におけるスマート窓口の導入検討 '];
    expect(parseOutline(sourceLines(...lines), 'list.txt').diagnostics).toEqual([]);
    const lost = parseOutline(sourceLines(...lines.slice(0, 8), '', ...lines.slice(10)), 'list.txt').diagnostics;
    expect(lost.map((d) => [d.code, d.severity, d.position?.start.line, d.position?.end.line])).toEqual([['outline/lost-line', 'error', 8, 10]]);
    expect(lost[0]!.message).toMatch(/^個別事業一覧の行の間の空行は 1 行のはずですが、「行政手続等デジタル化の推進」と「\(2\) 住民異動届出等/);
    expect(parseOutline(sourceLines(...lines.slice(0, 8), ' ', '', ...lines.slice(8)), 'list.txt').diagnostics).toEqual([]);
  });
});
