/**
 * Stage `jsonld`: `Plan` → the JSON-LD document of one edition (`plan.jsonld`). Same content as plan.json,
 * as linked data: every node gets a stable IRI (relative to the edition's base IRI, set by `@base`),
 * every key maps to an IRI through the context (schemas/context.jsonld, embedded in the document so it
 * loads with any JSON-LD processor's defaults, offline), and the edition's statements form one named
 * graph, named by the edition's IRI, so several editions can share a store and be compared. Values
 * the CSVs state too (one-line prose, labels, normalised target texts) come from `../values.ts`, so the
 * CSVs' RDF (through their CSVW metadata) is part of this graph.
 */
import { iriPaths as paths } from './iris.js';
import type { Plan, Project, Target } from '../../model/plan.js';
import { fiscalYearLabel } from '../../common/text.js';
import { oneLine, printedProjectNumber, repostedProject, targetText, yearMonthLabel } from '../values.js';
import { JSONLD_CONTEXT } from './vocabulary.js';
import { LazyNodes } from '../lazyNodes.js';

/** A JSON-LD node or value as written (nulls are left out: RDF has no null). */
type Json = string | number | boolean | Json[] | { [key: string]: Json };

/** Drops null-valued and empty-array keys (null means "not stated"). */
function compact(node: Record<string, unknown>): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value as Json;
  }
  return out;
}

function lines(range: { startLine: number; endLine: number } | null): Json | null {
  return range ? { '@type': 'LineRange', startLine: range.startLine, endLine: range.endLine } : null;
}

/**
 * A number in xsd:decimal's lexical form. jsonld.js writes a non-integral JSON number in xsd:double's
 * canonical form (`5.44E1`) even when the term is typed xsd:decimal, which is not a valid decimal.
 */
export function decimalLexical(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  const plain = String(value);
  return /e/i.test(plain) ? value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : plain;
}

/** A period's start and end as IMI 期間型 needs them (ic:開始日時, ic:終了日時), in Japan's time zone. */
function imiPeriod(startDate: string, endDate: string): { [key: string]: Json } {
  return {
    開始日時: { '@type': '日時型', 標準型日時: `${startDate}T00:00:00+09:00` },
    終了日時: { '@type': '日時型', 標準型日時: `${endDate}T23:59:59+09:00` },
  };
}

function target(projectId: string, n: number, t: Target): Json {
  return compact({
    '@id': paths.target(projectId, n, t.fiscalYear),
    '@type': ['数量型', 'Target'],
    fiscalYear: paths.fiscalYear(t.fiscalYear),
    text: targetText(t),
    printedText: t.text,
    value: t.value === null ? null : decimalLexical(t.value),
    unit: t.unit,
    qualifier: t.qualifier,
    per: t.per,
    spanStart: t.span?.[0] ?? null,
    spanEnd: t.span?.[1] ?? null,
  });
}

function project(p: Project, projectIds: ReadonlySet<string>): Json {
  const original = repostedProject(projectIds, p.repostOf);
  // Each department's part in the project is an IMI 関与 (participation) with its role, as a row of
  // project_departments.csv is; the department itself is one node wherever it takes part.
  const participation = (role: 'lead' | 'related') => (d: { name: string; printedName: string }, i: number) => ({
    '@id': paths.projectDepartment(p.id, role, i + 1),
    '@type': '関与型',
    role: role === 'lead' ? '主管' : '関係',
    order: i + 1,
    participant: compact({ '@id': paths.department(d.name), '@type': '組織型', name: d.name, printedName: d.printedName }),
  });
  return compact({
    '@id': paths.project(p.id),
    '@type': ['活動型', 'Project'],
    identifier: p.id,
    number: printedProjectNumber(p.id),
    measure: paths.measure(p.measureId),
    name: p.name,
    listedName: p.listedName,
    status: p.status,
    repostOf: original === null ? null : paths.project(original),
    participations: [...p.leadDepartments.map(participation('lead')), ...p.relatedDepartments.map(participation('related'))],
    summary: oneLine(p.summary),
    objective: oneLine(p.objective),
    initiatives: p.initiatives.map((ini, i) =>
      compact({
        '@id': paths.initiative(p.id, i + 1),
        '@type': 'Initiative',
        order: i + 1,
        name: ini.name,
        printedName: ini.printedName,
        yearTexts: [
          ...ini.yearTexts.map((y) =>
            compact({
              '@id': paths.initiativeText(p.id, i + 1, String(y.fiscalYear)),
              '@type': 'YearText',
              fiscalYear: paths.fiscalYear(y.fiscalYear),
              text: y.text,
              spanStart: y.span?.[0] ?? null,
              spanEnd: y.span?.[1] ?? null,
            }),
          ),
          // A text that could not be placed on one fiscal year is a year text without a fiscal year.
          ...ini.unplacedTexts.map((text, j) => ({ '@id': paths.initiativeText(p.id, i + 1, `unplaced-${j + 1}`), '@type': 'YearText', text })),
        ],
      }),
    ),
    indicators: p.indicators.map((ind, i) =>
      compact({
        '@id': paths.indicator(p.id, i + 1),
        '@type': 'Indicator',
        identifier: ind.id,
        order: i + 1,
        name: ind.name,
        printedName: ind.printedName,
        targets: ind.targets.map((t) => target(p.id, i + 1, t)),
        unplacedTexts: ind.unplacedTexts,
        source: lines(ind.source),
      }),
    ),
    indicatorRationale: oneLine(p.indicatorRationale),
    endReason: oneLine(p.endReason),
    printed: compact({ '@type': 'PrintedTexts', ...p.printed }),
    source: compact({ '@type': 'LineRange', sheet: lines(p.source.sheet), list: lines(p.source.list) }),
  });
}

/**
 * The JSON-LD document of one edition. `lazy`: its projects are made one at a time as a writer reaches
 * them (`LazyNodes`), for the build's writers; otherwise a plain array, for any JSON-LD processor.
 */
export function toJsonLd(plan: Plan, lazy = false): { [key: string]: Json } {
  const e = plan.edition;
  const projectIds = new Set(plan.projects.map((p) => p.id));
  const years: number[] = [];
  for (let y = e.planPeriod.startFiscalYear; y <= e.planPeriod.endFiscalYear; y++) years.push(y);

  const edition = compact({
    '@id': paths.edition(e.id),
    '@type': ['文書型', 'PlanEdition'],
    identifier: e.id,
    editionNumber: e.number,
    revisionDate: e.revisionDate,
    title: e.title,
    titleSource: e.titleSource,
    municipality: { '@id': paths.municipality(e.municipality.code), '@type': '組織型', code: e.municipality.code, name: e.municipality.name },
    planPeriod: {
      '@type': '期間型',
      startFiscalYear: e.planPeriod.startFiscalYear,
      endFiscalYear: e.planPeriod.endFiscalYear,
      startDate: e.planPeriod.startDate,
      endDate: e.planPeriod.endDate,
      ...imiPeriod(e.planPeriod.startDate, e.planPeriod.endDate),
    },
    // A licence is a document (IMI 文書型), so its name is its ic:表題.
    license: { '@id': e.license.url, '@type': ['文書型', 'Licence'], identifier: e.license.id, title: e.license.name, url: e.license.url, attribution: e.license.attribution },
    baseIri: e.baseIri,
    source: { '@type': 'SourceFile', ...e.source },
    policies: plan.policies.map((p) =>
      compact({ '@id': paths.policy(p.id), '@type': 'Policy', identifier: p.id, name: p.name, printedName: p.printedName, source: lines(p.source) }),
    ),
    measures: plan.measures.map((m) =>
      compact({
        '@id': paths.measure(m.id),
        '@type': 'Measure',
        identifier: m.id,
        policy: paths.policy(m.policyId),
        name: m.name,
        printedName: m.printedName,
        source: lines(m.source),
      }),
    ),
    projects:
      lazy && plan.projects.length > 0
        ? (new LazyNodes(
            plan.projects.map((p) => paths.project(p.id)),
            function* () {
              for (const p of plan.projects) yield project(p, projectIds) as { '@id': string };
            },
          ) as unknown as Json)
        : plan.projects.map((p) => project(p, projectIds)),
    revisions: plan.revisions.map((r) =>
      compact({
        '@id': paths.revision(r.date),
        '@type': 'Revision',
        date: r.date,
        dateLabel: yearMonthLabel(r.date),
        printedDate: r.printedDate,
        entries: r.entries.map((entry, i) =>
          compact({
            '@id': paths.revisionEntry(r.date, i + 1),
            '@type': 'RevisionEntry',
            order: i + 1,
            planNumbers: entry.planNumbers,
            aboutProjects: entry.planNumbers.filter((n) => projectIds.has(n)).map((n) => paths.project(n)),
            planName: entry.planName,
            summary: oneLine(entry.summary),
            printed: compact({ '@type': 'PrintedTexts', ...entry.printed }),
            source: lines(entry.source),
          }),
        ),
        source: lines(r.source),
      }),
    ),
  });

  const fiscalYears = years.map((y) => ({
    '@id': paths.fiscalYear(y),
    '@type': ['期間型', 'FiscalYear'],
    fiscalYearNumber: y,
    // A 期間型 is no 事物型, so IMI gives it no ic:表記: the 和暦 label is our own property.
    fiscalYearLabel: fiscalYearLabel(y),
    startDate: `${y}-04-01`,
    endDate: `${y + 1}-03-31`,
    ...imiPeriod(`${y}-04-01`, `${y + 1}-03-31`),
  }));

  return {
    // The context itself, not its URL: the document loads with any processor's defaults, offline.
    '@context': { ...JSONLD_CONTEXT['@context'], '@base': e.baseIri },
    '@id': paths.edition(e.id),
    '@graph': [edition, ...fiscalYears],
  };
}
