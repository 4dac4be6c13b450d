/**
 * The RDF of both editions, as other tools read it: SPARQL over the N-Quads in an RDF store from npm
 * (oxigraph). rdflib and jsonld.js read the JSON-LD with their defaults in defaultLoaders.test.ts.
 */
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { builtText } from '../../helpers.js';

const BASE = 'https://example.org/hadano-ict-plan/';
const PREFIXES = `PREFIX hict: <${BASE}vocab#> PREFIX ic: <http://imi.go.jp/ns/core/rdf#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>`;

async function store(...editions: string[]) {
  const s = new oxigraph.Store();
  for (const e of editions) s.load(await builtText(`${e}/plan.nq`), { format: 'application/n-quads' });
  return s;
}

function rows(s: InstanceType<typeof oxigraph.Store>, query: string): Record<string, string>[] {
  const result = s.query(`${PREFIXES} ${query}`) as Map<string, { value: string }>[];
  return result.map((m) => Object.fromEntries([...m.entries()].map(([k, v]) => [k, v.value])));
}

describe('the N-Quads in a SPARQL store', () => {
  it('has one project node per sheet and five targets per indicator row', async () => {
    const s = await store('2025-03');
    const count = (type: string) => Number(rows(s, `SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { GRAPH ?g { ?n rdf:type ${type} } }`)[0]!.c);
    expect(count('hict:Project')).toBe(62);
    expect(count('hict:Indicator')).toBe(93);
    expect(count('hict:Target')).toBe(93 * 5);
    expect(count('ic:数量型')).toBe(93 * 5);
  });

  it('answers the targets of a project for a fiscal year', async () => {
    const s = await store('2025-03');
    const found = rows(
      s,
      `SELECT ?name ?text ?value ?unit WHERE { GRAPH ?g {
         <${BASE}project/1-2-5> hict:indicator ?i . ?i ic:表記 ?name ; hict:target ?t .
         ?t hict:fiscalYear <${BASE}fiscal-year/2025> .
         OPTIONAL { ?t hict:printedText ?text } OPTIONAL { ?t ic:数値 ?value } OPTIONAL { ?t ic:単位表記 ?unit } } } ORDER BY ?i`,
    );
    expect(found).toEqual([
      { name: 'デジタルガイドブックに掲載した店舗数', text: '550 店舗', value: '550', unit: '店舗' },
      { name: 'デジタルガイドブックへの累計アクセス数', text: '50,000 件', value: '50000', unit: '件' },
      { name: '電子地域通貨登録店舗数', text: '600 店舗', value: '600', unit: '店舗' },
      { name: '電子地域通貨利用額', text: '1,440,000千円', value: '1440000', unit: '千円' },
      { name: '秦野商工会議所景況調査商業（売上高）のDI値', text: '▲28ｐｔ', value: '-28', unit: 'pt' },
    ]);
  });

  it('keeps editions apart in named graphs so they can be compared', async () => {
    const s = await store('2021', '2025-03');
    const found = rows(
      s,
      `SELECT ?g ?value WHERE { GRAPH ?g { <${BASE}project/1-2-1/indicator/1/target/2025> ic:数値 ?value } } ORDER BY ?g`,
    );
    expect(found).toEqual([
      { g: `${BASE}edition/2021`, value: '8200' },
      { g: `${BASE}edition/2025-03`, value: '10000' },
    ]);
  });
});
