/**
 * Each project's own page across editions (`pipeline/site/projectStory.ts`, `project/<id>.html`), from
 * the real editions built once: the project as the newest edition states it, its editions, its targets
 * across editions (the same rows as the targets' history), its changes in the revision entries' words;
 * a project new in 2025-03, a 【再掲】 listing, an ended project, the cards' links, and escaping.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../pipeline/model/plan.js';
import { TargetHistory } from '../../pipeline/publish/toTargetHistoryFiles.js';
import { toStoryPage } from '../../pipeline/site/projectStory.js';
import { builtSeeds, builtText } from '../helpers.js';

/** The page's text without tags and the style and script, for reading what a person reads. */
const textOf = (page: string) =>
  page
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

/** The history CSV's rows as cells (no cell of it holds a comma inside quotes for the columns read here). */
async function historyRows(): Promise<string[][]> {
  const text = (await builtText('history/indicator_targets_history.csv')).replace(/^\uFEFF/, '');
  return text
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));
}

describe('a project’s own page (project/<id>.html)', async () => {
  const page = await builtText('project/1-1-2.html');

  it('shows the project as the newest edition states it: departments, status, summary, initiatives, targets by fiscal year with units and the chart’s text', () => {
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(page).toContain('<h1>1-1-2 住民異動届出等におけるスマート窓口の導入</h1>');
    expect(page).toContain('<h2 id="content">事業の内容（第5版（令和7年3月（2025-03）改訂））</h2>');
    expect(page).toContain('<p>状態：実施中</p>');
    expect(page).toContain('<dt>主管課等</dt><dd>戸籍住民課</dd>');
    expect(page).toContain('<dt>関係課等</dt><dd>デジタル推進課</dd>');
    expect(page).toContain('「書かない窓口」のシステムを導入します。');
    expect(page).toContain('<summary>年度ごとの取組（2件）</summary>');
    expect(page).toContain('<th scope="col">令和3年度<br><span class="note">2021</span></th>');
    expect(page).toContain('<tr><th scope="row">目標</th><td class="num">5 %</td><td class="num">10 %</td><td class="num">5 %</td><td class="num">45 %</td><td class="num">55 %</td></tr>');
    expect(page).toContain('aria-label="利用率の年度別目標：令和3年度 5 %、令和4年度 10 %、令和5年度 5 %、令和6年度 45 %、令和7年度 55 %"');
    // Nothing from anywhere else; the only external link is none (the licence is on the portal page).
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  it('shows how each target changed across editions, edition × fiscal year, the changed cells marked in words', () => {
    expect(page).toContain('<caption>評価指標「利用率」の目標値の推移（行：版、列：年度）</caption>');
    // 2021 printed 15％ for FY2023; 2025-03 prints ５％ (seeds/2021 and seeds/2025-03), shown from value and unit.
    expect(page).toContain('<tr><th scope="row">第1版（原版）</th><td class="num">5 %</td><td class="num">10 %</td><td class="num">15 %</td><td class="num">20 %</td><td class="num">25 %</td></tr>');
    expect(page).toContain(
      '<tr><th scope="row">第5版（令和7年3月（2025-03）改訂）</th><td class="num">5 %</td><td class="num">10 %</td><td class="changed"><strong>5 %</strong><br><span class="mark">（変更）</span></td>',
    );
    expect(textOf(page)).toContain('第5版で令和5年度（2023）の目標値を変更：15 % → 5 %');
  });

  it('marks exactly the targets the targets’ history says changed, on every project’s page', async () => {
    const rows = await historyRows();
    const { files } = await builtSeeds();
    const pages = [...files.keys()].filter((k) => k.startsWith('out/project/'));
    expect(pages).toHaveLength(62);
    for (const path of pages) {
      const id = path.slice('out/project/'.length, -'.html'.length);
      const changed = rows.filter((r) => r[4] === `project/${id}` && r.includes('目標値の変更')).length;
      const text = new TextDecoder().decode(files.get(path));
      expect([...text.matchAll(/<td class="changed">/g)].length, id).toBe(changed);
    }
    expect(rows.filter((r) => r[4] === 'project/1-1-2' && r.includes('目標値の変更')).map((r) => r[11])).toEqual(['2023', '2024', '2025']);
  });

  it('lists its changes newest first with the revision entries’ own words and dates, never a bare entry reference', () => {
    const text = textOf(page);
    expect(text).toContain('第1版（原版）から第5版（令和7年3月（2025-03）改訂）への変更');
    expect(text).toContain('改訂履歴 令和7年3月（2025-03）：「令和6年度に「書かない窓口」を導入したことに伴い、概要及び目指すものを一部修正。」');
    expect(text).toContain('計画全体で課等の名称「情報システム課」を「デジタル推進課」に変更（23 か所、この事業では関係課等）');
    expect(text).not.toMatch(/\d{4}-\d{2}#\d/);
  });

  it('says in which editions the project is, each linked to its card there', () => {
    expect(page).toContain('<tr><th scope="row">第1版（原版）</th><td>実施中</td><td><a href="../2021/index.html#project-1-1-2">第1版のページで見る</a></td></tr>');
  });

  it('says a project new in 2025-03 was absent before, and why it was added', async () => {
    const added = await builtText('project/1-1-6.html');
    expect(added).toContain('<tr><th scope="row">第1版（原版）</th><td>この版には載っていません</td><td>－</td></tr>');
    expect(added).toMatch(/<tr><th scope="row">第1版（原版）<\/th><td colspan="5"><span class="note">この版にはこの事業がありません<\/span><\/td><\/tr>/);
    expect(added).toContain('<br><span class="note">この版で追加</span></th>');
    expect(textOf(added)).toContain('事業の追加：「手数料等のキャッシュレス化の推進」を追加改訂履歴 令和5年3月（2023-03）：「新規追加」');
    expect(added).not.toContain('class="changed"');
  });

  it('points a 【再掲】 listing to its original’s page, and the cards of both to the original’s page', async () => {
    const repost = await builtText('project/2-3-2.html');
    expect(repost).toContain('<a href="../project/2-2-2.html">2-2-2 ');
    expect(repost).toContain('<span class="badge repost">再掲</span>');
    expect(repost).not.toContain('<h2 id="targets">');
    const top = await builtText('index.html');
    const card = (id: string) => top.slice(top.indexOf(`id="project-${id}"`), top.indexOf('</article>', top.indexOf(`id="project-${id}"`)));
    expect(card('2-3-2')).toContain('<a href="project/2-2-2.html">この事業の詳しいページ（版をまたぐ目標値の推移）</a>');
    expect(card('2-2-2')).toContain('<a href="project/2-2-2.html">この事業の詳しいページ（版をまたぐ目標値の推移）</a>');
  });

  it('shows an ended project as ended, with its reason', async () => {
    const ended = await builtText('project/2-1-3.html');
    expect(ended).toContain('<span class="badge ended">計画終了</span></h1>');
    expect(ended).toContain('<p>状態：計画終了</p>');
    expect(ended).toContain('<strong>終了理由：</strong>');
  });

  it('is linked from every card of every edition page, and every link reaches a page that exists', async () => {
    const { files } = await builtSeeds();
    for (const [path, root] of [['index.html', ''], ['2021/index.html', '../'], ['2025-03/index.html', '../']] as const) {
      const text = await builtText(path);
      const links = [...text.matchAll(/<a href="([^"]+)">この事業の詳しいページ（版をまたぐ目標値の推移）<\/a>/g)].map((m) => m[1]!);
      expect(links.length, path).toBe(path === '2021/index.html' ? 41 : 62);
      for (const href of links) expect(files.has(`out/${href.slice(root.length)}`), href).toBe(true);
    }
  });

  it('escapes every text from the source', async () => {
    const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const crafted: Plan = {
      ...plan,
      projects: plan.projects.map((p) =>
        p.id === '1-1-2'
          ? {
              ...p,
              name: hostile,
              summary: hostile,
              leadDepartments: [{ name: hostile, printedName: hostile }],
              initiatives: p.initiatives.map((i) => ({ ...i, name: hostile })),
              indicators: p.indicators.map((ind) => ({ ...ind, name: hostile, targets: ind.targets.map((t) => ({ ...t, text: hostile, value: null })) })),
            }
          : p,
      ),
    };
    const html = toStoryPage({ projectId: '1-1-2', plans: [crafted], changelogs: [], history: new TargetHistory([crafted], []).ofProject('1-1-2') });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<caption>評価指標「&lt;script&gt;');
  });
});
