/**
 * Site part: the changes between editions as people read them. Each comparison is grouped by kind of
 * change; each item names its project by number and name, linked to the project's card, and quotes
 * the words of the revision entries that explain it (主な改定内容, with their dates as 令和7年3月（2025-03）),
 * never the entry's bare reference (`2024-03#1`).
 */
import type { Change, Changelog, EntryCheck } from '../model/diffPlans.js';
import { CHANGE_KINDS, describePlaces } from '../model/diffPlans.js';
import { CHANGE_LABELS } from '../publish/toChangelogFiles.js';
import { html, joinHtml, type SafeHtml } from './html.js';
import { formatYearMonth } from './parts.js';

/** What the changes section needs to know of the editions besides the changelog: names, links and labels. */
export interface ChangeContext {
  /** Path from the page to the output folder's root ('' or '../'). */
  root: string;
  /** A project's name in the changelog's newer edition, or in the older one for a removed project; null when neither has it. */
  nameOf: (projectId: string) => string | null;
  /** The link to a project's card (in the newer edition, or the older one for a removed project), or null when there is none. */
  hrefOf: (projectId: string) => string | null;
  /** How an edition is named for people: 第5版（令和7年3月（2025-03）改訂）. */
  editionLabel: (editionId: string) => string;
}

/** Renders a project as its number and name, linked to its card when there is a link. */
function renderProject(projectId: string, context: ChangeContext): SafeHtml {
  const name = context.nameOf(projectId);
  const href = context.hrefOf(projectId);
  const label = name ? `${projectId} ${name}` : projectId;
  return href ? html`<a href="${href}">${label}</a>` : html`${label}`;
}

/** Renders the revision entries that explain a change in their own words, or says that none does. */
export function renderExplanation(change: Change, entries: ReadonlyMap<string, EntryCheck>): SafeHtml {
  if (change.explainedBy.length === 0) return html`<span class="note">改訂履歴に記載なし</span>`;
  const quoted = change.explainedBy.map((ref) => {
    const entry = entries.get(ref);
    return entry ? html`改訂履歴 ${formatYearMonth(entry.date)}：「${entry.summary ?? '（主な改定内容の記載なし）'}」` : html`改訂履歴 ${ref}`;
  });
  return html`<span class="note">${joinHtml(quoted, html`<br>`)}</span>`;
}

/** Renders one change: the project (or, for a change of the whole plan, its places, each linked), what changed, and why. */
function renderChange(change: Change, entries: ReadonlyMap<string, EntryCheck>, context: ChangeContext): SafeHtml {
  if (change.projectId === null) {
    const places = (change.places ?? []).map((p) => html`${renderProject(p.projectId, context)}（${p.role}）`);
    // The summary ends with its places as text; here they are a list of links instead.
    const suffix = `（${describePlaces(change.places ?? [])}）`;
    const what = change.summary.endsWith(suffix) ? change.summary.slice(0, -suffix.length) : change.summary;
    return html`<li>計画全体：${what}（${places.length} か所）<br>${renderExplanation(change, entries)}<details><summary>変更のあった事業（${places.length}件）</summary><ul>${places.map((p) => html`<li>${p}</li>`)}</ul></details></li>`;
  }
  return html`<li>${renderProject(change.projectId, context)}：${change.summary}<br>${renderExplanation(change, entries)}</li>`;
}

/**
 * Renders the changes from one edition to the next: what was compared, the change files, then one
 * collapsed group per kind of change (in the changelog's order of kinds), each item linked to its project.
 */
export function renderChangelog(log: Changelog, context: ChangeContext): SafeHtml {
  const base = `${context.root}changes/${log.from.id}..${log.to.id}`;
  const entries = new Map(log.entries.map((e) => [e.ref, e]));
  const groups = CHANGE_KINDS.map((kind) => ({ kind, changes: log.changes.filter((c) => c.kind === kind) }))
    .filter((g) => g.changes.length > 0)
    .map(
      (g) =>
        html`<details class="change-group"><summary>${CHANGE_LABELS[g.kind]}（${g.changes.length}件）</summary><ul>${g.changes.map((c) => renderChange(c, entries, context))}</ul></details>`,
    );
  const dates = log.revisionDates.map(formatYearMonth);
  return html`
    <section class="changelog" aria-labelledby="changes-${log.from.id}-${log.to.id}">
    <h3 id="changes-${log.from.id}-${log.to.id}">${context.editionLabel(log.from.id)}から${context.editionLabel(log.to.id)}への変更</h3>
    <p>両版のデータを比べて見つけた変更 ${log.changes.length} 件を、変更の種類ごとにまとめています。この間の改訂：${dates.join('、') || 'なし'}。改訂履歴に説明のない変更は ${log.unexplainedChanges.length} 件です。</p>
    ${groups}
    <p>変更点の一覧：<a href="${base}.csv" download>変更点の一覧表</a> <span class="note">CSV</span>（<a href="${base}.schema.json">列の定義</a> <span class="note">Table Schema</span>）、<a href="${base}.md">変更点の説明文</a> <span class="note">Markdown</span>、<a href="${base}.json" download>変更点のデータ</a> <span class="note">JSON</span></p>
    </section>`;
}
