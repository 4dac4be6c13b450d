/**
 * Stage `model`: `PlanDocument` → `Plan`. Gives the parsed nodes their meaning: ASCII ids from printed
 * numbers, normalised text, numbers and units from target cells, fiscal years from slots, the
 * edition number from the revision history, 【再掲】 links, and list and sheet joined per project.
 * Also returns a source map (JSON pointer → source position) so later checks can point at lines.
 */
import { diagnose, findingId, type Diagnostic, type Position } from '../diagnostics.js';
import type { CellNode, OutlineEntryNode, PlanDocument, PrintedText, SheetNode, TableRowNode } from '../read/document.js';
import type { Department, EditionMeta, Indicator, Initiative, LineRange, Measure, Plan, Policy, Project, Revision, Target } from './plan.js';
import { displayWidth, fiscalYearLabel, joinProse, nfkc, normalizeText, ownCopy, parseEraYearMonth, parseFiscalYearHeading, parsePlanNumber, removeLayoutSpaces } from '../common/text.js';
import { maxOf } from '../common/arrays.js';
import { PlanSourceMap } from './planSourceMap.js';

/** The plan, where each of its parts came from, and what could not be given meaning. */
export interface PlanResult {
  plan: Plan;
  /** JSON pointer of a model node → the source position it was read from. */
  sourceMap: ReadonlyMap<string, Position>;
  diagnostics: Diagnostic[];
}

/** The plan period when a text prints no year headings at all (FY2021–FY2025 for this plan). */
const DEFAULT_FIRST_YEAR = 2021;

/** From the start of the first node to the end of the last. */
function spanOf(nodes: readonly { position: Position }[]): Position {
  return { start: nodes[0]!.position.start, end: nodes[nodes.length - 1]!.position.end };
}

function range(position: Position): LineRange {
  return { startLine: position.start.line, endLine: position.end.line };
}

// The texts the plan keeps are its own copies (`ownCopy`) where they are cut from the text's lines
// (names, prose, as printed), which V8 keeps as views of the whole decoded text; a table's labels and
// cells are built character by character by the tokenizer, never views.

/** A name as the model keeps it: fragments joined, NFKC, layout spaces and tags removed. */
export function toName(text: PrintedText | null): string | null {
  if (!text) return null;
  const name = normalizeText(text.fragments.join('').replace(/【(再掲|計画終了)】/g, ''));
  return name === '' ? null : ownCopy(name);
}

/** Text as printed: the source fragments, their trailing layout spaces cut, joined by line breaks. */
export function asPrinted(text: PrintedText | null): string | null {
  if (!text) return null;
  const printed = text.fragments.map((f) => f.replace(/[\s\u3000]+$/, '')).join('\n').replace(/^[\s\u3000\n]+|[\s\u3000\n]+$/g, '');
  return printed === '' ? null : ownCopy(printed);
}

function toProse(text: PrintedText | null, fullWidth: number): string | null {
  if (!text) return null;
  const prose = joinProse(text.fragments, fullWidth);
  return prose === '' ? null : ownCopy(prose);
}

/** The widest printed line of each prose field across the document: the field's full line width. */
function proseWidths(doc: PlanDocument): Record<'summary' | 'objective' | 'indicatorRationale' | 'endReason' | 'revision', number> {
  const widest = (texts: (PrintedText | null)[]) =>
    maxOf(texts.flatMap((t) => t?.fragments ?? []).map((line) => displayWidth(line.trim())), 0);
  return {
    summary: widest(doc.sheets.map((s) => s.summary)),
    objective: widest(doc.sheets.map((s) => s.objective)),
    indicatorRationale: widest(doc.sheets.map((s) => s.indicatorRationale)),
    endReason: widest(doc.sheets.map((s) => s.endReason)),
    revision: widest((doc.revisions ?? []).flatMap((g) => g.entries.map((e) => e.summary))),
  };
}

/** A target cell that starts like a number (after a per-period word, `約` or a sign), in NFKC. */
const STARTS_LIKE_NUMBER = /^(?:[年月週日]|約)?[▲△+\-−]?\d/;

/** What a printed target cell says as a number: value, unit, qualifier and the period it counts per. */
export function parseTargetText(printed: string): Pick<Target, 'value' | 'unit' | 'qualifier' | 'per'> {
  const none = { value: null, unit: null, qualifier: null, per: null };
  const text = removeLayoutSpaces(nfkc(printed)).replace(/−/g, '-');
  // Durations printed in two units (`４分 7 秒`) become one number in the smaller unit.
  const duration = /^(\d+)(時間|分)(\d+)(分|秒)$/.exec(text);
  if (duration) {
    const factor = 60;
    return { value: Number(duration[1]) * factor + Number(duration[3]), unit: duration[4]!, qualifier: null, per: null };
  }
  const match = /^(年|月|週|日)?([▲△-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(.*?)(以上|以下|未満|超|以内|程度|減|増)?$/.exec(text);
  if (!match) return none;
  // A leading zero (`013`: the point of `0.13` lost) and three places after a point (`1.100`: a
  // comma read as a point) read two ways; neither is printed anywhere in the plan.
  if (/^0\d/.test(match[3]!) || (!match[3]!.includes(',') && match[3]!.length <= 3 && match[4]?.length === 4)) return none;
  const unit = match[5] ?? '';
  if (/\d/.test(unit)) return none;
  const magnitude = Number(match[3]!.replace(/,/g, '') + (match[4] ?? ''));
  return {
    value: match[2] ? -magnitude : magnitude,
    unit: unit === '' ? null : unit,
    qualifier: match[6] ?? null,
    per: match[1] ?? null,
  };
}

/** A target that reads as a number but most likely not the printed one, and why. */
interface DoubtfulNumber {
  slot: number;
  text: string;
  variant: 'overHundredPercent' | 'pointLost';
}

/**
 * Targets of one row whose number reads but is doubtful: a share above 100 % (`544％`: the point of
 * `54.4％` lost), or, in a row that prints decimals, a whole number ten times or more the row's
 * other numbers of the same unit (`30` beside `3.5`: the point of `3.0` lost). Neither occurs in
 * either real edition; a person confirms it against the PDF.
 */
export function doubtfulNumbers(targets: readonly Target[]): DoubtfulNumber[] {
  const numbers = targets
    .map((t, slot) => ({ slot, t }))
    // A merged cell once, at its first year.
    .filter(({ t }) => t.value !== null && t.text !== null && (t.span === null || t.span[0] === t.fiscalYear));
  const printsDecimals = numbers.some(({ t }) => /\./.test(nfkc(t.text!)));
  const doubts: DoubtfulNumber[] = [];
  for (const { slot, t } of numbers) {
    if (t.unit === '%' && t.value! > 100) {
      doubts.push({ slot, text: t.text!, variant: 'overHundredPercent' });
      continue;
    }
    if (!printsDecimals || /\./.test(nfkc(t.text!))) continue;
    const others = numbers.filter((o) => o.slot !== slot && o.t.unit === t.unit && o.t.text !== t.text).map((o) => Math.abs(o.t.value!));
    if (others.length > 0 && Math.abs(t.value!) >= 10 * Math.max(...others)) doubts.push({ slot, text: t.text!, variant: 'pointLost' });
  }
  return doubts;
}

function toTargets(row: TableRowNode, years: readonly number[]): Target[] {
  return years.map((fiscalYear, slot) => {
    const cell: CellNode | undefined = row.placed ? row.cells.find((c) => c.slots && c.slots[0] <= slot && slot <= c.slots[1]) : undefined;
    if (!cell || !cell.slots) return { fiscalYear, text: null, value: null, unit: null, qualifier: null, per: null, span: null };
    const span: [number, number] | null = cell.slots[0] === cell.slots[1] ? null : [years[cell.slots[0]]!, years[cell.slots[1]]!];
    return { fiscalYear, text: cell.text.trim(), ...parseTargetText(cell.text), span };
  });
}

function toInitiative(row: TableRowNode, years: readonly number[]): Initiative {
  const yearTexts = row.placed
    ? row.cells.flatMap((cell) => {
        const [first, last] = cell.slots!;
        const span: [number, number] | null = first === last ? null : [years[first]!, years[last]!];
        return years.slice(first, last + 1).map((fiscalYear) => ({ fiscalYear, text: normalizeText(cell.text), span }));
      })
    : [];
  return {
    name: normalizeText(row.label.fragments.join('')),
    printedName: asPrinted(row.label) ?? '',
    yearTexts,
    unplacedTexts: row.placed ? [] : row.cells.map((c) => normalizeText(c.text)),
  };
}

function toDepartments(nodes: SheetNode['leadDepartments']): Department[] {
  return nodes.map((d) => ({ name: ownCopy(normalizeText(d.printed)), printedName: ownCopy(d.printed) })).filter((d) => d.name !== '');
}

/** The fiscal years of the plan period, read from the sheets' 年度ごとの取組 headings. */
function planYears(doc: PlanDocument, diagnostics: Diagnostic[]): number[] {
  const file = doc.source.fileName;
  const headed = doc.sheets.filter((sheet) => sheet.yearHeadings.length > 0);
  const parsed = headed.map((sheet) => sheet.yearHeadings.map((h) => parseFiscalYearHeading(h.printed)));
  const consecutive = (years: (number | null)[]) => years.every((y, i) => y !== null && (i === 0 || y === years[i - 1]! + 1));
  // The years most sheets print: one sheet's headings damaged (a year lost) must not set the plan's
  // years, or every other sheet would be the one reported, far from the damage.
  const keys = parsed.map((years) => (consecutive(years) ? years.join() : null));
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const years = best === undefined ? null : best.split(',').map(Number);
  headed.forEach((sheet, i) => {
    if (keys[i] === best) return;
    diagnostics.push(
      diagnose(
        'sheet/bad-year-heading',
        'notConsecutive',
        { expected: years ? years.map(fiscalYearLabel) : null, found: sheet.yearHeadings.map((h) => h.printed) },
        { file, position: sheet.yearHeadings[0]!.position },
      ),
    );
  });
  return years ?? [0, 1, 2, 3, 4].map((i) => DEFAULT_FIRST_YEAR + i);
}

/** Gives the parsed document its meaning as a `Plan`, using the edition metadata for what the text does not say. */
export function toPlan(doc: PlanDocument, meta: EditionMeta): PlanResult {
  const file = doc.source.fileName;
  const diagnostics: Diagnostic[] = [];
  const sourceMap = new PlanSourceMap();
  const years = planYears(doc, diagnostics);
  const widths = proseWidths(doc);

  const policies: Policy[] = doc.outline.map((p) => ({
    id: String(p.number),
    name: toName(p.name) ?? '',
    printedName: asPrinted(p.name) ?? '',
    source: range(p.position),
  }));
  const measures: Measure[] = doc.outline.flatMap((p) =>
    p.measures.map((m) => ({
      id: `${p.number}-${m.number}`,
      policyId: String(p.number),
      name: toName(m.name) ?? '',
      printedName: asPrinted(m.name) ?? '',
      source: range(m.position),
    })),
  );
  doc.outline.forEach((p, i) => sourceMap.setOther(`/policies/${i}`, p.position));

  const listed = new Map<string, OutlineEntryNode>();
  for (const p of doc.outline) for (const m of p.measures) for (const e of m.entries) listed.set(`${p.number}-${m.number}-${e.ordinal}`, e);

  const sheets = new Map<string, SheetNode>();
  for (const sheet of doc.sheets) {
    if (!sheet.number) continue;
    const id = parsePlanNumber(sheet.number.printed);
    if (!id) {
      diagnostics.push(
        diagnose('sheet/bad-number', 'unreadable', { printed: sheet.number.printed }, {
          file,
          position: sheet.number.position,
        }),
      );
      continue;
    }
    if (sheets.has(id)) {
      diagnostics.push(
        diagnose('sheet/duplicate-number', 'another', { id, line: sheets.get(id)!.position.start.line }, {
          file,
          position: sheet.number.position,
          subject: id,
        }),
      );
      continue;
    }
    sheets.set(id, sheet);
  }

  const ids = [...new Set([...listed.keys(), ...sheets.keys()])].sort(compareIds);
  const projects: Project[] = ids.map((id, index) => {
    const sheet = sheets.get(id) ?? null;
    const entry = listed.get(id) ?? null;
    const tags = new Set([...(sheet?.tags ?? []), ...(entry?.tags ?? [])]);
    // Where each part of a sheet was read, so a change or error about it points at its lines rather
    // than at the whole sheet.
    const parts = new Map<string, Position>();
    const targetCells: (Position | undefined)[][] = [];
    sourceMap.setProject(index, {
      self: sheet?.position ?? entry?.position ?? null,
      parts,
      initiatives: sheet ? sheet.initiatives.map((row) => row.position) : [],
      indicators: sheet ? sheet.indicators.map((row) => row.position) : [],
      targets: targetCells,
    });
    if (sheet) {
      const spans: [string, readonly { position: Position }[]][] = [
        ['name', sheet.name ? [sheet.name] : []],
        ['leadDepartments', sheet.leadDepartments],
        ['relatedDepartments', sheet.relatedDepartments],
        ['summary', sheet.summary ? [sheet.summary] : []],
        ['objective', sheet.objective ? [sheet.objective] : []],
        ['initiatives', sheet.initiatives],
        ['indicators', sheet.indicators],
        ['indicatorRationale', sheet.indicatorRationale ? [sheet.indicatorRationale] : []],
        ['endReason', sheet.endReason ? [sheet.endReason] : []],
      ];
      for (const [key, nodes] of spans) if (nodes.length > 0) parts.set(key, spanOf(nodes));
    }
    const indicators: Indicator[] = (sheet?.indicators ?? []).map((row, n) => {
      const cells: (Position | undefined)[] = (targetCells[n] = []);
      row.cells.forEach((cell) => {
        if (cell.slots) for (let s = cell.slots[0]; s <= cell.slots[1]; s++) cells[s] = cell.position;
      });
      const name = normalizeText(row.label.fragments.join(''));
      // A cell that starts like a number but does not read as one (`７，3０００`, `７，0　００`: a digit
      // lost, doubled or spaced apart) would publish its text with no value: a person must look.
      for (const cell of row.placed ? row.cells : []) {
        if (STARTS_LIKE_NUMBER.test(nfkc(cell.text).trim()) && parseTargetText(cell.text).value === null) {
          diagnostics.push(
            diagnose('table/unreadable-number', 'noValue', { label: name, cell: cell.text.trim() }, {
              file,
              position: cell.position,
              subject: id,
              finding: findingId('table/unreadable-number', `${id}/indicator`, [name, cell.text]),
            }),
          );
        }
      }
      const targets = toTargets(row, years);
      for (const doubt of doubtfulNumbers(targets)) {
        const where = {
          file,
          position: cells[doubt.slot] ?? row.position,
          subject: id,
          finding: findingId('table/doubtful-number', `${id}/indicator`, [name, doubt.text, targets.map((t) => t.text)]),
        };
        const params = { label: name, cell: doubt.text };
        diagnostics.push(
          doubt.variant === 'pointLost'
            ? diagnose('table/doubtful-number', 'pointLost', params, where)
            : diagnose('table/doubtful-number', 'overHundredPercent', params, where),
        );
      }
      return {
        id: `${id}/${n + 1}`,
        name,
        printedName: asPrinted(row.label) ?? '',
        targets,
        unplacedTexts: row.placed ? [] : row.cells.map((c) => c.text.trim()),
        source: range(row.position),
      };
    });
    return {
      id,
      measureId: id.split('-').slice(0, 2).join('-'),
      name: toName(sheet?.name ?? null),
      listedName: toName(entry?.name ?? null),
      status: tags.has('計画終了') ? 'ended' : 'active',
      repostOf: null,
      leadDepartments: toDepartments(sheet?.leadDepartments ?? []),
      relatedDepartments: toDepartments(sheet?.relatedDepartments ?? []),
      summary: toProse(sheet?.summary ?? null, widths.summary),
      objective: toProse(sheet?.objective ?? null, widths.objective),
      initiatives: (sheet?.initiatives ?? []).map((row) => toInitiative(row, years)),
      indicators,
      indicatorRationale: toProse(sheet?.indicatorRationale ?? null, widths.indicatorRationale),
      endReason: toProse(sheet?.endReason ?? null, widths.endReason),
      printed: {
        name: asPrinted(sheet?.name ?? null),
        listedName: asPrinted(entry?.name ?? null),
        summary: asPrinted(sheet?.summary ?? null),
        objective: asPrinted(sheet?.objective ?? null),
        indicatorRationale: asPrinted(sheet?.indicatorRationale ?? null),
        endReason: asPrinted(sheet?.endReason ?? null),
      },
      source: { sheet: sheet ? range(sheet.position) : null, list: entry ? range(entry.position) : null },
    };
  });

  // A 【再掲】 sheet repeats the first project of the same name that is not itself a repost.
  const isRepost = (id: string) => (sheets.get(id)?.tags ?? []).includes('再掲') || (listed.get(id)?.tags ?? []).includes('再掲');
  const originals = new Map<string, string>();
  for (const p of projects) {
    const name = p.name ?? p.listedName;
    if (name && !isRepost(p.id) && !originals.has(name)) originals.set(name, p.id);
  }
  for (const project of projects) {
    if (isRepost(project.id)) project.repostOf = originals.get(project.name ?? project.listedName ?? '') ?? null;
  }

  const revisions: Revision[] = (doc.revisions ?? []).map((group, g) => {
    const date = parseEraYearMonth(group.date.printed);
    sourceMap.setOther(`/revisions/${g}`, group.position);
    if (!date) {
      diagnostics.push(
        diagnose('revision/bad-date', 'unreadable', { printed: group.date.printed }, {
          file,
          position: group.date.position,
        }),
      );
    }
    return {
      date: date ?? '',
      printedDate: normalizeText(group.date.printed),
      entries: group.entries.map((e, i) => {
        sourceMap.setOther(`/revisions/${g}/entries/${i}`, e.position);
        return {
          planNumbers: e.numbers.map((n) => parsePlanNumber(n.printed) ?? normalizeText(n.printed)),
          planName: toName(e.name),
          summary: toProse(e.summary, widths.revision),
          printed: { planName: asPrinted(e.name), summary: asPrinted(e.summary) },
          source: range(e.position),
        };
      }),
      source: range(group.position),
    };
  });

  const dates = revisions.map((r) => r.date).filter((d) => d !== '');
  // The 改訂履歴 lists its revisions oldest first, the last one the edition's own: a date that
  // breaks the order, or a last date other than the edition's month, is a misread digit (`令和６年
  // ８月`) that would be published as the revision's date.
  revisions.forEach((revision, g) => {
    const previous = revisions[g - 1]?.date;
    if (revision.date !== '' && previous && previous >= revision.date) {
      diagnostics.push(
        diagnose('revision/out-of-order', 'notAfterPrevious', { printed: revision.printedDate, previous }, {
          file,
          position: doc.revisions![g]!.date.position,
          finding: findingId('revision/out-of-order', revision.date, [previous, revision.date]),
        }),
      );
    }
  });
  // Within a date the entries follow their first project numbers (every date of the real 改訂履歴 does):
  // a number out of that order is a misread digit (`２-2-(10)` read as `２-2-(1)`), and would tie
  // the entry, and the changes it explains, to another project.
  revisions.forEach((revision, g) => {
    // An entry's first number: the numbers after it are the 【再掲】 copies of the same project.
    const numbers = revision.entries.flatMap((entry, i) => entry.planNumbers.slice(0, 1).filter((n) => /^\d+-\d+-\d+$/.test(n)).map((n) => ({ n, i })));
    numbers.forEach(({ n, i }, k) => {
      const previous = numbers[k - 1]?.n;
      if (previous === undefined || compareIds(previous, n) < 0) return;
      const at = {
        file,
        position: doc.revisions![g]!.entries[i]!.position,
        subject: n,
        finding: findingId('revision/out-of-order', `${revision.date}/${n}`, [previous, n, revision.entries[i]!.planName]),
      };
      // The same project twice in a row is an entry printed twice as often as a misread number.
      diagnostics.push(
        previous === n
          ? diagnose('revision/out-of-order', 'entryTwice', { number: n, date: revision.date }, at)
          : diagnose('revision/out-of-order', 'entryNotAfterPrevious', { number: n, previous, date: revision.date }, at),
      );
    });
  });
  const lastDate = revisions.at(-1)?.date;
  if (lastDate && /^\d{4}-\d{2}$/.test(meta.id) && lastDate !== meta.id) {
    diagnostics.push(
      diagnose('revision/out-of-order', 'notEdition', { printed: revisions.at(-1)!.printedDate, edition: meta.id }, {
        file,
        position: doc.revisions!.at(-1)!.date.position,
        finding: findingId('revision/out-of-order', meta.id, [lastDate]),
      }),
    );
  }
  const first = years[0]!;
  const last = years.at(-1)!;
  const plan: Plan = {
    edition: {
      id: meta.id,
      number: doc.revisions === null ? 1 : revisions.length + 1,
      revisionDate: dates.length > 0 ? [...dates].sort().at(-1)! : null,
      title: meta.title,
      titleSource: 'metadata',
      municipality: meta.municipality,
      planPeriod: { startFiscalYear: first, endFiscalYear: last, startDate: `${first}-04-01`, endDate: `${last + 1}-03-31` },
      license: meta.license,
      baseIri: meta.baseIri,
      source: {
        fileName: doc.source.fileName,
        sha256: doc.source.sha256,
        byteLength: doc.source.byteLength,
        lineCount: doc.source.lineCount,
        encoding: doc.source.encoding,
        bom: doc.source.bom,
        lineEnding: doc.source.lineEnding,
      },
    },
    policies,
    measures,
    projects,
    revisions,
  };
  return { plan, sourceMap, diagnostics };
}

/** Orders ids like `1-2-10` numerically, part by part. */
export function compareIds(a: string, b: string): number {
  const pa = a.split('-').map(Number);
  const pb = b.split('-').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
