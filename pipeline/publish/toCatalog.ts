/**
 * Stage: all editions → the DCAT 3 / DCAT-AP 3.0.1 catalog (`catalog.jsonld`, `catalog.ttl`). One
 * catalog published by the city; one version-independent plan dataset with a dataset per edition as
 * its versions (`dcat:hasVersion`, `dcat:version`, `dcat:previousVersion`, `adms:versionNotes`);
 * distributions for every published data file with access and download URL, media type, byte size
 * and SHA-256 checksum, licence; temporal (the plan period) and spatial (the municipality) coverage.
 * The context is written here rather than loaded from DCAT-AP's own file, which jsonld.js rejects
 * (reference/SOURCES.md).
 */
import { publisherName } from '../read/parseEditionMeta.js';
import type { Plan } from '../model/plan.js';
import type { PublishedFile } from './toPackage.js';
import { mediaTypeOf, outputKindOf } from './outputManifest.js';
import { fiscalYearLabel } from '../common/text.js';
import { expandSafely, offlineDocumentLoader, toNQuads } from '../outputs/rdf/toRdf.js';

const CONTEXT = {
  '@language': 'ja',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
};

const PREFIXES: Record<string, string> = Object.fromEntries(Object.entries(CONTEXT).filter(([k]) => !k.startsWith('@'))) as Record<string, string>;

/** The data files of an edition that become DCAT distributions (metadata and reports are left out). */

const IANA = 'http://www.iana.org/assignments/media-types/';

/** The catalog of all editions as JSON-LD; `files` are the published files (paths under the output folder). */
export function toCatalog(plans: readonly Plan[], files: readonly PublishedFile[]): object {
  const sorted = [...plans].sort((a, b) => a.edition.number - b.edition.number);
  const latest = sorted.at(-1)!;
  const base = latest.edition.baseIri;
  const city = publisherName(latest.edition.municipality.name);
  const title = latest.edition.title;
  const period = latest.edition.planPeriod;
  const nodes: object[] = [];
  const mediaTypes = new Set<string>();
  const licenses = new Set<string>();

  const datasetIri = (plan: Plan) => `${base}dataset/${plan.edition.id}`;
  const temporal = {
    '@type': 'dct:PeriodOfTime',
    'dcat:startDate': { '@value': period.startDate, '@type': 'xsd:date' },
    'dcat:endDate': { '@value': period.endDate, '@type': 'xsd:date' },
    'rdfs:label': `${fiscalYearLabel(period.startFiscalYear)}から${fiscalYearLabel(period.endFiscalYear)}まで`,
  };
  const spatial = { '@id': `${base}municipality/${latest.edition.municipality.code}` };
  const publisher = { '@id': `${base}publisher` };

  for (const [index, plan] of sorted.entries()) {
    const e = plan.edition;
    licenses.add(e.license.url);
    const distributions = files
      .filter((f) => f.path.startsWith(`${e.id}/`) && outputKindOf(f.path.slice(e.id.length + 1))?.inCatalog === true)
      .map((f) => {
        const { mediatype } = mediaTypeOf(f.path);
        mediaTypes.add(mediatype);
        return {
          '@id': `${base}${f.path}#distribution`,
          '@type': 'dcat:Distribution',
          'dct:title': f.path.slice(e.id.length + 1),
          'dcat:accessURL': { '@id': `${base}${e.id}/` },
          'dcat:downloadURL': { '@id': `${base}${f.path}` },
          'dcat:mediaType': { '@id': `${IANA}${mediatype}` },
          'dcat:byteSize': { '@value': String(f.bytes), '@type': 'xsd:nonNegativeInteger' },
          'spdx:checksum': {
            '@type': 'spdx:Checksum',
            'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
            'spdx:checksumValue': { '@value': f.sha256, '@type': 'xsd:hexBinary' },
          },
          'dct:license': { '@id': e.license.url },
        };
      });
    const previous = sorted[index - 1];
    const revisions = plan.revisions.at(-1);
    nodes.push({
      '@id': datasetIri(plan),
      '@type': 'dcat:Dataset',
      'dct:identifier': { '@value': `${e.baseIri}edition/${e.id}` },
      'dct:title': `${e.title}（第${e.number}版）`,
      'dct:description': `${e.municipality.name}のICT計画の個別事業一覧・個別事業シート・改訂履歴をオープンデータにした第${e.number}版。`,
      'dcat:version': { '@value': String(e.number) },
      'adms:versionNotes': revisions
        ? `${revisions.printedDate}改訂（改訂履歴の${revisions.entries.length}項目）までを反映した版`
        : '原版（改訂履歴なし。策定日は本文に記載がない）',
      'dcat:isVersionOf': { '@id': `${base}dataset` },
      ...(previous ? { 'dcat:previousVersion': { '@id': datasetIri(previous) } } : {}),
      'dct:publisher': publisher,
      'dct:temporal': temporal,
      'dct:spatial': spatial,
      'dcat:keyword': ['ICT', 'DX', '計画', '評価指標'],
      'dct:conformsTo': { '@id': 'https://datapackage.org/profiles/2.0/datapackage.json' },
      'dcat:distribution': distributions,
    });
  }

  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@id': `${base}catalog`,
        '@type': 'dcat:Catalog',
        'dct:title': `${city}の計画オープンデータ`,
        'dct:description': `${city}が公開する「${title}」のデータの目録。版ごとのデータセットを含む。`,
        'dct:publisher': publisher,
        'foaf:homepage': { '@id': base },
        'dcat:dataset': [{ '@id': `${base}dataset` }, ...sorted.map((p) => ({ '@id': datasetIri(p) }))],
      },
      {
        '@id': `${base}dataset`,
        '@type': 'dcat:Dataset',
        'dct:title': title,
        'dct:description': `${latest.edition.municipality.name}のICT計画（${temporal['rdfs:label']}）の個別事業と評価指標。計画が改訂されるたびに新しい版を公開する。`,
        'dct:publisher': publisher,
        'dct:temporal': temporal,
        'dct:spatial': spatial,
        'dcat:hasVersion': sorted.map((p) => ({ '@id': datasetIri(p) })),
        'dcat:hasCurrentVersion': { '@id': datasetIri(latest) },
      },
      ...nodes,
      { '@id': publisher['@id'], '@type': 'foaf:Agent', 'foaf:name': city, 'dct:identifier': { '@value': latest.edition.municipality.code } },
      { '@id': spatial['@id'], '@type': 'dct:Location', 'rdfs:label': latest.edition.municipality.name, 'dct:identifier': { '@value': latest.edition.municipality.code } },
      { '@id': base, '@type': 'foaf:Document' },
      { '@id': 'https://datapackage.org/profiles/2.0/datapackage.json', '@type': 'dct:Standard', 'rdfs:label': { '@value': 'Frictionless Data Package v2', '@language': 'en' } },
      // The DCAT-AP shapes want the checksum algorithm, media types and licences typed.
      { '@id': 'spdx:checksumAlgorithm_sha256', '@type': 'spdx:ChecksumAlgorithm' },
      ...[...mediaTypes].sort().map((m) => ({ '@id': `${IANA}${m}`, '@type': 'dct:MediaType' })),
      ...[...licenses].sort().map((l) => ({ '@id': l, '@type': 'dct:LicenseDocument' })),
    ],
  };
}

/** The catalog as Turtle, through jsonld.js (offline: the catalog's context is embedded) and n3. */
export async function toCatalogTurtle(catalog: object): Promise<string> {
  // Loaded only here: n3 and the stream modules it brings are half of what the CLI would load at start.
  const n3 = await import('n3');
  // n3 is CommonJS: its exports are also its default export, the only one a bundled dynamic import gives.
  const { Parser, Writer } = (n3 as unknown as { default?: typeof n3 }).default ?? n3;
  const loader = offlineDocumentLoader({});
  await expandSafely(catalog, loader);
  const { nquads } = await toNQuads(catalog, loader, 'catalog.jsonld');
  const quads = new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(nquads ?? '');
  const writer = new Writer({ prefixes: PREFIXES });
  writer.addQuads(quads);
  return await new Promise<string>((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}
