import { describe, expect, it } from 'vitest';
import { pairKey, toJoinEvidence } from '../../pipeline/read/joinEvidence.js';

const key = (pair: string) => pairKey(pair.charCodeAt(0), pair.charCodeAt(1));
const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, column: 1, text }));

describe('toJoinEvidence', () => {
  it('collects the pairs printed within a line, across the spaces the extraction inserted, in NFKC', () => {
    const { pairs } = toJoinEvidence(lines('ＩＣＴ を活用', '関する ', '第Ⅱ期'));
    for (const pair of ['IC', 'CT', 'Tを', 'を活', '活用', '関す', 'する', '第I', 'II', 'I期']) expect([pair, pairs.has(key(pair))]).toEqual([pair, true]);
    expect(pairs.has(key('ＩＣ'))).toBe(false);
  });

  it('never pairs the last character of a line with the first of the next (that join is what is weighed)', () => {
    expect(toJoinEvidence(lines('学校評価における', '学校との')).pairs.has(key('る学'))).toBe(false);
  });

  it('collects the Latin words the text prints, in NFKC and small letters, for words spaced apart elsewhere', () => {
    expect([...toJoinEvidence(lines('ＹｏｕＴｕｂｅ チャンネル', 'LINE WORKS で共有 ', 'LINE WORKS で共有 ')).latinWords]).toEqual(['youtube', 'line', 'works']);
  });

  it('finds the positions inside a dictionary word, not those between two words', () => {
    const { wordsInside } = toJoinEvidence([]);
    // 建築|確認|台帳|・|処分|の|概要|書: 処|分 is inside a word, 帳|・ is not.
    const text = '建築確認台帳・処分の概要書';
    expect(wordsInside(text).has(text.indexOf('分'))).toBe(true);
    expect(wordsInside(text).has(text.indexOf('・'))).toBe(false);
  });
});
