/**
 * The review report: one self-contained Japanese page per edition for the staff who decide findings
 * before publishing (not open data: written beside the output folder, never into it). It shows every
 * finding with the source lines around it and its decision, the changes from the previous edition
 * with the 改訂履歴 entries that explain them, the changes no entry explains, the entries no change
 * matches, and the review-file decisions to fill in for the findings still awaiting review.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Change, Changelog } from '../model/diffPlans.js';
import type { Plan } from '../model/plan.js';
import { compactText, fiscalYearLabel, normalizeText } from '../common/text.js';
import { subjectOfFinding, type EarlierDecisions, type ReviewedFinding, type ReviewSummary } from '../model/reviewEdition.js';
import { CHANGE_LABELS, WHOLE_PLAN_LABEL } from '../publish/toChangelogFiles.js';
import { PAGE_STYLE } from './assets.js';
import { html, type SafeHtml } from './html.js';
import { RULE_TITLES_JA } from '../messages.js';

/** What the review report of one edition is made from. */
export interface ReviewPageInput {
  edition: string;
  review: ReviewSummary;
  /** The changes from the edition before it, or null for a first edition. */
  changelog: Changelog | null;
  /** The edition's diagnostics after the review (findings and the rest). */
  diagnostics: readonly Diagnostic[];
  /** The edition text's lines (1-based: `lines[0]` is line 1), to show the lines around each finding. */
  lines: readonly string[];
  /** The decisions to add to the review file for the findings awaiting review (JSON text). */
  pendingDecisions: string;
  /** The review file of the edition before it, whose decisions on the same findings are shown (never applied). */
  earlier?: EarlierDecisions | null;
  /** The edition the changes are from, read: its plan and text lines, to show what a changed thing printed there. */
  earlierText?: { edition: string; plan: Plan; lines: readonly string[] } | null;
  /** The edition's plan, to show a table to be checked as it will be published. */
  plan?: Plan | null;
}

const STATUS: Record<ReviewedFinding['status'], string> = { pending: '確認待ち', accepted: '承認済み', rejected: '却下' };
const SEVERITY: Record<Diagnostic['severity'], string> = { error: 'エラー', warning: '警告', info: '注記' };
/** Lines shown before and after a finding's own lines. */
const CONTEXT = 3;


/**
 * Where the edition the changes are from printed what a change changed: the line of its sheet that
 * holds the start of the old value (or of the thing's name), else the sheet's first line. The plan
 * keeps no position for every part, so the old text is looked up in the sheet's own lines.
 */
export function locateInEarlier(change: Change, earlier: { plan: Plan; lines: readonly string[] }): { start: number; end: number } | null {
  const project = earlier.plan.projects.find((p) => p.id === (change.projectId ?? change.places?.[0]?.projectId));
  const sheet = project?.source.sheet ?? project?.source.list;
  if (!sheet) return null;
  const indicator = project!.indicators.find((i) => change.subject !== null && (i.id === change.subject || compactText(i.name) === compactText(String(change.subject))));
  if (indicator && (change.kind === 'target-changed' || change.kind.startsWith('indicator'))) return { start: indicator.source.startLine, end: indicator.source.endLine };
  for (const value of [change.old, change.subject]) {
    // The first characters of a value are on its first printed line (a label wraps after 5 to 8).
    const head = value === null ? '' : [...compactText(String(value))].slice(0, 4).join('');
    if (head === '') continue;
    for (let n = sheet.startLine; n <= sheet.endLine; n++) {
      if (compactText(earlier.lines[n - 1] ?? '').includes(head)) return { start: n, end: n };
    }
  }
  return { start: sheet.startLine, end: sheet.startLine };
}

/** The source lines around a position, the position's own lines marked. */
function renderSource(lines: readonly string[], start: number, end: number, of = '本文'): SafeHtml {
  const from = Math.max(1, start - CONTEXT);
  const to = Math.min(lines.length, end + CONTEXT);
  const rows = [];
  for (let n = from; n <= to; n++) {
    const own = n >= start && n <= end;
    // Spaces are the table's empty cells: shown as ␣ so a line of spaces does not read as empty.
    rows.push(html`<tr${own ? html` class="own"` : ''}><th scope="row">${n}</th><td><code>${(lines[n - 1] ?? '').replace(/ /g, '␣')}</code></td></tr>`);
  }
  return html`<table class="source"><caption>${of} ${start === end ? `${start} 行目` : `${start}〜${end} 行目`}とその前後</caption><tbody>${rows}</tbody></table>`;
}

/** The project and year table a `review/unvouched-table` finding is about, from its id's subject (`1-2-8/indicator`). */
function unvouchedTableOf(f: ReviewedFinding): { projectId: string; table: 'initiatives' | 'indicators' } | null {
  const subject = f.code === 'review/unvouched-table' ? subjectOfFinding(f.finding) : null;
  const [projectId, table] = subject?.split('/') ?? [];
  return projectId && (table === 'initiative' || table === 'indicator') ? { projectId, table: `${table}s` } : null;
}

/**
 * A project's year table as it will be published, row by row and year by year (the texts as the
 * CSVs publish them), for the person who compares it with the PDF: the text lines beside it show
 * what was printed, this shows which year each value was placed in.
 */
function renderTableReading(plan: Plan, projectId: string, table: 'initiatives' | 'indicators', caption: string): SafeHtml {
  const project = plan.projects.find((p) => p.id === projectId);
  if (!project || project[table].length === 0) return html`<p>${caption}：この表はありません。</p>`;
  const { startFiscalYear, endFiscalYear } = plan.edition.planPeriod;
  const years = Array.from({ length: endFiscalYear - startFiscalYear + 1 }, (_, i) => startFiscalYear + i);
  const spanned = (span: [number, number] | null) => (span && span[0] !== span[1] ? html`<br><small>（${fiscalYearLabel(span[0])}〜${fiscalYearLabel(span[1])}の結合欄）</small>` : '');
  const rows =
    table === 'indicators'
      ? project.indicators.map((row) => {
          const cells = years.map((year) => {
            const t = row.targets.find((x) => x.fiscalYear === year);
            // What the finding id holds besides the text: the number and its unit, qualifier and period as read.
            const parts = t && t.value !== null ? [`数値 ${t.value}`, t.unit && `単位 ${t.unit}`, t.qualifier && `条件 ${t.qualifier}`, t.per && `頻度の単位 ${t.per}`].filter(Boolean) : [];
            return html`<td>${t?.text ? normalizeText(t.text) : ''}${parts.length > 0 ? html`<br><small>（${parts.join('、')}）</small>` : ''}${t ? spanned(t.span) : ''}</td>`;
          });
          return html`<tr><th scope="row">${row.name}</th>${cells}<td>${row.unplacedTexts.map(normalizeText).join('、')}</td></tr>`;
        })
      : project.initiatives.map((row) => {
          const cells = years.map((year) => {
            const texts = row.yearTexts.filter((y) => y.fiscalYear === year);
            return html`<td>${texts.map((y) => html`${normalizeText(y.text)}${spanned(y.span)}`)}</td>`;
          });
          return html`<tr><th scope="row">${row.name}</th>${cells}<td>${row.unplacedTexts.map(normalizeText).join('、')}</td></tr>`;
        });
  const head = years.map((year) => html`<th scope="col">${fiscalYearLabel(year)}</th>`);
  return html`<div class="table-wrap"><table class="reading"><caption>${caption}</caption><thead><tr><th scope="col">${table === 'indicators' ? '評価指標' : '取組内容'}</th>${head}<th scope="col">年度に置けなかった記載</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The change a `review/unexplained-change` finding is about (its id is `<code>@<change id>~<hash>`). */
function changeOf(f: ReviewedFinding, changelog: Changelog | null): Change | undefined {
  const prefix = 'review/unexplained-change@';
  if (!changelog || !f.finding.startsWith(prefix)) return undefined;
  const id = f.finding.slice(prefix.length, f.finding.lastIndexOf('~'));
  return changelog.changes.find((c) => c.id === id);
}

function renderFinding(f: ReviewedFinding, input: ReviewPageInput): SafeHtml {
  const { lines } = input;
  const earlier = input.earlier ?? null;
  const change = changeOf(f, input.changelog);
  const unvouched = unvouchedTableOf(f);
  const then = change && input.earlierText ? locateInEarlier(change, input.earlierText) : null;
  const before = f.status === 'pending' ? earlier?.decisions.find((d) => d.finding === f.finding) : undefined;
  const where = f.position ? `${f.position.start.line} 行 ${f.position.start.column} 桁` : '位置なし';
  const decision = f.decision
    ? html`<p class="decision">判断：${f.decision.decision === 'accept' ? '承認（accept）' : '却下（reject）'} — ${f.decision.reason}（${f.decision.by}、${f.decision.date}）</p>`
    : html`<p class="decision pending">判断：まだありません。確認ファイルに accept か reject を書くまで、この版は公開されません。</p>`;
  return html`<article class="finding ${f.status}"><h3>${STATUS[f.status]}：${RULE_TITLES_JA[f.code]}${f.subject ? `［${f.subject}］` : ''}</h3>
<p>${f.message}</p>
<p class="meta">${f.file ?? ''}：${where}　規則 <code>${f.code}</code>　指摘ID <code>${f.finding}</code></p>
${decision}
${before ? html`<p class="decision">前の版（${earlier!.edition}）では同じ指摘を${before.decision === 'accept' ? '承認' : '却下'}しています：${before.reason}（${before.by}、${before.date}。理由の中の行番号は ${earlier!.edition} 版の本文のものです）。この版の本文でも同じか、確かめてから判断してください。</p>` : ''}
${f.position ? renderSource(lines, f.position.start.line, f.position.end.line) : ''}
${then ? renderSource(input.earlierText!.lines, then.start, then.end, `前の版（${input.earlierText!.edition}）の本文`) : ''}
${unvouched && input.plan ? renderTableReading(input.plan, unvouched.projectId, unvouched.table, unvouched.table === 'indicators' ? '公開する読み取り（PDF の表と、行・年度・数値・単位を見比べてください）' : '公開する読み取り（PDF の表と、行の順・取組名・年度の記載を見比べてください）') : ''}
${unvouched && input.earlierText ? renderTableReading(input.earlierText.plan, unvouched.projectId, unvouched.table, `前の版（${input.earlierText.edition}）の読み取り`) : ''}</article>`;
}

function renderChanges(log: Changelog, findings: readonly ReviewedFinding[]): SafeHtml {
  const entries = new Map(log.entries.map((e) => [e.ref, e]));
  // Each unexplained change's finding and its decision, so that what awaits a decision stands apart
  // from what was accepted before (the changes a grouped finding covers, such as a department
  // renamed everywhere, have no finding of their own: shown without a status).
  const statusOf = new Map(findings.flatMap((f) => {
    const change = changeOf(f, log);
    return change ? [[change.id, f.status] as const] : [];
  }));
  const order: Record<ReviewedFinding['status'], number> = { pending: 0, rejected: 1, accepted: 2 };
  const explained = log.changes.filter((c) => c.explainedBy.length > 0);
  const unexplained = log.changes
    .filter((c) => c.explainedBy.length === 0)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order[statusOf.get(a.c.id) ?? 'accepted'] - order[statusOf.get(b.c.id) ?? 'accepted'] || a.i - b.i)
    .map(({ c }) => c);
  const pending = unexplained.filter((c) => statusOf.get(c.id) === 'pending').length;
  const unmatched = log.entries.filter((e) => log.unmatchedEntries.includes(e.ref));
  const row = (c: Changelog['changes'][number], withStatus: boolean) =>
    html`<tr><td>${c.projectId ?? WHOLE_PLAN_LABEL}</td><td>${CHANGE_LABELS[c.kind]}</td><td>${c.summary}</td><td>${
      c.explainedBy.length > 0 ? c.explainedBy.map((ref) => html`<p>${ref}：${entries.get(ref)?.summary ?? ''}</p>`) : html`<strong>改訂履歴に説明なし</strong>`
    }</td>${withStatus ? html`<td>${statusOf.has(c.id) ? STATUS[statusOf.get(c.id)!] : '—'}</td>` : ''}</tr>`;
  const table = (caption: string, changes: Changelog['changes'], withStatus = false) =>
    changes.length === 0
      ? html`<p>${caption}：ありません。</p>`
      : html`<div class="table-wrap"><table><caption>${caption}（${changes.length} 件${withStatus ? `、うち確認待ち ${pending} 件` : ''}）</caption><thead><tr><th scope="col">事業</th><th scope="col">種類</th><th scope="col">変更</th><th scope="col">説明する改訂履歴の項目（主な改定内容）</th>${withStatus ? html`<th scope="col">判断</th>` : ''}</tr></thead><tbody>${changes.map((c) => row(c, withStatus))}</tbody></table></div>`;
  return html`<section><h2>第${log.from.number}版（${log.from.id}）からの変更</h2>
<p>両版のデータを比べて見つけた変更を、この版の改訂履歴（対象：${log.revisionDates.join('、') || 'なし'}）と照らし合わせました。</p>
${table('改訂履歴に説明のない変更（確認が必要。確認待ちのものを先に）', unexplained, true)}
${
  unmatched.length === 0
    ? html`<p>変更の見つからない改訂履歴の項目：ありません。</p>`
    : html`<div class="table-wrap"><table><caption>変更の見つからない改訂履歴の項目（${unmatched.length} 件）</caption><thead><tr><th scope="col">項目</th><th scope="col">事業</th><th scope="col">主な改定内容</th></tr></thead><tbody>${unmatched.map(
        (e) => html`<tr><td>${e.ref}</td><td>${e.planNumbers.join('、')}</td><td>${e.summary ?? ''}</td></tr>`,
      )}</tbody></table></div>`
}
${table('改訂履歴で説明される変更', explained)}</section>`;
}

/** The review report of one edition as a self-contained HTML page. */
export function toReviewPage(input: ReviewPageInput): string {
  const r = input.review;
  const order: ReviewedFinding['status'][] = ['pending', 'rejected', 'accepted'];
  const findings = order.flatMap((status) => r.findings.filter((f) => f.status === status));
  const others = input.diagnostics.filter((d) => d.finding === null && d.severity !== 'info');
  return `${html`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.edition} 版の確認レポート（公開前の確認用）</title>
<style>
${PAGE_STYLE}
.finding{border:1px solid var(--line);border-left:.4rem solid var(--line);padding:.5rem 1rem;margin:1rem 0}
.finding.pending{border-left-color:var(--ended)}.finding.accepted{border-left-color:var(--accent)}
.decision.pending{color:var(--ended);font-weight:bold}.meta{color:var(--muted);font-size:.9rem}
table.reading{font-size:.85rem}table.reading th[scope=row]{text-align:left}table.source{font-size:.85rem}table.source code{white-space:pre-wrap;word-break:break-all}table.source th{color:var(--muted);text-align:right;padding-right:.5rem}table.source tr.own{background:#fff3c4}
pre{overflow-x:auto;background:var(--bg-soft);padding:.5rem}
</style>
</head>
<body>
<header><h1>${input.edition} 版の確認レポート</h1>
<p>公開する前に読むページです（公開データではありません）。指摘 ${r.findings.length} 件：確認待ち ${r.pending} 件、却下 ${r.rejected} 件、承認済み ${r.accepted} 件。確認ファイル：<code>${r.reviewFile}</code></p>
${r.pending > 0 ? html`<p><strong>確認待ちの指摘が ${r.pending} 件あります。</strong>本文とPDFを見比べ、それぞれの指摘IDについて確認ファイルに判断を書いてから、もう一度 build してください。</p>` : html`<p>確認待ちの指摘はありません。</p>`}
${r.staleDecisions.length > 0 ? html`<p>古くなった判断（もう起きない指摘への判断）が ${r.staleDecisions.length} 件あります：${r.staleDecisions.join('、')}</p>` : ''}
</header>
<main>
<section><h2>指摘（${findings.length} 件）</h2>
${findings.length === 0 ? html`<p>指摘はありません。</p>` : findings.map((f) => renderFinding(f, input))}
</section>
${r.pending > 0 ? html`<section><h2>確認ファイルに加える判断の雛形</h2><p><code>${r.reviewFile}</code> の "decisions" に加え、decision（accept または reject）、reason、by、date を書き入れてください。</p><pre><code>${input.pendingDecisions}</code></pre></section>` : ''}
${input.changelog ? renderChanges(input.changelog, findings) : html`<section><h2>前の版からの変更</h2><p>前の版が seeds にないため、比べていません。</p></section>`}
<section><h2>そのほかのエラーと警告（${others.length} 件）</h2>
${others.length === 0 ? html`<p>ありません。</p>` : html`<ul>${others.map((d) => html`<li>${SEVERITY[d.severity]} ${RULE_TITLES_JA[d.code]}（${d.code}）${d.subject ? `［${d.subject}］` : ''}${d.position ? `（${d.position.start.line} 行）` : ''}：${d.message}</li>`)}</ul>`}
</section>
</main>
</body>
</html>
`}`;
}
