/**
 * The orchestrator: builds every edition folder under the seeds folder into the output folder, stage
 * by stage. The stages, by the names the timing labels, the file headers and the README use:
 *
 *   per edition, checked before anything is written (`checkEditions`):
 *    read        io/editionFolder       edition.json, the text and review.json, through `Effects`
 *    decode      read/toSourceText      bytes → numbered lines, SHA-256, encoding facts
 *    parse       read/parsePlanDocument lines → positioned syntax tree (`PlanDocument`), each table row proving its reading
 *    model       model/toPlan           syntax tree → plan model (`Plan`) and its source map
 *    validate    model/validatePlan     JSON Schema, errors mapped to source lines
 *    quality     model/checkQuality     consistency checks and line coverage (`QualityReport`)
 *    diff        model/diffPlans        the changes from the edition before, each explained by a 改訂履歴 entry or a finding
 *    review      model/reviewEdition    the review file's decisions applied to the findings
 *   per edition, written only when no edition has an error and no finding awaits review (unless a
 *   draft) (`writeEdition`):
 *    csv         outputs/csv            citizen tables, checked cell by cell, with Table Schemas and CSVW metadata, and the Excel workbook
 *    json        outputs/jsonText       plan.json
 *    jsonld      outputs/rdf/toJsonLd   plan.jsonld
 *    rdf         outputs/rdf/toRdf      plan.nq, refusing anything the context does not map
 *    report      model/checkQuality     quality.json (with the review) and coverage.json
 *   once for all editions:
 *    publication publish/toPublication  pages (site/), descriptors, zips, CKAN, changelogs, targets' history, catalog, SHA256SUMS
 *    write       io/outputFolder        `<out>.building` swapped in for `<out>` as a whole
 *
 * Every file is streamed into `<out>.building` as it is made (`folderSink`); when a check fails the
 * outputs are still made for their own checks but only measured, and the previous output is left as
 * it was. All reads and writes go through `Effects`; the stages themselves touch no file.
 */
import { diagnose, linesPosition, sortDiagnostics, type Diagnostic, type Position } from './diagnostics.js';
import type { Effects } from './io/effects.js';
import { fromEditionFolder, join, type EditionInput } from './io/editionFolder.js';
import { checkOutputFolder, finishBuilding, siblings, startBuilding } from './io/outputFolder.js';
import { folderSink, measuringSink, type Chunks, type OutputSink } from './io/writeOutput.js';
import { checkQuality, withIssues, type QualityReport } from './model/checkQuality.js';
import { diffPlans, findUnexplainedChanges, type Changelog } from './model/diffPlans.js';
import { findUnvouchedRevisions, findUnvouchedTables } from './model/findUnvouchedTables.js';
import type { Plan } from './model/plan.js';
import { awaitsReview, parseReviewFile, planSubjects, REVIEW_FILE, reviewEdition, reviewFilePath, type ReviewSummary } from './model/reviewEdition.js';
import { toPlan } from './model/toPlan.js';
import { validatePlan } from './model/validatePlan.js';
import { checkRows, toCsvTableSpecs, type CsvTableDescription } from './outputs/csv/toCsvTables.js';
import { toCsvwMetadata, toTableSchema } from './outputs/csv/toCsvMetadata.js';
import { toCsvChunks } from './outputs/csv/toCsvText.js';
import { hasWorkbook, toWorkbook, workbookAbout, workbookName, type WorkbookTable } from './outputs/csv/toWorkbook.js';
import { toJsonChunks, toJsonText, toPlanDocument } from './outputs/jsonText.js';
import { toJsonLd } from './outputs/rdf/toJsonLd.js';
import { toPlanNQuadChunks } from './outputs/rdf/toRdf.js';
import { JSONLD_CONTEXT } from './outputs/rdf/vocabulary.js';
import type { PublishedFile } from './publish/toPackage.js';
import { toPublication } from './publish/toPublication.js';
import type { PlanDocument } from './read/document.js';
import { parsePlanDocument } from './read/parsePlanDocument.js';
import { toSourceText } from './read/toSourceText.js';
import { append } from './common/arrays.js';
import { collectGarbage } from './common/memory.js';

/** The stages of a build, in order: the names of the timing labels, the file headers and the README. */
export const STAGES = ['read', 'decode', 'parse', 'model', 'validate', 'quality', 'diff', 'review', 'csv', 'json', 'jsonld', 'rdf', 'report', 'publication', 'write'] as const;

/** An edition text of at least this many lines is large: after its checks, the build collects garbage (`collectGarbage`). The real texts have about 4,000. */
export const LARGE_EDITION_LINES = 200_000;

/** The clock of a build that states none (one edition checked on its own): the earliest date a zip can hold. */
export const ZIP_EPOCH = '1980-01-01T00:00:00Z';

/** One stage's name. */
export type StageName = (typeof STAGES)[number];

/** An edition folder as the stages after `review` need it: its metadata and paths, not its bytes (96 MB of text at 1000×, dropped once decoded). */
export type EditionSource = Omit<EditionInput, 'bytes' | 'review'>;

/** One edition analysed and reviewed (`checkEditions`), before any output is made. */
export interface EditionCheck {
  folder: string;
  id: string | null;
  input: EditionSource;
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
  stage: StageName;
  ms: number;
}

/** Receives progress events. */
export type ProgressListener = (event: ProgressEvent) => void;

/** Times `work` as one stage of `edition` and reports it. */
function timed<T>(listener: ProgressListener | undefined, edition: string | null, stage: StageName, work: () => T): T {
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
  /** The build's fixed clock (ISO date-time): package `created`, zip timestamps. Waited for only once the editions are checked. */
  buildDate: string | Promise<string>;
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

/**
 * The analysis of every edition, up to and including the review, with no output made: per edition
 * its plan and final diagnostics. Each edition is analysed (stages 2–6), then, in edition-number
 * order, compared with the edition before it (`diffPlans`): every change no 改訂履歴 entry explains
 * is a finding on the newer edition (`findUnexplainedChanges`), and so is every year table added or
 * changed since, and every 改訂履歴 revision, which the edition before cannot vouch for
 * (`findUnvouchedTables`, `findUnvouchedRevisions`); then each edition's review file is
 * applied (`reviewEdition`). Pure and fast (no CSV, JSON-LD or file): the build uses it, and a
 * mutation-test harness calls it thousands of times. `analyse` is stages 2–6 for one edition
 * (`analyseEdition`); the harness passes one that reuses the analysis of an undamaged earlier edition.
 */
export function checkEditions(inputs: readonly EditionInput[], onProgress?: ProgressListener, analyse: EditionAnalyser = analyseEdition): EditionCheck[] {
  const analysed = inputs.map((input) => {
    const stage: Stage = (name, work) => timed(onProgress, input.folder, name, work);
    const result = analyse(input, stage);
    return { input, stage, result };
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
      findings.set(newer.input, [
        ...checkHistory(older.plan, newer.plan),
        ...findUnexplainedChanges(log, newer.plan, newer.sourceMap),
        ...findUnvouchedTables(older.plan, newer.plan, newer.sourceMap),
        ...findUnvouchedRevisions(older.plan, newer.plan),
      ]);
    });
  });
  return analysed.map(({ input: read, stage, result }) => {
    const { bytes: _text, review: reviewBytes, ...input } = read;
    const reviewFile = reviewFilePath(input.textPath);
    const edition = input.meta.id;
    const before = result.ok ? [...result.quality.issues, ...(findings.get(read) ?? [])] : result.diagnostics.map((d) => ({ ...d, file: input.textPath }));
    const reviewed = stage('review', () => reviewEdition(before, reviewBytes ? parseReviewFile(reviewBytes, reviewFile, edition) : null, { edition, reviewFile, compared: changelogs.has(read) }, result.ok ? planSubjects(result.plan, result.sourceMap, input.textFile) : undefined));
    // Reports name the text by its path under the seeds folder; the published data by its file name.
    const diagnostics = sortDiagnostics(reviewed.diagnostics.map((d) => (d.file === input.textFile ? { ...d, file: input.textPath } : d)));
    if (!result.ok) return { folder: input.folder, id: edition, input, plan: null, quality: null, changelog: null, review: reviewed.summary, diagnostics };
    const quality = withIssues({ ...result.quality, issues: [], countsByRule: {} }, reviewed.diagnostics);
    return { folder: input.folder, id: edition, input, plan: result.plan, quality, changelog: changelogs.get(read) ?? null, review: reviewed.summary, diagnostics };
  });
}

/**
 * Stages `decode` to `report` for one edition on its own (no earlier edition to compare with): `checkEditions`,
 * then its files to `sink` (`writeEdition`).
 */
export async function buildEdition(input: EditionInput, onProgress?: ProgressListener, sink: OutputSink = measuringSink(), buildDate = ZIP_EPOCH): Promise<EditionBuild> {
  return writeEdition(checkEditions([input], onProgress)[0]!, sink, onProgress, false, buildDate);
}

/**
 * Stages `csv`, `json`, `jsonld`, `rdf` and `report` for one checked edition: its files go to `sink` as they are made (the build's sink
 * writes them into `<out>.building`; `validate`'s only measures them), so only the plan model
 * outlives the stage that needs each large intermediate (the tables, the JSON-LD). `draft`: the
 * output is written although findings await review, and says so in `quality.json`. `buildDate`: the
 * build's fixed clock, the workbook's dates.
 */
export async function writeEdition(check: EditionCheck, sink: OutputSink, onProgress?: ProgressListener, draft = false, buildDate = ZIP_EPOCH): Promise<EditionBuild> {
  const { input, plan } = check;
  const base = { folder: check.folder, id: check.id, plan, review: check.review, changelog: check.changelog };
  if (!plan || !check.quality) return { ...base, quality: null, tables: [], diagnostics: check.diagnostics, outputs: [] };
  const stage = <T>(name: StageName, work: () => T): T => timed(onProgress, input.folder, name, work);
  const id = plan.edition.id;
  const later: Diagnostic[] = [];
  const put = (path: string, chunks: Chunks) => sink.write(`${id}/${path}`, chunks);
  const { csvFiles, tables } = await stage('csv', async () => {
    const tables: CsvTableDescription[] = [];
    const csvFiles: PublishedFile[] = [];
    // One row at a time: made, checked, written, dropped (a table held whole, its rows outlived the
    // young generation: at 1000× they were the build's peak of memory).
    for (const { rows: _rows, eachRow, ...description } of toCsvTableSpecs(plan)) {
      const rows = checkRows(description, eachRow(), later);
      csvFiles.push(await put(`csv/${description.name}.csv`, toCsvChunks({ ...description, rows })), await put(`csv/${description.name}.schema.json`, [toJsonText(toTableSchema(description))]));
      tables.push(description);
    }
    csvFiles.push(await put('csv/csv-metadata.json', [toJsonText(toCsvwMetadata(tables, plan))]));
    // The workbook makes every table's rows again from the same specs (pure, so the same values as
    // the CSVs): a workbook needs all its sheets at once, the CSVs never hold more than one table.
    if (hasWorkbook(plan)) csvFiles.push(await put(workbookName(plan), [toWorkbook(toWorkbookTables(plan), workbookAbout(plan), buildDate)]));
    return { csvFiles, tables };
  });
  const planFile = await stage('json', () => put('plan.json', toJsonChunks(toPlanDocument(plan))));
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

/** Runs one stage's work under its timing label. */
export type Stage = <T>(name: StageName, work: () => T) => T;

/** The tables of the edition's workbook: made from the same specs as its CSVs, each table's rows as the sheet is written. */
function toWorkbookTables(plan: Plan): WorkbookTable[] {
  return toCsvTableSpecs(plan).map(({ rows: _rows, eachRow, ...description }) => ({ ...description, rows: eachRow() }));
}

/**
 * A newer edition carries its predecessor's revision history and adds to it: a higher edition
 * number, every earlier revision date still printed. Otherwise two editions would share one version
 * (Data Package, DCAT), and the changes between them would be explained by entries that vanished.
 */
function checkHistory(older: Plan, newer: Plan): Diagnostic[] {
  const file = newer.edition.source.fileName;
  const dates = new Set(newer.revisions.map((r) => r.date));
  const missing = older.revisions.map((r) => r.date).filter((d) => !dates.has(d));
  // At the 改訂履歴's last revision date, where a date is missing or was rewritten.
  const last = newer.revisions.at(-1)?.source;
  const where = { file, position: last ? linesPosition(last.startLine, last.endLine) : null, subject: newer.edition.id };
  return [
    ...(newer.edition.number <= older.edition.number
      ? [diagnose('review/history-rewritten', 'sameNumber', { edition: newer.edition.id, older: older.edition.id, number: newer.edition.number }, where)]
      : []),
    ...(missing.length > 0 ? [diagnose('review/history-rewritten', 'missingDates', { edition: newer.edition.id, older: older.edition.id, dates: missing.join(', ') }, where)] : []),
  ];
}

/**
 * Stages `jsonld` and `rdf`: the JSON-LD and its N-Quads (the JSON-LD document lives only in here, its projects made as they are written). Returns the files
 * and, as data, why the N-Quads could not be made (then `nqFile` is null and nothing lists it).
 */
async function linkedData(
  plan: Plan,
  put: (path: string, chunks: Chunks) => Promise<PublishedFile>,
  stage: Stage,
): Promise<{ jsonldFile: PublishedFile; nqFile: PublishedFile | null; diagnostics: Diagnostic[] }> {
  const { jsonld, jsonldFile } = await stage('jsonld', async () => {
    // Its projects made one at a time, by each of the two writers in turn (at 60,000 projects the
    // whole document was about 300 MB, held while both files were written).
    const jsonld = toJsonLd(plan, true);
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

/** What stages `decode` to `quality` give for one edition: its plan, source map and quality report, or why the text could not be read. */
export type EditionAnalysis = { ok: true; plan: Plan; sourceMap: ReadonlyMap<string, Position>; quality: QualityReport } | { ok: false; diagnostics: Diagnostic[] };

/** Stages `decode` to `quality` for one edition, timed by `stage` (`analyseEdition`, or a test harness's cache of it). */
export type EditionAnalyser = (input: EditionInput, stage: Stage) => EditionAnalysis;

/**
 * Stages `decode` to `quality`: text → syntax tree → plan → checks. The syntax tree is large
 * (every line with its roles and positions) and needed by nothing after the quality report, so it
 * lives only inside this function.
 */
export function analyseEdition(input: EditionInput, stage: Stage): EditionAnalysis {
  const parsed = parseEdition(input, stage);
  if (!parsed.ok) return parsed;
  const { doc, sourceDiagnostics } = parsed;
  const { plan, sourceMap, diagnostics: modelDiagnostics } = stage('model', () => toPlan(doc, input.meta));
  const validation = stage('validate', () => validatePlan(plan, sourceMap, input.textFile));
  const quality = stage('quality', () => checkQuality(doc, plan, [...sourceDiagnostics, ...doc.diagnostics, ...modelDiagnostics, ...validation.diagnostics]));
  return { ok: true, plan, sourceMap, quality };
}

/** Stages `decode` and `parse`: the decoded lines live only in here (the syntax tree keeps what it needs of them). */
function parseEdition(input: EditionInput, stage: Stage): { ok: true; doc: PlanDocument; sourceDiagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const source = stage('decode', () => toSourceText(input.bytes, input.textFile));
  if (!source.ok) return { ok: false, diagnostics: source.diagnostics };
  return { ok: true, doc: stage('parse', () => parsePlanDocument(source.source)), sourceDiagnostics: source.diagnostics };
}

/** Builds every edition folder under `seedsDir` and, when none has an error, publishes all outputs. */
export async function buildEditions(options: BuildOptions): Promise<BuildResult> {
  const { effects, seedsDir, outDir } = options;
  const entries = await effects.listDirectory(seedsDir);
  if (!entries) {
    const d = diagnose('meta/missing', 'noSeedsFolder', { path: seedsDir }, { file: seedsDir });
    return { ok: false, editions: [], written: [], files: [], diagnostics: [d], draft: false };
  }
  if (options.write !== false) {
    const unsafe = await checkOutputFolder(effects, outDir, seedsDir);
    if (unsafe) return { ok: false, editions: [], written: [], files: [], diagnostics: [unsafe], draft: false };
  }
  const folders = entries.filter((e) => e.isDirectory).map((e) => e.name).sort();
  // The writer thread starts while the editions are read and checked, ready for the first output.
  if (options.write !== false) effects.startWriting?.();
  try {
    return await buildInto(options, folders);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only the file system's own errors become a diagnostic; anything else is a bug and is not hidden.
    if (typeof code !== 'string') throw error;
    const path = (error as NodeJS.ErrnoException).path ?? outDir;
    await effects.remove(siblings(outDir).building).catch(() => {});
    const d = diagnose('fs/error', 'failed', { path, code, error: (error as Error).message }, { file: path });
    return { ok: false, editions: [], written: [], files: [], diagnostics: [d], draft: false };
  }
}

/**
 * Reads every edition folder and checks the editions read (`checkEditions`). Only what later stages
 * need leaves it: the texts' bytes are dropped here, not held to the end of the build.
 */
async function readAndCheck(options: BuildOptions, folders: readonly string[]): Promise<{ reads: ({ folder: string; input: EditionSource } | { folder: string; diagnostics: Diagnostic[] })[]; checks: Map<string, EditionCheck> }> {
  const { effects, seedsDir, onProgress } = options;
  const reads: ({ folder: string; input: EditionInput } | { folder: string; diagnostics: Diagnostic[] })[] = [];
  for (const folder of folders) {
    const read = await timed(onProgress, folder, 'read', () => fromEditionFolder(effects, seedsDir, folder));
    reads.push(read.ok ? { folder, input: read.input } : { folder, diagnostics: read.diagnostics });
  }
  const checks = new Map(checkEditions(reads.flatMap((r) => ('input' in r ? [r.input] : [])), onProgress).map((c) => [c.folder, c]));
  return { reads: reads.map((r) => ('input' in r ? { folder: r.folder, input: checks.get(r.folder)!.input } : r)), checks };
}

/** `buildEditions` once the edition folders are known: may throw the file system's errors. */
async function buildInto(options: BuildOptions, folders: readonly string[]): Promise<BuildResult> {
  const { effects, seedsDir, outDir, onProgress } = options;
  const write = options.write !== false;
  const { reads, checks } = await readAndCheck(options, folders);
  const buildDate = await options.buildDate;
  const checked = [...checks.values()];
  // The syntax trees died with the checks; at this size they were most of the heap (below it, a
  // collection would only cost time: the real editions' texts are 0.2 MB).
  const large = checked.some((c) => (c.plan?.edition.source.lineCount ?? 0) >= LARGE_EDITION_LINES);
  if (large) collectGarbage();
  const shared: Diagnostic[] = [];
  const ids = checked.map((c) => c.id).filter((id): id is string => id !== null);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) shared.push(diagnose('meta/invalid', 'duplicateId', { id: duplicate }, { file: seedsDir }));
  if (folders.length === 0) shared.push(diagnose('meta/missing', 'noEditionFolder', { path: seedsDir }, { file: seedsDir }));
  const pending = checked.reduce((n, c) => n + c.review.pending, 0);
  const blocked = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error' && !awaitsReview(d));
  const complete = reads.every((r) => 'input' in r && checks.get(r.folder)!.plan !== null);
  // Findings awaiting review stop the build, unless it is a draft; any other error stops even a draft.
  const publishable = (diagnostics: readonly Diagnostic[]) => complete && !blocked(diagnostics) && (pending === 0 || options.draft === true);
  const checkedOk = publishable([...reads.flatMap((r) => ('diagnostics' in r ? r.diagnostics : checks.get(r.folder)!.diagnostics)), ...shared]);
  const draft = checkedOk && pending > 0;
  // Nothing is written unless the check passed; otherwise the outputs are still made (measured only), for their own checks.
  const building = write && checkedOk ? await startBuilding(effects, outDir) : null;
  // With a large edition the zips read every file back from the disk: kept copies would only add to the build's memory.
  const sink = building ? folderSink(effects, building, large ? 0 : undefined) : measuringSink();
  const editions: EditionBuild[] = [];
  for (const read of reads) {
    editions.push(
      'input' in read
        ? await writeEdition(checks.get(read.folder)!, sink, onProgress, draft, buildDate)
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

