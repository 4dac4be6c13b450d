/**
 * Site part: each project's own page, its story across editions, at `project/<id>.html` — the path of
 * the project's IRI (`project/1-1-2`) with `.html`, the same in every edition, so a link to it survives
 * new editions. Made once for all editions by the publication stage: the project as the newest edition
 * that has it states it (the same parts as its card), in which editions it is listed, how each
 * indicator's targets changed across editions (the rows of the targets' history,
 * `history/indicator_targets_history.csv`, as an edition × fiscal year table with the changed cells
 * marked in words), and its changes from the changelogs, newest first, each with the words of the
 * revision entries that explain it. A 【再掲】 listing's page points to its original's.
 */
import { describePlaces, type Change, type Changelog } from '../model/diffPlans.js';
import type { Plan, Project } from '../model/plan.js';
import { compareIds } from '../model/toPlan.js';
import { groupBy } from '../common/arrays.js';
import { fiscalYearLabel } from '../common/text.js';
import { publisherName } from '../read/parseEditionMeta.js';
import { CHANGE_LABELS } from '../publish/toChangelogFiles.js';
import type { HistoryRecord } from '../publish/toTargetHistoryFiles.js';
import { renderExplanation } from './changes.js';
import { formatTarget } from './chart.js';
import { html, joinHtml, type SafeHtml } from './html.js';
import { labelEdition, toProjectHref } from './page.js';
import { renderDraftNotice, renderPageEnd, renderPageStart, renderProjectBody, renderYearHead, toStoryHref } from './parts.js';

// The pages sit one folder down from the output folder's root.
const ROOT = '../';

/** What one project's page needs: the project's id, every edition, the changelogs between them and the project's rows of the targets' history. */
export interface StoryOptions {
  projectId: string;
  plans: readonly Plan[];
  changelogs: readonly Changelog[];
  /** The project's rows of the targets' history (`TargetHistory.ofProject`), in its order. */
  history: readonly HistoryRecord[];
  /** For an unreviewed draft: edition id → findings awaiting review, named at the top of the page. */
  unreviewed?: ReadonlyMap<string, number>;
}

/** Lists the ids of every project (and 【再掲】 listing) of any edition, each once, in plan order: one page each. */
export function listStoryProjects(plans: readonly Plan[]): string[] {
  return [...new Set(plans.flatMap((p) => p.projects.map((x) => x.id)))].sort(compareIds);
}

/** Where a project's page is published, under the output folder. */
export function toStoryPath(projectId: string): string {
  return toStoryHref('', projectId);
}

/** Says what a project is in one edition: 実施中, 計画終了, 再掲, or not listed. */
function describeStatus(project: Project | undefined): string {
  if (!project) return 'この版には載っていません';
  if (project.repostOf) return `再掲（元の事業：${project.repostOf}）`;
  return project.status === 'ended' ? '計画終了' : '実施中';
}

// Per plan, made once for all its project pages (per page, a search of every project and an index
// of the edition's pages made the pages quadratic in the number of projects).
const projectsById = new WeakMap<Plan, ReadonlyMap<string, Project>>();
const cardHrefs = new WeakMap<Plan, (projectId: string) => string | null>();

/** A plan's projects by id (the first listing of each id), indexed once per plan. */
function indexProjects(plan: Plan): ReadonlyMap<string, Project> {
  let index = projectsById.get(plan);
  if (!index) projectsById.set(plan, (index = new Map([...plan.projects].reverse().map((p) => [p.id, p]))));
  return index;
}

/** A plan's project by id (the first listing of that id). */
function projectOf(plan: Plan, projectId: string): Project | undefined {
  return indexProjects(plan).get(projectId);
}

/** The link to a project's card on an edition's pages, through an index made once per plan. */
function cardHrefOf(plan: Plan, projectId: string): string | null {
  let hrefOf = cardHrefs.get(plan);
  if (!hrefOf) cardHrefs.set(plan, (hrefOf = toProjectHref(plan, `${ROOT}${plan.edition.id}/`, undefined)));
  return hrefOf(projectId);
}

/** Renders the table of the editions: what the project is in each and the link to its card there. */
function renderEditions(plans: readonly Plan[], projectId: string): SafeHtml {
  const rows = [...plans].reverse().map((plan) => {
    const project = projectOf(plan, projectId);
    const href = cardHrefOf(plan, projectId);
    return html`<tr><th scope="row">${labelEdition(plan)}</th><td>${describeStatus(project)}</td><td>${href ? html`<a href="${href}">第${plan.edition.number}版のページで見る</a>` : '－'}</td></tr>`;
  });
  return html`<div class="table-wrap"><table><caption>版ごとの掲載（新しい順）</caption><thead><tr><th scope="col">版</th><th scope="col">この事業</th><th scope="col">各版のページ</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/**
 * Renders how one indicator's targets changed: a table of editions (oldest first) × fiscal years from
 * its rows of the targets' history, each changed target marked in bold, framed and with 「（変更）」,
 * then the revision entries that explain the changes in their own words.
 */
function renderIndicatorHistory(rows: readonly HistoryRecord[], plans: readonly Plan[], changelogs: readonly Changelog[], projectId: string): SafeHtml {
  const years = [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => a - b);
  const latest = rows.reduce((a, b) => (b.edition.number > a.edition.number ? b : a));
  const number = latest.indicator.slice(latest.indicator.lastIndexOf('/') + 1);
  const body = plans.map((plan) => {
    const own = rows.filter((r) => r.edition.id === plan.edition.id);
    const head = html`<th scope="row">${labelEdition(plan)}${own[0]?.change === CHANGE_LABELS['indicator-added'] && html`<br><span class="note">この版で追加</span>`}${own[0] && own[0].name !== latest.name && html`<br><span class="note">指標名：${own[0].name}</span>`}</th>`;
    if (own.length === 0) {
      const listed = plan.projects.some((p) => p.id === projectId);
      return html`<tr>${head}<td colspan="${years.length}"><span class="note">${listed ? 'この版にはこの評価指標はありません' : 'この版にはこの事業がありません'}</span></td></tr>`;
    }
    const cells = years.map((year) => {
      const r = own.find((x) => x.fiscalYear === year);
      const text = r ? formatTarget(r.target) : null;
      if (r && r.change === CHANGE_LABELS['target-changed']) return html`<td class="changed"><strong>${text ?? '（空欄）'}</strong><br><span class="mark">（変更）</span></td>`;
      return html`<td${r?.target.value !== null && r !== undefined && html` class="num"`}>${text ?? html`<span class="note">－</span>`}</td>`;
    });
    return html`<tr>${head}${cells}</tr>`;
  });
  const changed = rows.filter((r) => r.change === CHANGE_LABELS['target-changed']);
  // Each changed target: its value before and after, and the words of the revision entries that explain it.
  const reasons = changed.map((r) => {
    const before = rows.filter((x) => x.fiscalYear === r.fiscalYear && x.edition.number < r.edition.number).at(-1);
    const log = changelogs.find((l) => l.to.id === r.edition.id);
    const indicatorId = r.project.indicators.find((i) => i.targets.includes(r.target))?.id;
    const change = log?.changes.find((c) => c.kind === 'target-changed' && c.projectId === r.project.id && c.subject === indicatorId && c.fiscalYear === r.fiscalYear);
    const entries = new Map((log?.entries ?? []).map((x) => [x.ref, x]));
    const from = before ? (formatTarget(before.target) ?? '（空欄）') : '（なし）';
    return html`<li>第${r.edition.number}版で${fiscalYearLabel(r.fiscalYear)}（${r.fiscalYear}）の目標値を変更：${from} → ${formatTarget(r.target) ?? '（空欄）'}<br>${change ? renderExplanation(change, entries) : html`<span class="note">改訂履歴に記載なし</span>`}</li>`;
  });
  return html`
    <div class="indicator">
      <h3>評価指標${number}：${latest.name}</h3>
      <div class="table-wrap"><table>
        <caption>評価指標「${latest.name}」の目標値の推移（行：版、列：年度）</caption>
        <thead><tr><th scope="col">版</th>${years.map(renderYearHead)}</tr></thead>
        <tbody>${body}</tbody>
      </table></div>
      ${reasons.length > 0 ? html`<ul class="changes">${reasons}</ul>` : rows.some((r) => r.change !== null) && html`<p class="note">版の間で目標値の変更はありません。</p>`}
    </div>`;
}

/** Says what a change did to this project: its summary, or for a change of the whole plan, the change without its list of places and this project's role in it. */
function describeChange(change: Change, projectId: string): string {
  if (change.projectId !== null) return change.summary;
  const places = change.places ?? [];
  const suffix = `（${describePlaces(places)}）`;
  const what = change.summary.endsWith(suffix) ? change.summary.slice(0, -suffix.length) : change.summary;
  const roles = places.filter((p) => p.projectId === projectId).map((p) => p.role);
  return `計画全体で${what}（${places.length} か所、この事業では${roles.join('・')}）`;
}

/** Renders the project's changes between each pair of editions, newest comparison first, each with the revision entries' words. */
function renderChanges(plans: readonly Plan[], changelogs: readonly Changelog[], projectId: string): SafeHtml {
  const byId = new Map(plans.map((p) => [p.edition.id, p]));
  const label = (id: string) => {
    const plan = byId.get(id);
    return plan ? labelEdition(plan) : id;
  };
  const logs = [...changelogs].sort((a, b) => b.to.number - a.to.number);
  if (logs.length === 0) return html`<p>比べる前の版はありません。</p>`;
  return joinHtml(
    logs.map((log) => {
      const entries = new Map(log.entries.map((e) => [e.ref, e]));
      const changes = log.changes.filter((c) => c.projectId === projectId || (c.places ?? []).some((p) => p.projectId === projectId));
      const inEither = [log.from.id, log.to.id].some((id) => byId.get(id)?.projects.some((p) => p.id === projectId));
      const items = changes.map((c) => html`<li>${CHANGE_LABELS[c.kind]}：${describeChange(c, projectId)}<br>${renderExplanation(c, entries)}</li>`);
      return html`<h3>${label(log.from.id)}から${label(log.to.id)}への変更</h3>
    ${items.length > 0 ? html`<ul class="changes">${items}</ul>` : html`<p>${inEither ? 'この事業の変更はありません。' : 'どちらの版にもこの事業はありません。'}</p>`}`;
    }),
    '',
  );
}

/**
 * Renders one project's page (`project/<id>.html`) in pieces: the project as the newest edition that
 * has it states it, its editions, its targets across editions and its changes. A 【再掲】 listing's
 * page says whose 再掲 it is and links to that project's page.
 */
export function* toStoryPageChunks(options: StoryOptions): Generator<string> {
  const { projectId, changelogs, history } = options;
  const plans = [...options.plans].sort((a, b) => a.edition.number - b.edition.number);
  const latestPlan = plans.at(-1)!;
  const newest = [...plans].reverse().find((p) => projectOf(p, projectId) !== undefined) ?? latestPlan;
  const project = projectOf(newest, projectId)!;
  const e = newest.edition;
  const city = publisherName(e.municipality.name);
  const name = project.name ?? project.listedName ?? '';
  const byId = indexProjects(newest);
  const original = project.repostOf ? byId.get(project.repostOf) : undefined;
  const byIndicator = groupBy(history, (r) => r.indicator);
  const absent = newest !== latestPlan && html`<p><strong>${labelEdition(latestPlan)}にはこの事業は載っていません。</strong>以下は最後に載っていた${labelEdition(newest)}の内容です。</p>`;
  yield html`${renderPageStart(`${projectId} ${name}｜${e.title}｜${city}オープンデータ`, html`<meta name="description" content="${`${e.municipality.name}のICT計画の事業「${name}」の内容と、版をまたぐ目標値の推移・変更点です。`}">\n`)}
<header>
  <p class="note">${city} オープンデータ：<a href="${ROOT}index.html">${e.title}</a></p>
  <h1>${projectId} ${name}${project.status === 'ended' && html`<span class="badge ended">計画終了</span>`}${project.repostOf && html`<span class="badge repost">再掲</span>`}</h1>${renderDraftNotice(latestPlan, plans, options.unreviewed)}
</header>
<main>
  <p class="lead">${e.title}の事業 ${projectId}「${name}」のページです。版が改訂されても、このページの場所は変わりません。</p>
  ${absent}
  ${
    project.repostOf
      ? html`<p>この項目は <a href="${toStoryHref(ROOT, project.repostOf)}">${project.repostOf} ${original?.name ?? ''}</a> の再掲（別の事業推進計画にも載せているもの）です。事業の内容、目標値の推移と変更点は元の事業のページにあります。</p>`
      : ''
  }
  <section aria-labelledby="editions">
    <h2 id="editions">版ごとの掲載</h2>
    ${renderEditions(plans, projectId)}
  </section>`.toString();
  if (project.repostOf) {
    yield html`
</main>
${renderPageEnd(latestPlan)}`.toString();
    return;
  }
  yield html`
  <section aria-labelledby="content">
    <h2 id="content">事業の内容（${labelEdition(newest)}）</h2>
    <p>状態：${project.status === 'ended' ? '計画終了' : '実施中'}</p>
    ${renderProjectBody(newest, project, byId, (id) => toStoryHref(ROOT, id))}
  </section>
  <section aria-labelledby="targets">
    <h2 id="targets">目標値の推移（版ごと）</h2>
    ${
      byIndicator.size > 0
        ? html`<p>評価指標ごとに、各版に載っている年度別の目標値を並べています。前の版から変わった目標値は<strong>太字と枠</strong>で示し、「（変更）」と書き添えています。同じ内容の表は<a href="${ROOT}history/indicator_targets_history.csv" download>評価指標の目標値の推移（全版）の表</a> <span class="note">CSV</span> にもあります。</p>
    ${[...byIndicator.values()].map((rows) => renderIndicatorHistory(rows, plans, changelogs, projectId))}`
        : html`<p>この事業には評価指標がありません。</p>`
    }
  </section>
  <section aria-labelledby="changes">
    <h2 id="changes">版の間の変更（新しい順）</h2>
    ${renderChanges(plans, changelogs, projectId)}
  </section>
</main>
${renderPageEnd(latestPlan)}`.toString();
}

/** Renders one project's page whole (the concatenation of `toStoryPageChunks`). */
export function toStoryPage(options: StoryOptions): string {
  return [...toStoryPageChunks(options)].join('');
}
