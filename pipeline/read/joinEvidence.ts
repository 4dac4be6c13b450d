/**
 * What attests that a line break joins two characters that belong together: the evidence weighed when
 * two wrapped lines may have been swapped, in a table's label (`table/label-lines-swapped`) or in prose
 * and 改訂履歴 summaries (`sheet/lines-swapped`, `revision/lines-swapped`). The witnesses: the pairs and
 * triples of characters the same text prints within its lines, the characters it starts sentences
 * with, and ICU's Japanese word segmentation (its dictionary ships with Node).
 */
import type { SourceLine } from './document.js';
import { compactText, isWrapped, latinWords } from '../common/text.js';

/** The connectives that open a sentence adding to the one before it (`また、`), as a compacted line starts with them (not `そのため、` or `これにより、`, which a 目指すもの may open, pointing back at its 概要). */
export const CONNECTIVE = /^(?:また|なお|さらに|併せて|あわせて|加えて)[、,]/;

/** The witnesses of one text, made once per text by `toJoinEvidence`. */
export interface JoinEvidence {
  /** Every pair of adjacent characters printed within one line of the text (compacted as `compactText` does), as `pairKey`s. */
  pairs: ReadonlySet<number>;
  /**
   * Whether a dictionary word runs across the join of two wrapped lines (`処` ⏎ `分の概要書`): the two
   * lines alone are segmented, so a join weighs the same in every order of the text's lines; remembered per pair.
   */
  wordAcross(before: string, after: string): boolean;
  /** Every Latin word the text prints (`YouTube`, `GIS`): a label printing one with a space inside (`You Tube`) was spaced apart by the extraction. */
  latinWords: ReadonlySet<string>;
  /** How often each character starts a sentence: after a 。 inside a line, or first on the line after one that ends in 。 and a space. */
  sentenceStarts: ReadonlyMap<number, number>;
  /** The first word of `text` by ICU's Japanese word segmentation (`さまざま` of さまざまな手続). */
  firstWord(text: string): string;
  /** Every three adjacent characters printed within one line (prose weighs its joins by these). */
  triples: { has(a: number, b: number, c: number): boolean };
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

/**
 * The triples of characters a text prints, as bits of a filter sized by its distinct lines (two bits
 * a triple, 32 to 64 bits a character: a real text takes 512 KB, a 1000× text at most 32 MB). A Set of
 * every triple of a varied 1000× text would hold millions of numbers, near V8's limit on a Set's size.
 * A triple it never saw reads as seen about 4 times in 1,000, which only lets a join count as attested
 * (never raises a finding); the answers are the same on every run.
 */
class TripleFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(characters: number) {
    let size = 1 << 16;
    while (size < characters * 32 && size < 1 << 28) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  /** The first mix of a triple's 48 bits; `second` mixes it again for the other bit. */
  private static first(a: number, b: number, c: number): number {
    const x = Math.imul(a * 0x10000 + b, 0x9e3779b1) ^ Math.imul(c + 0x7f4a7c15, 0x85ebca6b);
    return Math.imul(x ^ (x >>> 16), 0x7feb352d);
  }

  private static second(h1: number): number {
    const h2 = Math.imul(h1 ^ (h1 >>> 15), 0x846ca68b);
    return h2 ^ (h2 >>> 16);
  }

  add(a: number, b: number, c: number): void {
    const h1 = TripleFilter.first(a, b, c);
    this.set((h1 ^ (h1 >>> 13)) & this.mask);
    this.set(TripleFilter.second(h1) & this.mask);
  }

  has(a: number, b: number, c: number): boolean {
    const h1 = TripleFilter.first(a, b, c);
    return this.get((h1 ^ (h1 >>> 13)) & this.mask) && this.get(TripleFilter.second(h1) & this.mask);
  }

  private set(spot: number): void {
    this.bits[spot >>> 5]! |= 1 << (spot & 31);
  }

  private get(spot: number): boolean {
    return (this.bits[spot >>> 5]! & (1 << (spot & 31))) !== 0;
  }
}

/** True for the code units `compactText` drops as whitespace (after NFKC). */
function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Collects the witnesses of a text (a pair across a line break is no evidence: that is what is weighed). */
export function toJoinEvidence(lines: readonly SourceLine[]): JoinEvidence {
  const pairs = new Set<number>();
  const words = new Set<string>();
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
  const unique = [...new Set(lines.map((line) => line.text))];
  // Sized by the distinct lines: a synthetic 1000× text repeats its lines, a varied one does not.
  const triples = new TripleFilter(unique.reduce((n, text) => n + text.length, 0));
  for (const line of unique) {
    for (const word of latinWords(line)) words.add(word);
    const text = NFKC_STABLE.test(line) ? line : compactText(line);
    let previous = -1;
    let second = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isSpace(code)) continue;
      if (previous >= 0) pairs.add(pairKey(previous, code));
      if (second >= 0) triples.add(second, previous, code);
      second = previous;
      previous = code;
    }
  }
  // Made on first use: loading ICU's dictionary costs a real build about 10 ms, and a text whose
  // breaks are all attested by its pairs never needs it.
  let segmenter: Intl.Segmenter | null = null;
  // The swap checks weigh the same two lines in many orders of a section, and a 【再掲】 copy or a
  // label printed again repeats them: each pair is segmented once.
  const across = new Map<string, boolean>();
  const wordAcross = (before: string, after: string): boolean => {
    const key = `${before}\n${after}`;
    const known = across.get(key);
    if (known !== undefined) return known;
    segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
    let inside = false;
    for (const { index, segment } of segmenter.segment(before + after)) {
      if (index >= before.length) break;
      if (index + segment.length > before.length) {
        inside = index < before.length;
        break;
      }
    }
    across.set(key, inside);
    return inside;
  };
  const firstWord = (text: string): string => {
    segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
    for (const { segment } of segmenter.segment(text.slice(0, 12))) return segment;
    return '';
  };
  return { pairs, wordAcross, firstWord, latinWords: words, sentenceStarts: starts, triples };
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
 * running across the break (the two lines segmented by themselves, `wordAcross`). A label's hard break (a line ending in a space) is the author's and is
 * not weighed. Prose is long, so nearly any pair is printed somewhere in it: its soft break needs a
 * third character as well (the two before the break and the first after it, or the last and the two
 * after, printed together within a line); and its hard break, a paragraph's end, needs a next line
 * that can start a sentence (`startsSentence`).
 */
function unattestedJoins(texts: readonly string[], soft: readonly boolean[], evidence: JoinEvidence, kind: WrappedKind): number {
  let count = 0;
  for (let i = 0; i + 1 < texts.length; i++) {
    const before = texts[i]!;
    const after = texts[i + 1]!;
    if (before === '' || after === '') continue;
    if (!soft[i]) {
      if (kind === 'prose' && !startsSentence(after, evidence)) count++;
      continue;
    }
    // A connective (`また、`) opens a sentence, so it follows a paragraph's end: after a soft break it
    // is never printed in either real text, and it weighs as two joins nothing attests. After a comma
    // it may continue the sentence (`…し、また、…`).
    if (kind === 'prose' && CONNECTIVE.test(after) && !/[、，,]$/.test(before)) {
      count += 2;
      continue;
    }
    const b1 = before.charCodeAt(before.length - 1);
    const a1 = after.charCodeAt(0);
    if (evidence.pairs.has(pairKey(b1, a1))) {
      if (kind === 'label') continue;
      if (before.length > 1 && evidence.triples.has(before.charCodeAt(before.length - 2), b1, a1)) continue;
      if (after.length > 1 && evidence.triples.has(b1, a1, after.charCodeAt(1))) continue;
    }
    if (!evidence.wordAcross(before, after)) count++;
  }
  return count;
}

/**
 * Particles and endings ICU's Japanese word segmentation reads as words of their own (`たり` of 当たり,
 * `ます` of します, `による`), which no sentence starts with.
 */
const ENDINGS = new Set(['ます', 'です', 'たり', 'とも', 'ので', 'から', 'まで', 'ながら', 'など', 'ため', 'ない', 'なく', 'なり', 'なる', 'おり', 'れる', 'られ', 'られる', 'せる', 'させ', 'ける', 'った', 'って', 'てい', 'ている', 'ており', 'いる', 'する', 'した', 'して', 'され', 'される', 'された', 'による', 'により', 'における', 'おける', 'について', 'として', 'に対する', 'となり', 'ども', 'よう', 'こと']);

/**
 * Whether a compacted line after a paragraph's end (or a section's first) can start a sentence: not
 * with a small kana, the prolonged-sound mark or closing punctuation, nor with a particle or an ending
 * (hiragana whose first word, by ICU's segmentation, is one character, `を窓口`, `き手続`, or one of
 * `ENDINGS`, `たりの窓口`), unless the text starts two sentences with that character. Any other
 * hiragana word may start one (`さまざまな`, `はだの`, `ふるさと納税`).
 */
export function startsSentence(text: string, evidence: JoinEvidence): boolean {
  const code = text.charCodeAt(0);
  if (code === 0x30fc || /^[ァィゥェォッャュョヮヵヶ、。，．）」』】〕,.)\]]/.test(text)) return false;
  if (code < 0x3041 || code > 0x309f || (evidence.sentenceStarts.get(code) ?? 0) >= 2) return true;
  const first = evidence.firstWord(text);
  return first.length > 1 && !ENDINGS.has(first);
}

/** Two lines of a wrapped text found swapped: the text as read, as it would read swapped back, and the two lines. */
export interface SwappedLines {
  label: string;
  swapped: string;
  first: number;
  second: number;
}

/**
 * Two adjacent lines whose other order reads best, if any reads better: for a label, every soft break
 * attested in the other order while the printed order has one that is not; for prose, at least two
 * joins fewer unattested in the other order (a long section often has a soft break nothing attests:
 * one join proves nothing there, and none of the real texts' 278 sections reads better swapped by
 * two). A line keeps its own end: a hard break moves with its line. A label's last line stays last
 * (its end is the label's end, which the ending and width rules weigh); prose's last line may swap
 * with a line the PDF ended by itself, never so that the section would end mid-line.
 */
export function swappedLines(lines: readonly WrappedLine[], evidence: JoinEvidence, kind: WrappedKind): SwappedLines | null {
  if (lines.length < 3) return null;
  const texts = lines.map((l) => l.text);
  const soft = lines.map((l) => l.soft);
  const printed = unattestedJoins(texts, soft, evidence, kind);
  const margin = kind === 'label' ? printed : 2;
  if (printed === 0 || printed < margin) return null;
  // A section's last line ends in a space like any paragraph's (`sheet/text-ends-mid-line`), so prose
  // may swap it too, with another line the PDF ended by itself.
  const movable = kind === 'label' ? lines.length - 1 : lines.length;
  let best: { found: SwappedLines; unattested: number } | null = null;
  for (let i = 0; i + 1 < movable; i++) {
    if (texts[i] === texts[i + 1]) continue;
    if (kind === 'prose' && i + 2 === lines.length && soft[i]) continue;
    const swapped = [...texts];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    const swappedSoft = [...soft];
    [swappedSoft[i], swappedSoft[i + 1]] = [swappedSoft[i + 1]!, swappedSoft[i]!];
    const unattested = unattestedJoins(swapped, swappedSoft, evidence, kind);
    if (unattested > printed - margin) continue;
    // The order that reads best names the lines: a neighbouring pair may read better too, by less.
    if (best && unattested >= best.unattested) continue;
    best = { found: { label: texts.join(''), swapped: swapped.join(''), first: lines[i]!.line, second: lines[i + 1]!.line }, unattested };
  }
  return best?.found ?? null;
}

/**
 * The two printed lines of a prose text (a sheet's section, a 改訂履歴 summary) whose other order
 * reads best, if any reads better (`swappedLines` for `prose`), as the lines themselves.
 */
export function swappedProse<T extends { line: number; text: string }>(printed: readonly T[], evidence: JoinEvidence): [T, T] | null {
  const found = swappedLines(printed.map((l) => ({ line: l.line, text: compactText(l.text), soft: isWrapped(l.text) })), evidence, 'prose');
  if (!found) return null;
  return [printed.find((l) => l.line === found.first)!, printed.find((l) => l.line === found.second)!];
}
