/**
 * Stage 1: bytes of an edition text → `SourceText`, the decoded lines with their numbers, plus the
 * file's SHA-256 and what was found about its encoding and line ends.
 */
import { createHash } from 'node:crypto';
import { diagnose, type Diagnostic } from './diagnostics.js';
import type { SourceLine, SourceText } from './document.js';

/** The decoded source, or the diagnostics that say why the bytes are not an edition text. */
export type SourceTextResult = { ok: true; source: SourceText; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Decodes UTF-8 edition bytes (with or without BOM, LF or CRLF) into numbered lines. */
export function toSourceText(bytes: Uint8Array, fileName: string): SourceTextResult {
  if (bytes.length === 0) {
    return { ok: false, diagnostics: [diagnose('input/empty', 'Expected edition text, found an empty file', { file: fileName })] };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      ok: false,
      diagnostics: [diagnose('input/not-text', 'Expected UTF-8 text, found bytes that are not valid UTF-8', { file: fileName })],
    };
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return {
      ok: false,
      diagnostics: [diagnose('input/not-text', 'Expected text, found control characters of binary data', { file: fileName })],
    };
  }
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  const lineEnding = lf === 0 ? 'none' : crlf === lf ? 'CRLF' : crlf === 0 ? 'LF' : 'mixed';
  const rawLines = text.split(/\r?\n/);
  // A final line end does not start another line.
  if (rawLines.length > 1 && rawLines.at(-1) === '') rawLines.pop();
  const lines: SourceLine[] = rawLines.map((t, i) => ({ line: i + 1, text: t }));
  return {
    ok: true,
    source: {
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      byteLength: bytes.length,
      encoding: 'utf-8',
      bom,
      lineEnding,
      lines,
    },
    diagnostics: [],
  };
}
