import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { builtText } from '../helpers.js';

const REFERENCE = new URL('../../../shared/reference/dcat-ap-3.0.1/', import.meta.url);

function dataset(turtle: string) {
  const ds = rdf.dataset();
  for (const quad of new Parser().parse(turtle)) ds.add(quad as never);
  return ds;
}

describe('the DCAT catalog', () => {
  it('has zero violations of the DCAT-AP 3.0.1 shapes and class ranges', async () => {
    const shapes = dataset(readFileSync(new URL('shapes.ttl', REFERENCE), 'utf8'));
    for (const quad of dataset(readFileSync(new URL('range.ttl', REFERENCE), 'utf8'))) shapes.add(quad);
    const report = await new SHACLValidator(shapes, { factory: rdf as never }).validate(dataset(await builtText('catalog.ttl')));
    const violations = report.results.map((r) => `${r.focusNode?.value} ${r.path?.value} ${r.sourceConstraintComponent?.value}`);
    expect(violations).toEqual([]);
    expect(report.conforms).toBe(true);
  }, 60_000);

  it('links the editions as versions of one dataset, with distributions that carry size and checksum', async () => {
    const catalog = JSON.parse(await builtText('catalog.jsonld'));
    const node = (id: string) => catalog['@graph'].find((n: { '@id': string }) => n['@id'] === `https://example.org/hadano-ict-plan/${id}`);
    expect(node('dataset')['dcat:hasVersion']).toEqual([
      { '@id': 'https://example.org/hadano-ict-plan/dataset/2021' },
      { '@id': 'https://example.org/hadano-ict-plan/dataset/2025-03' },
    ]);
    const latest = node('dataset/2025-03');
    expect(latest['dcat:version']).toEqual({ '@value': '5' });
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
