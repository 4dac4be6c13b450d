/**
 * Site part: the portal page. `index.html` at the top shows the latest plan for citizens: a sentence
 * on what it is, the search and filters, the plan, then the downloads (developer formats collapsed),
 * the editions, what changed (newest first) and the terms of use; each edition folder gets its own
 * `index.html` (so the page also works from the edition's zip, offline). The pages load nothing from anywhere (no CDN,
 * font or analytics: styles and the filter script are inline). Without JavaScript the whole plan is
 * there, with a table of contents and a department index; the script adds live filters.
 */
import type { Changelog } from '../model/diffPlans.js';
import { publisherName } from '../read/parseEditionMeta.js';
import type { Plan } from '../model/plan.js';
import { groupBy } from '../common/arrays.js';
import { editionTitle, fiscalYearLabel } from '../common/text.js';
import { datasetVersion, zipName, type PublishedFile } from '../publish/toPackage.js';
import { mediaTypeOf } from '../publish/outputManifest.js';
import { html, joinHtml, unsafe, type SafeHtml } from './html.js';
import { indexProjectPages, PAGE_PROJECTS, toProjectPages } from './projectPages.js';
import { renderChangelog, type ChangeContext } from './changes.js';
import { formatYearMonth, listDepartments, renderDownloads, renderSharedDownloads, renderDraftNotice, renderFilterForm, renderPageEnd, renderPageStart, renderProjectCard, toProjectAnchor } from './parts.js';

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

/** Renders the schema.org `Dataset` description of an edition, as the content of a JSON-LD script element. */
function renderSchemaOrg(plan: Plan, files: readonly PublishedFile[]): SafeHtml {
  const e = plan.edition;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: editionTitle(e),
    description: `${e.municipality.name}のICT計画の個別事業・評価指標・改訂履歴のオープンデータ（第${e.number}版）`,
    url: `${e.baseIri}${e.id}/`,
    identifier: `${e.baseIri}edition/${e.id}`,
    version: datasetVersion(plan),
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
  // A script element's content is raw text: HTML escaping would corrupt the JSON (`&quot;`), so it
  // is inserted unescaped, and made safe as JSON instead: every `<` becomes `\u003c` (the same
  // character to a JSON reader), so no `</script` can occur and the element cannot be closed early.
  return unsafe(JSON.stringify(data).replace(/</g, '\\u003c'));
}

/** Counts an edition's projects as the plan does: the 【再掲】 listings apart (59 事業 and 3 再掲 in 2025-03, not 62). */
export function countProjects(plan: Plan): { projects: number; reposts: number } {
  const reposts = plan.projects.filter((p) => p.repostOf).length;
  return { projects: plan.projects.length - reposts, reposts };
}

/** Names an edition for people: 第5版（令和7年3月（2025-03）改訂）, or 第1版（原版）. */
export function labelEdition(plan: Plan): string {
  const e = plan.edition;
  return e.revisionDate ? `第${e.number}版（${formatYearMonth(e.revisionDate)}改訂）` : `第${e.number}版（原版）`;
}

/** Makes the link from a page to a project's card in an edition, on the edition's page or its project page. */
export function toProjectHref(plan: Plan, pathToEdition: string, pageProjects: number | undefined): (projectId: string) => string | null {
  const pages = toProjectPages(plan, pageProjects) ?? [];
  const { byId, pageOf } = indexProjectPages(plan, pages);
  return (projectId) => {
    if (!byId.has(projectId)) return null;
    const page = pageOf.get(projectId);
    return `${pathToEdition}${page ? page.path : 'index.html'}#${toProjectAnchor(projectId)}`;
  };
}

/** Renders one portal page. */
export function toPortalPage(options: PageOptions): string {
  return [...toPortalPageChunks(options)].join('');
}

/** Renders one portal page in pieces (their concatenation is `toPortalPage`); a large plan is never one string. */
export function* toPortalPageChunks(options: PageOptions): Generator<string> {
  const { plans, current: plan, files, changelogs, root } = options;
  const e = plan.edition;
  const city = publisherName(e.municipality.name);
  const departments = listDepartments(plan.projects);
  const editions = [...plans]
    .sort((a, b) => b.edition.number - a.edition.number)
    .map((p) => {
      const { projects, reposts } = countProjects(p);
      return html`<tr><th scope="row">第${p.edition.number}版</th><td>${p.edition.revisionDate ? `${formatYearMonth(p.edition.revisionDate)}改訂` : '原版（策定日は本文に記載なし）'}</td><td class="num">${projects}</td><td class="num">${reposts}</td><td><a href="${`${root}${p.edition.id}/index.html`}">第${p.edition.number}版のページ</a>、<a href="${`${root}${p.edition.id}/${zipName(p)}`}" download>第${p.edition.number}版のファイル一式</a> <span class="note">ZIP</span></td></tr>`;
    });
  const pages = toProjectPages(plan, options.pageProjects);
  const { byId, pageOf } = indexProjectPages(plan, pages ?? []);
  const byMeasure = groupBy(plan.projects, (p) => p.measureId);
  const editionFolder = root === '' ? `${e.id}/` : '';
  const hrefOf = (projectId: string) => {
    const page = pageOf.get(projectId);
    return `${page ? `${editionFolder}${page.path}` : ''}#${toProjectAnchor(projectId)}`;
  };
  // The projects are the bulk of the page: one piece each, so a large plan is never one string.
  function* policies(): Generator<SafeHtml> {
    for (const pol of plan.policies) {
      yield html`<section class="policy" id="policy-${pol.id}"><h3>基本方針${pol.id} ${pol.name}</h3>`;
      for (const m of plan.measures.filter((x) => x.policyId === pol.id)) {
        yield html`<section class="measure" id="measure-${m.id}"><h4>事業推進計画 ${m.id} ${m.name}</h4>`;
        if (pages) {
          const links = pages.filter((page) => page.measureId === m.id).map((page) => html`<li><a href="${`${editionFolder}${page.path}`}">${page.first}〜${page.last}件目の事業を開く</a></li>`);
          yield links.length > 0 ? html`<ul>${links}</ul>` : html`<p>事業はありません。</p>`;
        } else {
          for (const p of byMeasure.get(m.id) ?? []) yield renderProjectCard(plan, p, byId, hrefOf, root);
        }
        yield html`</section>`;
      }
      yield html`</section>`;
    }
  }
  const toc = plan.policies.map(
    (pol) =>
      html`<li><a href="#policy-${pol.id}">基本方針${pol.id} ${pol.name}</a><ul>${plan.measures
        .filter((m) => m.policyId === pol.id)
        .map((m) => html`<li><a href="#measure-${m.id}">${m.id} ${m.name}</a></li>`)}</ul></li>`,
  );
  const byDepartment = new Map<string, SafeHtml[]>(departments.map((d) => [d, []]));
  for (const p of plan.projects) {
    const names = new Set([...p.leadDepartments, ...p.relatedDepartments].map((x) => x.name));
    for (const d of names) byDepartment.get(d)!.push(html`<a href="${hrefOf(p.id)}">${p.id}</a>`);
  }
  function* departmentIndex(): Generator<SafeHtml> {
    for (const d of departments) yield html`<li>${d}：${joinHtml(byDepartment.get(d)!, ' ')}</li>`;
  }
  // Newest comparison first: what changed last is what people look for.
  const logs = changelogs.filter((l) => l.to.id === e.id || root === '').sort((a, b) => b.to.number - a.to.number);
  const planById = new Map(plans.map((p) => [p.edition.id, p]));
  const contextOf = (log: Changelog): ChangeContext => {
    const newer = planById.get(log.to.id);
    const older = planById.get(log.from.id);
    // The page's own edition links to its cards on this page; other editions to their own pages.
    const newerHref = log.to.id === e.id ? (id: string) => (byId.has(id) ? hrefOf(id) : null) : newer ? toProjectHref(newer, `${root}${newer.edition.id}/`, options.pageProjects) : () => null;
    const olderHref = older ? toProjectHref(older, `${root}${older.edition.id}/`, options.pageProjects) : () => null;
    const newerNames = new Map((newer?.projects ?? []).map((p) => [p.id, p.name ?? p.listedName]));
    const olderNames = new Map((older?.projects ?? []).map((p) => [p.id, p.name ?? p.listedName]));
    return {
      root,
      nameOf: (id) => newerNames.get(id) ?? olderNames.get(id) ?? null,
      hrefOf: (id) => newerHref(id) ?? olderHref(id),
      editionLabel: (id) => {
        const p = planById.get(id);
        return p ? labelEdition(p) : id;
      },
    };
  };
  const counts = countProjects(plan);
  yield html`${renderPageStart(
    `${editionTitle(e)}｜${city}オープンデータ`,
    html`<meta name="description" content="${`${e.municipality.name}のICT計画の個別事業・評価指標をオープンデータとして公開しています。`}">\n`,
    html`<script type="application/ld+json">${renderSchemaOrg(plan, files)}</script>\n`,
  )}
<header>
  <p class="note">${city} オープンデータ</p>
  <h1>${e.title}</h1>${renderDraftNotice(plan, plans, options.unreviewed)}
</header>
<main>
  <p class="lead">${e.municipality.name}が進めるICT（情報通信技術）の計画（${fiscalYearLabel(e.planPeriod.startFiscalYear)}から${fiscalYearLabel(e.planPeriod.endFiscalYear)}まで）の${labelEdition(plan)}です。${counts.projects} 件の事業${counts.reposts > 0 ? `（ほかに再掲 ${counts.reposts} 件）` : ''}の内容・担当課・年度ごとの目標を見られ、表データとしてダウンロードできます。</p>
  <section aria-labelledby="find">
    <h2 id="find">事業を探す</h2>
    ${pages ? html`<p>事業が${plan.projects.length}件あるため、事業推進計画ごとのページ（1ページに${options.pageProjects ?? PAGE_PROJECTS}件まで）に分けて表示しています。下の目次からページを開いてください。</p>` : renderFilterForm(plan, departments)}
    <p class="note">基本方針・事業推進計画の目次と担当課別の一覧からも探せます。</p>
  </section>
  <section aria-labelledby="plan">
    <h2 id="plan">計画の内容</h2>
    <nav class="toc" aria-label="基本方針と事業推進計画の目次"><details open><summary>目次</summary><ul>${toc}</ul></details></nav>
    `.toString();
  for (const part of policies()) yield part.toString();
  yield html`
    <details><summary>担当課から探す</summary><ul>`.toString();
  for (const item of departmentIndex()) yield item.toString();
  yield html`</ul></details>
  </section>
  <section aria-labelledby="downloads">
    <h2 id="downloads">データのダウンロード</h2>
    ${renderDownloads(plan, files, root)}${root === '' ? renderSharedDownloads(files) : ''}
  </section>
  <section aria-labelledby="editions">
    <h2 id="editions">版（バージョン）</h2>
    <p>計画は改訂されるたびに新しい版として公開しています。事業数に再掲（別の事業推進計画にも載せている事業）は含みません。</p>
    <div class="table-wrap"><table><caption>公開している版（新しい順）</caption><thead><tr><th scope="col">版</th><th scope="col">時点</th><th scope="col">事業数</th><th scope="col">再掲</th><th scope="col">ページとファイル</th></tr></thead><tbody>${editions}</tbody></table></div>
  </section>
  <section aria-labelledby="changes">
    <h2 id="changes">版の間の変更点</h2>
    ${logs.length > 0 ? logs.map((l) => renderChangelog(l, contextOf(l))) : html`<p>この版より前の版はありません。</p>`}
  </section>
  <section aria-labelledby="about">
    <h2 id="about">このデータについて</h2>
    <p>${e.municipality.name}のICT計画の個別事業一覧・個別事業シート・改訂履歴を、誰でも使えるデータにしたものです。このページは第${e.number}版（${e.id}）を表示しています。</p>
    <dl class="meta">
      <dt>公開者</dt><dd>${city}</dd>
      <dt>ライセンス</dt><dd><a href="${e.license.url}" rel="license">${e.license.name}（${e.license.id}）の条文</a></dd>
      <dt>出典の表示</dt><dd>${e.license.attribution}</dd>
      <dt>計画期間</dt><dd>${fiscalYearLabel(e.planPeriod.startFiscalYear)}（${e.planPeriod.startDate}）から${fiscalYearLabel(e.planPeriod.endFiscalYear)}（${e.planPeriod.endDate}）まで</dd>
    </dl>
    <p class="note">表題は本文に記載がないため、データ作成者が付けたものです。数値・名称は原資料の記載どおりで、原資料と異なる箇所はデータ品質レポートにまとめています。</p>
  </section>
</main>
${renderPageEnd(plan)}`.toString();
}
