import { describe, expect, it } from 'vitest';
import { diagnose, linesPosition, type Diagnostic } from '../../pipeline/diagnostics.js';
import { awaitsReview, mayStopPublication, parseReviewFile, planSubjects, reviewEdition, reviewFilePath, subjectOfFinding, withoutPendingNote } from '../../pipeline/model/reviewEdition.js';

const FILE = 'seeds/2025-03/review.json';
const WHERE = { edition: '2025-03', reviewFile: FILE, compared: true };
const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value, null, 2));

/**
 * A finding as the diff makes it (a change of the whole plan: a department renamed everywhere, no
 * project of its own), and one as a parse rule makes it: the same mechanism for both.
 */
const change = diagnose(
  'review/unexplained-change',
  'unexplainedEverywhere',
  {
    edition: '2025-03',
    projects: 2,
    mentions: [{ ja: '組織改正、課の名称', en: '組織改正, 課の名称' }],
    naming: [],
    change: '課等の名称「情報システム課」を「デジタル推進課」に変更（2 か所：1-1-1 主管課等、1-1-3 関係課等）',
  },
  {
    file: 'x.txt',
    position: linesPosition(242, 242),
    subject: null,
    finding: 'review/unexplained-change@department-renamed/情報システム課~50019377',
  },
);
const cells = diagnose('table/unplaced-cells', 'ambiguous', { label: '開発登録簿の電子化', years: 5, cells: 4, spanning: 0 }, {
  file: 'x.txt',
  position: linesPosition(1286, 1286),
  subject: '2-2-3',
  finding: 'table/unplaced-cells@2-2-3/initiative~99d8ae30',
});
const plainError = diagnose('sheet/duplicate-number', 'another', { id: '1-1-1', line: 27 }, { file: 'x.txt', subject: '1-1-1' });
const warning = diagnose('sheet/missing-section', 'none', { section: '指標の考え方', id: '1-2-3', above: null, from: null, to: null }, { file: 'x.txt', subject: '1-2-3' });

const decision = (finding: string, verdict: 'accept' | 'reject', reason = 'checked against the text') => ({ finding, decision: verdict, reason, by: 'hadano-ict-plan maintainers', date: '2026-12-02' });
const reviewOf = (decisions: unknown[], edition = '2025-03') => parseReviewFile(encode({ $schema: '../../schemas/review.schema.json', edition, decisions }), FILE, edition);

describe('parseReviewFile', () => {
  it('reads a valid review file and the line of each decision', () => {
    const read = reviewOf([decision(change.finding!, 'accept'), { ...decision(cells.finding!, 'reject'), about: 'the 2-2-3 row' }]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.review.decisions.map((d) => [d.finding, d.decision, d.line])).toEqual([
      [change.finding, 'accept', 6],
      [cells.finding, 'reject', 13],
    ]);
  });

  it('reports a file that is not JSON, not UTF-8, off the schema, for another edition or deciding a finding twice', () => {
    const codes = (r: ReturnType<typeof parseReviewFile>) => (r.ok ? [] : r.diagnostics.map((d) => [d.code, d.severity, d.file]));
    expect(codes(parseReviewFile(encode('{"edition": '), FILE, '2025-03'))).toEqual([['review/invalid-file', 'error', FILE]]);
    expect(codes(parseReviewFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), FILE, '2025-03'))).toEqual([['review/invalid-file', 'error', FILE]]);
    const offSchema = reviewOf([{ ...decision(change.finding!, 'accept'), decision: 'maybe', date: '2 Dec' }]);
    expect(offSchema.ok).toBe(false);
    if (!offSchema.ok) expect(offSchema.diagnostics.map((d) => d.messageEn).join('\n')).toMatch(/field decision .*found: decision[\s\S]*field date .*found: date/);
    expect(parseReviewFile(encode({ edition: '2021', decisions: [] }), FILE, '2025-03')).toMatchObject({ ok: false, diagnostics: [{ code: 'review/invalid-file', messageEn: 'Expected the review file of edition 2025-03, found one for edition 「2021」', position: { start: { line: 2 } } }] });
    const twice = reviewOf([decision(change.finding!, 'accept'), decision(change.finding!, 'reject')]);
    expect(twice).toMatchObject({ ok: false, diagnostics: [{ code: 'review/invalid-file', messageEn: `Expected one decision per finding, found finding ${change.finding} decided twice` }] });
    // An empty decision, as `review <edition>` prints it for a person to fill in, is not a decision.
    expect(reviewOf([{ finding: change.finding, decision: '', reason: '', by: '', date: '' }]).ok).toBe(false);
  });

  it('puts the review file beside the edition text', () => {
    expect(reviewFilePath('seeds/2025-03/000_5b993dc6e4c545ce.txt')).toBe('seeds/2025-03/review.json');
  });
});

describe('reviewEdition', () => {
  const diagnostics: Diagnostic[] = [change, cells, plainError, warning];

  it('keeps every finding without a decision as a blocking error that names the review file', () => {
    const { diagnostics: out, summary } = reviewEdition(diagnostics, null, WHERE);
    expect(summary).toMatchObject({ status: 'pending', pending: 2, accepted: 0, rejected: 0, staleDecisions: [] });
    const pending = out.filter(awaitsReview);
    expect(pending.map((d) => d.finding)).toEqual([change.finding, cells.finding]);
    expect(pending[1]!.message).toBe(`${cells.message}（${FILE} で承認されるまで公開されません）`);
    expect(pending.map(withoutPendingNote).map((d) => [d.message, d.messageEn])).toEqual([change, cells].map((d) => [d.message, d.messageEn]));
    // The summary states each finding's message as its rule does, without the note.
    expect(summary.findings.map((f) => [f.message, f.messageEn])).toEqual([change, cells].map((d) => [d.message, d.messageEn]));
    expect(pending.every((d) => d.severity === 'error' && d.messageEn.endsWith(`; not published until accepted in ${FILE}`))).toBe(true);
    // Diagnostics that are not findings pass through untouched.
    expect(out).toContain(plainError);
    expect(out).toContain(warning);
  });

  it('turns an accepted finding into a note carrying the decision, whatever rule made it', () => {
    const read = reviewOf([decision(change.finding!, 'accept', 'organisational change'), decision(cells.finding!, 'accept', 'both texts kept unplaced')]);
    const { diagnostics: out, summary } = reviewEdition(diagnostics, read, WHERE);
    expect(summary).toMatchObject({ status: 'reviewed', pending: 0, accepted: 2 });
    const accepted = out.filter((d) => d.finding !== null);
    expect(accepted.map((d) => [d.code, d.severity, d.decision?.decision])).toEqual([
      ['review/unexplained-change', 'info', 'accept'],
      ['table/unplaced-cells', 'info', 'accept'],
    ]);
    expect(accepted[0]!.messageEn).toMatch(/; accepted by hadano-ict-plan maintainers on 2026-12-02: organisational change$/);
    expect(accepted[0]!.decision).toEqual({ decision: 'accept', reason: 'organisational change', by: 'hadano-ict-plan maintainers', date: '2026-12-02' });
    expect(accepted.some(mayStopPublication)).toBe(false);
    expect(summary.findings.map((f) => [f.finding, f.status, f.decision?.reason])).toEqual([
      [change.finding, 'accepted', 'organisational change'],
      [cells.finding, 'accepted', 'both texts kept unplaced'],
    ]);
    expect(summary.findings.map((f) => [f.message, f.messageEn])).toEqual([change, cells].map((d) => [d.message, d.messageEn]));
  });

  it('keeps a rejected finding an error and shows the reason', () => {
    const { diagnostics: out, summary } = reviewEdition([change], reviewOf([decision(change.finding!, 'reject', 'the 2021 sheet was misread')]), WHERE);
    expect(summary).toMatchObject({ status: 'rejected', rejected: 1, pending: 0 });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ severity: 'error', decision: { decision: 'reject' } });
    expect(summary.findings.map((f) => [f.message, f.messageEn])).toEqual([[change.message, change.messageEn]]);
    expect(out[0]!.messageEn).toMatch(/; rejected by .* on 2026-12-02: the 2021 sheet was misread$/);
    expect(awaitsReview(out[0]!)).toBe(false);
    expect(mayStopPublication(out[0]!)).toBe(true);
  });

  it('reports a decision whose finding no longer occurs, at its line in the review file', () => {
    const gone = 'review/unexplained-change@target-changed/2-5-3/target/2-5-3/1/2022~00000000';
    const { diagnostics: out, summary } = reviewEdition([change], reviewOf([decision(change.finding!, 'accept'), decision(gone, 'accept')]), WHERE);
    expect(summary.staleDecisions).toEqual([gone]);
    // A decision about the rename on one sheet, as review files held them before it was one change of the whole plan, is stale too.
    const perSheet = 'review/unexplained-change@department-renamed/1-1-3/relatedDepartments/情報システム課~84008145';
    expect(reviewEdition([change], reviewOf([decision(perSheet, 'accept')]), WHERE).summary).toMatchObject({ status: 'pending', pending: 1, staleDecisions: [perSheet] });
    const stale = out.find((d) => d.code === 'review/stale-decision')!;
    expect(stale).toMatchObject({ severity: 'error', file: FILE, subject: gone, position: { start: { line: 13 } } });
    expect(stale.messageEn).toBe(`Expected finding ${gone} (decided accept on 2026-12-02) in this build, found it no longer occurs: remove the decision if the text was corrected, else compare the text with the PDF`);
    expect(mayStopPublication(stale)).toBe(true);
  });

  it('names, beside a decision whose finding is gone, where the text now prints what it was about: an indicator\'s row, a table, else the first line of its project\'s sheet', () => {
    const plan = {
      projects: [
        { id: '1-2-2', source: { sheet: { startLine: 720, endLine: 760 }, list: null }, indicators: [{ id: '1-2-2/1', source: { startLine: 743, endLine: 744 } }] },
        { id: '1-2-3', source: { sheet: { startLine: 770, endLine: 800 }, list: null }, indicators: [] },
      ],
    } as unknown as Parameters<typeof planSubjects>[0];
    const sourceMap = new Map([
      ['/projects/0/indicators/0', linesPosition(743, 744)],
      ['/projects/0/initiatives', linesPosition(730, 738)],
    ]);
    const locate = planSubjects(plan, sourceMap, 'x.txt');
    const turned = 'quality/targets-direction@1-2-2/1~49af2091';
    const table = 'table/unplaced-cells@1-2-2/initiative~99d8ae30';
    const project = 'quality/list-sheet-name-mismatch@1-2-3~00000000';
    const unknown = 'review/unexplained-change@department-renamed/情報システム課~50019377';
    const out = reviewEdition([], reviewOf([turned, table, project, unknown].map((f) => decision(f, 'accept'))), WHERE, locate).diagnostics;
    const here = out.filter((d) => d.code === 'review/stale-decision' && d.file === 'x.txt');
    expect(here.map((d) => [d.subject, d.position?.start.line, d.position?.end.line])).toEqual([
      ['1-2-2/1', 743, 744],
      ['1-2-2/initiative', 730, 738],
      ['1-2-3', 770, 770],
    ]);
    expect(here[0]!.message).toMatch(/^確認ファイルの判断（指摘ID quality\/targets-direction@1-2-2\/1~49af2091）が対象にしていた 1-2-2\/1（743 行目から）は、判断したときと違って読まれています/);
    expect(here[1]!.message).toMatch(/が対象にしていた 1-2-2 の年度ごとの取組（730 行目から）は/);
    expect(out.filter((d) => d.code === 'review/stale-decision' && d.file === FILE)).toHaveLength(4);
    expect([turned, table, unknown, 'review/unexplained-change@target-changed/2-5-3/target/2-5-3/1/2022~0', 'quality/targets-direction@1-2-2/1'].map(subjectOfFinding)).toEqual([
      '1-2-2/1',
      '1-2-2/initiative',
      null,
      '2-5-3/1',
      '1-2-2/1',
    ]);
  });

  it('notes once, without calling them stale, the decisions about changes when no earlier edition was compared', () => {
    const gone = 'review/unexplained-change@target-changed/2-5-3/target/2-5-3/1/2022~00000000';
    const other = 'table/unplaced-cells@1-1-1/取組/x~00000000';
    const read = reviewOf([decision(change.finding!, 'accept'), decision(gone, 'accept'), decision(other, 'accept')]);
    const { diagnostics: out, summary } = reviewEdition([], read, { ...WHERE, compared: false });
    expect(out.map((d) => [d.code, d.severity, d.subject])).toEqual([
      ['review/decisions-unchecked', 'warning', '2025-03'],
      ['review/stale-decision', 'error', other],
    ]);
    expect(out[0]!.messageEn).toBe('Expected the edition before 2025-03 in the seeds folder to check the 2 decisions about changes from it, found no earlier edition: they were not checked');
    expect(summary.staleDecisions).toEqual([other]);
  });

  it('reports an invalid review file as an error and applies none of it', () => {
    const bad = parseReviewFile(encode('not json'), FILE, '2025-03');
    const { diagnostics: out, summary } = reviewEdition([change], bad, WHERE);
    expect(out.map((d) => [d.code, d.severity])).toEqual([
      ['review/unexplained-change', 'error'],
      ['review/invalid-file', 'error'],
    ]);
    expect(summary.pending).toBe(1);
    // The invalid file is not itself a finding: nothing can accept it.
    expect(awaitsReview(out[1]!)).toBe(false);
  });

  it('has nothing to review when there are no findings', () => {
    expect(reviewEdition([plainError, warning], null, WHERE).summary).toMatchObject({ status: 'none', findings: [] });
  });
});

describe('reviewEdition at two places', () => {
  it('counts a finding reported at two places (both copies of a 【再掲】) once, and applies its decision at both', () => {
    const params = { id: '2-3-2', original: '2-2-2', fields: ['indicators'], line: 1655, originalLine: 1264 };
    const finding = 'quality/repost-differs@2-3-2~2648bd73';
    const atCopy = diagnose('quality/repost-differs', 'differs', params, { file: 'x.txt', position: linesPosition(1655, 1655), subject: '2-3-2', finding });
    const atOriginal = diagnose('quality/repost-differs', 'originalDiffers', params, { file: 'x.txt', position: linesPosition(1264, 1264), subject: '2-3-2', finding });
    const pending = reviewEdition([atOriginal, atCopy], null, WHERE);
    expect([pending.summary.pending, pending.summary.findings.length]).toEqual([1, 1]);
    expect(pending.diagnostics.filter(awaitsReview)).toHaveLength(2);
    const accepted = reviewEdition([atOriginal, atCopy], reviewOf([decision(finding, 'accept')]), WHERE);
    expect([accepted.summary.status, accepted.summary.accepted]).toEqual(['reviewed', 1]);
    expect(accepted.diagnostics.map((d) => [d.severity, d.position?.start.line])).toEqual([
      ['info', 1264],
      ['info', 1655],
    ]);
  });
});

describe('parseReviewFile: mistakes named for the staff', () => {
  it('names the line and column of a JSON mistake and what it is (a comma after the last decision)', () => {
    const text = ['{', '  "edition": "2025-03",', '  "decisions": [', '    { "finding": "x" },', '  ]', '}'].join('\n');
    const read = parseReviewFile(encode(text), FILE, '2025-03');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostics.map((d) => [d.position?.start.line, d.position?.start.column])).toEqual([[4, 23]]);
    expect(read.diagnostics[0]!.message).toBe(
      '確認ファイル（review.json）は JSON のはずですが、4 行目 23 文字目に書き方の誤りがあります（最後の項目の後に「,」があります）。よくある原因は、最後の項目の後の「,」と、「"」や「}」の閉じ忘れです。',
    );
    const unclosed = parseReviewFile(encode('{"edition": "2025-03", "decisions": [ {"finding": "x}]}'), FILE, '2025-03');
    expect(unclosed.ok ? null : unclosed.diagnostics[0]!.messageEn).toMatch(/^Expected a JSON review file, found a syntax error at line 1, column \d+: unclosed string$/);
  });

  it('says which decision and field is wrong, in words the staff use, on the decision’s line (the review --json template left unfilled)', () => {
    const template = { edition: '2025-03', decisions: [{ finding: cells.finding, about: '2-2-3', decision: '', reason: '', by: '', date: '' }] };
    const read = parseReviewFile(encode(template), FILE, '2025-03');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const messages = read.diagnostics.map((d) => d.message);
    expect(messages).toContain(`確認ファイル（review.json）の1 件目の判断（指摘ID ${cells.finding}）の by（判断した人）が空です。書いてください。`);
    expect(messages).toContain(`確認ファイル（review.json）の1 件目の判断（指摘ID ${cells.finding}）の decision（判断）は accept（承認）か reject（却下）のどちらかです。`);
    expect(messages).toContain(`確認ファイル（review.json）の1 件目の判断（指摘ID ${cells.finding}）の date（判断した日）は 2026-12-06 のように「年-月-日」で書きます。`);
    expect(messages.join('\n')).not.toMatch(/must|minLength|enum/);
    expect(new Set(read.diagnostics.map((d) => d.position?.start.line))).toEqual(new Set([4]));
  });
});
