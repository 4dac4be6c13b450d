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
