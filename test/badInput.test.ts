/**
 * Bad input gets a clear diagnostic — file, line and column, a stable rule code, what was expected —
 * and never a stack trace: the input cases staff will meet, on the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { buildEditions } from '../pipeline/build.js';
import { memoryEffects } from '../pipeline/io/effects.js';
import { formatDiagnostic, type Diagnostic } from '../pipeline/diagnostics.js';
import { seedBytes, seedMeta, TEST_DATE } from './helpers.js';

const seed = new TextDecoder().decode(seedBytes('2025-03'));
const lines = seed.split('\n');

async function diagnosticsOf(text: string | Uint8Array, meta: string | null = seedMeta('2025-03'), folder = '2025-03'): Promise<Diagnostic[]> {
  const files: Record<string, string | Uint8Array> = { [`in/${folder}/edition.txt`]: text };
  if (meta !== null) files[`in/${folder}/edition.json`] = meta.replace('"2025-03"', JSON.stringify(folder));
  const effects = memoryEffects(files);
  const result = await buildEditions({ seedsDir: 'in', outDir: 'out', effects, buildDate: TEST_DATE });
  expect(result.ok, 'a bad edition must fail the build').toBe(false);
  expect(result.written).toEqual([]);
  return result.diagnostics;
}

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const where = (ds: Diagnostic[]) => ds.map((d) => formatDiagnostic(d, 'en'));

describe('bad input', () => {
  it('an empty file', async () => {
    expect(where(await diagnosticsOf(''))).toEqual(['in/2025-03/edition.txt: error input/empty Expected edition text, found an empty file']);
  });

  it('binary garbage', async () => {
    const garbage = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect(errors(await diagnosticsOf(garbage)).map((d) => d.code)).toEqual(['input/not-text']);
  });

  it('a truncated edition, cut in the middle of an indicator table', async () => {
    // Line 1650 of the seed is `５，２５０ ` in 2-1-1's 削減時間（累積）: everything after it is lost.
    const ds = await diagnosticsOf(lines.slice(0, 1650).join('\n'));
    expect(errors(ds).map((d) => [d.code, d.subject])).toContainEqual(['quality/listed-without-sheet', '2-1-2']);
    expect(ds.find((d) => d.code === 'sheet/missing-section' && d.subject === '2-1-1')?.messageEn).toMatch(/^Expected section 指標の考え方 in sheet 2-1-1, found none: its text may have been read into 評価指標 \(lines \d+–\d+\); not published until accepted/);
    expect(where(ds)).toContain('in/2025-03/edition.txt:101:1: error quality/listed-without-sheet [2-1-2] Expected a sheet for listed project 2-1-2, found none');
  });

  it('duplicate project numbers', async () => {
    const copy = [...lines];
    copy[1656] = copy[1656]!.replace('２－１－（２）', '２－１－（１）');
    expect(where(errors(await diagnosticsOf(copy.join('\n'))))).toContain(
      'in/2025-03/edition.txt:1657:32: error sheet/duplicate-number [2-1-1] Expected one sheet for 2-1-1, found another at line 1598',
    );
  });

  it('a sheet that lost its 名称 line', async () => {
    const copy = [...lines];
    copy[1656] = ''; // ` 名称 ＡＩ－ＯＣＲ（…）の導入検討 番号 ２－１－（２） `
    const ds = errors(await diagnosticsOf(copy.join('\n')));
    expect(ds.map((d) => d.code)).toContain('sheet/heading-out-of-order');
    expect(where(ds)).toContain('in/2025-03/edition.txt:1659:1: error sheet/heading-out-of-order Expected 名称 before 「主管課等 デジタル推進課 関係課等 各業務所管課等」: this looks like a new sheet without its 名称 line');
  });

  it('a sheet without 番号', async () => {
    const copy = [...lines];
    copy[1656] = copy[1656]!.replace(/ 番号 .*$/, ' ');
    const ds = errors(await diagnosticsOf(copy.join('\n')));
    expect(ds.map((d) => d.code)).toContain('sheet/missing-number');
  });

  it('an indicator row with more cells than fiscal years', async () => {
    const copy = [...lines];
    copy[373] = '評価指標 利用率 5％ 10％ ５％ 45％ 55％ 60％ ';
    // A reviewable error: it names its finding and the review file where a person could accept it.
    const found = errors(await diagnosticsOf(copy.join('\n'))).filter((d) => d.code === 'table/too-many-cells');
    expect(where(found)).toHaveLength(1);
    expect(where(found)[0]).toMatch(
      /^in\/2025-03\/edition\.txt:374:6: error table\/too-many-cells (\[1-1-2\] )?Expected at most 5 cells in row 「利用率」, found 6; not published until accepted in in\/2025-03\/review\.json \(finding table\/too-many-cells@1-1-2\/indicator~[0-9a-f]{8}\)$/,
    );
  });

  it('an edition folder without metadata', async () => {
    expect(where(await diagnosticsOf(seed, null))).toEqual([
      'in/2025-03/edition.json: error meta/missing Expected in/2025-03/edition.json with the edition\'s metadata, found none',
    ]);
  });

  it('an edition id that is not a safe folder name', async () => {
    const meta = seedMeta('2025-03').replace('"id": "2025-03"', '"id": "../x"');
    expect(where(await diagnosticsOf(seed, meta))).toEqual([
      'in/2025-03/edition.json: error meta/unsafe-id Expected an edition id usable as a folder name (letters, digits, ., _, -), found 「../x」',
    ]);
  });
});
