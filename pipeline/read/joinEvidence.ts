/**
 * What attests that a line break joins two characters that belong together: the evidence the table
 * parser weighs when two wrapped lines may have been swapped (see `table/label-lines-swapped` in
 * parseTable.ts). Two witnesses: the pairs of characters the same text prints within its lines, and
 * ICU's Japanese word segmentation (its dictionary ships with Node).
 */
import type { SourceLine } from './document.js';
import { compactText, latinWords } from '../common/text.js';

/** The connectives that open a sentence adding to the one before it (`また、`), as a compacted line starts with them. */
export const CONNECTIVE = /^(?:また|なお|さらに|併せて|あわせて|加えて|一方|そのため|このため|これにより|そして|しかし|ただし)[、,]/;

/** The two witnesses of one text, made once per text by `toJoinEvidence`. */
export interface JoinEvidence {
  /** Every pair of adjacent characters printed within one line of the text (compacted as `compactText` does), as `pairKey`s. */
  pairs: ReadonlySet<number>;
  /** The positions of `text` that fall inside a dictionary word (between two of its characters); remembered per text. */
  wordsInside(text: string): ReadonlySet<number>;
  /** Every Latin word the text prints (`YouTube`, `GIS`): a label printing one with a space inside (`You Tube`) was spaced apart by the extraction. */
  latinWords: ReadonlySet<string>;
  /** How often each character starts a sentence: after a 。 inside a line, or first on the line after one that ends in 。 and a space. */
  sentenceStarts: ReadonlyMap<number, number>;
  /** The first word of `text` by ICU's Japanese word segmentation (`さまざま` of さまざまな手続). */
  firstWord(text: string): string;
  /** Every three adjacent characters printed within one line, as `tripleKey`s (prose weighs its joins by these). */
  triples: ReadonlySet<number>;
}

// Characters NFKC leaves as they are: ASCII, Japanese punctuation, kana and the unified ideographs
// (the few kana NFKC changes, ゛゜ゟヿ, excluded). A line of nothing else is scanned as it is, which
// keeps a 1000× text's scan to one pass; any other line is compacted exactly as `compactText` does.
const NFKC_STABLE = /^[\u0000-\u007f\u3001-\u309a\u309d\u309e\u30a0-\u30fe\u4e00-\u9fff]*$/;

/** A line's first printed character. */
const FIRST_PRINTED = /[^\s\u3000]/;

/** The key of the pair `a` then `b` (two UTF-16 code units: every character of these texts is one). */
export function pairKey(a: number, b: number): number {
  return a * 0x10000 + b;
}

/** The key of the characters `a`, `b`, `c` in a row (48 bits: exact in a double). */
function tripleKey(a: number, b: number, c: number): number {
  return (a * 0x10000 + b) * 0x10000 + c;
}

/** True for the code units `compactText` drops as whitespace (after NFKC). */
function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Collects the two witnesses of a text (a pair across a line break is no evidence: that is what is weighed). */
export function toJoinEvidence(lines: readonly SourceLine[]): JoinEvidence {
  const pairs = new Set<number>();
  const words = new Set<string>();
  const triples = new Set<number>();
  const starts = new Map<number, number>();
  const countStart = (code: number) => starts.set(code, (starts.get(code) ?? 0) + 1);
  let afterSentence = false;
  // In text order (a start is weighed by the line before it); only a line holding a 。 is compacted,
  // which keeps a 1000× text's pass cheap. The characters weighed (kana, punctuation) NFKC leaves alone.
  for (const line of lines) {
    const first = FIRST_PRINTED.exec(line.text);
    if (!first) continue;
    if (afterSentence) countStart(first[0].charCodeAt(0));
    afterSentence = false;
    if (!line.text.includes('。')) continue;
    const text = compactText(line.text);
    for (let i = text.indexOf('。'); i >= 0 && i + 1 < text.length; i = text.indexOf('。', i + 1)) countStart(text.charCodeAt(i + 1));
    afterSentence = /。[ \u3000]+$/.test(line.text);
  }
  // A text prints many lines more than once (empty cells, headings, repeated names): each is scanned once.
  const scanned = new Set<string>();
  for (const line of lines) {
    if (scanned.has(line.text)) continue;
    scanned.add(line.text);
    for (const word of latinWords(line.text)) words.add(word);
    const text = NFKC_STABLE.test(line.text) ? line.text : compactText(line.text);
    let previous = -1;
    let second = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) continue;
      if (previous >= 0) pairs.add(pairKey(previous, code));
      if (second >= 0) triples.add(tripleKey(second, previous, code));
      second = previous;
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
  const firstWord = (text: string): string => {
    segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
    for (const { segment } of segmenter.segment(text.slice(0, 12))) return segment;
    return '';
  };
  return { pairs, wordsInside, firstWord, latinWords: words, sentenceStarts: starts, triples };
}

/** One printed line of a wrapped text, compacted (`compactText`), and whether the PDF wrapped it (a soft break after it). */
export interface WrappedLine {
  line: number;
  text: string;
  soft: boolean;
}

/**
 * What a wrapped text is, for weighing its joins: a table's `label` (or a target cell wrapped over
 * lines of its own), or a sheet's `prose` (概要, 目指すもの, 指標の考え方, 終了理由).
 */
export type WrappedKind = 'label' | 'prose';

/**
 * How many line breaks of a text join what neither witness attests. A soft break is weighed by the
 * two characters it joins: the pair printed nowhere in the text within a line, and no dictionary word
 * running across the break. A label's hard break (a line ending in a space) is the author's and is
 * not weighed. Prose is long, so nearly any pair is printed somewhere in it: its soft break needs a
 * third character as well (the two before the break and the first after it, or the last and the two
 * after, printed together within a line); and its hard break, a paragraph's end, needs a next line
 * that can start a sentence (`startsSentence`).
 */
function unattestedJoins(texts: readonly string[], soft: readonly boolean[], evidence: JoinEvidence, kind: WrappedKind): number {
  let count = 0;
  let words: ReadonlySet<number> | null = null;
  let at = 0;
  for (let i = 0; i + 1 < texts.length; i++) {
    const before = texts[i]!;
    const after = texts[i + 1]!;
    at += before.length;
    if (before === '' || after === '') continue;
    if (!soft[i]) {
      if (kind === 'prose' && !startsSentence(after, evidence)) count++;
      continue;
    }
    // A connective (`また、`) opens a sentence, so it follows a paragraph's end: after a soft break it
    // is never printed in either real text, and it weighs as two joins nothing attests.
    if (kind === 'prose' && CONNECTIVE.test(after)) {
      count += 2;
      continue;
    }
    const b1 = before.charCodeAt(before.length - 1);
    const a1 = after.charCodeAt(0);
    if (evidence.pairs.has(pairKey(b1, a1))) {
      if (kind === 'label') continue;
      if (before.length > 1 && evidence.triples.has(tripleKey(before.charCodeAt(before.length - 2), b1, a1))) continue;
      if (after.length > 1 && evidence.triples.has(tripleKey(b1, a1, after.charCodeAt(1)))) continue;
    }
    words ??= evidence.wordsInside(texts.join(''));
    if (!words.has(at)) count++;
  }
  return count;
}

/**
 * Hiragana words a sentence of a plan may start with (`さまざまな`, `すべての`, `これまで`, `より多くの`),
 * by ICU's Japanese word segmentation: any other hiragana first is read as a particle or an ending, a
 * word's or sentence's continuation (`を窓口`, `き手続`, `たりの窓口`, `することで`).
 */
const SENTENCE_STARTERS = new Set(['また', 'なお', 'さらに', 'これ', 'この', 'これら', 'これまで', 'こうした', 'こうして', 'ここ', 'その', 'それ', 'それぞれ', 'そうした', 'そして', 'そのため', 'しかし', 'しかしながら', 'ただし', 'まず', 'ほか', 'あわせて', 'さまざま', 'すべて', 'あらゆる', 'あらかじめ', 'いつ', 'いつでも', 'いずれ', 'いわゆる', 'おおむね', 'どの', 'どこ', 'だれ', 'ひとり', 'こども', 'より', 'よりよい', 'できる', 'さらなる', 'やさしい', 'わかりやすい']);

/**
 * Whether a compacted line after a paragraph's end (or a section's first) can start a sentence: not
 * with a small kana, the prolonged-sound mark or closing punctuation; with hiragana only where its
 * first word is one of `SENTENCE_STARTERS` or the text starts two sentences with its first character.
 */
export function startsSentence(text: string, evidence: JoinEvidence): boolean {
  const code = text.charCodeAt(0);
  if (code === 0x30fc || /^[ァィゥェォッャュョヮヵヶ、。，．）」』】〕,.)\]]/.test(text)) return false;
  if (code < 0x3041 || code > 0x309f) return true;
  return (evidence.sentenceStarts.get(code) ?? 0) >= 2 || SENTENCE_STARTERS.has(evidence.firstWord(text));
}

/** Two lines of a wrapped text found swapped: the text as read, as it would read swapped back, and the two lines. */
export interface SwappedLines {
  label: string;
  swapped: string;
  first: number;
  second: number;
}

/**
 * Two adjacent lines whose other order reads better, if any: for a label,
 * every soft break attested in the other order while the printed order has one that is not; for
 * prose, at least two joins fewer unattested in the other order (a paragraph of ten lines or more
 * has a soft break nothing attests one time in ten: one join proves nothing there, and none of the
 * real texts' 278 sections reads better swapped by two). A line keeps its own end: a hard break moves
 * with its line. A label's last line stays last (its end is the label's end; a swap with it changes how
 * the label ends, which the ending and width rules weigh).
 */
export function swappedLines(lines: readonly WrappedLine[], evidence: JoinEvidence, kind: WrappedKind): SwappedLines | null {
  if (lines.length < 3) return null;
  const texts = lines.map((l) => l.text);
  const soft = lines.map((l) => l.soft);
  const printed = unattestedJoins(texts, soft, evidence, kind);
  const margin = kind === 'label' ? printed : 2;
  if (printed === 0 || printed < margin) return null;
  // A section's last line ends in a space like any paragraph's (`sheet/text-ends-mid-line`), so prose may swap it too.
  const movable = kind === 'label' ? lines.length - 1 : lines.length;
  for (let i = 0; i + 1 < movable; i++) {
    if (texts[i] === texts[i + 1]) continue;
    const swapped = [...texts];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    const swappedSoft = [...soft];
    [swappedSoft[i], swappedSoft[i + 1]] = [swappedSoft[i + 1]!, swappedSoft[i]!];
    if (unattestedJoins(swapped, swappedSoft, evidence, kind) > printed - margin) continue;
    return { label: texts.join(''), swapped: swapped.join(''), first: lines[i]!.line, second: lines[i + 1]!.line };
  }
  return null;
}
