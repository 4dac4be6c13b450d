/**
 * Site part: the bar chart of an indicator's numeric targets (inline SVG, no script), drawn under
 * the indicator's table; its label and title say every target in words for screen readers.
 */
import type { Project, Target } from '../model/plan.js';
import { fiscalYearLabel, normalizeText } from '../common/text.js';
import { html, type SafeHtml } from './html.js';

/**
 * A target as people read it: formatted from its value and unit (`7,000 人`, `年3 回以上`, `-28 pt`)
 * when it is a number, so the printed forms (`７，０００`, `8,000`) do not sit side by side; otherwise
 * its text in Japanese typography. The printed text stays in the data.
 */
export function formatTarget(t: Pick<Target, 'text' | 'value' | 'unit' | 'qualifier' | 'per'>): string | null {
  if (t.value === null) return t.text === null ? null : normalizeText(t.text);
  // Grouped by hand: toLocaleString goes through Intl for every cell, the pages' largest cost at scale.
  const [whole, fraction] = String(Math.abs(t.value)).split('.') as [string, string | undefined];
  const number = `${t.value < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
  return `${t.per ?? ''}${number}${t.unit ? ` ${t.unit}` : ''}${t.qualifier ?? ''}`;
}

/** Draws a small bar chart of the numeric targets of an indicator, or nothing when fewer than two are numbers. */
export function drawTargetChart(indicator: Project['indicators'][number]): SafeHtml {
  const numeric = indicator.targets.filter((t) => t.value !== null);
  if (numeric.length < 2) return html``;
  const width = 320;
  const height = 120;
  const pad = 24;
  const max = Math.max(...numeric.map((t) => Math.abs(t.value!)), 1);
  const slot = (width - pad) / indicator.targets.length;
  const unit = numeric.find((t) => t.unit)?.unit ?? '';
  const label = `${indicator.name}の年度別目標：${indicator.targets.map((t) => `${fiscalYearLabel(t.fiscalYear)} ${t.value === null ? 'なし' : formatTarget(t)}`).join('、')}`;
  const bars = indicator.targets.map((t, i) => {
    const x = pad + i * slot + slot * 0.2;
    const w = slot * 0.6;
    const year = html`<text x="${(x + w / 2).toFixed(1)}" y="${height - 4}" font-size="10" text-anchor="middle" fill="#1a1a1a">${t.fiscalYear}</text>`;
    if (t.value === null) return year;
    const barHeight = (Math.abs(t.value) / max) * (height - pad - 16);
    const y = height - pad - barHeight;
    return html`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${t.value < 0 ? '#8a1c1c' : '#0b5394'}"/><text x="${(x + w / 2).toFixed(1)}" y="${(y - 3).toFixed(1)}" font-size="10" text-anchor="middle" fill="#1a1a1a">${t.value}</text>${year}`;
  });
  return html`<svg class="chart" role="img" aria-label="${label}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${label}</title><line x1="${pad}" y1="${height - pad}" x2="${width}" y2="${height - pad}" stroke="#4a4a4a"/><text x="2" y="12" font-size="10" fill="#4a4a4a">${unit}</text>${bars}</svg>`;
}
