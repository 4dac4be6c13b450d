/**
 * The message catalog: every message a diagnostic can carry, in Japanese (what the city's staff read)
 * and English (the wording the project started with), as functions of named parameters. A rule code
 * may have several variants, one per distinct thing a stage says about it. The Japanese is written as
 * Japanese (what was expected, what was found, what it may mean), never assembled from English pieces;
 * source text is quoted with 「」, and codes, paths, line numbers and ids are left as they are.
 */
import type { RuleCode } from './diagnostics.js';

/** A language a message is rendered in: Japanese (the default) or English. */
export type Lang = 'ja' | 'en';

/** One message in both languages, with an example of its parameters (for tests and the docs). */
export interface Template<P> {
  ja: (p: P) => string;
  en: (p: P) => string;
  example: P;
}

/** Any template, whatever its parameters: what the catalog holds. */
export interface AnyTemplate {
  ja: (p: never) => string;
  en: (p: never) => string;
  example: object;
}

/** Parameters of a message that takes none. */
export type NoParams = Record<never, never>;

/** Builds a template; `P` names the parameters both languages are written from. */
function t<P extends object = NoParams>(ja: (p: P) => string, en: (p: P) => string, example: P): Template<P> {
  return { ja, en, example };
}

// Words that recur in the Japanese: a source line by number and text, and counts as readers expect.
const lineJa = (l: { line: number; text: string }) => `${l.line} 行目${l.text === '' ? '（空白のみ）' : `「${l.text}」`}`;
const lineEn = (l: { line: number; text: string }) => `line ${l.line} ${l.text === '' ? '(spaces only)' : `「${l.text}」`}`;
const tagsJa = (tags: readonly string[]) => (tags.length ? tags.map((x) => `【${x}】`).join('') : '（付記なし）');
const tagsEn = (tags: readonly string[]) => tags.map((x) => `【${x}】`).join('') || '(none)';

/** What is wrong with a review file's JSON text, as the parser names it. */
export type JsonProblem = 'trailing comma' | 'comma expected' | 'colon expected' | 'value expected' | 'property name expected' | 'unclosed string' | 'unclosed brace or bracket' | 'invalid character' | 'end of file expected' | 'invalid JSON';

const JSON_PROBLEMS_JA: Record<JsonProblem, string> = {
  'trailing comma': '最後の項目の後に「,」があります',
  'comma expected': '項目と項目の間に「,」がありません',
  'colon expected': '項目名の後に「:」がありません',
  'value expected': '値がありません',
  'property name expected': '項目名（"…"）がありません',
  'unclosed string': '「"」が閉じていません',
  'unclosed brace or bracket': '「}」か「]」が閉じていません',
  'invalid character': 'JSON に使えない文字があります',
  'end of file expected': 'ファイルの終わりの後にさらに文字があります',
  'invalid JSON': 'JSON として読めません',
};

/** What is wrong with one field of a review file. */
export type FieldProblem = 'empty' | 'date' | 'decision' | 'missing' | 'unknown field' | 'finding id' | 'edition id' | 'type';

const FIELD_PROBLEMS_JA: Record<FieldProblem, (detail: string) => string> = {
  empty: () => 'が空です。書いてください。',
  date: () => 'は 2026-12-06 のように「年-月-日」で書きます。',
  decision: () => 'は accept（承認）か reject（却下）のどちらかです。',
  missing: (d) => `に ${d}${REVIEW_FIELDS_JA[d] ? `（${REVIEW_FIELDS_JA[d]}）` : ''} がありません。`,
  'unknown field': (d) => `に、使えない項目「${d}」があります（項目名の書き誤りかもしれません）。`,
  'finding id': () => 'は、build や review が表示する指摘ID（例：table/label-runs-on@1-2-1/indicator~0ba34238）をそのまま写します。',
  'edition id': () => 'は版ID（フォルダーの名前、例：2026-03）です。',
  type: (d) => `の種類が違います（${d}）。`,
};

/** The review file's fields, named for the staff. */
const REVIEW_FIELDS_JA: Record<string, string> = {
  finding: '指摘ID',
  about: '指摘の内容',
  decision: '判断',
  reason: '理由',
  by: '判断した人',
  date: '判断した日',
  edition: '版ID',
  decisions: '判断の一覧',
};

/** The Japanese names of a project's fields, for `quality/repost-differs`. */
const FIELD_NAMES_JA: Record<string, string> = {
  name: '名称',
  leadDepartments: '主管課等',
  relatedDepartments: '関係課等',
  summary: '概要',
  objective: '目指すもの',
  initiatives: '年度ごとの取組',
  indicatorRationale: '指標の考え方',
  endReason: '終了理由',
  status: '状態',
  indicators: '評価指標',
};

/** Every message, by rule code and variant. A test checks each code has one and each renders in both languages. */
export const MESSAGES = {
  'input/empty': {
    empty: t(() => '計画の本文が入っているはずですが、ファイルが空です。', () => 'Expected edition text, found an empty file', {}),
  },
  'input/not-text': {
    utf16: t(
      () => 'UTF-8 または Shift_JIS のテキストのはずですが、UTF-16（バイト順マーク FF FE または FE FF）です。UTF-8 または Shift_JIS で保存し直してください。',
      () => 'Expected UTF-8 or Shift_JIS text, found UTF-16 (byte order mark FF FE or FE FF); save the text as UTF-8 or Shift_JIS',
      {},
    ),
    unknownEncoding: t(
      () => 'UTF-8 または Shift_JIS のテキストのはずですが、UTF-8 としても Shift_JIS（CP932）としても読めないバイト列です。',
      () => 'Expected UTF-8 or Shift_JIS text, found bytes that are neither UTF-8 nor Shift_JIS (CP932)',
      {},
    ),
    controlCharacters: t(
      () => 'テキストのはずですが、バイナリデータの制御文字が含まれています。',
      () => 'Expected text, found control characters of binary data',
      {},
    ),
  },
  'input/no-outline': {
    none: t(
      () => '最初のシートの前に＜基本方針１＞で始まる個別事業一覧があるはずですが、見つかりません。',
      () => 'Expected the 個別事業一覧 with ＜基本方針１＞ before the first sheet, found none',
      {},
    ),
  },
  'input/unfamiliar-layout': {
    layout: t<{ endsInSpace: number; oneEmptyLine: number }>(
      (p) => `この文書は、これまでの版を取り出したときと違う形で書き出されています（行末に空白のある行が ${p.endsInSpace} %、隣り合う行の間に空行がちょうど 1 行ある所が ${p.oneEmptyLine} %。これまでの版ではそれぞれ約 7 割と約 9 割）。表の読み取りは行末の空白と行の間の空行を手がかりにしているため、この形のままでは正しく読めません。これまでと同じツール・設定で PDF から取り出し直してください。`,
      (p) => `Expected the layout of the known extraction (about 7 in 10 lines ending in a space, about 9 in 10 neighbouring lines one empty line apart), found ${p.endsInSpace} % and ${p.oneEmptyLine} %: the text was extracted otherwise, and the tables cannot be read from it reliably; extract it again with the same tool and settings as before`,
      { endsInSpace: 0, oneEmptyLine: 88 },
    ),
  },
  'input/no-sheets': {
    none: t(
      () => '名称で始まる事業シートが 1 枚以上あるはずですが、見つかりません。',
      () => 'Expected at least one project sheet starting with 名称, found none',
      {},
    ),
  },
  'meta/missing': {
    noMetaFile: t<{ path: string }>(
      (p) => `版のメタデータ ${p.path} があるはずですが、見つかりません。`,
      (p) => `Expected ${p.path} with the edition's metadata, found none`,
      { path: 'seeds/2025-03/edition.json' },
    ),
    noSeedsFolder: t<{ path: string }>(
      (p) => `版のフォルダーを収めるフォルダー ${p.path} があるはずですが、見つかりません。`,
      (p) => `Expected a seeds folder at ${p.path}, found none`,
      { path: 'seeds' },
    ),
    noEditionFolder: t<{ path: string }>(
      (p) => `${p.path} に版のフォルダーが 1 つ以上あるはずですが、見つかりません。`,
      (p) => `Expected at least one edition folder in ${p.path}, found none`,
      { path: 'seeds' },
    ),
  },
  'meta/invalid': {
    syntax: t<{ error: string }>(
      (p) => `JSON のはずですが、構文エラーがあります：${p.error}`,
      (p) => `Expected JSON, found a syntax error: ${p.error}`,
      { error: 'Unexpected token } in JSON at position 12' },
    ),
    schema: t<{ path: string; keyword: string; message: string }>(
      (p) => `${p.path || 'ファイル全体'} は ${p.keyword} の条件を満たすはずですが、満たしていません（${p.message}）。`,
      (p) => `Expected ${p.path || 'the file'} to satisfy ${p.keyword} (${p.message})`,
      { path: '/license/url', keyword: 'format', message: 'must match format "uri"' },
    ),
    idNotFolder: t<{ folder: string; id: string }>(
      (p) => `id はフォルダー名と同じ「${p.folder}」のはずですが、「${p.id}」です。`,
      (p) => `Expected id 「${p.folder}」 (the folder's name), found 「${p.id}」`,
      { folder: '2025-03', id: '2025-04' },
    ),
    checkDigit: t<{ code: string }>(
      (p) => `全国地方公共団体コードは検査数字が正しいはずですが、${p.code} は正しくありません。`,
      (p) => `Expected a 全国地方公共団体コード with a valid check digit, found ${p.code}`,
      { code: '142115' },
    ),
    duplicateId: t<{ id: string }>(
      (p) => `版の ID はそれぞれ異なるはずですが、${p.id} が 2 回あります。`,
      (p) => `Expected unique edition ids, found ${p.id} twice`,
      { id: '2021' },
    ),
  },
  'meta/unsafe-id': {
    unsafe: t<{ id: string }>(
      (p) => `版の ID はフォルダー名に使える文字（英数字、.、_、-）だけのはずですが、「${p.id}」です。`,
      (p) => `Expected an edition id usable as a folder name (letters, digits, ., _, -), found 「${p.id}」`,
      { id: '../2021' },
    ),
  },
  'meta/no-text': {
    count: t<{ folder: string; count: number }>(
      (p) => `${p.folder} には版の本文（.txt）が 1 つあるはずですが、${p.count} 個あります。`,
      (p) => `Expected one .txt edition text in ${p.folder}, found ${p.count}`,
      { folder: 'seeds/2021', count: 2 },
    ),
  },
  'coverage/unaccounted-line': {
    unclassified: t<{ text: string }>(
      (p) => `本文かページの体裁（ページ番号など）のはずですが、どちらとも分類できない行「${p.text}」があります。この行の内容は公開されません。`,
      (p) => `Expected content or page furniture, found unclassified line 「${p.text}」`,
      { text: '（参考）' },
    ),
  },
  'outline/bad-entry-number': {
    noMeasure: t<{ entry: string }>(
      (p) => `一覧の項目「${p.entry}」の前に事業推進計画があるはずですが、見つかりません。`,
      (p) => `Expected a 事業推進計画 before entry 「${p.entry}」`,
      { entry: '（１）電子申請の推進' },
    ),
  },
  'sheet/missing-number': {
    none: t(() => 'シートに事業番号を記した番号欄があるはずですが、見つかりません。', () => 'Expected 番号 with a project number, found none', {}),
  },
  'sheet/bad-number': {
    unreadable: t<{ printed: string }>(
      (p) => `事業番号は１－１－（１）のような形のはずですが、「${p.printed}」です。`,
      (p) => `Expected a project number like １－１－（１）, found 「${p.printed}」`,
      { printed: '１－Ａ' },
    ),
  },
  'sheet/missing-name': {
    none: t(() => 'シートに事業名を記した名称欄があるはずですが、見つかりません。', () => 'Expected 名称 with a project name, found none', {}),
  },
  'sheet/duplicate-number': {
    another: t<{ id: string; line: number }>(
      (p) => `${p.id} のシートは 1 枚のはずですが、${p.line} 行目にもう 1 枚あります。`,
      (p) => `Expected one sheet for ${p.id}, found another at line ${p.line}`,
      { id: '1-1-1', line: 120 },
    ),
  },
  'sheet/repeated-heading': {
    again: t<{ heading: string }>(
      (p) => `各欄の見出しはシートに 1 回のはずですが、その欄の後にもう一度「${p.heading}」があります。行が二重に印字されたか、位置がずれている可能性があります。`,
      (p) => `Expected each section once in a sheet, found 「${p.heading}」 after its section: a line printed twice or out of place`,
      { heading: '概要' },
    ),
  },
  'sheet/stray-line': {
    between: t<{ text: string }>(
      (p) => `年度ごとの取組の見出しのすぐ後に取組内容が来るはずですが、間に「${p.text}」があります。表の行の位置がずれている可能性があります。`,
      (p) => `Expected 取組内容 right after the 年度ごとの取組 heading, found 「${p.text}」 between them: a table line out of place`,
      { text: '検討' },
    ),
    afterName: t<{ text: string }>(
      (p) => `「名称 … 番号 …」の行のすぐ後に主管課等が来るはずですが、間に「${p.text}」があります。行の位置がずれている可能性があります（名称の一部として読まれます）。`,
      (p) => `Expected 主管課等 right after the 「名称 … 番号 …」 line, found 「${p.text}」 between them: a line out of place (it would be read as part of the name)`,
      { text: 'GIS 搭載' },
    ),
  },
  'sheet/lost-line': {
    gap: t<{ previous: { line: number; text: string } | null; line: { line: number; text: string } }>(
      (p) =>
        `シートの行と行の間には空行が 1 行だけあるはずですが、${p.previous ? lineJa(p.previous) : 'シートの始まり'}と ${lineJa(p.line)}の間に 2 行以上あります。行が欠けている可能性があります。`,
      (p) =>
        `Expected one empty line between ${p.previous ? lineEn(p.previous) : 'the sheet start'} and ${lineEn(p.line)} as between every two lines of a sheet, found two or more: a line may have been lost here`,
      { previous: { line: 40, text: '概要' }, line: { line: 43, text: '目指すもの' } },
    ),
  },
  'sheet/lost-section': {
    noInitiatives: t<{ id: string }>(
      (p) => `シート ${p.id} には年度ごとの取組の見出しの後に取組内容の欄があるはずですが、見つかりません。その行が欠けている可能性があります。`,
      (p) => `Expected section 取組内容 in sheet ${p.id} after the 年度ごとの取組 heading it belongs to, found none: its lines may have been lost`,
      { id: '1-1-1' },
    ),
    noYearHeadings: t<{ id: string }>(
      (p) => `シート ${p.id} には取組内容の欄の前に年度ごとの取組の見出し（年度の並び）があるはずですが、見つかりません。見出しの行が崩れて、前の文章の一部として読まれた可能性があります。`,
      (p) => `Expected the 年度ごとの取組 heading (the row of fiscal years) in sheet ${p.id} before its 取組内容, found none: the heading line may be damaged and read as the end of the text above it`,
      { id: '1-1-1' },
    ),
    noIndicators: t<{ id: string }>(
      (p) => `シート ${p.id} には指標の考え方の前に、それが説明する評価指標の欄があるはずですが、見つかりません。その行が欠けている可能性があります。`,
      (p) => `Expected section 評価指標 in sheet ${p.id} before the 指標の考え方 that explains it, found none: its lines may have been lost`,
      { id: '1-1-1' },
    ),
  },
  'sheet/missing-year-heading': {
    none: t<{ id: string }>(
      (p) => `シート ${p.id} の取組内容の前に「年度ごとの取組」の見出しの行があるはずですが、見つかりません。年度は計画期間のものを使うので、公開される内容は変わりません。`,
      (p) => `Expected the 年度ごとの取組 heading before 取組内容 in sheet ${p.id}, found none (the years are the plan period's: nothing published changes)`,
      { id: '1-1-1' },
    ),
  },
  'sheet/missing-section': {
    none: t<{ section: string; id: string; above: string | null; from: number | null; to: number | null }>(
      (p) =>
        `シート ${p.id} に${p.section}の欄があるはずですが、見つかりません。` +
        (p.above === null ? '' : `見出しの行が欠けたか読み誤られ、${p.section}の文章が前の${p.above}の欄（${p.from}〜${p.to} 行目）に読み込まれている可能性があります。PDF で確かめてください。`),
      (p) => `Expected section ${p.section} in sheet ${p.id}, found none${p.above === null ? '' : `: its text may have been read into ${p.above} (lines ${p.from}–${p.to})`}`,
      { section: '指標の考え方', id: '2-1-1', above: '評価指標', from: 1400, to: 1406 },
    ),
  },
  'sheet/unexpected-line': {
    beforeName: t<{ text: string }>(
      (p) => `シートは名称で始まるはずですが、「${p.text}」で始まっています。`,
      (p) => `Expected the sheet to start with 名称, found 「${p.text}」`,
      { text: '番号' },
    ),
  },
  'sheet/heading-out-of-order': {
    noName: t<{ heading: string }>(
      (p) => `「${p.heading}」の前に名称があるはずですが、見つかりません。名称の行が欠けた新しいシートの可能性があります。`,
      (p) => `Expected 名称 before 「${p.heading}」: this looks like a new sheet without its 名称 line`,
      { heading: '番号' },
    ),
  },
  'sheet/bad-year-heading': {
    notConsecutive: t<{ expected: string[] | null; found: string[] }>(
      (p) => `連続する年度${p.expected ? `（${p.expected.join(' ')}）` : ''}が並ぶはずですが、${p.found.join(' ')} です。`,
      (p) => `Expected consecutive fiscal years${p.expected ? ` ${p.expected.join(' ')}` : ''}, found ${p.found.join(' ')}`,
      { expected: ['令和3年度', '令和4年度'], found: ['令和3年度', '令和5年度'] },
    ),
  },
  'table/too-many-cells': {
    tooMany: t<{ label: string; years: number; found: number }>(
      (p) => `項目「${p.label}」の欄は多くても ${p.years} 個のはずですが、${p.found} 個あります。`,
      (p) => `Expected at most ${p.years} cells in row 「${p.label}」, found ${p.found}`,
      { label: '電子申請件数', years: 5, found: 6 },
    ),
  },
  'table/unplaced-cells': {
    ambiguous: t<{ label: string; years: number; cells: number; spanning: number }>(
      (p) =>
        `項目「${p.label}」の欄は ${p.years} 個か、結合された文章の欄 1 個のはずですが、${p.cells} 個あり、そのうち ${p.spanning} 個が複数年度にまたがる可能性があります。欄をどの年度に当てるかが一通りに決まりません。`,
      (p) => `Expected ${p.years} cells or one merged text cell in row 「${p.label}」, found ${p.cells} cells with ${p.spanning} that could span`,
      { label: '電子申請の拡充', years: 5, cells: 3, spanning: 2 },
    ),
  },
  'table/extra-empty-cells': {
    dropped: t<{ label: string; years: number; dropped: number }>(
      (p) => `項目「${p.label}」の欄は ${p.years} 個のはずですが、最後に空の欄が ${p.dropped} 個多くあります。レイアウト上の空白なら除いて読みますが、取り出しで値の前に空白が入ると、値が後の年度に移ってこうなります（このままでは値が違う年度で公開されます）。PDF で各年度の値を確かめてください。`,
      (p) => `Expected ${p.years} cells in row 「${p.label}」, found ${p.dropped} more empty ones at the end: layout, or a space added before a value, which moves it to a later year`,
      { label: '電子申請の拡充', years: 5, dropped: 1 },
    ),
  },
  'table/empty-indicator': {
    noTargets: t<{ label: string }>(
      (p) => `評価指標の項目「${p.label}」には目標値の欄があるはずですが、見つかりません。目標値の行が欠けたか、別の行に読み込まれた可能性があります（このままでは目標値のない指標として公開されます）。PDF で確かめてください。`,
      (p) => `Expected target cells in indicator row 「${p.label}」, found none`,
      { label: '電子申請件数' },
    ),
  },
  'table/label-runs-on': {
    moreLabelText: t<{ label: string; line: number; next: string }>(
      (p) => `項目「${p.label}」は ${p.line} 行目の後に欄が来るはずですが、さらに項目名の文字「${p.next}」が続いています。2 つの項目の項目名がつながった可能性があります。`,
      (p) => `Expected the cells of row 「${p.label}」 after line ${p.line}, found more label text 「${p.next}」: two rows' labels may have run together`,
      { label: '電子申請件数', line: 210, next: '窓口の混雑' },
    ),
    cellsOnLastLine: t<{ label: string; lines: number; line: number }>(
      (p) => `項目「${p.label}」の項目名（${p.lines} 行）は最後の行まで項目名だけのはずですが、最後の ${p.line} 行目に欄があります。1 行だけの別の項目が入り込んだ可能性があります。`,
      (p) => `Expected row 「${p.label}」's label of ${p.lines} lines to end on a line of its own, found cells on its last line ${p.line}: a one-line row may have run into it`,
      { label: '電子申請件数', lines: 2, line: 212 },
    ),
  },
  'table/label-cut-short': {
    tooShort: t<{ label: string }>(
      (p) => `評価指標の項目名「${p.label}」は短すぎます（両方の版の評価指標の名前は 3 字以上です）。行が欠けている可能性があります。`,
      (p) => `Expected an indicator name of three characters or more (as in both real editions), found 「${p.label}」: a line may be missing`,
      { label: 'ス数' },
    ),
    unbalancedBrackets: t<{ label: string }>(
      (p) => `項目「${p.label}」の項目名の括弧は順に開いて閉じるはずですが、対応が取れていません。行が欠けているか、順序が入れ替わっている可能性があります。`,
      (p) => `Expected the brackets of row 「${p.label}」's label to open and close in order, found them unbalanced: its lines may be missing or out of order`,
      { label: '電子申請（年間' },
    ),
    joinedToValue: t<{ label: string; value: string; line: number }>(
      (p) => `項目「${p.label}」の項目名は ${p.line} 行目の値「${p.value}」の前で終わるはずですが、折り返した行で値とつながっています。`,
      (p) => `Expected row 「${p.label}」's label to end before the value 「${p.value}」 on line ${p.line}, found them joined by a wrapped line`,
      { label: '電子申請件数', value: '１００件', line: 215 },
    ),
    cellStopsShort: t<{ label: string; cell: string; line: number }>(
      (p) => `項目「${p.label}」の欄「${p.cell}」は折り返している ${p.line} 行目の後に続くはずですが、次の欄が来ています。行が欠けているか、位置がずれている可能性があります。`,
      (p) => `Expected the cell 「${p.cell}」 of row 「${p.label}」 to go on after line ${p.line}, where it wraps, found the next cell: a line may be missing or out of place`,
      { label: '電子申請の拡充', cell: '対象手続の', line: 220 },
    ),
    afterLetterSpaced: t<{ label: string; line: number }>(
      (p) => `項目「${p.label}」の項目名は字間を空けて幅いっぱいに組まれた ${p.line} 行目の後に続くはずですが、欄が来ています。次の行が欠けている可能性があります。`,
      (p) => `Expected row 「${p.label}」's label to go on after its letter-spaced (full) line ${p.line}, found its cells: its next line may be missing`,
      { label: '電 子 申 請', line: 230 },
    ),
    endsMidPhrase: t<{ label: string }>(
      (p) => `項目「${p.label}」の項目名は名前で終わるはずですが、語句の途中で終わっています。最後の行が欠けている可能性があります。`,
      (p) => `Expected row 「${p.label}」's label to end with a name, found it ends mid-phrase: its last line may be missing`,
      { label: '電子申請による' },
    ),
    indicatorEnding: t<{ label: string; ending: string }>(
      (p) => `評価指標の項目「${p.label}」は指標名らしく（…数、…率、…割合、…の実施 など）終わるはずですが、「${p.ending}」で終わっています。最後の行が欠けている可能性があります。`,
      (p) => `Expected 評価指標 row 「${p.label}」 to end as an indicator's name does (…数, …率, …割合, …の実施 …), found 「${p.ending}」: its last line may be missing`,
      { label: '電子申請の', ending: '請の' },
    ),
    wrapsIntoCells: t<{ label: string; line: number }>(
      (p) => `項目「${p.label}」の項目名は欄の前で改行して終わるはずですが、${p.line} 行目で欄へ折り返しています。最後の行が欠けている可能性があります。`,
      (p) => `Expected row 「${p.label}」's label to end with a line break before its cells, found it wraps on line ${p.line} into the cells: its last line may be missing`,
      { label: '電子申請件数', line: 240 },
    ),
    tooWide: t<{ label: string; column: number; line: number; width: number }>(
      (p) => `項目「${p.label}」の項目名の行は項目名の列幅（${p.column} 文字）で折り返すはずですが、${p.line} 行目は ${p.width} 文字で折り返しています。別の場所の行が項目名に読み込まれた可能性があります。`,
      (p) => `Expected the label lines of row 「${p.label}」 to wrap at the label column's width (${p.column} characters), found line ${p.line} wrapping at ${p.width}: a line from elsewhere read into the label`,
      { label: '手続のオンライン化', column: 8, line: 250, width: 14 },
    ),
    tooNarrow: t<{ label: string; column: number; line: number; width: number }>(
      (p) => `項目「${p.label}」の項目名の行は項目名の列幅（${p.column} 文字）で折り返すはずですが、${p.line} 行目は ${p.width} 文字で折り返しています。PDF の 1 行が取り出しで 2 行に分かれたか、行の一部が欠けた可能性があります（このままでは名前が違って公開されることがあります）。`,
      (p) => `Expected the label lines of row 「${p.label}」 to wrap at the label column's width (${p.column} characters), found line ${p.line} wrapping at ${p.width}: a line of the PDF broken in two, or part of a line lost`,
      { label: '学習用端末検討・更新', column: 5, line: 603, width: 3 },
    ),
  },
  'table/value-without-unit': {
    unitLost: t<{ label: string; value: string; unit: string }>(
      (p) => `項目「${p.label}」のほかの年度の目標値には単位（${p.unit}）があるのに、「${p.value}」には単位がありません。単位の行が欠けている可能性があります。`,
      (p) => `Expected the value 「${p.value}」 of row 「${p.label}」 to carry a unit as its other years do (${p.unit}), found none: the unit's line may be missing`,
      { label: '削減時間（累積）', value: '１，５００', unit: '時間' },
    ),
  },
  'table/label-starts-mid-phrase': {
    midPhrase: t<{ label: string; start: string }>(
      (p) => `項目「${p.label}」は名前で始まるはずですが、語句の途中の「${p.start}」で始まっています。最初の行が欠けている可能性があります。`,
      (p) => `Expected row 「${p.label}」 to start with a name, found it starts mid-phrase with 「${p.start}」: its first line may be missing`,
      { label: 'の推進', start: 'の推進' },
    ),
    katakanaFragment: t<{ label: string; start: string }>(
      (p) => `項目「${p.label}」は名前で始まるはずですが、片仮名 1 字の「${p.start}」の後にすぐ別の字が続いており、語の途中から始まっています。最初の行が欠けている可能性があります。`,
      (p) => `Expected row 「${p.label}」 to start with a name, found it starts with the single katakana 「${p.start}」 run into the next word: its first line may be missing`,
      { label: 'ムの検討', start: 'ム' },
    ),
    onlyBracket: t<{ label: string }>(
      (p) => `項目「${p.label}」は名前で始まるはずですが、括弧書きの補足しかありません。最初の行が欠けている可能性があります。`,
      (p) => `Expected row 「${p.label}」 to start with a name, found only a bracketed qualifier: its first line may be missing`,
      { label: '（年間）' },
    ),
  },
  'table/value-in-label': {
    atStart: t<{ label: string; value: string }>(
      (p) => `項目名の列には名前が入るはずですが、項目「${p.label}」の始まりに値「${p.value}」があります。表の行が欠けているか、位置がずれている可能性があります。`,
      (p) => `Expected a name in the label column, found the value 「${p.value}」 where row 「${p.label}」 starts: a line of the table is missing or out of place`,
      { label: '１００件電子申請件数', value: '１００件' },
    ),
    inside: t<{ label: string; value: string }>(
      (p) => `項目名の列には名前が入るはずですが、項目「${p.label}」の項目名の中に値「${p.value}」があります。表の行の位置がずれている可能性があります。`,
      (p) => `Expected a name in the label column, found the value 「${p.value}」 inside row 「${p.label}」's label: a line of the table is out of place`,
      { label: '電子申請１００件件数', value: '１００件' },
    ),
    indicatorValue: t<{ label: string; value: string }>(
      (p) => `年度ごとの取組の項目「${p.label}」には各年度の取組が入るはずですが、評価指標の表のような値「${p.value}」があります。評価指標の見出しの位置がずれている可能性があります。`,
      (p) => `Expected the work of each year in 年度ごとの取組 row 「${p.label}」, found the value 「${p.value}」 as in the 評価指標 table: the 評価指標 heading may be out of place`,
      { label: '電子申請件数', value: '１００件' },
    ),
  },
  'table/values-run-together': {
    oneCell: t<{ label: string; first: string; second: string; line: number }>(
      (p) => `項目「${p.label}」の欄には値が 1 つずつ入るはずですが、「${p.first}」と ${p.line} 行目の「${p.second}」が 1 つの欄として読まれています。2 つの欄がつながった可能性があります。`,
      (p) => `Expected one value per cell in row 「${p.label}」, found 「${p.first}」 and 「${p.second}」 on line ${p.line} read as one cell`,
      { label: '電子申請件数', first: '１００件', second: '２００件', line: 260 },
    ),
    unitJoined: t<{ label: string; cell: string; unit: string }>(
      (p) => `項目「${p.label}」の欄「${p.cell}」は単位「${p.unit}」で始まっています。前の欄の単位とこの欄の値の間の空白が欠け、2 つの欄がつながった可能性があります（このままでは前の欄の値が単位なしで公開されます）。`,
      (p) => `Expected a cell of row 「${p.label}」 to start with its number, found 「${p.cell}」 starting with the unit 「${p.unit}」: the space after the previous cell's unit may have been lost`,
      { label: '地方税法417条にかかる時間', cell: '時間0 時間', unit: '時間' },
    ),
  },
  'table/text-in-value': {
    textAfterNumber: t<{ label: string; cell: string }>(
      (p) => `項目「${p.label}」の欄「${p.cell}」には数値と単位だけが入るはずですが、数値の後に文章が続いています。項目名の行が欄に読み込まれた可能性があります。`,
      (p) => `Expected a number with its unit in the cell 「${p.cell}」 of row 「${p.label}」, found more text after the number: a label line may have been read into it`,
      { label: '電子申請件数', cell: '１００件窓口の' },
    ),
  },
  'table/unit-without-value': {
    unitAlone: t<{ label: string; unit: string }>(
      (p) => `項目「${p.label}」の単位「${p.unit}」の前に数値があるはずですが、年度の欄に単位だけがあります。数値は別の場所にある可能性があります。`,
      (p) => `Expected a number before the unit 「${p.unit}」 in row 「${p.label}」, found the unit alone in a year cell`,
      { label: '電子申請件数', unit: '件' },
    ),
  },
  'table/heading-in-row': {
    inRow: t<{ heading: string; label: string }>(
      (p) => `見出し「${p.heading}」は新しい欄の始まりのはずですが、項目「${p.label}」の一部として読まれています。2 つの行がつながった可能性があります。`,
      (p) => `Expected the heading 「${p.heading}」 to start its own section, found it read as part of row 「${p.label}」`,
      { heading: '指標の考え方', label: '電子申請件数' },
    ),
    brokenHeading: t<{ heading: string; label: string }>(
      (p) => `項目「${p.label}」は見出し「${p.heading}」で始まっています。見出しの行が 2 行に分かれて取り出され、表の項目名として読まれた可能性があります（このままでは見出しが名前の一部として公開されます）。PDF で確かめてください。`,
      (p) => `Expected the heading 「${p.heading}」 on a line of its own, found it broken over lines and read as the start of row 「${p.label}」`,
      { heading: '評価指標', label: '評価指標利便性向上に資する手続のオンライン化数' },
    ),
  },
  'table/label-lines-joined': {
    joined: t<{ label: string; first: string; second: string; line: number }>(
      (p) => `項目「${p.label}」の「${p.first}」と「${p.second}」は別々の行のはずですが、${p.line} 行目に空白を挟んで 1 行に並んでいます。2 つの行がつながった可能性があります。`,
      (p) => `Expected 「${p.first}」 and 「${p.second}」 of row 「${p.label}」 on two lines, found them on one line ${p.line} with a space between: two lines joined`,
      { label: '電子申請 件数', first: '電子申請', second: '件数', line: 270 },
    ),
  },
  'table/duplicate-row-name': {
    twice: t<{ name: string }>(
      (p) => `表の項目はそれぞれ別の名前のはずですが、「${p.name}」が 2 回あります。項目名の行が欠けたか、ずれた可能性があります。`,
      (p) => `Expected each row of the table to have its own name, found 「${p.name}」 twice`,
      { name: '電子申請件数' },
    ),
  },
  'table/row-without-cells': {
    noCells: t<{ label: string }>(
      (p) => `項目「${p.label}」には次の表の前に年度の欄があるはずですが、見つかりません。次の表の行がこの表に入り込んだ可能性があります。`,
      (p) => `Expected the year cells of row 「${p.label}」 before the next table, found none: a line of the next table may have moved into this one`,
      { label: '電子申請件数' },
    ),
  },
  'table/label-line-spacing': {
    alone: t<{ label: string; labelLine: number; cellLine: number }>(
      (p) => `1 行の項目名「${p.label}」の行（${p.labelLine} 行目）には年度の欄も並ぶはずですが、欄は ${p.cellLine} 行目から始まっています。項目名の続きの行（括弧書きなど）が欠けたか、ずれた可能性があります。`,
      (p) => `Expected the first cell of one-line label 「${p.label}」 on its line ${p.labelLine}, found the cells starting on line ${p.cellLine}: a label line lost or moved`,
      { label: '交付率', labelLine: 422, cellLine: 424 },
    ),
    twoLines: t<{ label: string; labelLine: number; cellLine: number }>(
      (p) => `2 行の項目名「${p.label}」では最後の行（${p.labelLine} 行目）のすぐ次に年度の欄の行があるはずですが、間に空行があります（欄は ${p.cellLine} 行目）。項目名の行が欠けたか、ずれた可能性があります。`,
      (p) => `Expected the cells' line directly after line ${p.labelLine}, the last of two-line label 「${p.label}」, found an empty line before it (line ${p.cellLine}): a label line lost or moved`,
      { label: '決定及び導入', labelLine: 298, cellLine: 300 },
    ),
  },
  'table/label-lines-swapped': {
    otherOrder: t<{ label: string; swapped: string; first: number; second: number }>(
      (p) => `項目名を「${p.label}」と読みましたが、折り返しの境目で、この文書のほかの箇所にも辞書の語にもない文字のつながりができています。${p.first} 行目と ${p.second} 行目を入れ替えると「${p.swapped}」となり、どの境目も文書のほかの箇所か辞書の語にあるつながりになります。2 つの行が入れ替わった可能性があります。PDF で確かめてください。`,
      (p) => `Expected the soft line breaks of label 「${p.label}」 to join characters printed together elsewhere in the text or inside a dictionary word, found a join that is neither; with lines ${p.first} and ${p.second} in the other order (「${p.swapped}」) every join is: two label lines may have been swapped`,
      { label: '学校との連絡に関学校評価におけるする保護者の満足度', swapped: '学校評価における学校との連絡に関する保護者の満足度', first: 850, second: 852 },
    ),
    cellOtherOrder: t<{ label: string; cell: string; swapped: string; first: number; second: number }>(
      (p) => `項目「${p.label}」の欄を「${p.cell}」と読みましたが、折り返しの境目で、この文書のほかの箇所にも辞書の語にもない文字のつながりができています。${p.first} 行目と ${p.second} 行目を入れ替えると「${p.swapped}」となり、どの境目も文書のほかの箇所か辞書の語にあるつながりになります。2 つの行が入れ替わった可能性があります。PDF で確かめてください。`,
      (p) => `Expected the soft line breaks of cell 「${p.cell}」 of row 「${p.label}」 to join characters printed together elsewhere in the text or inside a dictionary word, found a join that is neither; with lines ${p.first} and ${p.second} in the other order (「${p.swapped}」) every join is: two lines may have been swapped`,
      { label: '所有権移転にかかる業務削減時間', cell: 'からシステ令和８年度ムでの所有権移転処理', swapped: '令和８年度からシステムでの所有権移転処理', first: 2331, second: 2333 },
    ),
  },
  'table/stray-empty-cells': {
    afterFullRow: t<{ label: string; years: number; line: number }>(
      (p) => `${p.line} 行目の空欄だけの行は、まだ年度の欄が足りない行のものであるはずですが、年度の欄が ${p.years} つそろった項目「${p.label}」の後にあります。別の行の項目名が欠けた可能性があります。`,
      (p) => `Expected the line of empty cells on line ${p.line} to belong to a row still lacking year cells, found it after row 「${p.label}」, which has a cell for each of the ${p.years} years: another row's label line may have been lost`,
      { label: 'システム構築', years: 5, line: 2313 },
    ),
    afterLastText: t<{ label: string; line: number; last: string }>(
      (p) => `項目「${p.label}」の欄は「${p.last}」まで 1 行に印字されていますが、その後の ${p.line} 行目に空欄だけの行があります。この空欄もこの項目の欄として数えると、各欄が何年度のものか（結合された欄の範囲を含む）が変わるため、この項目の年度は決めていません。別の場所の行が表に紛れ込んだ可能性があります。PDF で、この項目の欄を確かめてください。`,
      (p) => `Expected the empty cells of row 「${p.label}」 on the line of its last text 「${p.last}」, found a line of empty cells after it (line ${p.line}): counted as the row's cells, they change the years its cells are read for, a merged cell's span included, so the row is left unplaced (a line moved into the table)`,
      { label: '追加コンテンツ数', line: 532, last: '次期システムと合わせ検討' },
    ),
  },
  'table/space-in-word': {
    latin: t<{ label: string; spaced: string }>(
      (p) => `項目名「${p.label}」の「${p.spaced}」は、英字の語や数の中に空白が入ったように見えます。取り出しで文字の間が空いた可能性があります（このままでは空白の入った名称で公開されます）。PDF で確かめてください。`,
      (p) => `Expected no space inside a Latin word or a number in label 「${p.label}」, found 「${p.spaced}」: the extraction may have spaced its characters apart (it would be published with the space)`,
      { label: '公開型G IS搭載', spaced: 'G IS' },
    ),
  },
  'sheet/space-in-word': {
    latin: t<{ section: string; text: string; spaced: string }>(
      (p) => `${p.section}「${p.text}」の「${p.spaced}」は、英字の語や数の中に空白が入ったように見えます。取り出しで文字の間が空いた可能性があります（このままでは空白の入った形で公開されます）。PDF で確かめてください。`,
      (p) => `Expected no space inside a Latin word or a number in the ${p.section} 「${p.text}」, found 「${p.spaced}」: the extraction may have spaced its characters apart (it would be published with the space)`,
      { section: '名称', text: '生成A Iの活用', spaced: 'A I' },
    ),
  },
  'revision/space-in-word': {
    name: t<{ text: string; spaced: string }>(
      (p) => `改訂履歴の事業名「${p.text}」の「${p.spaced}」は、英字の語や数の中に空白が入ったように見えます。取り出しで文字の間が空いた可能性があります（このままでは空白の入った形で公開されます）。PDF で確かめてください。`,
      (p) => `Expected no space inside a Latin word or a number in the 改訂履歴 entry name 「${p.text}」, found 「${p.spaced}」: the extraction may have spaced its characters apart (it would be published with the space)`,
      { text: 'I CTを活用した子育て支援', spaced: 'I CT' },
    ),
    summary: t<{ text: string; spaced: string }>(
      (p) => `改訂履歴の内容「${p.text}」の「${p.spaced}」は、英字の語や数の中に空白が入ったように見えます。取り出しで文字の間が空いた可能性があります（このままでは空白の入った形で公開されます）。PDF で確かめてください。`,
      (p) => `Expected no space inside a Latin word or a number in the 改訂履歴 entry summary 「${p.text}」, found 「${p.spaced}」: the extraction may have spaced its characters apart (it would be published with the space)`,
      { text: '令和 7 年度の評価指標を 1 0 件に変更', spaced: '1 0' },
    ),
  },
  'outline/space-in-word': {
    latin: t<{ name: string; spaced: string }>(
      (p) => `個別事業一覧の名称「${p.name}」の「${p.spaced}」は、英字の語や数の中に空白が入ったように見えます。取り出しで文字の間が空いた可能性があります（このままでは空白の入った一覧上の名称で公開されます）。PDF で確かめてください。`,
      (p) => `Expected no space inside a Latin word or a number in the 個別事業一覧 entry 「${p.name}」, found 「${p.spaced}」: the extraction may have spaced its characters apart (it would be published with the space)`,
      { name: 'S NS等による情報発信', spaced: 'S NS' },
    ),
  },
  'table/unreadable-number': {
    noValue: t<{ label: string; cell: string }>(
      (p) => `項目「${p.label}」の目標値「${p.cell}」は数値で始まりますが、数値として読めません（桁区切りの位置や数字の間の空白が崩れています）。数字が欠けたか重なった可能性があります。このままでは数値なしで公開されます。PDF で確かめてください。`,
      (p) => `Expected target 「${p.cell}」 of row 「${p.label}」, which starts like a number, to read as one, found digits grouped or spaced otherwise: a digit may have been lost or doubled (it would be published with no value)`,
      { label: 'Ｘ（旧：Twitter）フォロワー数', cell: '７，3０００' },
    ),
  },
  'table/doubtful-number': {
    overHundredPercent: t<{ label: string; cell: string }>(
      (p) => `項目「${p.label}」の目標値「${p.cell}」は 100％ を超えています。小数点が欠けた（「54.4％」→「544％」）か数字が重なった可能性があります。PDF で確かめてください。`,
      (p) => `Expected target 「${p.cell}」 of row 「${p.label}」 to be a share of at most 100 %, found more: a decimal point may have been lost (54.4 % read as 544 %) or a digit doubled`,
      { label: 'マイナンバーカード交付率', cell: '544％' },
    ),
    pointLost: t<{ label: string; cell: string }>(
      (p) => `項目「${p.label}」はほかの目標値を小数で示していますが、「${p.cell}」は小数点がなく、ほかの値の 10 倍以上です。小数点が欠けた（「3.0」→「30」）可能性があります。PDF で確かめてください。`,
      (p) => `Expected target 「${p.cell}」 of row 「${p.label}」, whose other targets print decimals, near them, found a whole number ten times or more: a decimal point may have been lost (3.0 read as 30)`,
      { label: '満足度', cell: '30' },
    ),
  },
  'table/units-differ': {
    otherUnit: t<{ label: string; value: string; usual: string }>(
      (p) => `項目「${p.label}」のほかの目標値の単位は「${p.usual}」ですが、「${p.value}」だけ単位が違います。単位の文字が欠けたか重なった可能性があります。PDF で確かめてください。`,
      (p) => `Expected 「${p.value}」 of row 「${p.label}」 in the unit of the row's other numbers (「${p.usual}」), found another: a character of its unit may have been lost or doubled`,
      { label: 'オープンデータの公開数', value: '１ータ', usual: 'データ' },
    ),
    mixed: t<{ label: string; values: string }>(
      (p) => `項目「${p.label}」の目標値（${p.values}）の単位がそろっていません。どれかの単位の文字が欠けたか重なった可能性があります。PDF で確かめてください。`,
      (p) => `Expected the numbers of row 「${p.label}」 in one unit, found ${p.values}: a character of one unit may have been lost or doubled`,
      { label: '作業の削減時間', values: '１，３０３時、2,630時間' },
    ),
    doubled: t<{ label: string; value: string }>(
      (p) => `項目「${p.label}」の目標値「${p.value}」の単位に同じ文字が続いています。単位の文字が重なった可能性があります。PDF で確かめてください。`,
      (p) => `Expected the unit of 「${p.value}」 of row 「${p.label}」 without a character printed twice in a row, found one: a character may have been doubled`,
      { label: '利用回数', value: '25,000 回回' },
    ),
  },
  'table/cell-split': {
    spaceInText: t<{ label: string; first: string; second: string; line: number }>(
      (p) => `項目「${p.label}」の ${p.line} 行目で、「${p.first}」と「${p.second}」を隣り合う 2 つの年度の欄と読みましたが、文字の間に空白が入った 1 つの結合した欄（2 年度にまたがる「${p.first}${p.second}」）とも読めます。PDF で確かめてください。`,
      (p) => `Expected no two text cells side by side on line ${p.line} of row 「${p.label}」, found 「${p.first}」 and 「${p.second}」, which may as well be one merged cell spanning two years (「${p.first}${p.second}」) with a space inside its text`,
      { label: 'デジタル化割合（図書館所蔵資料）', first: '目録調製後、指標', second: '設定', line: 2918 },
    ),
    spaceInValue: t<{ label: string; first: string; second: string; line: number }>(
      (p) => `項目「${p.label}」の ${p.line} 行目で、数値「${p.first}」の後の「${p.second}」を次の年度の欄と読みましたが、数値の単位や「以上」などの続き（「${p.first}${p.second}」）の間に空白が入ったものとも読めます。PDF で確かめてください。`,
      (p) => `Expected the cell after number 「${p.first}」 on line ${p.line} of row 「${p.label}」 to be another year's, found 「${p.second}」, a few letters that may as well be the rest of its unit or qualifier (「${p.first}${p.second}」) with a space inside`,
      { label: '拡充箇所', first: '１箇所以', second: '上', line: 788 },
    ),
  },
  'sheet/table-line-in-text': {
    cells: t<{ section: string; text: string }>(
      (p) => `${p.section}の文章に、表の欄のように空白で区切られた行「${p.text}」があります。表の行が文章に紛れ込んだ可能性があります（このままでは${p.section}の一部として公開されます）。`,
      (p) => `Expected the text of ${p.section} without runs of spaces between words, found 「${p.text}」 spaced like a table row's cells: a table line moved into the text (it would be published as part of ${p.section})`,
      { section: '指標の考え方', text: '利用者満足度    60% 70％' },
    ),
    yearHeadings: t<{ section: string; text: string }>(
      (p) => `${p.section}の文章の行「${p.text}」に、表の年度の見出しが入っています。取り出しで改行が抜け、「年度ごとの取組」の見出しの行が文章につながった可能性があります（このままでは見出しが${p.section}の一部として公開されます）。PDF で確かめてください。`,
      (p) => `Expected the text of ${p.section} without a table's year headings, found 「${p.text}」: the 年度ごとの取組 heading line joined onto the text (it would be published as part of ${p.section})`,
      { section: '目指すもの', text: 'モーションを行います。 年度ごとの取組 令和３年度 令和４年度 令和５年度 令和６年度 令和７年度' },
    ),
  },
  'sheet/repeated-line': {
    twice: t<{ section: string; text: string }>(
      (p) => `${p.section}の各行は 1 回ずつのはずですが、「${p.text}」が 2 回続けて印字されています。取り出しで行が重なった可能性があります（このままでは 2 回公開されます）。`,
      (p) => `Expected each line of ${p.section} once, found 「${p.text}」 printed twice in a row (it would be published twice)`,
      { section: '概要', text: '確実に情報を届けます。' },
    ),
  },
  'table/repeated-line': {
    twice: t<{ table: '評価指標' | '年度ごとの取組'; text: string | null; width: number }>(
      (p) => `${p.table}の表の各行は 1 回ずつのはずですが、${p.text === null ? `空欄だけの行（${p.width} 文字）` : `「${p.text}」`}が 2 回続けて印字されています。`,
      (p) => `Expected each line of the ${p.table} table once, found ${p.text === null ? `a line of ${p.width} empty cells` : `「${p.text}」`} printed twice in a row`,
      { table: '評価指標', text: '電子申請件数　１００件', width: 0 },
    ),
  },
  'sheet/departments-joined': {
    joined: t<{ name: string; parts: string[] }>(
      (p) => `課名「${p.name}」は、この版がそれぞれ単独で印字している課名「${p.parts.join('」「')}」をつなげたものです。間の「、」が欠けた可能性があります（このままでは 1 つの課として公開されます）。PDF で確かめてください。`,
      (p) => `Expected each department on its own, found 「${p.name}」, made of departments the edition prints on their own (「${p.parts.join('」, 「')}」): the 、 between them may have been lost`,
      { name: '国保年金課生活援護課', parts: ['国保年金課', '生活援護課'] },
    ),
  },
  'revision/text-ends-mid-line': {
    wrapped: t<{ numbers: string[]; text: string }>(
      (p) => `改訂履歴の ${p.numbers.join('、')} の内容の最後の行「${p.text}」は、取り出した本文では、PDF で行が折り返されたときのように文の途中で終わっています。途中の行が最後に移ったか、最後の行が欠けた可能性があります（このままでは改訂の内容が入れ替わるか欠けて公開されます）。PDF で、この項目の内容がこの行で終わっているか確かめてください。`,
      (p) => `Expected the last line of the 改訂履歴 summary of ${p.numbers.join(', ')} to end in a space, found 「${p.text}」 ending in text, as a wrapped line does: a line moved to the end, or the last line lost`,
      { numbers: ['1-1-3'], text: '令和 3 年 12 月の交付円滑化計画の改定に伴い、評価指標を交付率（対人' },
    ),
  },
  'revision/lines-swapped': {
    otherOrder: t<{ first: number; second: number; firstText: string; secondText: string }>(
      (p) => `改訂履歴の内容の ${p.first} 行目「${p.firstText}」と ${p.second} 行目「${p.secondText}」の前後の折り返しの境目で、この文書のほかの箇所にも辞書の語にもない文字のつながりができています。2 つの行を入れ替えると、そうしたつながりが 2 つ以上減ります。取り出しで 2 つの行が入れ替わった可能性があります（このままでは内容が入れ替わって公開されます）。PDF で、この 2 行の順番を確かめてください。`,
      (p) => `Expected the lines of a 改訂履歴 summary to join as the text prints them elsewhere, found line ${p.first} 「${p.firstText}」 and line ${p.second} 「${p.secondText}」 reading better in the other order (two or more joins fewer that nothing attests): two lines may have been swapped`,
      { first: 3864, second: 3866, firstText: '象庁データの追加等のシステム機能拡充により、新たに評価指標を追加し', secondText: '令和 4 年度に導入した総合防災情報システムについて、物資管理機能や気' },
    ),
  },
  'revision/line-too-wide': {
    joined: t<{ text: string; width: number; column: number }>(
      (p) => `改訂履歴の内容の行は、この版ではおよそ ${p.column} 文字幅で折り返されていますが、「${p.text}」は ${p.width} 文字幅あります。取り出しで改行が抜け、2 行がつながった可能性があります。PDF で確かめてください。`,
      (p) => `Expected the lines of the 改訂履歴's summaries to wrap at about ${p.column} full-width characters, found 「${p.text}」, ${p.width} wide: two lines may have been joined (a line break lost)`,
      { text: '令和 3 年 12 月の交付円滑化計画の改定に伴い、評価指標を交付率（対人口）、交付率（対申請件数）に細分化。', width: 52, column: 36 },
    ),
  },
  'revision/repeated-line': {
    twice: t<{ text: string }>(
      (p) => `改訂履歴の各行は 1 回ずつのはずですが、「${p.text}」が 2 回続けて印字されています。取り出しで行が重なった可能性があります（このままでは改訂の内容や計画番号が 2 回公開されます）。`,
      (p) => `Expected each line of the 改訂履歴 once, found 「${p.text}」 printed twice in a row (it would be published twice, or name its plan twice)`,
      { text: '1-3-(6)' },
    ),
  },
  'sheet/text-ends-mid-line': {
    wrapped: t<{ section: string; text: string }>(
      (p) => `${p.section}の最後の行「${p.text}」は、取り出した本文では、PDF で行が折り返されたときのように文の途中で終わっています。途中の行が最後に移ったか、最後の行が欠けた可能性があります（このままでは文章が入れ替わるか欠けて公開されます）。PDF で、${p.section}の文章がこの行で終わっているか確かめてください。`,
      (p) => `Expected the last line of ${p.section} to end in a space (the extraction puts one where the PDF's line ends by itself), found 「${p.text}」 ending in text, as a wrapped line does: a line moved to the end, or the last line lost (the text would be published out of order or cut)`,
      { section: '概要', text: '所に来なくても手続ができる」ことを目指し、申請届出等に関する市民サービスの向上を' },
    ),
  },
  'sheet/section-starts-mid-text': {
    connective: t<{ section: string; connective: string; text: string }>(
      (p) => `${p.section}の文章が「${p.connective}」で始まっています（「${p.text}」）。「${p.connective}」は前の文に続けて書くことばなので、見出しの前の段落がこの見出しの下に移ったか、${p.section}の最初の段落が欠けた可能性があります（このままでは文章が別の欄に入るか欠けて公開されます）。PDF で、${p.section}の最初の文を確かめてください。`,
      (p) => `Expected ${p.section} to start with a sentence of its own, found it starting with 「${p.connective}」, which adds to a sentence before it (「${p.text}」): a paragraph of the section above may have moved below the heading, or the section's first paragraph may have been lost`,
      { section: '目指すもの', connective: 'なお、', text: 'なお、同じ情報はインターネットやワンセグ対応の携帯電話でも閲覧できます。' },
    ),
    continuation: t<{ section: string; text: string }>(
      (p) => `${p.section}の文章が文の途中のような文字で始まっています（「${p.text}」）。見出しのすぐ下の最初の行が取り出しで欠けた可能性があります（このままでは文章が欠けて公開されます）。PDF で、${p.section}の最初の行を確かめてください。`,
      (p) => `Expected ${p.section} to start a sentence, found it starting mid-sentence (「${p.text}」): its first line, printed right under the heading, may have been lost (the text would be published cut)`,
      { section: '指標の考え方', text: 'き手続や、方向性整理を踏まえ決定）' },
    ),
    unopened: t<{ section: string; closer: string; text: string }>(
      (p) => `${p.section}の文章に、開き括弧のない閉じ括弧「${p.closer}」があります（「${p.text}」）。括弧を開いた行が取り出しで欠けた可能性があります（このままでは文章が欠けて公開されます）。PDF で、この行とその前の行を確かめてください。`,
      (p) => `Expected every closing bracket of ${p.section} to close one opened before it, found 「${p.closer}」 opened nowhere (「${p.text}」): the line that opened it may have been lost (the text would be published cut)`,
      { section: '指標の考え方', closer: '」', text: '窓口」システムの利用率' },
    ),
  },
  'sheet/lines-swapped': {
    otherOrder: t<{ section: string; first: number; second: number; firstText: string; secondText: string }>(
      (p) => `${p.section}の ${p.first} 行目「${p.firstText}」と ${p.second} 行目「${p.secondText}」の前後の行の境目で、この文書のほかの箇所にも辞書の語にもない文字のつながりや、文の途中のような段落の始まりができています。2 つの行を入れ替えると、そうした境目が 2 つ以上減ります。取り出しで 2 つの行が入れ替わった可能性があります（このままでは文章が入れ替わって公開されます）。PDF で、この 2 行の順番を確かめてください。`,
      (p) => `Expected the line breaks of ${p.section} to join characters printed together elsewhere in the text or inside a dictionary word, and each paragraph to start a sentence, found that line ${p.first} 「${p.firstText}」 and line ${p.second} 「${p.secondText}」 in the other order leave two or more such joins fewer: two lines may have been swapped (the text would be published out of order)`,
      { section: '概要', first: 264, second: 266, firstText: 'を推進します。', secondText: 'のオンライン化を推進するとともに、' },
    ),
  },
  'sheet/line-too-wide': {
    joined: t<{ section: string; text: string; width: number; column: number }>(
      (p) => `${p.section}の行は、この版ではおよそ ${p.column} 文字幅で折り返されていますが、「${p.text}」は ${p.width} 文字幅あります。取り出しで改行が抜け、2 行がつながった可能性があります（このままでは段落の区切りが変わって公開されます）。PDF で確かめてください。`,
      (p) => `Expected the lines of ${p.section} to wrap at about ${p.column} full-width characters, found 「${p.text}」, ${p.width} wide: two lines may have been joined (a line break lost; the paragraphs would be published otherwise)`,
      { section: '概要', text: '図ります。国の「デジタル・ガバメント実行計画」等を踏まえ、特に市民の利便性向上に資する手続', width: 45, column: 40 },
    ),
    paragraphsJoined: t<{ section: string; text: string; width: number; column: number }>(
      (p) => `${p.section}の行「${p.text}」は、文の終わり（「。」）の後に次の文が続き、この版で折り返される幅（およそ ${p.column} 文字）より広い ${p.width} 文字幅あります。段落の短い最後の行と次の段落の最初の行が、取り出しで改行が抜けてつながった可能性があります（このままでは段落の区切りが消えて公開されます）。PDF で確かめてください。`,
      (p) => `Expected a line of ${p.section} holding a sentence's end and the next sentence to fit the column (about ${p.column} full-width characters), found 「${p.text}」, ${p.width} wide: a paragraph's short last line may have been joined to the next paragraph's first (the paragraph break would be lost)`,
      { section: '概要', text: 'す。 本市として、自治会連合会の作成したホームページへの情報提供（回覧物等のデータ）等', width: 44, column: 42 },
    ),
  },
  'sheet/department-list': {
    dangling: t<{ section: '主管課等' | '関係課等'; text: string }>(
      (p) => `${p.section}の課名の並びは課名で終わるはずですが、「${p.text}」の「、」で終わっています。続く行が欠けたか、別の場所に移った可能性があります（このままでは課が欠けて公開されます）。PDF で確かめてください。`,
      (p) => `Expected the list of ${p.section} to end with a department, found it ending in 「${p.text}」 with its 、: the next line may have been lost or moved (a department would be missing)`,
      { section: '主管課等', text: '行政経営課、' },
    ),
    twice: t<{ section: '主管課等' | '関係課等'; name: string }>(
      (p) => `${p.section}の課は 1 回ずつ挙げられるはずですが、「${p.name}」が 2 回あります。行が二重に印字された可能性があります（このままでは同じ課が 2 回公開されます）。`,
      (p) => `Expected each department of ${p.section} once, found 「${p.name}」 twice: a line printed twice (it would be published twice)`,
      { section: '主管課等', name: '行政経営課' },
    ),
  },
  'sheet/not-a-department': {
    unlike: t<{ section: '主管課等' | '関係課等'; name: string }>(
      (p) => `${p.section}の「${p.name}」は課などの名前として読めません（課・室・館・所・センター・「〜等」などで終わり、日本語の文字の間に空白のない名前のはずです）。文章や見出しの行が${p.section}に読み込まれた可能性があります（このままでは課として公開されます）。PDF で確かめ、印字どおりの名前なら承認してください。`,
      (p) => `Expected each department of ${p.section} to be named as a department is (ending in 課, 室, 館, 所, センター, 等 …, no space between two Japanese characters), found 「${p.name}」: a line of prose or a heading may have been read into ${p.section} (it would be published as a department)`,
      { section: '関係課等', name: '本市の行政サービスにおける様々な手続を' },
    ),
  },
  'revision/out-of-order': {
    notAfterPrevious: t<{ printed: string; previous: string }>(
      (p) => `改訂履歴は古い改訂から順に並ぶはずですが、「${p.printed}」は前の改訂（${p.previous}）より後ではありません。年月の数字を読み誤った可能性があります。PDF で確かめてください。`,
      (p) => `Expected each 改訂履歴 date after the one before it (${p.previous}), found 「${p.printed}」: a digit of the date may have been misread`,
      { printed: '令和４年３月', previous: '2022-06' },
    ),
    entryNotAfterPrevious: t<{ number: string; previous: string; date: string }>(
      (p) => `改訂（${p.date}）の項目は事業番号の順に並ぶはずですが、${p.number} が ${p.previous} の後にあります。事業番号の数字を読み誤った可能性があります（このままでは別の事業の改訂として公開されます）。PDF で確かめてください。`,
      (p) => `Expected the entries of 改訂 ${p.date} in project-number order, found ${p.number} after ${p.previous}: a digit of the number may have been misread (the entry would be published for another project)`,
      { number: '2-2-1', previous: '2-2-9', date: '2023-03' },
    ),
    entryTwice: t<{ number: string; date: string }>(
      (p) => `改訂（${p.date}）に ${p.number} の項目が 2 つ続いています。項目の行が重なったか、次の項目の事業番号の数字を読み誤った可能性があります（このままでは同じ改訂が 2 回公開されます）。PDF で確かめてください。`,
      (p) => `Expected each project once among the entries of 改訂 ${p.date}, found two entries of ${p.number} in a row: an entry printed twice, or the next one's number misread`,
      { number: '1-2-1', date: '2023-03' },
    ),
    notEdition: t<{ printed: string; edition: string }>(
      (p) => `改訂履歴の最後の改訂は、この版（${p.edition}）の年月のはずですが、「${p.printed}」です。年月の数字を読み誤ったか、版のフォルダ名が違う可能性があります。PDF で確かめてください。`,
      (p) => `Expected the last 改訂履歴 date to be the month of this edition (${p.edition}), found 「${p.printed}」: a digit of the date may have been misread, or the edition folder is misnamed`,
      { printed: '令和７年８月', edition: '2025-03' },
    ),
  },
  'revision/bad-date': {
    unreadable: t<{ printed: string }>(
      (p) => `改訂の年月は令和4年6月のような形のはずですが、「${p.printed}」です。`,
      (p) => `Expected a revision date like 令和4年6月, found 「${p.printed}」`,
      { printed: '令和4年' },
    ),
  },
  'revision/entry-without-date': {
    noDate: t<{ entry: string }>(
      (p) => `改訂内容「${p.entry}」の前に改訂の年月があるはずですが、見つかりません。`,
      (p) => `Expected a revision date before entry 「${p.entry}」`,
      { entry: '１－１－（１）電子申請の推進' },
    ),
    noNumber: t<{ text: string }>(
      (p) => `「${p.text}」の前に計画の番号があるはずですが、見つかりません。`,
      (p) => `Expected a plan number before 「${p.text}」`,
      { text: '概要を修正。' },
    ),
  },
  'revision/entry-without-summary': {
    noSummary: t<{ numbers: string[] }>(
      (p) => `改訂履歴の ${p.numbers.join('、')} の項目には主な改定内容（「新規追加」など）があるはずですが、読み取れません。内容の行が欠けたか、計画名称と内容の区切りが読み取れず、内容が計画名称に読み込まれた可能性があります（このままでは内容のない項目として公開されます）。PDF で、この項目の計画名称と内容を確かめてください。`,
      (p) => `Expected a summary of the change in the 改訂履歴 entry of ${p.numbers.join(', ')} (at least 新規追加), found none: its line may have been lost, or the end of the name's cell not read and the summary read into the name`,
      { numbers: ['2-1-10'] },
    ),
  },
  'revision/entries-run-together': {
    joined: t<{ numbers: string[]; text: string }>(
      (p) => `改訂履歴の ${p.numbers.join('、')} の内容の行の途中に、計画名称の欄の終わりと同じ区切りがあり、その後に「${p.text}」が続いています。次の項目の行がこの行につながり、その番号・名称・内容がこの項目に読み込まれた可能性があります。PDF で、「${p.text}」が別の項目のものか確かめてください。`,
      (p) => `Expected no cell's end (two spaces) inside a line of the 改訂履歴 summary of ${p.numbers.join(', ')}, found one before 「${p.text}」: the next entry's line may have been joined to this one and read into it`,
      { numbers: ['2-1-13'], text: '計画終了。' },
    ),
    nameInSummary: t<{ numbers: string[]; name: string }>(
      (p) => `改訂履歴の ${p.numbers.join('、')} の内容の中に、事業の名称「${p.name}」がそのまま 1 行以上を占めています。次の項目の計画番号の行が欠け、その名称と内容がこの項目に読み込まれた可能性があります（このままでは次の項目が公開されません）。PDF で、「${p.name}」の項目が別にあるか確かめてください。`,
      (p) => `Expected the 改訂履歴 summary of ${p.numbers.join(', ')} not to hold a project's whole name, found 「${p.name}」 on lines of their own: the next entry's number line may have been lost and its name and summary read into this entry`,
      { numbers: ['2-1-9'], name: 'AI現況調査システムを活用した事務の効率化' },
    ),
  },
  'outline/lost-line': {
    gap: t<{ previous: string; text: string }>(
      (p) => `個別事業一覧の行の間の空行は 1 行のはずですが、「${p.previous}」と「${p.text}」の間に空行が 2 行以上あります。取り出しで 1 行（事業の行や名称の続き）が抜けた可能性があります（このままでは一覧の事業や名称が欠けて公開されます）。PDF で、この 2 行の間に何があるか確かめてください。`,
      (p) => `Expected one empty line between two lines of the 個別事業一覧, found more between 「${p.previous}」 and 「${p.text}」: a line (an entry, or a line of a name) may have been lost there`,
      { previous: '(1) 各種手続のオンライン化の推進', text: '(3) マイナンバーカード交付事務の円滑化' },
    ),
  },
  'revision/lost-line': {
    gap: t<{ previous: string; text: string }>(
      (p) => `改訂履歴の行の間の空行は 1 行までのはずですが、「${p.previous}」と「${p.text}」の間に空行が 2 行以上あります。取り出しで 1 行が抜けた可能性があります（このままでは改訂の内容や項目が欠けて公開されます）。PDF で、この 2 行の間に何があるか確かめてください。`,
      (p) => `Expected at most one empty line between two lines of the 改訂履歴, found more between 「${p.previous}」 and 「${p.text}」: a line may have been lost there`,
      { previous: '令和 3 年 12 月の交付円滑化計画の改定に伴い、評価指標を交付率（対人', text: '1-2-(１) ＳＮＳ等による情報発信  令和４年度以降の評価指標について、各目標値を上方修正。' },
    ),
  },
  'revision/entry-without-name': {
    noName: t<{ numbers: string[] }>(
      (p) => `改訂履歴の ${p.numbers.join('、')} の後には計画名称があるはずですが、見つかりません。名称の行が欠けた可能性があります（このままでは名称のない項目として公開されます）。PDF で確かめてください。`,
      (p) => `Expected a plan name after ${p.numbers.join(', ')} in the 改訂履歴, found none: its line may have been lost (the entry would be published without a name)`,
      { numbers: ['1-1-1', '1-1-2'] },
    ),
  },
  'quality/list-sheet-name-mismatch': {
    differs: t<{ listed: string; sheet: string; listLine: number | null; sheetLine: number | null }>(
      (p) => `シートの名称は一覧${p.listLine === null ? '' : `（${p.listLine} 行目）`}と同じ「${p.listed}」のはずですが、「${p.sheet}」です。どちらかの文字や行を読み誤った可能性があります。PDF で両方を確かめてください。`,
      (p) => `Expected the listed name 「${p.listed}」${p.listLine === null ? '' : ` (line ${p.listLine})`} on the sheet, found 「${p.sheet}」: either copy may have been misread`,
      { listed: '電子申請の推進', sheet: '電子申請の拡充', listLine: 20, sheetLine: 240 },
    ),
    listDiffers: t<{ listed: string; sheet: string; listLine: number | null; sheetLine: number | null }>(
      (p) => `一覧の名称「${p.listed}」は、シート${p.sheetLine === null ? '' : `（${p.sheetLine} 行目から）`}の名称「${p.sheet}」と同じはずですが、違います。どちらかの文字や行を読み誤った可能性があります。PDF で両方を確かめてください。`,
      (p) => `Expected the listed name 「${p.listed}」 to be the sheet's${p.sheetLine === null ? '' : ` (from line ${p.sheetLine})`}, found 「${p.sheet}」 there: either copy may have been misread`,
      { listed: '電子申請の推進', sheet: '電子申請の拡充', listLine: 20, sheetLine: 240 },
    ),
  },
  'quality/list-sheet-tag-mismatch': {
    differs: t<{ listed: string[]; sheet: string[] }>(
      (p) => `シートの付記は一覧と同じ${tagsJa(p.listed)}のはずですが、シートでは${tagsJa(p.sheet)}です。`,
      (p) => `Expected tags ${tagsEn(p.listed)} as listed, found ${tagsEn(p.sheet)} on the sheet`,
      { listed: ['再掲'], sheet: [] },
    ),
  },
  'quality/listed-without-sheet': {
    none: t<{ id: string }>(
      (p) => `一覧にある事業 ${p.id} のシートがあるはずですが、見つかりません。本文が欠けている可能性があります。`,
      (p) => `Expected a sheet for listed project ${p.id}, found none`,
      { id: '1-1-1' },
    ),
  },
  'quality/sheet-not-listed': {
    none: t<{ id: string; after: string | null; listLine: number | null }>(
      (p) =>
        `${p.id} は個別事業一覧に載っているはずですが、シートしかありません。` +
        (p.listLine === null ? '' : `一覧の ${p.listLine} 行目（${p.after ?? 'その事業推進計画'}）の後の行が欠けたか、番号を読み誤った可能性があります。PDF で確かめてください。`),
      (p) => `Expected ${p.id} in the 個別事業一覧, found only its sheet${p.listLine === null ? '' : ` (the list's line after line ${p.listLine} may have been lost or its number misread)`}`,
      { id: '1-2-4', after: '1-2-3', listLine: 43 },
    ),
    listGap: t<{ id: string; after: string | null; listLine: number | null }>(
      (p) => `個別事業一覧の ${p.listLine ?? '？'} 行目（${p.after ?? 'その事業推進計画'}）の後に ${p.id} があるはずですが、見つかりません（シートはあります）。一覧の行が欠けたか、番号を読み誤った可能性があります。PDF で確かめてください。`,
      (p) => `Expected ${p.id} in the 個別事業一覧 after line ${p.listLine ?? '?'} (${p.after ?? 'its measure'}), found it on its sheet only: a line of the list lost, or its number misread`,
      { id: '1-2-4', after: '1-2-3', listLine: 43 },
    ),
  },
  'quality/banner-mismatch': {
    sheetUnder: t<{ id: string; measure: string; found: string }>(
      (p) => `シート ${p.id} は事業推進計画 ${p.measure} の見出しの下にあるはずですが、${p.found} の下にあります。`,
      (p) => `Expected sheet ${p.id} under the banner of 事業推進計画 ${p.measure}, found it under ${p.found}`,
      { id: '1-2-1', measure: '1-2', found: '1-1' },
    ),
    bannerName: t<{ what: string; listed: string | null; banner: string | null; listLine: number | null; bannerLine: number }>(
      (p) => `${p.what}の見出しは${p.listed === null ? '一覧にあるはずですが一覧になく' : `一覧${p.listLine === null ? '' : `（${p.listLine} 行目）`}と同じ「${p.listed}」のはずですが`}、見出しは「${p.banner ?? ''}」です。どちらかの文字や行を読み誤った可能性があります。`,
      (p) => `Expected the banner of ${p.what} to read 「${p.listed ?? '(not listed)'}」${p.listLine === null ? '' : ` (as the list, line ${p.listLine})`}, found 「${p.banner ?? ''}」`,
      { what: '基本方針1', listed: '行政のデジタル化', banner: '行政のデジタル化の推進', listLine: 8, bannerLine: 170 },
    ),
    listName: t<{ what: string; listed: string | null; banner: string | null; listLine: number | null; bannerLine: number }>(
      (p) => `一覧の${p.what}の名称「${p.listed ?? ''}」は、見出し（${p.bannerLine} 行目）の「${p.banner ?? ''}」と同じはずですが、違います。どちらかの文字や行を読み誤った可能性があります。PDF で両方を確かめてください。`,
      (p) => `Expected the list's name of ${p.what} 「${p.listed ?? ''}」 to be its banner's (line ${p.bannerLine}), found 「${p.banner ?? ''}」 there: either copy may have been misread`,
      { what: '基本方針1', listed: '行政のデジタル化', banner: '行政のデジタル化の推進', listLine: 8, bannerLine: 170 },
    ),
  },
  'quality/sheet-out-of-order': {
    after: t<{ id: string; previous: string }>(
      (p) => `シート ${p.id} は ${p.previous} より前にあるはずですが、後にあります。`,
      (p) => `Expected sheet ${p.id} before ${p.previous}, found it after`,
      { id: '1-1-1', previous: '1-1-2' },
    ),
  },
  'quality/repost-differs': {
    differs: t<{ id: string; original: string; fields: string[]; line: number | null; originalLine: number | null }>(
      (p) =>
        `【再掲】${p.id} は ${p.original} と同じ内容のはずですが、${p.fields.map((f) => FIELD_NAMES_JA[f] ?? f).join('、')}が異なります` +
        `（${p.id} は ${p.line ?? '？'} 行目、${p.original} は ${p.originalLine ?? '？'} 行目から）。どちらかの行が欠けたり入れ替わったりして読まれた可能性があります。`,
      (p) =>
        `Expected 【再掲】 ${p.id} to repeat ${p.original}, found differences in ${p.fields.join(', ')} ` +
        `(${p.id} from line ${p.line ?? '?'}, ${p.original} from line ${p.originalLine ?? '?'}): a line of either copy may have been lost or moved`,
      { id: '2-1-3', original: '1-1-1', fields: ['name', 'indicators'], line: 420, originalLine: 210 },
    ),
    originalDiffers: t<{ id: string; original: string; fields: string[]; line: number | null; originalLine: number | null }>(
      (p) =>
        `${p.original} は【再掲】${p.id} と同じ内容のはずですが、${p.fields.map((f) => FIELD_NAMES_JA[f] ?? f).join('、')}が異なります` +
        `（${p.original} は ${p.originalLine ?? '？'} 行目、${p.id} は ${p.line ?? '？'} 行目から）。どちらかの行が欠けたり入れ替わったりして読まれた可能性があります。`,
      (p) =>
        `Expected ${p.original} to say what its 【再掲】 ${p.id} repeats, found differences in ${p.fields.join(', ')} ` +
        `(${p.original} from line ${p.originalLine ?? '?'}, ${p.id} from line ${p.line ?? '?'}): a line of either copy may have been lost or moved`,
      { id: '2-1-3', original: '1-1-1', fields: ['name', 'indicators'], line: 420, originalLine: 210 },
    ),
  },
  'quality/targets-direction': {
    turns: t<{ id: string; name: string; targets: { year: string; text: string }[]; at: number }>(
      (p) =>
        `${p.id} の評価指標「${p.name}」の目標値は、${p.targets[p.at]!.year}の「${p.targets[p.at]!.text}」で増減の向きが変わります（${p.targets.map((t) => `${t.year} ${t.text}`).join('、')}）。` +
        `目標値は年度を追って増えるか減るかのどちらかが普通で、2 つのセルが入れ替わって読まれたか、数字が誤読された可能性があります（このままでは違う数値が公開されます）。PDF で確かめ、このとおりなら確認ファイルで承認してください。`,
      (p) =>
        `Expected the targets of ${p.id}'s indicator 「${p.name}」 to rise or to fall over the years, found them turning at ${p.targets[p.at]!.year} 「${p.targets[p.at]!.text}」 (${p.targets.map((t) => `${t.year} ${t.text}`).join(', ')}): two cells may have been read in the other order, or a digit misread`,
      { id: '1-1-2', name: '利用率', targets: [{ year: '令和3年度', text: '10％' }, { year: '令和4年度', text: '5％' }, { year: '令和5年度', text: '15％' }], at: 0 },
    ),
    twoFall: t<{ id: string; name: string; targets: { year: string; text: string }[]; at: number }>(
      (p) =>
        `${p.id} の評価指標「${p.name}」の 2 つの目標値は、${p.targets.map((t) => `${t.year} ${t.text}`).join('、')}と、後の年度のほうが低くなっています。` +
        `目標値は年度を追って上がるのが普通で（下がるのは「以下」と書かれた上限がほとんどです）、2 つのセルが入れ替わって読まれたか、数字が誤読された可能性があります（このままでは違う数値が公開されます）。PDF で確かめ、このとおりなら確認ファイルで承認してください。`,
      (p) =>
        `Expected the two targets of ${p.id}'s indicator 「${p.name}」 to rise, or to be ceilings (以下), found them falling (${p.targets.map((t) => `${t.year} ${t.text}`).join(', ')}): the two cells may have been read in the other order, or a digit misread`,
      { id: '1-2-8', name: '利用件数', targets: [{ year: '令和6年度', text: '１４，０００件' }, { year: '令和7年度', text: '１３，０００件' }], at: 1 },
    ),
  },
  'quality/repost-without-original': {
    none: t<{ id: string; name: string | null }>(
      (p) => `【再掲】${p.id} の元になる「${p.name}」という事業があるはずですが、見つかりません。`,
      (p) => `Expected a project named 「${p.name}」 for the 【再掲】 ${p.id}, found none`,
      { id: '2-1-3', name: '電子申請の推進' },
    ),
  },
  'quality/ended-without-reason': {
    none: t<{ id: string }>(
      (p) => `【計画終了】のシート ${p.id} には終了理由があるはずですが、見つかりません。`,
      (p) => `Expected 終了理由 on the 【計画終了】 sheet ${p.id}, found none`,
      { id: '1-1-1' },
    ),
  },
  'quality/revision-unknown-project': {
    none: t<{ number: string; date: string }>(
      (p) => `改訂履歴（${p.date}）にある事業 ${p.number} がこの版にあるはずですが、見つかりません。`,
      (p) => `Expected project ${p.number} (改訂 ${p.date}) in this edition, found none`,
      { number: '9-9-9', date: '令和4年6月' },
    ),
  },
  'quality/revision-name-differs': {
    differs: t<{ number: string; date: string; expected: string; found: string }>(
      (p) => `${p.number} の改訂（${p.date}）に記された計画名は「${p.expected}」のはずですが、「${p.found}」です。`,
      (p) => `Expected 改訂 ${p.date} of ${p.number} to name 「${p.expected}」, found 「${p.found}」`,
      { number: '1-1-1', date: '令和4年6月', expected: '電子申請の推進', found: '電子申請' },
    ),
  },
  'review/unvouched-table': {
    unvouched: t<{ project: string; table: 'initiatives' | 'indicators'; earlier: string; added: boolean; rows: string[] }>(
      (p) =>
        `${p.project} の${FIELD_NAMES_JA[p.table]}（${p.rows.length} 行：${p.rows.map((r) => `「${r}」`).join('')}）は、${p.earlier} 版${p.added ? 'にない表' : 'と異なる表'}です。` +
        `前の版の読み取りと照合できないため、PDF の表と見比べて、${p.table === 'indicators' ? '行の順、各行の指標名、各年度の数値・単位' : '行の順、各行の取組名、各年度の記載'}が合っているか確かめてください。合っていれば確認ファイルで承認します。`,
      (p) =>
        `Expected ${p.project}'s ${p.table === 'initiatives' ? '年度ごとの取組' : '評価指標'} table (${p.rows.length} row${p.rows.length === 1 ? '' : 's'}: ${p.rows.map((r) => `「${r}」`).join('')}) to be vouched for by ${p.earlier}, found a table ${p.added ? 'it does not have' : 'that differs from it'}: a person checks each row's name, numbers, units and years against the PDF, and accepts it in the review file`,
      { project: '1-2-8', table: 'indicators', earlier: '2021', added: true, rows: ['利用件数', '登録団体数'] },
    ),
  },
  'review/unvouched-revision': {
    unvouched: t<{ date: string; entries: number; earlier: string; added: boolean }>(
      (p) =>
        `改訂履歴の${p.date}の改訂（項目 ${p.entries} 件）は、${p.earlier} 版${p.added ? 'にない改訂' : 'と異なる読み取り'}です。前の版の読み取りと照合できないため、PDF の改訂履歴と見比べて、改定年月と各項目（計画番号・計画名称・主な改定内容）が合っているか確かめてください。合っていれば確認ファイルで承認します。`,
      (p) =>
        `Expected the 改訂履歴 revision of ${p.date} (${p.entries} entr${p.entries === 1 ? 'y' : 'ies'}) to be vouched for by ${p.earlier}, found a revision ${p.added ? 'it does not print' : 'read differently from it'}: a person checks its date and each entry's plan numbers, name and summary against the PDF, and accepts it in the review file`,
      { date: '令和6年3月', entries: 32, earlier: '2021', added: true },
    ),
  },
  'review/unexplained-change': {
    unexplained: t<{ edition: string; project: string | null; mentions: { ja: string; en: string }[]; naming: { ref: string; excerpt: string }[]; change: string; cut: boolean }>(
      (p) =>
        `${p.edition} の改訂履歴に、${p.project ?? 'この事業'} を挙げて、${p.mentions.map((m) => m.ja).join('、または')}に触れた記載があるはずですが、${
          p.naming.length === 0 ? `${p.project ?? 'この事業'} を挙げた記載がありません` : `${p.naming.map((e) => `${e.ref}「${e.excerpt}」`).join('、')}しかありません`
        }。説明のない変更：${p.change}${p.cut ? '。名前が前の版の名前の一部だけになっています。計画の改訂ではなく、本文の行が抜けた（取り出しの誤り）可能性があります' : ''}`,
      (p) =>
        `Expected a 改訂履歴 entry of ${p.edition} that names ${p.project ?? 'the project'} and says ${p.mentions.map((m) => m.en).join(' or ')}, found ${
          p.naming.length === 0 ? `no entry naming ${p.project ?? 'it'}` : `only ${p.naming.map((e) => `${e.ref} 「${e.excerpt}」`).join(', ')}`
        }: ${p.change}${p.cut ? ' (the name is now a piece of the earlier one: a line of the text may have been lost)' : ''}`,
      {
        edition: '2025-03',
        project: '1-1-1',
        mentions: [{ ja: '上方修正（目標値の引き上げ）', en: '上方修正 (an increase)' }],
        naming: [{ ref: '2024-03#1', excerpt: '概要を修正。' }],
        change: '利用率の令和5年度（2023年度）の目標を「15％」から「５％」に変更',
        cut: false,
      },
    ),
    unexplainedEverywhere: t<{ edition: string; projects: number; mentions: { ja: string; en: string }[]; naming: string[]; change: string }>(
      (p) =>
        `${p.edition} の改訂履歴に、名称の変わった課等のある事業（${p.projects} 件）のどれかを挙げて、${p.mentions.map((m) => m.ja).join('、または')}に触れた記載があるはずですが、${
          p.naming.length === 0 ? 'どの事業を挙げた記載もありません' : `これらの事業を挙げた記載（${p.naming.join('、')}）はどれも触れていません`
        }。説明のない変更：${p.change}`,
      (p) =>
        `Expected a 改訂履歴 entry of ${p.edition} that names one of the ${p.projects} projects of the renamed department and says ${p.mentions.map((m) => m.en).join(' or ')}, found ${
          p.naming.length === 0 ? 'no entry naming any of them' : `only entries that do not (${p.naming.join(', ')})`
        }: ${p.change}`,
      {
        edition: '2025-03',
        projects: 2,
        mentions: [{ ja: '組織改正、課の名称', en: '組織改正, 課の名称' }],
        naming: ['2024-03#1'],
        change: '課等の名称「情報システム課」を「デジタル推進課」に変更（2 か所：1-1-1 主管課等、1-1-2 関係課等）',
      },
    ),
  },
  'review/stale-decision': {
    gone: t<{ finding: string; decision: 'accept' | 'reject'; date: string }>(
      (p) => `指摘ID ${p.finding} の判断（${p.date} に${p.decision === 'accept' ? '承認' : '却下'}）がありますが、この指摘はもう出ていません（本文が直ったか、読み方が変わりました）。本文を直したのなら、この判断を確認ファイルから消してください。直していないのなら、取り出しの誤りで読み方が変わった可能性があります。PDF と見比べてください。`,
      (p) => `Expected finding ${p.finding} (decided ${p.decision} on ${p.date}) in this build, found it no longer occurs: remove the decision if the text was corrected, else compare the text with the PDF`,
      { finding: 'table/label-runs-on@1-1-1/indicator~0123abcd', decision: 'accept', date: '2026-12-02' },
    ),
    readsDifferently: t<{ finding: string; subject: string; line: number }>(
      (p) => `確認ファイルの判断（指摘ID ${p.finding}）が対象にしていた ${p.subject.replace(/\/initiative$/, ' の年度ごとの取組').replace(/\/indicator$/, ' の評価指標')}（${p.line} 行目から）は、判断したときと違って読まれています。本文を直したのでなければ、取り出しで行やセルが欠けたり入れ替わったりした可能性があります（このままでは違う値が公開されます）。PDF と見比べてから判断を消してください。`,
      (p) => `Expected ${p.subject} (from line ${p.line}) to read as when finding ${p.finding} was decided, found it reading differently: unless the text was corrected, a line or cell may have been lost or moved`,
      { finding: 'quality/targets-direction@1-2-2/1~49af2091', subject: '1-2-2/1', line: 743 },
    ),
  },
  'review/history-rewritten': {
    sameNumber: t<{ edition: string; older: string; number: number }>(
      (p) => `${p.edition} は ${p.older} より後の版なので版番号が大きいはずですが、どちらも第${p.number}版です。改訂履歴の改定年月が足りないか、書き換えられている可能性があります。`,
      (p) => `Expected ${p.edition} to have a higher edition number than ${p.older}, found both edition ${p.number}: its 改訂履歴 may lack or have rewritten a revision date`,
      { edition: '2026-03', older: '2025-03', number: 5 },
    ),
    missingDates: t<{ edition: string; older: string; dates: string }>(
      (p) => `${p.edition} の改訂履歴には ${p.older} の改訂履歴にある改定年月がすべてあるはずですが、${p.dates} がありません。`,
      (p) => `Expected the 改訂履歴 of ${p.edition} to print every revision date of ${p.older}'s, found ${p.dates} missing`,
      { edition: '2026-03', older: '2025-03', dates: '2025-03' },
    ),
  },
  'review/decisions-unchecked': {
    noEarlierEdition: t<{ edition: string; count: number }>(
      (p) => `${p.edition} より前の版のフォルダーが同じ場所にあるはずですが、見つかりません。そのため、前の版からの変更についての判断 ${p.count} 件は確かめていません。`,
      (p) => `Expected the edition before ${p.edition} in the seeds folder to check the ${p.count} decisions about changes from it, found no earlier edition: they were not checked`,
      { edition: '2025-03', count: 2 },
    ),
  },
  'review/invalid-file': {
    notUtf8: t(
      () => '確認ファイル（review.json）は UTF-8 の JSON のはずですが、UTF-8 ではないバイト列があります。UTF-8 で保存し直してください。',
      () => 'Expected a UTF-8 JSON review file, found bytes that are not UTF-8',
      {},
    ),
    syntax: t<{ line: number; column: number; problem: JsonProblem }>(
      (p) =>
        `確認ファイル（review.json）は JSON のはずですが、${p.line} 行目 ${p.column} 文字目に書き方の誤りがあります（${JSON_PROBLEMS_JA[p.problem]}）。` +
        'よくある原因は、最後の項目の後の「,」と、「"」や「}」の閉じ忘れです。',
      (p) => `Expected a JSON review file, found a syntax error at line ${p.line}, column ${p.column}: ${p.problem}`,
      { line: 12, column: 5, problem: 'trailing comma' },
    ),
    schema: t<{ decision: number | null; finding: string | null; field: string | null; problem: FieldProblem; detail: string }>(
      (p) => {
        const where = p.decision === null ? 'ファイル全体' : `${p.decision} 件目の判断${p.finding ? `（指摘ID ${p.finding}）` : ''}`;
        const field = p.field === null ? '' : `の ${p.field}${REVIEW_FIELDS_JA[p.field] ? `（${REVIEW_FIELDS_JA[p.field]}）` : ''}`;
        return `確認ファイル（review.json）の${where}${field}${FIELD_PROBLEMS_JA[p.problem](p.detail)}`;
      },
      (p) =>
        `Expected ${p.decision === null ? 'the review file' : `decision ${p.decision}${p.finding ? ` (finding ${p.finding})` : ''}`}${p.field === null ? '' : ` field ${p.field}`} to match schemas/review.schema.json, found: ${p.problem}${p.detail ? ` (${p.detail})` : ''}`,
      { decision: 1, finding: 'table/label-runs-on@1-1-1/indicator~0123abcd', field: 'by', problem: 'empty', detail: '' },
    ),
    otherEdition: t<{ expected: string; found: string }>(
      (p) => `版 ${p.expected} の確認ファイルのはずですが、版IDが「${p.found}」になっています。フォルダーの名前と同じ版IDにしてください。`,
      (p) => `Expected the review file of edition ${p.expected}, found one for edition 「${p.found}」`,
      { expected: '2025-03', found: '2021' },
    ),
    decidedTwice: t<{ finding: string }>(
      (p) => `判断は指摘ごとに 1 件のはずですが、指摘ID ${p.finding} に 2 件あります。どちらか一方を消してください。`,
      (p) => `Expected one decision per finding, found finding ${p.finding} decided twice`,
      { finding: 'table/label-runs-on@1-1-1/indicator~0123abcd' },
    ),
  },
  'jsonld/lossy': {
    lossy: t<{ error: string }>(
      (p) => `JSON-LD は欠落なく RDF に変換できるはずですが、次の問題があります：${p.error}`,
      (p) => `Expected the JSON-LD to convert to RDF without loss, found: ${p.error}`,
      { error: 'unknownKey is not mapped' },
    ),
  },
  'csv/invalid': {
    duplicateId: t<{ table: string; id: string }>(
      (p) => `${p.table}.csv の ID は重複しないはずですが、${p.id} が 2 回あります。`,
      (p) => `Expected unique IDs in ${p.table}.csv, found ${p.id} twice`,
      { table: 'projects', id: '1-1-1' },
    ),
    badValue: t<{ table: string; column: string; type: string; required: boolean; value: string }>(
      (p) => `${p.table}.csv の列 ${p.column} には${p.required ? '必須の' : ''} ${p.type} 型の値が入るはずですが、${p.value} です。`,
      (p) => `Expected ${p.required ? 'a required ' : ''}${p.type} in ${p.table}.csv column ${p.column}, found ${p.value}`,
      { table: 'projects', column: 'name', type: 'string', required: true, value: 'null' },
    ),
  },
  'schema/violation': {
    violation: t<{ path: string; keyword: string; message: string; params: string }>(
      (p) =>
        `${p.path === '' ? '文書全体' : p.path} は schemas/plan.schema.json の ${p.keyword} の条件を満たすはずですが、満たしていません（${p.message}${p.params ? `；${p.params}` : ''}）。`,
      (p) => `Expected ${p.path === '' ? 'the document' : p.path} to satisfy ${p.keyword} (${p.message}${p.params ? `; ${p.params}` : ''})`,
      { path: '/projects/0/name', keyword: 'type', message: 'must be string', params: 'type: "string"' },
    ),
  },
  'fs/error': {
    failed: t<{ path: string; code: string; error: string }>(
      (p) => `${p.path} を読み書きできるはずですが、${p.code} のエラーになりました（${p.error}）。ディスクの空きや権限を確かめてください。`,
      (p) => `Expected to read or write ${p.path}, found ${p.code} (${p.error})`,
      { path: 'out/2021', code: 'ENOSPC', error: 'no space left on device' },
    ),
  },
  'fs/unsafe-output': {
    seedsInside: t<{ out: string; seeds: string }>(
      (p) => `出力フォルダー ${p.out} は、版のフォルダーを収めるフォルダー（--seeds の ${p.seeds}）と別の場所のはずですが、同じか、一方がもう一方を含んでいます。出力フォルダーはビルドのたびに丸ごと置き換わるため、このままでは版のファイル（本文・edition.json・review.json）が消えるか、出力が版のフォルダーとして読まれます。何も書き出していません。--out に別のフォルダーを指定してください。`,
      (p) => `Expected an output folder apart from the seeds folder ${p.seeds}, found ${p.out}, the same or one inside the other: the build replaces its output folder as a whole, so the seeds would be lost or the output read as an edition; nothing written`,
      { out: 'seeds', seeds: 'seeds' },
    ),
    notAnOutput: t<{ out: string }>(
      (p) => `出力フォルダー ${p.out} は、まだないか、空か、以前のビルドの出力（SHA256SUMS がある）のはずですが、ほかのファイルが入っています。ビルドは出力フォルダーを丸ごと置き換えるため、そのファイルが消えてしまいます。何も書き出していません。空のフォルダーか、まだないフォルダーを --out に指定してください。`,
      (p) => `Expected the output folder ${p.out} to be missing, empty or an earlier output (with SHA256SUMS), found other files, which replacing it would delete; nothing written`,
      { out: 'dist' },
    ),
  },
} as const satisfies { [C in RuleCode]: Record<string, AnyTemplate> };

/**
 * What the review adds to a finding's message: that it awaits a decision, or who decided what.
 * Appended after the rule's message, in the same language.
 */
export const DECISION_NOTES = {
  pending: t<{ reviewFile: string }>(
    (p) => `（${p.reviewFile} で承認されるまで公開されません）`,
    (p) => `; not published until accepted in ${p.reviewFile}`,
    { reviewFile: 'seeds/2025-03/review.json' },
  ),
  accepted: t<{ by: string; date: string; reason: string }>(
    (p) => `（${p.date} に ${p.by} が承認しました。理由：${p.reason}）`,
    (p) => `; accepted by ${p.by} on ${p.date}: ${p.reason}`,
    { by: '情報政策担当', date: '2026-12-02', reason: '組織改正による変更' },
  ),
  rejected: t<{ by: string; date: string; reason: string }>(
    (p) => `（${p.date} に ${p.by} が却下しました。理由：${p.reason}）`,
    (p) => `; rejected by ${p.by} on ${p.date}: ${p.reason}`,
    { by: '情報政策担当', date: '2026-12-02', reason: '読み取りの誤り' },
  ),
} as const;

/** Each rule's name in Japanese, as the review report and the runbook head a finding with it (the rule code stays beside it). */
export const RULE_TITLES_JA: Record<keyof typeof MESSAGES, string> = {
  'input/empty': '本文が空',
  'input/not-text': '本文がテキストでない',
  'input/no-outline': '個別事業一覧がない',
  'input/no-sheets': '個別事業シートがない',
  'input/unfamiliar-layout': 'これまでと違う取り出し方の文書',
  'meta/missing': 'edition.json がない',
  'meta/invalid': 'edition.json の誤り',
  'meta/unsafe-id': '使えない版ID',
  'meta/no-text': '本文の .txt が 1 つでない',
  'coverage/unaccounted-line': '分類できない行',
  'outline/bad-entry-number': '一覧の事業番号の誤り',
  'sheet/missing-number': '番号がない',
  'sheet/bad-number': '番号が読めない',
  'sheet/missing-name': '名称がない',
  'sheet/duplicate-number': '同じ番号のシートが 2 枚',
  'sheet/repeated-heading': '見出しが 2 回',
  'sheet/stray-line': '場所の外れた行',
  'sheet/lost-line': '行の抜け',
  'sheet/lost-section': '表の見出しの抜け',
  'sheet/missing-section': '欄がない',
  'sheet/unexpected-line': '見出しの前の行',
  'sheet/heading-out-of-order': '見出しの順序の乱れ',
  'sheet/bad-year-heading': '年度の見出しの誤り',
  'table/too-many-cells': '年度より多い欄',
  'table/unplaced-cells': '年度に当てられない欄',
  'table/extra-empty-cells': '余分な空欄',
  'table/empty-indicator': '目標値のない評価指標',
  'table/label-runs-on': '項目名のつながり',
  'table/label-cut-short': '途中で切れた項目名',
  'table/label-starts-mid-phrase': '途中から始まる項目名',
  'table/value-in-label': '項目名の中の数値',
  'table/values-run-together': '1 つの欄に 2 つの数値',
  'table/text-in-value': '数値の後の文字',
  'table/value-without-unit': '単位のない数値',
  'table/unit-without-value': '数値のない単位',
  'table/heading-in-row': '表の行になった見出し',
  'table/label-lines-joined': '結合した項目名の行',
  'table/duplicate-row-name': '同じ名前の行が 2 つ',
  'table/row-without-cells': '年度欄のない行',
  'table/label-line-spacing': '項目名と年度欄の行の間隔',
  'table/label-lines-swapped': '入れ替わった項目名の行',
  'sheet/table-line-in-text': '文章に紛れ込んだ表の行',
  'table/stray-empty-cells': '行のない空欄',
  'table/units-differ': '単位の違う目標値',
  'table/unreadable-number': '数値として読めない目標値',
  'table/doubtful-number': '読み誤りの疑われる目標値',
  'table/space-in-word': '項目名の英単語・数の中の空白',
  'sheet/space-in-word': '名称・課名・文章の英単語・数の中の空白',
  'outline/space-in-word': '一覧の名称の英単語・数の中の空白',
  'revision/space-in-word': '改訂履歴の英単語・数の中の空白',
  'table/cell-split': '空白で分かれた欄',
  'sheet/repeated-line': '文章の同じ行が 2 回',
  'table/repeated-line': '同じ行が 2 回',
  'revision/repeated-line': '改訂履歴の同じ行が 2 回',
  'revision/entry-without-summary': '内容のない改訂履歴の項目',
  'revision/entries-run-together': 'つながった改訂履歴の項目',
  'revision/lost-line': '改訂履歴の抜けた行',
  'outline/lost-line': '一覧の抜けた行',
  'revision/text-ends-mid-line': '途中で終わる改訂履歴の内容',
  'revision/line-too-wide': '幅の広すぎる改訂履歴の行',
  'revision/bad-date': '改訂履歴の日付の誤り',
  'revision/out-of-order': '改訂履歴の順序の乱れ',
  'sheet/departments-joined': 'つながった課名',
  'sheet/not-a-department': '課名として読めない名前',
  'sheet/department-list': '課名の並びの乱れ',
  'sheet/line-too-wide': '幅の広すぎる文章の行',
  'sheet/text-ends-mid-line': '途中で終わる文章',
  'sheet/lines-swapped': '入れ替わった文章の行',
  'revision/lines-swapped': '入れ替わった改訂履歴の行',
  'sheet/section-starts-mid-text': '文の途中から始まる文章',
  'sheet/missing-year-heading': '年度ごとの取組の見出しの欠落',
  'revision/entry-without-date': '日付のない改訂履歴',
  'revision/entry-without-name': '計画名のない改訂履歴',
  'quality/list-sheet-name-mismatch': '一覧とシートの名称の違い',
  'quality/list-sheet-tag-mismatch': '一覧とシートの付記の違い',
  'quality/listed-without-sheet': 'シートのない事業',
  'quality/sheet-not-listed': '一覧にないシート',
  'quality/banner-mismatch': '見出しの帯の違い',
  'quality/sheet-out-of-order': 'シートの順序',
  'quality/repost-differs': '【再掲】と元の事業の違い',
  'quality/targets-direction': '向きの揃わない目標値',
  'quality/repost-without-original': '元の事業のない【再掲】',
  'quality/ended-without-reason': '終了理由のない計画終了',
  'quality/revision-unknown-project': '改訂履歴の知らない事業番号',
  'quality/revision-name-differs': '改訂履歴の古い名称',
  'review/unexplained-change': '改訂履歴で説明されない変更',
  'review/unvouched-table': '前の版と照合できない表（PDF で確認）',
  'review/unvouched-revision': '前の版と照合できない改訂（PDF で確認）',
  'review/stale-decision': '古くなった判断',
  'review/history-rewritten': '書き換えられた改訂履歴',
  'review/decisions-unchecked': '確かめていない判断',
  'review/invalid-file': '確認ファイルの誤り',
  'jsonld/lossy': 'JSON-LD の欠落',
  'csv/invalid': 'CSV の誤り',
  'schema/violation': 'plan.json のスキーマ違反',
  'fs/error': 'ファイルの読み書きの失敗',
  'fs/unsafe-output': '置き換えると失われる出力フォルダー',
};

/** The catalog's type: rule code → variant → template. */
export type Messages = typeof MESSAGES;

/** The variants a rule code has in the catalog. */
export type Variant<C extends RuleCode> = keyof Messages[C] & string;

/** The parameters of one variant's message, as both languages' templates take them. */
export type ParamsOf<C extends RuleCode, V extends Variant<C>> = Messages[C][V] extends Template<infer P> ? P : never;

/** Renders one variant's message in both languages. */
export function renderMessage<C extends RuleCode, V extends Variant<C>>(code: C, variant: V, params: ParamsOf<C, V>): { ja: string; en: string } {
  const template = (MESSAGES[code] as unknown as Record<string, Template<ParamsOf<C, V>> | undefined>)[variant];
  if (!template) throw new Error(`no message ${code}/${variant} in the catalog`);
  return { ja: template.ja(params), en: template.en(params) };
}
