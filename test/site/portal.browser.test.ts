/**
 * The portal page as a citizen meets it, in Debian's Chromium at 1280 and 390 px: the search and
 * filters first and visible without scrolling, then the plan, then the downloads, the editions and
 * the changes; the counts agreeing everywhere (59 事業 and 3 再掲 in 2025-03); every change linked to
 * its project; the search and filters usable by keyboard with a visible focus; and axe-core's WCAG
 * 2.0/2.1 A and AA rules (JIS X 8341-3:2016 level AA) reporting nothing on every kind of page (the
 * colour rules at 1280 px only, while the styles depend on no width and position nothing) — the
 * top page, the edition pages, a project page of a large edition (the real edition with a limit
 * of 10 projects a page) and a project's own page across editions, reached from its card. Screenshots
 * at both widths go to test/artifacts/.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_KINDS, type Changelog } from '../../pipeline/model/diffPlans.js';
import type { Plan } from '../../pipeline/model/plan.js';
import { CHANGE_LABELS } from '../../pipeline/publish/toChangelogFiles.js';
import { toProjectPageChunks, toProjectPages } from '../../pipeline/site/projectPages.js';
import { builtSeeds, builtText, requireSystemPackages, ROOT } from '../helpers.js';
import { CHROMIUM } from '../setup/systemPackages.js';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const WIDTHS = [1280, 390] as const;
const HEIGHTS: Record<(typeof WIDTHS)[number], number> = { 1280: 800, 390: 844 };
let server: Server;
let origin = '';
let browser: Browser;
let projectPagePath = '';

beforeAll(async () => {
  await requireSystemPackages('chromium', 'fonts-noto-cjk');
  const { files } = await builtSeeds();
  // A project page of a large edition: the real edition made "large" with 10 projects a page.
  const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;
  const pages = toProjectPages(plan, 10)!;
  const extra = new Map(pages.map((page) => [`/2025-03/${page.path}`, [...toProjectPageChunks(plan, page, pages)].join('')]));
  projectPagePath = `/2025-03/${pages[0]!.path}`;
  server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const page = extra.get(path);
    const bytes = page === undefined ? files.get(`out${path}`) : Buffer.from(page);
    if (!bytes) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
    res.end(Buffer.from(bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without these, Chromium reaches for Google's hosts, which this machine's closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function open(path: string, width: (typeof WIDTHS)[number]) {
  const context = await browser.newContext({ viewport: { width, height: HEIGHTS[width] } });
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { page, close: () => context.close() };
}

/** axe-core's rules that weigh colours: text against what lies behind it, a link against its text. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * What could make colours or the stacking behind a text differ between widths: a style sheet for some
 * media only, style rules other than plain ones (`@media`, `@container`, `@supports` …, nested ones
 * too) and elements positioned out of the flow.
 */
const widthDependentStyles = (page: Page) =>
  page.evaluate(() => {
    const rules = (list: CSSRuleList): CSSRule[] => [...list].flatMap((rule) => [rule, ...('cssRules' in rule ? rules((rule as CSSGroupingRule).cssRules) : [])]);
    return [
      ...[...document.styleSheets].filter((sheet) => sheet.media.length > 0).map((sheet) => `a style sheet for ${sheet.media.mediaText}`),
      ...[...document.styleSheets].flatMap((sheet) => rules(sheet.cssRules)).filter((rule) => !(rule instanceof CSSStyleRule)).map((rule) => rule.cssText.slice(0, 80)),
      ...[...document.querySelectorAll('*')].filter((el) => getComputedStyle(el).position !== 'static').map((el) => `${el.tagName.toLowerCase()} is ${getComputedStyle(el).position}`),
    ];
  });

/** The vertical position of an element's top in the page. */
const topOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

describe('the portal page for citizens', () => {
  for (const width of WIDTHS) {
    it(`shows the search first, then the plan, the downloads, the editions and the changes, at ${width} px`, async () => {
      const { page, close } = await open('/index.html', width);
      await page.screenshot({ path: join(ARTIFACTS, `portal-${width}.png`) });
      // The search box and the filters are in the first screen, without scrolling.
      const search = await page.locator('input[name=q]').boundingBox();
      expect(search).not.toBeNull();
      expect(search!.y + search!.height).toBeLessThanOrEqual(HEIGHTS[width]);
      const status = await page.locator('select[name=status]').boundingBox();
      expect(status!.y + status!.height, 'the last filter').toBeLessThanOrEqual(HEIGHTS[width]);
      // The plan's first project card starts within the second screen, not 1,500 px down behind downloads.
      const order = [await topOf(page, '#filters'), await topOf(page, '#plan'), await topOf(page, 'article.project'), await topOf(page, '#downloads'), await topOf(page, '#editions'), await topOf(page, '#changes'), await topOf(page, '#about')];
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(order[2]!).toBeLessThan(HEIGHTS[width] * 2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal overflow').toBeLessThanOrEqual(width);
      await close();
    }, 60_000);
  }

  it('counts 59 projects and 3 再掲 for 2025-03 everywhere: the lead, the filter count, the editions table', async () => {
    const { page, close } = await open('/index.html', 1280);
    await expect(page.locator('p.lead').textContent()).resolves.toContain('59 件の事業（ほかに再掲 3 件）');
    await expect(page.locator('#result-count').textContent()).resolves.toBe('59 件の事業（ほかに再掲 3 件）を表示しています');
    const row = page.locator('#editions + p + .table-wrap tbody tr', { hasText: '第5版' });
    expect(await row.locator('td.num').allTextContents()).toEqual(['59', '3']);
    expect(await page.locator('#editions + p + .table-wrap tbody tr', { hasText: '第1版' }).locator('td.num').allTextContents()).toEqual(['38', '3']);
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/62 ?件/);
    await close();
  }, 60_000);

  it('lists the changes newest first, by kind, each linked to its project by number and name, quoting the revision entry', async () => {
    const { page, close } = await open('/index.html', 1280);
    const section = page.locator('section[aria-labelledby=changes]');
    await expect(section.locator('h3').first().textContent()).resolves.toBe('第1版（原版）から第5版（令和7年3月（2025-03）改訂）への変更');
    // One group per kind, in the changelog's order of kinds, adding up to the changelog.
    const log = JSON.parse(await builtText('changes/2021..2025-03.json')) as Changelog;
    const expected = CHANGE_KINDS.filter((k) => log.totals[k] > 0).map((k) => `${CHANGE_LABELS[k]}（${log.totals[k]}件）`);
    expect(await section.locator('details.change-group > summary').allTextContents()).toEqual(expected);
    // Never the bare reference notation: the entry's date in 和暦 with the Western form, and its words.
    const text = (await section.textContent())!;
    expect(text).not.toMatch(/\d{4}-\d{2}#\d+/);
    expect(text).toContain('改訂履歴 令和4年6月（2022-06）：「令和3年12月の交付円滑化計画の改定に伴い、評価指標を交付率（対人口）、交付率（対申請件数）に細分化。また、目標値の追加及び数値の変更。」');
    await section.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const links = await section.locator('li > a[href^="#project-"]').evaluateAll((as) => as.map((a) => [a.getAttribute('href')!, a.textContent!]));
    expect(links.length).toBeGreaterThan(150);
    for (const [href, label] of links) {
      expect(label, href).toMatch(/^\d+-\d+-\d+ \S/);
      expect(await page.locator(`[id="${href!.slice(1)}"]`).count(), href).toBe(1);
    }
    // A link leads to the card, which is then in view.
    await section.locator('a[href="#project-1-1-3"]').first().click();
    await expect(page.locator('#project-1-1-3').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#project-1-1-3');
    await close();
  }, 60_000);

  it('can be searched and filtered by keyboard, with a visible focus outline', async () => {
    const { page, close } = await open('/index.html', 390);
    const outline = () => page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { name: (document.activeElement as HTMLInputElement).name, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    // From the top of the page, the search box is the first thing Tab reaches.
    await page.keyboard.press('Tab');
    expect(await outline()).toEqual({ name: 'q', style: 'solid', width: 3 });
    await page.keyboard.type('ドローン');
    expect(await page.locator('article.project:visible').evaluateAll((as) => as.map((a) => a.id))).toEqual(['project-3-2-4']);
    await expect(page.locator('#result-count').textContent()).resolves.toBe('1 件の事業を表示しています');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    expect(await page.locator('article.project:visible').count()).toBe(62);
    // The next control is the policy filter: arrow keys choose 基本方針3.
    await page.keyboard.press('Tab');
    expect(await outline()).toEqual({ name: 'policy', style: 'solid', width: 3 });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('select[name=policy]').inputValue()).toBe('3');
    expect(await page.locator('article.project:visible').count()).toBe(6);
    await expect(page.locator('#result-count').textContent()).resolves.toBe('5 件の事業（ほかに再掲 1 件）を表示しています');
    await page.screenshot({ path: join(ARTIFACTS, 'portal-390-keyboard.png') });
    await close();
  }, 60_000);

  for (const width of WIDTHS) {
    it(`reaches a project's own page from its card on an edition page, which shows its targets across editions without overflowing, at ${width} px`, async () => {
      const { page, close } = await open('/2021/index.html', width);
      const link = page.locator('#project-1-1-2').getByRole('link', { name: 'この事業の詳しいページ（版をまたぐ目標値の推移）' });
      await link.click();
      await page.waitForURL(/\/project\/1-1-2\.html$/);
      await expect(page.locator('h1').textContent()).resolves.toBe('1-1-2 住民異動届出等におけるスマート窓口の導入');
      // The FY2023 target changed from 15 % (2021) to 5 % (2025-03): marked in words, not by colour alone.
      const history = page.locator('table', { has: page.locator('caption', { hasText: '目標値の推移' }) });
      await expect(history.locator('tbody tr').nth(0).locator('td').nth(2).textContent()).resolves.toBe('15 %');
      await expect(history.locator('tbody tr').nth(1).locator('td').nth(2).textContent()).resolves.toBe('5 %（変更）');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no horizontal overflow').toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(ARTIFACTS, `project-1-1-2-${width}.png`), fullPage: true });
      await close();
    }, 60_000);
  }

  // One page of each kind: the top page (the latest edition, with the changes), an edition page
  // (2021: another edition's data; 2025-03's is the top page's, in the edition folder), a project
  // page of a large edition, and a project's own page across editions (one with changed targets).
  for (const kind of ['/index.html', '/2021/index.html', 'a project page', '/project/1-1-2.html'] as const) {
    it(`has no WCAG 2.0/2.1 A or AA violation (axe-core) on ${kind} at 1280 and 390 px (the colour rules at 1280: colours do not change with the width), collapsed sections opened`, async () => {
      const path = kind === 'a project page' ? projectPagePath : kind;
      const report: string[] = [];
      for (const width of WIDTHS) {
        const { page, close } = await open(path, width);
        // What a citizen can open is checked too: every <details> open.
        await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        // Only violations are gathered node by node (passes would be thousands of nodes on a large
        // page, a third of the time), and axe runs in the page itself: its newer way gathers the
        // results of every frame in a blank page of its own, and these pages have no frame.
        expect(page.frames(), `${path}: frames`).toHaveLength(1);
        const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true);
        if (width !== WIDTHS[0]) {
          // Colours and what lies behind each text are the same at every width when the page's
          // styles depend on no width and position nothing (checked here, so this does not silently
          // stop holding): the colour rules, four fifths of axe's time on a large page, run at the
          // first width only.
          expect(await widthDependentStyles(page), `${path}: styles that differ by width or stack elements`).toEqual([]);
          axe.disableRules([...COLOUR_RULES]);
        }
        const results = await axe.analyze();
        for (const v of results.violations) {
          report.push(`${path} at ${width} px: ${v.id} (${v.impact}) ${v.help} — ${v.helpUrl}`);
          for (const node of v.nodes.slice(0, 5)) report.push(`    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n/g, ' ')}`);
          if (v.nodes.length > 5) report.push(`    … and ${v.nodes.length - 5} more`);
        }
        await close();
      }
      expect(report.join('\n')).toBe('');
    }, 120_000);
  }
});
