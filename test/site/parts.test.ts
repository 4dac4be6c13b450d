/** The shared site parts (`pipeline/site/parts.ts`, `chart.ts`, `assets.ts`): sizes, charts, project cards, the inlined style sheet and script. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../pipeline/model/plan.js';
import { drawTargetChart, formatTarget } from '../../pipeline/site/chart.js';
import { formatSize, formatYearMonth, renderPageEnd, renderPageStart, renderProjectCard } from '../../pipeline/site/parts.js';
import { builtText, ROOT } from '../helpers.js';

describe('site parts', async () => {
  const plan = JSON.parse(await builtText('2025-03/plan.json')) as Plan;

  it('formats sizes', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('formats a year and month in 和暦 first, the Western form beside it (Reiwa from May 2019)', () => {
    expect(formatYearMonth('2025-03')).toBe('令和7年3月（2025-03）');
    expect(formatYearMonth('2019-05')).toBe('令和元年5月（2019-05）');
    expect(formatYearMonth('2019-04')).toBe('平成31年4月（2019-04）');
    expect(formatYearMonth('2021')).toBe('2021');
  });

  it('draws a chart only where at least two targets are numbers', () => {
    const social = plan.projects.find((p) => p.id === '1-2-1')!.indicators[0]!;
    expect(String(drawTargetChart(social))).toMatch(/^<svg class="chart" role="img" aria-label="[^"]+令和7年度 10,000/);
    const text = plan.projects.find((p) => p.id === '2-1-13')!.indicators[0]!;
    expect(String(drawTargetChart(text))).toBe('');
  });

  it('shows people a target formatted from its value and unit, the printed forms side by side never', () => {
    const social = plan.projects.find((p) => p.id === '1-2-1')!.indicators[0]!;
    expect(social.targets.map((t) => t.text)).toEqual(['７，0００', '8,000', '8,300', '9,000', '10,000']);
    expect(social.targets.map(formatTarget)).toEqual(['7,000', '8,000', '8,300', '9,000', '10,000']);
    const base = { text: 'x', value: null, unit: null, qualifier: null, per: null };
    expect(formatTarget({ ...base, text: '年３回以上', value: 3, unit: '回', qualifier: '以上', per: '年' })).toBe('年3 回以上');
    expect(formatTarget({ ...base, text: '７，０００人', value: 7000, unit: '人' })).toBe('7,000 人');
    expect(formatTarget({ ...base, text: '▲28ｐｔ', value: -28, unit: 'pt' })).toBe('-28 pt');
    expect(formatTarget({ ...base, text: '運用方法の検討を踏まえ、決定' })).toBe('運用方法の検討を踏まえ、決定');
    expect(formatTarget({ ...base, text: null })).toBeNull();
    const card = String(renderProjectCard(plan, plan.projects.find((p) => p.id === '1-2-1')!, new Map(), (id) => `#${id}`, ''));
    expect(card).toContain('<td class="num">7,000</td>');
    expect(card).not.toContain('７，0００');
  });

  it('breaks a project text at its newlines, each line escaped', () => {
    const p = { ...plan.projects[0]!, summary: 'a<b\nc&d' };
    const card = String(renderProjectCard(plan, p, new Map(), (id) => `#${id}`, ''));
    expect(card).toContain('<p>a&lt;b<br>c&amp;d</p>');
  });

  it('inlines page.css and client.js byte for byte', () => {
    const css = readFileSync(`${ROOT}pipeline/site/page.css`, 'utf8');
    const js = readFileSync(`${ROOT}pipeline/site/client.js`, 'utf8');
    expect(String(renderPageStart('t'))).toContain(`<style>\n${css}</style>\n</head>`);
    expect(String(renderPageEnd(plan))).toContain(`<script>\n${js}</script>\n</body>`);
  });
});
