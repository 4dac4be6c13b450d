import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env';
import { Parser } from 'n3';
import jsonld from 'jsonld';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { offlineDocumentLoader, toNQuads } from '../jsonldReference.js';
import { toCatalogTurtle } from '../../pipeline/publish/toCatalog.js';
import { builtText } from '../helpers.js';

const REFERENCE = new URL('../../../shared/reference/dcat-ap-3.0.1/', import.meta.url);

function dataset(turtle: string) {
  const ds = rdf.dataset();
  for (const quad of new Parser().parse(turtle)) ds.add(quad as never);
  return ds;
}

/** A graph's quads in canonical form (URDNA2015), as sorted N-Quads lines. */
async function canonical(quads: readonly { subject: unknown }[]): Promise<string> {
  const { Writer } = await import('n3');
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString(quads as never);
  return (await jsonld.canonize(nquads as never, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never)) as unknown as string;
}

describe('the catalog’s Turtle', () => {
  it('is the graph jsonld.js makes of catalog.jsonld (safe mode, offline), quad for quad', async () => {
    const catalog = JSON.parse(await builtText('catalog.jsonld')) as object;
    const reference = await toNQuads(catalog, offlineDocumentLoader({}));
    const turtle = new Parser().parse(await toCatalogTurtle(catalog));
    expect(turtle.length).toBeGreaterThan(500);
    expect(await canonical(turtle)).toBe(await canonical(new Parser({ format: 'N-Quads' }).parse(reference)));
  }, 60_000);

  it('refuses a key the catalog’s context does not map, as jsonld.js’s safe mode does', async () => {
    const catalog = JSON.parse(await builtText('catalog.jsonld')) as { '@graph': Record<string, unknown>[] };
    catalog['@graph'][0]!['unmappedKey'] = 'x';
    await expect(toCatalogTurtle(catalog)).rejects.toThrow(/unmappedKey/);
  }, 60_000);
});

describe('the DCAT catalog', () => {
  it('has zero violations of the DCAT-AP 3.0.1 shapes and class ranges', async () => {
    const shapes = dataset(readFileSync(new URL('shapes.ttl', REFERENCE), 'utf8'));
    for (const quad of dataset(readFileSync(new URL('range.ttl', REFERENCE), 'utf8'))) shapes.add(quad);
    const report = await new SHACLValidator(shapes, { factory: rdf as never }).validate(dataset(await builtText('catalog.ttl')));
    const violations = report.results.map((r) => `${r.focusNode?.value} ${r.path?.value} ${r.sourceConstraintComponent?.value}`);
    expect(violations).toEqual([]);
    expect(report.conforms).toBe(true);
  }, 60_000);

  it('gives DCAT-AP 3.0.1’s recommended properties true values: no warning but a Japanese publisher or place outside the EU lists and a place without a geometry', async () => {
    // The cardinalities, class ranges, recommendations and controlled vocabularies, together.
    const shapes = dataset('');
    for (const file of ['shapes.ttl', 'range.ttl', 'shapes_recommended.ttl', 'mdr-vocabularies.shape.ttl']) {
      for (const quad of dataset(readFileSync(new URL(file, REFERENCE), 'utf8'))) shapes.add(quad);
    }
    const report = await new SHACLValidator(shapes, { factory: rdf as never }).validate(dataset(await builtText('catalog.ttl')));
    const base = 'https://example.org/hadano-ict-plan/';
    const city = `${base}municipality/142115`;
    const known = (r: (typeof report.results)[number]): string | null => {
      const path = r.path?.value;
      const shape = r.sourceConstraintComponent?.value.replace('http://www.w3.org/ns/shacl#', 'sh:');
      const value = r.value?.value;
      const severity = r.severity?.value.replace('http://www.w3.org/ns/shacl#', 'sh:');
      // The official vocabulary shape wants the SHA-256 algorithm at https://spdx.org/…, a known bug of
      // DCAT-AP 3.0.1: SPDX's own IRI, which the (range) shapes accept, is http://spdx.org/rdf/terms#….
      if (path === 'http://spdx.org/rdf/terms#algorithm' && value === 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' && shape === 'sh:NodeConstraintComponent') return 'spdx';
      // The city is no EU corporate body, and 神奈川県秦野市 is in no EU place list (nor GeoNames by an IRI we know).
      if (severity === 'sh:Warning' && path === 'http://purl.org/dc/terms/publisher' && value === `${base}publisher`) return 'publisher';
      if (severity === 'sh:Warning' && path === 'http://purl.org/dc/terms/spatial' && value === city) return 'place';
      // No true geometry of the city is known to the pipeline: its bounding box and centroid are left out, not made up.
      if (severity === 'sh:Warning' && r.focusNode?.value === city && (path === 'http://www.w3.org/ns/dcat#bbox' || path === 'http://www.w3.org/ns/dcat#centroid')) return 'geometry';
      return null;
    };
    const unexplained = report.results.filter((r) => known(r) === null).map((r) => `${r.severity?.value} ${r.focusNode?.value} ${r.path?.value} ${r.value?.value} ${r.sourceConstraintComponent?.value}`);
    expect(unexplained).toEqual([]);
    const counts = Object.fromEntries(['spdx', 'publisher', 'place', 'geometry'].map((k) => [k, report.results.filter((r) => known(r) === k).length]));
    // One checksum per distribution (14 per edition and the targets' history); the catalog and its three datasets name publisher and place.
    expect(counts).toEqual({ spdx: 29, publisher: 4, place: 4, geometry: 2 });
  }, 60_000);

  it('says who to contact, what the data is about and when the editions were issued, from the editions themselves', async () => {
    const catalog = JSON.parse(await builtText('catalog.jsonld'));
    const node = (id: string) => catalog['@graph'].find((n: { '@id': string }) => n['@id'] === id);
    const base = 'https://example.org/hadano-ict-plan/';
    const department = `${base}department/${encodeURIComponent('デジタル推進課')}`;
    expect(node(department)).toEqual({ '@id': department, '@type': ['vcard:Kind', 'vcard:Organization'], 'vcard:fn': '秦野市 デジタル推進課' });
    for (const id of ['dataset', 'dataset/2021', 'dataset/2025-03']) {
      expect(node(`${base}${id}`), id).toMatchObject({
        'dcat:contactPoint': { '@id': department },
        'dcat:theme': { '@id': 'http://publications.europa.eu/resource/authority/data-theme/GOVE' },
        'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/JPN' },
        'dcat:keyword': expect.arrayContaining(['ICT']),
      });
    }
    // The 2021 text prints no date; 2025-03's newest revision is 令和7年3月.
    expect(node(`${base}dataset/2021`)['dct:issued']).toBeUndefined();
    expect(node(`${base}dataset/2025-03`)['dct:issued']).toEqual({ '@value': '2025-03', '@type': 'xsd:gYearMonth' });
    expect(node(`${base}catalog`)).toMatchObject({
      'dct:issued': { '@value': '2025-03', '@type': 'xsd:gYearMonth' },
      'dct:modified': { '@value': '2025-03', '@type': 'xsd:gYearMonth' },
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
      'dct:spatial': { '@id': `${base}municipality/142115` },
      'dcat:themeTaxonomy': { '@id': 'http://publications.europa.eu/resource/authority/data-theme' },
    });
    expect(node(`${base}publisher`)['dct:type']).toEqual({ '@id': 'http://purl.org/adms/publishertype/LocalAuthority' });
    const distributions = node(`${base}dataset/2025-03`)['dcat:distribution'];
    for (const d of distributions) {
      expect(d['dct:description'], d['dct:title']).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(d['dct:description']).not.toBe(d['dct:title']);
      expect(d['dcatap:availability']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/planned-availability/STABLE' });
    }
    const format = (title: string) => distributions.find((d: { 'dct:title': string }) => d['dct:title'] === title)['dct:format']['@id'].replace(/.*\//, '');
    expect(['csv/projects.csv', 'plan.json', 'plan.jsonld', 'plan.nq', 'hadano-ict-plan-2025-03.zip'].map(format)).toEqual(['CSV', 'JSON', 'JSON_LD', 'RDF_N_QUADS', 'ZIP']);
    // plan.json's distribution names its JSON Schema; the plan dataset's distributions are its current
    // version's and the targets' history, which is made of all its versions.
    const planJson = distributions.find((d: { 'dct:title': string }) => d['dct:title'] === 'plan.json');
    expect(planJson['dct:conformsTo']['@id']).toBe(JSON.parse(await builtText('schemas/plan.schema.json')).$id);
    const [history, ...others] = [...node(`${base}dataset`)['dcat:distribution']].reverse();
    expect(others.reverse()).toEqual(distributions.map((d: { '@id': string }) => ({ '@id': d['@id'] })));
    const historyCsv = await builtText('history/indicator_targets_history.csv');
    expect(history).toMatchObject({
      '@id': `${base}history/indicator_targets_history.csv#distribution`,
      'dcat:downloadURL': { '@id': `${base}history/indicator_targets_history.csv` },
      'dcat:accessURL': { '@id': base },
      'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/CSV' },
      'dcat:byteSize': { '@value': String(Buffer.byteLength(historyCsv)) },
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
    });
    expect(history['dct:description']).toContain('評価指標の目標値の推移');
    const sums = (await builtText('SHA256SUMS')).split('\n').find((l) => l.endsWith('  history/indicator_targets_history.csv'))!;
    expect(history['spdx:checksum']['spdx:checksumValue']['@value']).toBe(sums.split('  ')[0]);
  });

  it('links the editions as versions of one dataset, with distributions that carry size and checksum', async () => {
    const catalog = JSON.parse(await builtText('catalog.jsonld'));
    const node = (id: string) => catalog['@graph'].find((n: { '@id': string }) => n['@id'] === `https://example.org/hadano-ict-plan/${id}`);
    expect(node('dataset')['dcat:hasVersion']).toEqual([
      { '@id': 'https://example.org/hadano-ict-plan/dataset/2021' },
      { '@id': 'https://example.org/hadano-ict-plan/dataset/2025-03' },
    ]);
    const latest = node('dataset/2025-03');
    expect(latest['dcat:version']).toEqual({ '@value': '5.0.0' }); // as the Data Package and CKAN package say
    expect(latest['dcat:previousVersion']).toEqual({ '@id': 'https://example.org/hadano-ict-plan/dataset/2021' });
    expect(latest['adms:versionNotes']).toContain('令和7年3月');
    expect(latest['dct:temporal']['dcat:startDate']).toEqual({ '@value': '2021-04-01', '@type': 'xsd:date' });
    const zip = latest['dcat:distribution'].find((d: { 'dct:title': string }) => d['dct:title'] === 'hadano-ict-plan-2025-03.zip');
    expect(zip['dcat:mediaType']).toEqual({ '@id': 'http://www.iana.org/assignments/media-types/application/zip' });
    expect(zip['dcat:byteSize']['@type']).toBe('xsd:nonNegativeInteger');
    const sums = (await builtText('SHA256SUMS')).split('\n').find((l) => l.endsWith('2025-03/hadano-ict-plan-2025-03.zip'))!;
    expect(zip['spdx:checksum']['spdx:checksumValue']['@value']).toBe(sums.split('  ')[0]);
    expect(latest['dcat:distribution'].map((d: { 'dct:title': string }) => d['dct:title'])).toEqual(
      expect.arrayContaining(['csv/projects.csv', 'csv/indicator_targets.csv', 'plan.json', 'plan.jsonld', 'plan.nq']),
    );
  });
});
