#!/usr/bin/env -S node --max-semi-space-size=32 --interrupt-budget=1081344 --import tsx
/**
 * Command line (`hadano-ict-plan`, also behind `npm run build` / `npm run publish`): `build` turns
 * every edition folder under `--seeds` into `--out` (`--draft`: although findings await review,
 * marked unreviewed); `validate` checks without writing; `diff` prints the changes between two
 * editions; `review` prints the findings of an edition that await review as review-file decisions;
 * `publish` sends the built packages to a CKAN portal (dry run by default; never a draft). Exit
 * codes: 0 done, 1 data or portal errors (findings awaiting review included), 2 usage errors.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { buildEditions, type BuildResult, type ProgressEvent, type ProgressListener } from '../build.js';
import { DRAFT_MARKER } from '../publish/toPublication.js';
import { toJsonChunks } from '../outputs/jsonText.js';
import { diffPlans } from '../model/diffPlans.js';
import { toChangelogFiles } from '../publish/toChangelogFiles.js';
import { nodeEffects } from '../io/effects.js';
import { awaitingReview, formatBuildReport } from './report.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { formatRequest, publishToCkan } from '../publish/publishCkan.js';
import { isPlaceholderUrl } from '../common/urls.js';
import { runNewEdition } from './newEdition.js';
import { withoutPendingNote, type EarlierDecisions } from '../model/reviewEdition.js';
import { fromEditionFolder } from '../io/editionFolder.js';
import { toSourceText } from '../read/toSourceText.js';
import { toReviewPage } from '../site/reviewPage.js';
import { chooseLang, closest, COMMANDS, TEXTS, type Command, type Lang } from './texts.js';
import { COMPILE_SOURCE, findStaleInputs } from './freshness.js';
import type { CkanPackage } from '../publish/toCkanPackage.js';

// Garbage-collector settings for large plans (BENCHMARKS.md). The collector lets the heap grow to
// twice or more what is live before collecting again, which with a 60,000-project plan alone passed
// 2 GB: 30 % headroom keeps the peak near what the build really holds. The young generation's size
// and the interrupt budget (`NODE_FLAGS` in compile.ts) are given as Node starts: the shebangs and
// the npm scripts pass them.
setFlagsFromString('--heap-growing-percent=30');

/** The options every command accepts (each command uses those its help lists). */
const OPTIONS = {
  seeds: { type: 'string', default: 'seeds' },
  out: { type: 'string', default: 'dist' },
  quiet: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  ckan: { type: 'string' },
  org: { type: 'string' },
  apply: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  draft: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  id: { type: 'string' },
  lang: { type: 'string' },
} as const;

/** The options every command takes. */
const GLOBAL_OPTIONS: readonly string[] = ['lang', 'help'];

/** The options each command takes besides the global ones, as its help lists them. */
const COMMAND_OPTIONS: Record<Command, readonly (keyof typeof OPTIONS)[]> = {
  build: ['seeds', 'out', 'draft', 'quiet', 'verbose', 'json'],
  validate: ['seeds', 'quiet', 'verbose', 'json'],
  diff: ['seeds', 'json'],
  review: ['seeds', 'out', 'json'],
  publish: ['out', 'ckan', 'org', 'apply', 'verbose'],
  'new-edition': ['seeds', 'id'],
};

/**
 * The build's fixed clock, so two builds of the same commit are byte-identical: SOURCE_DATE_EPOCH
 * (the reproducible-builds convention) when set, else the time of the git commit checked out in
 * `cwd`, else now (with a warning that the packages will then differ from build to build). Asked of
 * git while the build reads and checks the editions, which need no clock (git took 18–48 ms here).
 */
export async function buildClock(env: NodeJS.ProcessEnv = process.env, cwd = '.'): Promise<{ date: string; warning: string | null }> {
  const fromEpoch = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return { date: fromEpoch(Number(env.SOURCE_DATE_EPOCH)), warning: null };
  const commit = await new Promise<string | null>((done) => {
    execFile('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8', cwd }, (error, stdout) => done(error ? null : stdout.trim()));
  });
  if (commit !== null && /^\d+$/.test(commit)) return { date: fromEpoch(Number(commit)), warning: null };
  // Not a git checkout (or no git): the current time.
  return { date: fromEpoch(Math.floor(Date.now() / 1000)), warning: 'no SOURCE_DATE_EPOCH and no git commit: package dates are the current time' };
}

/** The value of `--lang` in `argv` (`--lang en` or `--lang=en`), when given. */
function langFlagOf(argv: readonly string[]): string | undefined {
  return argv.find((a, i) => argv[i - 1] === '--lang' || a.startsWith('--lang='))?.replace(/^--lang=/, '');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
  env: NodeJS.ProcessEnv = process.env,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  // The language is known before the arguments are checked, so even a usage error is in it.
  const langFlag = langFlagOf(argv);
  const lang = chooseLang(langFlag, env);
  if (lang === null) {
    out(TEXTS.ja.badLang(langFlag!));
    return 2;
  }
  const text = TEXTS[lang];
  const first = argv.find((a) => !a.startsWith('-'));
  const commandHelp = first && (COMMANDS as readonly string[]).includes(first) ? text.help[first as Command] : text.help.main;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, tokens: true });
  } catch (error) {
    // Node's own wording names the option; the usage printed is the command's, with a likely meant option.
    const given = /'(-{1,2}[^' ]+)/.exec((error as Error).message)?.[1] ?? null;
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'unknown' : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? 'value' : 'other';
    const suggestion = given && problem === 'unknown' ? closest(given.replace(/^-+/, ''), Object.keys(OPTIONS)) : null;
    out(text.badOption(given, problem, (error as Error).message, suggestion ? `--${suggestion}` : null));
    out(commandHelp);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (command === undefined || !(COMMANDS as readonly string[]).includes(command)) {
    if (parsed.values.help && command === undefined) {
      out(text.help.main);
      return 0;
    }
    out(command === undefined ? text.noCommand : text.unknownCommand(command, closest(command, COMMANDS)));
    out(text.help.main);
    return 2;
  }
  const known = command as Command;
  if (parsed.values.help) {
    out(text.help[known]);
    return 0;
  }
  const positionals = known === 'diff' ? 2 : known === 'review' || known === 'new-edition' ? 1 : 0;
  if (rest.length !== positionals) {
    out(known === 'diff' || known === 'review' || known === 'new-edition' ? text.needsArguments(known) : text.unexpectedArguments(rest.join(' ')));
    out(text.help[known]);
    return 2;
  }
  if (parsed.values.draft && known !== 'build') {
    out(text.draftOnlyForBuild);
    out(text.help[known]);
    return 2;
  }
  // An option the command does not take would be ignored: the person meant something else.
  const given = (parsed.tokens ?? []).flatMap((t) => (t.kind === 'option' ? [t.name] : []));
  const foreign = given.find((name) => !GLOBAL_OPTIONS.includes(name) && !COMMAND_OPTIONS[known].includes(name));
  if (foreign !== undefined) {
    out(text.optionNotForCommand(`--${foreign}`, known));
    out(text.help[known]);
    return 2;
  }
  if (parsed.values.quiet && parsed.values.verbose) {
    out(text.quietAndVerbose);
    out(text.help[known]);
    return 2;
  }
  if (known === 'diff' && rest[0] === rest[1]) {
    out(text.sameEdition(rest[0]!));
    return 2;
  }
  if (known === 'publish') return publish(parsed.values, out, env, fetchImpl, lang);
  // `npm run new-edition -- 改訂版.txt` runs in the package's folder: the text's path is the one the
  // person typed, in the folder npm was run from (INIT_CWD, which npm also leaves to every process
  // under it: trusted only when npm started this very script).
  const typedIn = env.npm_lifecycle_event === 'new-edition' && env.INIT_CWD ? env.INIT_CWD : '.';
  if (known === 'new-edition') return runNewEdition(resolve(typedIn, rest[0]!), { seeds: parsed.values.seeds, id: parsed.values.id, lang }, nodeEffects, out);

  const { json, quiet } = parsed.values;
  // Awaited once the editions are read and checked (the outputs need it, the checks do not).
  const clock = buildClock(env);
  const started = performance.now();
  const stages: ProgressEvent[] = [];
  const onProgress: ProgressListener = (e) => {
    stages.push(e);
    if (!json && !quiet && known !== 'diff' && known !== 'review') out(text.progress(e.edition, e.stage, e.ms));
  };
  const result = await buildEditions({
    seedsDir: parsed.values.seeds,
    outDir: parsed.values.out,
    effects: nodeEffects,
    buildDate: clock.then((c) => c.date),
    write: command === 'build',
    draft: parsed.values.draft,
    onProgress,
  });
  const seconds = (performance.now() - started) / 1000;
  // After the progress lines, before the report, in every build (git answers while the build runs).
  if ((await clock).warning && !json && known === 'build') out(text.clockWarning);

  if (command === 'diff') {
    const [from, to] = rest as [string, string];
    const older = result.editions.find((e) => e.id === from)?.plan;
    const newer = result.editions.find((e) => e.id === to)?.plan;
    if (!older || !newer) {
      const missing = !older ? from : to;
      const known = result.editions.map((e) => e.id).filter((id): id is string => id !== null);
      out(text.unknownEdition(missing, known, 'build', closest(missing, known)));
      // An edition that exists but does not build: its own errors say why (and only those).
      const broken = result.editions.find((e) => e.id === missing);
      if (broken) for (const line of formatBuildReport({ ...result, editions: [broken], diagnostics: broken.diagnostics }, { detail: 'stopping', lang })) out(line);
      return broken ? 1 : 2;
    }
    if (older.edition.number > newer.edition.number) {
      out(text.reversed(from, to));
      return 2;
    }
    const changelog = diffPlans(older, newer);
    if (json) out(JSON.stringify(changelog, null, 2));
    else for (const line of toChangelogFiles(changelog, older, newer).find((f) => f.path.endsWith('.md'))!.data.toString().split('\n')) out(line);
    return 0;
  }

  if (command === 'review') {
    const edition = result.editions.find((e) => e.id === rest[0]);
    if (!edition?.review) {
      const known = result.editions.map((e) => e.id).filter((id): id is string => id !== null);
      out(text.unknownEdition(rest[0]!, known, 'read', closest(rest[0]!, known)));
      return 2;
    }
    // The edition before it (by edition number) may have decided the same reading already: its
    // decisions are shown beside the findings, for the staff to judge again, never taken over.
    const before = result.editions
      .filter((e) => e.plan && edition.plan && e.plan.edition.number < edition.plan.edition.number)
      .sort((a, b) => b.plan!.edition.number - a.plan!.edition.number)[0];
    // The build applied that edition's review file already: its decided findings carry the decisions.
    const earlier = before?.review
      ? { edition: before.id!, decisions: before.review.findings.flatMap((f) => (f.decision ? [{ finding: f.finding, ...f.decision }] : [])) }
      : null;
    const decisions = JSON.stringify(toPendingDecisions(edition.diagnostics, edition.review.findings, lang, earlier), null, 2);
    if (json) {
      out(decisions);
      return 0;
    }
    // The report for the staff: beside the output folder, never in it (it is not open data).
    const lines = (await readTextLines(parsed.values.seeds, edition.folder)) ?? [];
    // The edition the changes are from, read again: its lines show what a changed thing printed there.
    const from = edition.changelog ? result.editions.find((e) => e.id === edition.changelog!.from.id && e.plan) : undefined;
    const fromLines = from ? await readTextLines(parsed.values.seeds, from.folder) : null;
    const earlierText = from && fromLines ? { edition: from.id!, plan: from.plan!, lines: fromLines } : null;
    const page = toReviewPage({ edition: edition.id!, review: edition.review, changelog: edition.changelog, diagnostics: edition.diagnostics, lines, pendingDecisions: decisions, earlier, earlierText, plan: edition.plan });
    const path = `${parsed.values.out.replace(/\/+$/, '')}-review/${edition.id}.html`;
    await nodeEffects.writeFile(path, page);
    out(text.reviewWritten(path, edition.review.findings.length, edition.review.pending));
    return 0;
  }

  if (json) {
    printJson({ ...toJsonReport(command, result, seconds), stages: stages.map((e) => ({ ...e, ms: Number(e.ms.toFixed(1)) })), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }, out);
  } else {
    const detail = quiet ? 'stopping' : parsed.values.verbose ? 'all' : 'attention';
    for (const line of formatBuildReport(result, { detail, lang, command: known === 'validate' ? 'validate' : 'build' })) out(line);
    out(summaryLine(known, result, seconds, lang));
  }
  return result.ok ? 0 : 1;
}

/**
 * The closing summary of a build or validate run: per edition its projects and indicator rows, the
 * files written, the diagnostics, and how many findings await review in which review file.
 */
export function summaryLine(command: string, result: BuildResult, seconds: number, lang: Lang = 'ja'): string {
  const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
  return TEXTS[lang].summary({
    draft: result.draft,
    // A 【再掲】 listing repeats a project: it is not counted as one.
    editions: result.editions.flatMap((e) => (e.plan ? [{ id: e.plan.edition.id, projects: e.plan.projects.filter((x) => !x.repostOf).length, indicatorRows: e.plan.projects.reduce((m, x) => m + x.indicators.length, 0) }] : [])),
    notBuilt: result.editions.filter((e) => !e.plan).map((e) => e.folder),
    written: command === 'build' ? result.written.length : null,
    errors: count('error'),
    warnings: count('warning'),
    notes: count('info'),
    pending: awaitingReview(result),
    where: result.editions.flatMap((e) => (e.review && e.review.pending > 0 ? [{ edition: e.review.edition, pending: e.review.pending, reviewFile: e.review.reviewFile }] : [])),
    seconds,
  });
}

/**
 * The findings of an edition awaiting review as decisions for its review file, the decision, reason,
 * person and date left empty for a person to fill in (an empty one is not valid, so none is taken by accident).
 * A finding the edition before decided (the same id: the same reading of the same text) says so in
 * `about`, for the person to judge again with the earlier reason in view.
 */
export function toPendingDecisions(
  diagnostics: readonly Diagnostic[],
  findings: readonly { finding: string; status: string }[],
  lang: Lang = 'ja',
  earlier: EarlierDecisions | null = null,
): { finding: string; about: string; decision: string; reason: string; by: string; date: string }[] {
  const pending = new Set(findings.filter((f) => f.status === 'pending').map((f) => f.finding));
  const decided = new Map((earlier?.decisions ?? []).map((d) => [d.finding, d]));
  const seen = new Set<string>();
  return diagnostics.flatMap((d) => {
    if (d.finding === null || !pending.has(d.finding) || seen.has(d.finding)) return [];
    seen.add(d.finding);
    const before = decided.get(d.finding);
    // No file path: the review file is committed beside the text, and a path of the machine it was made on would go with it.
    const plain = withoutPendingNote({ ...d, finding: null });
    const at = d.position ? (lang === 'ja' ? `${d.position.start.line} 行目 ` : `line ${d.position.start.line} `) : '';
    const about = `${at}${d.code}${d.subject ? ` [${d.subject}]` : ''} ${lang === 'ja' ? plain.message : plain.messageEn}`;
    return [{ finding: d.finding, about: before ? `${about}${TEXTS[lang].earlierDecision(earlier!.edition, before)}` : about, decision: '', reason: '', by: '', date: '' }];
  });
}

/** The machine-readable report of `--json`. */
export function toJsonReport(command: string, result: BuildResult, seconds: number): object {
  return {
    command,
    ok: result.ok,
    seconds: Number(seconds.toFixed(3)),
    draft: result.draft,
    editions: result.editions.map((e) => ({
      folder: e.folder,
      id: e.id,
      source: e.plan?.edition.source ?? null,
      totals: e.quality?.totals ?? null,
      coverage: e.quality ? { nonBlankLines: e.quality.coverage.nonBlankLines, unaccounted: e.quality.coverage.unaccounted } : null,
      review: e.review
        ? { status: e.review.status, reviewFile: e.review.reviewFile, pending: e.review.pending, accepted: e.review.accepted, rejected: e.review.rejected, staleDecisions: e.review.staleDecisions }
        : null,
    })),
    diagnostics: result.diagnostics,
    written: result.written,
  };
}

async function publish(
  values: { out: string; ckan?: string | undefined; org?: string | undefined; apply: boolean; verbose: boolean },
  out: (line: string) => void,
  env: NodeJS.ProcessEnv,
  fetchImpl: typeof fetch,
  lang: Lang,
): Promise<number> {
  const text = TEXTS[lang];
  if (!values.ckan || !/^https?:\/\//.test(values.ckan)) {
    out(text.publishNeedsCkan);
    out(text.help.publish);
    return 2;
  }
  // A draft is refused first: no token, flag or portal makes it publishable.
  const unreviewed = await draftRefusal(values.out, lang);
  if (unreviewed) {
    out(text.draftRefused(values.out, unreviewed));
    return 1;
  }
  const token = env.CKAN_API_TOKEN ?? null;
  if (values.apply && !token) {
    out(text.applyNeedsToken);
    return 2;
  }
  const entries = (await nodeEffects.listDirectory(`${values.out}/ckan`)) ?? [];
  const names = entries.filter((e) => e.name.endsWith('.json')).map((e) => e.name).sort();
  if (names.length === 0) {
    out(text.noPackages(`${values.out}/ckan`));
    return 1;
  }
  const packages: CkanPackage[] = [];
  for (const name of names) packages.push(JSON.parse(new TextDecoder().decode((await nodeEffects.readFile(`${values.out}/ckan/${name}`))!)));
  // What the portal would link to must be where the files really are, and the organisation the
  // portal's own: the examples the project ships with are never sent.
  const placeholder = packages.flatMap((p) => [p.url, ...p.resources.map((r) => r.url)]).find((url) => typeof url === 'string' && isPlaceholderUrl(url)) ?? null;
  if (values.apply && !values.org) {
    out(text.applyNeedsOrg);
    return 2;
  }
  if (values.apply && placeholder) {
    out(text.placeholderUrl(placeholder, true));
    return 2;
  }
  const result = await publishToCkan({ ckanUrl: values.ckan, token, packages, apply: values.apply, fetch: fetchImpl, lang, ...(values.org ? { organization: values.org } : {}) });
  out(values.apply ? text.sent(result.requests.length, values.ckan) : text.dryRun(values.ckan));
  for (const outcome of result.packages) out(text.packageOutcome(outcome, values.apply));
  for (const why of result.unreachable) out(text.unreachable(why));
  if (!values.apply && placeholder) out(text.placeholderUrl(placeholder, false));
  if (!values.apply && !values.org) out(text.orgDefault(packages[0]?.owner_org ?? ''));
  if (values.verbose) for (const request of result.requests) out(formatRequest(request));
  else if (result.requests.length > 0) out(text.requestsHidden(result.requests.length));
  for (const error of result.errors) out(text.error(error));
  return result.ok ? 0 : 1;
}

/** The text lines of an edition folder's text (for the review report's source excerpts), or null when it cannot be read. */
async function readTextLines(seeds: string, folder: string): Promise<string[] | null> {
  const read = await fromEditionFolder(nodeEffects, seeds, folder);
  const source = read.ok ? toSourceText(read.input.bytes, read.input.textFile) : null;
  return source?.ok ? source.source.lines.map((l) => l.text) : null;
}

/**
 * What in the output in `outDir` is unreviewed, or null when it may be published: a draft build
 * (`build --draft`) leaves `draft.json` at the top and marks each unreviewed edition's quality.json;
 * either stops publish.
 */
async function draftRefusal(outDir: string, lang: Lang): Promise<string[] | null> {
  const text = TEXTS[lang];
  const marker = await nodeEffects.readFile(`${outDir}/${DRAFT_MARKER}`);
  const unreviewed: string[] = [];
  const named = new Set<string>();
  if (marker) {
    try {
      const editions = (JSON.parse(new TextDecoder().decode(marker)) as { editions?: { edition: string; pendingFindings: number; reviewFile: string }[] }).editions ?? [];
      for (const e of editions) {
        named.add(e.edition);
        unreviewed.push(text.unreviewedEdition(e.edition, e.pendingFindings, e.reviewFile));
      }
    } catch {
      unreviewed.push(text.unreadableMarker(`${outDir}/${DRAFT_MARKER}`));
    }
  }
  for (const entry of (await nodeEffects.listDirectory(outDir)) ?? []) {
    if (!entry.isDirectory) continue;
    const quality = await nodeEffects.readFile(`${outDir}/${entry.name}/quality.json`);
    if (!quality) continue;
    try {
      const review = (JSON.parse(new TextDecoder().decode(quality)) as { review?: { draft?: boolean; pending?: number; reviewFile?: string } }).review;
      if (review?.draft && !named.has(entry.name)) unreviewed.push(text.unreviewedEdition(entry.name, review.pending ?? 0, review.reviewFile ?? 'review.json'));
    } catch {
      // An unreadable quality report is not a draft marker; the packages themselves are checked by the portal.
    }
  }
  return marker || unreviewed.length > 0 ? unreviewed : null;
}

/** Prints to stdout, and stops printing (without dying mid-build) once the reader has gone (`| head`). */
function stdoutPrinter(): (line: string) => void {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else throw error;
  });
  return (line) => {
    if (!closed) process.stdout.write(`${line}\n`);
  };
}

/**
 * Prints `value` as `JSON.stringify(value, null, 2)` would, through `out`, a few thousand lines at a
 * time: the report of a 1000× draft (70,000 findings, 125,000 files written) as one string took
 * more memory than the whole build had at its peak (BENCHMARKS.md).
 */
export function printJson(value: unknown, out: (line: string) => void): void {
  let pending = '';
  for (const piece of toJsonChunks(value)) {
    pending += piece;
    if (pending.length < PRINTED_CHARS) continue;
    const end = pending.lastIndexOf('\n');
    if (end < 0) continue;
    out(pending.slice(0, end));
    pending = pending.slice(end + 1);
  }
  // What is left ends with the text's final line end, which `out` adds itself; nothing is left when
  // the last lines were just printed.
  if (pending !== '') out(pending.slice(0, -1));
}

// Characters of JSON text gathered before they are printed.
const PRINTED_CHARS = 1 << 16;

/** Set for the CLI run right after compiling it again: it runs as it is, never compiling once more. */
const RECOMPILED = 'HADANO_RECOMPILED';

/**
 * When this is the compiled CLI (`.build/cli.js`) and a source changed since it was compiled: compiles
 * it again into its own folder (through tsx, as `npm run compile` does) and runs the new CLI with the
 * same arguments and Node options, returning its exit code; null when the CLI is current, is the
 * TypeScript itself, or was itself just compiled again (so a source that keeps changing cannot make
 * it compile forever).
 */
function runRecompiledIfStale(argv: readonly string[]): number | null {
  const here = new URL('.', import.meta.url);
  if (process.env[RECOMPILED]) return null;
  const stale = findStaleInputs(here);
  if (!stale || stale.length === 0) return null;
  const root = fileURLToPath(new URL('../', here));
  process.stderr.write(`${TEXTS[chooseLang(langFlagOf(argv), process.env) ?? 'ja'].recompiling(stale)}\n`);
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const compiled = spawnSync(process.execPath, [tsx, join(root, COMPILE_SOURCE), fileURLToPath(here)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (compiled.status !== 0) return 1;
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...argv], { stdio: 'inherit', env: { ...process.env, [RECOMPILED]: '1' } });
  return run.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/hadano-ict-plan')) {
  process.exitCode = runRecompiledIfStale(process.argv.slice(2)) ?? (await runCli(process.argv.slice(2), stdoutPrinter()));
}
