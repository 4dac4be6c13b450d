/**
 * Stage: an edition's published files → the CKAN package description of the edition (the fields of
 * `package_create`), so the city can upload it to e-Gov データポータル, BODIK or its own CKAN.
 * Resource URLs are the files' addresses under the base IRI (where `dist/` is published). The extras
 * use ckanext-dcat's names (`spatial_uri`, `spatial_text`, `temporal_start`, `publisher_uri`,
 * `contact_name`, `theme`, …), so a portal running it says in DCAT what the project's own catalog says.
 * There is no `spatial` extra: ckanext-spatial takes it for a GeoJSON geometry of the area (and
 * refuses anything else), and the pipeline knows no true geometry of the city — only its IRI and name.
 */
import type { Plan } from '../model/plan.js';
import { publisherName } from '../read/parseEditionMeta.js';
import { DATASET_NAME, datasetVersion, type PublishedFile } from './toPackage.js';
import { mediaTypeOf, outputKindOf } from './outputManifest.js';
import { editionTitle, fiscalYearLabel } from '../common/text.js';
import {
  AVAILABILITY_STABLE,
  contactDepartment,
  editionDatasetIri,
  editionIssued,
  LANGUAGE_JAPANESE,
  municipalityIri,
  planDatasetIri,
  PUBLISHER_LOCAL_AUTHORITY,
  publisherIri,
  THEME_GOVERNMENT,
  versionNotes,
} from './catalogTerms.js';

/** A CKAN resource as sent to `resource_create` (`hash_algorithm`, `availability`: ckanext-dcat's names). */
export interface CkanResource {
  name: string;
  /** What the file holds, in Japanese. */
  description: string;
  url: string;
  format: string;
  mimetype: string;
  /** SHA-256, hexadecimal (ckanext-dcat's `spdx:checksumValue`), its algorithm in `hash_algorithm`. */
  hash: string;
  hash_algorithm: string;
  availability: string;
  size: number;
}

/** A CKAN package as sent to `package_create` (resources are created one by one after it). */
export interface CkanPackage {
  name: string;
  title: string;
  notes: string;
  version: string;
  license_id: string;
  owner_org: string;
  url: string;
  tags: { name: string }[];
  extras: { key: string; value: string }[];
  resources: CkanResource[];
}

/** The organisation slug used until the city names its own (`--org` on `publish`). */
export const ORGANIZATION_PLACEHOLDER = 'hadano-city';

const FORMATS: Record<string, string> = { csv: 'CSV', json: 'JSON', jsonld: 'JSON-LD', nq: 'N-Quads', zip: 'ZIP', xlsx: 'XLSX' };

/** The SPDX checksum algorithm of every resource's `hash` (ckanext-dcat's `hash_algorithm`). */
const SHA256_ALGORITHM = 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256';

/** The CKAN name of an edition's package: lowercase, digits, `-` and `_`, as CKAN requires. */
export function ckanName(plan: Plan): string {
  return `${DATASET_NAME}-${plan.edition.id}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

/**
 * The package_create fields of one edition; `files` are the edition's files, paths under the output
 * folder; `latest` the newest edition, whose department is the contact for every version (as in the
 * catalog).
 */
export function toCkanPackage(plan: Plan, files: readonly PublishedFile[], latest: Plan = plan): CkanPackage {
  const e = plan.edition;
  const contact = contactDepartment(latest);
  const issued = editionIssued(plan);
  const period = `${fiscalYearLabel(e.planPeriod.startFiscalYear)}から${fiscalYearLabel(e.planPeriod.endFiscalYear)}まで`;
  const resources = files
    .filter((f) => f.path.startsWith(`${e.id}/`) && outputKindOf(f.path.slice(e.id.length + 1))?.inCkan === true)
    .map((f) => {
      const { mediatype, format } = mediaTypeOf(f.path);
      const name = f.path.slice(e.id.length + 1);
      const about = outputKindOf(name)?.about;
      // Every resource says what it holds: a description that repeats the file's name says nothing.
      if (!about) throw new Error(`No description for the CKAN resource ${f.path}`);
      return {
        name,
        description: about,
        url: `${e.baseIri}${f.path}`,
        format: FORMATS[format] ?? format.toUpperCase(),
        mimetype: mediatype,
        hash: f.sha256,
        hash_algorithm: SHA256_ALGORITHM,
        availability: AVAILABILITY_STABLE.iri,
        size: f.bytes,
      };
    });
  return {
    name: ckanName(plan),
    title: editionTitle(e),
    notes:
      `${e.municipality.name}のICT計画（${period}）の個別事業一覧・個別事業シート・改訂履歴をオープンデータにした第${e.number}版です。` +
      `${e.revisionDate ? `${e.revisionDate}の改訂までを反映しています。` : '原版です（策定日は本文に記載がありません）。'}\n\n` +
      `CSVはUTF-8（BOM付き）、改行CRLF。${e.license.attribution}`,
    version: datasetVersion(plan),
    license_id: e.license.id === 'CC-BY-4.0' ? 'cc-by' : e.license.id,
    owner_org: ORGANIZATION_PLACEHOLDER,
    url: e.baseIri,
    tags: ['ICT', 'DX', '計画', '評価指標'].map((name) => ({ name })),
    extras: [
      // ckanext-dcat's names, with the values of the project's DCAT catalog (lists as JSON text, as it stores them).
      { key: 'uri', value: editionDatasetIri(plan) },
      { key: 'identifier', value: `${e.baseIri}edition/${e.id}` },
      ...(issued ? [{ key: 'issued', value: issued }] : []),
      { key: 'version_notes', value: versionNotes(plan) },
      { key: 'is_version_of', value: JSON.stringify([planDatasetIri(e.baseIri)]) },
      { key: 'theme', value: JSON.stringify([THEME_GOVERNMENT.iri]) },
      { key: 'language', value: JSON.stringify([LANGUAGE_JAPANESE.iri]) },
      { key: 'spatial_uri', value: municipalityIri(plan) },
      { key: 'spatial_text', value: e.municipality.name },
      { key: 'temporal_start', value: e.planPeriod.startDate },
      { key: 'temporal_end', value: e.planPeriod.endDate },
      { key: 'publisher_uri', value: publisherIri(e.baseIri) },
      { key: 'publisher_name', value: publisherName(e.municipality.name) },
      { key: 'publisher_type', value: PUBLISHER_LOCAL_AUTHORITY.iri },
      ...(contact ? [{ key: 'contact_uri', value: contact.iri }, { key: 'contact_name', value: contact.name }] : []),
      // The project's own: which edition this is and the text it was read from.
      { key: 'edition_id', value: e.id },
      { key: 'edition_number', value: String(e.number) },
      { key: 'revision_date', value: e.revisionDate ?? '' },
      { key: 'municipality_code', value: e.municipality.code },
      { key: 'source_sha256', value: e.source.sha256 },
    ],
    resources,
  };
}
