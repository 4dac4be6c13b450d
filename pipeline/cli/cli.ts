#!/usr/bin/env -S node --max-semi-space-size=64 --import tsx
/**
 * Command line (`hadano-ict-plan`, also behind `npm run build` / `npm run publish`): `build` turns
 * every edition folder under `--seeds` into `--out` (`--draft`: although findings await review,
 * marked unreviewed); `validate` checks without writing; `diff` prints the changes between two
 * editions; `review` prints the findings of an edition that await review as review-file decisions;
 * `publish` sends the built packages to a CKAN portal (dry run by default; never a draft). Exit
 * codes: 0 done, 1 data or portal errors (findings awaiting review included), 2 usage errors.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { buildEditions, type BuildResult, type ProgressEvent, type ProgressListener } from '../build.js';
import { DRAFT_MARKER } from '../publish/toPublication.js';
import { diffPlans } from '../model/diffPlans.js';
import { toChangelogFiles } from '../publish/toChangelogFiles.js';
import { nodeEffects } from '../io/effects.js';
import { awaitingReview, findings, formatBuildReport } from './report.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { formatRequest, publishToCkan } from '../publish/publishCkan.js';
import { runNewEdition } from './newEdition.js';
import type { CkanPackage } from '../publish/toCkanPackage.js';

// Garbage-collector settings for large plans (BENCHMARKS.md). The collector lets the heap grow to
// twice or more what is live before collecting again, which with a 60,000-project plan alone passed
// 2 GB: 30 % headroom keeps the peak near what the build really holds. The young generation's size
// (`--max-semi-space-size=64`, fewer collections of the short-lived pieces the outputs are made of)
// can only be set when Node starts: the shebang and the npm scripts pass it.
setFlagsFromString('--heap-growing-percent=30');

const HELP: Record<string, string> = {
  main: `Usage: hadano-ict-plan <command> [options]      (or: npm run build / npm run publish -- …)

Commands:
  build      build every edition under --seeds into --out
  validate   parse and check every edition, write nothing
  diff       the changes between two editions: diff <from> <to>
  review     an edition's findings awaiting review, as review-file decisions: review <edition>
  new-edition  新しい版のフォルダーを作る：new-edition <本文.txt> [--id <版ID>]
  publish    send the built packages to a CKAN portal (dry run unless --apply)

Run "hadano-ict-plan <command> --help" for a command's options.
Exit codes: 0 done, 1 data or portal errors, 2 usage errors.`,
  build: `Usage: hadano-ict-plan build [--seeds <dir>] [--out <dir>] [--draft] [--quiet] [--json]

Builds every edition folder under --seeds (default: seeds) into --out (default: dist). An edition
folder holds the edition's text (one .txt file, UTF-8 or Shift_JIS, unchanged), edition.json and,
when a person has decided findings, review.json. The output folder is replaced as a whole, and only
when every edition built without errors and no finding awaits review.

  --draft   write every output although findings await review (never with other errors), marked
            as an unreviewed draft in the summary, quality.json and the pages; publish refuses it
  --quiet   print only what stops or could stop publication (errors, findings, stale decisions)
            and the closing summary
  --json    print a machine-readable report instead of text
Exit codes: 0 built, 1 data errors or findings awaiting review (nothing written), 2 usage errors.`,
  validate: `Usage: hadano-ict-plan validate [--seeds <dir>] [--quiet] [--json]

Parses and checks every edition under --seeds (default: seeds) like build, reports the same
findings, and writes nothing.
Exit codes: 0 valid, 1 data errors or findings awaiting review, 2 usage errors.`,
  review: `Usage: hadano-ict-plan review <edition> [--seeds <dir>]

Prints the findings of edition <edition> that await review as decisions for its review file
(--seeds/<edition>/review.json, schemas/review.schema.json): a JSON array to add to "decisions",
with "decision" (accept or reject), "reason", "by" and "date" left for a person to fill in.
Exit codes: 0 done, 2 usage errors (unknown edition).`,
  diff: `Usage: hadano-ict-plan diff <from> <to> [--seeds <dir>] [--json]

Prints the changes from edition <from> to edition <to> (edition ids, e.g. 2021 2025-03), computed
from their plan models and cross-checked against <to>'s revision history: Markdown, or --json.
Exit codes: 0 done, 1 data errors, 2 usage errors (unknown edition).`,
  'new-edition': `使い方：hadano-ict-plan new-edition <本文.txt> [--id <版ID>] [--seeds <dir>]

改訂された計画の本文（PDFから取り出したテキスト）から、新しい版のフォルダー --seeds/<版ID>/ を作ります。
版ID は本文の【改訂履歴】の最新の改定年月（令和8年3月 → 2026-03）、または --id で指定したものです。
本文はそのまま（1バイトも変えずに）複製し、edition.json は直前の版のものを複製して id だけを変えます。
既にある版は上書きしません。作った後にすることを日本語で表示します。
終了コード：0 作成した、1 作れなかった（既にある版、改訂履歴がない など）、2 使い方の誤り。`,
  publish: `Usage: hadano-ict-plan publish --ckan <url> [--out <dir>] [--org <slug>] [--apply]

Creates or updates each edition's package (--out/ckan/*.json, made by build; default out: dist) on a
CKAN portal through its Action API. Dry run unless --apply: prints the exact write requests. The API
token is read from the environment variable CKAN_API_TOKEN and never printed.
  --org <slug>  CKAN organisation that owns the packages (default: hadano-city)
Exit codes: 0 done, 1 portal errors, 2 usage errors.`,
};

/**
 * The build's fixed clock, so two builds of the same commit are byte-identical: SOURCE_DATE_EPOCH
 * (the reproducible-builds convention) when set, else the time of the checked-out git commit, else
 * now (with a warning that the packages will then differ from build to build).
 */
export function buildClock(env: NodeJS.ProcessEnv = process.env): { date: string; warning: string | null } {
  const fromEpoch = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return { date: fromEpoch(Number(env.SOURCE_DATE_EPOCH)), warning: null };
  try {
    const commit = execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d+$/.test(commit)) return { date: fromEpoch(Number(commit)), warning: null };
  } catch {
    // Not a git checkout: fall through to the current time.
  }
  return { date: fromEpoch(Math.floor(Date.now() / 1000)), warning: 'no SOURCE_DATE_EPOCH and no git commit: package dates are the current time' };
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = console.log,
  env: NodeJS.ProcessEnv = process.env,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'dist' },
        quiet: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        ckan: { type: 'string' },
        org: { type: 'string' },
        apply: { type: 'boolean', default: false },
        draft: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        id: { type: 'string' },
      },
    });
  } catch (error) {
    out(`error: ${(error as Error).message}`);
    out(HELP.main!);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (command === undefined || !(command in HELP) || command === 'main') {
    if (parsed.values.help && command === undefined) {
      out(HELP.main!);
      return 0;
    }
    out(command === undefined ? 'error: no command given' : `error: unknown command ${command}`);
    out(HELP.main!);
    return 2;
  }
  if (parsed.values.help) {
    out(HELP[command]!);
    return 0;
  }
  const positionals = command === 'diff' ? 2 : command === 'review' || command === 'new-edition' ? 1 : 0;
  if (rest.length !== positionals) {
    const needs =
      command === 'diff'
        ? 'diff needs two edition ids: diff <from> <to>'
        : command === 'review'
          ? 'review needs one edition id: review <edition>'
          : command === 'new-edition'
            ? 'new-edition には本文のファイルを一つ指定します：new-edition <本文.txt>'
            : `unexpected argument ${rest.join(' ')}`;
    out(`error: ${needs}`);
    out(HELP[command]!);
    return 2;
  }
  if (parsed.values.draft && command !== 'build') {
    out('error: --draft applies to build only');
    out(HELP[command]!);
    return 2;
  }
  if (command === 'publish') return publish(parsed.values, out, env, fetchImpl);
  if (command === 'new-edition') return runNewEdition(rest[0]!, { seeds: parsed.values.seeds, id: parsed.values.id }, nodeEffects, out);

  const { json, quiet } = parsed.values;
  const clock = buildClock(env);
  if (clock.warning && !json && command === 'build') out(`warning: ${clock.warning}`);
  const started = performance.now();
  const stages: ProgressEvent[] = [];
  const onProgress: ProgressListener = (e) => {
    stages.push(e);
    if (!json && !quiet && command !== 'diff' && command !== 'review') out(`  ${(e.edition ?? 'all').padEnd(10)} ${e.stage.padEnd(12)} ${e.ms.toFixed(0).padStart(6)} ms`);
  };
  const result = await buildEditions({
    seedsDir: parsed.values.seeds,
    outDir: parsed.values.out,
    effects: nodeEffects,
    buildDate: clock.date,
    write: command === 'build',
    draft: parsed.values.draft,
    onProgress,
  });
  const seconds = (performance.now() - started) / 1000;

  if (command === 'diff') {
    const [from, to] = rest as [string, string];
    const older = result.editions.find((e) => e.id === from)?.plan;
    const newer = result.editions.find((e) => e.id === to)?.plan;
    if (!older || !newer) {
      const known = result.editions.map((e) => e.id).filter(Boolean).join(', ');
      out(`error: ${!older ? from : to} is not an edition that builds (editions: ${known || 'none'})`);
      for (const line of formatBuildReport(result, { verbose: false })) out(line);
      return result.editions.some((e) => e.id === (!older ? from : to)) ? 1 : 2;
    }
    const changelog = diffPlans(older, newer);
    if (json) out(JSON.stringify(changelog, null, 2));
    else for (const line of toChangelogFiles(changelog, older, newer)[2]!.data.toString().split('\n')) out(line);
    return 0;
  }

  if (command === 'review') {
    const edition = result.editions.find((e) => e.id === rest[0]);
    if (!edition?.review) {
      const known = result.editions.map((e) => e.id).filter(Boolean).join(', ');
      out(`error: ${rest[0]} is not an edition that can be read (editions: ${known || 'none'})`);
      return 2;
    }
    out(JSON.stringify(toPendingDecisions(edition.diagnostics, edition.review.findings), null, 2));
    return 0;
  }

  if (json) {
    out(JSON.stringify({ ...toJsonReport(command, result, seconds), stages: stages.map((e) => ({ ...e, ms: Number(e.ms.toFixed(1)) })), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
  } else {
    for (const line of formatBuildReport(result, { verbose: !quiet })) out(line);
    out(summaryLine(command, result, seconds));
  }
  return result.ok ? 0 : 1;
}

/**
 * The closing summary of a build or validate run: per edition its projects and indicator rows, the
 * files written, the diagnostics, and how many findings await review in which review file.
 */
export function summaryLine(command: string, result: BuildResult, seconds: number): string {
  const perEdition = result.editions
    .map((e) => (e.plan ? `${e.plan.edition.id}: ${e.plan.projects.filter((x) => !x.repostOf).length} projects, ${e.plan.projects.reduce((m, x) => m + x.indicators.length, 0)} indicator rows` : `${e.folder}: not built`))
    .join('; ');
  const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
  const files = command === 'build' ? `${result.written.length} files written` : 'nothing written (validate)';
  const pending = awaitingReview(result);
  const where = result.editions.flatMap((e) => (e.review && e.review.pending > 0 ? [`${e.review.edition}: ${e.review.pending} in ${e.review.reviewFile}`] : []));
  const review = `${findings(pending)} awaiting review${where.length ? ` (${where.join('; ')})` : ''}`;
  const draft = result.draft ? 'UNREVIEWED DRAFT (not publishable), ' : '';
  return `summary: ${draft}${result.editions.length} editions (${perEdition}), ${files}, ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes, ${review}, ${seconds.toFixed(1)} s`;
}

/**
 * The findings of an edition awaiting review as decisions for its review file, the decision, reason,
 * person and date left empty for a person to fill in (an empty one is not valid, so none is taken by accident).
 */
export function toPendingDecisions(
  diagnostics: readonly Diagnostic[],
  findings: readonly { finding: string; status: string }[],
): { finding: string; about: string; decision: string; reason: string; by: string; date: string }[] {
  const pending = new Set(findings.filter((f) => f.status === 'pending').map((f) => f.finding));
  const seen = new Set<string>();
  return diagnostics.flatMap((d) => {
    if (d.finding === null || !pending.has(d.finding) || seen.has(d.finding)) return [];
    seen.add(d.finding);
    return [{ finding: d.finding, about: formatDiagnostic({ ...d, finding: null }).replace(/; not published until accepted in .*$/, ''), decision: '', reason: '', by: '', date: '' }];
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
  values: { out: string; ckan?: string | undefined; org?: string | undefined; apply: boolean },
  out: (line: string) => void,
  env: NodeJS.ProcessEnv,
  fetchImpl: typeof fetch,
): Promise<number> {
  if (!values.ckan || !/^https?:\/\//.test(values.ckan)) {
    out('error: publish needs --ckan <url> (http or https)');
    out(HELP.publish!);
    return 2;
  }
  // A draft is refused first: no token, flag or portal makes it publishable.
  const refusal = await draftRefusal(values.out);
  if (refusal) {
    out(`error: ${refusal}`);
    return 1;
  }
  const token = env.CKAN_API_TOKEN ?? null;
  if (values.apply && !token) {
    out('error: --apply needs the API token in the environment variable CKAN_API_TOKEN');
    return 2;
  }
  const entries = (await nodeEffects.listDirectory(`${values.out}/ckan`)) ?? [];
  const names = entries.filter((e) => e.name.endsWith('.json')).map((e) => e.name).sort();
  if (names.length === 0) {
    out(`error: no package descriptions in ${values.out}/ckan: run the build first`);
    return 1;
  }
  const packages: CkanPackage[] = [];
  for (const name of names) packages.push(JSON.parse(new TextDecoder().decode((await nodeEffects.readFile(`${values.out}/ckan/${name}`))!)));
  const result = await publishToCkan({ ckanUrl: values.ckan, token, packages, apply: values.apply, fetch: fetchImpl, ...(values.org ? { organization: values.org } : {}) });
  out(values.apply ? `sent ${result.requests.length} requests to ${values.ckan}:` : `dry run: the requests publish would send to ${values.ckan} (use --apply to send them):`);
  for (const request of result.requests) out(formatRequest(request));
  for (const error of result.errors) out(`error: ${error}`);
  return result.ok ? 0 : 1;
}

/**
 * Why the output in `outDir` must not be published, or null: a draft build (`build --draft`) leaves
 * `draft.json` at the top and marks each unreviewed edition's quality.json; either stops publish.
 */
async function draftRefusal(outDir: string): Promise<string | null> {
  const marker = await nodeEffects.readFile(`${outDir}/${DRAFT_MARKER}`);
  const unreviewed: string[] = [];
  if (marker) {
    try {
      const editions = (JSON.parse(new TextDecoder().decode(marker)) as { editions?: { edition: string; pendingFindings: number; reviewFile: string }[] }).editions ?? [];
      unreviewed.push(...editions.map((e) => `${e.edition}: ${findings(e.pendingFindings)} awaiting review in ${e.reviewFile}`));
    } catch {
      unreviewed.push(`${outDir}/${DRAFT_MARKER} is unreadable`);
    }
  }
  for (const entry of (await nodeEffects.listDirectory(outDir)) ?? []) {
    if (!entry.isDirectory) continue;
    const quality = await nodeEffects.readFile(`${outDir}/${entry.name}/quality.json`);
    if (!quality) continue;
    try {
      const review = (JSON.parse(new TextDecoder().decode(quality)) as { review?: { draft?: boolean; pending?: number; reviewFile?: string } }).review;
      if (review?.draft && !unreviewed.some((u) => u.startsWith(`${entry.name}:`))) unreviewed.push(`${entry.name}: ${findings(review.pending ?? 0)} awaiting review in ${review.reviewFile ?? 'its review file'}`);
    } catch {
      // An unreadable quality report is not a draft marker; the packages themselves are checked by the portal.
    }
  }
  if (!marker && unreviewed.length === 0) return null;
  return `${outDir} is an unreviewed draft (build --draft) and is never published (${unreviewed.join('; ')}): decide the findings in the review files, then build without --draft`;
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

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/hadano-ict-plan')) {
  process.exitCode = await runCli(process.argv.slice(2), stdoutPrinter());
}
