/**
 * Stage: an edition's files → a verifiable dataset version. Makes the Frictionless Data Package (v2)
 * descriptor (`datapackage.json`) with the bytes and SHA-256 of every file, a byte-for-byte
 * reproducible zip of the edition (sorted entries, one fixed timestamp, relative paths), and the
 * `SHA256SUMS` list of every published file.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { publisherName } from './parseEditionMeta.js';
import type { Plan } from './plan.js';
import { fiscalYearLabel } from './text.js';
import type { CsvTable } from './toCsvTables.js';
import { toTableSchema } from './toCsvMetadata.js';
import { CSV_DIALECT } from './toCsvText.js';

/** A file of the build: its path under the output folder and its content. */
export interface BuiltFile {
  path: string;
  data: string | Uint8Array;
}

/** The name every version of the dataset shares (Frictionless `name`, CKAN name prefix). */
export const DATASET_NAME = 'hadano-ict-plan';

/** The bytes of a file as published (strings are UTF-8). */
export function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

// Published files are hashed by several stages (descriptor, pages, CKAN, catalog, SHA256SUMS): once is enough.
const hashes = new WeakMap<Uint8Array, string>();

/** SHA-256 of a file, hexadecimal (remembered per byte array). */
export function sha256(data: string | Uint8Array): string {
  if (typeof data === 'string') return createHash('sha256').update(bytesOf(data)).digest('hex');
  let hash = hashes.get(data);
  if (hash === undefined) {
    hash = createHash('sha256').update(data).digest('hex');
    hashes.set(data, hash);
  }
  return hash;
}

/** The file with its content encoded once, so sizes and hashes never re-encode a large string. */
export function asBytes(file: BuiltFile): BuiltFile {
  return { path: file.path, data: bytesOf(file.data) };
}

/** The dataset version of an edition: its edition number as SemVer (edition 5 → 5.0.0). */
export function datasetVersion(plan: Plan): string {
  return `${plan.edition.number}.0.0`;
}

/** The zip of an edition, named for the dataset and the edition. */
export function zipName(plan: Plan): string {
  return `${DATASET_NAME}-${plan.edition.id}.zip`;
}

const MEDIA_TYPES: [RegExp, string, string][] = [
  [/\.csv$/, 'text/csv', 'csv'],
  [/\.schema\.json$/, 'application/schema+json', 'json'],
  [/csv-metadata\.json$/, 'application/csvm+json', 'json'],
  [/\.jsonld$/, 'application/ld+json', 'jsonld'],
  [/\.nq$/, 'application/n-quads', 'nq'],
  [/\.ttl$/, 'text/turtle', 'ttl'],
  [/\.json$/, 'application/json', 'json'],
  [/\.zip$/, 'application/zip', 'zip'],
  [/\.md$/, 'text/markdown', 'md'],
  [/\.html$/, 'text/html', 'html'],
];

/** IANA media type and format of a published file, from its name. */
export function mediaTypeOf(path: string): { mediatype: string; format: string } {
  const found = MEDIA_TYPES.find(([pattern]) => pattern.test(path));
  return found ? { mediatype: found[1], format: found[2] } : { mediatype: 'application/octet-stream', format: 'bin' };
}

const DESCRIPTIONS: Record<string, string> = {
  'plan.json': '計画モデル（JSON Schema: plan.schema.json）',
  'plan.jsonld': '計画のJSON-LD（名前付きグラフ）',
  'plan.nq': '計画のRDF（N-Quads）',
  'quality.json': 'データ品質レポート',
  'coverage.json': '原資料の行の対応状況',
  'csv-metadata.json': 'CSVのCSVWメタデータ',
};

/**
 * The Frictionless Data Package (v2) descriptor of one edition. `files` are the edition's files
 * (paths relative to the edition folder) other than the descriptor and the zip; `created` is the
 * build's fixed clock.
 */
export function toDataPackage(plan: Plan, tables: readonly CsvTable[], files: readonly BuiltFile[], created: string): object {
  const e = plan.edition;
  const table = new Map(tables.map((t) => [`csv/${t.name}.csv`, t]));
  const resources = [...files]
    .filter((f) => !f.path.endsWith('.schema.json'))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => {
      const csv = table.get(file.path);
      const { mediatype, format } = mediaTypeOf(file.path);
      const base = file.path.split('/').pop()!;
      return {
        name: file.path.replace(/\.[^.]+$/, '').replace(/[^a-z0-9._-]/gi, '-').toLowerCase(),
        path: file.path,
        title: csv ? csv.title : DESCRIPTIONS[base] ?? base,
        ...(csv ? { description: `${csv.description} / ${csv.titleEn}` } : {}),
        format,
        mediatype,
        encoding: 'utf-8',
        bytes: bytesOf(file.data).length,
        hash: `sha256:${sha256(file.data)}`,
        ...(csv
          ? {
              type: 'table',
              // The CSVs start with a UTF-8 byte order mark (for Excel on Japanese Windows).
              byteOrderMark: CSV_DIALECT.bom,
              dialect: {
                $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json',
                header: true,
                delimiter: CSV_DIALECT.delimiter,
                lineTerminator: CSV_DIALECT.lineTerminator,
                quoteChar: CSV_DIALECT.quoteChar,
                doubleQuote: CSV_DIALECT.doubleQuote,
              },
              schema: toTableSchema(csv),
            }
          : {}),
      };
    });
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: DATASET_NAME,
    id: `${e.baseIri}edition/${e.id}`,
    title: `${e.title}（第${e.number}版）`,
    description:
      `${e.municipality.name}のICT計画（${fiscalYearLabel(e.planPeriod.startFiscalYear)}から${fiscalYearLabel(e.planPeriod.endFiscalYear)}まで）の個別事業一覧・個別事業シート・改訂履歴をオープンデータにしたもの。` +
      `第${e.number}版${e.revisionDate ? `（${e.revisionDate}改訂）` : '（原版）'}。CSVはUTF-8（BOM付き）、改行CRLF。`,
    homepage: e.baseIri,
    version: datasetVersion(plan),
    created,
    keywords: ['ICT', 'DX', '計画', '個別事業', '評価指標', e.municipality.name],
    licenses: [{ name: e.license.id, path: e.license.url, title: e.license.name }],
    contributors: [{ title: publisherName(e.municipality.name), roles: ['publisher'] }],
    sources: [{ title: e.source.fileName, hash: `sha256:${e.source.sha256}` } as object],
    attribution: e.license.attribution,
    resources,
  };
}

/**
 * A reproducible zip: entries sorted by path, one fixed timestamp and mode, no absolute paths, and
 * stored without compression — deflate output depends on the platform's zlib (Node's build of it
 * may choose differently on different CPUs), stored bytes do not, so every machine makes the same zip.
 */
export async function toZip(files: readonly BuiltFile[], timestamp: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const archive = new ZipArchive({ store: true });
  const written = new Promise<void>((resolve, reject) => {
    archive.on('error', reject);
    archive.pipe(
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
        final(callback) {
          resolve();
          callback();
        },
      }),
    );
  });
  // archiver writes the DOS time from the date's UTC fields, so the zip does not depend on the time zone.
  const date = new Date(timestamp);
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (file.path.startsWith('/') || file.path.split('/').includes('..')) throw new Error(`Refusing a zip entry outside the package: ${file.path}`);
    archive.append(Buffer.from(bytesOf(file.data)), { name: file.path, date, mode: 0o644 });
  }
  await archive.finalize();
  await written;
  return new Uint8Array(Buffer.concat(chunks));
}

/** `SHA256SUMS` in the format of `sha256sum`: one `<hash>  <path>` line per file, sorted by path. */
export function toSha256Sums(files: readonly BuiltFile[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${sha256(f.data)}  ${f.path}\n`)
    .join('');
}
