/** The project pages of a large edition (`pipeline/site/projectPages.ts`): the real edition with a limit of 10 projects a page. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../pipeline/model/plan.js';
import { toPortalPage } from '../../pipeline/site/page.js';
import { toProjectPageChunks, toProjectPages } from '../../pipeline/site/projectPages.js';
import { builtText } from '../helpers.js';

describe('project pages of a large edition', async () => {
  const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  // The real edition has 59 projects; a limit of 10 makes it "large".
  const pages = toProjectPages(plan, 10)!;
  const html = new Map(pages.map((page) => [page.path, [...toProjectPageChunks(plan, page, pages)].join('')]));
  const articles = (text: string) => [...text.matchAll(/<article class="project" id="([^"]+)"/g)].map((m) => m[1]);

  it('puts every project on exactly one page, at most 10 a page, in measure order', () => {
    expect(toProjectPages(plan)).toBeNull();
    expect(pages.every((page) => page.projects.length <= 10 && page.projects.length > 0)).toBe(true);
    const shown = pages.flatMap((page) => articles(html.get(page.path)!));
    expect(shown).toEqual(plan.measures.flatMap((m) => plan.projects.filter((p) => p.measureId === m.id)).map((p) => `project-${p.id}`));
  });

  it('links the edition page to every project page instead of showing the projects, without the filters', () => {
    const main = toPortalPage({ plans: [plan], current: plan, files: [], changelogs: [], root: '../', pageProjects: 10 });
    expect(articles(main)).toEqual([]);
    expect(main).not.toContain('id="filters"');
    const linked = [...main.matchAll(/<li><a href="(pages\/[^"#]+)">/g)].map((m) => m[1]);
    expect(linked).toEqual(pages.map((page) => page.path));
    // The top page links into the edition folder.
    const top = toPortalPage({ plans: [plan], current: plan, files: [], changelogs: [], root: '', pageProjects: 10 });
    expect(top).toContain(`href="2025-03/${pages[0]!.path}"`);
  });

  it('has links that all resolve: 再掲 originals across pages, the department index, the way back', () => {
    const main = toPortalPage({ plans: [plan], current: plan, files: [], changelogs: [], root: '../', pageProjects: 10 });
    const resolves = (from: string, href: string) => {
      const [file, anchor] = href.split('#');
      const target = file ? (from === 'index.html' ? html.get(file) : html.get(`pages/${file}`)) : from === 'index.html' ? main : html.get(from);
      return target !== undefined && (anchor === undefined || target.includes(`id="${anchor}"`));
    };
    for (const [path, text] of html) {
      expect(text).toContain('<a href="../index.html">');
      for (const [, href] of text.matchAll(/href="([^"]*#project-[^"]+)"/g)) expect(resolves(path, href!), `${path} → ${href}`).toBe(true);
    }
    const departmentLinks = [...main.matchAll(/href="(pages\/[^"]+#project-[^"]+)"/g)].map((m) => m[1]!);
    expect(departmentLinks.length).toBeGreaterThanOrEqual(plan.projects.length);
    for (const href of departmentLinks) expect(resolves('index.html', href), href).toBe(true);
    // The 【再掲】 sheets sit under other measures than their originals: their links cross pages.
    const crossPage = [...html.values()].flatMap((text) => [...text.matchAll(/この事業は <a href="([^"#]+\.html#project-[^"]+)"/g)]);
    expect(crossPage.length).toBe(plan.projects.filter((p) => p.repostOf).length);
  });

  it('escapes the texts of the source on project pages too', () => {
    const hostile = '<script>alert(1)</script>';
    const crafted: Plan = { ...plan, measures: plan.measures.map((m) => ({ ...m, name: hostile })), projects: plan.projects.map((p) => ({ ...p, name: hostile })) };
    const cpages = toProjectPages(crafted, 10)!;
    const text = [...toProjectPageChunks(crafted, cpages[0]!, cpages)].join('');
    expect(text).not.toContain('<script>alert');
    expect(text.match(/<script/g)).toHaveLength(1);
  });
});
