import { describe, expect, it } from 'vitest';
import { toCsvTables } from '../../../pipeline/outputs/csv/toCsvTables.js';
import type { Plan } from '../../../pipeline/model/plan.js';
import { csvTermIri, JSONLD_CONTEXT, VOCAB_NAMESPACE, VOCABULARY, toVocabularyDocument } from '../../../pipeline/outputs/rdf/vocabulary.js';
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
