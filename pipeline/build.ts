/**
 * The orchestrator. Builds every edition folder under the seeds folder into the output folder, in
 * these stages, per edition:
 *
 *  1. `fromEditionFolder`  — read `edition.json` and the edition text (through `Effects`)
 *  2. `toSourceText`       — bytes → numbered lines, SHA-256, encoding facts
 *  3. `parsePlanDocument`  — lines → positioned syntax tree (`PlanDocument`), line roles
 *  4. `toPlan`             — syntax tree → plan model (`Plan`) and its source map
 *  5. `validatePlan`       — JSON Schema validation, errors mapped to source lines
 *  6. `toCsvTables`        — plan → citizen tables (checked cell by cell by `checkCsvTables`)
 *  7. `toJsonLd`           — plan → JSON-LD; `toPlanNQuads` writes its N-Quads, refusing anything unmapped
 *  8. `checkQuality`       — consistency checks and line coverage over all of the above (`QualityReport`)
 *  9. `toEditionOutputs`   — the files of the edition (with `toCsvText`, `toTableSchema`, `toCsvwMetadata`)
 *
 * and once for all editions (`toPublication`): the JSON-LD context and vocabulary, each edition's
 * Data Package descriptor and zip (`toDataPackage`, `toZip`), the CKAN package descriptions
 * (`toCkanPackage`), the changelog between consecutive editions (`diffPlans`), the DCAT catalog
 * (`toCatalog`), the portal pages (`toPortalPage`) and `SHA256SUMS` over everything.
 * Outputs are written only when no edition has an error, into `<out>.building`, then swapped in for
 * the previous output (`writeAtomically`), so a bad or interrupted build never replaces or mixes with
 * what was published before. All reads and writes go through `Effects`.
 */
import { diagnose, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import type { Effects } from './effects.js';
import { parseEditionMeta } from './parseEditionMeta.js';
import { parsePlanDocument } from './parsePlanDocument.js';
import type { EditionMeta, Plan } from './plan.js';
import { checkQuality, type QualityReport } from './checkQuality.js';
import { checkCsvTables, toCsvTables } from './toCsvTables.js';
import { toCsvText } from './toCsvText.js';
import { toCsvwMetadata, toTableSchema } from './toCsvMetadata.js';
import { toJsonLd } from './toJsonLd.js';
import { toPlanNQuads } from './toRdf.js';
import { toPlan } from './toPlan.js';
import { toSourceText } from './toSourceText.js';
import { asBytes, toDataPackage, toSha256Sums, toZip, zipName, type BuiltFile } from './toPackage.js';
import { toCatalog, toCatalogTurtle } from './toCatalog.js';
import { diffPlans } from './diffPlans.js';
import { toChangelogFiles } from './toChangelogFiles.js';
import { toCkanPackage } from './toCkanPackage.js';
import { toPortalPage } from './toSite.js';
import { validatePlan } from './validatePlan.js';
import { JSONLD_CONTEXT, toVocabularyDocument } from './vocabulary.js';

/** One edition folder read from disk: its metadata and the bytes of its text. */
export interface EditionInput {
  folder: string;
  meta: EditionMeta;
  textFile: string;
  /** The text's path as given to the build (`seeds/2021/….txt`), for messages. */
  textPath: string;
  bytes: Uint8Array;
}

/** A file the build produces, relative to the output folder. */
export type OutputFile = BuiltFile;

/** What the build made of one edition folder. */
export interface EditionBuild {
  folder: string;
  id: string | null;
  plan: Plan | null;
  quality: QualityReport | null;
  diagnostics: Diagnostic[];
  outputs: OutputFile[];
}

/** The result of a whole build. */
export interface BuildResult {
  ok: boolean;
  editions: EditionBuild[];
  /** Paths written (empty when the build failed). */
  written: string[];
  /** Every published file, paths relative to the output folder (empty when the build failed). */
  files: BuiltFile[];
  diagnostics: Diagnostic[];
}

/** A stage finished: for progress lines and per-stage timing (never part of the outputs). */
export interface ProgressEvent {
  edition: string | null;
  stage: string;
  ms: number;
}

/** Receives progress events. */
export type ProgressListener = (event: ProgressEvent) => void;

/** Times `work` as one stage of `edition` and reports it. */
function timed<T>(listener: ProgressListener | undefined, edition: string | null, stage: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  if (result instanceof Promise) {
    return result.then((value) => {
      listener?.({ edition, stage, ms: performance.now() - start });
      return value;
    }) as T;
  }
  listener?.({ edition, stage, ms: performance.now() - start });
  return result;
}

/** Options of `buildEditions`. */
export interface BuildOptions {
  seedsDir: string;
  outDir: string;
  effects: Effects;
  /** The build's fixed clock (ISO date-time): package `created`, zip timestamps. */
  buildDate: string;
  /** False to check without writing anything (the `validate` command). Default true. */
  write?: boolean;
  onProgress?: ProgressListener;
}

function join(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

/** Serialises JSON the same way every time: two-space indent, final line end. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Stage 1: reads one edition folder (`edition.json` and its single `.txt`). */
export async function fromEditionFolder(
  effects: Effects,
  seedsDir: string,
  folder: string,
): Promise<{ ok: true; input: EditionInput } | { ok: false; diagnostics: Diagnostic[] }> {
  const metaPath = join(seedsDir, folder, 'edition.json');
  const metaBytes = await effects.readFile(metaPath);
  if (!metaBytes) {
    return { ok: false, diagnostics: [diagnose('meta/missing', `Expected ${metaPath} with the edition's metadata, found none`, { file: metaPath })] };
  }
  const meta = parseEditionMeta(new TextDecoder().decode(metaBytes), metaPath, folder);
  if (!meta.ok) return { ok: false, diagnostics: meta.diagnostics };
  const entries = (await effects.listDirectory(join(seedsDir, folder))) ?? [];
  const texts = entries.filter((e) => !e.isDirectory && e.name.endsWith('.txt')).map((e) => e.name).sort();
  if (texts.length !== 1) {
    return {
      ok: false,
      diagnostics: [
        diagnose('meta/no-text', `Expected one .txt edition text in ${join(seedsDir, folder)}, found ${texts.length}`, { file: metaPath }),
      ],
    };
  }
  const textFile = texts[0]!;
  const bytes = (await effects.readFile(join(seedsDir, folder, textFile)))!;
  return { ok: true, input: { folder, meta: meta.meta, textFile, textPath: join(seedsDir, folder, textFile), bytes } };
}

/** Stages 2–9 for one edition: no file system. */
export async function buildEdition(input: EditionInput, onProgress?: ProgressListener): Promise<EditionBuild> {
  const stage = <T>(name: string, work: () => T): T => timed(onProgress, input.folder, name, work);
  const failed = (diagnostics: Diagnostic[]): EditionBuild => ({
    folder: input.folder,
    id: input.meta.id,
    plan: null,
    quality: null,
    diagnostics: sortDiagnostics(diagnostics.map((d) => ({ ...d, file: input.textPath }))),
    outputs: [],
  });
  const source = stage('decode', () => toSourceText(input.bytes, input.textFile));
  if (!source.ok) return failed(source.diagnostics);
  const doc = stage('parse', () => parsePlanDocument(source.source));
  const { plan, sourceMap, diagnostics: modelDiagnostics } = stage('model', () => toPlan(doc, input.meta));
  const validation = stage('validate', () => validatePlan(plan, sourceMap, input.textFile));
  const tables = stage('csv', () => toCsvTables(plan));
  const jsonld = stage('jsonld', () => toJsonLd(plan));
  const rdf = stage('rdf', () => toPlanNQuads(jsonld, JSONLD_CONTEXT, `${plan.edition.id}/plan.jsonld`));
  const quality = stage('quality', () =>
    checkQuality(doc, plan, [
      ...source.diagnostics,
      ...doc.diagnostics,
      ...modelDiagnostics,
      ...validation.diagnostics,
      ...checkCsvTables(tables),
      ...rdf.diagnostics,
    ]),
  );
  const id = plan.edition.id;
  const outputs: OutputFile[] = stage('outputs', () =>
    [
      ...toEditionOutputs(plan, quality),
      { path: `${id}/plan.jsonld`, data: toJsonText(jsonld) },
      ...(rdf.nquads === null ? [] : [{ path: `${id}/plan.nq`, data: rdf.nquads }]),
      ...tables.flatMap((table) => [
        { path: `${id}/csv/${table.name}.csv`, data: toCsvText(table) },
        { path: `${id}/csv/${table.name}.schema.json`, data: toJsonText(toTableSchema(table)) },
      ]),
      { path: `${id}/csv/csv-metadata.json`, data: toJsonText(toCsvwMetadata(tables, plan)) },
    ].map(asBytes),
  );
  return {
    folder: input.folder,
    id,
    plan,
    quality,
    // Reports name the text by its path under the seeds folder; the published data by its file name.
    diagnostics: quality.issues.map((d) => (d.file === input.textFile ? { ...d, file: input.textPath } : d)),
    outputs,
  };
}

/** Stage 9: the model and report files of one edition, under `<edition id>/`. */
export function toEditionOutputs(plan: Plan, quality: QualityReport): OutputFile[] {
  const id = plan.edition.id;
  const { coverage, ...report } = quality;
  return [
    { path: `${id}/plan.json`, data: toJsonText(plan) },
    { path: `${id}/quality.json`, data: toJsonText(report) },
    { path: `${id}/coverage.json`, data: toJsonText({ edition: id, sourceFile: quality.sourceFile, ...coverage }) },
  ];
}

/** Files shared by every edition: the JSON-LD context and the vocabulary. */
export function toSharedOutputs(): OutputFile[] {
  return [
    { path: 'context.jsonld', data: toJsonText(JSONLD_CONTEXT) },
    { path: 'vocab.jsonld', data: toJsonText(toVocabularyDocument()) },
  ];
}

/** Builds every edition folder under `seedsDir` and, when none has an error, writes all outputs. */
export async function buildEditions(options: BuildOptions): Promise<BuildResult> {
  const { effects, seedsDir, outDir, buildDate, onProgress } = options;
  const entries = await effects.listDirectory(seedsDir);
  if (!entries) {
    const d = diagnose('meta/missing', `Expected a seeds folder at ${seedsDir}, found none`, { file: seedsDir });
    return { ok: false, editions: [], written: [], files: [], diagnostics: [d] };
  }
  const folders = entries.filter((e) => e.isDirectory).map((e) => e.name).sort();
  const editions: EditionBuild[] = [];
  for (const folder of folders) {
    const read = await timed(onProgress, folder, 'read', () => fromEditionFolder(effects, seedsDir, folder));
    editions.push(
      read.ok ? await buildEdition(read.input, onProgress) : { folder, id: null, plan: null, quality: null, diagnostics: read.diagnostics, outputs: [] },
    );
  }
  const diagnostics = editions.flatMap((e) => e.diagnostics);
  const ids = editions.map((e) => e.id).filter((id): id is string => id !== null);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) diagnostics.push(diagnose('meta/invalid', `Expected unique edition ids, found ${duplicate} twice`, { file: seedsDir }));
  if (folders.length === 0) {
    diagnostics.push(diagnose('meta/missing', `Expected at least one edition folder in ${seedsDir}, found none`, { file: seedsDir }));
  }
  const ok = !hasErrors(diagnostics) && editions.every((e) => e.plan !== null);
  if (!ok) return { ok, editions, written: [], files: [], diagnostics };
  const files = await timed(onProgress, null, 'publication', () => toPublication(editions, buildDate));
  if (options.write === false) return { ok, editions, written: [], files, diagnostics };
  await timed(onProgress, null, 'write', () => writeAtomically(effects, outDir, files));
  return { ok, editions, written: files.map((f) => join(outDir, f.path)), files, diagnostics };
}

/**
 * Writes the output folder so that readers see either the previous one or the complete new one:
 * everything goes into `<out>.building`, then the previous folder is moved aside to `<out>.previous`
 * and the new one renamed into place. A build killed while writing leaves `<out>` untouched; one
 * killed between the two renames is repaired at the start of the next build.
 */
export async function writeAtomically(effects: Effects, outDir: string, files: readonly BuiltFile[]): Promise<void> {
  const building = `${outDir.replace(/\/+$/, '')}.building`;
  const previous = `${outDir.replace(/\/+$/, '')}.previous`;
  if (!(await effects.exists(outDir)) && (await effects.exists(previous))) await effects.rename(previous, outDir);
  await effects.remove(building);
  await effects.remove(previous);
  for (const file of files) await effects.writeFile(join(building, file.path), file.data);
  if (await effects.exists(outDir)) await effects.rename(outDir, previous);
  await effects.rename(building, outDir);
  await effects.remove(previous);
}

/**
 * Everything published, from the built editions: the shared files, each edition's files with its
 * Data Package descriptor and zip, and `SHA256SUMS` over all of them. Sorted by path.
 */
export async function toPublication(editions: readonly EditionBuild[], buildDate: string): Promise<BuiltFile[]> {
  const shared = toSharedOutputs().map(asBytes);
  const files: BuiltFile[] = [...shared];
  const add = (...added: BuiltFile[]) => files.push(...added.map(asBytes));
  const plans = editions.map((e) => e.plan!).sort((a, b) => a.edition.number - b.edition.number);
  const changelogs = plans.slice(1).map((plan, i) => ({ older: plans[i]!, newer: plan, log: diffPlans(plans[i]!, plan) }));
  for (const edition of editions) {
    const plan = edition.plan!;
    const id = plan.edition.id;
    const page = asBytes({
      path: `${id}/index.html`,
      data: toPortalPage({ plans, current: plan, files: edition.outputs, changelogs: changelogs.map((c) => c.log), root: '../' }),
    });
    const inFolder = [...edition.outputs, page].map((f) => ({ path: f.path.slice(id.length + 1), data: f.data }));
    const descriptor = asBytes({ path: 'datapackage.json', data: toJsonText(toDataPackage(plan, toCsvTables(plan), inFolder, buildDate)) });
    // The zip opens offline: the edition's files and page, plus the context and vocabulary they refer to.
    const zip = await toZip([...inFolder, descriptor, ...shared], buildDate);
    add(...edition.outputs, page, { path: `${id}/datapackage.json`, data: descriptor.data }, { path: `${id}/${zipName(plan)}`, data: zip });
  }
  for (const plan of plans) add({ path: `ckan/${plan.edition.id}.json`, data: toJsonText(toCkanPackage(plan, files)) });
  for (const { older, newer, log } of changelogs) add(...toChangelogFiles(log, older, newer));
  const catalog = toCatalog(plans, files);
  add({ path: 'catalog.jsonld', data: toJsonText(catalog) }, { path: 'catalog.ttl', data: await toCatalogTurtle(catalog) });
  const latest = plans.at(-1)!;
  add({ path: 'index.html', data: toPortalPage({ plans, current: latest, files, changelogs: changelogs.map((c) => c.log), root: '' }) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [...files, asBytes({ path: 'SHA256SUMS', data: toSha256Sums(files) })];
}
