import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../pipeline/plan.js';
import { contextIri, toJsonLd } from '../pipeline/toJsonLd.js';
import { offlineDocumentLoader, toNQuads } from '../pipeline/toRdf.js';
import { JSONLD_CONTEXT } from '../pipeline/vocabulary.js';
import { writeNQuads } from '../pipeline/writeNQuads.js';
import { builtText } from './helpers.js';

async function canonical(nquads: string): Promise<string> {
  return (await jsonld.canonize(nquads as never, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never)) as unknown as string;
}

describe('writeNQuads', () => {
  for (const edition of ['2021', '2025-03']) {
    it(`writes the same graph as jsonld.js for ${edition}`, async () => {
      const plan = JSON.parse(await builtText(`${edition}/plan.json`)) as Plan;
      const document = toJsonLd(plan);
      const reference = await toNQuads(document, offlineDocumentLoader({ [contextIri(plan.edition.baseIri)]: JSONLD_CONTEXT }), 'x');
      const direct = writeNQuads(document, JSONLD_CONTEXT as never);
      expect(direct.split('\n').length).toBe(reference.nquads!.split('\n').length);
      expect(await canonical(direct)).toBe(await canonical(reference.nquads!));
    }, 60_000);
  }

  it('refuses a key the context does not map, as jsonld.js safe mode does', () => {
    expect(() => writeNQuads({ '@context': [], '@graph': [{ '@id': 'https://e.org/a', unknownKey: 'x' }] }, JSONLD_CONTEXT as never)).toThrow(/No IRI for key unknownKey/);
  });
});
