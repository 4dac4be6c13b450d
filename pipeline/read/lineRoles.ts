/**
 * What each line of an edition text was used for, as a table: per line, the index of its role and
 * kind among the few the parsers give (25 in the real editions), not an object per line. The syntax
 * tree holds it to the end of `quality` (the coverage report): at 1000× the real edition, 1.7 million
 * role objects were about 85 MiB of the build's peak (BENCHMARKS.md).
 */
import type { LineRole } from './document.js';

/** The role of every non-blank line that has one; the first role given to a line is the one it keeps. */
export class LineRoles implements Iterable<LineRole> {
  // 0: no role; otherwise 1 + the index of the line's role and kind in `kinds`.
  private readonly byLine: Uint16Array;
  private readonly kinds: Omit<LineRole, 'line'>[] = [];
  private readonly kindIndex = new Map<string, number>();
  private count = 0;

  /** A table for the lines 1 to `lineCount`. */
  constructor(lineCount: number) {
    this.byLine = new Uint16Array(lineCount + 1);
  }

  /** Gives `role.line` its role, unless it has one already. */
  add(role: LineRole): void {
    // A line outside the text is a parser's bug: a typed array would drop it without a word.
    if (!(role.line >= 1 && role.line < this.byLine.length)) throw new RangeError(`line ${role.line} is outside the text's ${this.byLine.length - 1} lines`);
    if (this.byLine[role.line] !== 0) return;
    const key = `${role.role}:${role.kind}`;
    let index = this.kindIndex.get(key);
    if (index === undefined) {
      index = this.kinds.push({ role: role.role, kind: role.kind });
      this.kindIndex.set(key, index);
    }
    this.byLine[role.line] = index;
    this.count++;
  }

  /** Gives each line its role, unless it has one already. */
  addAll(roles: Iterable<LineRole>): void {
    for (const role of roles) this.add(role);
  }

  /** The line's role, if it has one. */
  get(line: number): LineRole | undefined {
    const index = this.byLine[line];
    return index ? { line, ...this.kinds[index - 1]! } : undefined;
  }

  /** True when the line has a role. */
  has(line: number): boolean {
    return (this.byLine[line] ?? 0) !== 0;
  }

  /** How many lines have a role. */
  get size(): number {
    return this.count;
  }

  /** Every line's role, in line order. */
  *[Symbol.iterator](): Iterator<LineRole> {
    for (let line = 1; line < this.byLine.length; line++) {
      const index = this.byLine[line]!;
      if (index) yield { line, ...this.kinds[index - 1]! };
    }
  }
}
