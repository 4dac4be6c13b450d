/**
 * The orchestrator. Builds every edition folder under the seeds folder into the output folder.
 * First every edition is checked (`checkEditions`, no output made):
 *
 *  1. `fromEditionFolder`  — read `edition.json`, the edition text and `review.json` if any (through `Effects`)
 *  2. `toSourceText`       — bytes → numbered lines, SHA-256, encoding facts
 *  3. `parsePlanDocument`  — lines → positioned syntax tree (`PlanDocument`), line roles
 *  4. `toPlan`             — syntax tree → plan model (`Plan`) and its source map
 *  5. `validatePlan`       — JSON Schema validation, errors mapped to source lines
 *  6. `checkQuality`       — consistency checks and line coverage (`QualityReport`)
 *
 * then, for the editions in edition-number order, each is compared with the one before it:
 *
 *  7. `diffPlans`          — the changes, each cross-checked against the newer edition's 改訂履歴;
 *     `findUnexplainedChanges` — every change no entry explains is a finding on the newer edition
 *
 * and each edition's review file is applied:
 *
 *  8. `parseReviewFile`, `reviewEdition` — accepted findings become notes, the others stay errors;
 *     stale decisions and a bad review file are reported
 *
 * Only when no edition has an error, and no finding awaits review (unless the build is a draft), are
 * the outputs written, per edition (`writeEdition`):
 *
 *  9. `toCsvTableSpecs`    — plan → citizen tables, one at a time: checked cell by cell
 *                            (`checkCsvTables`), written (`toCsvChunks`) with `toTableSchema`, then
 *                            `toCsvwMetadata` for all
 * 10. `toJsonChunks`       — the plan model as `plan.json`
 * 11. `toJsonLd`           — plan → JSON-LD (`plan.jsonld`); `toPlanNQuadChunks` writes its N-Quads,
 *                            refusing anything unmapped
 * 12. `withIssues`         — the quality report completed with the CSV and RDF findings, written
 *                            with the edition's review (findings, decisions, status)
 *
 * and once for all editions (`toPublication`): the JSON-LD context and vocabulary, each edition's
 * portal page (and project pages when it is large), Data Package descriptor and zip
 * (`toPortalPageChunks`, `toProjectPageChunks`, `toDataPackage`,
 * `toZipChunks`), the CKAN package descriptions (`toCkanPackage`), the changelogs between
 * consecutive editions (`toChangelogFiles`), the DCAT catalog (`toCatalog`), the top page,
 * `draft.json` for a draft, and `SHA256SUMS`. When a check fails, the outputs are still made for
 * their own checks but only measured. Every file is streamed into `<out>.building` as it is made
 * (`folderSink`); only when no edition has an error is it swapped in for the previous output
 * (`startBuilding`, `finishBuilding`), so a bad or interrupted build never replaces or mixes with
 * what was published before. All reads and writes go through `Effects`.
 */
import { diagnose, sortDiagnostics, type Diagnostic, type Position } from './diagnostics.js';
import type { Effects } from './io/effects.js';
import { toJsonChunks, toJsonText } from './outputs/jsonText.js';
import { parseEditionMeta } from './read/parseEditionMeta.js';
import { parsePlanDocument } from './read/parsePlanDocument.js';
import type { PlanDocument } from './read/document.js';
import type { EditionMeta, Plan } from './model/plan.js';
import { checkQuality, withIssues, type QualityReport } from './model/checkQuality.js';
import { checkCsvTables, toCsvTableSpecs, type CsvTableDescription } from './outputs/csv/toCsvTables.js';
import { toCsvChunks } from './outputs/csv/toCsvText.js';
import { toCsvwMetadata, toTableSchema } from './outputs/csv/toCsvMetadata.js';
import { toJsonLd } from './outputs/rdf/toJsonLd.js';
import { toPlanNQuadChunks } from './outputs/rdf/toRdf.js';
import { toPlan } from './model/toPlan.js';
import { toSourceText } from './read/toSourceText.js';
import { toDataPackage, toSha256Sums, toZipChunks, zipName, type BuiltFile, type PublishedFile } from './publish/toPackage.js';
import { toCatalog, toCatalogTurtle } from './publish/toCatalog.js';
import { diffPlans, findUnexplainedChanges, type Changelog } from './model/diffPlans.js';
import { awaitsReview, parseReviewFile, REVIEW_FILE, reviewEdition, reviewFilePath, type ReviewSummary } from './model/reviewEdition.js';
import { toChangelogFiles } from './publish/toChangelogFiles.js';
import { toCkanPackage } from './publish/toCkanPackage.js';
import { toPortalPageChunks } from './site/page.js';
import { toProjectPageChunks, toProjectPages } from './site/projectPages.js';
import { validatePlan } from './model/validatePlan.js';
import { JSONLD_CONTEXT, toVocabularyDocument } from './outputs/rdf/vocabulary.js';
import { folderSink, measuringSink, type Chunks, type OutputSink } from './io/writeOutput.js';
import { append } from './common/arrays.js';

export { toJsonText } from './outputs/jsonText.js';

/** One edition folder read from disk: its metadata and the bytes of its text. */
export interface EditionInput {
  folder: string;
  meta: EditionMeta;
  textFile: string;
  /** The text's path as given to the build (`seeds/2021/….txt`), for messages. */
  textPath: string;
  bytes: Uint8Array;
  /** The bytes of the folder's review file (`review.json`, beside the text), when it has one. */
  review?: Uint8Array | null;
}

/** One edition analysed and reviewed (`checkEditions`), before any output is made. */
export interface EditionCheck {
  folder: string;
  id: string | null;
  input: EditionInput;
  /** Null when the text could not be read into a plan. */
  plan: Plan | null;
  /** The quality report with the findings and the review's decisions in its issues. */
  quality: QualityReport | null;
  /** The changes from the edition before it (by edition number), or null for the first. */
  changelog: Changelog | null;
  /** The edition's findings and their decisions (`reviewEdition`). */
  review: ReviewSummary;
  /** Every diagnostic of the edition after the review, files named by their paths under the seeds folder. */
  diagnostics: Diagnostic[];
}

/** What the build made of one edition folder. */
export interface EditionBuild {
  folder: string;
  id: string | null;
  plan: Plan | null;
  quality: QualityReport | null;
  /** The edition's review: its findings and their decisions (null when the folder could not be read). */
  review: ReviewSummary | null;
  /** The changes from the edition before it, or null. */
  changelog: Changelog | null;
  /** The CSV tables' descriptions (their rows are written and dropped). */
  tables: CsvTableDescription[];
  diagnostics: Diagnostic[];
  /** The edition's files as written (or only measured), paths relative to the output folder. */
  outputs: PublishedFile[];
}

/** The result of a whole build. */
export interface BuildResult {
  ok: boolean;
  editions: EditionBuild[];
  /** Paths written (empty when the build failed). */
  written: string[];
  /** Every published file, paths relative to the output folder (empty when the build failed or nothing was written). */
  files: PublishedFile[];
  diagnostics: Diagnostic[];
  /** True when the output was written as an unreviewed draft (`draft` option, findings awaiting review). */
  draft: boolean;
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
  /**
   * True to write every output although findings await review (`build --draft`), marked as an
   * unreviewed draft (summary, quality reports, pages, `draft.json`, which `publish` refuses).
   * Never when there are other errors, rejected findings included. Default false.
   */
  draft?: boolean;
  onProgress?: ProgressListener;
}

function join(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

/** Stage 1: reads one edition folder (`edition.json`, its single `.txt`, and `review.json` when there is one). */
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
  const review = await effects.readFile(join(seedsDir, folder, REVIEW_FILE));
  return { ok: true, input: { folder, meta: meta.meta, textFile, textPath: join(seedsDir, folder, textFile), bytes, review } };
}

/**
 * The analysis of every edition, up to and including the review, with no output made: per edition
 * its plan and final diagnostics. Each edition is analysed (stages 2–6), then, in edition-number
 * order, compared with the edition before it (`diffPlans`): every change no 改訂履歴 entry explains
 * is a finding on the newer edition (`findUnexplainedChanges`); then each edition's review file is
 * applied (`reviewEdition`). Pure and fast (no CSV, JSON-LD or file): the build uses it, and a
 * mutation-test harness calls it thousands of times.
 */
export function checkEditions(inputs: readonly EditionInput[], onProgress?: ProgressListener): EditionCheck[] {
  const analysed = inputs.map((input) => {
    const stage: Stage = (name, work) => timed(onProgress, input.folder, name, work);
    return { input, stage, result: analyseEdition(input, stage) };
  });
  const withPlans = analysed
    .flatMap((a) => (a.result.ok ? [{ ...a, plan: a.result.plan, sourceMap: a.result.sourceMap }] : []))
    .sort((a, b) => a.plan.edition.number - b.plan.edition.number || a.plan.edition.id.localeCompare(b.plan.edition.id));
  const changelogs = new Map<EditionInput, Changelog>();
  const findings = new Map<EditionInput, Diagnostic[]>();
  withPlans.slice(1).forEach((newer, i) => {
    const older = withPlans[i]!;
    newer.stage('diff', () => {
      const log = diffPlans(older.plan, newer.plan);
      changelogs.set(newer.input, log);
      findings.set(newer.input, findUnexplainedChanges(log, newer.plan, newer.sourceMap));
    });
  });
  return analysed.map(({ input, stage, result }) => {
    const reviewFile = reviewFilePath(input.textPath);
    const edition = input.meta.id;
    const before = result.ok ? [...result.quality.issues, ...(findings.get(input) ?? [])] : result.diagnostics.map((d) => ({ ...d, file: input.textPath }));
    const reviewed = stage('review', () => reviewEdition(before, input.review ? parseReviewFile(input.review, reviewFile, edition) : null, { edition, reviewFile, compared: changelogs.has(input) }));
    // Reports name the text by its path under the seeds folder; the published data by its file name.
    const diagnostics = sortDiagnostics(reviewed.diagnostics.map((d) => (d.file === input.textFile ? { ...d, file: input.textPath } : d)));
    if (!result.ok) return { folder: input.folder, id: edition, input, plan: null, quality: null, changelog: null, review: reviewed.summary, diagnostics };
    const quality = withIssues({ ...result.quality, issues: [], countsByRule: {} }, reviewed.diagnostics);
    return { folder: input.folder, id: edition, input, plan: result.plan, quality, changelog: changelogs.get(input) ?? null, review: reviewed.summary, diagnostics };
  });
}

/**
 * Stages 2–10 for one edition on its own (no earlier edition to compare with): `checkEditions`,
 * then its files to `sink` (`writeEdition`).
 */
export async function buildEdition(input: EditionInput, onProgress?: ProgressListener, sink: OutputSink = measuringSink()): Promise<EditionBuild> {
  return writeEdition(checkEditions([input], onProgress)[0]!, sink, onProgress);
}

/**
 * Stages 7–10 for one checked edition: its files go to `sink` as they are made (the build's sink
 * writes them into `<out>.building`; `validate`'s only measures them), so only the plan model
 * outlives the stage that needs each large intermediate (the tables, the JSON-LD). `draft`: the
 * output is written although findings await review, and says so in `quality.json`.
 */
export async function writeEdition(check: EditionCheck, sink: OutputSink, onProgress?: ProgressListener, draft = false): Promise<EditionBuild> {
  const { input, plan } = check;
  const base = { folder: check.folder, id: check.id, plan, review: check.review, changelog: check.changelog };
  if (!plan || !check.quality) return { ...base, quality: null, tables: [], diagnostics: check.diagnostics, outputs: [] };
  const stage = <T>(name: string, work: () => T): T => timed(onProgress, input.folder, name, work);
  const id = plan.edition.id;
  const later: Diagnostic[] = [];
  const put = (path: string, chunks: Chunks) => sink.write(`${id}/${path}`, chunks);
  const { csvFiles, tables } = await stage('csv', async () => {
    const tables: CsvTableDescription[] = [];
    const csvFiles: PublishedFile[] = [];
    // One table's rows at a time: made, checked, written, dropped.
    for (const { rows, ...description } of toCsvTableSpecs(plan)) {
      const table = { ...description, rows: rows() };
      append(later, checkCsvTables([table]));
      csvFiles.push(await put(`csv/${table.name}.csv`, toCsvChunks(table)), await put(`csv/${table.name}.schema.json`, [toJsonText(toTableSchema(table))]));
      tables.push(description);
    }
    csvFiles.push(await put('csv/csv-metadata.json', [toJsonText(toCsvwMetadata(tables, plan))]));
    return { csvFiles, tables };
  });
  const planFile = await stage('json', () => put('plan.json', toJsonChunks(plan)));
  const { jsonldFile, nqFile, diagnostics: rdfDiagnostics } = await linkedData(plan, put, stage);
  append(later, rdfDiagnostics);
  const quality = withIssues(check.quality, later);
  const { coverage, ...report } = quality;
  // The published report names the review file by its place in the edition folder, never by where
  // the seeds folder happened to be on the machine that built it (the report goes into the zips).
  const local = check.review?.reviewFile;
  const published = `${check.folder}/${REVIEW_FILE}`;
  const inFolder = <T extends { file: string | null }>(d: T): T => (d.file === local ? { ...d, file: published } : d);
  const review = check.review
    ? { ...check.review, reviewFile: published, findings: check.review.findings.map(inFolder), draft: draft && check.review.pending > 0 }
    : null;
  const [qualityFile, coverageFile] = await stage('report', async () => [
    await put('quality.json', [toJsonText({ ...report, issues: report.issues.map(inFolder), review })]),
    await put('coverage.json', [toJsonText({ edition: id, sourceFile: quality.sourceFile, ...coverage })]),
  ]);
  const moreDiagnostics = later.map((d) => (d.file === input.textFile ? { ...d, file: input.textPath } : d));
  return {
    ...base,
    quality,
    tables,
    diagnostics: moreDiagnostics.length ? sortDiagnostics([...check.diagnostics, ...moreDiagnostics]) : check.diagnostics,
    outputs: [planFile!, qualityFile!, coverageFile!, jsonldFile, ...(nqFile ? [nqFile] : []), ...csvFiles],
  };
}

type Stage = <T>(name: string, work: () => T) => T;

/**
 * Stage 9: the JSON-LD and its N-Quads (the JSON-LD document lives only in here). Returns the files
 * and, as data, why the N-Quads could not be made (then `nqFile` is null and nothing lists it).
 */
async function linkedData(
  plan: Plan,
  put: (path: string, chunks: Chunks) => Promise<PublishedFile>,
  stage: Stage,
): Promise<{ jsonldFile: PublishedFile; nqFile: PublishedFile | null; diagnostics: Diagnostic[] }> {
  const { jsonld, jsonldFile } = await stage('jsonld', async () => {
    const jsonld = toJsonLd(plan);
    return { jsonld, jsonldFile: await put('plan.jsonld', toJsonChunks(jsonld)) };
  });
  return stage('rdf', async () => {
    const pieces = toPlanNQuadChunks(jsonld, JSONLD_CONTEXT, `${plan.edition.id}/plan.jsonld`);
    let lossy: Diagnostic[] = [];
    // The sink consumes the pieces; the generator's return value, the stage's outcome, is kept here.
    const file = await put(
      'plan.nq',
      (function* () {
        lossy = yield* pieces;
      })(),
    );
    return { jsonldFile, nqFile: lossy.length === 0 ? file : null, diagnostics: lossy };
  });
}

/**
 * Stages 2–6: text → syntax tree → plan → checks. The syntax tree is large
 * (every line with its roles and positions) and needed by nothing after the quality report, so it
 * lives only inside this function.
 */
function analyseEdition(
  input: EditionInput,
  stage: Stage,
): { ok: true; plan: Plan; sourceMap: ReadonlyMap<string, Position>; quality: QualityReport } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseEdition(input, stage);
  if (!parsed.ok) return parsed;
  const { doc, sourceDiagnostics } = parsed;
  const { plan, sourceMap, diagnostics: modelDiagnostics } = stage('model', () => toPlan(doc, input.meta));
  const validation = stage('validate', () => validatePlan(plan, sourceMap, input.textFile));
  const quality = stage('quality', () => checkQuality(doc, plan, [...sourceDiagnostics, ...doc.diagnostics, ...modelDiagnostics, ...validation.diagnostics]));
  return { ok: true, plan, sourceMap, quality };
}

/** Stages 2 and 3: the decoded lines live only in here (the syntax tree keeps what it needs of them). */
function parseEdition(input: EditionInput, stage: Stage): { ok: true; doc: PlanDocument; sourceDiagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const source = stage('decode', () => toSourceText(input.bytes, input.textFile));
  if (!source.ok) return { ok: false, diagnostics: source.diagnostics };
  return { ok: true, doc: stage('parse', () => parsePlanDocument(source.source)), sourceDiagnostics: source.diagnostics };
}

/** The file a draft build writes at the top of the output folder; `publish` refuses an output that has it. */
export const DRAFT_MARKER = 'draft.json';

/** Files shared by every edition: the JSON-LD context and the vocabulary. */
export function toSharedOutputs(): BuiltFile[] {
  return [
    { path: 'context.jsonld', data: toJsonText(JSONLD_CONTEXT) },
    { path: 'vocab.jsonld', data: toJsonText(toVocabularyDocument()) },
  ];
}

/** Builds every edition folder under `seedsDir` and, when none has an error, publishes all outputs. */
export async function buildEditions(options: BuildOptions): Promise<BuildResult> {
  const { effects, seedsDir, outDir } = options;
  const entries = await effects.listDirectory(seedsDir);
  if (!entries) {
    const d = diagnose('meta/missing', `Expected a seeds folder at ${seedsDir}, found none`, { file: seedsDir });
    return { ok: false, editions: [], written: [], files: [], diagnostics: [d], draft: false };
  }
  const folders = entries.filter((e) => e.isDirectory).map((e) => e.name).sort();
  try {
    return await buildInto(options, folders);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only the file system's own errors become a diagnostic; anything else is a bug and is not hidden.
    if (typeof code !== 'string') throw error;
    const path = (error as NodeJS.ErrnoException).path ?? outDir;
    await effects.remove(siblings(outDir).building).catch(() => {});
    const d = diagnose('fs/error', `Expected to read or write ${path}, found ${code} (${(error as Error).message})`, { file: path });
    return { ok: false, editions: [], written: [], files: [], diagnostics: [d], draft: false };
  }
}

/** `buildEditions` once the edition folders are known: may throw the file system's errors. */
async function buildInto(options: BuildOptions, folders: readonly string[]): Promise<BuildResult> {
  const { effects, seedsDir, outDir, buildDate, onProgress } = options;
  const write = options.write !== false;
  const reads: ({ folder: string; input: EditionInput } | { folder: string; diagnostics: Diagnostic[] })[] = [];
  for (const folder of folders) {
    const read = await timed(onProgress, folder, 'read', () => fromEditionFolder(effects, seedsDir, folder));
    reads.push(read.ok ? { folder, input: read.input } : { folder, diagnostics: read.diagnostics });
  }
  const checks = new Map(checkEditions(reads.flatMap((r) => ('input' in r ? [r.input] : [])), onProgress).map((c) => [c.folder, c]));
  const checked = [...checks.values()];
  const shared: Diagnostic[] = [];
  const ids = checked.map((c) => c.id).filter((id): id is string => id !== null);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) shared.push(diagnose('meta/invalid', `Expected unique edition ids, found ${duplicate} twice`, { file: seedsDir }));
  if (folders.length === 0) shared.push(diagnose('meta/missing', `Expected at least one edition folder in ${seedsDir}, found none`, { file: seedsDir }));
  const pending = checked.reduce((n, c) => n + c.review.pending, 0);
  const blocked = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error' && !awaitsReview(d));
  const complete = reads.every((r) => 'input' in r && checks.get(r.folder)!.plan !== null);
  // Findings awaiting review stop the build, unless it is a draft; any other error stops even a draft.
  const publishable = (diagnostics: readonly Diagnostic[]) => complete && !blocked(diagnostics) && (pending === 0 || options.draft === true);
  const checkedOk = publishable([...reads.flatMap((r) => ('diagnostics' in r ? r.diagnostics : checks.get(r.folder)!.diagnostics)), ...shared]);
  const draft = checkedOk && pending > 0;
  // Nothing is written unless the check passed; otherwise the outputs are still made (measured only), for their own checks.
  const building = write && checkedOk ? await startBuilding(effects, outDir) : null;
  const sink = building ? folderSink(effects, building) : measuringSink();
  const editions: EditionBuild[] = [];
  for (const read of reads) {
    editions.push(
      'input' in read
        ? await writeEdition(checks.get(read.folder)!, sink, onProgress, draft)
        : { folder: read.folder, id: null, plan: null, quality: null, review: null, changelog: null, tables: [], diagnostics: read.diagnostics, outputs: [] },
    );
  }
  const diagnostics = [...editions.flatMap((e) => e.diagnostics), ...shared];
  const ok = publishable(diagnostics);
  if (!ok || !building) {
    // A failed build leaves the published folder as it was: its partial files are thrown away.
    if (building) await effects.remove(building);
    return { ok, editions, written: [], files: [], diagnostics, draft: false };
  }
  const files = await timed(onProgress, null, 'publication', () => toPublication(editions, buildDate, sink, draft));
  await timed(onProgress, null, 'write', () => finishBuilding(effects, outDir));
  return { ok, editions, written: files.map((f) => join(outDir, f.path)), files, diagnostics, draft };
}

/**
 * The output folder is replaced so that readers see either the previous one or the complete new
 * one: everything is written into `<out>.building` (emptied here), then `finishBuilding` moves the
 * previous folder aside to `<out>.previous` and renames the new one into place. A build killed
 * while writing leaves `<out>` untouched; one killed between the two renames is repaired here, at
 * the start of the next build. Returns the folder to write into.
 */
export async function startBuilding(effects: Effects, outDir: string): Promise<string> {
  const { building, previous } = siblings(outDir);
  if (!(await effects.exists(outDir)) && (await effects.exists(previous))) await effects.rename(previous, outDir);
  await effects.remove(building);
  await effects.remove(previous);
  return building;
}

/** Swaps the complete `<out>.building` in for `<out>` (see `startBuilding`). */
export async function finishBuilding(effects: Effects, outDir: string): Promise<void> {
  const { building, previous } = siblings(outDir);
  if (await effects.exists(outDir)) await effects.rename(outDir, previous);
  await effects.rename(building, outDir);
  await effects.remove(previous);
}

function siblings(outDir: string): { building: string; previous: string } {
  const base = outDir.replace(/\/+$/, '');
  return { building: `${base}.building`, previous: `${base}.previous` };
}

/**
 * Everything published besides the editions' own files, written to `sink`: the shared files, each
 * edition's page, Data Package descriptor and zip (which reads the edition's files back), the CKAN
 * package descriptions, the changelogs, the catalog, the top page, and `SHA256SUMS` over all of them.
 * Returns every published file, sorted by path.
 */
export async function toPublication(editions: readonly EditionBuild[], buildDate: string, sink: OutputSink, draft = false): Promise<PublishedFile[]> {
  const shared: PublishedFile[] = [];
  for (const file of toSharedOutputs()) shared.push(await sink.write(file.path, [file.data]));
  const files: PublishedFile[] = [...shared];
  const plans = editions.map((e) => e.plan!).sort((a, b) => a.edition.number - b.edition.number);
  const byId = new Map(editions.map((e) => [e.plan!.edition.id, e]));
  const changelogs = plans.slice(1).map((plan, i) => ({ older: plans[i]!, newer: plan, log: byId.get(plan.edition.id)!.changelog ?? diffPlans(plans[i]!, plan) }));
  // A draft names, on every page and in draft.json, the findings each edition still awaits.
  const unreviewed = new Map(draft ? editions.flatMap((e) => (e.review && e.review.pending > 0 ? [[e.plan!.edition.id, e.review.pending] as const] : [])) : []);
  if (unreviewed.size > 0) {
    const marker = {
      draft: true,
      description: 'An unreviewed draft (build --draft): findings await review, so this output must not be published; publish refuses it.',
      editions: editions.flatMap((e) => (e.review && e.review.pending > 0 ? [{ edition: e.review.edition, pendingFindings: e.review.pending, reviewFile: e.review.reviewFile }] : [])),
    };
    files.push(await sink.write(DRAFT_MARKER, [toJsonText(marker)]));
  }
  for (const edition of editions) {
    const plan = edition.plan!;
    const id = plan.edition.id;
    const page = await sink.write(
      `${id}/index.html`,
      toPortalPageChunks({ plans, current: plan, files: edition.outputs, changelogs: changelogs.map((c) => c.log), root: '../', unreviewed }),
    );
    // A large edition's projects are on project pages of their own (none for the real editions).
    const projectPages = toProjectPages(plan) ?? [];
    const pageFiles: PublishedFile[] = [];
    for (const projectPage of projectPages) pageFiles.push(await sink.write(`${id}/${projectPage.path}`, toProjectPageChunks(plan, projectPage, projectPages, unreviewed)));
    const inFolder = [...edition.outputs, page].map((f) => ({ ...f, path: f.path.slice(id.length + 1) }));
    const descriptor = await sink.write(`${id}/datapackage.json`, [toJsonText(toDataPackage(plan, edition.tables, inFolder, buildDate))]);
    // The zip opens offline: the edition's files and pages, plus the context and vocabulary they refer to.
    const inZip = [...inFolder, ...pageFiles.map((f) => ({ ...f, path: f.path.slice(id.length + 1) })), { ...descriptor, path: 'datapackage.json' }];
    const entries = [...inZip.map((f) => ({ ...f, read: () => sink.read(`${id}/${f.path}`) })), ...shared.map((f) => ({ ...f, read: () => sink.read(f.path) }))];
    const zip = await sink.write(`${id}/${zipName(plan)}`, toZipChunks(entries, buildDate));
    files.push(...edition.outputs, page, ...pageFiles, descriptor, zip);
  }
  for (const plan of plans) files.push(await sink.write(`ckan/${plan.edition.id}.json`, [toJsonText(toCkanPackage(plan, files))]));
  for (const { older, newer, log } of changelogs) {
    for (const file of toChangelogFiles(log, older, newer)) files.push(await sink.write(file.path, [file.data]));
  }
  const catalog = toCatalog(plans, files);
  files.push(await sink.write('catalog.jsonld', [toJsonText(catalog)]), await sink.write('catalog.ttl', [await toCatalogTurtle(catalog)]));
  const latest = plans.at(-1)!;
  files.push(await sink.write('index.html', toPortalPageChunks({ plans, current: latest, files, changelogs: changelogs.map((c) => c.log), root: '', unreviewed })));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [...files, await sink.write('SHA256SUMS', [toSha256Sums(files)])];
}
