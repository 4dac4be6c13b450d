/**
 * The review report (`review <edition>`): written beside the output folder for the staff, read in a
 * real browser (Debian's Chromium) at desktop and phone widths. Made from a damaged copy of the
 * 2025-03 text (the YouTube row's values lost), so it has findings awaiting review.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../pipeline/cli/cli.js';
import { requireSystemPackages, ROOT, SEEDS } from '../helpers.js';
import { CHROMIUM } from '../setup/systemPackages.js';

const dir = mkdtempSync(join(tmpdir(), 'review-page-'));
const page = join(dir, 'out-review/2025-03.html');
const lines: string[] = [];
let browser: Browser;

beforeAll(async () => {
  cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  const textPath = join(dir, 'seeds/2025-03', SEEDS['2025-03']);
  const text = readFileSync(textPath, 'utf8').split('\n');
  // Line 693 holds the YouTube row's targets: without it the label runs into LINE's.
  expect(text[692]).toMatch(/^２，1００ 3,500/);
  writeFileSync(textPath, text.filter((_, i) => i !== 692).join('\n'));
  expect(await runCli(['review', '2025-03', '--seeds', join(dir, 'seeds'), '--out', join(dir, 'out')], (l) => lines.push(l), {})).toBe(0);
  await requireSystemPackages('chromium', 'fonts-noto-cjk');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the review report', () => {
  it('is written beside the output folder, never into it, and the CLI says where in Japanese', () => {
    expect(existsSync(page)).toBe(true);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^確認レポートを書き出しました：${join(dir, 'out-review/2025-03.html').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（指摘 \\d+ 件、うち確認待ち [1-9]\\d* 件）`))]);
  });

  it('shows each finding awaiting review first, with its source lines, the decision to write and the unexplained changes', () => {
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<html lang="ja">');
    expect(html.indexOf('確認待ち：項目名のつながり［1-2-1］')).toBeGreaterThan(0);
    expect(html.indexOf('確認待ち：項目名のつながり［1-2-1］')).toBeLessThan(html.indexOf('承認済み：'));
    // The finding's own line (690, 「YouTube チャン」) marked among its neighbours.
    expect(html).toMatch(/<tr class="own"><th scope="row">690<\/th><td><code>YouTube␣チャン<\/code><\/td><\/tr>/);
    const template = /<pre><code>([^<]*)<\/code><\/pre>/.exec(html)![1]!.replace(/&quot;/g, '"');
    const decisions = JSON.parse(template) as { finding: string; decision: string }[];
    expect(decisions.some((d) => /^table\/label-runs-on@1-2-1\/indicator~[0-9a-f]{8}$/.test(d.finding) && d.decision === '')).toBe(true);
    expect(html).toMatch(/改訂履歴に説明のない変更（確認が必要。確認待ちのものを先に）（\d+ 件、うち確認待ち \d+ 件）/);
    expect(html).toContain('改訂履歴で説明される変更');
  });

  for (const width of [1280, 390]) {
    it(`reads in Chromium at ${width} px: no console error, no page wider than the screen`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(pathToFileURL(page).href);
      expect(await tab.locator('h1').textContent()).toBe('2025-03 版の確認レポート');
      expect(await tab.locator('article.finding.pending').count()).toBeGreaterThan(0);
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true });
      await tab.screenshot({ path: join(ROOT, `test/artifacts/review-2025-03-${width}.png`) });
      await context.close();
    });
  }
});
