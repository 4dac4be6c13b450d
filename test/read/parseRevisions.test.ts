import { describe, expect, it } from 'vitest';
import { parseRevisions } from '../../pipeline/read/parseRevisions.js';
import { seedBytes, sourceLines } from '../helpers.js';
import { toJoinEvidence } from '../../pipeline/read/joinEvidence.js';

describe('parseRevisions', () => {
  const parsed = parseRevisions(
    sourceLines(
      ' 【改訂履歴】 ',
      '改定日 ',
      '計画 ',
      '番号 ',
      '計画名称 ',
      '主な改定内容 ',
      '（概要） ',
      '令和 4 年 6 月  ',
      '1-1-(3) マイナンバーカード交付事務の円滑化  ',
      '令和 3 年 12 月の交付円滑化計画の改定に伴い、評価指標を交付率（対人',
      '口）、交付率（対申請件数）に細分化。 ',
      '1-3-(6) ',
      '地域における高齢者のデジタル活用講',
      '座の実施  ',
      '新規追加  ',
      '令和 5 年３月  1-1-(6) 手数料等のキャッシュレス化の推進  新規追加  ',
      '2-2-(2) ',
      '2-3-(2) ',
      '文書管理システム及び電子決裁の導入  評価指標「紙の削減量」を上方修正。 ',
      ' 1-2-(2) ',
      'はだのＷＥＢマップにおける地図情報公',
      '開  ',
      '評価指標を一部追記。 ',
    ),
    'rev.txt',
  );

  it('groups entries under their revision dates', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.groups.map((g) => [g.date.printed, g.entries.length])).toEqual([
      ['令和 4 年 6 月', 2],
      ['令和 5 年３月', 3],
    ]);
  });

  it('splits name and summary at the double space, across wrapped lines', () => {
    const [first, second] = parsed.groups[0]!.entries;
    expect(first!.numbers.map((n) => n.printed)).toEqual(['1-1-(3)']);
    expect(first!.name?.fragments.join('')).toBe('マイナンバーカード交付事務の円滑化');
    // A summary that starts with a date phrase is not a new revision date.
    expect(first!.summary?.fragments.join('')).toBe('令和 3 年 12 月の交付円滑化計画の改定に伴い、評価指標を交付率（対人口）、交付率（対申請件数）に細分化。 ');
    expect(second!.name?.fragments.join('')).toBe('地域における高齢者のデジタル活用講座の実施');
    expect(second!.summary?.fragments.join('').trim()).toBe('新規追加');
  });

  it('reads a date and an entry on one line, and entries naming two plans', () => {
    const [onDateLine, twoPlans, afterPageBreak] = parsed.groups[1]!.entries;
    expect(onDateLine!.numbers.map((n) => n.printed)).toEqual(['1-1-(6)']);
    expect(onDateLine!.summary?.fragments.join('').trim()).toBe('新規追加');
    expect(twoPlans!.numbers.map((n) => n.printed)).toEqual(['2-2-(2)', '2-3-(2)']);
    expect(twoPlans!.name?.fragments.join('')).toBe('文書管理システム及び電子決裁の導入');
    expect(afterPageBreak!.name?.fragments.join('')).toBe('はだのＷＥＢマップにおける地図情報公開');
  });

  it('stops a space inside a Latin word or a number in an entry\'s name or summary, not the real entries', () => {
    expect(parsed.diagnostics).toEqual([]);
    const spaced = parseRevisions(sourceLines(' 【改訂履歴】 ', '令和 5 年３月  1-1-(6) Ｉ ＣＴを活用した子育て支援  評価指標を 1 0 件に変更。 '), 'rev.txt').diagnostics;
    expect(spaced.map((d) => d.code)).toEqual(['revision/space-in-word', 'revision/space-in-word']);
    expect(spaced[0]!.message).toMatch(/^改訂履歴の事業名「Ｉ ＣＴを活用した子育て支援」の「I CT」/);
    expect(spaced[1]!.message).toMatch(/^改訂履歴の内容「評価指標を 1 0 件に変更。」の「1 0」/);
  });

  it('stops a line printed twice in a row (a plan number named twice, a summary line published twice)', () => {
    const twice = parseRevisions(sourceLines(' 【改訂履歴】 ', '令和 4 年 6 月  ', '1-3-(6) ', '1-3-(6) ', '地域における高齢者のデジタル活用講', '座の実施  ', '新規追加  '), 'rev.txt').diagnostics;
    expect(twice.map((d) => [d.code, d.severity, d.position?.start.line])).toEqual([['revision/repeated-line', 'error', 4]]);
    expect(twice[0]!.message).toContain('「1-3-(6)」が 2 回続けて');
  });

  describe('the real 改訂履歴 of 2025-03, damaged', () => {
    const real = new TextDecoder().decode(seedBytes('2025-03')).split('\n');
    const start = real.findIndex((l) => l.trim() === '【改訂履歴】');
    /** The errors of the 改訂履歴's lines after `edit`, numbered from the text's 【改訂履歴】 line on (lines after a deletion move up). */
    const errors = (edit: (lines: string[]) => void = () => {}) => {
      const lines = [...real];
      edit(lines);
      const numbered = lines.map((text, i) => ({ line: i + 1, text }));
      return parseRevisions(numbered.slice(start), 'rev.txt', PROJECT_NAMES, toJoinEvidence(numbered)).diagnostics.filter((d) => d.severity === 'error');
    };
    const at = (prefix: string) => real.findIndex((l) => l.startsWith(prefix));
    /** Two of the names the 2025-03 text prints for its projects (`parsePlanDocument` hands over all of them). */
    const PROJECT_NAMES = new Set(['AI現況調査システムを活用した事務の効率化', '市税等の口座振替受付オンライン化の推進']);

    it('reads the undamaged one without an error', () => {
      expect(start).toBeGreaterThan(3000);
      expect(errors()).toEqual([]);
    });

    it('stops a summary whose last line ends in text (its last line lost, or swapped with the line before)', () => {
      const first = at('令和 3 年 12 月の交付円滑化計画の改定に伴い');
      expect(real[first + 2]).toMatch(/数値の変更。 $/);
      // Lost with the empty line before it, so that no gap shows.
      const lost = errors((lines) => lines.splice(first + 1, 2));
      expect(lost.map((d) => [d.code, d.position?.start.line])).toEqual([['revision/text-ends-mid-line', first + 1]]);
      expect(lost[0]!.message).toMatch(/^改訂履歴の 1-1-\(3\) の内容の最後の行「令和 3 年 12 月の.*」は、取り出した本文では、PDF で行が折り返されたときのように文の途中で終わっています/);
      const swapped = errors((lines) => ([lines[first], lines[first + 2]] = [lines[first + 2]!, lines[first]!]));
      expect(swapped.map((d) => d.code)).toEqual(['revision/text-ends-mid-line']);
    });

    it('stops an entry whose number line was lost or whose line was joined to the entry before (its name and summary read into that one), and an entry whose summary was lost', () => {
      const number = at('2-1-(10) ');
      expect(real[number + 4]).toBe('新規追加  ');
      // Lines are numbered after the damage: the name's first line moves up to the lost one's place.
      const lost = errors((lines) => lines.splice(number, 1));
      expect(lost.map((d) => [d.code, d.position?.start.line])).toEqual([['revision/entries-run-together', number + 1]]);
      expect(lost[0]!.message).toMatch(/^改訂履歴の 2-1-\(9\) の内容の中に、事業の名称「AI現況調査システムを活用した事務の効率化」がそのまま/);
      const noSummary = errors((lines) => lines.splice(number + 4, 1));
      expect(noSummary.map((d) => [d.code, d.position?.start.line])).toEqual([['revision/entry-without-summary', number + 1]]);
      expect(noSummary[0]!.message).toMatch(/^改訂履歴の 2-1-\(10\) の項目には主な改定内容/);
      // Two one-line entries joined: the next one's number, name and summary read into the summary.
      const one = at('２-１-(13) 登記課税連携システムの構築');
      const joined = errors((lines) => lines.splice(one, 3, lines[one]! + lines[one + 2]!));
      expect(joined.map((d) => [d.code, d.position?.start.line])).toEqual([['revision/entries-run-together', one + 1]]);
      expect(joined[0]!.message).toContain('その後に「計画終了。」が続いています');
    });

    it('reads a bulleted summary whose lines end without 。 as one summary (two spaces end any line the PDF ends on an ordinary character)', () => {
      const bullet = at('・債権回収課の評価指標を上方修正。');
      expect(errors((lines) => {
        lines[bullet - 2] = '概要を修正、評価指標とその考え方を追加  ';
        lines[bullet] = '・債権回収課の評価指標を上方修正  ';
      })).toEqual([]);
    });

    it('stops where two empty lines in a row show a lost line', () => {
      const line = at('システム更新の実施に伴い、公開する地図情報についても決定したため、評');
      expect(real[line + 1]).toBe('');
      const lost = errors((lines) => (lines[line] = ''));
      expect(lost.map((d) => d.code)).toContain('revision/lost-line');
      expect(lost.find((d) => d.code === 'revision/lost-line')!.message).toMatch(/^改訂履歴の行の間の空行は 1 行までのはずですが、「開」と「価指標の数値を一部修正。」の間に空行が 2 行以上あります/);
    });

    it('stops a summary that reads better by two joins with two of its lines in the other order (as a sheet\'s prose)', () => {
      const first = at('令和 4 年度に導入した総合防災情報システムについて');
      expect(real[first + 2]).toMatch(/^象庁データの追加等のシステム機能拡充により/);
      const swapped = errors((lines) => ([lines[first], lines[first + 2]] = [lines[first + 2]!, lines[first]!]));
      expect(swapped.map((d) => [d.code, d.position?.start.line, d.position?.end.line])).toEqual([['revision/lines-swapped', first + 1, first + 3]]);
      expect(swapped[0]!.message).toMatch(/^改訂履歴の内容の \d+ 行目「象庁データの追加等/);
    });

    it('stops a summary line wider than the column (two lines joined)', () => {
      const first = at('令和 3 年 12 月の交付円滑化計画の改定に伴い');
      const joined = errors((lines) => lines.splice(first, 3, lines[first]! + lines[first + 2]!));
      expect(joined.map((d) => [d.code, d.position?.start.line])).toEqual([['revision/line-too-wide', first + 1]]);
      expect(joined[0]!.message).toMatch(/^改訂履歴の内容の行は、この版ではおよそ 34 文字幅で折り返されていますが/);
    });
  });

  it('marks the table header as furniture', () => {
    expect(parsed.roles.filter((r) => r.role === 'furniture').map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reports an entry before any date', () => {
    const bad = parseRevisions(sourceLines('1-1-(1) 名前  内容 '), 'rev.txt');
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['revision/entry-without-date']);
  });
});
