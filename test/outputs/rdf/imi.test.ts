/**
 * Every use of the IMI core vocabulary (`ic:`) in plan.nq of both editions and in the published
 * vocabulary, checked against the IMI 2.4.1 summary (shared/reference/imi-core): each class exists;
 * each property exists, is used only on a node one of whose classes (the project's own classes
 * through their rdfs:subClassOf in the vocabulary, IMI's through its hierarchy) has it, with a value
 * in its range and no more values than its cardinality allows; a 期間型 has its 開始日時 and 終了日時.
 * The CSVs' RDF is part of plan.nq (csvw.test.ts), so their uses are checked here too.
 */
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { Parser as N3Parser, Store, type Quad, type Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { builtText } from '../../helpers.js';

const IC = 'http://imi.go.jp/ns/core/rdf#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

interface ImiSummary {
  classes: Record<string, { subClassOf?: string | null }>;
  properties: Record<string, { range: string }>;
  class_properties: { class: string; property: string; card: '0..1' | '0..n' }[];
}

const imi = JSON.parse(readFileSync(new URL('../../../../shared/reference/imi-core/imi-core-2.4.1-summary.json', import.meta.url), 'utf8')) as ImiSummary;

/** `ic:活動型` or a full IRI in the IMI namespace → `活動型`; null for anything else. */
const imiName = (iri: string): string | null => (iri.startsWith(IC) ? iri.slice(IC.length) : iri.startsWith('ic:') ? iri.slice(3) : null);

/** The IMI classes a class is (itself and its ancestors), following the vocabulary's subClassOf into IMI. */
function imiClasses(iri: string, ownSuperclasses: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  let current: string | null = imiName(iri) ?? (ownSuperclasses.has(iri) ? imiName(ownSuperclasses.get(iri)!) : null);
  while (current !== null) {
    out.push(current);
    const parent = imi.classes[current]?.subClassOf;
    current = parent ? imiName(parent) : null;
  }
  return out;
}

function storeOf(nquads: string): Store {
  return new Store(new N3Parser({ format: 'N-Quads' }).parse(nquads));
}

/** Whether a literal or node fits an IMI range (`xsd:string`, `ic:日時型`). */
function fitsRange(object: Term, range: string, typesOf: (node: Term) => string[]): boolean {
  const ic = imiName(range);
  if (ic !== null) return object.termType !== 'Literal' && typesOf(object).includes(ic);
  if (object.termType !== 'Literal') return range === 'xsd:anyURI';
  const datatype = (object as unknown as { datatype: { value: string } }).datatype.value;
  // Japanese text is tagged @ja: a language-tagged string is a string.
  if (range === 'xsd:string') return datatype === `${XSD}string` || datatype === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
  return datatype === `${XSD}${range.slice(4)}`;
}

describe('IMI core vocabulary 2.4.1', async () => {
  const vocabulary = storeOf((await jsonld.toRDF(JSON.parse(await builtText('vocab.jsonld')), { format: 'application/n-quads' } as never)) as unknown as string);
  const ownSuperclasses = new Map(vocabulary.getQuads(null, `${RDFS}subClassOf`, null, null).map((q) => [q.subject.value, q.object.value] as const));

  it('has every class the vocabulary names as a superclass or a range', () => {
    const named = [...vocabulary.getQuads(null, `${RDFS}subClassOf`, null, null), ...vocabulary.getQuads(null, `${RDFS}range`, null, null)]
      .map((q) => q.object.value)
      .filter((iri) => iri.startsWith(IC));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((iri) => !(imiName(iri)! in imi.classes))).toEqual([]);
    expect(vocabulary.getQuads(null, null, null, null).filter((q) => q.predicate.value.startsWith(IC))).toEqual([]);
  });

  it('gives every class of our own an IMI superclass', () => {
    const classes = vocabulary.getQuads(null, RDF_TYPE, `${RDFS}Class`, null).map((q) => q.subject.value);
    expect(classes.length).toBeGreaterThan(10);
    expect(classes.filter((iri) => imiClasses(iri, ownSuperclasses).length === 0)).toEqual([]);
  });

  for (const edition of ['2021', '2025-03']) {
    it(`uses ic: classes and properties in ${edition}/plan.nq only as IMI allows`, async () => {
      const graph = storeOf(await builtText(`${edition}/plan.nq`));
      const typesOf = (node: Term) => [...new Set(graph.getObjects(node, RDF_TYPE, null).flatMap((t) => imiClasses(t.value, ownSuperclasses)))];
      const problems: string[] = [];
      const uses = new Map<string, number>();

      for (const type of new Set(graph.getObjects(null, RDF_TYPE, null).map((t) => t.value))) {
        const name = imiName(type);
        if (name !== null && !(name in imi.classes)) problems.push(`no IMI class ${name}`);
      }
      const bySubjectAndProperty = new Map<string, Quad[]>();
      for (const quad of graph.getQuads(null, null, null, null)) {
        const property = imiName(quad.predicate.value);
        if (property === null) continue;
        uses.set(property, (uses.get(property) ?? 0) + 1);
        const key = `${quad.subject.id} ${property}`;
        bySubjectAndProperty.set(key, [...(bySubjectAndProperty.get(key) ?? []), quad]);
      }
      for (const [key, quads] of bySubjectAndProperty) {
        const { subject } = quads[0]!;
        const property = key.slice(key.lastIndexOf(' ') + 1);
        const definition = imi.properties[property];
        if (!definition) {
          problems.push(`no IMI property ${property}`);
          continue;
        }
        const classes = typesOf(subject);
        const allowed = imi.class_properties.filter((cp) => cp.property === property && classes.includes(cp.class));
        if (allowed.length === 0) problems.push(`ic:${property} on ${subject.value} (${classes.join(', ') || 'no IMI class'})`);
        else if (allowed.every((cp) => cp.card === '0..1') && quads.length > 1) problems.push(`ic:${property} ${quads.length} times on ${subject.value}`);
        for (const q of quads) if (!fitsRange(q.object, definition.range, typesOf)) problems.push(`ic:${property} of ${subject.value}: ${q.object.value} is no ${definition.range}`);
      }
      for (const node of graph.getSubjects(RDF_TYPE, null, null)) {
        if (!typesOf(node).includes('期間型')) continue;
        for (const property of ['開始日時', '終了日時']) if (graph.countQuads(node, `${IC}${property}`, null, null) !== 1) problems.push(`期間型 ${node.value} without ic:${property}`);
      }
      expect(problems).toEqual([]);
      // What the graph uses IMI for, so a change that drops one shows here.
      expect([...uses.keys()].sort()).toEqual(['単位表記', '役割', '数値', '標準型日時', '発行者', '終了日時', '表記', '表題', '説明', '開始日時', '関与', '関与者'].sort());
    });
  }
});
