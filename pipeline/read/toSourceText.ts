/**
 * Stage `decode`: bytes of an edition text → `SourceText`, the decoded lines with their numbers, plus the
 * file's SHA-256 and what was found about its encoding and line ends.
 */
import { createHash } from 'node:crypto';
import { diagnose, type Diagnostic } from '../diagnostics.js';
import type { SourceLine, SourceText } from './document.js';

/** The decoded source, or the diagnostics that say why the bytes are not an edition text. */
export type SourceTextResult = { ok: true; source: SourceText; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Which text encoding the bytes are in: UTF-8 (with or without BOM), else Shift_JIS (CP932), else none. */
export function detectEncoding(bytes: Uint8Array): { encoding: 'utf-8' | 'shift_jis'; bom: boolean; text: string } | { encoding: null; reason: 'utf16' | 'unknownEncoding' } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { encoding: null, reason: 'utf16' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { encoding: 'utf-8', bom, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Not UTF-8: a file saved on Japanese Windows is Shift_JIS (CP932, which WHATWG's shift_jis decoder covers).
  }
  try {
    return { encoding: 'shift_jis', bom: false, text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: null, reason: 'unknownEncoding' };
  }
}

/** Decodes edition bytes (UTF-8 with or without BOM, or Shift_JIS/CP932; LF or CRLF) into numbered lines. */
export function toSourceText(bytes: Uint8Array, fileName: string): SourceTextResult {
  if (bytes.length === 0) {
    return { ok: false, diagnostics: [diagnose('input/empty', 'empty', {}, { file: fileName })] };
  }
  const detected = detectEncoding(bytes);
  if (detected.encoding === null) {
    return { ok: false, diagnostics: [diagnose('input/not-text', detected.reason, {}, { file: fileName })] };
  }
  const { text, bom, encoding } = detected;
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return {
      ok: false,
      diagnostics: [diagnose('input/not-text', 'controlCharacters', {}, { file: fileName })],
    };
  }
  const crlf = occurrences(text, '\r\n');
  const lf = occurrences(text, '\n');
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
      encoding,
      bom,
      lineEnding,
      lines,
    },
    diagnostics: [],
  };
}

// Counted without match(), which makes an array of every occurrence (millions in a large plan).
function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
