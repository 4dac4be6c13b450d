/**
 * What attests that a line break joins two characters that belong together: the evidence the table
 * parser weighs when two wrapped lines may have been swapped (see `table/label-lines-swapped` in
 * parseTable.ts). Two witnesses: the pairs of characters the same text prints within its lines, and
 * ICU's Japanese word segmentation (its dictionary ships with Node).
 */
import type { SourceLine } from './document.js';
import { compactText, latinWords } from '../common/text.js';

/** The two witnesses of one text, made once per text by `toJoinEvidence`. */
export interface JoinEvidence {
  /** Every pair of adjacent characters printed within one line of the text (compacted as `compactText` does), as `pairKey`s. */
  pairs: ReadonlySet<number>;
  /** The positions of `text` that fall inside a dictionary word (between two of its characters); remembered per text. */
  wordsInside(text: string): ReadonlySet<number>;
  /** Every Latin word the text prints (`YouTube`, `GIS`): a label printing one with a space inside (`You Tube`) was spaced apart by the extraction. */
  latinWords: ReadonlySet<string>;
}

// Characters NFKC leaves as they are: ASCII, Japanese punctuation, kana and the unified ideographs
// (the few kana NFKC changes, ゛゜ゟヿ, excluded). A line of nothing else is scanned as it is, which
// keeps a 1000× text's scan to one pass; any other line is compacted exactly as `compactText` does.
const NFKC_STABLE = /^[\u0000-\u007f\u3001-\u309a\u309d\u309e\u30a0-\u30fe\u4e00-\u9fff]*$/;

/** The key of the pair `a` then `b` (two UTF-16 code units: every character of these texts is one). */
export function pairKey(a: number, b: number): number {
  return a * 0x10000 + b;
}

/** True for the code units `compactText` drops as whitespace (after NFKC). */
function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Collects the two witnesses of a text (a pair across a line break is no evidence: that is what is weighed). */
export function toJoinEvidence(lines: readonly SourceLine[]): JoinEvidence {
  const pairs = new Set<number>();
  const words = new Set<string>();
  // A text prints many lines more than once (empty cells, headings, repeated names): each is scanned once.
  const scanned = new Set<string>();
  for (const line of lines) {
    if (scanned.has(line.text)) continue;
    scanned.add(line.text);
    for (const word of latinWords(line.text)) words.add(word);
    const text = NFKC_STABLE.test(line.text) ? line.text : compactText(line.text);
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) continue;
      if (previous >= 0) pairs.add(pairKey(previous, code));
      previous = code;
    }
  }
  // Made on first use: loading ICU's dictionary costs a real build about 10 ms, and a text whose
  // breaks are all attested by its pairs never needs it.
  let segmenter: Intl.Segmenter | null = null;
  // A 【再掲】 copy or a label printed again is not segmented twice.
  const segmented = new Map<string, Set<number>>();
  const wordsInside = (text: string): ReadonlySet<number> => {
    const known = segmented.get(text);
    if (known) return known;
    segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
    const inside = new Set<number>();
    for (const { index, segment } of segmenter.segment(text)) for (let k = index + 1; k < index + segment.length; k++) inside.add(k);
    segmented.set(text, inside);
    return inside;
  };
  return { pairs, wordsInside, latinWords: words };
}
