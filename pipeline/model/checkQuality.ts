/**
 * Stage `quality` (and `report`): `PlanDocument` + `Plan` → `QualityReport`. Says where the document disagrees with itself
 * (list vs sheets, 【再掲】 copies vs originals, revision history vs projects, banners vs list), which
 * sheets lack sections, and how every source line was accounted for (coverage). Nothing here
 * changes the plan: the data keeps what the document says, the report says where it disagrees.
 */
import { diagnose, findingId, linesPosition, RULES, sortDiagnostics, type Diagnostic, type Position } from '../diagnostics.js';
import { SHEET_SECTIONS, type OutlineEntryNode, type PlanDocument, type SheetNode } from '../read/document.js';
import type { Plan, Project } from './plan.js';
import { compactText, fiscalYearLabel, normalizeText, parsePlanNumber } from '../common/text.js';
import { findTargetDoubt } from './targetDirection.js';
import { compareIds, toName } from './toPlan.js';

/** How the non-blank lines of the source were used. */
export interface CoverageReport {
  lineCount: number;
  nonBlankLines: number;
  contentLines: number;
  furnitureLines: number;
  /** Furniture lines by kind (page-number, page-header, section-banner, list-header, …). */
  furnitureByKind: Record<string, number>;
  unaccounted: { line: number; text: string }[];
}

/** The data-quality report of one edition. */
export interface QualityReport {
  edition: string;
  sourceFile: string;
  totals: {
    sheets: number;
    repostSheets: number;
    projects: number;
    endedProjects: number;
    indicatorRows: number;
    targetsWithValue: number;
    revisionDates: number;
    revisionEntries: number;
  };
  coverage: CoverageReport;
  /** Every diagnostic of the edition (parse, model, schema and quality), sorted by position. */
  issues: Diagnostic[];
  /** Number of issues per rule code. */
  countsByRule: Record<string, number>;
}

const REQUIRED_SECTIONS = ['名称', '番号', '主管課等', '関係課等', '概要', '目指すもの', '年度ごとの取組', '取組内容'] as const;

/** The line of the sheet's 概要 or 目指すもの that is the 年度ごとの取組 heading read as text (`年 度ごとの取組 令和３年度 …`), or null. */
function headingInText(sheet: SheetNode): number | null {
  for (const text of [sheet.objective, sheet.summary]) {
    const last = text?.fragments.at(-1);
    if (text && last !== undefined && compactText(last).startsWith('年度ごとの取組')) return text.position.end.line;
  }
  return null;
}

function at(line: number | undefined): Position | null {
  return line === undefined ? null : { start: { line, column: 1 }, end: { line, column: 1 } };
}

const REPOST_FIELDS = ['name', 'leadDepartments', 'relatedDepartments', 'summary', 'objective', 'initiatives', 'indicators', 'indicatorRationale', 'endReason', 'status'] as const;
type RepostField = (typeof REPOST_FIELDS)[number];

/** What of a project's field a 【再掲】 copy must repeat (an indicator's id and lines are its own). */
function comparable(p: Project, key: RepostField): unknown {
  // printedName records how a copy's lines wrapped, not what it says: only published values count.
  switch (key) {
    case 'indicators':
      return p.indicators.map((i) => ({ name: i.name, targets: i.targets, unplacedTexts: i.unplacedTexts }));
    case 'initiatives':
      return p.initiatives.map((i) => ({ name: i.name, yearTexts: i.yearTexts, unplacedTexts: i.unplacedTexts }));
    case 'leadDepartments':
    case 'relatedDepartments':
      return p[key].map((d) => d.name);
    default:
      return p[key];
  }
}

/** The fields in which a 【再掲】 listing differs from its original project. */
export function repostDifferences(repost: Project, original: Project): RepostField[] {
  return REPOST_FIELDS.filter((key) => JSON.stringify(comparable(repost, key)) !== JSON.stringify(comparable(original, key)));
}

/**
 * Where a sheet prints the first difference of `field` from the other copy: the first table row whose
 * reading differs (the table's last row when the other copy has more rows), else the section.
 */
function firstDifference(field: RepostField, sheet: SheetNode | undefined, project: Project, other: Project): Position | null {
  if (!sheet) return null;
  if (field === 'initiatives' || field === 'indicators') {
    const mine = (comparable(project, field) as unknown[]).map((row) => JSON.stringify(row));
    const theirs = (comparable(other, field) as unknown[]).map((row) => JSON.stringify(row));
    const at = mine.findIndex((row, i) => row !== theirs[i]);
    const rows = sheet[field];
    return rows[at < 0 ? rows.length - 1 : Math.min(at, rows.length - 1)]?.position ?? null;
  }
  switch (field) {
    case 'name':
      return sheet.name?.position ?? null;
    case 'leadDepartments':
    case 'relatedDepartments':
      return sheet[field][0]?.position ?? null;
    case 'summary':
    case 'objective':
    case 'indicatorRationale':
    case 'endReason':
      return sheet[field]?.position ?? null;
    default:
      return null;
  }
}

/**
 * How the name of a department or other body ends: 〜課, 〜室, 〜館, 〜所, 〜センター, 〜課等, and the
 * bodies a plan may name beside the city's own (全庁, 各所属, 〜組合, 神奈川県, 会計管理者, 監査委員,
 * 〜グループ); a bracketed note after it (`（DX担当）`, `（仮称）`) is let through.
 */
const DEPARTMENT_END = /(?:課|室|局|部|所|館|園|院|署|校|会|班|係|庁|属|合|県|者|員|団|センター|担当|グループ|チーム|等)(?:[（(][^（()）]*[）)])?$/;

/** A sheet's heading words: a heading line read into the departments (`主管課等` printed twice) is no department. */
const HEADINGS: ReadonlySet<string> = new Set(SHEET_SECTIONS);

/**
 * True when a department's printed name reads as one: it ends as `DEPARTMENT_END` says, is no heading
 * word, and has no space between two Japanese characters (the extraction's space after a Latin word,
 * `DX 推進課`, is let through: it is not published).
 */
function readsAsDepartment(printed: string): boolean {
  const name = normalizeText(printed);
  return !/[^\x00-\x7f][ \u3000]+[^\x00-\x7f]/.test(printed.trim()) && DEPARTMENT_END.test(name) && !HEADINGS.has(name);
}

/** Where a section's content is printed in a sheet (from its first to its last node), or null when it has none. */
function sectionPosition(sheet: SheetNode, section: (typeof SHEET_SECTIONS)[number]): Position | null {
  const span = (nodes: readonly { position: Position }[]): Position | null =>
    nodes.length === 0 ? null : { start: nodes[0]!.position.start, end: nodes.at(-1)!.position.end };
  switch (section) {
    case '名称':
      return sheet.name?.position ?? null;
    case '番号':
      return sheet.number?.position ?? null;
    case '主管課等':
      return span(sheet.leadDepartments);
    case '関係課等':
      return span(sheet.relatedDepartments);
    case '概要':
      return sheet.summary?.position ?? null;
    case '目指すもの':
      return sheet.objective?.position ?? null;
    case '年度ごとの取組':
      return span(sheet.yearHeadings);
    case '取組内容':
      return span(sheet.initiatives);
    case '評価指標':
      return span(sheet.indicators);
    case '指標の考え方':
      return sheet.indicatorRationale?.position ?? null;
    case '終了理由':
      return sheet.endReason?.position ?? null;
  }
}

/** Checks the consistency of one edition and accounts for its lines. */
export function checkQuality(doc: PlanDocument, plan: Plan, earlier: readonly Diagnostic[]): QualityReport {
  const file = doc.source.fileName;
  const issues: Diagnostic[] = [...earlier];
  const byId = new Map(plan.projects.map((p) => [p.id, p]));
  // The first sheet of each id (a duplicate was already reported by toPlan) and each list entry.
  const sheets = new Map<string, SheetNode>();
  for (const sheet of doc.sheets) {
    const id = sheet.number ? parsePlanNumber(sheet.number.printed) : null;
    if (id && !sheets.has(id)) sheets.set(id, sheet);
  }
  const entries = new Map<string, OutlineEntryNode>(
    doc.outline.flatMap((p) => p.measures.flatMap((m) => m.entries.map((e): [string, OutlineEntryNode] => [`${p.number}-${m.number}-${e.ordinal}`, e]))),
  );

  for (const project of plan.projects) {
    const sheetLine = project.source.sheet?.startLine;
    const listLine = project.source.list?.startLine;
    const subject = project.id;
    if (!project.source.sheet) {
      issues.push(diagnose('quality/listed-without-sheet', 'none', { id: project.id }, { file, position: at(listLine), subject }));
    }
    if (!project.source.list) {
      // Where the 一覧 should print it: after the entry listed before it in its 事業推進計画 (or the
      // measure's own line), where a lost or misread line of the 一覧 is. One finding, at both places
      // — when that entry is the one numbered just before it (or it is the measure's first), so that one
      // line of the 一覧 is missing there; a number far past the 一覧's (a synthetic edition's
      // 62,000 repeated sheets) points at no line of it, and a second report each cost 250 MiB at 1000×.
      const [policyNumber, measureNumber, ordinal] = project.id.split('-').map(Number) as [number, number, number];
      // The listed entry of the same measure numbered highest below it (one pass over the 一覧's
      // entries: no copy or sort per sheet; the entry's own ordinal, not its id parsed again).
      const prefix = `${policyNumber}-${measureNumber}-`;
      let before: [string, OutlineEntryNode] | undefined;
      for (const entry of entries) {
        if (entry[0].startsWith(prefix) && entry[1].ordinal < ordinal && (!before || entry[1].ordinal > before[1].ordinal)) before = entry;
      }
      const measureNode = doc.outline.find((p) => p.number === policyNumber)?.measures.find((m) => m.number === measureNumber);
      const listAfter = before ? before[1].position.end.line : measureNode?.name.position.end.line;
      const adjacent = before ? before[1].ordinal === ordinal - 1 : ordinal === 1;
      const finding = findingId('quality/sheet-not-listed', subject, [project.name]);
      const params = { id: project.id, after: before ? before[0] : null, listLine: listAfter ?? null };
      if (listAfter !== undefined && adjacent) issues.push(diagnose('quality/sheet-not-listed', 'listGap', params, { file, position: at(listAfter), subject, finding }));
      issues.push(diagnose('quality/sheet-not-listed', 'none', params, { file, position: at(sheetLine), subject, finding }));
    }
    if (project.name && project.listedName && project.name !== project.listedName) {
      // Either copy may be the misread one: one finding, reported at both (the 一覧's line first).
      const finding = findingId('quality/list-sheet-name-mismatch', subject, [project.listedName, project.name]);
      const params = { listed: project.listedName, sheet: project.name, listLine: listLine ?? null, sheetLine: sheetLine ?? null };
      if (listLine !== undefined) issues.push(diagnose('quality/list-sheet-name-mismatch', 'listDiffers', params, { file, position: at(listLine), subject, finding }));
      issues.push(diagnose('quality/list-sheet-name-mismatch', 'differs', params, { file, position: at(sheetLine), subject, finding }));
    }
    const sheet = sheets.get(project.id);
    const entry = entries.get(project.id);
    if (sheet && entry && [...sheet.tags].sort().join() !== [...entry.tags].sort().join()) {
      issues.push(
        diagnose(
          'quality/list-sheet-tag-mismatch',
          'differs',
          { listed: [...entry.tags], sheet: [...sheet.tags] },
          { file, position: at(sheetLine), subject, finding: findingId('quality/list-sheet-tag-mismatch', subject, [[...entry.tags], [...sheet.tags]]) },
        ),
      );
    }
    if (sheet) {
      const measureId = sheet.bannerPolicy !== null && sheet.bannerMeasure !== null ? `${sheet.bannerPolicy}-${sheet.bannerMeasure}` : null;
      if (measureId !== null && measureId !== project.measureId) {
        issues.push(
          diagnose('quality/banner-mismatch', 'sheetUnder', { id: project.id, measure: project.measureId, found: measureId }, {
            file,
            position: at(sheetLine),
            subject,
            finding: findingId('quality/banner-mismatch', subject, [project.measureId, measureId]),
          }),
        );
      }
      const sections = new Set(sheet.sections);
      const required: string[] = [...REQUIRED_SECTIONS];
      if (sections.has('評価指標')) required.push('指標の考え方');
      for (const section of required.filter((s) => !sections.has(s))) {
        // A table heading missing where its companion is printed means the table's lines were lost:
        // what the sheet publishes would change, so it stops the edition until a person looks.
        if (section === '取組内容' && sections.has('年度ごとの取組')) {
          issues.push(
            diagnose('sheet/lost-section', 'noInitiatives', { id: project.id }, {
              file,
              position: at(sheet.yearHeadings[0]?.position.start.line ?? sheetLine),
              subject,
              finding: findingId('sheet/lost-section', subject ?? project.id, [section, [...sections]]),
            }),
          );
        } else if (section === '年度ごとの取組' && headingInText(sheet) !== null) {
          // The heading line is there but did not read as one (`年 度ごとの取組 …`): it was read as the
          // end of the text above it, which would be published so. (A heading line lost outright
          // changes nothing that is published: the years are the plan's.)
          issues.push(
            diagnose('sheet/lost-section', 'noYearHeadings', { id: project.id }, {
              file,
              position: at(headingInText(sheet)!),
              subject,
              finding: findingId('sheet/lost-section', subject ?? project.id, [section, [...sections]]),
            }),
          );
        } else if (section === '年度ごとの取組' && sections.has('取組内容')) {
          // The heading line lost outright: the years are the plan's and the table still reads, so
          // nothing published changes.
          issues.push(diagnose('sheet/missing-year-heading', 'none', { id: project.id }, { file, position: at(sheetLine), subject }));
        } else {
          // A heading misread (`慨要`, `目指すも`) or lost moves its text into the section above it,
          // which would be published so: a person decides, as for the lost sections above. Reported
          // at that section's text, where the heading's line was.
          const above = SHEET_SECTIONS.slice(0, SHEET_SECTIONS.indexOf(section as (typeof SHEET_SECTIONS)[number])).filter((s) => sections.has(s)).at(-1) ?? null;
          const where = above ? sectionPosition(sheet, above) : null;
          issues.push(
            diagnose('sheet/missing-section', 'none', { section, id: project.id, above: where ? above : null, from: where?.start.line ?? null, to: where?.end.line ?? null }, {
              file,
              position: where ?? at(sheetLine),
              subject,
              // The section alone: another heading lost is a finding of its own.
              finding: findingId('sheet/missing-section', subject, [section]),
            }),
          );
        }
      }
      if (sections.has('指標の考え方') && !sections.has('評価指標')) {
        issues.push(
          diagnose('sheet/lost-section', 'noIndicators', { id: project.id }, {
            file,
            position: at(sheet.indicatorRationale?.position.start.line ?? sheetLine),
            subject,
            finding: findingId('sheet/lost-section', subject ?? project.id, ['評価指標', [...sections]]),
          }),
        );
      }
    }
    if (project.status === 'ended' && project.source.sheet && !project.endReason) {
      issues.push(
        diagnose('quality/ended-without-reason', 'none', { id: project.id }, { file, position: at(sheetLine), subject }),
      );
    }
    const isRepost = (sheet?.tags ?? []).includes('再掲') || (entry?.tags ?? []).includes('再掲');
    if (isRepost && !project.repostOf) {
      issues.push(
        diagnose('quality/repost-without-original', 'none', { id: project.id, name: project.name ?? project.listedName }, {
          file,
          position: at(sheetLine ?? listLine),
          subject,
          finding: findingId('quality/repost-without-original', subject, [project.name, project.listedName]),
        }),
      );
    }
    if (project.repostOf) {
      const original = byId.get(project.repostOf)!;
      const differing = repostDifferences(project, original);
      if (differing.length > 0) {
        // Either copy may be the misread one, and a first edition has nothing else to tell which:
        // what is published could change, so a person decides. The finding points at the first place
        // the two differ in the 【再掲】 copy and names the original's line; its id holds both copies'
        // values, so a decision goes stale when either copy changes.
        const here = firstDifference(differing[0]!, sheet, project, original) ?? at(sheetLine);
        const there = firstDifference(differing[0]!, sheets.get(original.id), original, project) ?? at(original.source.sheet?.startLine);
        const fields = Object.fromEntries(differing.map((key) => [key, [comparable(project, key), comparable(original, key)]]));
        const finding = findingId('quality/repost-differs', subject, [original.id, fields]);
        const params = { id: project.id, original: original.id, fields: differing, line: here?.start.line ?? null, originalLine: there?.start.line ?? null };
        // One finding at both copies, so each place a line may have been lost is named where it is.
        issues.push(diagnose('quality/repost-differs', 'differs', params, { file, position: here, subject, finding }));
        if (there) issues.push(diagnose('quality/repost-differs', 'originalDiffers', params, { file, position: there, subject, finding }));
      }
    }
  }

  // Targets that rise and then fall (or the other way), or two that fall: two cells in the other
  // order or a misread digit, published under the wrong years. A 【再掲】 copy is held to its original.
  for (const project of plan.projects) {
    if (project.repostOf) continue;
    project.indicators.forEach((indicator, k) => {
      const doubt = findTargetDoubt(indicator);
      if (!doubt) return;
      const row = sheets.get(project.id)?.indicators[k];
      const targets = doubt.targets.map((t) => ({ year: fiscalYearLabel(t.fiscalYear), text: t.text ?? '' }));
      const params = { id: project.id, name: indicator.name, targets, at: doubt.at };
      const where = {
        file,
        position: row?.position ?? linesPosition(indicator.source.startLine, indicator.source.endLine),
        subject: indicator.id,
        finding: findingId('quality/targets-direction', indicator.id, [indicator.name, targets]),
      };
      issues.push(doubt.kind === 'turns' ? diagnose('quality/targets-direction', 'turns', params, where) : diagnose('quality/targets-direction', 'twoFall', params, where));
    });
  }

  // Two department names run together (`国保年金課生活援護課`: the 、 between them lost) would be
  // published as one department that does not exist: a name made of two department names is a doubt.
  const departments = new Set(plan.projects.flatMap((p) => [...p.leadDepartments, ...p.relatedDepartments].map((d) => d.name)));
  // Each half printed on its own elsewhere, or a whole 〜課 name (`国保年金課生活援護課`;
  // `総合政策課ほか各会議主管課等` is one name: its second half starts with ほか).
  const isDepartment = (part: string) => departments.has(part) || /^[^、,，]{2,}課$/.test(part);
  for (const [id, sheet] of sheets) {
    for (const node of [...sheet.leadDepartments, ...sheet.relatedDepartments]) {
      // A text that reads as no department at all (a heading line printed twice) is
      // `sheet/not-a-department`'s: read as two names joined, it would be given the wrong cause.
      if (!readsAsDepartment(node.printed)) continue;
      const name = normalizeText(node.printed);
      const split = [...name].findIndex(
        (_, k) => k > 0 && isDepartment(name.slice(0, k)) && isDepartment(name.slice(k)) && !/^(?:ほか|の|及び|等)/.test(name.slice(k)),
      );
      if (split > 0) {
        const parts = [name.slice(0, split), name.slice(split)];
        issues.push(
          diagnose('sheet/departments-joined', 'joined', { name, parts }, {
            file,
            position: node.position,
            subject: id,
            finding: findingId('sheet/departments-joined', id, [name]),
          }),
        );
      }
    }
  }

  // A department is a name such as 〜課, 〜館, 〜所 or 〜課等, printed without a space inside (every one
  // of both real editions is). Anything else read into 主管課等/関係課等 would be published as a
  // department: the 概要 heading and its first line swapped put that line's phrases there
  // (`本市の行政サービスにおける様々な手続を`), the departments' line printed twice puts itself there
  // (`主管課等 図書館 関係課等`).
  for (const [id, sheet] of sheets) {
    for (const [section, nodes] of [['主管課等', sheet.leadDepartments], ['関係課等', sheet.relatedDepartments]] as const) {
      // The first such name of a section is reported (a prose line read there yields one per phrase);
      // the finding holds them all, so a decision about one (a real 全庁) does not pass another.
      const unlike = nodes.filter((n) => !readsAsDepartment(n.printed));
      const node = unlike[0];
      if (node) {
        issues.push(
          diagnose('sheet/not-a-department', 'unlike', { section, name: node.printed.trim() }, {
            file,
            position: node.position,
            subject: id,
            finding: findingId('sheet/not-a-department', id, [section, unlike.map((n) => n.printed.trim())]),
          }),
        );
      }
    }
  }

  // Sheets printed out of list order.
  const sheetOrder = doc.sheets.map((s) => (s.number ? parsePlanNumber(s.number.printed) : null)).filter((id): id is string => id !== null);
  sheetOrder.forEach((id, i) => {
    const previous = sheetOrder[i - 1];
    if (previous && compareIds(previous, id) > 0) {
      issues.push(
        diagnose('quality/sheet-out-of-order', 'after', { id, previous }, {
          file,
          position: at(byId.get(id)?.source.sheet?.startLine),
          subject: id,
        }),
      );
    }
  });

  // Banners over the sheets against the names in the list.
  for (const banner of doc.banners) {
    const listedName =
      banner.kind === 'policy'
        ? plan.policies.find((p) => p.id === String(banner.policyNumber))?.name
        : plan.measures.find((m) => m.id === `${banner.policyNumber}-${banner.measureNumber}`)?.name;
    const bannerName = toName(banner.name);
    if (listedName !== bannerName) {
      const what = banner.kind === 'policy' ? `基本方針${banner.policyNumber}` : `事業推進計画 ${banner.policyNumber}-${banner.measureNumber}`;
      const listLine =
        banner.kind === 'policy'
          ? plan.policies.find((p) => p.id === String(banner.policyNumber))?.source.startLine
          : plan.measures.find((m) => m.id === `${banner.policyNumber}-${banner.measureNumber}`)?.source.startLine;
      // Either copy may be the misread one: one finding, reported at both (the 一覧's line first).
      const finding = findingId('quality/banner-mismatch', what, [listedName ?? null, bannerName ?? null]);
      const params = { what, listed: listedName ?? null, banner: bannerName ?? null, listLine: listLine ?? null, bannerLine: banner.position.start.line };
      if (listLine !== undefined) issues.push(diagnose('quality/banner-mismatch', 'listName', params, { file, position: at(listLine), finding }));
      issues.push(diagnose('quality/banner-mismatch', 'bannerName', params, { file, position: banner.position, finding }));
    }
  }

  // The revision history against the projects of this edition.
  for (const revision of plan.revisions) {
    for (const entry of revision.entries) {
      for (const number of entry.planNumbers) {
        const project = byId.get(number);
        const position = at(entry.source.startLine);
        if (!project) {
          issues.push(
            diagnose('quality/revision-unknown-project', 'none', { number, date: revision.date }, {
              file,
              position,
              subject: number,
              finding: findingId('quality/revision-unknown-project', number, [revision.date, entry.planName]),
            }),
          );
          continue;
        }
        const names = [project.name, project.listedName].filter((n): n is string => n !== null);
        if (entry.planName && !names.includes(entry.planName)) {
          issues.push(
            diagnose('quality/revision-name-differs', 'differs', { number, date: revision.date, expected: names[0] ?? '', found: entry.planName }, {
              file,
              position,
              subject: number,
              finding: findingId('quality/revision-name-differs', number, [revision.date, names, entry.planName]),
            }),
          );
        }
      }
    }
  }

  const sorted = sortDiagnostics(issues);
  const countsByRule = countByRule(sorted);

  return {
    edition: plan.edition.id,
    sourceFile: file,
    totals: {
      sheets: doc.sheets.length,
      repostSheets: plan.projects.filter((p) => p.repostOf !== null).length,
      projects: plan.projects.filter((p) => p.repostOf === null).length,
      endedProjects: plan.projects.filter((p) => p.repostOf === null && p.status === 'ended').length,
      indicatorRows: plan.projects.reduce((n, p) => n + p.indicators.length, 0),
      targetsWithValue: plan.projects.reduce((n, p) => n + p.indicators.reduce((m, i) => m + i.targets.filter((t) => t.value !== null).length, 0), 0),
      revisionDates: plan.revisions.length,
      revisionEntries: plan.revisions.reduce((n, r) => n + r.entries.length, 0),
    },
    coverage: coverageOf(doc),
    issues: sorted,
    countsByRule,
  };
}

function countByRule(issues: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of issues) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
}

/** The report with the issues later stages found (the CSV and RDF checks), sorted and counted again. */
export function withIssues(report: QualityReport, more: readonly Diagnostic[]): QualityReport {
  if (more.length === 0) return report;
  const issues = sortDiagnostics([...report.issues, ...more]);
  return { ...report, issues, countsByRule: countByRule(issues) };
}

function coverageOf(doc: PlanDocument): CoverageReport {
  const furnitureByKind: Record<string, number> = {};
  let content = 0;
  let furniture = 0;
  // One role per line: a line given two keeps the first (`LineRoles`).
  for (const role of doc.lineRoles) {
    if (role.role === 'content') content++;
    else {
      furniture++;
      furnitureByKind[role.kind] = (furnitureByKind[role.kind] ?? 0) + 1;
    }
  }
  const unaccounted = doc.unaccounted;
  return {
    lineCount: doc.source.lineCount,
    nonBlankLines: content + furniture + unaccounted.length,
    contentLines: content,
    furnitureLines: furniture,
    furnitureByKind: Object.fromEntries(Object.entries(furnitureByKind).sort(([a], [b]) => a.localeCompare(b))),
    unaccounted,
  };
}

/** The rule catalog as documentation rows (code, severity, description), for reports and the README. */
export function ruleCatalog(): { code: string; severity: string; description: string }[] {
  return Object.entries(RULES).map(([code, rule]) => ({ code, severity: rule.severity, description: rule.description }));
}
