/** Shared test helpers: source lines from literal text, and the real seed editions. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceLine } from '../pipeline/document.js';

/** Numbered source lines from literal lines (trailing spaces significant). */
export function sourceLines(...texts: string[]): SourceLine[] {
  return texts.map((text, i) => ({ line: i + 1, text }));
}

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The real seed editions: folder id → text file name. */
export const SEEDS = { '2021': '002_85c4f7d9f38b493a.txt', '2025-03': '000_5b993dc6e4c545ce.txt' } as const;

/** Bytes of a seed edition's text. */
export function seedBytes(id: keyof typeof SEEDS): Uint8Array {
  return new Uint8Array(readFileSync(`${ROOT}seeds/${id}/${SEEDS[id]}`));
}

/** The text of a seed edition's edition.json. */
export function seedMeta(id: keyof typeof SEEDS): string {
  return readFileSync(`${ROOT}seeds/${id}/edition.json`, 'utf8');
}
