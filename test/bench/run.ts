/**
 * `npm run bench`: times the full build (parse, validate, CSV, JSON-LD and RDF, packages, zip,
 * pages, write) of the real seeds and of synthetic editions made by replicating the real sheets
 * 10× and 100× (1000× with `--full`), each in a fresh process through the CLI (`pipeline/cli.ts` run as
 * the `hadano-ict-plan` command, with its Node options), and prints a
 * Markdown table of medians (wall time including Node's start, peak memory, time per stage).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticSeeds } from '../helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const full = process.argv.includes('--full');
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

function build(seeds: string): Run {
  const out = join(work, 'dist');
  const started = performance.now();
  // The CLI as users run it (`hadano-ict-plan`): the file itself, so its shebang's Node options apply.
  const child = spawnSync(join(ROOT, 'pipeline/cli.ts'), ['build', '--seeds', seeds, '--out', out, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, SOURCE_DATE_EPOCH: '1743465600' },
  });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`build of ${seeds} failed: ${child.stderr.slice(0, 500)}`);
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
  const runs = Array.from({ length: times }, () => build(seeds));
  const stageNames = runs[0]!.stages.map((s) => s.stage);
  const stages = stageNames.map((stage) => `${stage} ${(median(runs.map((r) => r.stages.find((s) => s.stage === stage)?.ms ?? 0)) / 1000).toFixed(2)}`).join(', ');
  rows.push(`| ${name} | ${runs[0]!.projects} | ${times} | ${median(runs.map((r) => r.wall)).toFixed(2)} s | ${median(runs.map((r) => r.peakRssMiB))} MiB | ${stages} |`);
  console.error(`done: ${name}`);
}
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log('');
console.log('| input | sheets | runs | wall (median, incl. Node start) | peak memory (median) | seconds per stage (median) |');
console.log('|---|---:|---:|---:|---:|---|');
for (const row of rows) console.log(row);
rmSync(work, { recursive: true, force: true });
