/**
 * The character pairs a text prints within its lines: the evidence the table parser weighs when two
 * wrapped label lines may have been swapped (see `table/label-lines-swapped` in parseTable.ts).
 */
import type { SourceLine } from './document.js';
import { nfkc } from '../common/text.js';

/** Every pair of adjacent characters printed within one line of a text (NFKC, whitespace skipped), as `pairKey`s. */
export type PrintedPairs = ReadonlySet<number>;

// Full-width forms and enclosed characters are the only ones NFKC changes in these texts; the other
// lines are scanned as they are, which keeps a 1000× text's scan to one pass over its characters.
const NEEDS_NFKC = /[\u2460-\u24ff\u3200-\u33ff\uff00-\uffef]/;

/** The key of the pair `a` then `b` (two UTF-16 code units: every character of these texts is one). */
export function pairKey(a: number, b: number): number {
  return a * 0x10000 + b;
}

/** Collects the character pairs printed within the lines of a text (a pair across a line break is not evidence: that is what is weighed). */
export function toPrintedPairs(lines: readonly SourceLine[]): PrintedPairs {
  const pairs = new Set<number>();
  // A text prints many lines more than once (empty cells, headings, repeated names): each is scanned once.
  const scanned = new Set<string>();
  for (const line of lines) {
    if (scanned.has(line.text)) continue;
    scanned.add(line.text);
    const text = NEEDS_NFKC.test(line.text) ? nfkc(line.text) : line.text;
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x20 || code === 0x3000 || code === 0x09 || code === 0xa0) continue;
      if (previous >= 0) pairs.add(pairKey(previous, code));
      previous = code;
    }
  }
  return pairs;
}
