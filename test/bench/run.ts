/**
 * `npm run bench`: times the full build (parse, validate, CSV, JSON-LD and RDF, packages, zip,
 * pages, write) of the real seeds and of synthetic editions made by replicating the real sheets
 * 10× and 100× (1000× with `--full`), each in a fresh process through the compiled CLI as `npm run
 * build` runs it (`node` with the CLI's `NODE_FLAGS` and `.build/cli.js build`, compiled first when stale), and
 * the real seeds once more through `npm run build` itself (npm's own start included). Before every
 * build it times a bare `node -e 0`, so each figure is printed beside the floor measured in the same
 * run (a ratio survives this shared machine's noise). Prints a Markdown table of medians (wall time
 * including Node's start, × `node -e 0`, peak memory, time per stage) and the time per sheet from
 * 10× up, to show the cost grows linearly.
 *
 * `npm run bench -- --mutants [--workers N]`: builds every mutant of the mutation suite
 * (`test/mutants.ts`) over the real seeds, spread over worker threads (default: one per core, at
 * most 2), prints the mutation table and every `changed` and `stopped-far` mutant, and writes them to
 * `test/artifacts/mutants.md` and `mutants.json`. With `--text`, the mutants of each remaining line of the
 * texts instead (`generateTextMutants`), written to `mutants-text.md` and `mutants-text.json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { BUILD_DIR, compileCli, NODE_FLAGS } from '../../pipeline/cli/compile.js';
import { findStaleInputs } from '../../pipeline/cli/freshness.js';
import { writeSyntheticSeeds } from '../helpers.js';
import {
  baselineOf,
  changedSummary,
  classifyMutant,
  describeResult,
  formatMutationTable,
  generateMutants,
  generateTextMutants,
  mutationTable,
  readSeedEditions,
  sampleMutants,
  type Baseline,
  type Mutant,
  type MutantResult,
  type SeedEdition,
} from '../mutants.js';

/** The mutants of one run: the year tables' (`--mutants`), or the rest of the text's (`--mutants --text`). */
const mutantsOf = (editions: readonly SeedEdition[], text: boolean): Mutant[] =>
  editions.flatMap((e, i) => (text ? generateTextMutants(e, i, editions) : generateMutants(e, i, editions)));

const ROOT = new URL('../../', import.meta.url).pathname;
const full = process.argv.includes('--full');
const machine = () => `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

/** The median of some numbers. */
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall seconds of a process run to its end (spawned directly, no shell), with what it printed. */
function timeProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): { seconds: number; status: number | null; stdout: string; stderr: string } {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { seconds: (performance.now() - started) / 1000, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** The build benchmarks (the default mode). */
async function buildBenchmarks(): Promise<void> {
  // The CLI as `npm run build` runs it: compiled, and current.
  const stale = findStaleInputs(pathToFileURL(`${ROOT}${BUILD_DIR}/`));
  if (stale === null || stale.length > 0) await compileCli();
  const work = mkdtempSync(join(tmpdir(), 'bench-'));

  interface Run {
    wall: number;
    /** A bare `node -e 0` timed just before the build. */
    floor: number;
    peakRssMiB: number;
    stages: { stage: string; ms: number }[];
    sheets: number;
  }

  /** One build of `seeds` (`viaNpm`: through `npm run build`), after one `node -e 0`. */
  function build(seeds: string, viaNpm = false): Run {
    const out = join(work, 'dist');
    const floor = timeProcess(process.execPath, ['-e', '0']).seconds;
    // A synthetic edition repeats the real sheets under new numbers, so the findings its real text's
    // review file accepts are new findings there: it is built as a draft (every output still written).
    const args = ['--seeds', seeds, '--out', out, '--json', ...(seeds === join(ROOT, 'seeds') ? [] : ['--draft'])];
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1743465600' };
    const child = viaNpm
      ? timeProcess('npm', ['run', '--silent', 'build', '--', ...args], env)
      : timeProcess(process.execPath, [...NODE_FLAGS, join(ROOT, BUILD_DIR, 'cli.js'), 'build', ...args], env);
    if (child.status !== 0) throw new Error(`build of ${seeds} failed: ${child.stderr.slice(0, 500)}${child.stdout.slice(0, 500)}`);
    const report = JSON.parse(child.stdout);
    rmSync(out, { recursive: true, force: true });
    const stages = new Map<string, number>();
    for (const s of report.stages as { stage: string; ms: number }[]) stages.set(s.stage, (stages.get(s.stage) ?? 0) + s.ms);
    const sheets = (report.editions as { totals: { sheets: number } }[]).reduce((n, e) => n + e.totals.sheets, 0);
    return { wall: child.seconds, floor, peakRssMiB: report.peakRssMiB, stages: [...stages].map(([stage, ms]) => ({ stage, ms })), sheets };
  }

  const seeds = join(ROOT, 'seeds');
  const cases: { name: string; seeds: string; times: number; viaNpm?: boolean; factor?: number }[] = [
    { name: 'seeds (both editions)', seeds, times: 7 },
    { name: 'seeds, through `npm run build`', seeds, times: 5, viaNpm: true },
    { name: '10× 2025-03', seeds: writeSyntheticSeeds(10, join(work, 'x10')), times: 3, factor: 10 },
    { name: '100× 2025-03', seeds: writeSyntheticSeeds(100, join(work, 'x100')), times: 3, factor: 100 },
    ...(full ? [{ name: '1000× 2025-03', seeds: writeSyntheticSeeds(1000, join(work, 'x1000')), times: 3, factor: 1000 }] : []),
  ];

  // The machine is shared: its load (1-minute average) before and after every case says how shared.
  const loads: number[] = [loadavg()[0]!];
  const rows: string[] = [];
  const floors: number[] = [];
  const perSheet: string[] = [];
  for (const { name, seeds: folder, times, viaNpm, factor } of cases) {
    const runs: Run[] = [];
    for (let i = 0; i < times; i++) runs.push(build(folder, viaNpm));
    floors.push(...runs.map((r) => r.floor));
    const wall = median(runs.map((r) => r.wall));
    const floor = median(runs.map((r) => r.floor));
    const stageNames = runs[0]!.stages.map((s) => s.stage);
    const stages = stageNames.map((stage) => `${stage} ${(median(runs.map((r) => r.stages.find((s) => s.stage === stage)?.ms ?? 0)) / 1000).toFixed(2)}`).join(', ');
    const walls = runs.map((r) => r.wall.toFixed(2)).join(', ');
    rows.push(`| ${name} | ${runs[0]!.sheets} | ${times} | ${wall.toFixed(2)} s (${walls}) | ${(floor * 1000).toFixed(0)} ms | ${(wall / floor).toFixed(1)}× | ${median(runs.map((r) => r.peakRssMiB))} MiB (${runs.map((r) => r.peakRssMiB).join(', ')}) | ${stages} |`);
    if (factor) perSheet.push(`${factor}×: ${((wall / runs[0]!.sheets) * 1000).toFixed(2)} ms per sheet`);
    loads.push(loadavg()[0]!);
    console.error(`done: ${name}`);
  }
  console.log(`Machine: ${machine()}; \`node -e 0\`: ${(median(floors) * 1000).toFixed(0)} ms (median of ${floors.length}, one before each build)`);
  console.log(`Command: \`npm run bench${full ? ' -- --full' : ''}\`, ${new Date().toISOString().slice(0, 10)}; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (1 minute, before and after each case)`);
  console.log('');
  console.log('| input | sheets | runs | wall (median, incl. Node start; each run) | `node -e 0` (median, same runs) | × `node -e 0` | peak memory (median; each run) | seconds per stage (median) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
  console.log('');
  console.log(`Wall time per sheet (linear when equal): ${perSheet.join('; ')}`);
  rmSync(work, { recursive: true, force: true });
}

/** Messages between the mutation run and its workers. */
type ToWorker = { type: 'run'; indices: number[] } | { type: 'stop' };
type FromWorker = { type: 'ready' } | { type: 'results'; results: [number, MutantResult][] };

/** How many mutants a worker is given at a time: small enough that both end together. */
const MUTANTS_PER_TASK = 16;

/** A mutation worker: builds the mutants whose indices it is sent (same seeds, same order as the main thread). */
function mutantWorker(): void {
  const port = parentPort!;
  const editions = readSeedEditions(join(ROOT, 'seeds'));
  const mutants = mutantsOf(editions, (workerData as { text: boolean }).text);
  const baselines = new Map<string, Promise<Baseline>>();
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'stop') return port.close();
    const results: [number, MutantResult][] = [];
    for (const index of message.indices) {
      const mutant = mutants[index]!;
      if (!baselines.has(mutant.edition)) baselines.set(mutant.edition, baselineOf(editions, mutant.edition));
      results.push([index, await classifyMutant(editions, mutant, await baselines.get(mutant.edition)!)]);
    }
    port.postMessage({ type: 'results', results } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

/** Starts a worker thread running this file (with tsx's loader registered in it). */
function startWorker(text: boolean): Worker {
  const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(code, { eval: true, execArgv: [], workerData: { text } });
}

/** `--mutants`: every mutant of both editions, the table, and the mutants that changed values or stopped far. */
async function runMutants(): Promise<void> {
  const started = performance.now();
  const option = process.argv.indexOf('--workers');
  const workers = option > 0 ? Number(process.argv[option + 1]) : Math.min(2, cpus().length);
  const editions = readSeedEditions(join(ROOT, 'seeds'));
  // `--every k`: every k-th mutant of each edition × table × kind only (as the CI sample; for timing).
  const every = process.argv.includes('--every') ? Number(process.argv[process.argv.indexOf('--every') + 1]) : 1;
  // `--text`: the lines outside the year tables instead (the sheets' names, departments and prose, the 一覧, the 改訂履歴).
  const text = process.argv.includes('--text');
  const all = mutantsOf(editions, text);
  const mutants = every > 1 ? sampleMutants(all, every, 14) : all;
  const indexOf = new Map(all.map((m, i) => [m.id, i]));
  const slotOf = new Map(mutants.map((m, i) => [m.id, i]));
  console.error(`${mutants.length} mutants (${editions.map((e) => `${e.id}: ${mutants.filter((m) => m.edition === e.id).length}`).join(', ')}), ${workers} workers`);
  const results: MutantResult[] = new Array(mutants.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = startWorker(text);
        const give = () => {
          const indices = Array.from({ length: Math.min(MUTANTS_PER_TASK, mutants.length - next) }, () => indexOf.get(mutants[next++]!.id)!);
          worker.postMessage((indices.length > 0 ? { type: 'run', indices } : { type: 'stop' }) satisfies ToWorker);
          if (indices.length === 0) void worker.terminate().then(() => resolve());
        };
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'results') {
            for (const [index, result] of message.results) results[slotOf.get(all[index]!.id)!] = result;
            done += message.results.length;
            if (done % 500 < MUTANTS_PER_TASK) console.error(`  ${done}/${mutants.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
          }
          give();
        });
        worker.on('error', reject);
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  // Errors the undamaged builds already have are not counted for any mutant: say so when there are any.
  const baselineErrors: string[] = [];
  for (const edition of editions) {
    const { errors } = await baselineOf(editions, edition.id);
    if (errors.size > 0) baselineErrors.push(`${edition.id}: ${errors.size} (${[...errors].map((e) => e.split(/[|@]/)[0]).join(', ')})`);
  }
  const list = (cls: MutantResult['class']) => results.filter((r) => r.class === cls).map((r) => `- ${describeResult(r)}`);
  const report = [
    `Command: \`npm run bench -- --mutants${text ? ' --text' : ''}${option > 0 ? ` --workers ${workers}` : ''}${every > 1 ? ` --every ${every}` : ''}\` (${workers} worker threads), ${new Date().toISOString().slice(0, 10)}`,
    `Machine: ${machine()}`,
    `Time: ${seconds.toFixed(1)} s for ${mutants.length} mutants`,
    `Errors of the undamaged builds (not counted): ${baselineErrors.length > 0 ? baselineErrors.join('; ') : 'none'}`,
    '',
    ...formatMutationTable(mutationTable(results)),
    '',
    `## changed (${list('changed').length})`,
    '',
    ...changedSummary(results),
    '',
    ...list('changed'),
    '',
    `## stopped-far (${list('stopped-far').length})`,
    '',
    ...list('stopped-far'),
    '',
  ];
  const out = join(ROOT, 'test/artifacts');
  mkdirSync(out, { recursive: true });
  const name = text ? 'mutants-text' : 'mutants';
  writeFileSync(join(out, `${name}.md`), report.join('\n'));
  writeFileSync(join(out, `${name}.json`), JSON.stringify({ seconds, workers, machine: machine(), results }, null, 1));
  console.log(report.join('\n'));
  console.error(`wrote test/artifacts/${name}.md and ${name}.json; ${seconds.toFixed(1)} s`);
}

// Last, so that every declaration above is initialised: a worker thread runs this file too.
if (!isMainThread) mutantWorker();
else if (process.argv.includes('--mutants')) await runMutants();
else await buildBenchmarks();
