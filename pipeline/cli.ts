/**
 * Command line: `build` turns every edition folder under `--seeds` (default `seeds/`) into
 * `--out` (default `dist/`); `publish` sends the built packages to a CKAN portal (dry run by
 * default). Exit codes: 0 done, 1 data or portal errors, 2 usage errors.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildEditions } from './build.js';
import { nodeEffects } from './effects.js';
import { formatBuildReport } from './report.js';
import { formatRequest, publishToCkan } from './publishCkan.js';
import type { CkanPackage } from './toCkanPackage.js';

const USAGE = `Usage: npm run build -- [--seeds <dir>] [--out <dir>] [--quiet]
       npm run publish -- --ckan <url> [--out <dir>] [--org <slug>] [--apply]
       tsx pipeline/cli.ts <build|publish> [options]

build    Builds every edition folder under --seeds (default: seeds) into --out (default: dist).
         An edition folder holds the edition's text (one .txt file, unchanged) and edition.json.
publish  Creates or updates each edition's package (--out/ckan/*.json, made by build) on a CKAN
         portal through its Action API. Dry run unless --apply: prints the exact write requests.
         The API token is read from the environment variable CKAN_API_TOKEN and never printed.

Options:
  --seeds <dir>  folder of edition folders (build; default: seeds)
  --out <dir>    output folder (default: dist)
  --quiet        print only errors and the closing line (build)
  --ckan <url>   base URL of the CKAN portal (publish)
  --org <slug>   CKAN organisation that owns the packages (publish; default: hadano-city)
  --apply        send the write requests (publish; default: dry run)
  --help         show this help

Exit codes: 0 done, 1 data or portal errors (build: nothing written), 2 usage errors.`;

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
        ckan: { type: 'string' },
        org: { type: 'string' },
        apply: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    out(`error: ${(error as Error).message}`);
    out(USAGE);
    return 2;
  }
  const [command = 'build', ...rest] = parsed.positionals;
  if (parsed.values.help) {
    out(USAGE);
    return 0;
  }
  if (!['build', 'publish'].includes(command) || rest.length > 0) {
    out(`error: unknown command ${[command, ...rest].join(' ')}`);
    out(USAGE);
    return 2;
  }
  if (command === 'publish') return publish(parsed.values, out, env, fetchImpl);
  const clock = buildClock(env);
  if (clock.warning) out(`warning: ${clock.warning}`);
  const result = await buildEditions({ seedsDir: parsed.values.seeds, outDir: parsed.values.out, effects: nodeEffects, buildDate: clock.date });
  for (const line of formatBuildReport(result, { verbose: !parsed.values.quiet })) out(line);
  return result.ok ? 0 : 1;
}

async function publish(
  values: { out: string; ckan?: string | undefined; org?: string | undefined; apply: boolean },
  out: (line: string) => void,
  env: NodeJS.ProcessEnv,
  fetchImpl: typeof fetch,
): Promise<number> {
  if (!values.ckan || !/^https?:\/\//.test(values.ckan)) {
    out('error: publish needs --ckan <url> (http or https)');
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

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
