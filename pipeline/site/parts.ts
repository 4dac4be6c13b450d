/**
 * Site parts shared by the portal page and the project pages: the start and end of a page, the
 * draft notice, the filter form, the project card, the download tables and the changelog section.
 * Every part is built with `html`, so every text from the source in it is escaped.
 */
import type { Change, Changelog } from '../model/diffPlans.js';
import { CHANGE_KINDS, describePlaces } from '../model/diffPlans.js';
import type { Plan, Project } from '../model/plan.js';
import { fiscalYearLabel } from '../common/text.js';
import { CHANGE_LABELS, WHOLE_PLAN_LABEL } from '../publish/toChangelogFiles.js';
import type { PublishedFile } from '../publish/toPackage.js';
import { mediaTypeOf, outputKindOf, OUTPUT_KINDS, SHARED_OUTPUT_KINDS } from '../publish/outputManifest.js';
import { CLIENT_SCRIPT, PAGE_STYLE } from './assets.js';
import { drawTargetChart } from './chart.js';
import { html, joinHtml, type SafeHtml } from './html.js';

/** Formats a byte count as people read it: 12.3 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Makes the id of a project's card, the target of links to it. */
export function toProjectAnchor(id: string): string {
  return `project-${id}`;
}

/** Breaks text into lines at its newlines (`<br>`), each line escaped. */
function breakLines(text: string): SafeHtml {
  return joinHtml(text.split('\n'), html`<br>`);
}

/**
 * Renders the start of every page up to `<body>`: language, charset, viewport, no favicon request,
 * the title, the styles; `beforeStyle` and `afterStyle` are extra elements of the head.
 */
export function renderPageStart(title: string, beforeStyle: SafeHtml | null = null, afterStyle: SafeHtml | null = null): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
${beforeStyle}<style>
${PAGE_STYLE}</style>
${afterStyle}</head>
<body>`;
}

/** Renders the end of every page after `</main>`: the attribution and the filter script. */
export function renderPageEnd(plan: Plan): SafeHtml {
  return html`<footer><p class="note">${plan.edition.license.attribution}。このページとデータは、原資料のテキストから自動で作成しています。</p></footer>
<script>
${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/** Renders the notice at the top of a draft's page: which editions are unreviewed drafts and how many findings await review. */
export function renderDraftNotice(current: Plan, plans: readonly Plan[], unreviewed: ReadonlyMap<string, number> | undefined): SafeHtml | null {
  if (!unreviewed || unreviewed.size === 0) return null;
  const lines = [...plans]
    .sort((a, b) => b.edition.number - a.edition.number)
    .flatMap((p) => {
      const pending = unreviewed.get(p.edition.id);
      if (pending === undefined) return [];
      const which = p === current ? 'この版' : `第${p.edition.number}版（${p.edition.id}）`;
      return [`${which}は未確認の下書きです：確認待ちの指摘 ${pending} 件`];
    });
  if (lines.length === 0) return null;
  return html`
  <p class="draft" role="status" style="border:2px solid #8a1c1c;color:#8a1c1c;background:#fff4f4;padding:.5rem .75rem;font-weight:bold">${joinHtml(lines, html`<br>`)}。確認が済むまで公開できません。</p>`;
}

/** Renders the filter form (shown by the script; without it every project stays visible). */
export function renderFilterForm(plan: Plan, departments: readonly string[]): SafeHtml {
  return html`<form id="filters" class="filters" hidden role="search" aria-label="事業の絞り込み">
      <label>基本方針<select name="policy"><option value="">すべて</option>${plan.policies.map((p) => html`<option value="${p.id}">基本方針${p.id} ${p.name}</option>`)}</select></label>
      <label>担当課<select name="department"><option value="">すべて</option>${departments.map((d) => html`<option value="${d}">${d}</option>`)}</select></label>
      <label>状態<select name="status"><option value="">すべて</option><option value="active">実施中</option><option value="ended">計画終了</option><option value="repost">再掲</option></select></label>
      <label>キーワード<input type="search" name="q" placeholder="例：オープンデータ"></label>
      <p id="result-count" role="status" aria-live="polite"></p>
    </form>`;
}

/** Lists the departments of projects (lead and related), each once, in Japanese order. */
export function listDepartments(projects: readonly Project[]): string[] {
  return [...new Set(projects.flatMap((p) => [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name)))].sort((a, b) => a.localeCompare(b, 'ja'));
}

/**
 * Renders one project's card: names, departments, texts, initiatives, indicators with their tables
 * and charts; its data attributes are what the filter script reads. `hrefOf` gives the link to
 * another project (a 再掲's original).
 */
export function renderProjectCard(plan: Plan, p: Project, byId: ReadonlyMap<string, Project>, hrefOf: (projectId: string) => string): SafeHtml {
  const years = plan.edition.planPeriod;
  const fiscalYears: number[] = [];
  for (let y = years.startFiscalYear; y <= years.endFiscalYear; y++) fiscalYears.push(y);
  const departments = [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name);
  const search = [p.id, p.name, p.listedName, p.summary, p.objective, ...departments, ...p.indicators.map((i) => i.name), ...p.initiatives.map((i) => i.name)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  const original = p.repostOf ? byId.get(p.repostOf) : null;
  const indicators = p.indicators.map(
    (ind) => html`
      <div class="indicator">
        <div class="table-wrap"><table>
          <caption>評価指標：${ind.name}</caption>
          <thead><tr><th scope="col">年度</th>${fiscalYears.map((y) => html`<th scope="col">${fiscalYearLabel(y)}<br><span class="note">${y}</span></th>`)}</tr></thead>
          <tbody><tr><th scope="row">目標</th>${ind.targets.map((t) => html`<td${t.value !== null && html` class="num"`}>${t.text === null ? html`<span class="note">－</span>` : t.text}</td>`)}</tr></tbody>
        </table></div>
        ${drawTargetChart(ind)}
        ${ind.unplacedTexts.length > 0 && html`<p class="note">年度を特定できない記載：${ind.unplacedTexts.join('、')}</p>`}
      </div>`,
  );
  const initiatives =
    p.initiatives.length > 0 &&
    html`<details><summary>年度ごとの取組（${p.initiatives.length}件）</summary><ul>${p.initiatives.map(
      (i) =>
        html`<li>${i.name}${i.yearTexts.length > 0 && `：${i.yearTexts.map((y) => `${fiscalYearLabel(y.fiscalYear)} ${y.text}`).join('、')}`}${i.unplacedTexts.length > 0 && `（年度不明：${i.unplacedTexts.join('、')}）`}</li>`,
    )}</ul></details>`;
  return html`
    <article class="project" id="${toProjectAnchor(p.id)}" data-policy="${p.id.split('-')[0]}" data-departments="${departments.join('|')}" data-status="${p.repostOf ? 'repost' : p.status}" data-search="${search}">
      <h5>${p.id} ${p.name ?? p.listedName}${p.status === 'ended' && html`<span class="badge ended">計画終了</span>`}${p.repostOf && html`<span class="badge repost">再掲</span>`}</h5>
      ${original && html`<p>この事業は <a href="${hrefOf(original.id)}">${original.id} ${original.name}</a> の再掲です。</p>`}
      <dl class="meta">
        <dt>主管課等</dt><dd>${p.leadDepartments.map((d) => d.name).join('、') || '－'}</dd>
        <dt>関係課等</dt><dd>${p.relatedDepartments.map((d) => d.name).join('、') || '－'}</dd>
        ${p.listedName && p.name && p.listedName !== p.name && html`<dt>一覧上の名称</dt><dd>${p.listedName}</dd>`}
      </dl>
      ${p.summary && html`<p>${breakLines(p.summary)}</p>`}
      ${p.objective && html`<details><summary>目指すもの</summary><p>${breakLines(p.objective)}</p></details>`}
      ${initiatives}
      ${indicators}
      ${p.indicatorRationale && html`<p class="note">指標の考え方：${p.indicatorRationale.replace(/\n/g, ' ')}</p>`}
      ${p.endReason && html`<p><strong>終了理由：</strong>${p.endReason}</p>`}
    </article>`;
}

/**
 * Renders the download table of an edition. An edition page (`root` '../') sits in the edition
 * folder and goes into the zip: it cannot list the zip or the descriptor, whose hashes depend on the
 * page itself. The top page lists everything.
 */
export function renderDownloadTable(plan: Plan, files: readonly PublishedFile[], root: string): SafeHtml {
  const id = plan.edition.id;
  const listed = OUTPUT_KINDS.filter((k) => k.onPage === 'every' || (k.onPage === 'top' && root === ''));
  const rows = listed
    .map((kind) => files.find((f) => f.path.startsWith(`${id}/`) && outputKindOf(f.path.slice(id.length + 1)) === kind))
    .filter((f): f is PublishedFile => f !== undefined)
    .map((f) => {
      const name = f.path.slice(id.length + 1);
      const href = root === '' ? f.path : name;
      const title = outputKindOf(name)!.title!;
      const format = mediaTypeOf(f.path).format.toUpperCase();
      const size = formatSize(f.bytes);
      return html`<tr><td><a href="${href}" download data-sha256="${f.sha256}">${title}（${format}、${size}）をダウンロード</a></td><td>${format}</td><td class="num">${size}</td><td><span class="hash">${f.sha256}</span></td></tr>`;
    });
  return html`<div class="table-wrap"><table><caption>${plan.edition.id}版のダウンロード</caption><thead><tr><th scope="col">ファイル</th><th scope="col">形式</th><th scope="col">サイズ</th><th scope="col">SHA-256</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/**
 * Renders the download table of the data made of all editions (the targets' history), for the top
 * page only: an edition page goes into its edition's zip, which holds no file of the other editions.
 */
export function renderSharedDownloadTable(files: readonly PublishedFile[]): SafeHtml {
  const rows = SHARED_OUTPUT_KINDS.filter((k) => k.title !== null)
    .map((kind) => ({ kind, file: files.find((f) => f.path === kind.path) }))
    .filter((r): r is { kind: (typeof SHARED_OUTPUT_KINDS)[number]; file: PublishedFile } => r.file !== undefined)
    .map(({ kind, file }) => {
      const format = mediaTypeOf(file.path).format.toUpperCase();
      const size = formatSize(file.bytes);
      return html`<tr><td><a href="${file.path}" download data-sha256="${file.sha256}">${kind.title}（${format}、${size}）をダウンロード</a></td><td>${format}</td><td class="num">${size}</td><td><span class="hash">${file.sha256}</span></td></tr>`;
    });
  return html`<div class="table-wrap"><table><caption>全版をまたぐデータのダウンロード</caption><thead><tr><th scope="col">ファイル</th><th scope="col">形式</th><th scope="col">サイズ</th><th scope="col">SHA-256</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A change's summary, with the places of a change of the whole plan linked to their projects when `hrefOf` is given. */
function renderSummary(c: Change, hrefOf: ((projectId: string) => string) | null): SafeHtml | string {
  if (c.places === null || hrefOf === null) return c.summary;
  const places = `（${describePlaces(c.places)}）`;
  if (!c.summary.endsWith(places)) return c.summary;
  const links = c.places.map((p) => html`<a href="${hrefOf(p.projectId)}">${p.projectId}</a> ${p.role}`);
  return html`${c.summary.slice(0, -places.length)}（${c.places.length} か所：${joinHtml(links, '、')}）`;
}

/**
 * Renders the changes from one edition to the next: totals by kind, links to the change files, the
 * changes by project, the changes of the whole plan (a department renamed everywhere) first, as one
 * group. `hrefOf` links the projects of the page's own edition, given when the changes lead to it.
 */
export function renderChangelog(log: Changelog, root: string, hrefOf: ((projectId: string) => string) | null = null): SafeHtml {
  const base = `${root}changes/${log.from.id}..${log.to.id}`;
  const totals = CHANGE_KINDS.filter((k) => log.totals[k] > 0).map((k) => html`<tr><th scope="row">${CHANGE_LABELS[k]}</th><td class="num">${log.totals[k]}</td></tr>`);
  const byProject = new Map<string, typeof log.changes>();
  for (const c of log.changes) byProject.set(c.projectId ?? '-', [...(byProject.get(c.projectId ?? '-') ?? []), c]);
  const lists = [...byProject].map(
    ([pid, changes]) =>
      html`<details><summary>${pid === '-' ? WHOLE_PLAN_LABEL : pid}（${changes.length}件）</summary><ul>${changes.map(
        (c) =>
          html`<li>${CHANGE_LABELS[c.kind]}：${renderSummary(c, hrefOf)}${c.explainedBy.length > 0 ? html`<span class="note">（改訂履歴 ${c.explainedBy.join('、')}）</span>` : html`<span class="note">（改訂履歴に記載なし）</span>`}</li>`,
      )}</ul></details>`,
  );
  return html`
    <h3>第${log.from.number}版（${log.from.id}）から第${log.to.number}版（${log.to.id}）へ</h3>
    <p>両版のデータを比べて検出した変更です。対象の改訂：${log.revisionDates.join('、') || 'なし'}。改訂履歴に説明のない変更は ${log.unexplainedChanges.length} 件、変更を検出できなかった改訂履歴の項目は ${log.unmatchedEntries.length} 件です。</p>
    <div class="table-wrap"><table><caption>変更の種別と件数</caption><thead><tr><th scope="col">種別</th><th scope="col">件数</th></tr></thead><tbody>${totals}</tbody></table></div>
    <p>変更点の一覧：<a href="${base}.md">変更点の説明（Markdown）を開く</a>、<a href="${base}.csv" download>変更点のCSVをダウンロード</a>、<a href="${base}.json" download>変更点のJSONをダウンロード</a></p>
    ${lists}`;
}
