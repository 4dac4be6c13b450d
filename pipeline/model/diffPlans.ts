/**
 * Stage `diff`: two plan models → `Changelog`. Computed from the models, never from the text: projects
 * added, removed, moved, renamed or ended; departments added to or removed from a project; a department
 * renamed everywhere (a name that disappears everywhere while another appears in its place, like
 * 情報システム課 → デジタル推進課) as one change of the whole plan with its places; initiatives and
 * indicators added, removed or renamed; targets changed per fiscal year; prose changed.
 * Each change is then cross-checked against the newer edition's 改訂履歴: an entry explains a change
 * when it names the change's project (for a change of the whole plan, one of its places) *and* says
 * something that fits the kind of change (`EXPLANATION_RULES`: an entry about 評価指標 explains target
 * changes, not a department change; a renamed department only 組織改正 or 課の名称; 上方修正 only
 * increases; 令和6年度以降 only FY2024 on). The changelog lists which entries explain each change,
 * which entries explain none, and which changes no entry explains.
 */
import { firstByKey } from '../common/arrays.js';
import { diagnose, findingId, linesPosition, type Diagnostic, type Position } from '../diagnostics.js';
import type { Plan, Project, Target } from './plan.js';
import { compactText, fiscalYearLabel, nfkc } from '../common/text.js';

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
  'initiative-reordered',
  'indicator-added',
  'indicator-removed',
  'indicator-renamed',
  'target-changed',
  'text-changed',
] as const;

/** A kind of change. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * A target's number as read, with what the cell prints around it (`value` null when the cell is not a
 * number or is empty): the unit, the qualifier after it (以上: 「１種類以上」 is at least 1, not 1) and
 * the period it is counted per (年 in 「年３回以上」) — the fields of the indicator_targets table.
 */
export interface Quantity {
  value: number | null;
  unit: string | null;
  qualifier: string | null;
  per: string | null;
}

/** The role a department has in a project, as the sheet heads it. */
export type DepartmentRole = '主管課等' | '関係課等';

/** One place of a change of the whole plan: a project and the role the department has there. */
export interface ChangePlace {
  projectId: string;
  role: DepartmentRole;
}

/** One detected change. */
export interface Change {
  /**
   * Stable id of the change: kind, project and what changed (`target-changed/1-2-1/target/1-2-1/1/2022`);
   * for a change of the whole plan, kind and what changed (`department-renamed/情報システム課`).
   */
  id: string;
  kind: ChangeKind;
  /** The project changed; null for a change of the whole plan (a department renamed everywhere), whose projects are its `places`. */
  projectId: string | null;
  /** For a change of the whole plan, every project and role it touches, in plan order; null for a change of one project. */
  places: ChangePlace[] | null;
  /** Indicator, department role, field or initiative concerned; null for a change of the whole plan (its roles are in `places`). */
  subject: string | null;
  fiscalYear: number | null;
  old: string | number | null;
  new: string | number | null;
  /** For a target change, the number and unit before and after (beside the printed texts `old`, `new`); otherwise null. */
  quantities: { old: Quantity; new: Quantity } | null;
  /** One line in Japanese saying what changed. */
  summary: string;
  /** Revision entries (`<date>#<n>`) that name this change's project and fit its kind (`EXPLANATION_RULES`). */
  explainedBy: string[];
}

/** A revision entry of the newer edition and the changes it names. */
export interface EntryCheck {
  ref: string;
  date: string;
  planNumbers: string[];
  planName: string | null;
  summary: string | null;
  /** The changes this entry explains. */
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
  /** Changes no entry explains: each is a finding a person reviews (`review/unexplained-change`). */
  unexplainedChanges: string[];
  /** Entries that explain no detected change. */
  unmatchedEntries: string[];
  totals: Record<ChangeKind, number>;
}

const FIELDS: { key: 'summary' | 'objective' | 'indicatorRationale' | 'endReason'; label: string }[] = [
  { key: 'summary', label: '概要' },
  { key: 'objective', label: '目指すもの' },
  { key: 'indicatorRationale', label: '指標の考え方' },
  { key: 'endReason', label: '終了理由' },
];

/**
 * What a change is about, as a revision entry would name it: the kind of change, and for a text
 * change its field (`text-changed:概要`).
 */
export type ChangeTopic = Exclude<ChangeKind, 'text-changed'> | `text-changed:${(typeof FIELDS)[number]['label']}`;

/** One way a revision entry's sentence explains changes: what it must say, which changes it explains. */
export interface ExplanationRule {
  /** The topics of the changes the rule explains. */
  explains: readonly ChangeTopic[];
  /** What one sentence of the entry's 主な改定内容 says for the rule to apply (NFKC text). */
  says: RegExp;
  /** `says` in words, for messages. */
  mentions: string;
  /** `mentions` in plain Japanese, for the staff's messages (the English one quotes the words the rule looks for). */
  mentionsJa: string;
  /**
   * Which target changes fit: `increase` (上方修正: both numbers, same unit, new > old), `decrease`
   * (下方修正), `numbered` (数値化: no number before, a number after); absent: any. A sentence's
   * 「令和N年度以降」 or 「令和N年度の」 further limits the fiscal years of target changes it explains.
   */
  fits?: 'increase' | 'decrease' | 'numbered';
  /**
   * True for a declared replacement 「A」を「B」に / 「A」から「B」に: it explains a change of any kind
   * whose old text contains A and whose new text contains B (one side may be absent: an added or removed item).
   */
  replaces?: true;
}

const PROSE: readonly ChangeTopic[] = ['text-changed:概要', 'text-changed:目指すもの', 'text-changed:指標の考え方', 'text-changed:終了理由'];
const INITIATIVES: readonly ChangeTopic[] = ['initiative-added', 'initiative-removed', 'initiative-changed', 'initiative-reordered'];
const INDICATORS: readonly ChangeTopic[] = ['indicator-added', 'indicator-removed', 'indicator-renamed'];

/**
 * How the 改訂履歴 says what changed, fitted to the wording of the real entries (all 74 of the
 * 2025-03 edition). A change is explained by an entry that names its project and has a sentence
 * matching a rule for the change's topic. `概要` never matches 建築計画概要書; 「…等」 (概要等,
 * 目指すもの等, 取組内容等) covers the prose fields and initiatives but never names, targets,
 * indicators or departments, which an entry has to name. A department renamed everywhere is one change
 * of the whole plan: an entry naming any of its places explains it, when it says 組織改正 or 課の名称
 * (or declares that replacement 「A」を「B」に).
 */
export const EXPLANATION_RULES: readonly ExplanationRule[] = [
  { explains: ['project-added'], says: /新規追加/, mentions: '新規追加', mentionsJa: '「新規追加」' },
  { explains: ['project-ended', 'text-changed:終了理由'], says: /計画終了/, mentions: '計画終了', mentionsJa: '「計画終了」' },
  { explains: ['project-removed'], says: /計画終了|事業を?(?:削除|廃止)/, mentions: '計画終了, 事業を削除/廃止', mentionsJa: '「計画終了」や事業の削除・廃止' },
  { explains: ['project-moved'], says: /番号/, mentions: '番号', mentionsJa: '「番号」' },
  { explains: ['project-renamed'], says: /名称/, mentions: '名称', mentionsJa: '「名称」' },
  { explains: ['department-added', 'department-removed'], says: /主管課|関係課|担当|組織/, mentions: '主管課, 関係課, 担当, 組織', mentionsJa: '主管課・関係課・担当・組織のどれか' },
  // A department renamed everywhere is a reorganisation of the city, not a revision of one project: an
  // entry that only says 主管課 or 担当 speaks of its own project's departments, so it takes 組織改正 or 課の名称.
  { explains: ['department-renamed'], says: /組織の?(?:改正|改編|再編|変更)|課等?の?名称|課名/, mentions: '組織改正, 課の名称', mentionsJa: '組織改正や課の名称の変更' },
  // 「…を取組内容に追加」 adds initiatives; it does not explain one removed or changed.
  { explains: ['initiative-added'], says: /取り?組(?:内容)?(?:に|を)[^。]*?追加|新たに[^。]*?取り?組/, mentions: '取組内容に追加', mentionsJa: '取組内容の追加' },
  // 「取組内容「X」の実施時期等を一部修正」 explains changes to the initiative X only (see `fitsInitiative`).
  { explains: INITIATIVES, says: /取り?組(?:内容)?[^。]*?(?:変更|修正|見直|削除)/, mentions: '取組内容 … 変更/修正/見直し/削除', mentionsJa: '取組内容の変更・修正・見直し・削除' },
  { explains: ['initiative-changed'], says: /実施時期/, mentions: '実施時期', mentionsJa: '「実施時期」' },
  // 評価指標 with a word of adding or changing indicators — not 「評価指標に令和5年度の数値を追加」.
  {
    explains: INDICATORS,
    says: /評価指標[^。]*?(?<!(?:数値|目標値)[をの])(?:追加|細分化|新たに|見直|削除)|新たに[^。]*?評価指標|評価指標[^。]*?「[^」]+」から「[^」]+」に/,
    mentions: '評価指標 … 追加/細分化/新たに/見直し/削除/「…」から「…」に',
    mentionsJa: '評価指標の追加・細分化・見直し・削除（「…」から「…」に、を含む）',
  },
  { explains: ['target-changed'], says: /上方修正/, fits: 'increase', mentions: '上方修正 (an increase)', mentionsJa: '上方修正（目標値の引き上げ）' },
  { explains: ['target-changed'], says: /下方修正/, fits: 'decrease', mentions: '下方修正 (a decrease)', mentionsJa: '下方修正（目標値の引き下げ）' },
  { explains: ['target-changed'], says: /数値化|数値を記載|(?:数値|目標値)(?:を|の)追加/, fits: 'numbered', mentions: '数値化/数値の追加 (a number where there was none)', mentionsJa: '数値化/数値の追加（数値がなかった欄への数値）' },
  { explains: ['target-changed'], says: /(?:評価指標|目標値|数値)[^。]*?(?:(?<!上方|下方)修正|変更|見直|追記)/, mentions: '評価指標/目標値/数値 … 修正/変更/見直し/追記', mentionsJa: '評価指標・目標値・数値の修正・変更・見直し・追記' },
  { explains: ['text-changed:概要'], says: /概要(?!書)/, mentions: '概要', mentionsJa: '「概要」' },
  { explains: ['text-changed:目指すもの'], says: /目指すもの/, mentions: '目指すもの', mentionsJa: '「目指すもの」' },
  { explains: ['text-changed:指標の考え方'], says: /考え方/, mentions: '(指標の)考え方', mentionsJa: '「（指標の）考え方」' },
  { explains: ['text-changed:終了理由'], says: /終了理由/, mentions: '終了理由', mentionsJa: '「終了理由」' },
  { explains: PROSE, says: /(?:名称|概要(?!書)|目指すもの|考え方)等/, mentions: '概要等, 目指すもの等', mentionsJa: '「概要等」や「目指すもの等」' },
  { explains: [...PROSE, ...INITIATIVES], says: /取り?組内容等/, mentions: '取組内容等', mentionsJa: '「取組内容等」' },
  { explains: [...CHANGE_KINDS.filter((k) => k !== 'text-changed'), ...PROSE], says: /「[^」]+」(?:を|から)「[^」]+」に/, replaces: true, mentions: '「old」を「new」に (that replacement)', mentionsJa: '「旧」を「新」に（その置き換え）' },
];

/** The topic of a change (see `ChangeTopic`). */
export function topicOf(change: Pick<Change, 'kind' | 'subject'>): ChangeTopic {
  return change.kind === 'text-changed' ? (`text-changed:${change.subject}` as ChangeTopic) : change.kind;
}

/** The projects a change is in: its project, or for a change of the whole plan the projects of its places (each once, in plan order). */
export function projectsOf(change: Pick<Change, 'projectId' | 'places'>): string[] {
  if (change.projectId !== null) return [change.projectId];
  return [...new Set((change.places ?? []).map((p) => p.projectId))];
}

/** True when a revision entry names one of the change's projects. */
function namesOneOf(entry: Pick<EntryCheck, 'planNumbers'>, projects: ReadonlySet<string>): boolean {
  return entry.planNumbers.some((n) => projects.has(n));
}

/** A sentence of an entry: its text and the fiscal years it limits target changes to. */
interface Sentence {
  text: string;
  fromYear: number | null;
  onlyYear: number | null;
}

const REIWA = 2018;

function reiwaYear(digits: string): number {
  return REIWA + (digits === '元' ? 1 : Number(digits));
}

/** An entry's 主な改定内容 as sentences (split at 。, line breaks and ・ bullets), each with its year limits. */
export function toSentences(summary: string | null): Sentence[] {
  return nfkc(summary ?? '')
    .split(/[。\n]/)
    .map((text) => text.trim().replace(/^・\s*/, ''))
    .filter((text) => text.length > 0)
    .map((text) => {
      const from = /令和([0-9]+|元)年度以降/.exec(text);
      const only = /令和([0-9]+|元)年度の/.exec(text);
      return { text, fromYear: from ? reiwaYear(from[1]!) : null, onlyYear: only ? reiwaYear(only[1]!) : null };
    });
}

function fitsTarget(rule: ExplanationRule, sentence: Sentence, change: Change): boolean {
  const year = change.fiscalYear;
  if (year !== null && sentence.fromYear !== null && year < sentence.fromYear) return false;
  if (year !== null && sentence.onlyYear !== null && year !== sentence.onlyYear) return false;
  if (!rule.fits) return true;
  const before = change.quantities?.old ?? { value: null, unit: null };
  const after = change.quantities?.new ?? { value: null, unit: null };
  if (rule.fits === 'numbered') return before.value === null && after.value !== null;
  const comparable = before.value !== null && after.value !== null && nfkc(before.unit ?? '') === nfkc(after.unit ?? '');
  if (!comparable) return false;
  return rule.fits === 'increase' ? after.value! > before.value! : after.value! < before.value!;
}

/** A target's quantity: its number and the unit, qualifier and period printed with it. */
function quantityOf(target: Target): Quantity {
  return { value: target.value, unit: target.unit, qualifier: target.qualifier, per: target.per };
}

const squeeze = (t: string | number | null) => (t === null ? null : compactText(String(t)));

/** The replacements 「A」を「B」に / 「A」から「B」に a sentence declares, without spaces. */
function replacementsOf(sentence: Sentence): [string, string][] {
  return [...sentence.text.matchAll(/「([^」]+)」(?:を|から)「([^」]+)」に/g)].map((m) => [squeeze(m[1]!)!, squeeze(m[2]!)!]);
}

/**
 * A declared replacement explains a change whose new text is exactly its old text with A replaced by
 * B (「指定道路台帳」を「指定道路種別図」に: the same name with that word changed, nothing else), or
 * a name that is exactly A replaced by B (「システム活用会議数」から「削減時間数」に). An item removed
 * and one added are paired by `pairReplacements`, never explained one-sided.
 */
function fitsReplacement(sentence: Sentence, change: Change): boolean {
  const [before, after] = [squeeze(change.old), squeeze(change.new)];
  if (before === null || after === null) return false;
  return replacementsOf(sentence).some(([from, to]) => before.includes(from) && after === before.split(from).join(to));
}

/**
 * Pairs an item removed and one added in the same project and of the same kind (an initiative, an
 * indicator) when an entry naming the project declares exactly that replacement: both are explained by it.
 */
function pairReplacements(changes: readonly Change[], entries: readonly EntryCheck[], sentences: ReadonlyMap<string, Sentence[]>): void {
  for (const removed of changes.filter((c) => c.kind === 'initiative-removed' || c.kind === 'indicator-removed')) {
    const addedKind = removed.kind === 'initiative-removed' ? 'initiative-added' : 'indicator-added';
    for (const entry of entries.filter((e) => removed.projectId !== null && e.planNumbers.includes(removed.projectId))) {
      for (const [from, to] of (sentences.get(entry.ref) ?? []).flatMap(replacementsOf)) {
        const before = squeeze(removed.old)!;
        if (!before.includes(from)) continue;
        const expected = before.split(from).join(to);
        const added = changes.find((c) => c.kind === addedKind && c.projectId === removed.projectId && squeeze(c.new) === expected);
        if (!added) continue;
        for (const change of [removed, added]) {
          if (!change.explainedBy.includes(entry.ref)) change.explainedBy.push(entry.ref);
          if (!entry.matchedChanges.includes(change.id)) entry.matchedChanges.push(change.id);
        }
      }
    }
  }
}

/**
 * A name that became a piece of itself — an initiative removed and one added whose name is its start
 * or end, an indicator or project renamed to such a piece (`避難所での運用開始` → `開始`) — is how a
 * name looks when a line of it was lost, not how a plan revises a name: no entry explains it (the
 * real revisions lengthen names, never cut them), so a person looks at it.
 */
function unexplainTruncations(changes: readonly Change[], entries: readonly EntryCheck[]): void {
  for (const change of truncations(changes)) {
    change.explainedBy.length = 0;
    for (const entry of entries) entry.matchedChanges = entry.matchedChanges.filter((id) => id !== change.id);
  }
}

/** The changes of names cut to a piece of themselves (see `unexplainTruncations`). */
function truncations(changes: readonly Change[]): Set<Change> {
  const pieceOf = (whole: string | number | null, piece: string | number | null) => {
    const [w, p] = [squeeze(whole), squeeze(piece)];
    return w !== null && p !== null && p !== '' && p.length < w.length && (w.startsWith(p) || w.endsWith(p));
  };
  const truncated = new Set<Change>();
  for (const c of changes) {
    if ((c.kind === 'indicator-renamed' || c.kind === 'project-renamed') && pieceOf(c.old, c.new)) truncated.add(c);
    if (c.kind === 'initiative-removed') {
      for (const added of changes.filter((a) => a.kind === 'initiative-added' && a.projectId === c.projectId && pieceOf(c.old, a.new))) truncated.add(c).add(added);
    }
  }
  return truncated;
}

/** A sentence that names an initiative (取組内容「X」) explains changes to that initiative only. */
function fitsInitiative(sentence: Sentence, change: Change): boolean {
  if (!INITIATIVES.includes(topicOf(change))) return true;
  const named = [...sentence.text.matchAll(/取り?組(?:内容)?(?:に|の)?「([^」]+)」/g)].map((m) => m[1]!.replace(/\s+/g, ''));
  if (named.length === 0) return true;
  const subject = compactText(String(change.subject ?? ''));
  return named.some((name) => subject === name);
}

/** True when one of the sentences explains the change by a rule of `EXPLANATION_RULES`. */
export function explains(sentences: readonly Sentence[], change: Change, rules: readonly ExplanationRule[] = EXPLANATION_RULES): boolean {
  const topic = topicOf(change);
  return rules.some(
    (rule) =>
      rule.explains.includes(topic) &&
      sentences.some(
        (sentence) =>
          rule.says.test(sentence.text) &&
          fitsInitiative(sentence, change) &&
          (rule.replaces ? fitsReplacement(sentence, change) : topic !== 'target-changed' || fitsTarget(rule, sentence, change)),
      ),
  );
}

function same(a: string | null, b: string | null): boolean {
  return (a === null ? null : compactText(a)) === (b === null ? null : compactText(b));
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

type NewChange = Omit<Change, 'id' | 'explainedBy' | 'quantities' | 'places'> & { quantities?: Change['quantities']; places?: Change['places'] };

/**
 * The changes of one project. A department renamed everywhere (`renames`) is not one of them: each
 * place where it stands is handed to `renamedAt`, and the renaming becomes one change of the whole plan.
 */
function projectChanges(
  o: Project,
  n: Project,
  renames: Map<string, string>,
  add: (c: NewChange, key: string) => void,
  renamedAt: (from: string, to: string, place: ChangePlace) => void,
): void {
  const pid = n.id;
  if (!same(o.name, n.name)) add({ kind: 'project-renamed', projectId: pid, subject: '名称', fiscalYear: null, old: o.name, new: n.name, summary: `名称を${quote(o.name)}から${quote(n.name)}に変更` }, 'name');
  if (o.status !== 'ended' && n.status === 'ended') add({ kind: 'project-ended', projectId: pid, subject: null, fiscalYear: null, old: '実施中', new: '計画終了', summary: '事業の状態を「実施中」から「計画終了」に変更' }, 'status');
  for (const [role, label] of [['leadDepartments', '主管課等'], ['relatedDepartments', '関係課等']] as const) {
    const before = o[role].map((d) => d.name);
    const after = n[role].map((d) => d.name);
    for (const name of before.filter((d) => !after.includes(d))) {
      const renamed = renames.get(name);
      if (renamed && after.includes(renamed)) {
        renamedAt(name, renamed, { projectId: pid, role: label });
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
  // The order of the initiatives both editions have: the plan prints them in the order they happen.
  const kept = oldInitiatives.filter((x) => newInitiatives.includes(x));
  const keptAfter = newInitiatives.filter((x) => oldInitiatives.includes(x));
  if (kept.join('\n') !== keptAfter.join('\n')) {
    add(
      { kind: 'initiative-reordered', projectId: pid, subject: null, fiscalYear: null, old: kept.join(' / '), new: keptAfter.join(' / '), summary: '取組の順序を変更' },
      'initiative-order',
    );
  }
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
          {
            kind: 'target-changed',
            projectId: pid,
            subject: ni.id,
            fiscalYear: nt.fiscalYear,
            old: ot.text,
            new: nt.text,
            quantities: { old: quantityOf(ot), new: quantityOf(nt) },
            summary: `${ni.name}の${fiscalYearLabel(nt.fiscalYear)}（${nt.fiscalYear}年度）の目標を${quote(ot.text)}から${quote(nt.text)}に変更`,
          },
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
      // A field that appears or disappears is an addition or a removal, not a change from 0 characters.
      const summary =
        size(o[key]) === 0 ? `${label}を追加（${size(n[key])}字）` : size(n[key]) === 0 ? `${label}を削除（${size(o[key])}字）` : `${label}を変更（${size(o[key])}字→${size(n[key])}字）`;
      add({ kind: 'text-changed', projectId: pid, subject: label, fiscalYear: null, old: o[key], new: n[key], summary }, `text/${key}`);
    }
  }
}

// Made once: `localeCompare` with options builds a collator on every call, which made sorting the
// changes most of the diff's time.
const PLAN_NUMBERS = new Intl.Collator('en', { numeric: true });
const TEXTS = new Intl.Collator();

/** Where a change of the whole plan is, in words: `23 か所：1-1-1 主管課等、1-1-2 関係課等`. */
export function describePlaces(places: readonly ChangePlace[]): string {
  return `${places.length} か所：${places.map((p) => `${p.projectId} ${p.role}`).join('、')}`;
}

/** Computes the changelog from the older edition to the newer one. */
export function diffPlans(older: Plan, newer: Plan): Changelog {
  const changes: Change[] = [];
  const add = (change: NewChange, key: string) =>
    changes.push({
      id: change.projectId === null ? `${change.kind}/${key}` : `${change.kind}/${change.projectId}/${key}`,
      kind: change.kind,
      projectId: change.projectId,
      places: change.places ?? null,
      subject: change.subject,
      fiscalYear: change.fiscalYear,
      old: change.old,
      new: change.new,
      quantities: change.quantities ?? null,
      summary: change.summary,
      explainedBy: [],
    });

  const renames = departmentRenames(older, newer);
  const oldIds = new Set(older.projects.map((p) => p.id));
  const newIds = new Set(newer.projects.map((p) => p.id));
  // A 【再掲】 listing repeats a project printed elsewhere: its changes are the original's, so it is
  // never a project added, removed or changed of its own.
  const removed = older.projects.filter((p) => !newIds.has(p.id) && p.repostOf === null);
  const added = newer.projects.filter((p) => !oldIds.has(p.id) && p.repostOf === null);

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
  const renamed = new Map<string, { to: string; places: ChangePlace[] }>();
  const renamedAt = (from: string, to: string, place: ChangePlace) => {
    const entry = renamed.get(from) ?? renamed.set(from, { to, places: [] }).get(from)!;
    entry.places.push(place);
  };
  for (const n of newer.projects) {
    const o = olderById.get(n.id);
    if (o && o.repostOf === null && n.repostOf === null) projectChanges(o, n, renames, add, renamedAt);
  }
  // A department renamed everywhere is one reorganisation, decided once: one change with its places
  // (in plan order), not one per sheet it stands on.
  for (const [from, { to, places }] of renamed) {
    add({ kind: 'department-renamed', projectId: null, places, subject: null, fiscalYear: null, old: from, new: to, summary: `課等の名称${quote(from)}を${quote(to)}に変更（${describePlaces(places)}）` }, from);
  }

  const since = older.edition.revisionDate;
  const revisions = newer.revisions.filter((r) => since === null || r.date > since);
  const entries: EntryCheck[] = revisions.flatMap((r) =>
    r.entries.map((e, i) => ({ ref: `${r.date}#${i + 1}`, date: r.date, planNumbers: e.planNumbers, planName: e.planName, summary: e.summary, matchedChanges: [] as string[] })),
  );
  const sentences = new Map(entries.map((e) => [e.ref, toSentences(e.summary)]));
  for (const change of changes) {
    const projects = new Set(projectsOf(change));
    for (const entry of entries) {
      if (namesOneOf(entry, projects) && explains(sentences.get(entry.ref)!, change)) {
        change.explainedBy.push(entry.ref);
        entry.matchedChanges.push(change.id);
      }
    }
  }
  pairReplacements(changes, entries, sentences);
  unexplainTruncations(changes, entries);
  const order = (c: Change) => CHANGE_KINDS.indexOf(c.kind);
  changes.sort((a, b) => PLAN_NUMBERS.compare(a.projectId ?? '', b.projectId ?? '') || order(a) - order(b) || TEXTS.compare(a.id, b.id));
  const totals = Object.fromEntries(CHANGE_KINDS.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<ChangeKind, number>;
  return {
    from: { id: older.edition.id, number: older.edition.number },
    to: { id: newer.edition.id, number: newer.edition.number },
    revisionDates: revisions.map((r) => r.date),
    changes,
    entries,
    unexplainedChanges: changes.filter((c) => c.explainedBy.length === 0).map((c) => c.id),
    // An entry about a project added since the older edition is part of that addition (its later revisions cannot be told apart).
    unmatchedEntries: entries.filter((e) => e.matchedChanges.length === 0 && !e.planNumbers.every((n) => added.some((p) => p.id === n))).map((e) => e.ref),
    totals,
  };
}

/** The part of a project a change is about, as a JSON pointer below the project (`/summary`, `/initiatives/2`). */
function partOf(change: Change, project: Project): string | null {
  switch (change.kind) {
    case 'target-changed':
    case 'indicator-added':
    case 'indicator-renamed': {
      const n = project.indicators.findIndex((i) => i.id === change.subject);
      return n >= 0 ? `/indicators/${n}` : '/indicators';
    }
    case 'indicator-removed':
      return '/indicators';
    case 'initiative-added':
    case 'initiative-changed': {
      const n = project.initiatives.findIndex((i) => i.name === change.subject);
      return n >= 0 ? `/initiatives/${n}` : '/initiatives';
    }
    case 'initiative-removed':
    case 'initiative-reordered':
      return '/initiatives';
    case 'department-added':
    case 'department-removed':
    case 'department-renamed':
      return departmentsPart(change.subject);
    case 'text-changed':
      return `/${FIELDS.find((f) => f.label === change.subject)?.key ?? ''}`;
    case 'project-renamed':
    case 'project-ended':
      return '/name';
    default:
      return null;
  }
}

/** The departments of a role, as a JSON pointer below the project. */
function departmentsPart(role: string | null): string {
  return role === '関係課等' ? '/relatedDepartments' : '/leadDepartments';
}

/**
 * Where a change is in the newer edition's text: the lines of the part it is about (an indicator's or
 * initiative's row, the table, the departments, the text), else the project's sheet or list entry. A
 * change of the whole plan is shown at its first place, where a person starts reading it.
 */
function positionOf(change: Change, newer: Plan, sourceMap: ReadonlyMap<string, Position>, indexes: ReadonlyMap<string, number>): Position | null {
  const first = change.places?.[0] ?? null;
  const projectId = change.projectId ?? first?.projectId ?? null;
  const index = projectId === null ? undefined : indexes.get(projectId);
  if (index === undefined) return null;
  const project = `/projects/${index}`;
  const part = first ? departmentsPart(first.role) : partOf(change, newer.projects[index]!);
  const exact = part === null ? undefined : sourceMap.get(`${project}${part}`);
  if (exact) return exact;
  const whole = newer.projects[index]!.source.sheet ?? newer.projects[index]!.source.list;
  return whole ? linesPosition(whole.startLine, whole.endLine) : null;
}

function excerpt(text: string | null, length = 40): string {
  const flat = (text ?? '').replace(/\s*\n\s*/g, ' ');
  return [...flat].length > length ? `${[...flat].slice(0, length).join('')}…` : flat;
}

/**
 * The changes no revision entry explains, as findings on the newer edition (`review/unexplained-change`,
 * reviewable): each positioned at the changed thing in the newer text, with the finding id of the
 * change read as it is (`findingId(code, change id, [old, new])`, and for a change of the whole plan
 * its places too: `[old, new, places]`), so a different reading of the same change — a department
 * renamed in fewer places — is a new finding.
 */
export function findUnexplainedChanges(changelog: Changelog, newer: Plan, sourceMap: ReadonlyMap<string, Position>): Diagnostic[] {
  const indexes = new Map<string, number>();
  newer.projects.forEach((p, i) => indexes.has(p.id) || indexes.set(p.id, i));
  const file = newer.edition.source.fileName;
  const cut = truncations(changelog.changes);
  return changelog.changes
    .filter((c) => c.explainedBy.length === 0)
    .map((change) => {
      const topic = topicOf(change);
      const mentions = EXPLANATION_RULES.filter((r) => r.explains.includes(topic) && !r.replaces).map((r) => ({
        ja: r.mentionsJa,
        en: r.mentions,
      }));
      const projects = new Set(projectsOf(change));
      const naming = changelog.entries.filter((e) => namesOneOf(e, projects));
      const position = positionOf(change, newer, sourceMap, indexes);
      if (change.places !== null) {
        // A change of the whole plan: its entries are many (any naming one of its projects), so only their refs.
        return diagnose(
          'review/unexplained-change',
          'unexplainedEverywhere',
          { edition: changelog.to.id, projects: projects.size, mentions, naming: naming.map((e) => e.ref), change: change.summary },
          { file, position, subject: null, finding: findingId('review/unexplained-change', change.id, [change.old, change.new, change.places]) },
        );
      }
      return diagnose(
        'review/unexplained-change',
        'unexplained',
        {
          edition: changelog.to.id,
          project: change.projectId,
          mentions,
          naming: naming.map((e) => ({ ref: e.ref, excerpt: excerpt(e.summary) })),
          change: change.summary,
          cut: cut.has(change),
        },
        {
          file,
          position,
          subject: change.projectId,
          finding: findingId('review/unexplained-change', change.id, [change.old, change.new]),
        },
      );
    });
}
