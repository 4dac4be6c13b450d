import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSourceText } from '../../pipeline/read/toSourceText.js';

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

  it('reads each line as the whole text split at its line ends would: mixed ends, a lone CR, a U+FEFF inside, no line after the last end', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'あ', '𠮷', ' ', '\r', '\n', '\r\n', '\uFEFF', '\t', '\u001f'), { maxLength: 30 }), fc.boolean(), (pieces, bom) => {
        const text = pieces.join('');
        const result = toSourceText(new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...encode(text)]), 'x.txt');
        if ((text === '' && !bom) || text.includes('\u001f')) {
          expect(result.ok).toBe(false);
          return;
        }
        // Three bytes EF BB BF at the start are a BOM, whether added or the text's own first character.
        const want = (bom ? text : text.replace(/^\uFEFF/, '')).split(/\r?\n/);
        if (want.length > 1 && want.at(-1) === '') want.pop();
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.source.lines.map((l) => l.text)).toEqual(want);
        expect(result.source.lines.map((l) => l.line)).toEqual(want.map((_, i) => i + 1));
        const lf = text.split('\n').length - 1;
        const crlf = text.split('\r\n').length - 1;
        expect(result.source.lineEnding).toBe(lf === 0 ? 'none' : crlf === lf ? 'CRLF' : crlf === 0 ? 'LF' : 'mixed');
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });

  it('refuses bytes that are neither UTF-8 nor Shift_JIS, and control characters in Shift_JIS too', () => {
    const codes = (bytes: Uint8Array) => (toSourceText(bytes, 'x.txt') as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    // 0x82 0xa0 is あ in Shift_JIS; 0x80 alone is neither encoding's.
    expect(codes(new Uint8Array([0x82, 0xa0, 0x0a]))).toEqual([]);
    expect(codes(new Uint8Array([0x80, 0x0a]))).toEqual(['input/not-text']);
    expect(codes(new Uint8Array([0x82, 0xa0, 0x07]))).toEqual(['input/not-text']);
  });

  it('rejects empty and binary input with diagnostics', () => {
    const codes = (bytes: Uint8Array) => (toSourceText(bytes, 'x.txt') as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes(new Uint8Array())).toEqual(['input/empty']);
    expect(codes(new Uint8Array([0xff, 0xfe, 0x00]))).toEqual(['input/not-text']);
    expect(codes(encode('abc\u0000def'))).toEqual(['input/not-text']);
  });
});

describe('toSourceText with text saved on Windows', () => {
  it('reads Shift_JIS (CP932) with CRLF and says so, giving the same plan as the UTF-8 seed', async () => {
    const { default: iconv } = await import('iconv-lite');
    const { parsePlanDocument } = await import('../../pipeline/read/parsePlanDocument.js');
    const { toPlan } = await import('../../pipeline/model/toPlan.js');
    const { parseEditionMeta } = await import('../../pipeline/read/parseEditionMeta.js');
    const { seedBytes, seedMeta } = await import('../helpers.js');
    const utf8 = new TextDecoder().decode(seedBytes('2025-03'));
    const sjis = new Uint8Array(iconv.encode(utf8.replace(/\n/g, '\r\n'), 'cp932'));
    expect(iconv.decode(Buffer.from(sjis), 'cp932').replace(/\r\n/g, '\n')).toBe(utf8);
    const meta = parseEditionMeta(seedMeta('2025-03'), 'edition.json', '2025-03');
    if (!meta.ok) throw new Error('meta');
    const planOf = (bytes: Uint8Array) => {
      const source = toSourceText(bytes, 'x.txt');
      if (!source.ok) throw new Error(source.diagnostics[0]!.message);
      return { source: source.source, plan: toPlan(parsePlanDocument(source.source), meta.meta).plan };
    };
    const a = planOf(seedBytes('2025-03'));
    const b = planOf(sjis);
    expect(b.source).toMatchObject({ encoding: 'shift_jis', bom: false, lineEnding: 'CRLF' });
    expect({ ...b.plan, edition: { ...b.plan.edition, source: null } }).toEqual({ ...a.plan, edition: { ...a.plan.edition, source: null } });
  });

  it('refuses UTF-16 with a message that says what to do', () => {
    const result = toSourceText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'x.txt');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.messageEn).toBe('Expected UTF-8 or Shift_JIS text, found UTF-16 (byte order mark FF FE or FE FF); save the text as UTF-8 or Shift_JIS');
  });
});
