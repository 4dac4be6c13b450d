import { describe, expect, it } from 'vitest';
import type { ReviewSummary } from '../../pipeline/model/reviewEdition.js';
import { toReviewPage } from '../../pipeline/site/reviewPage.js';

const finding = 'table/label-runs-on@1-2-1/indicator~ee070db1';
const review: ReviewSummary = {
  edition: '2026-03',
  reviewFile: 'seeds/2026-03/review.json',
  status: 'pending',
  pending: 1,
  accepted: 0,
  rejected: 0,
  staleDecisions: [],
  findings: [
    {
      finding,
      code: 'table/label-runs-on',
      subject: '1-2-1',
      file: 'r.txt',
      position: { start: { line: 2, column: 1 }, end: { line: 3, column: 8 } },
      message: '項目「Ｘ（旧：Twitter）」は 2 行目の後に欄が来るはずですが、<b>さらに</b>項目名の文字「フォロワー数」が続いています。',
      messageEn: 'Expected the cells of row 「Ｘ（旧：Twitter）」 after line 2, found more label text 「フォロワー数」',
      status: 'pending',
      decision: null,
    },
  ],
};

describe('toReviewPage', () => {
  it('shows the earlier edition’s decision on the same finding beside it, to judge again, and escapes every text', () => {
    const page = toReviewPage({
      edition: '2026-03',
      review,
      changelog: null,
      diagnostics: [],
      lines: ['評価指標 ', 'Ｘ（旧：Twitter） ', 'フォロワー数 ', '７，0００ 8,000 '],
      pendingDecisions: '[]',
      earlier: { edition: '2025-03', decisions: [{ finding, decision: 'accept', reason: 'PDF でも 2 行に分かれて印刷されています。', by: 'デジタル推進課', date: '2026-04-01' }] },
    });
    expect(page).toContain('前の版（2025-03）では同じ指摘を承認しています：PDF でも 2 行に分かれて印刷されています。（デジタル推進課、2026-04-01）');
    expect(page).toContain('&lt;b&gt;さらに&lt;/b&gt;');
    expect(page).toMatch(/<tr class="own"><th scope="row">2<\/th><td><code>Ｘ（旧：Twitter）␣<\/code><\/td><\/tr>/);
    expect(page).toContain('前の版が seeds にないため、比べていません。');
    const without = toReviewPage({ edition: '2026-03', review, changelog: null, diagnostics: [], lines: [], pendingDecisions: '[]', earlier: null });
    expect(without).not.toContain('前の版（');
  });
});
