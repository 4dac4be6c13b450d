/**
 * Stage: plans, published files and changelogs → the static portal pages. `index.html` at the top
 * presents the dataset, its editions and downloads, the latest plan and what changed; each edition
 * folder gets its own `index.html` (so the page also works from the edition's zip, offline). Every
 * text from the source is HTML-escaped; the pages load nothing from anywhere (no CDN, font or
 * analytics: styles and the filter script are inline). Without JavaScript the whole plan is there,
 * with a table of contents and a department index; the script adds live filters.
 */
import type { Changelog } from './diffPlans.js';
import type { Plan, Project } from './plan.js';
import { firstByKey } from './arrays.js';
import { publisherName } from './parseEditionMeta.js';
import { fiscalYearLabel } from './text.js';
import { CHANGE_LABELS } from './toChangelogFiles.js';
import { mediaTypeOf, zipName, type PublishedFile } from './toPackage.js';
import { CHANGE_KINDS } from './diffPlans.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string | number | null | undefined): string {
  const plain = String(text ?? '');
  // Most texts have nothing to escape: one test instead of five replacements.
  if (!/[&<>"']/.test(plain)) return plain;
  return plain
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = escapeHtml;

/** A byte count as people read it: 12.3 KB. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const FILE_TITLES: Record<string, string> = {
  'csv/policies.csv': '基本方針',
  'csv/measures.csv': '事業推進計画',
  'csv/projects.csv': '個別事業',
  'csv/project_departments.csv': '事業の担当課',
  'csv/initiatives.csv': '年度ごとの取組',
  'csv/initiative_texts.csv': '取組の年度別記載',
  'csv/indicators.csv': '評価指標',
  'csv/indicator_targets.csv': '評価指標の目標値',
  'csv/revisions.csv': '改訂履歴',
  'plan.json': '計画データ（JSON）',
  'plan.jsonld': '計画データ（JSON-LD）',
  'plan.nq': '計画データ（RDF N-Quads）',
  'datapackage.json': 'データパッケージ記述子',
};

const CSS = `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b5394;--bg-soft:#f3f6f9;--ended:#8a1c1c}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",Meiryo,sans-serif;color:var(--fg);background:#fff;line-height:1.7;font-size:16px}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{border-bottom:4px solid var(--accent);padding-top:1rem;padding-bottom:.5rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.3rem;margin-top:2.5rem;border-left:6px solid var(--accent);padding-left:.5rem}
h3{font-size:1.15rem;margin-top:2rem}
h4{font-size:1.05rem;margin-top:1.5rem}
h5{font-size:1rem;margin:.25rem 0}
a{color:var(--accent)}
a:focus,button:focus,select:focus,input:focus{outline:3px solid #f5a623;outline-offset:2px}
.note{color:var(--muted);font-size:.9rem}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem;min-width:20rem}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:var(--bg-soft)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;word-break:break-all}
.project{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;margin:1rem 0;background:#fff}
.project[hidden]{display:none}
.badge{display:inline-block;font-size:.8rem;padding:0 .5rem;border-radius:3px;margin-left:.25rem;border:1px solid currentColor}
.badge.ended{color:var(--ended)}
.badge.repost{color:var(--accent)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.25rem 0}
dl.meta dt{font-weight:bold}
dl.meta dd{margin:0}
form.filters[hidden]{display:none}
form.filters{background:var(--bg-soft);padding:.75rem;border-radius:6px;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
form.filters label{display:flex;flex-direction:column;font-size:.9rem;font-weight:bold}
form.filters select,form.filters input{font-size:1rem;padding:.3rem;margin-top:.2rem}
#result-count{font-weight:bold}
svg.chart{display:block;max-width:100%;height:auto}
nav.toc ul{padding-left:1.2rem}
details{margin:.5rem 0}
summary{cursor:pointer;font-weight:bold}
`;

const SCRIPT = `
(function(){
  var form=document.getElementById('filters');if(!form)return;form.hidden=false;
  var items=[].slice.call(document.querySelectorAll('article.project'));
  var count=document.getElementById('result-count');
  function apply(){
    var policy=form.policy.value,dept=form.department.value,status=form.status.value,q=form.q.value.trim().toLowerCase();
    var shown=0;
    items.forEach(function(el){
      var ok=(!policy||el.dataset.policy===policy)&&(!dept||el.dataset.departments.split('|').indexOf(dept)>=0)&&(!status||el.dataset.status===status)&&(!q||el.dataset.search.indexOf(q)>=0);
      el.hidden=!ok;if(ok)shown++;
    });
    document.querySelectorAll('section.measure').forEach(function(s){s.hidden=!s.querySelector('article.project:not([hidden])');});
    document.querySelectorAll('section.policy').forEach(function(s){s.hidden=!s.querySelector('article.project:not([hidden])');});
    count.textContent=shown+' 件の事業を表示しています';
  }
  form.addEventListener('input',apply);form.addEventListener('change',apply);
  form.addEventListener('submit',function(e){e.preventDefault();apply();});
  form.addEventListener('reset',function(){setTimeout(apply,0);});
  apply();
})();
`;

/** A small bar chart of the numeric targets of an indicator, or nothing when fewer than two are numbers. */
export function targetChart(indicator: Project['indicators'][number]): string {
  const numeric = indicator.targets.filter((t) => t.value !== null);
  if (numeric.length < 2) return '';
  const width = 320;
  const height = 120;
  const pad = 24;
  const max = Math.max(...numeric.map((t) => Math.abs(t.value!)), 1);
  const slot = (width - pad) / indicator.targets.length;
  const unit = numeric.find((t) => t.unit)?.unit ?? '';
  const label = `${indicator.name}の年度別目標：${indicator.targets.map((t) => `${fiscalYearLabel(t.fiscalYear)} ${t.value === null ? 'なし' : `${t.value}${t.unit ?? ''}`}`).join('、')}`;
  const bars = indicator.targets
    .map((t, i) => {
      const x = pad + i * slot + slot * 0.2;
      const w = slot * 0.6;
      const year = `<text x="${(x + w / 2).toFixed(1)}" y="${height - 4}" font-size="10" text-anchor="middle" fill="#1a1a1a">${h(String(t.fiscalYear))}</text>`;
      if (t.value === null) return year;
      const barHeight = (Math.abs(t.value) / max) * (height - pad - 16);
      const y = height - pad - barHeight;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${t.value < 0 ? '#8a1c1c' : '#0b5394'}"/><text x="${(x + w / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" font-size="10" text-anchor="middle" fill="#1a1a1a">${h(String(t.value))}</text>${year}`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${h(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${h(label)}</title><line x1="${pad}" y1="${height - pad}" x2="${width}" y2="${height - pad}" stroke="#4a4a4a"/><text x="2" y="12" font-size="10" fill="#4a4a4a">${h(unit)}</text>${bars}</svg>`;
}

function projectAnchor(id: string): string {
  return `project-${id}`;
}

function projectHtml(plan: Plan, p: Project, byId: ReadonlyMap<string, Project>, hrefOf: (projectId: string) => string): string {
  const years = plan.edition.planPeriod;
  const fiscalYears: number[] = [];
  for (let y = years.startFiscalYear; y <= years.endFiscalYear; y++) fiscalYears.push(y);
  const departments = [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name);
  const search = [p.id, p.name, p.listedName, p.summary, p.objective, ...departments, ...p.indicators.map((i) => i.name), ...p.initiatives.map((i) => i.name)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  const original = p.repostOf ? byId.get(p.repostOf) : null;
  const indicators = p.indicators
    .map(
      (ind) => `
      <div class="indicator">
        <div class="table-wrap"><table>
          <caption>評価指標：${h(ind.name)}</caption>
          <thead><tr><th scope="col">年度</th>${fiscalYears.map((y) => `<th scope="col">${h(fiscalYearLabel(y))}<br><span class="note">${y}</span></th>`).join('')}</tr></thead>
          <tbody><tr><th scope="row">目標</th>${ind.targets.map((t) => `<td${t.value !== null ? ' class="num"' : ''}>${t.text === null ? '<span class="note">－</span>' : h(t.text)}</td>`).join('')}</tr></tbody>
        </table></div>
        ${targetChart(ind)}
        ${ind.unplacedTexts.length ? `<p class="note">年度を特定できない記載：${ind.unplacedTexts.map(h).join('、')}</p>` : ''}
      </div>`,
    )
    .join('');
  const initiatives = p.initiatives.length
    ? `<details><summary>年度ごとの取組（${p.initiatives.length}件）</summary><ul>${p.initiatives
        .map(
          (i) =>
            `<li>${h(i.name)}${i.yearTexts.length ? `：${i.yearTexts.map((y) => `${h(fiscalYearLabel(y.fiscalYear))} ${h(y.text)}`).join('、')}` : ''}${i.unplacedTexts.length ? `（年度不明：${i.unplacedTexts.map(h).join('、')}）` : ''}</li>`,
        )
        .join('')}</ul></details>`
    : '';
  return `
    <article class="project" id="${h(projectAnchor(p.id))}" data-policy="${h(p.id.split('-')[0])}" data-departments="${h(departments.join('|'))}" data-status="${h(p.repostOf ? 'repost' : p.status)}" data-search="${h(search)}">
      <h5>${h(p.id)} ${h(p.name ?? p.listedName)}${p.status === 'ended' ? '<span class="badge ended">計画終了</span>' : ''}${p.repostOf ? '<span class="badge repost">再掲</span>' : ''}</h5>
      ${original ? `<p>この事業は <a href="${h(hrefOf(original.id))}">${h(original.id)} ${h(original.name)}</a> の再掲です。</p>` : ''}
      <dl class="meta">
        <dt>主管課等</dt><dd>${p.leadDepartments.map((d) => h(d.name)).join('、') || '－'}</dd>
        <dt>関係課等</dt><dd>${p.relatedDepartments.map((d) => h(d.name)).join('、') || '－'}</dd>
        ${p.listedName && p.name && p.listedName !== p.name ? `<dt>一覧上の名称</dt><dd>${h(p.listedName)}</dd>` : ''}
      </dl>
      ${p.summary ? `<p>${h(p.summary).replace(/\n/g, '<br>')}</p>` : ''}
      ${p.objective ? `<details><summary>目指すもの</summary><p>${h(p.objective).replace(/\n/g, '<br>')}</p></details>` : ''}
      ${initiatives}
      ${indicators}
      ${p.indicatorRationale ? `<p class="note">指標の考え方：${h(p.indicatorRationale).replace(/\n/g, ' ')}</p>` : ''}
      ${p.endReason ? `<p><strong>終了理由：</strong>${h(p.endReason)}</p>` : ''}
    </article>`;
}

/** The options of one page: which edition it shows, and where the other files are relative to it. */
export interface PageOptions {
  plans: readonly Plan[];
  current: Plan;
  files: readonly PublishedFile[];
  changelogs: readonly Changelog[];
  /** Path from the page to the output folder's root: '' for index.html, '../' for an edition page. */
  root: string;
  /** At most this many projects are shown on the page itself (default `PAGE_PROJECTS`); see `toProjectPages`. */
  pageProjects?: number;
  /** For an unreviewed draft (`build --draft`): edition id → findings awaiting review; each is named at the top of the page. */
  unreviewed?: ReadonlyMap<string, number>;
}

/** The notice at the top of a draft's page: which editions are unreviewed drafts and how many findings await review. */
function draftNotice(current: Plan, plans: readonly Plan[], unreviewed: ReadonlyMap<string, number> | undefined): string {
  if (!unreviewed || unreviewed.size === 0) return '';
  const lines = [...plans]
    .sort((a, b) => b.edition.number - a.edition.number)
    .flatMap((p) => {
      const pending = unreviewed.get(p.edition.id);
      if (pending === undefined) return [];
      const which = p === current ? 'この版' : `第${p.edition.number}版（${h(p.edition.id)}）`;
      return [`${which}は未確認の下書きです：確認待ちの指摘 ${pending} 件`];
    });
  if (lines.length === 0) return '';
  return `
  <p class="draft" role="status" style="border:2px solid #8a1c1c;color:#8a1c1c;background:#fff4f4;padding:.5rem .75rem;font-weight:bold">${lines.join('<br>')}。確認が済むまで公開できません。</p>`;
}

/**
 * An edition with more projects than this shows them on project pages of at most this many (a
 * 60,000-project page would be hundreds of megabytes, which no browser makes usable); the real
 * editions, with about 60, keep every project on the edition's page.
 */
export const PAGE_PROJECTS = 500;

/** One project page of a large edition: the projects of one measure, or a run of at most `PAGE_PROJECTS` of them. */
export interface ProjectPage {
  /** Path under the edition folder (`pages/1-2-3.html`: measure 1-2, third page). */
  path: string;
  measureId: string;
  /** 1-based position of its first and last project within the measure. */
  first: number;
  last: number;
  projects: Project[];
}

/** The project pages of an edition, or null when its projects fit on the edition's page. */
export function toProjectPages(plan: Plan, pageProjects = PAGE_PROJECTS): ProjectPage[] | null {
  if (plan.projects.length <= pageProjects) return null;
  const pages: ProjectPage[] = [];
  for (const m of plan.measures) {
    const projects = plan.projects.filter((p) => p.measureId === m.id);
    for (let start = 0; start < projects.length; start += pageProjects) {
      const part = projects.slice(start, start + pageProjects);
      pages.push({ path: `pages/${m.id}-${start / pageProjects + 1}.html`, measureId: m.id, first: start + 1, last: start + part.length, projects: part });
    }
  }
  return pages;
}

function downloadsHtml(plan: Plan, files: readonly PublishedFile[], root: string): string {
  const id = plan.edition.id;
  // An edition page sits in the edition folder and goes into the zip: it cannot list the zip or the
  // descriptor, whose hashes depend on the page itself. The top page lists everything.
  const wanted = root === '' ? [zipName(plan), ...Object.keys(FILE_TITLES)] : Object.keys(FILE_TITLES).filter((n) => n !== 'datapackage.json');
  const rows = wanted
    .map((name) => files.find((f) => f.path === `${id}/${name}`))
    .filter((f): f is PublishedFile => f !== undefined)
    .map((f) => {
      const name = f.path.slice(id.length + 1);
      const href = root === '' ? f.path : name;
      const title = name.endsWith('.zip') ? 'この版の全ファイル（ZIP）' : FILE_TITLES[name]!;
      const { format } = mediaTypeOf(f.path);
      const size = f.bytes;
      const hash = f.sha256;
      return `<tr><td><a href="${h(href)}" download data-sha256="${h(hash)}">${h(title)}（${h(format.toUpperCase())}、${h(humanSize(size))}）をダウンロード</a></td><td>${h(format.toUpperCase())}</td><td class="num">${h(humanSize(size))}</td><td><span class="hash">${h(hash)}</span></td></tr>`;
    })
    .join('');
  return `<div class="table-wrap"><table><caption>${h(plan.edition.id)}版のダウンロード</caption><thead><tr><th scope="col">ファイル</th><th scope="col">形式</th><th scope="col">サイズ</th><th scope="col">SHA-256</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function changelogHtml(log: Changelog, root: string): string {
  const base = `${root}changes/${log.from.id}..${log.to.id}`;
  const totals = CHANGE_KINDS.filter((k) => log.totals[k] > 0)
    .map((k) => `<tr><th scope="row">${h(CHANGE_LABELS[k])}</th><td class="num">${log.totals[k]}</td></tr>`)
    .join('');
  const byProject = new Map<string, typeof log.changes>();
  for (const c of log.changes) byProject.set(c.projectId ?? '-', [...(byProject.get(c.projectId ?? '-') ?? []), c]);
  const lists = [...byProject]
    .map(
      ([pid, changes]) =>
        `<details><summary>${h(pid)}（${changes.length}件）</summary><ul>${changes
          .map((c) => `<li>${h(CHANGE_LABELS[c.kind])}：${h(c.summary)}${c.explainedBy.length ? `<span class="note">（改訂履歴 ${h(c.explainedBy.join('、'))}）</span>` : '<span class="note">（改訂履歴に記載なし）</span>'}</li>`)
          .join('')}</ul></details>`,
    )
    .join('');
  return `
    <h3>第${log.from.number}版（${h(log.from.id)}）から第${log.to.number}版（${h(log.to.id)}）へ</h3>
    <p>両版のデータを比べて検出した変更です。対象の改訂：${h(log.revisionDates.join('、') || 'なし')}。改訂履歴に説明のない変更は ${log.unexplainedChanges.length} 件、変更を検出できなかった改訂履歴の項目は ${log.unmatchedEntries.length} 件です。</p>
    <div class="table-wrap"><table><caption>変更の種別と件数</caption><thead><tr><th scope="col">種別</th><th scope="col">件数</th></tr></thead><tbody>${totals}</tbody></table></div>
    <p>変更点の一覧：<a href="${h(base)}.md">変更点の説明（Markdown）を開く</a>、<a href="${h(base)}.csv" download>変更点のCSVをダウンロード</a>、<a href="${h(base)}.json" download>変更点のJSONをダウンロード</a></p>
    ${lists}`;
}

function schemaOrg(plan: Plan, files: readonly PublishedFile[]): string {
  const e = plan.edition;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: `${e.title}（第${e.number}版）`,
    description: `${e.municipality.name}のICT計画の個別事業・評価指標・改訂履歴のオープンデータ（第${e.number}版）`,
    url: `${e.baseIri}${e.id}/`,
    identifier: `${e.baseIri}edition/${e.id}`,
    version: String(e.number),
    license: e.license.url,
    isAccessibleForFree: true,
    inLanguage: 'ja',
    keywords: ['ICT', 'DX', '計画', '評価指標', e.municipality.name],
    creator: { '@type': 'GovernmentOrganization', name: publisherName(e.municipality.name) },
    publisher: { '@type': 'GovernmentOrganization', name: publisherName(e.municipality.name) },
    temporalCoverage: `${e.planPeriod.startDate}/${e.planPeriod.endDate}`,
    spatialCoverage: { '@type': 'Place', name: e.municipality.name },
    distribution: files
      .filter((f) => f.path.startsWith(`${e.id}/`) && /\.(csv|zip|jsonld|json)$/.test(f.path) && !f.path.endsWith('.schema.json'))
      .map((f) => ({ '@type': 'DataDownload', contentUrl: `${e.baseIri}${f.path}`, encodingFormat: mediaTypeOf(f.path).mediatype, contentSize: `${f.bytes} B` })),
  };
  // `</` cannot occur in the JSON-LD (it is escaped), so the script element cannot be closed early.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The start of every page up to `<body>`: language, charset, viewport, no favicon request, the title (HTML), the styles. */
function pageStart(titleHtml: string, beforeStyle = '', afterStyle = ''): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${titleHtml}</title>
${beforeStyle}<style>${CSS}</style>
${afterStyle}</head>
<body>`;
}

/** The end of every page after `</main>`: the attribution and the filter script. */
function pageEnd(plan: Plan): string {
  return `<footer><p class="note">${h(plan.edition.license.attribution)}。このページとデータは、原資料のテキストから自動で作成しています。</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The filter form (shown by the script; without it every project stays visible). */
function filtersHtml(plan: Plan, departments: readonly string[]): string {
  return `<form id="filters" class="filters" hidden role="search" aria-label="事業の絞り込み">
      <label>基本方針<select name="policy"><option value="">すべて</option>${plan.policies.map((p) => `<option value="${h(p.id)}">基本方針${h(p.id)} ${h(p.name)}</option>`).join('')}</select></label>
      <label>担当課<select name="department"><option value="">すべて</option>${departments.map((d) => `<option value="${h(d)}">${h(d)}</option>`).join('')}</select></label>
      <label>状態<select name="status"><option value="">すべて</option><option value="active">実施中</option><option value="ended">計画終了</option><option value="repost">再掲</option></select></label>
      <label>キーワード<input type="search" name="q" placeholder="例：オープンデータ"></label>
      <p id="result-count" role="status" aria-live="polite"></p>
    </form>`;
}

function departmentsOf(projects: readonly Project[]): string[] {
  return [...new Set(projects.flatMap((p) => [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name)))].sort((a, b) => a.localeCompare(b, 'ja'));
}

// Made once per set of pages, not once per page: a large edition has over a hundred pages.
const pageIndexes = new WeakMap<readonly ProjectPage[], { byId: Map<string, Project>; pageOf: Map<string, ProjectPage> }>();

/** The projects by id (the first of each id) and the page of each project. */
function pageIndex(plan: Plan, pages: readonly ProjectPage[]): { byId: Map<string, Project>; pageOf: Map<string, ProjectPage> } {
  let index = pageIndexes.get(pages);
  if (!index) {
    const pageOf = new Map<string, ProjectPage>();
    for (const page of pages) for (const p of page.projects) if (!pageOf.has(p.id)) pageOf.set(p.id, page);
    index = { byId: firstByKey(plan.projects, (p) => p.id), pageOf };
    pageIndexes.set(pages, index);
  }
  return index;
}

/**
 * One project page of a large edition (`toProjectPages`), at `<edition>/<page.path>`: the page's
 * projects with the same filters as the edition's page, and links back to it.
 */
export function* toProjectPageChunks(plan: Plan, page: ProjectPage, pages: readonly ProjectPage[], unreviewed?: ReadonlyMap<string, number>): Generator<string> {
  const e = plan.edition;
  const city = publisherName(e.municipality.name);
  const measure = plan.measures.find((m) => m.id === page.measureId);
  const { byId, pageOf } = pageIndex(plan, pages);
  const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const hrefOf = (projectId: string) => {
    const other = pageOf.get(projectId);
    return `${other && other !== page ? base(other.path) : ''}#${projectAnchor(projectId)}`;
  };
  const title = `事業推進計画 ${page.measureId} ${measure?.name ?? ''}（${page.first}〜${page.last}件目）`;
  yield `${pageStart(`${h(title)}｜${h(e.title)}（第${e.number}版）｜${h(city)}オープンデータ`)}
<header>
  <p class="note">${h(city)} オープンデータ</p>
  <h1>${h(e.title)}（第${e.number}版）</h1>${draftNotice(plan, [plan], unreviewed)}
  <p><a href="../index.html">第${e.number}版のページに戻る</a></p>
</header>
<main>
  <section aria-labelledby="plan">
    <h2 id="plan">${h(title)}</h2>
    ${filtersHtml(plan, departmentsOf(page.projects))}
    <section class="measure" id="measure-${h(page.measureId)}">`;
  for (const p of page.projects) yield projectHtml(plan, p, byId, hrefOf);
  yield `
    </section>
  </section>
</main>
${pageEnd(plan)}`;
}

/** One portal page. */
export function toPortalPage(options: PageOptions): string {
  return [...toPortalPageChunks(options)].join('');
}

/** One portal page in pieces (their concatenation is `toPortalPage`). */
export function* toPortalPageChunks(options: PageOptions): Generator<string> {
  const { plans, current: plan, files, changelogs, root } = options;
  const e = plan.edition;
  const city = publisherName(e.municipality.name);
  const departments = departmentsOf(plan.projects);
  const editions = [...plans]
    .sort((a, b) => b.edition.number - a.edition.number)
    .map(
      (p) =>
        `<tr><th scope="row">第${p.edition.number}版（${h(p.edition.id)}）</th><td>${h(p.edition.revisionDate ? `${p.edition.revisionDate}改訂` : '原版（策定日は本文に記載なし）')}</td><td class="num">${p.projects.filter((x) => !x.repostOf).length}</td><td><a href="${h(`${root}${p.edition.id}/index.html`)}">第${p.edition.number}版のページを開く</a>、<a href="${h(`${root}${p.edition.id}/${zipName(p)}`)}" download>第${p.edition.number}版のZIPをダウンロード</a></td></tr>`,
    )
    .join('');
  const pages = toProjectPages(plan, options.pageProjects);
  const { byId, pageOf } = pageIndex(plan, pages ?? []);
  const byMeasure = new Map<string, Project[]>();
  for (const p of plan.projects) {
    if (!byMeasure.has(p.measureId)) byMeasure.set(p.measureId, []);
    byMeasure.get(p.measureId)!.push(p);
  }
  const editionFolder = root === '' ? `${e.id}/` : '';
  const hrefOf = (projectId: string) => {
    const page = pageOf.get(projectId);
    return `${page ? `${editionFolder}${page.path}` : ''}#${projectAnchor(projectId)}`;
  };
  // The projects are the bulk of the page: one piece each, so a large plan is never one string.
  function* policies(): Generator<string> {
    for (const pol of plan.policies) {
      yield `<section class="policy" id="policy-${h(pol.id)}"><h3>基本方針${h(pol.id)} ${h(pol.name)}</h3>`;
      for (const m of plan.measures.filter((x) => x.policyId === pol.id)) {
        yield `<section class="measure" id="measure-${h(m.id)}"><h4>事業推進計画 ${h(m.id)} ${h(m.name)}</h4>`;
        if (pages) {
          const links = pages
            .filter((page) => page.measureId === m.id)
            .map((page) => `<li><a href="${h(`${editionFolder}${page.path}`)}">${page.first}〜${page.last}件目の事業を開く</a></li>`);
          yield links.length ? `<ul>${links.join('')}</ul>` : '<p>事業はありません。</p>';
        } else {
          for (const p of byMeasure.get(m.id) ?? []) yield projectHtml(plan, p, byId, hrefOf);
        }
        yield '</section>';
      }
      yield '</section>';
    }
  }
  const toc = plan.policies
    .map(
      (pol) =>
        `<li><a href="#policy-${h(pol.id)}">基本方針${h(pol.id)} ${h(pol.name)}</a><ul>${plan.measures
          .filter((m) => m.policyId === pol.id)
          .map((m) => `<li><a href="#measure-${h(m.id)}">${h(m.id)} ${h(m.name)}</a></li>`)
          .join('')}</ul></li>`,
    )
    .join('');
  const byDepartment = new Map<string, string[]>(departments.map((d) => [d, []]));
  for (const p of plan.projects) {
    const names = new Set([...p.leadDepartments, ...p.relatedDepartments].map((x) => x.name));
    for (const d of names) byDepartment.get(d)!.push(`<a href="${h(hrefOf(p.id))}">${h(p.id)}</a>`);
  }
  function* departmentIndex(): Generator<string> {
    for (const d of departments) yield `<li>${h(d)}：${byDepartment.get(d)!.join(' ')}</li>`;
  }
  const logs = changelogs.filter((l) => l.to.id === e.id || root === '');
  yield `${pageStart(
    `${h(e.title)}（第${e.number}版）｜${h(city)}オープンデータ`,
    `<meta name="description" content="${h(`${e.municipality.name}のICT計画の個別事業・評価指標をオープンデータとして公開しています。`)}">\n`,
    `<script type="application/ld+json">${schemaOrg(plan, files)}</script>\n`,
  )}
<header>
  <p class="note">${h(city)} オープンデータ</p>
  <h1>${h(e.title)}</h1>${draftNotice(plan, plans, options.unreviewed)}
</header>
<main>
  <section aria-labelledby="about">
    <h2 id="about">このデータについて</h2>
    <p>${h(e.municipality.name)}のICT計画（${h(fiscalYearLabel(e.planPeriod.startFiscalYear))}から${h(fiscalYearLabel(e.planPeriod.endFiscalYear))}まで）の個別事業一覧・個別事業シート・改訂履歴を、誰でも使えるデータにしたものです。このページは第${e.number}版（${h(e.id)}）を表示しています。</p>
    <dl class="meta">
      <dt>公開者</dt><dd>${h(city)}</dd>
      <dt>ライセンス</dt><dd><a href="${h(e.license.url)}" rel="license">${h(e.license.name)}（${h(e.license.id)}）の条文を開く</a></dd>
      <dt>出典の表示</dt><dd>${h(e.license.attribution)}</dd>
      <dt>計画期間</dt><dd>${h(fiscalYearLabel(e.planPeriod.startFiscalYear))}（${e.planPeriod.startDate}）から${h(fiscalYearLabel(e.planPeriod.endFiscalYear))}（${e.planPeriod.endDate}）まで</dd>
    </dl>
    <p class="note">表題は本文に記載がないため、データ作成者が付けたものです。数値・名称は原資料の記載どおりで、原資料と異なる箇所はデータ品質レポートにまとめています。</p>
  </section>
  <section aria-labelledby="editions">
    <h2 id="editions">版（バージョン）</h2>
    <div class="table-wrap"><table><caption>公開している版</caption><thead><tr><th scope="col">版</th><th scope="col">時点</th><th scope="col">事業数</th><th scope="col">リンク</th></tr></thead><tbody>${editions}</tbody></table></div>
  </section>
  <section aria-labelledby="downloads">
    <h2 id="downloads">ダウンロード</h2>
    <p>CSVはUTF-8（BOM付き）で、Excelでそのまま開けます。各ファイルのSHA-256で、ダウンロードしたファイルが改ざんされていないことを確かめられます。</p>
    ${downloadsHtml(plan, files, root)}
    <p><a href="${h(root)}catalog.ttl">データカタログ（DCAT、Turtle）を開く</a>、<a href="${h(root)}SHA256SUMS">全ファイルのSHA-256一覧を開く</a></p>
  </section>
  <section aria-labelledby="plan">
    <h2 id="plan">計画の内容</h2>
    <nav class="toc" aria-label="基本方針と事業推進計画の目次"><ul>${toc}</ul></nav>
    ${pages ? `<p>事業が${plan.projects.length}件あるため、事業推進計画ごとのページ（1ページに${options.pageProjects ?? PAGE_PROJECTS}件まで）に分けて表示しています。</p>` : filtersHtml(plan, departments)}
    `;
  yield* policies();
  yield `
    <details><summary>担当課から探す</summary><ul>`;
  yield* departmentIndex();
  yield `</ul></details>
  </section>
  <section aria-labelledby="changes">
    <h2 id="changes">版の間の変更点</h2>
    ${logs.length ? logs.map((l) => changelogHtml(l, root)).join('') : '<p>この版より前の版はありません。</p>'}
  </section>
</main>
${pageEnd(plan)}`;
}
