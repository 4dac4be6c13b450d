import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../pipeline/model/plan.js';
import { decimalLexical, toJsonLd } from '../../../pipeline/outputs/rdf/toJsonLd.js';
import { expandSafely, offlineDocumentLoader } from '../../jsonldReference.js';
import { JSONLD_CONTEXT } from '../../../pipeline/outputs/rdf/vocabulary.js';
import { oneLine } from '../../../pipeline/outputs/values.js';
import { builtText } from '../../helpers.js';

type Json = unknown;

/** Values of a document as written: node ids, types, and every literal (nulls and @context left out). */
function compactLeaves(value: Json, key = ''): number {
  if (value === null || key === '@context') return 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + compactLeaves(v, key), 0);
  if (typeof value === 'object') return Object.entries(value as object).reduce((n, [k, v]) => n + compactLeaves(v, k), 0);
  return 1;
}

/** The same count on the expanded form: @id and @type entries, and one per value object. */
function expandedLeaves(value: Json): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + expandedLeaves(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  const node = value as Record<string, Json>;
  if ('@value' in node) return 1;
  let n = 0;
  for (const [k, v] of Object.entries(node)) {
    if (k === '@id') n += 1;
    else if (k === '@type') n += (v as string[]).length;
    else n += expandedLeaves(v);
  }
  return n;
}

function leavesOf(value: Json, out: { strings: Set<string>; numbers: Set<number> }) {
  if (value === null) return out;
  if (Array.isArray(value)) value.forEach((v) => leavesOf(v, out));
  else if (typeof value === 'object') Object.entries(value as object).forEach(([k, v]) => k !== '@context' && leavesOf(v, out));
  else if (typeof value === 'string') out.strings.add(value);
  else if (typeof value === 'number') out.numbers.add(value);
  return out;
}

for (const edition of ['2021', '2025-03']) {
  describe(`the JSON-LD of ${edition}`, async () => {
    const plan = JSON.parse(await builtText(`${edition}/plan.json`)) as Plan;
    const document = JSON.parse(await builtText(`${edition}/plan.jsonld`)) as object;
    // Nothing to load: the context is in the document.
    const loader = offlineDocumentLoader({});

    it('is what toJsonLd makes of plan.json', () => {
      expect(document).toEqual(JSON.parse(JSON.stringify(toJsonLd(plan))));
    });

    it('expands without losing any key or value', async () => {
      const expanded = await expandSafely(document, loader);
      expect(expandedLeaves(expanded)).toBe(compactLeaves(document));
    });

    it('carries every text and number of plan.json', () => {
      const { $schema: _schema, ...model } = plan as Plan & { $schema?: string };
      const leaves = leavesOf(model, { strings: new Set(), numbers: new Set() });
      const linked = leavesOf(document, { strings: new Set(), numbers: new Set() });
      // Prose is stated on one line, as the CSVs have it (its paragraphs are in the printed texts).
      expect([...leaves.strings].filter((s) => !linked.strings.has(s) && !linked.strings.has(oneLine(s)!))).toEqual([]);
      // Target values are written as decimal strings (see decimalLexical); every other number as a number.
      expect([...leaves.numbers].filter((n) => !linked.numbers.has(n) && !linked.strings.has(decimalLexical(n)))).toEqual([]);
    });

    it('converts to RDF with every typed literal in its datatype’s lexical form', async () => {
      const nquads = await builtText(`${edition}/plan.nq`);
      const LEXICAL: Record<string, RegExp> = {
        decimal: /^-?\d+(\.\d+)?$/,
        integer: /^-?\d+$/,
        gYear: /^\d{4}$/,
        gYearMonth: /^\d{4}-(0[1-9]|1[0-2])$/,
        date: /^\d{4}-\d{2}-\d{2}$/,
        dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
        boolean: /^(true|false)$/,
        anyURI: /^https?:\/\/\S+$/,
      };
      const typed = [...nquads.matchAll(/"((?:[^"\\]|\\.)*)"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#(\w+)>/g)];
      expect(typed.length).toBeGreaterThan(400);
      const invalid = typed.filter(([, lexical, type]) => !LEXICAL[type!] || !LEXICAL[type!]!.test(lexical!)).map(([, l, t]) => `${l}^^${t}`);
      expect(invalid).toEqual([]);
      if (edition === '2025-03') expect(nquads).toContain('"54.4"^^<http://www.w3.org/2001/XMLSchema#decimal>');
    });

    it('embeds the published context and sets @base', () => {
      expect((document as { '@context': unknown })['@context']).toEqual({ ...JSONLD_CONTEXT['@context'], '@base': plan.edition.baseIri });
    });
  });
}

describe('offlineDocumentLoader', () => {
  it('refuses any URL it was not given', async () => {
    const loader = offlineDocumentLoader({ 'https://example.org/c.jsonld': {} });
    await expect(loader('https://schema.org/')).rejects.toThrow(/offline/);
    await expect(loader('https://example.org/c.jsonld')).resolves.toMatchObject({ documentUrl: 'https://example.org/c.jsonld' });
  });
});

describe('decimalLexical', () => {
  it('writes numbers in xsd:decimal form, never with an exponent', () => {
    expect([54.4, -28.2, 7000, 0.13, 1e-7, 2.5e21].map(decimalLexical)).toEqual(['54.4', '-28.2', '7000', '0.13', '0.0000001', '2500000000000000000000']);
  });
});
