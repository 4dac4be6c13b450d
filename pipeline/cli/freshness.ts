/**
 * Whether the compiled CLI (`.build/`, made by `pipeline/cli/compile.ts`) still matches its sources.
 * The compile records every source file it bundled (the pipeline's TypeScript, the schemas behind
 * the standalone validators; the context and the site's assets are read at run time, never stale), and
 * the compile's own file, whose settings (the shebang's Node options) shape the output too,
 * with its size and modification time; the compiled CLI checks them as it starts (about 80 `stat` calls, under a millisecond), so an
 * edited source is never run stale: the CLI compiles again and runs the new code.
 */
import { readFileSync, statSync } from 'node:fs';

/** The compile's own file, relative to the repository: run to compile, and an input of every compile. */
export const COMPILE_SOURCE = 'pipeline/cli/compile.ts';

/** The name of the compile's record of its inputs, beside the compiled CLI. */
export const INPUTS_FILE = 'inputs.json';

/** One source file as the compile saw it: path relative to the repository, size and modification time. */
export interface CompiledInput {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The record of a compile's inputs (`inputs.json`). */
export interface CompiledInputs {
  files: CompiledInput[];
}

/** The size and modification time of a file now, or null when it is gone. */
export function statInput(root: URL, path: string): CompiledInput | null {
  try {
    const stat = statSync(new URL(path, root));
    return { path, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

/**
 * The inputs of the compiled CLI in `buildDir` that changed since it was compiled (empty when none
 * did), or null when `buildDir` holds no record of a compile (the TypeScript itself is running).
 */
export function findStaleInputs(buildDir: URL): string[] | null {
  let record: CompiledInputs;
  try {
    record = JSON.parse(readFileSync(new URL(INPUTS_FILE, buildDir), 'utf8')) as CompiledInputs;
  } catch {
    return null;
  }
  const root = new URL('../', buildDir);
  return record.files.flatMap((file) => {
    const now = statInput(root, file.path);
    return now && now.size === file.size && now.mtimeMs === file.mtimeMs ? [] : [file.path];
  });
}
