/**
 * What the DCAT catalog and the CKAN descriptions both say of the dataset beyond its files: the
 * IRIs of the catalog's nodes (datasets, publisher, place), the department to contact, the dates of
 * the editions, and the entries of the controlled vocabularies DCAT-AP names (EU data theme,
 * language, file type, planned availability; ADMS publisher and licence type) — one place, so a
 * portal harvesting the CKAN package and one reading the catalog are told the same thing.
 */
import type { Plan } from '../model/plan.js';
import { iriPaths } from '../outputs/rdf/iris.js';
import { publisherName } from '../read/parseEditionMeta.js';

const EU = 'http://publications.europa.eu/resource/authority/';

/** An entry of a controlled vocabulary: its IRI and its scheme (the DCAT-AP vocabulary shapes check the scheme). */
export interface VocabularyEntry {
  iri: string;
  scheme: string;
}

/** The EU data theme of the plan: 「政府・公共部門」 (an ICT plan of a city's administration). */
export const THEME_GOVERNMENT = { iri: `${EU}data-theme/GOVE`, scheme: `${EU}data-theme`, label: 'Government and public sector', schemeTitle: 'Data theme' } as const;

/** The language of the data and the metadata: Japanese, in the EU language authority list. */
export const LANGUAGE_JAPANESE: VocabularyEntry = { iri: `${EU}language/JPN`, scheme: `${EU}language` };

/** The ADMS publisher type of a city: a local authority. */
export const PUBLISHER_LOCAL_AUTHORITY = { iri: 'http://purl.org/adms/publishertype/LocalAuthority', scheme: 'http://purl.org/adms/publishertype/1.0', label: 'Local Authority', schemeTitle: 'ADMS publisher type' } as const;

/** The ADMS licence type of an attribution licence (CC BY, 公共データ利用規約 PDL1.0). */
export const LICENCE_ATTRIBUTION = { iri: 'http://purl.org/adms/licencetype/Attribution', scheme: 'http://purl.org/adms/licencetype/1.0', label: 'Attribution' } as const;

/** The ADMS licence type of a licence by its SPDX-style id (`CC-BY-4.0`), or null for one this table does not know. */
export function licenceTypeOf(licenseId: string): typeof LICENCE_ATTRIBUTION | null {
  // Attribution only: CC BY and PDL1.0 ask for nothing else (a share-alike licence is another type).
  return /^CC-BY-[0-9.]+$/.test(licenseId) || licenseId === 'PDL-1.0' ? LICENCE_ATTRIBUTION : null;
}

/**
 * The planned availability of every edition's files: stable. Each edition keeps its folder and its
 * files' bytes (every build publishes every edition again, byte for byte), so a version's file is
 * meant to stay where it is.
 */
export const AVAILABILITY_STABLE: VocabularyEntry = { iri: `${EU}planned-availability/STABLE`, scheme: `${EU}planned-availability` };

/** The EU file type of each format the catalog distributes (`mediaTypeOf`'s format). */
export const FILE_TYPES: Readonly<Record<string, VocabularyEntry>> = Object.fromEntries(
  Object.entries({ csv: 'CSV', json: 'JSON', jsonld: 'JSON_LD', nq: 'RDF_N_QUADS', zip: 'ZIP', xlsx: 'XLSX' }).map(([format, code]) => [format, { iri: `${EU}file-type/${code}`, scheme: `${EU}file-type` }]),
);

/** The IRI of the version-independent dataset, whose versions are the editions. */
export function planDatasetIri(baseIri: string): string {
  return `${baseIri}dataset`;
}

/** The IRI of an edition's dataset (a version of the plan dataset). */
export function editionDatasetIri(plan: Plan): string {
  return `${plan.edition.baseIri}dataset/${plan.edition.id}`;
}

/** The IRI of the publisher, the city. */
export function publisherIri(baseIri: string): string {
  return `${baseIri}publisher`;
}

/** The IRI of the place the data covers: the municipality, by its local government code. */
export function municipalityIri(plan: Plan): string {
  return `${plan.edition.baseIri}municipality/${plan.edition.municipality.code}`;
}

/**
 * The department to contact about an edition's data: the lead department (主管課等) of the plan's
 * own open-data projects — those whose name says オープンデータ — as that edition prints it
 * (情報システム課 in 2021, デジタル推進課 in 2025-03), with its IRI (the department's, as in the
 * plan's JSON-LD) and the name a person reads (秦野市 デジタル推進課). Null when those projects name no
 * department or more than one: the contact is then not guessed.
 */
export function contactDepartment(plan: Plan): { iri: string; name: string } | null {
  const departments = new Set(
    plan.projects.filter((p) => p.repostOf === null && (p.name ?? p.listedName ?? '').includes('オープンデータ')).flatMap((p) => p.leadDepartments.map((d) => d.name)),
  );
  if (departments.size !== 1) return null;
  const [department] = [...departments] as [string];
  return { iri: `${plan.edition.baseIri}${iriPaths.department(department)}`, name: `${publisherName(plan.edition.municipality.name)} ${department}` };
}

/**
 * The date an edition was issued, as the text prints it: the month of its newest revision
 * (`2025-03`, an `xsd:gYearMonth`); null for an original edition, whose text prints no date.
 */
export function editionIssued(plan: Plan): string | null {
  return plan.edition.revisionDate;
}

/** What an edition reflects, in Japanese (DCAT `adms:versionNotes`, CKAN `version_notes`). */
export function versionNotes(plan: Plan): string {
  const latest = plan.revisions.at(-1);
  return latest ? `${latest.printedDate}改訂（改訂履歴の${latest.entries.length}項目）までを反映した版` : '原版（改訂履歴なし。策定日は本文に記載がない）';
}
