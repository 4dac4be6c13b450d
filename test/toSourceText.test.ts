import { describe, expect, it } from 'vitest';
import { toSourceText } from '../pipeline/toSourceText.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('toSourceText', () => {
  it('numbers lines, strips a BOM and reports CRLF', () => {
    const result = toSourceText(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('名称 a\r\n\r\n番号 b\r\n')]), 'x.txt');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.bom).toBe(true);
    expect(result.source.lineEnding).toBe('CRLF');
    expect(result.source.lines).toEqual([
      { line: 1, text: '名称 a' },
      { line: 2, text: '' },
      { line: 3, text: '番号 b' },
    ]);
    expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects empty and binary input with diagnostics', () => {
    const codes = (bytes: Uint8Array) => (toSourceText(bytes, 'x.txt') as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes(new Uint8Array())).toEqual(['input/empty']);
    expect(codes(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual(['input/not-text']);
    expect(codes(encode('abc\u0000def'))).toEqual(['input/not-text']);
  });
});
