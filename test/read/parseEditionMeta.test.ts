import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit, isSafeEditionId, parseEditionMeta, publisherName } from '../../pipeline/read/parseEditionMeta.js';

const valid = { id: '2021', title: '計画', municipality: { code: '142115', name: '神奈川県秦野市' }, baseIri: 'https://example.org/p/' };

describe('parseEditionMeta', () => {
  it('fills in CC BY 4.0 and the attribution text when no licence is given', () => {
    const result = parseEditionMeta(JSON.stringify(valid), 'edition.json', '2021');
    expect(result.ok && result.meta.license).toEqual({
      id: 'CC-BY-4.0',
      name: 'クリエイティブ・コモンズ 表示 4.0 国際',
      url: 'https://creativecommons.org/licenses/by/4.0/',
      attribution: '出典：秦野市「計画」を加工して作成',
    });
  });

  it('rejects a wrong check digit, a folder mismatch, unknown keys and broken JSON', () => {
    const codes = (text: string, folder = '2021') => {
      const r = parseEditionMeta(text, 'edition.json', folder);
      return r.ok ? [] : r.diagnostics.map((d) => d.code);
    };
    expect(codes(JSON.stringify({ ...valid, municipality: { code: '142116', name: 'x' } }))).toEqual(['meta/invalid']);
    expect(codes(JSON.stringify(valid), '2025-03')).toEqual(['meta/invalid']);
    expect(codes(JSON.stringify({ ...valid, extra: 1 }))).toEqual(['meta/invalid']);
    expect(codes('{')).toEqual(['meta/invalid']);
    expect(codes(JSON.stringify({ ...valid, id: '../x' }), '../x')).toEqual(['meta/unsafe-id']);
  });
});

describe('municipality codes and ids', () => {
  it('checks the 全国地方公共団体コード check digit', () => {
    expect(hasValidCheckDigit('142115')).toBe(true);
    expect(hasValidCheckDigit('131016')).toBe(true);
    expect(hasValidCheckDigit('142116')).toBe(false);
  });

  it('accepts only safe folder names as edition ids', () => {
    expect(isSafeEditionId('2025-03')).toBe(true);
    for (const id of ['../x', '.hidden', 'a/b', '', 'a..b']) expect(isSafeEditionId(id)).toBe(false);
  });

  it('names the publisher without its prefecture', () => {
    expect(publisherName('神奈川県秦野市')).toBe('秦野市');
    expect(publisherName('北海道札幌市')).toBe('札幌市');
  });
});
