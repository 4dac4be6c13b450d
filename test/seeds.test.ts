/**
 * Content tests over the two real editions. Every expected value below was read off the source text
 * by hand (line numbers in the comments), not copied from the pipeline's output.
 */
import { describe, expect, it } from 'vitest';
import { buildEdition, type EditionBuild } from '../pipeline/build.js';
import { parseEditionMeta } from '../pipeline/read/parseEditionMeta.js';
import type { Plan, Project } from '../pipeline/model/plan.js';
import { SEEDS, seedBytes, seedMeta, seedReview } from './helpers.js';

async function build(id: keyof typeof SEEDS): Promise<EditionBuild & { plan: Plan }> {
  const meta = parseEditionMeta(seedMeta(id), `seeds/${id}/edition.json`, id);
  if (!meta.ok) throw new Error('seed metadata is invalid');
  // With the edition's review file: its accepted findings are notes, not errors.
  const review = seedReview(id);
  const result = await buildEdition({
    folder: id,
    meta: meta.meta,
    textFile: SEEDS[id],
    textPath: `seeds/${id}/${SEEDS[id]}`,
    bytes: seedBytes(id),
    review: review === null ? null : new TextEncoder().encode(review),
  });
  if (!result.plan) throw new Error('seed did not build');
  return result as EditionBuild & { plan: Plan };
}

const e2021 = await build('2021');
const e2025 = await build('2025-03');

function project(plan: Plan, id: string): Project {
  const found = plan.projects.find((p) => p.id === id);
  if (!found) throw new Error(`no project ${id}`);
  return found;
}

/** An indicator's five cells as printed (null = empty). */
function cells(plan: Plan, indicatorId: string): (string | null)[] {
  const [projectId] = indicatorId.split('/');
  const indicator = project(plan, projectId!).indicators.find((i) => i.id === indicatorId);
  if (!indicator) throw new Error(`no indicator ${indicatorId}`);
  return indicator.targets.map((t) => t.text);
}

function target(plan: Plan, indicatorId: string, fiscalYear: number) {
  const [projectId] = indicatorId.split('/');
  return project(plan, projectId!).indicators.find((i) => i.id === indicatorId)!.targets.find((t) => t.fiscalYear === fiscalYear)!;
}

const IDS_2021 = [
  '1-1-1', '1-1-2', '1-1-3', '1-1-4', '1-1-5', '1-2-1', '1-2-2', '1-2-3', '1-2-4', '1-3-1', '1-3-2', '1-3-3', '1-3-4', '1-3-5',
  '2-1-1', '2-1-2', '2-1-3', '2-1-4', '2-1-5', '2-2-1', '2-2-2', '2-2-3', '2-2-4', '2-2-5', '2-2-6', '2-2-7', '2-3-1', '2-3-2',
  '2-3-3', '2-4-1', '2-4-2', '2-4-3', '2-5-1', '2-5-2', '2-5-3', '3-1-1', '3-1-2', '3-2-1', '3-2-2', '3-2-3', '3-2-4',
];

describe('the 2021 edition (002_85c4f7d9f38b493a.txt)', () => {
  const plan = e2021.plan;

  it('has the known totals and no errors or unaccounted lines', () => {
    expect(e2021.quality!.totals).toMatchObject({ sheets: 41, repostSheets: 3, projects: 38, indicatorRows: 38, revisionDates: 0, revisionEntries: 0 });
    expect(e2021.quality!.coverage.unaccounted).toEqual([]);
    expect(e2021.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is edition 1 with an unknown date and the plan period FY2021–FY2025', () => {
    expect(plan.edition).toMatchObject({ id: '2021', number: 1, revisionDate: null });
    expect(plan.edition.planPeriod).toEqual({ startFiscalYear: 2021, endFiscalYear: 2025, startDate: '2021-04-01', endDate: '2026-03-31' });
    expect(plan.edition.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists every project in plan order', () => {
    expect(plan.projects.map((p) => p.id)).toEqual(IDS_2021);
    expect(plan.policies.map((p) => p.name)).toEqual(['市民にとって便利でやさしいICT活用の推進', 'ICTを活用した効率的で持続可能な行政運営の推進', 'データの積極的な利活用の推進']);
    expect(plan.measures.map((m) => m.id)).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '2-3', '2-4', '2-5', '3-1', '3-2']);
  });

  it('links the three 【再掲】 sheets to their originals', () => {
    expect(plan.projects.filter((p) => p.repostOf).map((p) => [p.id, p.repostOf])).toEqual([
      ['2-3-2', '2-2-2'],
      ['2-4-2', '2-3-3'],
      ['3-2-1', '2-4-3'],
    ]);
  });

  it('splits departments one per entry', () => {
    // Lines 180, 1131–1135, 570, 2300.
    expect(project(plan, '1-1-1').leadDepartments).toEqual([{ name: '情報システム課', printedName: '情報システム課' }]);
    expect(project(plan, '1-1-1').relatedDepartments).toEqual([{ name: '行政経営課', printedName: '行政経営課' }]);
    expect(project(plan, '2-2-1').leadDepartments.map((d) => d.name)).toEqual(['行政経営課', '情報システム課']);
    expect(project(plan, '2-2-1').relatedDepartments.map((d) => d.name)).toEqual(['総合政策課ほか各会議主管課等']);
    expect(project(plan, '1-2-4').leadDepartments.map((d) => d.name)).toEqual(['教育研究所', '学校教育課']);
    expect(project(plan, '3-2-3').relatedDepartments.map((d) => d.name)).toEqual(['健康づくり課', '高齢介護課']);
    expect(project(plan, '1-1-4').relatedDepartments).toEqual([]);
  });

  it('keeps both names where the list and the sheet disagree, and reports it', () => {
    // List line 23 vs sheet line 260.
    expect(project(plan, '1-1-2').listedName).toBe('住民異動届出等におけるスマート窓口の導入検討');
    expect(project(plan, '1-1-2').name).toBe('住民異動届出等におけるスマート窓口の導入');
    // One finding each, reported at the 一覧's line and at the sheet's.
    const mismatches = e2021.diagnostics.filter((d) => d.code === 'quality/list-sheet-name-mismatch');
    expect(mismatches.map((d) => [d.subject, d.position?.start.line])).toEqual([['1-1-2', 23], ['1-3-4', 57], ['1-1-2', 260], ['1-3-4', 797]]);
    expect(new Set(mismatches.filter((d) => d.subject === '1-1-2').map((d) => d.finding)).size).toBe(1);
  });

  it('places indicator cells on fiscal years by the count of empty cells', () => {
    // Lines 230–254: a text merged over FY2021–2022, then a text over FY2022–2025.
    const digital = '「デジタル・ガバメント実行計画」における実施可能な全ての手続のオンライン化';
    expect(cells(plan, '1-1-1/1')).toEqual([digital, digital, null, null, null]);
    expect(target(plan, '1-1-1/1', 2021).span).toEqual([2021, 2022]);
    expect(cells(plan, '1-1-1/2')).toEqual([null, '方向性整理を踏まえ決定', '方向性整理を踏まえ決定', '方向性整理を踏まえ決定', '方向性整理を踏まえ決定']);
    // Line 355.
    expect(cells(plan, '1-1-3/1')).toEqual(['７０．８％', '１００％', null, null, null]);
    // Line 530.
    expect(cells(plan, '1-2-2/1')).toEqual([null, '１種類以上', '次期システムと合わせ検討', '次期システムと合わせ検討', '次期システムと合わせ検討']);
    // Line 788.
    expect(cells(plan, '1-3-3/1')).toEqual([null, null, '１箇所以上', null, null]);
    // Lines 1264–1266 and the 【再掲】 copy at 1655–1657, which differs.
    expect(cells(plan, '2-2-2/1')).toEqual([null, '１１万枚', '４５万枚', '４５万枚', '４５万枚']);
    expect(cells(plan, '2-2-2/2')).toEqual([null, null, '運用方法の検討を踏まえ、決定', '運用方法の検討を踏まえ、決定', '運用方法の検討を踏まえ、決定']);
    expect(cells(plan, '2-3-2/1')).toEqual([null, null, '４５万枚', '４５万枚', '４５万枚']);
    // Line 2070.
    expect(cells(plan, '2-5-3/1')).toEqual(['１回', null, null, null, null]);
    // Lines 1219: 課長級以上… over FY2022–2025.
    expect(cells(plan, '2-2-1/2')).toEqual([null, '検討を踏まえ設定', '検討を踏まえ設定', '検討を踏まえ設定', '検討を踏まえ設定']);
  });

  it('joins wrapped cells and reads numbers, units and qualifiers', () => {
    // Lines 932–951: `１，５００ ` / `時間`.
    expect(cells(plan, '2-1-1/2')).toEqual(['６００時間', '１，５００時間', '３，３００時間', '５，２５０時間', '７，３５０時間']);
    expect(project(plan, '2-1-1').indicators[1]!.targets.map((t) => [t.value, t.unit])).toEqual([
      [600, '時間'],
      [1500, '時間'],
      [3300, '時間'],
      [5250, '時間'],
      [7350, '時間'],
    ]);
    // Lines 465–484: three SNS indicators, LINE's label starting a line with a Latin word.
    expect(project(plan, '1-2-1').indicators.map((i) => i.name)).toEqual(['Twitterフォロワー数', 'YouTubeチャンネル登録者数', 'LINE友だち登録数']);
    expect(project(plan, '1-2-1').indicators[2]!.targets.map((t) => t.value)).toEqual([13000, 15000, 17000, 19000, 21000]);
    // Line 647: 年３回以上.
    expect(target(plan, '1-2-4/2', 2023)).toMatchObject({ text: '年３回以上', value: 3, unit: '回', qualifier: '以上', per: '年' });
    // Line 2085.
    expect(project(plan, '2-5-3').indicators[2]!.targets.map((t) => [t.value, t.unit, t.qualifier])).toEqual([
      [5, '件', '以下'],
      [4, '件', '以下'],
      [3, '件', '以下'],
      [2, '件', '以下'],
      [1, '件', '以下'],
    ]);
    // Line 699: 万件 stays the printed unit.
    expect(target(plan, '1-3-1/1', 2025)).toMatchObject({ value: 845, unit: '万件' });
    // Letter-spaced label, line 866–880.
    expect(project(plan, '1-3-5').indicators[0]!.name).toBe('新たな学びの場を求める児童生徒に対するICTを活用した学習支援者数の割合');
  });

  it('keeps initiatives, their texts in year cells, and reports texts it cannot place', () => {
    // Lines 1390–1411.
    const ledger = project(plan, '2-2-4').initiatives.find((i) => i.name === '建築確認台帳の電子化')!;
    expect(ledger.yearTexts.map((y) => [y.fiscalYear, y.text])).toEqual([
      [2022, '昭和54年度〜59年度分'],
      [2023, '昭和60年度平成元年度分'],
      [2024, '平成2年度〜7年度分'],
      [2025, '平成8年度〜10年度分'],
    ]);
    // Lines 1286–1311: four cells for five years with two texts that could span.
    const register = project(plan, '2-2-3').initiatives[0]!;
    expect(register.yearTexts).toEqual([]);
    expect(register.unplacedTexts).toEqual(['平成29年度から令和元年度に調製した開発登録簿', '令和2年度から令和4年度に調製した開発登録簿']);
    expect(project(plan, '1-2-4').initiatives.map((i) => i.name)).toContain('ネットワーク機器検討・更新');
  });

  it('reports the 【再掲】 copy that differs from its original at both copies, accepted in the review file', () => {
    const differs = e2021.diagnostics.filter((d) => d.code === 'quality/repost-differs');
    expect(differs.map((d) => [d.subject, d.position?.start.line, d.severity, d.decision?.decision])).toEqual([
      ['2-3-2', 1264, 'info', 'accept'],
      ['2-3-2', 1655, 'info', 'accept'],
    ]);
    expect(differs[0]!.messageEn).toContain('indicators, indicatorRationale');
  });
});

describe('the 2025-03 edition (000_5b993dc6e4c545ce.txt)', () => {
  const plan = e2025.plan;

  it('has the known totals and no errors or unaccounted lines', () => {
    expect(e2025.quality!.totals).toMatchObject({ sheets: 62, repostSheets: 3, projects: 59, endedProjects: 3, indicatorRows: 93, revisionDates: 4, revisionEntries: 74 });
    expect(e2025.quality!.coverage.unaccounted).toEqual([]);
    expect(e2025.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('is edition 5, derived from four revision dates', () => {
    expect(plan.edition).toMatchObject({ id: '2025-03', number: 5, revisionDate: '2025-03' });
    expect(plan.revisions.map((r) => [r.date, r.entries.length])).toEqual([
      ['2022-06', 13],
      ['2023-03', 11],
      ['2024-03', 32],
      ['2025-03', 18],
    ]);
  });

  it('reads revision entries with one or two plan numbers', () => {
    const all = plan.revisions.flatMap((r) => r.entries.map((e) => ({ date: r.date, ...e })));
    expect(all[0]).toMatchObject({
      date: '2022-06',
      planNumbers: ['1-1-3'],
      planName: 'マイナンバーカード交付事務の円滑化',
      summary: '令和3年12月の交付円滑化計画の改定に伴い、評価指標を交付率（対人口）、交付率（対申請件数）に細分化。また、目標値の追加及び数値の変更。',
    });
    expect(all.filter((e) => e.planNumbers.length === 2).map((e) => [e.date, e.planNumbers])).toEqual([
      ['2024-03', ['2-2-2', '2-3-2']],
      ['2024-03', ['2-4-3', '3-2-1']],
      ['2025-03', ['2-3-3', '2-4-2']],
    ]);
    // Lines 4087–4096: a summary with bullet lines.
    const property = all.find((e) => e.date === '2025-03' && e.planNumbers[0] === '2-1-8')!;
    expect(property.summary).toBe('・令和7年度から生活援護課においても預金調査システムを利用するため、概要を修正。併せて評価指標とその考え方を追加。\n・債権回収課の評価指標を上方修正。');
  });

  it('keeps sheets printed out of order in plan order', () => {
    const ids = plan.projects.map((p) => p.id);
    expect(ids.indexOf('1-2-7')).toBeLessThan(ids.indexOf('1-2-8'));
    expect(e2025.diagnostics.filter((d) => d.code === 'quality/sheet-out-of-order').map((d) => d.subject)).toEqual(['1-2-7']);
    expect(ids.filter((id) => id.startsWith('2-1-'))).toHaveLength(13);
  });

  it('marks ended projects and keeps their 終了理由', () => {
    expect(plan.projects.filter((p) => p.status === 'ended').map((p) => p.id)).toEqual(['2-1-3', '2-2-5', '2-2-9']);
    expect(project(plan, '2-2-5').endReason).toMatch(/^令和5年2月に公開型地理情報システム「はだのWEBマップ」で一般公開を開始/);
    expect(project(plan, '2-2-9').endReason).toBeNull();
    expect(e2025.diagnostics.filter((d) => d.code === 'quality/ended-without-reason').map((d) => d.subject)).toEqual(['2-2-9']);
  });

  it('reports list and sheet names that differ, including a list name cut short', () => {
    expect([...new Set(e2025.diagnostics.filter((d) => d.code === 'quality/list-sheet-name-mismatch').map((d) => d.subject))]).toEqual(['2-1-3', '2-1-6', '2-1-7', '2-1-10', '2-2-5']);
    expect(project(plan, '2-1-10').listedName).toBe('AI現況調査システムを活用した事務の効率');
    expect(project(plan, '2-1-10').name).toBe('AI現況調査システムを活用した事務の効率化');
  });

  it('splits departments printed one per line', () => {
    expect(project(plan, '1-1-5').leadDepartments.map((d) => d.name)).toEqual(['こども政策課', 'こども家庭支援課', '健康づくり課']);
    expect(project(plan, '2-1-5').relatedDepartments.map((d) => d.name)).toEqual(['戸籍住民課', 'デジタル推進課']);
    expect(project(plan, '2-2-2').leadDepartments.map((d) => d.name)).toEqual(['文書法制課', '会計課', 'デジタル推進課']);
    expect(project(plan, '1-3-6').relatedDepartments.map((d) => d.name)).toEqual(['行政経営課', '市民活動支援課', '高齢介護課']);
  });

  it('places the tricky indicator rows', () => {
    // Line 319: two empty cells, then numbers with units after a space.
    expect(cells(plan, '1-1-1/2')).toEqual([null, null, '29 手続', '31 手続', '28 手続']);
    expect(target(plan, '1-1-1/2', 2025)).toMatchObject({ value: 28, unit: '手続' });
    // Lines 420–430: two 交付率 rows.
    expect(project(plan, '1-1-3').indicators.map((i) => i.name)).toEqual(['交付率（対人口）', '交付率（対申請件数）']);
    expect(target(plan, '1-1-3/1', 2021)).toMatchObject({ text: '54．4％', value: 54.4, unit: '%' });
    // Line 571: dashes.
    expect(cells(plan, '1-1-5/1')).toEqual(['-', '-', '-', '1,490', '2,120']);
    expect(target(plan, '1-1-5/1', 2021).value).toBeNull();
    // Lines 949–970.
    expect(cells(plan, '1-2-5/4')).toEqual([null, null, null, '７０0,000千円', '1,440,000千円']);
    expect(target(plan, '1-2-5/4', 2025)).toMatchObject({ value: 1440000, unit: '千円' });
    expect(project(plan, '1-2-5').indicators[4]!.name).toBe('秦野商工会議所景況調査商業（売上高）のDI値');
    expect(target(plan, '1-2-5/5', 2022)).toMatchObject({ text: '▲28.2ｐｔ', value: -28.2, unit: 'pt' });
    // Line 1408.
    expect(cells(plan, '1-3-3/1')).toEqual([null, null, '３箇所', '１箇所', '１箇所']);
    // Lines 1968–1976.
    expect(target(plan, '2-1-7/2', 2022)).toMatchObject({ text: '60％減', value: 60, unit: '%', qualifier: '減' });
    // Lines 2016–2025: letter-spaced label; 65,000 / 件 wrapped.
    expect(project(plan, '2-1-8').indicators[0]!.name).toBe('電子化した財産調査件数（債権回収課）');
    expect(cells(plan, '2-1-8/1')).toEqual([null, null, '1,000 件', '1,000 件', '65,000件']);
    // Line 2140.
    expect(cells(plan, '2-1-10/1')).toEqual([null, null, '45 件', '－', '－']);
    // Line 2244: durations in two units.
    expect(cells(plan, '2-1-11/2')).toEqual([null, null, null, '４分 7 秒', '4 分 1 秒']);
    expect(target(plan, '2-1-11/2', 2024)).toMatchObject({ value: 247, unit: '秒' });
    // Lines 2284–2287.
    expect(target(plan, '2-1-12/1', 2025)).toMatchObject({ text: '300 時間/年', value: 300, unit: '時間/年' });
    // Lines 2323–2337: a text target in FY2025 only.
    expect(cells(plan, '2-1-13/1')).toEqual([null, null, null, null, '令和８年度からシステムでの所有権移転処理']);
    // Line 2918.
    expect(cells(plan, '2-2-10/2')).toEqual([null, null, null, '目録調製後、指標設定', '目録調製後、指標設定']);
    expect(target(plan, '2-2-10/2', 2025).span).toEqual([2024, 2025]);
    // Line 3402.
    expect(cells(plan, '2-5-3/1')).toEqual(['１回', '１回', null, null, null]);
    // Line 3654.
    expect(target(plan, '3-2-2/5', 2025)).toMatchObject({ value: 1000, unit: '人' });
    // Line 1104.
    expect(cells(plan, '1-2-8/1')).toEqual([null, null, null, '１３，０００件', '１４，０００件']);
  });

  it('separates rows whose label starts after a page break', () => {
    expect(project(plan, '1-1-5').initiatives.map((i) => i.name)).toEqual([
      '母子健康手帳スマートフォンアプリ普及推進',
      '【スマートフォンアプリ】子育て支援情報のプッシュ通知の検討・実施',
      '【市ホームページ】子育て支援情報ページの検討・作成',
      '【オンライン個別相談（乳幼児家庭）】個別保健指導の実施',
      '【オンラインによる母子保健相談】活用業務の検討',
      '【オンラインによる母子保健相談】集団保健指導の試行',
      '【オンラインによる母子保健相談】集団保健指導の実施',
      '【オンライン個別相談（ひとり親家庭）】個別相談の実施',
      '【オンライン診療】支援内容の検討',
    ]);
  });

  it('links 【再掲】 listings without counting them as projects', () => {
    expect(plan.projects.filter((p) => p.repostOf).map((p) => [p.id, p.repostOf])).toEqual([
      ['2-3-2', '2-2-2'],
      ['2-4-2', '2-3-3'],
      ['3-2-1', '2-4-3'],
    ]);
    expect(e2025.diagnostics.filter((d) => d.code === 'quality/repost-differs')).toEqual([]);
  });
});

describe('the seed copies', () => {
  // The published texts' SHA-256; the copies under seeds/ must stay byte-identical to ../shared/seeds/.
  const SHA256 = {
    '2021': '9e20ed105afaf1a45144bd0d0c5fe53421eb81e04335e71ea0d1f325b8ae91e8',
    '2025-03': '102d3efe5eb988831ef85c2d1db378e22fbf7fe2f37db70cf26eb8bcc438cafa',
  } as const;

  it('are unchanged', () => {
    expect(e2021.plan.edition.source.sha256).toBe(SHA256['2021']);
    expect(e2025.plan.edition.source.sha256).toBe(SHA256['2025-03']);
  });
});
