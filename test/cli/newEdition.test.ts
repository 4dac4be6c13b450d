import { describe, expect, it } from 'vitest';
import { planNewEdition, runNewEdition } from '../../pipeline/cli/newEdition.js';
import { memoryEffects } from '../../pipeline/io/effects.js';
import { seedBytes, seedMeta } from '../helpers.js';

/** The 2025-03 text as the next revision would print it: one more revision date (令和 8 年３月). */
function revisedText(): Uint8Array {
  const text = new TextDecoder().decode(seedBytes('2025-03'));
  return new TextEncoder().encode(text.replace('令和 7 年３月', '令和 8 年３月'));
}

const editions = [
  { folder: '2021', metaText: seedMeta('2021') },
  { folder: '2025-03', metaText: seedMeta('2025-03') },
];

describe('planNewEdition', () => {
  it('names the edition from the newest 改訂履歴 date and copies the text byte for byte and the previous edition.json with the new id', () => {
    const text = revisedText();
    const made = planNewEdition({ text, fileName: 'r8.txt', seedsDir: 'seeds', editions });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.id).toBe('2026-03');
    expect(made.files.map((f) => f.path)).toEqual(['seeds/2026-03/r8.txt', 'seeds/2026-03/edition.json']);
    expect(made.files[0]!.data).toBe(text);
    const meta = JSON.parse(made.files[1]!.data as string);
    expect(meta).toEqual({ ...JSON.parse(seedMeta('2025-03')), id: '2026-03' });
    expect(made.messages[0]).toBe('新しい版 2026-03（版ID は【改訂履歴】の最新の改定年月 2026-03 から）を作りました：seeds/2026-03/');
    expect(made.messages).toContain('次の手順：');
  });

  it('takes --id instead, and refuses an edition that already exists or a text without a 改訂履歴 date', () => {
    const withId = planNewEdition({ text: revisedText(), fileName: 'r8.txt', seedsDir: 'seeds', editions, id: '2026-03-draft' });
    expect(withId.ok && withId.id).toBe('2026-03-draft');
    const again = planNewEdition({ text: seedBytes('2025-03'), fileName: 'x.txt', seedsDir: 'seeds', editions });
    expect(again).toEqual({ ok: false, messages: ['エラー：seeds/2025-03 はすでにあります。既存の版は上書きしません（本文が新しい版のものか、【改訂履歴】の最新の改定年月を確かめてください。この版の本文を入れ替えるときは、そのフォルダーの .txt を置き換えます：手順書「却下したとき」）'] });
    const original = planNewEdition({ text: seedBytes('2021'), fileName: 'x.txt', seedsDir: 'seeds', editions });
    expect(original.ok).toBe(false);
    expect(original.messages[0]).toMatch(/^エラー：x\.txt の【改訂履歴】に改定年月が見つかりません。--id <版ID>/);
    expect(planNewEdition({ text: revisedText(), fileName: 'x.txt', seedsDir: 'seeds', editions, id: 'bad id!' }).ok).toBe(false);
    // A month other than the text's newest revision month: the build would stop it (the 2025-03 text given as 2026-03).
    const misnamed = planNewEdition({ text: seedBytes('2025-03'), fileName: 'x.txt', seedsDir: 'seeds', editions, id: '2026-03' });
    expect(misnamed).toEqual({ ok: false, messages: ['エラー：--id 2026-03 は、x.txt の【改訂履歴】の最新の改定年月 令和7年3月（2025-03） と違います。版IDはその版の最新の改定年月です（build はこの二つが違う版を止めます）。本文が新しい版のものか確かめ、そうなら --id を付けずに実行してください'] });
  });
});

describe('planNewEdition in English', () => {
  it('says the same in English with --lang en', () => {
    const made = planNewEdition({ text: revisedText(), fileName: 'r8.txt', seedsDir: 'seeds', editions }, 'en');
    expect(made.messages[0]).toBe('made the new edition 2026-03 (the id from the newest revision month of the 【改訂履歴】, 2026-03): seeds/2026-03/');
    expect(planNewEdition({ text: seedBytes('2025-03'), fileName: 'x.txt', seedsDir: 'seeds', editions }, 'en').messages).toEqual([
      "error: seeds/2025-03 exists already: an edition is never overwritten (check the text is the new edition's, by the newest month of its 【改訂履歴】; to replace this edition's text, replace the .txt in that folder: runbook 却下したとき)",
    ]);
  });
});

describe('runNewEdition', () => {
  it('writes the folder through Effects, and names the seeds folder in the next commands when it is not the default', async () => {
    const effects = memoryEffects({ 'in/r8.txt': revisedText(), 'own/2025-03/edition.json': seedMeta('2025-03') });
    const lines: string[] = [];
    expect(await runNewEdition('in/r8.txt', { seeds: 'own' }, effects, (l) => lines.push(l))).toBe(0);
    expect([...effects.files.keys()].sort()).toEqual(['in/r8.txt', 'own/2025-03/edition.json', 'own/2026-03/edition.json', 'own/2026-03/r8.txt']);
    expect(lines).toContain('  1. npm run build -- --draft --quiet --seeds own --out dist-draft で下書きを作り、前の版との違いと指摘を確認する（下書きは公開できません。dist/ はそのまま残ります）');
    expect(lines).toContain('  4. npm run build -- --quiet --seeds own で全件確認済みの版を作り（エラーがあれば何も書き出しません）、own/2026-03/ をコミットする');
    // The shipped edition.json points at an example address: the staff are told before they publish.
    expect(lines.at(-1)).toBe('注意：edition.json の baseIri が例示用の仮の値（https://example.org/hadano-ict-plan/）のままです。公開する前に、ファイルを実際に置く場所の URL に直してください');
    const missing: string[] = [];
    expect(await runNewEdition('in/none.txt', { seeds: 'own' }, effects, (l) => missing.push(l))).toBe(2);
    expect(missing).toEqual(['エラー：本文ファイル in/none.txt が見つかりません']);
  });
});
