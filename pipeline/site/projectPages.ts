/**
 * Site part: the project pages of a large edition. An edition with more projects than
 * `PAGE_PROJECTS` shows them on pages of one measure each (`<edition>/pages/<measure>-<n>.html`),
 * with the same filters as the edition's page and links back to it; links between projects cross
 * pages where they must.
 */
import { firstByKey, groupBy } from '../common/arrays.js';
import { editionTitle } from '../common/text.js';
import { publisherName } from '../read/parseEditionMeta.js';
import type { Plan, Project } from '../model/plan.js';
import { html } from './html.js';
import { listDepartments, renderDraftNotice, renderFilterForm, renderPageEnd, renderPageStart, renderProjectCard, toProjectAnchor } from './parts.js';

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

/** The projects by id (the first of each id) and the page of each project. */
export interface ProjectPageIndex {
  byId: Map<string, Project>;
  pageOf: Map<string, ProjectPage>;
}

/** Splits an edition into project pages, or returns null when its projects fit on the edition's page. */
export function toProjectPages(plan: Plan, pageProjects = PAGE_PROJECTS): ProjectPage[] | null {
  if (plan.projects.length <= pageProjects) return null;
  const pages: ProjectPage[] = [];
  // Grouped in one pass: filtered per measure, 60,000 projects were walked once for each measure.
  const byMeasure = groupBy(plan.projects, (p) => p.measureId);
  for (const m of plan.measures) {
    const projects = byMeasure.get(m.id) ?? [];
    for (let start = 0; start < projects.length; start += pageProjects) {
      const part = projects.slice(start, start + pageProjects);
      pages.push({ path: `pages/${m.id}-${start / pageProjects + 1}.html`, measureId: m.id, first: start + 1, last: start + part.length, projects: part });
    }
  }
  return pages;
}

// Made once per set of pages, not once per page: a large edition has over a hundred pages.
const pageIndexes = new WeakMap<readonly ProjectPage[], ProjectPageIndex>();

/** Indexes the projects of an edition by id and by page (once per set of pages). */
export function indexProjectPages(plan: Plan, pages: readonly ProjectPage[]): ProjectPageIndex {
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
 * Renders one project page of a large edition (`toProjectPages`), at `<edition>/<page.path>`, in
 * pieces: the page's projects with the same filters as the edition's page, and links back to it.
 */
export function* toProjectPageChunks(plan: Plan, page: ProjectPage, pages: readonly ProjectPage[], unreviewed?: ReadonlyMap<string, number>): Generator<string> {
  const e = plan.edition;
  const city = publisherName(e.municipality.name);
  const measure = plan.measures.find((m) => m.id === page.measureId);
  const { byId, pageOf } = indexProjectPages(plan, pages);
  const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const hrefOf = (projectId: string) => {
    const other = pageOf.get(projectId);
    return `${other && other !== page ? base(other.path) : ''}#${toProjectAnchor(projectId)}`;
  };
  const title = `事業推進計画 ${page.measureId} ${measure?.name ?? ''}（${page.first}〜${page.last}件目）`;
  yield html`${renderPageStart(`${title}｜${editionTitle(e)}｜${city}オープンデータ`)}
<header>
  <p class="note">${city} オープンデータ</p>
  <h1>${editionTitle(e)}</h1>${renderDraftNotice(plan, [plan], unreviewed)}
  <p><a href="../index.html">第${e.number}版のページに戻る</a></p>
</header>
<main>
  <section aria-labelledby="plan">
    <h2 id="plan">${title}</h2>
    ${renderFilterForm(plan, listDepartments(page.projects))}
    <section class="measure" id="measure-${page.measureId}">`.toString();
  for (const p of page.projects) yield renderProjectCard(plan, p, byId, hrefOf, '../../').toString();
  yield html`
    </section>
  </section>
</main>
${renderPageEnd(plan)}`.toString();
}
