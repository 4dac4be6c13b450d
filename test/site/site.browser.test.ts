/**
 * The portal page in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download), the built site served from memory on 127.0.0.1. Checks what a citizen relies on: no
 * console errors, no request leaving the page's origin, every link resolving, the filters narrowing
 * the list, downloads matching their published SHA-256, the page usable at 375 px and without
 * JavaScript. Screenshots go to test/artifacts/. One Chromium for the file; each page is loaded once
 * and shared by the checks that only read it, the filters' check leaving it as it found it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSeeds, readZip, requireSystemPackages, ROOT } from '../helpers.js';
import { CHROMIUM } from '../setup/systemPackages.js';

const ARTIFACTS = join(ROOT, 'test/artifacts');
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json', jsonld: 'application/ld+json', zip: 'application/zip' };
let server: Server;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  await requireSystemPackages('chromium', 'fonts-noto-cjk');
  const { files } = await builtSeeds();
  server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const bytes = files.get(`out${path}`);
    if (!bytes) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream' });
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

async function open(path: string, options: { width?: number; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return { page, errors, requests, close: () => context.close() };
}

const visible = (page: Page) => page.locator('article.project:visible').count();

/** The three published pages, each loaded once at desktop width with JavaScript and shared by the checks below (a load costs about half a second). */
const PATHS = ['/index.html', '/2025-03/index.html', '/2021/index.html'] as const;
const loaded = new Map<string, Awaited<ReturnType<typeof open>>>();
beforeAll(async () => {
  for (const path of PATHS) loaded.set(path, await open(path));
  // Before any check changes it (the filters): the page as a citizen first sees it.
  await loaded.get('/index.html')!.page.screenshot({ path: join(ARTIFACTS, 'portal-desktop.png') });
}, 60_000);
afterAll(async () => {
  for (const { close } of loaded.values()) await close();
});

describe('the portal page in Chromium', () => {
  it('loads without console errors or requests to other origins', async () => {
    for (const path of PATHS) {
      const { page, errors, requests } = loaded.get(path)!;
      expect(errors, path).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), path).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
    }
  }, 60_000);

  it('has links that all resolve', async () => {
    for (const path of PATHS) {
      const { page } = loaded.get(path)!;
      const hrefs = [...new Set(await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!)))];
      // Every in-page target counted in one round trip to the browser.
      const anchors = hrefs.filter((href) => href.startsWith('#'));
      const counts = await page.evaluate((ids) => ids.map((id) => document.querySelectorAll(`[id="${id}"]`).length), anchors.map((href) => href.slice(1)));
      anchors.forEach((href, i) => expect(counts[i], `${path} ${href}`).toBe(1));
      const external = hrefs.filter((href) => /^https?:/.test(href));
      // The only link to another site is the licence text; it is not fetched from here.
      for (const href of external) expect(href).toBe('https://creativecommons.org/licenses/by/4.0/');
      const local = hrefs.filter((href) => !href.startsWith('#') && !/^https?:/.test(href));
      const statuses = await Promise.all(local.map(async (href) => (await fetch(new URL(href, `${origin}${path}`))).status));
      local.forEach((href, i) => expect(statuses[i], `${path} → ${href}`).toBe(200));
    }
  }, 120_000);

  it('narrows the project list with the filters', async () => {
    const { page } = loaded.get('/index.html')!;
    expect(await visible(page)).toBe(62);
    await page.selectOption('select[name=policy]', '3');
    expect(await visible(page)).toBe(6);
    await expect(page.locator('#result-count').textContent()).resolves.toBe('5 件の事業（ほかに再掲 1 件）を表示しています');
    await page.selectOption('select[name=policy]', '');
    await page.selectOption('select[name=status]', 'ended');
    expect(await visible(page)).toBe(3);
    await page.selectOption('select[name=status]', '');
    await page.selectOption('select[name=department]', '防災課');
    expect(await page.locator('article.project:visible h5').allTextContents()).toEqual(['1-2-6 避難行動要支援者対策の推進', '2-1-3 被災者支援システム更新の検討計画終了', '3-2-2 災害時情報提供におけるICTの活用']);
    await page.selectOption('select[name=department]', '');
    await page.fill('input[name=q]', 'ドローン');
    expect(await page.locator('article.project:visible').getAttribute('id')).toBe('project-3-2-4');
    await page.screenshot({ path: join(ARTIFACTS, 'portal-filtered.png') });
    await page.fill('input[name=q]', '');
    expect(await visible(page)).toBe(62);
  }, 60_000);

  it('serves downloads whose bytes match the SHA-256 it shows', async () => {
    const { page } = loaded.get('/index.html')!;
    const links = await page.$$eval('a[download][data-sha256]', (as) => as.map((a): [string, string] => [a.getAttribute('href')!, a.getAttribute('data-sha256')!]));
    expect(links.length).toBeGreaterThanOrEqual(14);
    const downloads = await Promise.all(links.map(async ([href]) => Buffer.from(await (await fetch(new URL(href, `${origin}/index.html`))).arrayBuffer())));
    links.forEach(([href, hash], i) => expect(createHash('sha256').update(downloads[i]!).digest('hex'), href).toBe(hash));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href="2025-03/csv/indicator_targets.csv"]')]);
    expect(download.suggestedFilename()).toBe('indicator_targets.csv');
  }, 60_000);

  it('works offline from the edition zip, opened as a file', async () => {
    const { files } = await builtSeeds();
    const folder = mkdtempSync(join(tmpdir(), 'zip-offline-'));
    try {
      for (const entry of await readZip(files.get('out/2025-03/hadano-ict-plan-2025-03.zip')!)) {
        mkdirSync(dirname(join(folder, entry.name)), { recursive: true });
        writeFileSync(join(folder, entry.name), entry.data);
      }
      const context = await browser.newContext({ javaScriptEnabled: true });
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(join(folder, 'index.html')).href);
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
      expect(await visible(page)).toBe(62);
      // Every download the edition page offers is a file inside the zip.
      const hrefs = await page.$$eval('a[download][data-sha256]', (as) => as.map((a): [string, string] => [a.getAttribute('href')!, a.getAttribute('data-sha256')!]));
      expect(hrefs.length).toBeGreaterThanOrEqual(12);
      for (const [href, hash] of hrefs) expect(createHash('sha256').update(readFileSync(join(folder, href))).digest('hex'), href).toBe(hash);
      await context.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('is usable at 375 px and without JavaScript', async () => {
    const mobile = await open('/index.html', { width: 375 });
    expect(await mobile.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await mobile.page.screenshot({ path: join(ARTIFACTS, 'portal-mobile.png') });
    await mobile.close();
    const plain = await open('/index.html', { javaScriptEnabled: false });
    expect(await visible(plain.page)).toBe(62);
    expect(await plain.page.locator('form#filters').isVisible()).toBe(false);
    expect(await plain.page.locator('nav.toc a').count()).toBeGreaterThan(10);
    await plain.close();
  }, 60_000);
});

