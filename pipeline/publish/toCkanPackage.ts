/**
 * Stage: an edition's published files → the CKAN package description of the edition (the fields of
 * `package_create`), so the city can upload it to e-Gov データポータル, BODIK or its own CKAN.
 * Resource URLs are the files' addresses under the base IRI (where `dist/` is published).
 */
import type { Plan } from '../model/plan.js';
import { DATASET_NAME, datasetVersion, type PublishedFile } from './toPackage.js';
import { mediaTypeOf, outputKindOf } from './outputManifest.js';
import { fiscalYearLabel } from '../common/text.js';

/** A CKAN resource as sent to `resource_create`. */
export interface CkanResource {
  name: string;
  description: string;
  url: string;
  format: string;
  mimetype: string;
  hash: string;
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

const FORMATS: Record<string, string> = { csv: 'CSV', json: 'JSON', jsonld: 'JSON-LD', nq: 'N-Quads', zip: 'ZIP' };

/** The CKAN name of an edition's package: lowercase, digits, `-` and `_`, as CKAN requires. */
export function ckanName(plan: Plan): string {
  return `${DATASET_NAME}-${plan.edition.id}`.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

/** The package_create fields of one edition; `files` are the edition's files, paths under the output folder. */
export function toCkanPackage(plan: Plan, files: readonly PublishedFile[]): CkanPackage {
  const e = plan.edition;
  const period = `${fiscalYearLabel(e.planPeriod.startFiscalYear)}から${fiscalYearLabel(e.planPeriod.endFiscalYear)}まで`;
  const resources = files
    .filter((f) => f.path.startsWith(`${e.id}/`) && outputKindOf(f.path.slice(e.id.length + 1))?.inCkan === true)
    .map((f) => {
      const { mediatype, format } = mediaTypeOf(f.path);
      const name = f.path.slice(e.id.length + 1);
      return {
        name,
        description: outputKindOf(name)?.ckanDescription ?? name,
        url: `${e.baseIri}${f.path}`,
        format: FORMATS[format] ?? format.toUpperCase(),
        mimetype: mediatype,
        hash: `sha256:${f.sha256}`,
        size: f.bytes,
      };
    });
  return {
    name: ckanName(plan),
    title: `${e.title}（第${e.number}版）`,
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
      { key: 'edition_id', value: e.id },
      { key: 'edition_number', value: String(e.number) },
      { key: 'revision_date', value: e.revisionDate ?? '' },
      { key: 'temporal_start', value: e.planPeriod.startDate },
      { key: 'temporal_end', value: e.planPeriod.endDate },
      { key: 'spatial', value: `${e.municipality.code} ${e.municipality.name}` },
      { key: 'source_sha256', value: e.source.sha256 },
    ],
    resources,
  };
}
