#!/usr/bin/env -S node --max-semi-space-size=64 --import tsx
/**
 * Command line (`hadano-ict-plan`, also behind `npm run build` / `npm run publish`): `build` turns
 * every edition folder under `--seeds` into `--out`; `validate` checks without writing; `diff`
 * prints the changes between two editions; `publish` sends the built packages to a CKAN portal
 * (dry run by default). Exit codes: 0 done, 1 data or portal errors, 2 usage errors.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { buildEditions, type BuildResult, type ProgressEvent, type ProgressListener } from './build.js';
import { diffPlans } from './diffPlans.js';
import { toChangelogFiles } from './toChangelogFiles.js';
import { nodeEffects } from './effects.js';
import { formatBuildReport } from './report.js';
import { formatRequest, publishToCkan } from './publishCkan.js';
import type { CkanPackage } from './toCkanPackage.js';

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
  publish    send the built packages to a CKAN portal (dry run unless --apply)

Run "hadano-ict-plan <command> --help" for a command's options.
Exit codes: 0 done, 1 data or portal errors, 2 usage errors.`,
  build: `Usage: hadano-ict-plan build [--seeds <dir>] [--out <dir>] [--quiet] [--json]

Builds every edition folder under --seeds (default: seeds) into --out (default: dist). An edition
folder holds the edition's text (one .txt file, UTF-8 or Shift_JIS, unchanged) and edition.json.
The output folder is replaced as a whole, and only when every edition built without errors.

  --quiet   print only errors and the closing summary
  --json    print a machine-readable report instead of text
Exit codes: 0 built, 1 data errors (nothing written), 2 usage errors.`,
  validate: `Usage: hadano-ict-plan validate [--seeds <dir>] [--quiet] [--json]

Parses and checks every edition under --seeds (default: seeds) like build, and writes nothing.
Exit codes: 0 valid, 1 data errors, 2 usage errors.`,
  diff: `Usage: hadano-ict-plan diff <from> <to> [--seeds <dir>] [--json]

Prints the changes from edition <from> to edition <to> (edition ids, e.g. 2021 2025-03), computed
from their plan models and cross-checked against <to>'s revision history: Markdown, or --json.
Exit codes: 0 done, 1 data errors, 2 usage errors (unknown edition).`,
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
        help: { type: 'boolean', default: false },
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
  if ((command === 'diff' && rest.length !== 2) || (command !== 'diff' && rest.length > 0)) {
    out(`error: ${command === 'diff' ? 'diff needs two edition ids: diff <from> <to>' : `unexpected argument ${rest.join(' ')}`}`);
    out(HELP[command]!);
    return 2;
  }
  if (command === 'publish') return publish(parsed.values, out, env, fetchImpl);

  const { json, quiet } = parsed.values;
  const clock = buildClock(env);
  if (clock.warning && !json && command === 'build') out(`warning: ${clock.warning}`);
  const started = performance.now();
  const stages: ProgressEvent[] = [];
  const onProgress: ProgressListener = (e) => {
    stages.push(e);
    if (!json && !quiet && command !== 'diff') out(`  ${(e.edition ?? 'all').padEnd(10)} ${e.stage.padEnd(12)} ${e.ms.toFixed(0).padStart(6)} ms`);
  };
  const result = await buildEditions({
    seedsDir: parsed.values.seeds,
    outDir: parsed.values.out,
    effects: nodeEffects,
    buildDate: clock.date,
    write: command === 'build',
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

  if (json) {
    out(JSON.stringify({ ...toJsonReport(command, result, seconds), stages: stages.map((e) => ({ ...e, ms: Number(e.ms.toFixed(1)) })), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
  } else {
    for (const line of formatBuildReport(result, { verbose: !quiet })) out(line);
    out(summaryLine(command, result, seconds));
  }
  return result.ok ? 0 : 1;
}

/** The closing summary of a build or validate run. */
export function summaryLine(command: string, result: BuildResult, seconds: number): string {
  const plans = result.editions.flatMap((e) => (e.plan ? [e.plan] : []));
  const projects = plans.reduce((n, p) => n + p.projects.filter((x) => !x.repostOf).length, 0);
  const indicators = plans.reduce((n, p) => n + p.projects.reduce((m, x) => m + x.indicators.length, 0), 0);
  const count = (severity: string) => result.diagnostics.filter((d) => d.severity === severity).length;
  const files = command === 'build' ? `${result.written.length} files written` : 'nothing written (validate)';
  return `summary: ${result.editions.length} editions, ${projects} projects, ${indicators} indicator rows, ${files}, ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes, ${seconds.toFixed(1)} s`;
}

/** The machine-readable report of `--json`. */
export function toJsonReport(command: string, result: BuildResult, seconds: number): object {
  return {
    command,
    ok: result.ok,
    seconds: Number(seconds.toFixed(3)),
    editions: result.editions.map((e) => ({
      folder: e.folder,
      id: e.id,
      source: e.plan?.edition.source ?? null,
      totals: e.quality?.totals ?? null,
      coverage: e.quality ? { nonBlankLines: e.quality.coverage.nonBlankLines, unaccounted: e.quality.coverage.unaccounted } : null,
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
