/**
 * `npm run bench`: times the full build (parse, validate, CSV, JSON-LD and RDF, packages, zip,
 * pages, write) of the real seeds and of synthetic editions made by replicating the real sheets
 * 10× and 100× (1000× with `--full`), each in a fresh process through the CLI (`pipeline/cli/cli.ts` run as
 * the `hadano-ict-plan` command, with its Node options, run by zx), and prints a
 * Markdown table of medians (wall time including Node's start, peak memory, time per stage).
 *
 * `npm run bench -- --mutants [--workers N]`: builds every mutant of the mutation suite
 * (`test/mutants.ts`) over the real seeds, spread over worker threads (default: one per core, at
 * most 2), prints the mutation table and every `changed` and `stopped-far` mutant, and writes them to
 * `test/artifacts/mutants.md` and `mutants.json`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { $ } from 'zx';
import { writeSyntheticSeeds } from '../helpers.js';
import {
  baselineOf,
  changedSummary,
  classifyMutant,
  describeResult,
  formatMutationTable,
  generateMutants,
  mutationTable,
  readSeedEditions,
  sampleMutants,
  type Baseline,
  type MutantResult,
} from '../mutants.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const full = process.argv.includes('--full');
const machine = () => `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

/** The build benchmarks (the default mode). */
async function buildBenchmarks(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'bench-'));

  /** A seeds folder holding the 2025-03 edition with its sheets replicated `factor` times. */
  function synthetic(factor: number): string {
    return writeSyntheticSeeds(factor, join(work, `x${factor}`));
  }

  interface Run {
    wall: number;
    peakRssMiB: number;
    stages: { stage: string; ms: number }[];
    projects: number;
  }

  async function build(seeds: string): Promise<Run> {
    const out = join(work, 'dist');
    const started = performance.now();
    // The CLI as users run it (`hadano-ict-plan`): the file itself, so its shebang's Node options apply.
    // A synthetic edition repeats the real sheets under new numbers, so the findings its real text's
    // review file accepts are new findings there: it is built as a draft (every output still written).
    const draft = seeds === join(ROOT, 'seeds') ? [] : ['--draft'];
    const child = await $({ cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1743465600' }, nothrow: true, quiet: true })`${join(ROOT, 'pipeline/cli/cli.ts')} build --seeds ${seeds} --out ${out} --json ${draft}`;
    const wall = (performance.now() - started) / 1000;
    if (child.exitCode !== 0) throw new Error(`build of ${seeds} failed: ${child.stderr.slice(0, 500)}`);
    const report = JSON.parse(child.stdout);
    rmSync(out, { recursive: true, force: true });
    const stages = new Map<string, number>();
    for (const s of report.stages as { stage: string; ms: number }[]) stages.set(s.stage, (stages.get(s.stage) ?? 0) + s.ms);
    const projects = (report.editions as { totals: { sheets: number } }[]).reduce((n, e) => n + e.totals.sheets, 0);
    return { wall, peakRssMiB: report.peakRssMiB, stages: [...stages].map(([stage, ms]) => ({ stage, ms })), projects };
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  const cases: [string, string, number][] = [
    ['seeds (both editions)', join(ROOT, 'seeds'), 5],
    ['10× 2025-03', synthetic(10), 3],
    ['100× 2025-03', synthetic(100), 3],
    ...(full ? ([['1000× 2025-03', synthetic(1000), 3]] as [string, string, number][]) : []),
  ];

  const rows: string[] = [];
  for (const [name, seeds, times] of cases) {
    const runs: Run[] = [];
    for (let i = 0; i < times; i++) runs.push(await build(seeds));
    const stageNames = runs[0]!.stages.map((s) => s.stage);
    const stages = stageNames.map((stage) => `${stage} ${(median(runs.map((r) => r.stages.find((s) => s.stage === stage)?.ms ?? 0)) / 1000).toFixed(2)}`).join(', ');
    rows.push(`| ${name} | ${runs[0]!.projects} | ${times} | ${median(runs.map((r) => r.wall)).toFixed(2)} s | ${median(runs.map((r) => r.peakRssMiB))} MiB | ${stages} |`);
    console.error(`done: ${name}`);
  }
  console.log(`Machine: ${machine()}`);
  console.log('');
  console.log('| input | sheets | runs | wall (median, incl. Node start) | peak memory (median) | seconds per stage (median) |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const row of rows) console.log(row);
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
  const mutants = editions.flatMap((e, i) => generateMutants(e, i, editions));
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
function startWorker(): Worker {
  const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(code, { eval: true, execArgv: [] });
}

/** `--mutants`: every mutant of both editions, the table, and the mutants that changed values or stopped far. */
async function runMutants(): Promise<void> {
  const started = performance.now();
  const option = process.argv.indexOf('--workers');
  const workers = option > 0 ? Number(process.argv[option + 1]) : Math.min(2, cpus().length);
  const editions = readSeedEditions(join(ROOT, 'seeds'));
  // `--every k`: every k-th mutant of each edition × table × kind only (as the CI sample; for timing).
  const every = process.argv.includes('--every') ? Number(process.argv[process.argv.indexOf('--every') + 1]) : 1;
  const all = editions.flatMap((e, i) => generateMutants(e, i, editions));
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
        const worker = startWorker();
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
    `Command: \`npm run bench -- --mutants${option > 0 ? ` --workers ${workers}` : ''}${every > 1 ? ` --every ${every}` : ''}\` (${workers} worker threads), ${new Date().toISOString().slice(0, 10)}`,
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
  writeFileSync(join(out, 'mutants.md'), report.join('\n'));
  writeFileSync(join(out, 'mutants.json'), JSON.stringify({ seconds, workers, machine: machine(), results }, null, 1));
  console.log(report.join('\n'));
  console.error(`wrote test/artifacts/mutants.md and mutants.json; ${seconds.toFixed(1)} s`);
}

// Last, so that every declaration above is initialised: a worker thread runs this file too.
if (!isMainThread) mutantWorker();
else if (process.argv.includes('--mutants')) await runMutants();
else await buildBenchmarks();
