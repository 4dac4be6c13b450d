/**
 * Stage `publication`: what is published once for all editions — the shared context, vocabulary and
 * plan.json's JSON Schema, each edition's page (and project pages), copy of the schema, Data Package
 * descriptor and zip, the CKAN package descriptions, the changelogs, the targets' history across
 * editions, each project's page across editions (`project/<id>.html`), the DCAT catalog, the top page, `draft.json` for a draft, and `SHA256SUMS` — written to a
 * sink as each is made.
 */
import type { EditionBuild } from '../build.js';
import type { Diagnostic } from '../diagnostics.js';
import { diffPlans } from '../model/diffPlans.js';
import type { OutputSink } from '../io/writeOutput.js';
import { toJsonText } from '../outputs/jsonText.js';
import { JSONLD_CONTEXT, toVocabularyDocument } from '../outputs/rdf/vocabulary.js';
import { toPortalPageChunks } from '../site/page.js';
import { toProjectPageChunks, toProjectPages } from '../site/projectPages.js';
import { listStoryProjects, toStoryPageChunks, toStoryPath } from '../site/projectStory.js';
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import { PLAN_SCHEMA_PATH } from './outputManifest.js';
import { toCatalog, toCatalogTurtle } from './toCatalog.js';
import { toChangelogFiles } from './toChangelogFiles.js';
import { toCkanPackage } from './toCkanPackage.js';
import { TargetHistory, toTargetHistoryFiles } from './toTargetHistoryFiles.js';
import { append } from '../common/arrays.js';
import { toDataPackage, toSha256Sums, toZipChunks, zipName, type BuiltFile, type PublishedFile } from './toPackage.js';
import { OUTPUT_MARK } from '../io/outputFolder.js';

/** The file a draft build writes at the top of the output folder; `publish` refuses an output that has it. */
export const DRAFT_MARKER = 'draft.json';

/** The JSON Schema of `plan.json` as published: the schema the build validated every plan against. */
export function toPlanSchemaText(): string {
  return toJsonText(planSchema);
}

/**
 * Files shared by every edition: the JSON-LD context, the vocabulary, and plan.json's JSON Schema at
 * the place its `$id` names under the base IRI (each edition also carries a copy, for its zip).
 */
export function toSharedOutputs(): BuiltFile[] {
  return [
    { path: 'context.jsonld', data: toJsonText(JSONLD_CONTEXT) },
    { path: 'vocab.jsonld', data: toJsonText(toVocabularyDocument()) },
    { path: PLAN_SCHEMA_PATH, data: toPlanSchemaText() },
  ];
}

/**
 * Everything published besides the editions' own files, written to `sink`: the shared files, each
 * edition's page, Data Package descriptor and zip (which reads the edition's files back), the CKAN
 * package descriptions, the changelogs, the targets' history, the projects' pages, the catalog, the top page, and
 * `SHA256SUMS` over all of them.
 * Returns every published file, sorted by path.
 */
export async function toPublication(
  built: readonly EditionBuild[],
  buildDate: string,
  sink: OutputSink,
  draft = false,
): Promise<PublishedFile[]> {
  const shared: PublishedFile[] = [];
  for (const file of toSharedOutputs()) shared.push(await sink.write(file.path, [file.data]));
  const files: PublishedFile[] = [...shared];
  const plans = built.map((e) => e.plan!).sort((a, b) => a.edition.number - b.edition.number);
  const byId = new Map(built.map((e) => [e.plan!.edition.id, e]));
  const changelogs = plans.slice(1).map((plan, i) => ({ older: plans[i]!, newer: plan, log: byId.get(plan.edition.id)!.changelog ?? diffPlans(plans[i]!, plan) }));
  // A draft names, on every page and in draft.json, the findings each edition still awaits.
  const unreviewed = new Map(draft ? built.flatMap((e) => (e.review && e.review.pending > 0 ? [[e.plan!.edition.id, e.review.pending] as const] : [])) : []);
  if (unreviewed.size > 0) {
    const marker = {
      draft: true,
      description: 'An unreviewed draft (build --draft): findings await review, so this output must not be published; publish refuses it.',
      editions: built.flatMap((e) => (e.review && e.review.pending > 0 ? [{ edition: e.review.edition, pendingFindings: e.review.pending, reviewFile: e.review.reviewFile }] : [])),
    };
    files.push(await sink.write(DRAFT_MARKER, [toJsonText(marker)]));
  }
  // Made of the plans and changelogs only.
  const changelogFiles: PublishedFile[] = [];
  for (const { older, newer, log } of changelogs) {
    for (const file of toChangelogFiles(log, older, newer)) changelogFiles.push(await sink.write(file.path, [file.data]));
  }
  // Indexed once; the rows are made for the CSV, and again per project for its page, never all held.
  const history = new TargetHistory(plans, changelogs.map((c) => c.log));
  const wrong: Diagnostic[] = [];
  const historyFiles: PublishedFile[] = [];
  for (const file of toTargetHistoryFiles(plans, changelogs.map((c) => c.log), wrong, { [Symbol.iterator]: () => history.records() })) historyFiles.push(await sink.write(file.path, file.chunks));
  // Every cell is one an edition's own tables have (checked there) or the edition's facts: a wrong one is a bug, not bad data.
  if (wrong.length > 0) throw new Error(`The targets' history has invalid cells: ${wrong.map((d) => d.messageEn).join('; ')}`);
  // Each project's page, made of every edition, from the same rows as the targets' history.
  const storyFiles: PublishedFile[] = [];
  for (const projectId of listStoryProjects(plans)) {
    const chunks = toStoryPageChunks({ projectId, plans, changelogs: changelogs.map((c) => c.log), history: history.ofProject(projectId), unreviewed });
    storyFiles.push(await sink.write(toStoryPath(projectId), chunks));
  }
  for (const edition of built) {
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
    // The edition's own copy of plan.json's schema: whoever downloads the edition can validate it offline.
    const schema = await sink.write(`${id}/${PLAN_SCHEMA_PATH}`, [toPlanSchemaText()]);
    const inFolder = [...edition.outputs, schema, page].map((f) => ({ ...f, path: f.path.slice(id.length + 1) }));
    const descriptor = await sink.write(`${id}/datapackage.json`, [toJsonText(toDataPackage(plan, edition.tables, inFolder, buildDate))]);
    // The zip opens offline: the edition's files and pages, plus the context and vocabulary they refer
    // to (a shared file the edition has a copy of, the schema, is in it once, from the edition).
    const inZip = [...inFolder, ...pageFiles.map((f) => ({ ...f, path: f.path.slice(id.length + 1) })), { ...descriptor, path: 'datapackage.json' }];
    const zipped = new Set(inZip.map((f) => f.path));
    const entries = [
      ...inZip.map((f) => ({ ...f, read: () => sink.read(`${id}/${f.path}`) })),
      ...shared.filter((f) => !zipped.has(f.path)).map((f) => ({ ...f, read: () => sink.read(f.path) })),
    ];
    const zip = await sink.write(`${id}/${zipName(plan)}`, toZipChunks(entries, buildDate));
    files.push(...edition.outputs, schema, page, ...pageFiles, descriptor, zip);
  }
  for (const plan of plans) files.push(await sink.write(`ckan/${plan.edition.id}.json`, [toJsonText(toCkanPackage(plan, files, plans.at(-1)))]));
  // In the order they always had (the catalog lists files in this order).
  append(files, changelogFiles);
  append(files, historyFiles);
  append(files, storyFiles);
  const catalog = toCatalog(plans, files);
  files.push(await sink.write('catalog.jsonld', [toJsonText(catalog)]), await sink.write('catalog.ttl', [await toCatalogTurtle(catalog)]));
  const latest = plans.at(-1)!;
  files.push(await sink.write('index.html', toPortalPageChunks({ plans, current: latest, files, changelogs: changelogs.map((c) => c.log), root: '', unreviewed })));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [...files, await sink.write(OUTPUT_MARK, [toSha256Sums(files)])];
}
