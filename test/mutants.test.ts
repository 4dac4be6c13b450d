/**
 * The mutation suite in CI (issue 14, item 3): the generator and classifier of `test/mutants.ts` on
 * small texts, then a fixed, seeded sample of the real mutants (every `SAMPLE_EVERY`-th of each
 * edition × table × kind) built and held to the goal — with an earlier edition beside it, every
 * damaged text stops with an error near the damage or publishes identical values; a first edition
 * publishes changed values for at most 1 in 10. `npm run bench -- --mutants` runs every mutant.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  damageLines,
  diffValues,
  effectsOf,
  formatDifference,
  generateMutants,
  MUTANT_KINDS,
  mutantText,
  publishedValues,
  readSeedEditions,
  sampleMutants,
  seedsFiles,
  tableRanges,
} from './mutants.js';
import { describeMutantSample, SAMPLE_EVERY, SAMPLE_FILES, SAMPLE_SEED } from './mutantSample.js';
import { ROOT } from './helpers.js';
import type { Plan } from '../pipeline/model/plan.js';

const editions = readSeedEditions(`${ROOT}seeds`);
const mutants = editions.flatMap((e, i) => generateMutants(e, i, editions));

describe('damageLines', () => {
  const text = ['a', '', 'b', '  ', '', '', 'c'];

  it('delete removes the line and marks the lines either side of the gap', () => {
    expect(damageLines(text, 'delete', 3)).toEqual({ lines: ['a', '', '  ', '', '', 'c'], damagedLines: [2, 3], partner: null });
    expect(damageLines(text, 'delete', 1)?.damagedLines).toEqual([1]);
  });

  it('duplicate prints the line twice in a row', () => {
    expect(damageLines(text, 'duplicate', 3)).toEqual({ lines: ['a', '', 'b', 'b', '  ', '', '', 'c'], damagedLines: [3, 4], partner: null });
  });

  it('drop removes the line with the empty line after it, leaving no second empty line behind', () => {
    expect(damageLines(text, 'drop', 1)).toEqual({ lines: ['b', '  ', '', '', 'c'], damagedLines: [1], partner: null });
    expect(damageLines(text, 'drop', 3)).toBeNull();
  });

  it('swap exchanges the line with the next non-blank one (a line of spaces is not blank: it holds empty cells)', () => {
    expect(damageLines(text, 'swap', 3)).toEqual({ lines: ['a', '', '  ', 'b', '', '', 'c'], damagedLines: [3, 4], partner: 4 });
    expect(damageLines(text, 'swap', 4)).toEqual({ lines: ['a', '', 'b', 'c', '', '', '  '], damagedLines: [4, 7], partner: 7 });
  });

  it('join appends the next non-blank line, dropping the line break and the blank lines between', () => {
    expect(damageLines(text, 'join', 1)).toEqual({ lines: ['ab', '  ', '', '', 'c'], damagedLines: [1], partner: 3 });
    expect(damageLines(text, 'join', 4)).toEqual({ lines: ['a', '', 'b', '  c'], damagedLines: [4], partner: 7 });
  });

  it('space puts one space between two printed characters of the line, at the same gap in every run', () => {
    // The gaps of `利用件数 1,000 件 ` between two printed characters are 利|用|件|数 and 1|,|0|0|0: seven,
    // and line 2 takes the one at (2 × 7919) mod 7 = 4 (counting from 0), between `1,` and `000`.
    expect(damageLines(['', '利用件数 1,000 件 '], 'space', 2)).toEqual({ lines: ['', '利用件数 1, 000 件 '], damagedLines: [2], partner: null });
    expect(damageLines(['a b  '], 'space', 1)).toBeNull();
  });

  it('split breaks the line in two at the gap space would take, the second part after an empty line', () => {
    // Line 2 of `利用件数 1,000 件 ` takes gap 4, as space does: `利用件数 1,` ⏎ ⏎ `000 件 `.
    expect(damageLines(['', '利用件数 1,000 件 '], 'split', 2)).toEqual({ lines: ['', '利用件数 1, ', '', '000 件 '], damagedLines: [2, 4], partner: null });
  });

  it('cells puts two neighbouring values of the line in the other order, never a label or a text, never two equal values', () => {
    // The pairs of `利用率 5％ 10％ 15％ ` are 5％|10％ and 10％|15％; line 1 takes (1 × 7919) mod 2 = 1.
    expect(damageLines(['利用率 5％ 10％ 15％ '], 'cells', 1)).toEqual({ lines: ['利用率 5％ 15％ 10％ '], damagedLines: [1], partner: null });
    expect(damageLines(['１種類以上 次期システムと合わせ検討 '], 'cells', 1)).toBeNull();
    expect(damageLines(['年３回以上 年３回以上 '], 'cells', 1)).toBeNull();
  });

  it('makes nothing of a blank line, of a swap or join with no line after it, or of a swap of two equal lines', () => {
    for (const kind of MUTANT_KINDS) expect(damageLines(text, kind, 2)).toBeNull();
    expect(damageLines(text, 'swap', 7)).toBeNull();
    expect(damageLines(text, 'join', 7)).toBeNull();
    expect(damageLines(['x', '', 'x'], 'swap', 1)).toBeNull();
    expect(damageLines(text, 'delete', 7)?.lines).toEqual(['a', '', 'b', '  ', '', '']);
  });
});

describe('the mutants of the real texts', () => {
  it('cover each table of each edition with every kind, in a fixed order with unique ids', () => {
    expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    expect(editions.flatMap((e, i) => generateMutants(e, i, editions)).map((m) => m.id)).toEqual(mutants.map((m) => m.id));
    for (const edition of editions) {
      for (const table of ['initiatives', 'indicators']) {
        // Two values side by side are an indicator's: an initiative's cells are texts.
        for (const kind of MUTANT_KINDS.filter((k) => k !== 'cells' || table === 'indicators')) {
          expect(mutants.some((m) => m.edition === edition.id && m.table === table && m.kind === kind), `${edition.id} ${table} ${kind}`).toBe(true);
        }
      }
    }
  });

  it('take each table from the syntax tree: from its header line to the last line of its last row', () => {
    for (const edition of editions) {
      const ranges = tableRanges(new TextEncoder().encode(edition.lines.join('\n')), edition.textFile);
      for (const range of ranges) {
        const header = edition.lines[range.startLine - 1]!;
        expect(header, `${edition.id} ${range.sheet} ${range.table}`).toMatch(range.table === 'initiatives' ? /^\s*(年度ごとの取組|取組内容)/ : /^\s*評価指標/);
        expect(range.lines[0]).toBe(range.startLine);
        expect(range.lines.at(-1)).toBe(range.endLine);
      }
      for (const [a, b] of ranges.slice(1).map((r, i) => [ranges[i]!, r] as const)) expect(a.endLine).toBeLessThan(b.startLine);
    }
    // 1-1-1 of 2025-03: the 評価指標 table runs from its heading to the cells of its last row.
    const latest = editions.find((e) => e.id === '2025-03')!;
    const indicators = tableRanges(new TextEncoder().encode(latest.lines.join('\n')), latest.textFile).find((r) => r.sheet === '1-1-1' && r.table === 'indicators');
    expect(indicators).toMatchObject({ startLine: 298, endLine: 319 });
    expect(latest.lines[318]!.trim()).toBe('29 手続 31 手続 28 手続');
  });

  it('damage only the lines they name, as they say', () => {
    for (const m of sampleMutants(mutants, 25, 1)) {
      const edition = editions.find((e) => e.id === m.edition)!;
      const damaged = mutantText(edition, m).split('\n');
      const original = edition.lines;
      expect(m.printed[0]).toBe(original[m.line - 1]);
      if (m.kind === 'delete') expect(damaged.length).toBe(original.length - 1);
      if (m.kind === 'duplicate') expect([damaged[m.damagedLines[0]! - 1], damaged[m.damagedLines[1]! - 1]]).toEqual([m.printed[0], m.printed[0]]);
      if (m.kind === 'swap') expect([damaged[m.damagedLines[0]! - 1], damaged[m.damagedLines[1]! - 1]]).toEqual([m.printed[1], m.printed[0]]);
      if (m.kind === 'join') expect(damaged[m.damagedLines[0]! - 1]).toBe(m.printed.join(''));
    }
  });

  it('are built with the earlier editions beside them and each edition folder’s other files', () => {
    const [first, second] = editions;
    expect(Object.keys(seedsFiles(editions, first!.id, 'x')).sort()).toEqual(
      [`in/${first!.id}/${first!.textFile}`, ...Object.keys(first!.files).map((f) => `in/${first!.id}/${f}`)].sort(),
    );
    const files = seedsFiles(editions, second!.id, 'damaged');
    expect(new TextDecoder().decode(files[`in/${second!.id}/${second!.textFile}`])).toBe('damaged');
    expect(new TextDecoder().decode(files[`in/${first!.id}/${first!.textFile}`])).toBe(first!.lines.join('\n'));
  });
});

describe('published values', () => {
  it('are the plan model without the fields that record line layout or the text’s bytes', () => {
    const plan = {
      edition: { id: 'e', source: { sha256: 'x' } },
      projects: [{ name: 'n', printed: { name: 'n ' }, source: { sheet: null, list: null }, leadDepartments: [{ name: 'a', printedName: 'ａ' }] }],
    } as unknown as Plan;
    expect(publishedValues(plan)).toEqual({ edition: { id: 'e' }, projects: [{ name: 'n', leadDepartments: [{ name: 'a' }] }] });
  });

  it('differences are JSON pointers with the old and new values', () => {
    const before = { projects: [{ indicators: [{ name: 'YouTube', targets: [{ value: 1 }] }] }] };
    const after = { projects: [{ indicators: [{ name: 'YouTubeLINE', targets: [{ value: 2 }] }, { name: 'x', targets: [] }] }] };
    const differences = diffValues(before, after);
    expect(differences.map(formatDifference)).toEqual([
      '/projects/0/indicators/0/name: "YouTube" → "YouTubeLINE"',
      '/projects/0/indicators/0/targets/0/value: 1 → 2',
      '/projects/0/indicators/1: (none) → {"name":"x","targets":[]}',
    ]);
    expect(effectsOf(differences)).toEqual(['indicator added/removed', 'indicator name', 'target values']);
  });
});

describe(`a fixed sample of the mutants (every ${SAMPLE_EVERY}th of each edition × table × kind)`, () => {
  const sample = sampleMutants(mutants, SAMPLE_EVERY, SAMPLE_SEED);

  it('covers both editions, both tables and every kind', () => {
    for (const edition of editions) {
      for (const table of ['initiatives', 'indicators']) {
        for (const kind of MUTANT_KINDS.filter((k) => k !== 'cells' || table === 'indicators')) {
          expect(sample.some((m) => m.edition === edition.id && m.table === table && m.kind === kind), `${edition.id} ${table} ${kind}`).toBe(true);
        }
      }
    }
    expect(sampleMutants(mutants, SAMPLE_EVERY, SAMPLE_SEED).map((m) => m.id)).toEqual(sample.map((m) => m.id));
  });

  it('is built in full: the sample of each edition by one test file', () => {
    expect(editions.map((e) => e.id)).toEqual(Object.keys(SAMPLE_FILES));
    for (const [id, file] of Object.entries(SAMPLE_FILES)) expect(readFileSync(`${ROOT}test/${file}`, 'utf8'), file).toContain(`describeMutantSample('${id}');`);
  });
});

describeMutantSample('2021');
