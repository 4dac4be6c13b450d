/**
 * Property-based tests over the real seeds (fast-check): random line deletions, duplications,
 * whitespace and character-width changes never crash the parser — it either parses or returns
 * diagnostics, every one with a position inside the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../pipeline/build.js';
import { checkQuality } from '../../pipeline/model/checkQuality.js';
import { parseEditionMeta } from '../../pipeline/read/parseEditionMeta.js';
import { parsePlanDocument } from '../../pipeline/read/parsePlanDocument.js';
import { toCsvTables } from '../../pipeline/outputs/csv/toCsvTables.js';
import { toJsonLd } from '../../pipeline/outputs/rdf/toJsonLd.js';
import { toPlan } from '../../pipeline/model/toPlan.js';
import { toSourceText } from '../../pipeline/read/toSourceText.js';
import { validatePlan } from '../../pipeline/model/validatePlan.js';
import { SEEDS, seedBytes, seedMeta } from '../helpers.js';

type Mutation = (lines: string[]) => string[];

const seeds = (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).map((id) => {
  const meta = parseEditionMeta(seedMeta(id), 'edition.json', id);
  if (!meta.ok) throw new Error('seed metadata');
  return { id, lines: new TextDecoder().decode(seedBytes(id)).split('\n'), meta: meta.meta };
});

const WIDE: Record<string, string> = { '0': '０', '1': '１', '2': '２', '3': '３', '-': '－', '(': '（', ')': '）', ' ': '\u3000', '％': '%', '，': ',' };
const NARROW = Object.fromEntries(Object.entries(WIDE).map(([a, b]) => [b, a]));

const deletion = fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).map((picks): Mutation => (lines) => lines.filter((_, i) => !picks.some((p) => p % lines.length === i)));
const duplication = fc.array(fc.nat(), { minLength: 1, maxLength: 20 }).map((picks): Mutation => (lines) => lines.flatMap((l, i) => (picks.some((p) => p % lines.length === i) ? [l, l] : [l])));
const whitespace = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('insert', 'remove')), { minLength: 1, maxLength: 60 }).map(
  (edits): Mutation => (lines) => {
    const out = [...lines];
    for (const [li, ci, op] of edits) {
      const i = li % out.length;
      const line = out[i]!;
      const c = line.length === 0 ? 0 : ci % line.length;
      out[i] = op === 'insert' ? `${line.slice(0, c)} ${line.slice(c)}` : line.slice(0, c) + line.slice(c).replace(/^ /, '');
    }
    return out;
  },
);
const width = fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 200 }).map(
  (edits): Mutation => (lines) =>
    lines.map((line, i) => (edits.some(([p]) => p % lines.length === i) ? [...line].map((ch) => (edits[i % edits.length]![1] ? WIDE[ch] : NARROW[ch]) ?? ch).join('') : line)),
);

/** Runs the stages on mutated text; returns the diagnostics (throws only if a stage crashes). */
function run(seed: (typeof seeds)[number], mutation: Mutation) {
  const text = mutation(seed.lines).join('\n');
  const source = toSourceText(new TextEncoder().encode(text), 'x.txt');
  if (!source.ok) return { lineCount: 0, diagnostics: source.diagnostics };
  const doc = parsePlanDocument(source.source);
  const { plan, sourceMap, diagnostics } = toPlan(doc, seed.meta);
  const validation = validatePlan(plan, sourceMap, 'x.txt');
  const quality = checkQuality(doc, plan, [...doc.diagnostics, ...diagnostics, ...validation.diagnostics]);
  toCsvTables(plan);
  toJsonLd(plan);
  return { lineCount: source.source.lines.length, diagnostics: quality.issues };
}

for (const [name, mutation] of [
  ['line deletions', deletion],
  ['line duplications', duplication],
  ['whitespace changes', whitespace],
  ['width changes', width],
] as const) {
  describe(`the parser under random ${name}`, () => {
    it('never crashes, and positions every diagnostic inside the text', () => {
      fc.assert(
        fc.property(fc.constantFrom(...seeds), mutation, (seed, m) => {
          const { lineCount, diagnostics } = run(seed, m);
          for (const d of diagnostics) {
            if (d.position) {
              expect(d.position.start.line).toBeGreaterThanOrEqual(1);
              expect(d.position.start.line).toBeLessThanOrEqual(Math.max(lineCount, 1));
            }
          }
        }),
        { numRuns: 40, seed: 20251121 },
      );
    }, 120_000);
  });
}

describe('the whole edition build under random damage', () => {
  it('returns a plan or diagnostics, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.oneof(deletion, duplication, whitespace, width), async (seed, m) => {
        const bytes = new TextEncoder().encode(m(seed.lines).join('\n'));
        const result = await buildEdition({ folder: seed.id, meta: seed.meta, textFile: 'x.txt', textPath: 'x.txt', bytes });
        expect(result.plan !== null || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 8, seed: 20251121 },
    );
  }, 120_000);
});
