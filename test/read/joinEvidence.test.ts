import { describe, expect, it } from 'vitest';
import { pairKey, startsSentence, swappedLines, toJoinEvidence } from '../../pipeline/read/joinEvidence.js';

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

  it('finds a dictionary word running across the join of two lines, not a join between two words', () => {
    const { wordAcross } = toJoinEvidence([]);
    // 建築|確認|台帳|・|処分|の|概要|書: 処|分 is inside a word, 帳|・ is not.
    expect(wordAcross('建築確認台帳・処', '分の概要書')).toBe(true);
    expect(wordAcross('建築確認台帳', '・処分の概要書')).toBe(false);
    // Asked again, in the other order of the two questions: the same answers.
    expect(wordAcross('建築確認台帳', '・処分の概要書')).toBe(false);
    expect(wordAcross('建築確認台帳・処', '分の概要書')).toBe(true);
  });

  it('counts the sentences the text starts with each character: after a 。 in a line, or first after a line ending in 。 and a space', () => {
    const { sentenceStarts } = toJoinEvidence(lines('導入します。また、', '運用します。 ', 'また、検討し', '続けて'));
    expect(sentenceStarts.get('ま'.charCodeAt(0))).toBe(2);
    expect(sentenceStarts.has('続'.charCodeAt(0))).toBe(false);
  });
});

describe('swappedLines', () => {
  const wrapped = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text: text.trim(), soft: !text.endsWith(' ') }));
  // The text prints 円滑に within a line and starts two sentences with ま (また).
  const printed = ['運用します。 ', 'また、入力内容を円滑に処理できます。 ', 'また、運用します。 '];
  // A wrapped paragraph's first line swapped with its last: a paragraph starting 「に処理…」, and 「円滑」 ⏎ 「以上」.
  const damaged = wrapped('運用します。 ', 'に処理できます。 ', 'また、入力内容を円滑', '以上です。 ');

  it('finds prose reading better by two joins in the other order, a paragraph starting with a continuation one of them', () => {
    expect(swappedLines(damaged, toJoinEvidence(lines(...printed)), 'prose')).toEqual({ label: '運用します。に処理できます。また、入力内容を円滑以上です。', swapped: '運用します。また、入力内容を円滑に処理できます。以上です。', first: 2, second: 3 });
  });

  it('lets one unattested join pass in prose, and a paragraph may start with a character the text starts two sentences with', () => {
    // The text starts two sentences with に: one join is left, which proves nothing in prose.
    const evidence = toJoinEvidence(lines(...printed, 'に関する。 ', 'にする。 '));
    expect(evidence.sentenceStarts.get('に'.charCodeAt(0))).toBe(2);
    expect(swappedLines(damaged, evidence, 'prose')).toBeNull();
  });
});

describe('startsSentence', () => {
  const evidence = toJoinEvidence(lines('導入します。 ', 'また、運用します。 ', 'また、検討します。 '));

  it('lets a sentence start with kanji, katakana, Latin letters, an opening bracket, or a hiragana word sentences start with', () => {
    for (const text of ['本市は', 'オンライン化', 'ICTを', '「書かない窓口」', 'さまざまな手続を', 'すべての住民', 'これまでの', 'より多くの市民']) expect([text, startsSentence(text, evidence)]).toEqual([text, true]);
  });

  it('reads a particle, an ending, a small kana or closing punctuation first as a continuation, unless the text starts two sentences so', () => {
    for (const text of ['を窓口職員が', 'き手続や、', 'たりの窓口', 'ることで', 'することで', 'ャッシュレス', 'ー化', '）について']) expect([text, startsSentence(text, evidence)]).toEqual([text, false]);
    expect(startsSentence('まとめて', evidence)).toBe(true);
  });
});
