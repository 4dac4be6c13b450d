import { describe, expect, it } from 'vitest';
import type { Plan } from '../pipeline/plan.js';
import { escapeHtml, humanSize, targetChart, toPortalPage } from '../pipeline/toSite.js';
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

  it('formats sizes and escapes attributes', () => {
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(2048)).toBe('2.0 KB');
    expect(escapeHtml(`a"b'c`)).toBe('a&quot;b&#39;c');
  });
});
