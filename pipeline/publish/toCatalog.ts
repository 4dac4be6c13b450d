/**
 * Stage: all editions → the DCAT 3 / DCAT-AP 3.0.1 catalog (`catalog.jsonld`, `catalog.ttl`). One
 * catalog published by the city; one version-independent plan dataset with a dataset per edition as
 * its versions (`dcat:hasVersion`, `dcat:version`, `dcat:previousVersion`, `adms:versionNotes`);
 * distributions for every published data file with access and download URL, media type and EU file
 * type, byte size and SHA-256 checksum, licence, a description and planned availability; temporal
 * (the plan period) and spatial (the municipality) coverage; the recommended properties DCAT-AP asks
 * for, each with a true value: the contact (the department of the plan's open-data projects), the
 * EU data theme, keywords, language, the dates the editions print, the publisher's type.
 * The context is written here rather than loaded from DCAT-AP's own file, which jsonld.js rejects
 * (reference/SOURCES.md).
 */
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import { publisherName } from '../read/parseEditionMeta.js';
import type { Plan } from '../model/plan.js';
import { datasetVersion, type PublishedFile } from './toPackage.js';
import { mediaTypeOf, outputKindOf, sharedOutputKindOf } from './outputManifest.js';
import { editionTitle, fiscalYearLabel } from '../common/text.js';
import { writeNQuads } from '../outputs/rdf/writeNQuads.js';
import {
  AVAILABILITY_STABLE,
  contactDepartment,
  editionDatasetIri,
  editionIssued,
  FILE_TYPES,
  LANGUAGE_JAPANESE,
  licenceTypeOf,
  municipalityIri,
  planDatasetIri,
  PUBLISHER_LOCAL_AUTHORITY,
  publisherIri,
  THEME_GOVERNMENT,
  versionNotes,
} from './catalogTerms.js';

const CONTEXT = {
  '@language': 'ja',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
};

const PREFIXES: Record<string, string> = Object.fromEntries(Object.entries(CONTEXT).filter(([k]) => !k.startsWith('@'))) as Record<string, string>;

const IANA = 'http://www.iana.org/assignments/media-types/';

const KEYWORDS = ['ICT', 'DX', '計画', '評価指標'];

/** A date as the editions print it: a month (`2025-03`, `xsd:gYearMonth`) or a day (`xsd:date`). */
function dateLiteral(date: string): object {
  return { '@value': date, '@type': /^\d{4}-\d{2}$/.test(date) ? 'xsd:gYearMonth' : 'xsd:date' };
}

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
  const fileTypes = new Map<string, string>();
  const licenses = new Map<string, string>();

  const temporal = {
    '@type': 'dct:PeriodOfTime',
    'dcat:startDate': { '@value': period.startDate, '@type': 'xsd:date' },
    'dcat:endDate': { '@value': period.endDate, '@type': 'xsd:date' },
    'rdfs:label': `${fiscalYearLabel(period.startFiscalYear)}から${fiscalYearLabel(period.endFiscalYear)}まで`,
  };
  const spatial = { '@id': municipalityIri(latest) };
  const publisher = { '@id': publisherIri(base) };
  // Who answers about the data today, for every version: the latest edition's department (the
  // 2021 edition's 情報システム課 is デジタル推進課 since).
  const contact = contactDepartment(latest);
  const contactPoint = contact ? { 'dcat:contactPoint': { '@id': contact.iri } } : {};
  const described = { 'dcat:theme': { '@id': THEME_GOVERNMENT.iri }, 'dcat:keyword': KEYWORDS, 'dct:language': { '@id': LANGUAGE_JAPANESE.iri } };
  const schemaIri = (planSchema as { $id: string }).$id;
  /** A distribution of a published file: where to get it, its type, size, checksum, licence and what it holds. */
  const distribution = (f: PublishedFile, title: string, about: string, accessUrl: string, license: string) => {
    const { mediatype, format } = mediaTypeOf(f.path);
    const fileType = FILE_TYPES[format];
    // A file kind listed in the catalog needs its EU file type: a new kind must choose one here.
    if (!fileType) throw new Error(`No EU file type for the catalog's ${format} distribution ${f.path}`);
    mediaTypes.add(mediatype);
    fileTypes.set(fileType.iri, fileType.scheme);
    return {
      '@id': `${base}${f.path}#distribution`,
      '@type': 'dcat:Distribution',
      'dct:title': title,
      'dct:description': about,
      'dcat:accessURL': { '@id': accessUrl },
      'dcat:downloadURL': { '@id': `${base}${f.path}` },
      'dcat:mediaType': { '@id': `${IANA}${mediatype}` },
      'dct:format': { '@id': fileType.iri },
      'dcat:byteSize': { '@value': String(f.bytes), '@type': 'xsd:nonNegativeInteger' },
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': f.sha256, '@type': 'xsd:hexBinary' },
      },
      'dct:license': { '@id': license },
      'dcatap:availability': { '@id': AVAILABILITY_STABLE.iri },
    };
  };

  let currentDistributions: object[] = [];
  for (const [index, plan] of sorted.entries()) {
    const e = plan.edition;
    licenses.set(e.license.url, e.license.id);
    const distributions = files
      .filter((f) => f.path.startsWith(`${e.id}/`) && outputKindOf(f.path.slice(e.id.length + 1))?.inCatalog === true)
      .map((f) => {
        const name = f.path.slice(e.id.length + 1);
        return {
          ...distribution(f, name, outputKindOf(name)!.about!, `${base}${e.id}/`, e.license.url),
          ...(name === 'plan.json' ? { 'dct:conformsTo': { '@id': schemaIri } } : {}),
        };
      });
    currentDistributions = distributions.map((d) => ({ '@id': d['@id'] }));
    const previous = sorted[index - 1];
    const issued = editionIssued(plan);
    nodes.push({
      '@id': editionDatasetIri(plan),
      '@type': 'dcat:Dataset',
      'dct:identifier': { '@value': `${e.baseIri}edition/${e.id}` },
      'dct:title': editionTitle(e),
      'dct:description': `${e.municipality.name}のICT計画の個別事業一覧・個別事業シート・改訂履歴をオープンデータにした第${e.number}版。`,
      // The same version string as the edition's Data Package and CKAN package (5 → 5.0.0).
      'dcat:version': { '@value': datasetVersion(plan) },
      'adms:versionNotes': versionNotes(plan),
      ...(issued ? { 'dct:issued': dateLiteral(issued) } : {}),
      'dcat:isVersionOf': { '@id': planDatasetIri(base) },
      ...(previous ? { 'dcat:previousVersion': { '@id': editionDatasetIri(previous) } } : {}),
      'dct:publisher': publisher,
      ...contactPoint,
      'dct:temporal': temporal,
      'dct:spatial': spatial,
      ...described,
      'dct:conformsTo': { '@id': 'https://datapackage.org/profiles/2.0/datapackage.json' },
      'dcat:distribution': distributions,
    });
  }

  // The catalog's dates are the editions' (never the build clock): issued with the earliest edition
  // whose text prints its date, modified with the latest. An original edition prints none.
  const dates = sorted.map(editionIssued).filter((d): d is string => d !== null);
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
        'dct:language': { '@id': LANGUAGE_JAPANESE.iri },
        ...(dates.length > 0 ? { 'dct:issued': dateLiteral(dates[0]!), 'dct:modified': dateLiteral(dates.at(-1)!) } : {}),
        'dct:license': { '@id': latest.edition.license.url },
        'dct:spatial': spatial,
        'dcat:themeTaxonomy': { '@id': THEME_GOVERNMENT.scheme },
        'dcat:dataset': [{ '@id': planDatasetIri(base) }, ...sorted.map((p) => ({ '@id': editionDatasetIri(p) }))],
      },
      {
        '@id': planDatasetIri(base),
        '@type': 'dcat:Dataset',
        'dct:title': title,
        'dct:description': `${latest.edition.municipality.name}のICT計画（${temporal['rdfs:label']}）の個別事業と評価指標。計画が改訂されるたびに新しい版を公開する。`,
        'dct:publisher': publisher,
        ...contactPoint,
        'dct:temporal': temporal,
        'dct:spatial': spatial,
        ...described,
        'dcat:hasVersion': sorted.map((p) => ({ '@id': editionDatasetIri(p) })),
        'dcat:hasCurrentVersion': { '@id': editionDatasetIri(latest) },
        // The plan as it stands is its current version: that version's files are its distributions,
        // with the files made of all its versions (the targets' history), reached from the top page.
        'dcat:distribution': [
          ...currentDistributions,
          ...files.flatMap((f) => {
            const kind = sharedOutputKindOf(f.path);
            return kind?.inCatalog ? [distribution(f, f.path, kind.about!, base, latest.edition.license.url)] : [];
          }),
        ],
      },
      ...nodes,
      { '@id': publisher['@id'], '@type': 'foaf:Agent', 'foaf:name': city, 'dct:identifier': { '@value': latest.edition.municipality.code }, 'dct:type': { '@id': PUBLISHER_LOCAL_AUTHORITY.iri } },
      // vcard:Kind as well: the shapes check the class itself, without vCard's class hierarchy.
      ...(contact ? [{ '@id': contact.iri, '@type': ['vcard:Kind', 'vcard:Organization'], 'vcard:fn': contact.name }] : []),
      {
        '@id': spatial['@id'],
        '@type': 'dct:Location',
        'rdfs:label': latest.edition.municipality.name,
        'skos:prefLabel': latest.edition.municipality.name,
        'dct:identifier': { '@value': latest.edition.municipality.code },
      },
      { '@id': base, '@type': 'foaf:Document' },
      { '@id': 'https://datapackage.org/profiles/2.0/datapackage.json', '@type': 'dct:Standard', 'rdfs:label': { '@value': 'Frictionless Data Package v2', '@language': 'en' } },
      { '@id': schemaIri, '@type': 'dct:Standard', 'rdfs:label': 'plan.jsonのJSON Schema（draft 2020-12）' },
      // The DCAT-AP shapes want the checksum algorithm, media types, formats, licences and every
      // vocabulary entry typed, and each entry in its scheme (the controlled-vocabulary shapes).
      { '@id': 'spdx:checksumAlgorithm_sha256', '@type': 'spdx:ChecksumAlgorithm' },
      ...[...mediaTypes].sort().map((m) => ({ '@id': `${IANA}${m}`, '@type': 'dct:MediaType' })),
      ...[...fileTypes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, scheme]) => ({ '@id': f, '@type': 'dct:MediaTypeOrExtent', 'skos:inScheme': { '@id': scheme } })),
      ...[...licenses].sort(([a], [b]) => (a < b ? -1 : 1)).map(([url, id]) => {
        const type = licenceTypeOf(id);
        return { '@id': url, '@type': 'dct:LicenseDocument', ...(type ? { 'dct:type': { '@id': type.iri } } : {}) };
      }),
      ...[...new Set([...licenses.values()].map(licenceTypeOf))].flatMap((type) =>
        type ? [{ '@id': type.iri, '@type': 'skos:Concept', 'skos:prefLabel': { '@value': type.label, '@language': 'en' }, 'skos:inScheme': { '@id': type.scheme } }] : [],
      ),
      { '@id': LANGUAGE_JAPANESE.iri, '@type': 'dct:LinguisticSystem', 'skos:inScheme': { '@id': LANGUAGE_JAPANESE.scheme } },
      { '@id': THEME_GOVERNMENT.iri, '@type': 'skos:Concept', 'skos:prefLabel': { '@value': THEME_GOVERNMENT.label, '@language': 'en' }, 'skos:inScheme': { '@id': THEME_GOVERNMENT.scheme } },
      { '@id': THEME_GOVERNMENT.scheme, '@type': 'skos:ConceptScheme', 'dct:title': { '@value': THEME_GOVERNMENT.schemeTitle, '@language': 'en' } },
      { '@id': PUBLISHER_LOCAL_AUTHORITY.iri, '@type': 'skos:Concept', 'skos:prefLabel': { '@value': PUBLISHER_LOCAL_AUTHORITY.label, '@language': 'en' }, 'skos:inScheme': { '@id': PUBLISHER_LOCAL_AUTHORITY.scheme } },
      { '@id': PUBLISHER_LOCAL_AUTHORITY.scheme, '@type': 'skos:ConceptScheme', 'dct:title': { '@value': PUBLISHER_LOCAL_AUTHORITY.schemeTitle, '@language': 'en' } },
      { '@id': AVAILABILITY_STABLE.iri, '@type': 'skos:Concept', 'skos:prefLabel': '安定（長期に提供する）', 'skos:inScheme': { '@id': AVAILABILITY_STABLE.scheme } },
    ],
  };
}

/**
 * A CommonJS module's default export as imported from an ES module: Node (and the bundle, which
 * follows it) gives `module.exports` as the default, where n3's compiled modules put theirs under
 * `default` again.
 */
function commonJsDefault<T>(module: { default: T }): T {
  const exported = module.default as T | { default: T };
  return typeof exported === 'object' && exported !== null && 'default' in exported ? exported.default : (exported as T);
}

/**
 * The catalog as Turtle: its N-Quads by the pipeline's own converter (`writeNQuads`, with the
 * catalog's embedded context; it refuses a key or type the context does not map, as jsonld.js's safe
 * mode does), then n3's parser and Turtle writer. jsonld.js, used here before, gives the same graph
 * (a test canonicalises both) but took about 60 ms of a real build to load and run, as much as the
 * rest of the catalog.
 */
export async function toCatalogTurtle(catalog: object): Promise<string> {
  // n3's parser and writer modules alone: its main module also loads its store and stream modules.
  const [parserModule, writerModule] = await Promise.all([import('n3/lib/N3Parser.js'), import('n3/lib/N3Writer.js')]);
  const Parser = commonJsDefault(parserModule);
  const Writer = commonJsDefault(writerModule);
  const nquads = writeNQuads(catalog as never, { '@context': (catalog as { '@context': Record<string, unknown> })['@context'] });
  // Sorted, so the Turtle lists the nodes in a stable order that does not follow the JSON-LD's.
  const sorted = `${nquads.split('\n').filter((l) => l !== '').sort().join('\n')}\n`;
  const quads = new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(sorted);
  const writer = new Writer({ prefixes: PREFIXES });
  writer.addQuads(quads);
  return await new Promise<string>((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}
