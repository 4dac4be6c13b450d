import jsonld from 'jsonld';
import { Parser as N3Parser, Store, type Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { toCsvTables } from '../../../pipeline/outputs/csv/toCsvTables.js';
import type { Plan } from '../../../pipeline/model/plan.js';
import { csvTermIri, JSONLD_CONTEXT, VOCAB_NAMESPACE, VOCABULARY, toVocabularyDocument, vocabIri } from '../../../pipeline/outputs/rdf/vocabulary.js';
import { builtText } from '../../helpers.js';

function ownTermsInContext(): Set<string> {
  const terms = new Set<string>();
  for (const value of Object.values(JSONLD_CONTEXT['@context'])) {
    const iri = typeof value === 'string' ? value : (value as { '@id'?: string })?.['@id'];
    if (typeof iri === 'string' && iri.startsWith('hict:')) terms.add(iri.slice(5));
  }
  return terms;
}

describe('the vocabulary', () => {
  const defined = new Set(VOCABULARY.map((t) => t.name));

  it('defines every term of our own that the context or the CSV metadata uses', async () => {
    expect([...ownTermsInContext()].filter((t) => !defined.has(t))).toEqual([]);
    const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
    const csvTerms = toCsvTables(plan).flatMap((t) => t.columns.map((c) => csvTermIri(c.term)));
    expect(csvTerms.filter((iri) => iri.startsWith(VOCAB_NAMESPACE) && !defined.has(iri.slice(VOCAB_NAMESPACE.length)))).toEqual([]);
  });

  it('gives every term a Japanese and an English label and definition', () => {
    expect(new Set(VOCABULARY.map((t) => t.name)).size).toBe(VOCABULARY.length);
    for (const term of VOCABULARY) {
      for (const text of [term.ja, term.en, term.commentJa, term.commentEn]) expect(text.trim(), term.name).not.toBe('');
    }
  });

  it('is published as JSON-LD with labels in both languages', async () => {
    const published = JSON.parse(await builtText('vocab.jsonld'));
    expect(published).toEqual(JSON.parse(JSON.stringify(toVocabularyDocument())));
    const project = published['@graph'].find((n: { '@id': string }) => n['@id'] === 'hict:Project');
    expect(project['rdfs:label']).toEqual([
      { '@value': '個別事業', '@language': 'ja' },
      { '@value': 'Project', '@language': 'en' },
    ]);
    expect(project['rdfs:subClassOf']).toEqual({ '@id': 'ic:活動型' });
  });
});

describe('the vocabulary and the graph', () => {
  const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const XSD = 'http://www.w3.org/2001/XMLSchema#';
  const expand = (curie: string) => curie.replace(/^hict:/, VOCAB_NAMESPACE).replace(/^ic:/, 'http://imi.go.jp/ns/core/rdf#').replace(/^xsd:/, XSD);

  for (const edition of ['2021', '2025-03']) {
    it(`${edition}/plan.nq gives each property of our own values in its range, nodes of its class`, async () => {
      const store = new Store(new N3Parser({ format: 'N-Quads' }).parse(await builtText(`${edition}/plan.nq`)));
      // The individuals (hict:Active) are typed in the published vocabulary.
      const vocabulary = (await jsonld.toRDF(JSON.parse(await builtText('vocab.jsonld')), { format: 'application/n-quads' } as never)) as unknown as string;
      store.addQuads(new N3Parser({ format: 'N-Quads' }).parse(vocabulary));
      const ranges = new Map(VOCABULARY.filter((t) => t.kind === 'Property' && t.related).map((t) => [vocabIri(t.name), expand(t.related!)]));
      const fits = (object: Term, range: string): boolean => {
        // An ordered value (@list in the context) is an RDF list: each member must fit.
        if (object.termType === 'BlankNode' && store.countQuads(object, `${RDF}first`, null, null) > 0) {
          const [first] = store.getObjects(object, `${RDF}first`, null);
          const [rest] = store.getObjects(object, `${RDF}rest`, null);
          return fits(first!, range) && (rest!.value === `${RDF}nil` || fits(rest!, range));
        }
        if (object.termType === 'Literal') {
          const datatype = (object as unknown as { datatype: { value: string } }).datatype.value;
          return range === datatype || (range === `${XSD}string` && datatype === `${RDF}langString`);
        }
        return !range.startsWith(XSD) && store.countQuads(object, `${RDF}type`, range, null) > 0;
      };
      const misfits = new Set<string>();
      for (const quad of store.getQuads(null, null, null, null)) {
        const range = ranges.get(quad.predicate.value);
        if (range && !fits(quad.object, range)) misfits.add(`${quad.predicate.value.slice(VOCAB_NAMESPACE.length)}: ${quad.object.value} is no ${range}`);
      }
      expect([...misfits]).toEqual([]);
    });
  }
});
