/**
 * Stage: an edition's files → a verifiable dataset version. Makes the Frictionless Data Package (v2)
 * descriptor (`datapackage.json`) with the bytes and SHA-256 of every file, a byte-for-byte
 * reproducible zip of the edition (sorted entries, one fixed timestamp, relative paths), and the
 * `SHA256SUMS` list of every published file.
 */
import { mediaTypeOf, outputKindOf, PLAN_SCHEMA_PATH } from './outputManifest.js';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { publisherName } from '../read/parseEditionMeta.js';
import type { Plan } from '../model/plan.js';
import { editionTitle, fiscalYearLabel } from '../common/text.js';
import { toDosDateTime } from '../common/zipTime.js';
import type { CsvTableDescription } from '../outputs/csv/toCsvTables.js';
import { toTableSchema } from '../outputs/csv/toCsvMetadata.js';
import { CSV_DIALECT } from '../outputs/csv/toCsvText.js';

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

/**
 * A published file as the later stages see it: its path and the facts the descriptor, the pages,
 * the catalog, CKAN, the zip and SHA256SUMS need — measured once, while it was written.
 */
export interface PublishedFile {
  path: string;
  bytes: number;
  /** SHA-256, hexadecimal. */
  sha256: string;
  /** CRC-32 (the zip's checksum). */
  crc32: number;
}

/** The published facts of an in-memory file. */
export function describeFile(file: BuiltFile): PublishedFile {
  const data = bytesOf(file.data);
  return { path: file.path, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), crc32: crc32(data) };
}

/** The dataset version of an edition: its edition number as SemVer (edition 5 → 5.0.0). */
export function datasetVersion(plan: Plan): string {
  return `${plan.edition.number}.0.0`;
}

/** The zip of an edition, named for the dataset and the edition. */
export function zipName(plan: Plan): string {
  return `${DATASET_NAME}-${plan.edition.id}.zip`;
}

/**
 * The resource names of an edition's files, unique in the package (the Data Package standard
 * requires it): a CSV is named by its table, the name its Table Schema's foreign keys give it
 * (`indicators`); any other file by its path without the extension, and where two files share that
 * (`plan.json`, `plan.jsonld`, `plan.nq`) each with its extension (`plan-json`, `plan-jsonld`, `plan-nq`).
 */
export function toResourceNames(paths: readonly string[], tables: readonly CsvTableDescription[]): Map<string, string> {
  const table = new Map(tables.map((t) => [`csv/${t.name}.csv`, t.name]));
  const stem = (path: string) => path.replace(/\.[^./]+$/, '').replace(/[^a-z0-9._-]/gi, '-').toLowerCase();
  const sharing = new Map<string, number>();
  for (const path of paths) if (!table.has(path)) sharing.set(stem(path), (sharing.get(stem(path)) ?? 0) + 1);
  const names = new Map(
    paths.map((path) => {
      const name = table.get(path) ?? (sharing.get(stem(path))! > 1 ? `${stem(path)}-${path.slice(path.lastIndexOf('.') + 1)}` : stem(path));
      return [path, name.toLowerCase()] as const;
    }),
  );
  const seen = new Map<string, string>();
  for (const [path, name] of names) {
    // A file named like a table (or two files like each other) would make the foreign keys ambiguous.
    if (seen.has(name)) throw new Error(`Two resources of the data package would be named ${name}: ${seen.get(name)} and ${path}`);
    seen.set(name, path);
  }
  return names;
}

/**
 * The Frictionless Data Package (v2) descriptor of one edition. `files` are the edition's files
 * (paths relative to the edition folder) other than the descriptor and the zip; `created` is the
 * build's fixed clock. Every file is a resource except the CSVs' Table Schema files, whose content
 * is each CSV resource's `schema`.
 */
export function toDataPackage(plan: Plan, tables: readonly CsvTableDescription[], files: readonly PublishedFile[], created: string): object {
  const e = plan.edition;
  const table = new Map(tables.map((t) => [`csv/${t.name}.csv`, t]));
  const listed = [...files].filter((f) => !/^csv\/[^/]+\.schema\.json$/.test(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  const names = toResourceNames(
    listed.map((f) => f.path),
    tables,
  );
  const hasPlanSchema = files.some((f) => f.path === PLAN_SCHEMA_PATH);
  const resources = listed.map((file) => {
    const csv = table.get(file.path);
    const { mediatype, format } = mediaTypeOf(file.path);
    const base = file.path.split('/').pop()!;
    return {
      name: names.get(file.path)!,
      path: file.path,
      title: csv ? csv.title : outputKindOf(file.path)?.description ?? base,
      ...(csv ? { description: `${csv.description} / ${csv.titleEn}` } : {}),
      format,
      mediatype,
      // A text file's encoding; the workbook is binary (its XML parts are UTF-8 inside the zip).
      ...(format === 'xlsx' ? {} : { encoding: 'utf-8' }),
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
      // plan.json's JSON Schema, by its path in the package. Data Package v2 has no property for the
      // schema of a JSON resource (`schema` is a Table Schema, which a Frictionless tool would try to
      // read as one); `jsonSchema` is the name v2 gives a JSON Schema elsewhere (a field's constraint).
      ...(file.path === 'plan.json' && hasPlanSchema ? { jsonSchema: PLAN_SCHEMA_PATH } : {}),
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
    title: editionTitle(e),
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

/** A file to put in a zip: its published facts and a way to read its bytes again. */
export interface ZipEntrySource extends PublishedFile {
  read(): AsyncIterable<Uint8Array>;
}

const ZIP32_LIMIT = 0xffffffff;

/**
 * A reproducible zip, written as a stream: entries sorted by path, one fixed timestamp and mode, no
 * absolute paths, and stored without compression — deflate output depends on the platform's zlib
 * (Node's build of it may choose differently on different CPUs), stored bytes do not, so every
 * machine makes the same zip. Sizes and CRC-32s are known before each entry (from when the file was
 * written), so every local header carries them and no data descriptors are needed: the bytes are
 * those archiver writes for in-memory entries (a test compares them; for clocks in 1980–2043, the
 * years archiver's own clamp keeps), and readers that stream stored
 * entries (Java's ZipInputStream) can read it. Sizes or offsets past 4 GiB use Zip64 records.
 * `zip64Limit` exists so tests can exercise Zip64 with small files.
 */
export async function* toZipChunks(entries: readonly ZipEntrySource[], timestamp: string, zip64Limit = ZIP32_LIMIT): AsyncGenerator<Uint8Array> {
  const { dosDate, dosTime } = toDosDateTime(timestamp);
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of sorted) {
    if (entry.path.startsWith('/') || entry.path.split('/').includes('..')) throw new Error(`Refusing a zip entry outside the package: ${entry.path}`);
    const name = Buffer.from(entry.path, 'utf8');
    // Bit 11: the name is UTF-8 (only set when it is not ASCII, as archiver does).
    const flags = name.length === entry.path.length ? 0 : 0x0800;
    const big = entry.bytes >= zip64Limit;
    const farOffset = offset >= zip64Limit;
    const version = big || farOffset ? 45 : 10;
    const fields = { version, flags, dosTime, dosDate, crc32: entry.crc32, size: big ? ZIP32_LIMIT : entry.bytes, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const localExtra = big ? zip64Extra([entry.bytes, entry.bytes]) : Buffer.alloc(0);
    writeEntryFields(local, 4, { ...fields, extraLength: localExtra.length });
    yield Buffer.concat([local, name, localExtra]);
    let written = 0;
    for await (const chunk of entry.read()) {
      written += chunk.length;
      yield chunk;
    }
    if (written !== entry.bytes) throw new Error(`Expected ${entry.bytes} bytes of ${entry.path} for the zip, read ${written}`);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    // Made by: Unix (3), spec version 4.5; the Unix mode sits in the external attributes.
    record.writeUInt16LE((3 << 8) | 45, 4);
    const centralExtra = big || farOffset ? zip64Extra([...(big ? [entry.bytes, entry.bytes] : []), ...(farOffset ? [offset] : [])]) : Buffer.alloc(0);
    writeEntryFields(record, 6, { ...fields, extraLength: centralExtra.length });
    // External attributes: regular file, mode 0644, and the MS-DOS archive bit.
    record.writeUInt32LE(((0o100644 << 16) | 0x20) >>> 0, 38);
    record.writeUInt32LE(farOffset ? ZIP32_LIMIT : offset, 42);
    central.push(Buffer.concat([record, name, centralExtra]));
    offset += local.length + name.length + localExtra.length + entry.bytes;
  }
  const directory = Buffer.concat(central);
  const directoryOffset = offset;
  const zip64 = sorted.length >= 0xffff || directory.length >= zip64Limit || directoryOffset >= zip64Limit;
  const end: Buffer[] = [directory];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE((3 << 8) | 45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(sorted.length), 24);
    record.writeBigUInt64LE(BigInt(sorted.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(directoryOffset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    end.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(sorted.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(sorted.length, 0xffff), 10);
  eocd.writeUInt32LE(Math.min(directory.length, ZIP32_LIMIT), 12);
  eocd.writeUInt32LE(zip64 ? ZIP32_LIMIT : directoryOffset, 16);
  end.push(eocd);
  yield Buffer.concat(end);
}

/**
 * The fields a local header and a central-directory record share, from "version needed" to the
 * extra field's length (method 0, stored; both sizes equal).
 */
function writeEntryFields(
  buffer: Buffer,
  at: number,
  f: { version: number; flags: number; dosTime: number; dosDate: number; crc32: number; size: number; nameLength: number; extraLength: number },
): void {
  buffer.writeUInt16LE(f.version, at);
  buffer.writeUInt16LE(f.flags, at + 2);
  buffer.writeUInt16LE(0, at + 4);
  buffer.writeUInt16LE(f.dosTime, at + 6);
  buffer.writeUInt16LE(f.dosDate, at + 8);
  buffer.writeUInt32LE(f.crc32 >>> 0, at + 10);
  buffer.writeUInt32LE(f.size, at + 14);
  buffer.writeUInt32LE(f.size, at + 18);
  buffer.writeUInt16LE(f.nameLength, at + 22);
  buffer.writeUInt16LE(f.extraLength, at + 24);
}

/** A Zip64 extended-information extra field holding the given 8-byte values. */
function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

/** `SHA256SUMS` in the format of `sha256sum`: one `<hash>  <path>` line per file, sorted by path. */
export function toSha256Sums(files: readonly PublishedFile[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}
