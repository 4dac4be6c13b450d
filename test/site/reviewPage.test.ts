import { describe, expect, it } from 'vitest';
import type { Changelog } from '../../pipeline/model/diffPlans.js';
import type { ReviewSummary } from '../../pipeline/model/reviewEdition.js';
import { locateInEarlier, toReviewPage } from '../../pipeline/site/reviewPage.js';
import { builtText, seedBytes } from '../helpers.js';
import type { Plan } from '../../pipeline/model/plan.js';

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
    expect(page).toContain('前の版（2025-03）では同じ指摘を承認しています：PDF でも 2 行に分かれて印刷されています。（デジタル推進課、2026-04-01。理由の中の行番号は 2025-03 版の本文のものです）');
    expect(page).toContain('&lt;b&gt;さらに&lt;/b&gt;');
    // A finding is headed by its rule's Japanese name; the code stays beside its id.
    expect(page).toMatch(/<h3>確認待ち：項目名のつながり［1-2-1］<\/h3>/);
    expect(page).toMatch(/規則 <code>table\/label-runs-on<\/code>　指摘ID <code>/);
    expect(page).toMatch(/<tr class="own"><th scope="row">2<\/th><td><code>Ｘ（旧：Twitter）␣<\/code><\/td><\/tr>/);
    expect(page).toContain('前の版が seeds にないため、比べていません。');
    const without = toReviewPage({ edition: '2026-03', review, changelog: null, diagnostics: [], lines: [], pendingDecisions: '[]', earlier: null });
    expect(without).not.toContain('前の版（');
  });

  it('lists a department renamed everywhere once among the unexplained changes, as a change of the whole plan with its places', async () => {
    const changelog = JSON.parse(await builtText('changes/2021..2025-03.json')) as Changelog;
    const page = toReviewPage({ edition: '2025-03', review: { ...review, edition: '2025-03' }, changelog, diagnostics: [], lines: [], pendingDecisions: '[]', earlier: null });
    const unexplained = page.slice(page.indexOf('<caption>改訂履歴に説明のない変更（確認が必要'), page.indexOf('</table>', page.indexOf('<caption>改訂履歴に説明のない変更（確認が必要')));
    expect(unexplained).toContain(`（${changelog.unexplainedChanges.length} 件、うち確認待ち 0 件）`);
    expect(unexplained.match(/<tr><td>[^<]*<\/td><td>課等名称の変更<\/td>/g)).toEqual(['<tr><td>計画全体</td><td>課等名称の変更</td>']);
    expect(unexplained).toMatch(/<td>課等名称の変更<\/td><td>課等の名称「情報システム課」を「デジタル推進課」に変更（23 か所：1-1-1 主管課等、[^<]*3-1-2 主管課等）<\/td>/);
  });

  it('marks each unexplained change with its finding\'s decision, those awaiting one first', async () => {
    const changelog = JSON.parse(await builtText('changes/2021..2025-03.json')) as Changelog;
    const [first, second] = changelog.changes.filter((c) => c.explainedBy.length === 0 && c.projectId !== null).slice(-2);
    const as = (c: typeof first, status: 'pending' | 'accepted') => ({ ...review.findings[0]!, finding: `review/unexplained-change@${c!.id}~0123abcd`, code: 'review/unexplained-change' as const, status });
    const page = toReviewPage({
      edition: '2025-03',
      review: { ...review, edition: '2025-03', findings: [as(first, 'accepted'), as(second, 'pending')] },
      changelog,
      diagnostics: [],
      lines: [],
      pendingDecisions: '[]',
      earlier: null,
    });
    const table = page.slice(page.indexOf('<caption>改訂履歴に説明のない変更（確認が必要'), page.indexOf('</table>', page.indexOf('<caption>改訂履歴に説明のない変更（確認が必要')));
    expect(table).toContain('、うち確認待ち 1 件）');
    const rows = table.match(/<tr><td>.*?<\/tr>/g)!;
    expect(rows[0]).toContain(`<td>${second!.summary}</td>`);
    expect(rows[0]).toMatch(/<td>確認待ち<\/td><\/tr>$/);
    expect(rows.find((r) => r.includes(`<td>${first!.summary}</td>`))).toMatch(/<td>承認済み<\/td><\/tr>$/);
  });

  it('shows, beside an unexplained change, the lines the earlier edition printed it on', async () => {
    const changelog = JSON.parse(await builtText('changes/2021..2025-03.json')) as Changelog;
    const plan2021 = JSON.parse(await builtText('2021/plan.json')) as Plan;
    const lines2021 = new TextDecoder().decode(seedBytes('2021')).split('\n');
    const earlierText = { edition: '2021', plan: plan2021, lines: lines2021 };
    const target = changelog.changes.find((c) => c.kind === 'target-changed' && c.projectId === '1-1-2' && c.fiscalYear === 2023)!;
    const indicator = plan2021.projects.find((p) => p.id === '1-1-2')!.indicators.find((i) => i.id === target.subject)!;
    expect(locateInEarlier(target, earlierText)).toEqual({ start: indicator.source.startLine, end: indicator.source.endLine });
    const removed = changelog.changes.find((c) => c.kind === 'initiative-removed' && c.projectId === '2-1-1')!;
    const at = locateInEarlier(removed, earlierText)!;
    expect(lines2021[at.start - 1]!.replace(/\s+/g, '')).toContain([...String(removed.old)].slice(0, 4).join(''));
    const finding = `review/unexplained-change@${target.id}~0123abcd`;
    const page = toReviewPage({
      edition: '2025-03',
      review: { ...review, edition: '2025-03', findings: [{ ...review.findings[0]!, finding, code: 'review/unexplained-change', subject: '1-1-2' }] },
      changelog,
      diagnostics: [],
      lines: [],
      pendingDecisions: '[]',
      earlier: null,
      earlierText,
    });
    expect(page).toContain(`<caption>前の版（2021）の本文 ${indicator.source.startLine === indicator.source.endLine ? `${indicator.source.startLine} 行目` : `${indicator.source.startLine}〜${indicator.source.endLine} 行目`}とその前後</caption>`);
  });

  it('shows a table the earlier edition does not vouch for as it will be published, year by year, beside the earlier edition\'s reading', async () => {
    const plan2025 = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
    const plan2021 = JSON.parse(await builtText('2021/plan.json')) as Plan;
    const earlierText = { edition: '2021', plan: plan2021, lines: [] };
    const page = (id: string) =>
      toReviewPage({
        edition: '2025-03',
        review: { ...review, edition: '2025-03', findings: [{ ...review.findings[0]!, finding: `review/unvouched-table@${id}~0123abcd`, code: 'review/unvouched-table', subject: id.split('/')[0]! }] },
        changelog: null,
        diagnostics: [],
        lines: [],
        pendingDecisions: '[]',
        earlier: null,
        earlierText,
        plan: plan2025,
      });
    // 1-2-8 is new: its 登録団体数 row prints 215 件 and 225 件 under 令和6・7年度 (2024, 2025).
    const added = page('1-2-8/indicator');
    const head = '<th scope="col">評価指標</th><th scope="col">令和3年度</th><th scope="col">令和4年度</th><th scope="col">令和5年度</th><th scope="col">令和6年度</th><th scope="col">令和7年度</th>';
    expect(added).toContain(head);
    expect(added).toContain('<tr><th scope="row">登録団体数</th><td></td><td></td><td></td><td>215件<br><small>（数値 215、単位 件）</small></td><td>225件<br><small>（数値 225、単位 件）</small></td><td></td></tr>');
    expect(added).toContain('前の版（2021）の読み取り：この表はありません。');
    // 1-1-1's first indicator: one merged cell over 令和3・4年度, shown in both years as one cell.
    const changed = page('1-1-1/indicator');
    expect(changed).toContain('（令和3年度〜令和4年度の結合欄）');
    expect(changed.split('<caption>前の版（2021）の読み取り</caption>')).toHaveLength(2);
  });
});
