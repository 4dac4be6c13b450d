/**
 * Compiles the command line into `.build/` (git-ignored; never the published `dist/`): the CLI and
 * the pipeline bundled by esbuild into one ES module, with the dependencies it needs at every start
 * inside it, n3's parser and writer in chunks of their own (loaded for the catalog), and the JSON Schemas
 * as ajv's standalone code generated here, so a start compiles no schema and resolves no package.
 * Run by `npm ci` (`prepare`), by the test setup, and by the compiled CLI itself when a source
 * changed since (`freshness.ts`); `npm run compile` runs it by hand.
 */
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { build, type Plugin } from 'esbuild';
import { createSchemaAjv, SCHEMAS } from '../model/schemas.js';
import { COMPILE_SOURCE, INPUTS_FILE, statInput, type CompiledInputs } from './freshness.js';

// ajv's standalone module is CommonJS; its default export arrives wrapped under NodeNext resolution.
const standaloneCode = ((standaloneCodeModule as unknown as { default?: unknown }).default ?? standaloneCodeModule) as (
  ajv: ReturnType<typeof createSchemaAjv>,
  refs: Record<string, string>,
) => string;

/** The repository this file belongs to. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The compiled CLI's folder, under the repository (git-ignored). */
export const BUILD_DIR = '.build';

/**
 * The Node options the compiled CLI runs with: its shebang, and the same values written out in the npm
 * scripts and in `pipeline/cli/cli.ts`'s shebang (a test in `test/cli/compile.test.ts` keeps them
 * equal); the tests and the bench spawn it with these. Both must be given as Node starts.
 * - `--max-semi-space-size=32`: the young generation up to 32 MB, V8 sets it only then. Fewer
 *   collections of the short-lived pieces outputs are made of than V8's default 16 MB, and 140 MB less
 *   at a 1000× build's peak than 64 MB for the same time (its starting size is V8's own: 16 MB saved a
 *   real build about 20 ms but held 16 MB more at its peak).
 * - `--interrupt-budget=1081344`: 16 times Node 20's V8 default (67,584), the bytecode a function runs
 *   before V8 considers optimising it. A build runs most of its code briefly, once per output: with the
 *   default, TurboFan compiled 141 functions of the real build (849 ms of compiling, beside a 1 s build
 *   on two cores), with 16 times the budget 30 (185 ms), and the build took about a tenth less wall
 *   time and a fifth less CPU; the 100× and 1000× builds were no slower. Set later, at run time, it
 *   reaches only the functions made after it (two thirds of the wall-time gain). BENCHMARKS.md.
 */
export const NODE_FLAGS = ['--max-semi-space-size=32', '--interrupt-budget=1081344'] as const;

/** The shebang of the compiled CLI (the package's `bin`). */
const SHEBANG = `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`;

/**
 * ajv's standalone code (an ES module) for the project's schemas, with the exports of
 * `pipeline/model/schemas.ts`'s validators: the same schemas, options and formats, compiled now.
 */
export function toStandaloneValidators(): string {
  const ajv = createSchemaAjv({ source: true, esm: true });
  const refs: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    ajv.addSchema(schema);
    refs[name] = schema.$id;
  }
  return standaloneCode(ajv, refs);
}

/** The facts of one compile: the files written under the build folder and the sources recorded. */
export interface CompileResult {
  outDir: string;
  files: string[];
  inputs: number;
}

/**
 * Bundles `pipeline/cli/cli.ts` into `outDir` (default `.build/` of `root`) and records its inputs
 * (`inputs.json`). Each file is written beside its place and renamed over it, so a CLI starting
 * meanwhile reads either the old file or the new one, whole.
 */
export async function compileCli(root: string = ROOT, outDir: string = join(root, BUILD_DIR)): Promise<CompileResult> {
  const entry = join(root, 'pipeline/cli/cli.ts');
  const schemasModule = join(root, 'pipeline/model/schemas.ts');
  const result = await build({
    absWorkingDir: root,
    // Named, so it lands at the build folder's top (`cli.js`).
    entryPoints: { cli: entry },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'warning',
    // Beside the CLI: a module's rewritten `import.meta.url` is relative to the build folder.
    chunkNames: '[name]-[hash]',
    // The bundled CommonJS packages (ajv's runtime, n3) call `require` for Node's modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [standaloneSchemas(schemasModule), sourceLocations(entry, outDir)],
  });
  const written: string[] = [];
  mkdirSync(outDir, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    if (file.path === join(outDir, 'cli.js')) chmodSync(temporary, 0o755);
    renameSync(temporary, file.path);
    written.push(relative(outDir, file.path));
  }
  // Chunks of earlier compiles are no longer referenced.
  for (const name of readdirSync(outDir)) if (name.endsWith('.js') && !written.includes(name)) rmSync(join(outDir, name), { force: true });
  const rootUrl = pathToFileURL(`${root.replace(/\/*$/, '')}/`);
  const sources = [
    ...Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules/') && !path.startsWith('<')),
    ...Object.keys(SCHEMAS).map((name) => `schemas/${name.replace(/^validate(\w+)Schema$/, (_m, kind: string) => kind.toLowerCase())}.schema.json`),
    // The compile's own settings (the shebang's `NODE_FLAGS`, esbuild's options) shape the output too.
    COMPILE_SOURCE,
  ];
  const record: CompiledInputs = { files: [...new Set(sources)].sort().flatMap((path) => statInput(rootUrl, path) ?? []) };
  const temporary = join(outDir, `${INPUTS_FILE}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(record, null, 1)}\n`);
  renameSync(temporary, join(outDir, INPUTS_FILE));
  return { outDir, files: [...written, INPUTS_FILE], inputs: record.files.length };
}

/** Serves `pipeline/model/schemas.ts` as ajv's standalone code (its `require`s of ajv's runtime are bundled). */
function standaloneSchemas(schemasModule: string): Plugin {
  return {
    name: 'standalone-schemas',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]pipeline[\\/]model[\\/]schemas\.ts$/ }, (args) =>
        args.path === schemasModule ? { contents: toStandaloneValidators(), loader: 'js', resolveDir: dirname(schemasModule) } : undefined,
      );
    },
  };
}

/**
 * Keeps each module's `import.meta.url` pointing at its source file, so files read beside a module at
 * run time (the site's assets, the JSON-LD context) are found from the compiled CLI too; the entry
 * keeps its own (the CLI checks with it that it was run as the command), with the compiled shebang.
 */
function sourceLocations(entry: string, outDir: string): Plugin {
  return {
    name: 'source-locations',
    setup(plugin) {
      plugin.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(args.path, 'utf8');
        if (args.path === entry) return { contents: text.replace(/^#!.*/, SHEBANG), loader: 'ts' };
        if (!text.includes('import.meta.url')) return undefined;
        const fromBuild = relative(outDir, args.path).split(sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBuild)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

// `npm run compile`, `npm ci` (prepare): compile into .build/ (or the folder given, as the compiled
// CLI does when it compiles itself again).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  const { outDir, files, inputs } = await compileCli(ROOT, process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stderr.write(`${relative(ROOT, outDir)}/: ${files.length} files from ${inputs} sources, ${Math.round(performance.now() - started)} ms\n`);
}
