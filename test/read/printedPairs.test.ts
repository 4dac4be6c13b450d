import { describe, expect, it } from 'vitest';
import { pairKey, toPrintedPairs } from '../../pipeline/read/printedPairs.js';

const key = (pair: string) => pairKey(pair.charCodeAt(0), pair.charCodeAt(1));
const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, column: 1, text }));

describe('toPrintedPairs', () => {
  it('collects the pairs printed within a line, across the spaces the extraction inserted, in NFKC', () => {
    const pairs = toPrintedPairs(lines('ＩＣＴ を活用', '関する '));
    for (const pair of ['IC', 'CT', 'Tを', 'を活', '活用', '関す', 'する']) expect([pair, pairs.has(key(pair))]).toEqual([pair, true]);
    expect(pairs.has(key('ＩＣ'))).toBe(false);
  });

  it('never pairs the last character of a line with the first of the next (that join is what is weighed)', () => {
    expect(toPrintedPairs(lines('学校評価における', '学校との')).has(key('る学'))).toBe(false);
  });
});
