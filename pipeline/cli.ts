/**
 * Command line: `build` turns every edition folder under `--seeds` (default `seeds/`) into
 * `--out` (default `dist/`). Exit codes: 0 built, 1 data errors (nothing written), 2 usage errors.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildEditions } from './build.js';
import { nodeEffects } from './effects.js';
import { formatBuildReport } from './report.js';

const USAGE = `Usage: npm run build -- [--seeds <dir>] [--out <dir>] [--quiet]
       tsx pipeline/cli.ts build [--seeds <dir>] [--out <dir>] [--quiet]

Builds every edition folder under --seeds (default: seeds) into --out (default: dist).
An edition folder holds the edition's text (one .txt file, unchanged) and edition.json.

Options:
  --seeds <dir>  folder of edition folders (default: seeds)
  --out <dir>    output folder (default: dist)
  --quiet        print only errors and the closing line
  --help         show this help

Exit codes: 0 built, 1 data errors (nothing written), 2 usage errors.`;

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
export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seeds: { type: 'string', default: 'seeds' },
        out: { type: 'string', default: 'dist' },
        quiet: { type: 'boolean', default: false },
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
  if (command !== 'build' || rest.length > 0) {
    out(`error: unknown command ${[command, ...rest].join(' ')}`);
    out(USAGE);
    return 2;
  }
  const clock = buildClock();
  if (clock.warning) out(`warning: ${clock.warning}`);
  const result = await buildEditions({ seedsDir: parsed.values.seeds, outDir: parsed.values.out, effects: nodeEffects, buildDate: clock.date });
  for (const line of formatBuildReport(result, { verbose: !parsed.values.quiet })) out(line);
  return result.ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runCli(process.argv.slice(2));
}
