import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../pipeline/model/plan.js';
import { toJsonLd } from '../../../pipeline/outputs/rdf/toJsonLd.js';
import type { Diagnostic } from '../../../pipeline/diagnostics.js';
import { toPlanNQuadChunks } from '../../../pipeline/outputs/rdf/toRdf.js';
import { offlineDocumentLoader, toNQuads } from '../../jsonldReference.js';
import { JSONLD_CONTEXT } from '../../../pipeline/outputs/rdf/vocabulary.js';
import { toNQuadChunks, writeNQuads } from '../../../pipeline/outputs/rdf/writeNQuads.js';
import { builtText } from '../../helpers.js';
import { toJsonChunks } from '../../../pipeline/outputs/jsonText.js';
import { LazyNodes } from '../../../pipeline/outputs/lazyNodes.js';

async function canonical(nquads: string): Promise<string> {
  return (await jsonld.canonize(nquads as never, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never)) as unknown as string;
}

describe('writeNQuads', () => {
  for (const edition of ['2021', '2025-03']) {
    it(`writes the same graph as jsonld.js for ${edition}`, async () => {
      const plan = JSON.parse(await builtText(`${edition}/plan.json`)) as Plan;
      const document = toJsonLd(plan);
      const reference = await toNQuads(document, offlineDocumentLoader({}));
      const direct = writeNQuads(document, JSONLD_CONTEXT as never);
      expect(direct.split('\n').length).toBe(reference.split('\n').length);
      expect(await canonical(direct)).toBe(await canonical(reference));
    }, 60_000);
  }

  it('writes a piece per node under the graph node, in document order, and every quad once', () => {
    const department = { '@id': 'department/a', '@type': '組織型', name: '課A' };
    const document = {
      '@context': [{ '@base': 'https://e.org/' }],
      '@id': 'edition/1',
      '@graph': [
        {
          '@id': 'edition/1',
          '@type': 'PlanEdition',
          projects: [
            { '@id': 'project/1-1-2', '@type': 'Project', name: 'B', participant: [department] },
            { '@id': 'project/1-1-1', '@type': 'Project', name: 'A', participant: [department, department] },
            { '@id': 'project/1-1-1', name: 'A' },
          ],
        },
      ],
    };
    const pieces = [...toNQuadChunks(document as never, JSONLD_CONTEXT as never)];
    const lines = pieces.join('').trimEnd().split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    // Its type and its name, once though it is described three times.
    expect(lines.filter((l) => l.startsWith('<https://e.org/department/a> ')).length).toBe(2);
    // The graph node first, then its projects in document order (a node given twice is one piece).
    const about = (piece: string) => [...new Set(piece.trimEnd().split('\n').map((l) => l.split(' ')[0]).filter((s) => !s!.startsWith('_:')))];
    expect(pieces.map(about)).toEqual([
      ['<https://e.org/edition/1>'],
      ['<https://e.org/project/1-1-2>', '<https://e.org/department/a>'],
      ['<https://e.org/project/1-1-1>'],
    ]);
  });

  it('refuses a key the context does not map, as jsonld.js safe mode does', () => {
    expect(() => writeNQuads({ '@context': [], '@graph': [{ '@id': 'https://e.org/a', unknownKey: 'x' }] }, JSONLD_CONTEXT as never)).toThrow(/No IRI for key unknownKey/);
  });
});

describe('toPlanNQuadChunks', () => {
  it('ends the pieces with a jsonld/lossy diagnostic at a key the context does not map', () => {
    const document = { '@context': [], '@graph': [{ '@id': 'https://e.org/a', '@type': 'Project' }, { '@id': 'https://e.org/b', unknownKey: 'x' }] };
    const generator = toPlanNQuadChunks(document, JSONLD_CONTEXT as never, '2025-03/plan.jsonld');
    const pieces: string[] = [];
    let step = generator.next();
    for (; !step.done; step = generator.next()) pieces.push(step.value);
    // The outcome is the generator's return value.
    const diagnostics: Diagnostic[] = step.value;
    expect(pieces.join('')).toContain('<https://e.org/a>');
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['jsonld/lossy', '2025-03/plan.jsonld']]);
    expect(diagnostics[0]!.messageEn).toMatch(/unknownKey/);
  });
});

describe('the JSON-LD document with its projects made one at a time (LazyNodes)', () => {
  for (const edition of ['2021', '2025-03']) {
    it(`gives the same plan.jsonld and plan.nq bytes as the whole document for ${edition}`, async () => {
      const plan = JSON.parse(await builtText(`${edition}/plan.json`)) as Plan;
      const lazy = toJsonLd(plan, true);
      expect(lazy['@graph']).not.toEqual(toJsonLd(plan)['@graph']);
      expect([...toJsonChunks(lazy)].join('')).toBe(await builtText(`${edition}/plan.jsonld`));
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(toJsonLd(plan)));
      expect([...toNQuadChunks(lazy, JSONLD_CONTEXT as never)].join('')).toBe(await builtText(`${edition}/plan.nq`));
    });
  }

  it('refuses a node made with another @id than listed, fewer nodes than listed, and a node given twice', () => {
    const doc = (projects: unknown) => ({ '@context': [{ '@base': 'https://e.org/' }], '@id': 'edition/1', '@graph': [{ '@id': 'edition/1', '@type': 'PlanEdition', projects }] });
    const nodes = (ids: string[], made: string[]) => new LazyNodes(ids, () => made.map((id) => ({ '@id': id, '@type': 'Project', name: id })));
    const write = (projects: unknown) => [...toNQuadChunks(doc(projects) as never, JSONLD_CONTEXT as never)].join('');
    expect(write(nodes(['project/1', 'project/2'], ['project/1', 'project/2']))).toBe(write([{ '@id': 'project/1', '@type': 'Project', name: 'project/1' }, { '@id': 'project/2', '@type': 'Project', name: 'project/2' }]));
    expect(() => write(nodes(['project/1', 'project/2'], ['project/2', 'project/1']))).toThrow(/node 0 is project\/2, listed as project\/1/);
    expect(() => write(nodes(['project/1', 'project/2'], ['project/1']))).toThrow(/1 nodes made, 2 listed/);
    expect(() => write(nodes(['project/1', 'project/1'], ['project/1', 'project/1']))).toThrow(/given twice/);
    // Two lists under one graph node sharing a node: an array would describe it once; refused.
    const twoLists = { ...doc(null), '@graph': [{ '@id': 'edition/1', '@type': 'PlanEdition', projects: nodes(['project/1'], ['project/1']), measures: nodes(['project/1'], ['project/1']) }] };
    expect(() => [...toNQuadChunks(twoLists as never, JSONLD_CONTEXT as never)]).toThrow(/given twice/);
    expect([...toJsonChunks(nodes([], []))].join('')).toBe('[]\n');
  });
});
