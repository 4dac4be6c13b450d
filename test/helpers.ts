/** Shared test helpers: source lines from literal text, and the real seed editions. */
import { existsSync, readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { SourceLine } from '../pipeline/read/document.js';
import { installCommand } from './setup/systemPackages.js';

/** Numbered source lines from literal lines (trailing spaces significant). */
export function sourceLines(...texts: string[]): SourceLine[] {
  return texts.map((text, i) => ({ line: i + 1, text }));
}

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The real seed editions: folder id → text file name. */
export const SEEDS = { '2021': '002_85c4f7d9f38b493a.txt', '2025-03': '000_5b993dc6e4c545ce.txt' } as const;

/** Bytes of a seed edition's text. */
export function seedBytes(id: keyof typeof SEEDS): Uint8Array {
  return new Uint8Array(readFileSync(`${ROOT}seeds/${id}/${SEEDS[id]}`));
}

/** The text of a seed edition's edition.json. */
export function seedMeta(id: keyof typeof SEEDS): string {
  return readFileSync(`${ROOT}seeds/${id}/edition.json`, 'utf8');
}

/** The text of a seed edition's review file (`review.json`), or null when it has none. */
export function seedReview(id: keyof typeof SEEDS): string | null {
  return existsSync(`${ROOT}seeds/${id}/review.json`) ? readFileSync(`${ROOT}seeds/${id}/review.json`, 'utf8') : null;
}

import type { BuildResult } from '../pipeline/build.js';
import { memoryEffects } from '../pipeline/io/effects.js';

/**
 * An in-memory seeds folder (`in/`) with both real editions and their review files, plus extra files
 * (which replace a seed's own; `null` leaves a file out, e.g. a review file).
 */
export function seedsInMemory(extra: Record<string, string | Uint8Array | null> = {}) {
  const files: Record<string, string | Uint8Array> = {};
  for (const id of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
    files[`in/${id}/${SEEDS[id]}`] = seedBytes(id);
    files[`in/${id}/edition.json`] = seedMeta(id);
    const review = seedReview(id);
    if (review !== null) files[`in/${id}/review.json`] = review;
  }
  for (const [path, data] of Object.entries(extra)) {
    if (data === null) delete files[path];
    else files[path] = data;
  }
  return memoryEffects(files);
}

/** Both real editions built in memory: the build's result and every file (`in/` the seeds, `out/` the outputs). */
export interface BuiltSeeds {
  result: BuildResult;
  files: Map<string, Uint8Array>;
}

/** Builds both real editions in memory into `out/` (the global setup does it once for the whole run: `builtSeeds`). */
export async function buildSeedsInMemory(): Promise<BuiltSeeds> {
  // Imported when needed: the build loads the whole pipeline, which most test files never use.
  const { buildEditions } = await import('../pipeline/build.js');
  const effects = seedsInMemory();
  const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
  if (!result.ok) throw new Error('the seeds did not build');
  return { result, files: effects.files };
}

let serialized: Buffer | null = null;

/**
 * Both real editions built once for the whole test run by the global setup
 * (`test/setup/builtSeeds.ts`), shared by the tests that read outputs. Each call gives a fresh copy
 * (a few milliseconds), so no test sees what another changed, whichever file ran before it.
 */
export async function builtSeeds(): Promise<BuiltSeeds> {
  if (!serialized) {
    // Imported here, not at the top: the benchmark imports these helpers outside vitest.
    const { inject } = await import('vitest');
    const file = inject('builtSeedsFile');
    if (!file) throw new Error('No shared build of the seeds: run the tests with vitest.config.ts (its globalSetup builds them)');
    serialized = readFileSync(file);
  }
  return deserialize(serialized) as BuiltSeeds;
}

/**
 * Fails, naming the packages and the command that installs them, when any of these Debian packages
 * is missing (the global setup checked them: test/setup/systemPackages.ts). Tests that need a system
 * tool call it first, so they fail clearly instead of skipping or failing on a missing command.
 */
export async function requireSystemPackages(...packages: string[]): Promise<void> {
  const { inject } = await import('vitest');
  const missing = packages.filter((name) => (inject('missingSystemPackages') ?? []).includes(name));
  if (missing.length > 0) {
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. \`npm test\` installs them when run as root; otherwise run as root: ${installCommand(missing)}`);
  }
}

/** The text of a file the in-memory build wrote, by its path under `out/`. */
export async function builtText(path: string): Promise<string> {
  const { files } = await builtSeeds();
  const bytes = files.get(`out/${path}`);
  if (!bytes) throw new Error(`the build wrote no out/${path}`);
  // Keep a byte order mark: tests check it is there.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The fixed clock of test builds. */
export const TEST_DATE = '2025-04-01T00:00:00Z';

import { createHash } from 'node:crypto';
import yauzl from 'yauzl';

/** One entry of a zip: name, content, and the raw entry (dates, attributes, method). */
export interface ZipEntry {
  name: string;
  data: Buffer;
  entry: yauzl.Entry;
}

/** Reads every entry of a zip, in stored order. */
export function readZip(bytes: Uint8Array): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: ZipEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks), entry });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

/** The entries of a zip (name, raw DOS date/time, mode, size, method, SHA-256), one per line: a reviewable text form. */
export async function zipManifest(bytes: Uint8Array): Promise<string> {
  const lines = (await readZip(bytes)).map(({ name, data, entry }) => {
    const mode = ((entry.externalFileAttributes >>> 16) & 0o777).toString(8);
    // The raw DOS date and time fields: what the zip holds, whatever the reader's time zone.
    return `${name} dos:${entry.lastModFileDate}/${entry.lastModFileTime} ${mode} ${entry.uncompressedSize} ${entry.compressionMethod === 0 ? 'stored' : 'deflated'} ${createHash('sha256').update(data).digest('hex')}`;
  });
  return `${lines.join('\n')}\n`;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a seeds folder holding one synthetic edition: the 2025-03 text with its sheets replicated
 * `factor` times (sheet numbers made unique), for benchmarks and for tests that need a large build.
 */
export function writeSyntheticSeeds(factor: number, dir: string): string {
  const text = new TextDecoder().decode(seedBytes('2025-03'));
  const lines = text.split('\n');
  const first = lines.findIndex((l) => /^\s*基本方針[０-９0-9]+\s*$/.test(l));
  const revisions = lines.findIndex((l) => /【改訂履歴】/.test(l));
  const body = lines.slice(first, revisions);
  const out = lines.slice(0, first);
  for (let k = 0; k < factor; k++) {
    out.push(
      ...body.map((l) =>
        l.replace(/(番号\s+[０-９0-9]+\s*[－ー-]\s*[０-９0-9]+\s*[－ー-]\s*[（(])\s*([０-９0-9]+)\s*([）)])/, (_m, a: string, n: string, b: string) => `${a}${Number(n.normalize('NFKC')) + k * 100}${b}`),
      ),
    );
  }
  out.push(...lines.slice(revisions));
  const id = `x${factor}`;
  mkdirSync(join(dir, id), { recursive: true });
  writeFileSync(join(dir, id, 'synthetic.txt'), out.join('\n'));
  writeFileSync(join(dir, id, 'edition.json'), seedMeta('2025-03').replace('"2025-03"', `"${id}"`));
  return dir;
}

import type { Effects } from '../pipeline/io/effects.js';
import type { BuiltFile } from '../pipeline/publish/toPackage.js';

/** The zip of in-memory files: the pipeline's streamed zip (`toZipChunks`) collected. */
export async function toZip(files: readonly BuiltFile[], timestamp: string): Promise<Uint8Array> {
  const { bytesOf, describeFile, toZipChunks } = await import('../pipeline/publish/toPackage.js');
  const entries = files.map((file) => {
    const data = bytesOf(file.data);
    return { ...describeFile(file), read: async function* () { yield data; } };
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of toZipChunks(entries, timestamp)) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Writes in-memory files as a whole output folder, through the build's own swap (`startBuilding`, `finishBuilding`). */
export async function writeAtomically(effects: Effects, outDir: string, files: readonly BuiltFile[]): Promise<void> {
  const { finishBuilding, startBuilding } = await import('../pipeline/io/outputFolder.js');
  const building = await startBuilding(effects, outDir);
  for (const file of files) await effects.writeFile(`${building}/${file.path}`, file.data);
  await finishBuilding(effects, outDir);
}

import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/**
 * A validator for one of the official Frictionless v2 profiles in ../shared/reference (`tableschema.json` …).
 * The profiles use `propertyOrder`, which strict ajv rejects (reference/SOURCES.md), so not strict.
 */
export function frictionlessValidator(profile: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL(`../../shared/reference/frictionless-v2/${profile}`, import.meta.url), 'utf8')));
}
