/** The portal page (`pipeline/site/page.ts`), from the real editions built once and from crafted plans. */
import { describe, expect, it } from 'vitest';
import type { Changelog } from '../../pipeline/model/diffPlans.js';
import type { Plan } from '../../pipeline/model/plan.js';
import { toPortalPage } from '../../pipeline/site/page.js';
import { builtText } from '../helpers.js';

describe('toPortalPage', async () => {
  const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  const page = await builtText('index.html');

  it('is Japanese, loads nothing from elsewhere and embeds schema.org Dataset metadata', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    // No external resource: every src/href to another origin is a plain link (the licence), never a resource.
    expect(page).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)="https?:/);
    expect([...page.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1])).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    const jsonld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!);
    expect(jsonld).toMatchObject({ '@type': 'Dataset', version: '5.0.0', license: 'https://creativecommons.org/licenses/by/4.0/', temporalCoverage: '2021-04-01/2026-03-31' });
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

  it('offers the targets’ history across editions on the top page only, with its SHA-256 (an edition page goes into its zip)', async () => {
    const sums = new Map((await builtText('SHA256SUMS')).trim().split('\n').map((l) => l.split('  ').reverse() as [string, string]));
    // One link for citizens; the file with its hash among the developers' files.
    expect(page).toMatch(/<li><a href="history\/indicator_targets_history\.csv" download>評価指標の目標値の推移（全版）の表<\/a> <span class="note">CSV、[\d.]+ KB<\/span><\/li>/);
    const link = /<a href="history\/indicator_targets_history\.csv" download data-sha256="([0-9a-f]{64})">/.exec(page);
    expect(link?.[1]).toBe(sums.get('history/indicator_targets_history.csv'));
    expect(page.indexOf('<caption>全版をまたぐデータの全ファイル</caption>')).toBeGreaterThan(page.indexOf('<h2 id="downloads">'));
    for (const edition of ['2021', '2025-03']) expect(await builtText(`${edition}/index.html`)).not.toContain('history/');
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


  it('keeps the schema.org JSON-LD a single script element whatever the texts are', () => {
    const title = '</script><script>alert(1)</script> & "x"';
    const crafted: Plan = { ...plan, edition: { ...plan.edition, title } };
    const html = toPortalPage({ plans: [crafted], current: crafted, files: [], changelogs: [], root: '' });
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(script).not.toContain('<');
    expect(JSON.parse(script).name).toBe(`${title}（第${plan.edition.number}版）`);
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('shows the changes by kind, a department renamed everywhere as one item of 計画全体 with its places linked, the counts agreeing with the changelog', async () => {
    const log = JSON.parse(await builtText('changes/2021..2025-03.json')) as Changelog;
    const section = page.slice(page.indexOf('<h2 id="changes">'), page.indexOf('<h2 id="about">'));
    // Every change is in exactly one group of its kind, and the groups add up to the changelog.
    const groups = [...section.matchAll(/<details class="change-group"><summary>([^<（]+)（(\d+)件）<\/summary>/g)].map((m) => [m[1]!, Number(m[2])] as const);
    expect(groups.map(([label]) => label)).toContain('課等名称の変更');
    expect(groups.reduce((sum, [, n]) => sum + n, 0)).toBe(log.changes.length);
    expect(section).toContain(`改訂履歴に説明のない変更は ${log.unexplainedChanges.length} 件`);
    const item = /<li>計画全体：(.*?)<\/details><\/li>/.exec(section)![1]!;
    expect(item).toMatch(/^課等の名称「情報システム課」を「デジタル推進課」に変更（23 か所）<br>/);
    expect(item).toContain('<li><a href="#project-1-1-1">1-1-1 各種手続のオンライン化の推進</a>（主管課等）</li><li><a href="#project-1-1-2">1-1-2 ');
    const links = [...item.matchAll(/<a href="#(project-[^"]+)">/g)].map((m) => m[1]!);
    expect(links).toHaveLength(23);
    for (const anchor of links) expect(page, anchor).toContain(`<article class="project" id="${anchor}"`);
    // No bare revision references: each explanation quotes the entry with its date in 和暦 and the Western form.
    expect(section).not.toMatch(/\d{4}-\d{2}#\d+/);
    expect(section).toContain('改訂履歴 令和6年3月（2024-03）：「');
    // Changes that lead to another edition than the page's: the places link to that edition's page.
    const other = { ...plan, edition: { ...plan.edition, id: 'other' } };
    const elsewhere = toPortalPage({ plans: [plan, other], current: other, files: [], changelogs: [log], root: '' });
    expect(/<li>計画全体：(.*?)<\/details><\/li>/.exec(elsewhere)![1]).toContain('<li><a href="2025-03/index.html#project-1-1-1">1-1-1 ');
  });

  it('puts the search before the plan, and the plan before the downloads, the editions, the changes and the terms', () => {
    const at = (text: string) => page.indexOf(text);
    const order = [at('<p class="lead">'), at('<form id="filters"'), at('<h2 id="plan">'), at('<article class="project"'), at('<h2 id="downloads">'), at('<h2 id="editions">'), at('<h2 id="changes">'), at('<h2 id="about">')];
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Developer formats and hashes are in the collapsed developer section only.
    const downloads = page.slice(at('<h2 id="downloads">'), at('<h2 id="editions">'));
    const citizen = downloads.slice(0, downloads.indexOf('<details class="developer">'));
    expect(citizen).not.toMatch(/[0-9a-f]{64}|JSON|N-Quads|RDF|記述子/);
    expect(citizen.match(/<a href="[^"]+\.csv" download>[^<]+の表<\/a>/g)).toHaveLength(9);
    expect(downloads.slice(downloads.indexOf('<details class="developer">')).match(/<code class="hash">[0-9a-f]{64}<\/code>/g)!.length).toBeGreaterThanOrEqual(14);
    // Link texts say what they download, never the format again.
    for (const [, text] of downloads.matchAll(/<a [^>]*>([^<]+)<\/a>/g)) expect(text).not.toMatch(/（(CSV|JSON|ZIP|JSON-LD)[、）]/);
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
});
