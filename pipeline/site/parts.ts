/**
 * Site parts shared by the portal page and the project pages: the start and end of a page, the
 * draft notice, the filter form, the project card, the downloads and the data made of all editions.
 * Every part is built with `html`, so every text from the source in it is escaped.
 */
import type { Plan, Project } from '../model/plan.js';
import { fiscalYearLabel } from '../common/text.js';
import type { PublishedFile } from '../publish/toPackage.js';
import { mediaTypeOf, outputKindOf, OUTPUT_KINDS, SHARED_OUTPUT_KINDS } from '../publish/outputManifest.js';
import { CLIENT_SCRIPT, PAGE_STYLE } from './assets.js';
import { drawTargetChart, formatTarget } from './chart.js';
import { html, joinHtml, type SafeHtml } from './html.js';

/** Formats a byte count as people read it: 12.3 KB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Formats a year and month (`2025-03`) as people read it, 和暦 first with the Western form beside it:
 * 令和7年3月（2025-03）. Reiwa began on 1 May 2019; earlier months are Heisei.
 */
export function formatYearMonth(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) return yearMonth;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const reiwa = year > 2019 || (year === 2019 && month >= 5);
  const n = reiwa ? year - 2018 : year - 1988;
  return `${reiwa ? '令和' : '平成'}${n === 1 ? '元' : n}年${month}月（${yearMonth}）`;
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

/** Renders the filter form, the search box first (shown by the script; without it every project stays visible). */
export function renderFilterForm(plan: Plan, departments: readonly string[]): SafeHtml {
  return html`<form id="filters" class="filters" hidden role="search" aria-label="事業の検索と絞り込み">
      <label class="search">キーワードで探す<input type="search" name="q" placeholder="例：オープンデータ、防災"></label>
      <label>基本方針<select name="policy"><option value="">すべて</option>${plan.policies.map((p) => html`<option value="${p.id}">基本方針${p.id} ${p.name}</option>`)}</select></label>
      <label>担当課<select name="department"><option value="">すべて</option>${departments.map((d) => html`<option value="${d}">${d}</option>`)}</select></label>
      <label>状態<select name="status"><option value="">すべて</option><option value="active">実施中</option><option value="ended">計画終了</option><option value="repost">再掲</option></select></label>
      <p id="result-count" role="status" aria-live="polite"></p>
    </form>`;
}

/** Lists the departments of projects (lead and related), each once, in Japanese order. */
export function listDepartments(projects: readonly Project[]): string[] {
  return [...new Set(projects.flatMap((p) => [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name)))].sort((a, b) => a.localeCompare(b, 'ja'));
}

/** Where a project's page of its own is (`project/<id>.html`, the path of its IRI), from a page `root` away from the output folder's root. */
export function toStoryHref(root: string, projectId: string): string {
  return `${root}project/${projectId}.html`;
}

/** Lists the fiscal years of an edition's plan period, in order. */
export function listFiscalYears(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.edition.planPeriod.startFiscalYear; y <= plan.edition.planPeriod.endFiscalYear; y++) years.push(y);
  return years;
}

/** Renders a fiscal year's column head: 和暦 first, the Western year under it. */
export function renderYearHead(fiscalYear: number): SafeHtml {
  return html`<th scope="col">${fiscalYearLabel(fiscalYear)}<br><span class="note">${fiscalYear}</span></th>`;
}

/**
 * Renders what a project's card and its own page show under the heading: the 再掲 link, departments,
 * texts, initiatives, indicators with their tables and charts. `hrefOf` gives the link to another
 * project (a 再掲's original).
 */
export function renderProjectBody(plan: Plan, p: Project, byId: ReadonlyMap<string, Project>, hrefOf: (projectId: string) => string): SafeHtml {
  const fiscalYears = listFiscalYears(plan);
  const original = p.repostOf ? byId.get(p.repostOf) : null;
  const indicators = p.indicators.map(
    (ind) => html`
      <div class="indicator">
        <div class="table-wrap"><table>
          <caption>評価指標：${ind.name}</caption>
          <thead><tr><th scope="col">年度</th>${fiscalYears.map(renderYearHead)}</tr></thead>
          <tbody><tr><th scope="row">目標</th>${ind.targets.map((t) => html`<td${t.value !== null && html` class="num"`}>${t.text === null ? html`<span class="note">－</span>` : formatTarget(t)}</td>`)}</tr></tbody>
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
  return html`${original && html`<p>この事業は <a href="${hrefOf(original.id)}">${original.id} ${original.name}</a> の再掲です。</p>`}
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
      ${p.endReason && html`<p><strong>終了理由：</strong>${p.endReason}</p>`}`;
}

/**
 * Renders one project's card: its heading, then `renderProjectBody`, then the link to the project's
 * own page (a 再掲's goes to its original's); its data attributes are what the filter script reads.
 * `storyRoot` is the path from the page to the output folder's root, where the projects' pages are.
 */
export function renderProjectCard(plan: Plan, p: Project, byId: ReadonlyMap<string, Project>, hrefOf: (projectId: string) => string, storyRoot: string): SafeHtml {
  const departments = [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name);
  const search = [p.id, p.name, p.listedName, p.summary, p.objective, ...departments, ...p.indicators.map((i) => i.name), ...p.initiatives.map((i) => i.name)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return html`
    <article class="project" id="${toProjectAnchor(p.id)}" data-policy="${p.id.split('-')[0]}" data-departments="${departments.join('|')}" data-status="${p.repostOf ? 'repost' : p.status}" data-search="${search}">
      <h5>${p.id} ${p.name ?? p.listedName}${p.status === 'ended' && html`<span class="badge ended">計画終了</span>`}${p.repostOf && html`<span class="badge repost">再掲</span>`}</h5>
      ${renderProjectBody(plan, p, byId, hrefOf)}
      <p><a href="${toStoryHref(storyRoot, p.repostOf ?? p.id)}">この事業の詳しいページ（版をまたぐ目標値の推移）</a></p>
    </article>`;
}

/** The downloads an edition page lists, in the manifest's order (see `renderDownloads`). */
function listDownloads(plan: Plan, files: readonly PublishedFile[], root: string): { file: PublishedFile; href: string; title: string; format: string; size: string }[] {
  const id = plan.edition.id;
  const listed = OUTPUT_KINDS.filter((k) => k.onPage === 'every' || (k.onPage === 'top' && root === ''));
  return listed
    .map((kind) => files.find((f) => f.path.startsWith(`${id}/`) && outputKindOf(f.path.slice(id.length + 1)) === kind))
    .filter((f): f is PublishedFile => f !== undefined)
    .map((file) => {
      const name = file.path.slice(id.length + 1);
      return { file, href: root === '' ? file.path : name, title: outputKindOf(name)!.title!, format: FORMAT_NAMES[mediaTypeOf(file.path).format] ?? mediaTypeOf(file.path).format.toUpperCase(), size: formatSize(file.bytes) };
    });
}

// The names people know the formats by (N-Quads is a format name, nq only its file extension).
const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', zip: 'ZIP', json: 'JSON', jsonld: 'JSON-LD', nq: 'N-Quads', xlsx: 'Excel' };

/**
 * Renders an edition's downloads: for citizens, one CSV per table (Excel opens it) and, on the top
 * page, the whole edition as a zip; for developers, in a collapsed section, every file with its
 * format, size and SHA-256, the catalog and the checksums. An edition page (`root` '../') sits in
 * the edition folder and goes into the zip: it cannot list the zip or the descriptor, whose hashes
 * depend on the page itself.
 */
export function renderDownloads(plan: Plan, files: readonly PublishedFile[], root: string): SafeHtml {
  const downloads = listDownloads(plan, files, root);
  const tables = downloads.filter((d) => d.file.path.endsWith('.csv'));
  const zip = downloads.find((d) => d.file.path.endsWith('.zip'));
  const workbook = downloads.find((d) => d.file.path.endsWith('.xlsx'));
  const rows = downloads.map(
    (d) => html`<tr><td><a href="${d.href}" download data-sha256="${d.file.sha256}">${d.title}</a></td><td>${d.format}</td><td class="num">${d.size}</td><td><code class="hash">${d.file.sha256}</code></td></tr>`,
  );
  return html`<p>表ごとのCSVファイルです。UTF-8（BOM付き）で、Excelでそのまま開けます。</p>
    <ul class="downloads">${tables.map((d) => html`<li><a href="${d.href}" download>${d.title}の表</a> <span class="note">CSV、${d.size}</span></li>`)}${workbook && html`<li><a href="${workbook.href}" download>${workbook.title}</a> <span class="note">Excel、${workbook.size}</span></li>`}</ul>
    ${zip && html`<p><a href="${zip.href}" download>第${plan.edition.number}版のファイルをまとめてダウンロード</a> <span class="note">ZIP、${zip.size}</span></p>`}
    <details class="developer"><summary>開発者向けのデータ（JSON・JSON-LD・N-Quads、SHA-256、データの記述）</summary>
    <p>計画の全データは、構造化したJSON（JSON Schemaつき）、共通語彙基盤を使ったJSON-LD、同じグラフのN-Quadsで公開しています。SHA-256で、ダウンロードしたファイルが改ざんされていないことを確かめられます。</p>
    <div class="table-wrap"><table><caption>第${plan.edition.number}版（${plan.edition.id}）の全ファイル</caption><thead><tr><th scope="col">内容</th><th scope="col">形式</th><th scope="col">サイズ</th><th scope="col">SHA-256</th></tr></thead><tbody>${rows}</tbody></table></div>
    <p><a href="${root}catalog.ttl">全版のデータカタログ（DCAT、Turtle）</a>、<a href="${root}SHA256SUMS">全ファイルのSHA-256一覧</a></p>
    </details>`;
}

/**
 * Renders the data made of all editions (the targets' history) for the top page only: an edition page
 * goes into its edition's zip, which holds no file of the other editions. One link for citizens, the
 * file with its schema and CSVW metadata in the developer section.
 */
export function renderSharedDownloads(files: readonly PublishedFile[]): SafeHtml {
  const shared = SHARED_OUTPUT_KINDS.map((kind) => ({ kind, file: files.find((f) => f.path === kind.path) })).filter(
    (r): r is { kind: (typeof SHARED_OUTPUT_KINDS)[number]; file: PublishedFile } => r.file !== undefined,
  );
  const main = shared.find((r) => r.kind.title !== null);
  if (!main) return html``;
  const rows = shared.map(
    ({ file }) => html`<tr><td><a href="${file.path}" download data-sha256="${file.sha256}">${file.path}</a></td><td>${mediaTypeOf(file.path).format.toUpperCase()}</td><td class="num">${formatSize(file.bytes)}</td><td><code class="hash">${file.sha256}</code></td></tr>`,
  );
  return html`<p>評価指標の目標値が版ごとにどう変わったかは、全版の目標値を1行に1指標1年度1版で並べた表にまとめています。</p>
    <ul class="downloads"><li><a href="${main.file.path}" download>${main.kind.title}の表</a> <span class="note">CSV、${formatSize(main.file.bytes)}</span></li></ul>
    <details class="developer"><summary>開発者向け：全版をまたぐデータ（表スキーマ、CSVWメタデータ、SHA-256）</summary>
    <div class="table-wrap"><table><caption>全版をまたぐデータの全ファイル</caption><thead><tr><th scope="col">ファイル</th><th scope="col">形式</th><th scope="col">サイズ</th><th scope="col">SHA-256</th></tr></thead><tbody>${rows}</tbody></table></div>
    </details>`;
}
