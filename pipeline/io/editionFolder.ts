/**
 * Stage `read`: one edition folder of the seeds folder — `edition.json`, the edition's one `.txt`
 * text, and `review.json` when a person has decided findings — read through `Effects`.
 */
import { diagnose, type Diagnostic } from '../diagnostics.js';
import type { EditionMeta } from '../model/plan.js';
import { REVIEW_FILE } from '../model/reviewEdition.js';
import { parseEditionMeta } from '../read/parseEditionMeta.js';
import type { Effects } from './effects.js';

/** One edition folder read from disk: its metadata and the bytes of its text. */
export interface EditionInput {
  folder: string;
  meta: EditionMeta;
  textFile: string;
  /** The text's path as given to the build (`seeds/2021/….txt`), for messages. */
  textPath: string;
  bytes: Uint8Array;
  /** The bytes of the folder's review file (`review.json`, beside the text), when it has one. */
  review?: Uint8Array | null;
}

/** Joins path parts with single slashes (the paths `Effects` takes). */
export function join(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

/** Reads one edition folder (`edition.json`, its single `.txt`, and `review.json` when there is one). */
export async function fromEditionFolder(
  effects: Effects,
  seedsDir: string,
  folder: string,
): Promise<{ ok: true; input: EditionInput } | { ok: false; diagnostics: Diagnostic[] }> {
  const metaPath = join(seedsDir, folder, 'edition.json');
  const metaBytes = await effects.readFile(metaPath);
  if (!metaBytes) {
    return { ok: false, diagnostics: [diagnose('meta/missing', 'noMetaFile', { path: metaPath }, { file: metaPath })] };
  }
  const meta = parseEditionMeta(new TextDecoder().decode(metaBytes), metaPath, folder);
  if (!meta.ok) return { ok: false, diagnostics: meta.diagnostics };
  const entries = (await effects.listDirectory(join(seedsDir, folder))) ?? [];
  const texts = entries.filter((e) => !e.isDirectory && e.name.endsWith('.txt')).map((e) => e.name).sort();
  if (texts.length !== 1) {
    return {
      ok: false,
      diagnostics: [
        diagnose('meta/no-text', 'count', { folder: join(seedsDir, folder), count: texts.length }, { file: metaPath }),
      ],
    };
  }
  const textFile = texts[0]!;
  const bytes = (await effects.readFile(join(seedsDir, folder, textFile)))!;
  const review = await effects.readFile(join(seedsDir, folder, REVIEW_FILE));
  return { ok: true, input: { folder, meta: meta.meta, textFile, textPath: join(seedsDir, folder, textFile), bytes, review } };
}
