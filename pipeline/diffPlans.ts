/**
 * Stage: two plan models → `Changelog`. Computed from the models, never from the text: projects
 * added, removed, moved, renamed or ended; departments added, removed or renamed (a name that
 * disappears everywhere while another appears in its place, like 情報システム課 → デジタル推進課);
 * initiatives and indicators added, removed or renamed; targets changed per fiscal year; prose changed.
 * Each change is then cross-checked against the newer edition's 改訂履歴: which revision entries
 * explain it, which entries have no detected change, which changes no entry explains.
 */
import { firstByKey } from './arrays.js';
import type { Plan, Project } from './plan.js';
import { nfkc } from './text.js';

/** The kinds of change, in the order the changelog lists them. */
export const CHANGE_KINDS = [
  'project-added',
  'project-removed',
  'project-moved',
  'project-renamed',
  'project-ended',
  'department-renamed',
  'department-added',
  'department-removed',
  'initiative-added',
  'initiative-removed',
  'initiative-changed',
  'indicator-added',
  'indicator-removed',
  'indicator-renamed',
  'target-changed',
  'text-changed',
] as const;

/** A kind of change. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One detected change. */
export interface Change {
  /** Stable id of the change: kind, project and what changed. */
  id: string;
  kind: ChangeKind;
  projectId: string | null;
  /** Indicator, department, field or initiative concerned. */
  subject: string | null;
  fiscalYear: number | null;
  old: string | number | null;
  new: string | number | null;
  /** One line in Japanese saying what changed. */
  summary: string;
  /** Revision entries (`<date>#<n>`) naming this change's project. */
  explainedBy: string[];
}

/** A revision entry of the newer edition and the changes it names. */
export interface EntryCheck {
  ref: string;
  date: string;
  planNumbers: string[];
  planName: string | null;
  summary: string | null;
  matchedChanges: string[];
}

/** The changes between two editions, cross-checked against the revision history. */
export interface Changelog {
  from: { id: string; number: number };
  to: { id: string; number: number };
  /** Revision dates after the older edition, whose entries apply. */
  revisionDates: string[];
  changes: Change[];
  entries: EntryCheck[];
  unexplainedChanges: string[];
  unmatchedEntries: string[];
  totals: Record<ChangeKind, number>;
}

const FIELDS: { key: 'summary' | 'objective' | 'indicatorRationale' | 'endReason'; label: string }[] = [
  { key: 'summary', label: '概要' },
  { key: 'objective', label: '目指すもの' },
  { key: 'indicatorRationale', label: '指標の考え方' },
  { key: 'endReason', label: '終了理由' },
];

function same(a: string | null, b: string | null): boolean {
  return (a === null ? null : nfkc(a).replace(/\s+/g, '')) === (b === null ? null : nfkc(b).replace(/\s+/g, ''));
}

function quote(text: string | number | null): string {
  return text === null ? '（空欄）' : `「${text}」`;
}

/** Departments renamed everywhere: a name only in the older edition replaced, in the same role, by one only in the newer. */
function departmentRenames(older: Plan, newer: Plan): Map<string, string> {
  const names = (plan: Plan) => new Set(plan.projects.flatMap((p) => [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name)));
  const before = names(older);
  const after = names(newer);
  const votes = new Map<string, Map<string, number>>();
  const newerById = firstByKey(newer.projects, (p) => p.id);
  for (const o of older.projects) {
    const n = newerById.get(o.id);
    if (!n) continue;
    for (const role of ['leadDepartments', 'relatedDepartments'] as const) {
      const gone = o[role].map((d) => d.name).filter((d) => !after.has(d));
      const arrived = n[role].map((d) => d.name).filter((d) => !before.has(d));
      for (const g of gone) for (const a of arrived) votes.set(g, new Map(votes.get(g) ?? []).set(a, (votes.get(g)?.get(a) ?? 0) + 1));
    }
  }
  const renames = new Map<string, string>();
  for (const [gone, candidates] of votes) {
    const [best] = [...candidates].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (best) renames.set(gone, best[0]);
  }
  return renames;
}

function projectChanges(o: Project, n: Project, renames: Map<string, string>, add: (c: Omit<Change, 'id' | 'explainedBy'>, key: string) => void): void {
  const pid = n.id;
  if (!same(o.name, n.name)) add({ kind: 'project-renamed', projectId: pid, subject: '名称', fiscalYear: null, old: o.name, new: n.name, summary: `名称を${quote(o.name)}から${quote(n.name)}に変更` }, 'name');
  if (o.status !== 'ended' && n.status === 'ended') add({ kind: 'project-ended', projectId: pid, subject: null, fiscalYear: null, old: '実施中', new: '計画終了', summary: '計画終了' }, 'status');
  for (const [role, label] of [['leadDepartments', '主管課等'], ['relatedDepartments', '関係課等']] as const) {
    const before = o[role].map((d) => d.name);
    const after = n[role].map((d) => d.name);
    for (const name of before.filter((d) => !after.includes(d))) {
      const renamed = renames.get(name);
      if (renamed && after.includes(renamed)) {
        add({ kind: 'department-renamed', projectId: pid, subject: label, fiscalYear: null, old: name, new: renamed, summary: `${label}の${quote(name)}が${quote(renamed)}に` }, `${role}/${name}`);
      } else {
        add({ kind: 'department-removed', projectId: pid, subject: label, fiscalYear: null, old: name, new: null, summary: `${label}から${quote(name)}を削除` }, `${role}/${name}`);
      }
    }
    const renamedTo = new Set([...renames].filter(([from]) => before.includes(from)).map(([, to]) => to));
    for (const name of after.filter((d) => !before.includes(d) && !renamedTo.has(d))) {
      add({ kind: 'department-added', projectId: pid, subject: label, fiscalYear: null, old: null, new: name, summary: `${label}に${quote(name)}を追加` }, `${role}/${name}`);
    }
  }
  const oldInitiatives = o.initiatives.map((i) => i.name);
  const newInitiatives = n.initiatives.map((i) => i.name);
  for (const name of newInitiatives.filter((x) => !oldInitiatives.includes(x))) add({ kind: 'initiative-added', projectId: pid, subject: name, fiscalYear: null, old: null, new: name, summary: `取組${quote(name)}を追加` }, `initiative/${name}`);
  for (const name of oldInitiatives.filter((x) => !newInitiatives.includes(x))) add({ kind: 'initiative-removed', projectId: pid, subject: name, fiscalYear: null, old: name, new: null, summary: `取組${quote(name)}を削除` }, `initiative/${name}`);
  // Texts printed in the year cells of an initiative that both editions have.
  const yearTexts = (i: Project['initiatives'][number]) =>
    [...i.yearTexts.map((y) => `${y.fiscalYear}:${y.text}`), ...i.unplacedTexts.map((t) => `?:${t}`)].join(' / ') || null;
  for (const ni of n.initiatives) {
    const oi = o.initiatives.find((i) => i.name === ni.name);
    if (oi && !same(yearTexts(oi), yearTexts(ni))) {
      add(
        { kind: 'initiative-changed', projectId: pid, subject: ni.name, fiscalYear: null, old: yearTexts(oi), new: yearTexts(ni), summary: `取組${quote(ni.name)}の年度欄の記載を変更` },
        `initiative-years/${ni.name}`,
      );
    }
  }

  for (const ni of n.indicators) {
    const oi = o.indicators.find((i) => i.id === ni.id);
    if (!oi) {
      add({ kind: 'indicator-added', projectId: pid, subject: ni.id, fiscalYear: null, old: null, new: ni.name, summary: `評価指標${quote(ni.name)}を追加` }, `indicator/${ni.id}`);
      continue;
    }
    if (!same(oi.name, ni.name)) add({ kind: 'indicator-renamed', projectId: pid, subject: ni.id, fiscalYear: null, old: oi.name, new: ni.name, summary: `評価指標名を${quote(oi.name)}から${quote(ni.name)}に変更` }, `indicator/${ni.id}`);
    for (const nt of ni.targets) {
      const ot = oi.targets.find((t) => t.fiscalYear === nt.fiscalYear);
      if (ot && !same(ot.text, nt.text)) {
        add(
          { kind: 'target-changed', projectId: pid, subject: ni.id, fiscalYear: nt.fiscalYear, old: ot.text, new: nt.text, summary: `${ni.name}の${nt.fiscalYear}年度目標を${quote(ot.text)}から${quote(nt.text)}に変更` },
          `target/${ni.id}/${nt.fiscalYear}`,
        );
      }
    }
  }
  for (const oi of o.indicators.filter((i) => !n.indicators.some((x) => x.id === i.id))) {
    add({ kind: 'indicator-removed', projectId: pid, subject: oi.id, fiscalYear: null, old: oi.name, new: null, summary: `評価指標${quote(oi.name)}を削除` }, `indicator/${oi.id}`);
  }
  for (const { key, label } of FIELDS) {
    if (!same(o[key], n[key])) {
      const size = (t: string | null) => (t === null ? 0 : [...t].length);
      add({ kind: 'text-changed', projectId: pid, subject: label, fiscalYear: null, old: o[key], new: n[key], summary: `${label}を変更（${size(o[key])}字→${size(n[key])}字）` }, `text/${key}`);
    }
  }
}

/** Computes the changelog from the older edition to the newer one. */
export function diffPlans(older: Plan, newer: Plan): Changelog {
  const changes: Change[] = [];
  const add = (change: Omit<Change, 'id' | 'explainedBy'>, key: string) =>
    changes.push({ ...change, id: `${change.kind}/${change.projectId ?? '-'}/${key}`, explainedBy: [] });

  const renames = departmentRenames(older, newer);
  const oldIds = new Set(older.projects.map((p) => p.id));
  const newIds = new Set(newer.projects.map((p) => p.id));
  const removed = older.projects.filter((p) => !newIds.has(p.id));
  const added = newer.projects.filter((p) => !oldIds.has(p.id));

  for (const p of added) {
    const from = removed.find((r) => r.name !== null && same(r.name, p.name));
    if (from) {
      add({ kind: 'project-moved', projectId: p.id, subject: null, fiscalYear: null, old: from.id, new: p.id, summary: `${quote(p.name)}の番号を${from.id}から${p.id}に変更` }, 'id');
    } else {
      add({ kind: 'project-added', projectId: p.id, subject: null, fiscalYear: null, old: null, new: p.name, summary: `${quote(p.name)}を追加` }, 'project');
    }
  }
  for (const p of removed.filter((r) => !added.some((a) => r.name !== null && same(r.name, a.name)))) {
    add({ kind: 'project-removed', projectId: p.id, subject: null, fiscalYear: null, old: p.name, new: null, summary: `${quote(p.name)}を削除` }, 'project');
  }
  const olderById = firstByKey(older.projects, (p) => p.id);
  for (const n of newer.projects) {
    const o = olderById.get(n.id);
    if (o) projectChanges(o, n, renames, add);
  }

  const since = older.edition.revisionDate;
  const revisions = newer.revisions.filter((r) => since === null || r.date > since);
  const entries: EntryCheck[] = revisions.flatMap((r) =>
    r.entries.map((e, i) => ({ ref: `${r.date}#${i + 1}`, date: r.date, planNumbers: e.planNumbers, planName: e.planName, summary: e.summary, matchedChanges: [] as string[] })),
  );
  for (const change of changes) {
    for (const entry of entries) {
      if (change.projectId !== null && entry.planNumbers.includes(change.projectId)) {
        change.explainedBy.push(entry.ref);
        entry.matchedChanges.push(change.id);
      }
    }
  }
  const order = (c: Change) => CHANGE_KINDS.indexOf(c.kind);
  changes.sort((a, b) => (a.projectId ?? '').localeCompare(b.projectId ?? '', 'en', { numeric: true }) || order(a) - order(b) || a.id.localeCompare(b.id));
  const totals = Object.fromEntries(CHANGE_KINDS.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<ChangeKind, number>;
  return {
    from: { id: older.edition.id, number: older.edition.number },
    to: { id: newer.edition.id, number: newer.edition.number },
    revisionDates: revisions.map((r) => r.date),
    changes,
    entries,
    unexplainedChanges: changes.filter((c) => c.explainedBy.length === 0).map((c) => c.id),
    unmatchedEntries: entries.filter((e) => e.matchedChanges.length === 0).map((e) => e.ref),
    totals,
  };
}
