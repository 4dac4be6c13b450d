import { describe, expect, it } from 'vitest';
import type { Plan } from '../pipeline/plan.js';
import { escapeHtml, humanSize, targetChart, toPortalPage, toProjectPageChunks, toProjectPages } from '../pipeline/toSite.js';
import { builtText } from './helpers.js';

describe('toPortalPage', async () => {
  const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  const page = await builtText('index.html');

  it('is Japanese, loads nothing from elsewhere and embeds schema.org Dataset metadata', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    // No external resource: every src/href to another origin is a plain link (the licence), never a resource.
    expect(page).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)="https?:/);
    expect([...page.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1])).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const jsonld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
    expect(jsonld).toMatchObject({ '@type': 'Dataset', version: '5', license: 'https://creativecommons.org/licenses/by/4.0/', temporalCoverage: '2021-04-01/2026-03-31' });
    expect(jsonld.distribution.length).toBeGreaterThan(10);
  });

  it('has its headings in order and every table with header cells', () => {
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]!).toBeLessThanOrEqual(1));
    const tables = page.split('<table').slice(1);
    expect(tables.length).toBeGreaterThan(90);
    for (const table of tables) expect(table.slice(0, table.indexOf('</table>'))).toContain('<th scope=');
  });

  it('escapes every text from the source', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const crafted: Plan = {
      ...plan,
      projects: plan.projects.map((p, i) =>
        i === 0
          ? {
              ...p,
              name: hostile,
              summary: hostile,
              leadDepartments: [{ name: hostile, printedName: hostile }],
              indicators: p.indicators.map((ind) => ({ ...ind, name: hostile, targets: ind.targets.map((t) => ({ ...t, text: hostile })) })),
            }
          : p,
      ),
    };
    const html = toPortalPage({ plans: [crafted], current: crafted, files: [], changelogs: [], root: '' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<script/g)).toHaveLength(2); // the schema.org data and the filter script, nothing else
  });

  it('draws a chart only where at least two targets are numbers', () => {
    const social = plan.projects.find((p) => p.id === '1-2-1')!.indicators[0]!;
    expect(targetChart(social)).toMatch(/^<svg class="chart" role="img" aria-label="[^"]+令和7年度 10000/);
    const text = plan.projects.find((p) => p.id === '2-1-13')!.indicators[0]!;
    expect(targetChart(text)).toBe('');
  });

  it('says at the top when the edition is an unreviewed draft, and only then', () => {
    expect(page).not.toContain('未確認の下書き');
    const other = { ...plan, edition: { ...plan.edition, id: '<b>x</b>', number: 6 } };
    const draft = toPortalPage({ plans: [plan, other], current: plan, files: [], changelogs: [], root: '', unreviewed: new Map([[plan.edition.id, 3], ['<b>x</b>', 1]]) });
    const header = /<header>([\s\S]*?)<\/header>/.exec(draft)![1]!;
    expect(header).toContain('第6版（&lt;b&gt;x&lt;/b&gt;）は未確認の下書きです：確認待ちの指摘 1 件<br>この版は未確認の下書きです：確認待ちの指摘 3 件。確認が済むまで公開できません。');
    expect(header).toMatch(/<p class="draft" role="status" style="[^"]+">/);
    expect(toPortalPage({ plans: [plan], current: plan, files: [], changelogs: [], root: '', unreviewed: new Map() })).not.toContain('class="draft"');
  });

  it('formats sizes and escapes attributes', () => {
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(2048)).toBe('2.0 KB');
    expect(escapeHtml(`a"b'c`)).toBe('a&quot;b&#39;c');
  });
});

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
