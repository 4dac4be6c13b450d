/**
 * What the command line says, in Japanese (the default: the staff who run it read Japanese) and in
 * English (`--lang en`, or an English `LANG`): usage, help, progress, the report and the summary.
 * One object per language with the same keys, so a text can never be half one language and half
 * the other; counts are written as each language's readers expect (「3 件」, "3 findings").
 */
import type { StageName } from '../build.js';
import { displayWidth } from '../common/text.js';
import type { Lang } from '../messages.js';
import type { PackageOutcome } from '../publish/publishCkan.js';

/** A language the command line speaks (the diagnostics' own). */
export type { Lang } from '../messages.js';

/** The language of a run: `--lang` when given, else English for an English locale (`LANG`, `LC_ALL`, `LC_MESSAGES`), else Japanese. */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang | null {
  if (flag !== undefined) return flag === 'ja' || flag === 'en' ? flag : null;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(locale) ? 'en' : 'ja';
}

/** The commands, in the order help lists them. */
export const COMMANDS = ['build', 'validate', 'diff', 'review', 'new-edition', 'publish'] as const;

/** One of the commands. */
export type Command = (typeof COMMANDS)[number];

const STAGE_LABELS: Record<StageName, string> = {
  read: '版フォルダーの読込',
  decode: '文字コードの判定',
  parse: '本文の構文解析',
  model: '計画モデルの作成',
  validate: 'スキーマ検証',
  quality: '品質検査',
  diff: '前の版との比較',
  review: '確認結果の適用',
  csv: 'CSVの作成',
  json: 'JSONの作成',
  jsonld: 'JSON-LDの作成',
  rdf: 'RDFの作成',
  report: '品質レポートの作成',
  publication: '公開ファイルの作成',
  write: '出力フォルダーの入替',
};

/**
 * `text` padded with spaces to `columns` terminal columns: a full-width character (漢字, かな, （）) takes
 * two, as a terminal draws it (`displayWidth` counts it one, ASCII a half), so Japanese lines align.
 */
export function padEndColumns(text: string, columns: number): string {
  const width = 2 * displayWidth(text);
  return width >= columns ? text : text + ' '.repeat(columns - width);
}

/** Everything the command line prints that is not a diagnostic, in one language. */
export interface CliTexts {
  help: Record<'main' | Command, string>;
  error: (message: string) => string;
  noCommand: string;
  unknownCommand: (command: string, suggestion: string | null) => string;
  badOption: (option: string | null, problem: 'unknown' | 'value' | 'other', detail: string, suggestion: string | null) => string;
  badLang: (value: string) => string;
  needsArguments: (command: 'diff' | 'review' | 'new-edition') => string;
  unexpectedArguments: (args: string) => string;
  draftOnlyForBuild: string;
  /** An option the command does not take (it would be ignored, silently). */
  optionNotForCommand: (option: string, command: string) => string;
  quietAndVerbose: string;
  earlierDecision: (edition: string, d: { decision: 'accept' | 'reject'; reason: string; by: string; date: string }) => string;
  progress: (edition: string | null, stage: StageName, ms: number) => string;
  notBuilt: (folder: string) => string;
  editionTotals: (t: { edition: string; file: string; encoding: string; bom: boolean; lineEnding: string; sheets: number; reposts: number; projects: number; ended: number; indicatorRows: number; revisionDates: number; revisionEntries: number }) => string;
  coverage: (c: { nonBlank: number; content: number; furniture: number; unaccounted: number }) => string;
  quality: (errors: number, warnings: number, notes: number) => string;
  reviewLine: (r: { findings: number; accepted: number; pending: number; rejected: number; stale: number; reviewFile: string }) => string;
  awaiting: (edition: string, pending: number, reviewFile: string) => string;
  notesHidden: (notes: number, accepted: number) => string;
  reextract: (edition: string, pending: number) => string;
  rejectedNext: (edition: string, rejected: number, reviewFile: string) => string;
  failed: (errors: number, pending: number) => string;
  checkFailed: (errors: number, pending: number) => string;
  builtDraft: (editions: number, pending: number, files: number) => string;
  built: (editions: number, files: number) => string;
  checked: (editions: number) => string;
  summary: (s: {
    draft: boolean;
    editions: { id: string; projects: number; indicatorRows: number }[];
    notBuilt: string[];
    written: number | null;
    errors: number;
    warnings: number;
    notes: number;
    pending: number;
    where: { edition: string; pending: number; reviewFile: string }[];
    seconds: number;
  }) => string;
  unknownEdition: (id: string, known: string[], purpose: 'build' | 'read', suggestion: string | null) => string;
  sameEdition: (id: string) => string;
  reversed: (from: string, to: string) => string;
  publishNeedsCkan: string;
  clockWarning: string;
  /** The compiled CLI is older than these sources: it compiles again first. */
  recompiling: (changed: readonly string[]) => string;
  reviewWritten: (path: string, findings: number, pending: number) => string;
  applyNeedsToken: string;
  noPackages: (folder: string) => string;
  sent: (n: number, url: string) => string;
  dryRun: (url: string) => string;
  packageOutcome: (outcome: PackageOutcome, applied: boolean) => string;
  unreachable: (why: string) => string;
  placeholderUrl: (url: string, refused: boolean) => string;
  applyNeedsOrg: string;
  orgDefault: (org: string) => string;
  requestsHidden: (n: number) => string;
  unreviewedEdition: (edition: string, pending: number, reviewFile: string) => string;
  unreadableMarker: (path: string) => string;
  draftRefused: (outDir: string, unreviewed: string[]) => string;
}

const ja: CliTexts = {
  help: {
    main: `使い方：hadano-ict-plan <コマンド> [オプション]      （または npm run build / npm run publish -- …）

コマンド：
  build        --seeds の各版を --out に作る（公開用の出力）
  validate     各版を読み取って検査するだけで、何も書き出さない
  diff         二つの版の違い：diff <前の版> <後の版>
  review       確認レポート（公開前に読むページ）を書き出す：review <版ID>（--json で判断の雛形）
  new-edition  改訂された本文から新しい版のフォルダーを作る：new-edition <本文.txt> [--id <版ID>]
  publish      作った出力をCKANに公開する（--apply を付けるまでは送信内容の確認だけ）

各コマンドのオプションは "hadano-ict-plan <コマンド> --help" で表示します。--lang en で英語になります。
終了コード：0 完了、1 データまたはポータルのエラー、2 使い方の誤り。`,
    build: `使い方：hadano-ict-plan build [--seeds <dir>] [--out <dir>] [--draft] [--quiet | --verbose] [--json]

--seeds（既定：seeds）の各版フォルダーを --out（既定：dist）に作ります。版フォルダーには、その版の本文
（.txt ファイル一つ、UTF-8 または Shift_JIS、手を加えない）、edition.json、指摘を判断した後は review.json
を置きます。出力フォルダーは丸ごと入れ替え、入れ替えるのは全部の版がエラーなく作れて、確認待ちの指摘が
ないときだけです。

  --draft   確認待ちの指摘があっても全部の出力を書く（ほかのエラーがあるときは書かない）。要約、quality.json、
            ページに「未確認の下書き」と記し、publish は公開を拒みます
  --quiet   公開を止める（または止め得る）もの（エラー、指摘、古くなった判断）と最後の要約だけを表示
  --verbose 注記（承認済みの指摘を含む）も一つずつ表示する（既定では件数だけ）
  --json    文章の代わりに機械可読の報告を表示
終了コード：0 作成した、1 データのエラーまたは確認待ちの指摘（何も書き出さない）、2 使い方の誤り。`,
    validate: `使い方：hadano-ict-plan validate [--seeds <dir>] [--quiet | --verbose] [--json]

--seeds（既定：seeds）の各版を build と同じように読み取って検査し、同じ指摘を報告します。何も書き出しません。
終了コード：0 問題なし、1 データのエラーまたは確認待ちの指摘、2 使い方の誤り。`,
    review: `使い方：hadano-ict-plan review <版ID> [--seeds <dir>] [--out <dir>] [--json]

版 <版ID> の確認レポート（公開前に読む日本語のページ。公開データではありません）を <out>-review/<版ID>.html
（既定：dist-review/）に書き出します。全部の指摘と本文の前後の行、判断、前の版からの変更とそれを説明する
改訂履歴の項目、説明のない変更、変更の見つからない項目、確認待ちの指摘に書く判断の雛形を載せます。
--json では、確認待ちの指摘を確認ファイル（--seeds/<版ID>/review.json）の "decisions" に加える JSON 配列として
表示します（"decision"、"reason"、"by"、"date" は人が書き入れるために空けてあります）。
終了コード：0 完了、2 使い方の誤り（知らない版）。`,
    diff: `使い方：hadano-ict-plan diff <前の版> <後の版> [--seeds <dir>] [--json]

版 <前の版> から版 <後の版>（版ID、例：2021 2025-03）への変更を、両版の計画モデルから求め、<後の版> の
改訂履歴と照らし合わせて表示します（Markdown、または --json）。
終了コード：0 完了、1 データのエラー、2 使い方の誤り（知らない版、同じ版、順序が逆）。`,
    'new-edition': `使い方：hadano-ict-plan new-edition <本文.txt> [--id <版ID>] [--seeds <dir>]

改訂された計画の本文（PDFから取り出したテキスト）から、新しい版のフォルダー --seeds/<版ID>/ を作ります。
版ID は本文の【改訂履歴】の最新の改定年月（令和8年3月 → 2026-03）、または --id で指定したものです。
本文はそのまま（1バイトも変えずに）複製し、edition.json は直前の版のものを複製して id だけを変えます。
既にある版は上書きしません。作った後にすることを表示します。
終了コード：0 作成した、1 作れなかった（既にある版、改訂履歴がない など）、2 使い方の誤り。`,
    publish: `使い方：hadano-ict-plan publish --ckan <url> [--out <dir>] [--org <slug>] [--verbose] [--apply]

各版のパッケージ（build が作る --out/ckan/*.json、既定の out：dist）を、CKAN の Action API でポータルに
作成または更新します。--apply を付けるまでは、版ごとに何をするか（新規作成か更新か、リソースの数）を
表示するだけです（ポータルに接続できないときも表示します）。API トークンは環境変数 CKAN_API_TOKEN から
読み、表示しません。未確認の下書き、例示用の仮の URL（example.org など）のままの版は公開しません。
  --org <slug>  パッケージを持つ CKAN の組織（--apply では必須。確認だけのときの既定：hadano-city）
  --verbose     ポータルに送る要求の全文も表示する
終了コード：0 完了、1 ポータルのエラー、2 使い方の誤り。`,
  },
  error: (message) => `エラー：${message}`,
  noCommand: 'エラー：コマンドがありません',
  unknownCommand: (command, suggestion) => `エラー：${command} というコマンドはありません${suggestion ? `（${suggestion} のことですか？）` : ''}`,
  badOption: (option, problem, detail, suggestion) =>
    `エラー：${problem === 'unknown' ? `${option} というオプションはありません` : problem === 'value' ? `${option} には値が要ります` : `オプションを読めません（${detail}）`}${suggestion ? `（${suggestion} のことですか？）` : ''}`,
  badLang: (value) => `エラー：--lang は ja または en です（指定：${value}）`,
  needsArguments: (command) =>
    command === 'diff'
      ? 'エラー：diff には版IDを二つ指定します：diff <前の版> <後の版>'
      : command === 'review'
        ? 'エラー：review には版IDを一つ指定します：review <版ID>'
        : 'エラー：new-edition には本文のファイルを一つ指定します：new-edition <本文.txt>',
  unexpectedArguments: (args) => `エラー：余分な引数があります：${args}`,
  draftOnlyForBuild: 'エラー：--draft は build にだけ使えます',
  optionNotForCommand: (option, command) => `エラー：${command} は ${option} を使いません（指定しても何も変わらないため、止めました）`,
  quietAndVerbose: 'エラー：--quiet と --verbose は一緒に使えません',
  earlierDecision: (edition, d) => `（前の版 ${edition} での判断：${d.decision}「${d.reason}」${d.by}、${d.date}）`,
  progress: (edition, stage, ms) => `  ${padEndColumns(edition ?? '全体', 10)} ${padEndColumns(`${stage}（${STAGE_LABELS[stage]}）`, 34)} ${ms.toFixed(0).padStart(6)} ミリ秒`,
  notBuilt: (folder) => `${folder}：作れませんでした`,
  editionTotals: (t) =>
    `${t.edition}（${t.file}、${t.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}${t.bom ? '・BOMあり' : ''}、改行 ${t.lineEnding}）：シート ${t.sheets} 枚（うち【再掲】${t.reposts} 枚）、事業 ${t.projects} 件（うち計画終了 ${t.ended} 件）、評価指標 ${t.indicatorRows} 行、改訂履歴 ${t.revisionDates} 回・${t.revisionEntries} 項目`,
  coverage: (c) => `  行の対応：空でない行 ${c.nonBlank} 行 ＝ 内容 ${c.content} 行 ＋ 頁の飾り ${c.furniture} 行 ＋ 未対応 ${c.unaccounted} 行`,
  quality: (errors, warnings, notes) => `  品質：エラー ${errors} 件、警告 ${warnings} 件、注記 ${notes} 件`,
  reviewLine: (r) =>
    `  確認：指摘 ${r.findings} 件（承認済み ${r.accepted} 件、確認待ち ${r.pending} 件、却下 ${r.rejected} 件）${r.stale ? `、古くなった判断 ${r.stale} 件` : ''} — ${r.reviewFile}`,
  notesHidden: (notes, accepted) =>
    `    注記 ${notes} 件${accepted ? `（承認済みの指摘 ${accepted} 件の分を含む）` : ''}は省きました。すべて見るには --verbose を付けます（quality.json にもあります）`,
  awaiting: (edition, pending, reviewFile) =>
    `確認待ち：${edition}：指摘 ${pending} 件が確認を待っています。それぞれを PDF と見比べ、印字どおりなら accept、本文の読み誤りなら reject と、指摘ID（finding）ごとに ${reviewFile} に書いてください（手順書「4. 指摘を判断し、確認ファイルに書く」）`,
  reextract: (edition, pending) =>
    `取り出し直し：${edition}：本文がこれまでと違う形で書き出されています（input/unfamiliar-layout）。指摘 ${pending} 件の多くはそのためです。確認ファイルで受け入れずに、これまでと同じツール・設定で PDF から取り出し直してください`,
  rejectedNext: (edition, rejected, reviewFile) =>
    `却下：${edition}：却下した指摘が ${rejected} 件あります。PDF から本文を取り出し直して ${reviewFile.replace(/[^/]*$/, '')} の .txt を置き換え（ファイル名はそのままでも変えてもかまいません。.txt は 1 つだけにします）、${reviewFile} から却下した判断を消して、もう一度 build してください（手順書「却下したとき」）`,
  failed: (errors, pending) => `作成できませんでした：何も書き出していません（エラー ${errors} 件${pending ? `、うち確認待ちの指摘 ${pending} 件` : ''}）`,
  checkFailed: (errors, pending) => `検査でエラーが見つかりました（エラー ${errors} 件${pending ? `、うち確認待ちの指摘 ${pending} 件` : ''}）`,
  builtDraft: (editions, pending, files) => `${editions} 版を「未確認の下書き」として作りました（確認待ちの指摘 ${pending} 件。publish は公開を拒みます）。ファイル ${files} 個を書き出しました`,
  built: (editions, files) => `${editions} 版を作りました。ファイル ${files} 個を書き出しました`,
  checked: (editions) => `${editions} 版を検査しました：エラーなし。何も書き出していません`,
  summary: (s) => {
    const per = [...s.editions.map((e) => `${e.id}：事業 ${e.projects} 件、評価指標 ${e.indicatorRows} 行`), ...s.notBuilt.map((f) => `${f}：作れず`)].join('；');
    const where = s.where.map((w) => `${w.edition}：${w.pending} 件、${w.reviewFile}`).join('；');
    if (s.editions.length + s.notBuilt.length === 0) return `要約：版なし、エラー ${s.errors} 件、${s.seconds.toFixed(1)} 秒`;
    return (
      `要約：${s.draft ? '未確認の下書き（公開不可）、' : ''}${s.editions.length + s.notBuilt.length} 版（${per}）、` +
      `${s.written === null ? '書き出しなし（validate）' : `書き出したファイル ${s.written} 個`}、エラー ${s.errors} 件、警告 ${s.warnings} 件、注記 ${s.notes} 件、` +
      `確認待ちの指摘 ${s.pending} 件${where ? `（${where}）` : ''}、${s.seconds.toFixed(1)} 秒`
    );
  },
  unknownEdition: (id, known, purpose, suggestion) => `エラー：${id} という${purpose === 'build' ? '作れる' : '読める'}版はありません（版：${known.join('、') || 'なし'}）${suggestion ? `。${suggestion} のことですか？` : ''}`,
  sameEdition: (id) => `エラー：同じ版どうしは比べられません：${id}`,
  reversed: (from, to) => `エラー：${from} は ${to} より後の版です。前の版を先に：diff ${to} ${from}`,
  reviewWritten: (path, findings, pending) => `確認レポートを書き出しました：${path}（指摘 ${findings} 件、うち確認待ち ${pending} 件）。ブラウザーで開いて、公開する前に読んでください`,
  recompiling: (changed) => `ソースが変更されたため（${changed.slice(0, 3).join('、')}${changed.length > 3 ? ` ほか ${changed.length - 3} 個` : ''}）、コマンドを .build/ にコンパイルし直します`,
  clockWarning: '警告：SOURCE_DATE_EPOCH も git のコミットもないため、パッケージの日付は現在時刻になります（作るたびに出力が変わります）',
  publishNeedsCkan: 'エラー：publish には --ckan <url>（http または https）が要ります',
  applyNeedsToken: 'エラー：--apply には環境変数 CKAN_API_TOKEN の API トークンが要ります',
  noPackages: (folder) => `エラー：${folder} にパッケージの記述がありません。先に build してください`,
  sent: (n, url) => `${url} に送信しました（要求 ${n} 件）：`,
  dryRun: (url) => `確認だけ（送信していません）：${url} に公開する内容です（送るには --apply を付けます）：`,
  packageOutcome: (o, applied) => {
    const what = o.action === 'create' ? '新規作成' : o.action === 'update' ? '更新' : '新規作成（ポータルに接続できないため、すでにあるかは確かめていません）';
    return `  ${o.name}：${what}${applied ? 'しました' : 'します'}。リソースの追加 ${o.resourcesCreated} 件、更新 ${o.resourcesUpdated} 件`;
  },
  unreachable: (why) => `注意：${why}。内容は、新しく作る場合として表示しています`,
  placeholderUrl: (url, refused) =>
    `${refused ? 'エラー' : '注意'}：公開先の URL が例示用の仮の値のままです（${url}）。各版の edition.json の baseIri を、ファイルを実際に置く場所に直してから build してください${refused ? '。送信しません' : '（--apply はこのままでは送信しません）'}`,
  applyNeedsOrg: 'エラー：--apply には --org <組織名>（ポータルでパッケージを持つ組織の名前。ポータルの管理者に確かめます）が要ります',
  orgDefault: (org) => `注意：--org がないため、組織名は仮の「${org}」で表示しています。--apply では --org で実際の組織名を指定します`,
  requestsHidden: (n) => `ポータルに送る要求 ${n} 件の全文は --verbose を付けると表示します`,
  unreviewedEdition: (edition, pending, reviewFile) => `${edition}：確認待ちの指摘 ${pending} 件（${reviewFile}）`,
  unreadableMarker: (path) => `${path} を読めません`,
  draftRefused: (outDir, unreviewed) => `エラー：${outDir} は未確認の下書き（build --draft）なので公開しません（${unreviewed.join('；')}）。確認ファイルで指摘を判断してから、--draft を付けずに build してください`,
};

const en: CliTexts = {
  help: {
    main: `Usage: hadano-ict-plan <command> [options]      (or: npm run build / npm run publish -- …)

Commands:
  build        build every edition under --seeds into --out
  validate     parse and check every edition, write nothing
  diff         the changes between two editions: diff <from> <to>
  review       write an edition's review report (read it before publishing): review <edition> (--json: decisions)
  new-edition  a new edition folder from a revised plan's text: new-edition <text.txt> [--id <id>]
  publish      send the built packages to a CKAN portal (dry run unless --apply)

Run "hadano-ict-plan <command> --help" for a command's options. Messages are Japanese unless --lang en
(or an English LANG).
Exit codes: 0 done, 1 data or portal errors, 2 usage errors.`,
    build: `Usage: hadano-ict-plan build [--seeds <dir>] [--out <dir>] [--draft] [--quiet | --verbose] [--json]

Builds every edition folder under --seeds (default: seeds) into --out (default: dist). An edition
folder holds the edition's text (one .txt file, UTF-8 or Shift_JIS, unchanged), edition.json and,
when a person has decided findings, review.json. The output folder is replaced as a whole, and only
when every edition built without errors and no finding awaits review.

  --draft   write every output although findings await review (never with other errors), marked
            as an unreviewed draft in the summary, quality.json and the pages; publish refuses it
  --quiet   print only what stops or could stop publication (errors, findings, stale decisions)
            and the closing summary
  --verbose also list every note (accepted findings included; by default they are counted)
  --json    print a machine-readable report instead of text
Exit codes: 0 built, 1 data errors or findings awaiting review (nothing written), 2 usage errors.`,
    validate: `Usage: hadano-ict-plan validate [--seeds <dir>] [--quiet | --verbose] [--json]

Parses and checks every edition under --seeds (default: seeds) like build, reports the same
findings, and writes nothing.
Exit codes: 0 valid, 1 data errors or findings awaiting review, 2 usage errors.`,
    review: `Usage: hadano-ict-plan review <edition> [--seeds <dir>] [--out <dir>] [--json]

Writes the review report of edition <edition> (a Japanese page for the staff to read before
publishing; not open data) to <out>-review/<edition>.html (default: dist-review/): every finding with
the source lines around it and its decision, the changes from the previous edition with the 改訂履歴
entries that explain them, the changes none explains, the entries no change matches, and the
decisions to fill in. --json prints the findings awaiting review as decisions for the review file
(--seeds/<edition>/review.json): a JSON array to add to "decisions", with "decision" (accept or
reject), "reason", "by" and "date" left for a person to fill in.
Exit codes: 0 done, 2 usage errors (unknown edition).`,
    diff: `Usage: hadano-ict-plan diff <from> <to> [--seeds <dir>] [--json]

Prints the changes from edition <from> to edition <to> (edition ids, e.g. 2021 2025-03), computed
from their plan models and cross-checked against <to>'s revision history: Markdown, or --json.
Exit codes: 0 done, 1 data errors, 2 usage errors (unknown edition, the same edition, reversed).`,
    'new-edition': `Usage: hadano-ict-plan new-edition <text.txt> [--id <id>] [--seeds <dir>]

Makes the folder of a new edition, --seeds/<id>/, from a revised plan's text (extracted from the PDF).
The id is the newest revision month of the text's 【改訂履歴】 (令和8年3月 → 2026-03), or --id. The text
is copied byte for byte; edition.json is the previous edition's with the new id. An existing edition
is never overwritten. Prints what to do next.
Exit codes: 0 made, 1 not made (the edition exists, no revision history …), 2 usage errors.`,
    publish: `Usage: hadano-ict-plan publish --ckan <url> [--out <dir>] [--org <slug>] [--verbose] [--apply]

Creates or updates each edition's package (--out/ckan/*.json, made by build; default out: dist) on a
CKAN portal through its Action API. Dry run unless --apply: says what it would do per package (even
when the portal cannot be reached). The API token is read from the environment variable CKAN_API_TOKEN
and never printed. Drafts and editions still at an example address (example.org, …) are not sent.
  --org <slug>  CKAN organisation that owns the packages (required with --apply; dry-run default: hadano-city)
  --verbose     also print the requests in full
Exit codes: 0 done, 1 portal errors, 2 usage errors.`,
  },
  error: (message) => `error: ${message}`,
  noCommand: 'error: no command given',
  unknownCommand: (command, suggestion) => `error: unknown command ${command}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  badOption: (option, problem, detail, suggestion) =>
    `error: ${problem === 'unknown' ? `unknown option ${option}` : problem === 'value' ? `${option} needs a value` : detail}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  badLang: (value) => `error: --lang is ja or en, found ${value}`,
  needsArguments: (command) =>
    command === 'diff' ? 'error: diff needs two edition ids: diff <from> <to>' : command === 'review' ? 'error: review needs one edition id: review <edition>' : 'error: new-edition needs one text file: new-edition <text.txt>',
  unexpectedArguments: (args) => `error: unexpected argument ${args}`,
  draftOnlyForBuild: 'error: --draft applies to build only',
  optionNotForCommand: (option, command) => `error: ${command} does not take ${option} (it would change nothing, so the command stops)`,
  quietAndVerbose: 'error: --quiet and --verbose cannot be used together',
  earlierDecision: (edition, d) => ` (decided in the edition before, ${edition}: ${d.decision}, "${d.reason}", ${d.by}, ${d.date})`,
  progress: (edition, stage, ms) => `  ${(edition ?? 'all').padEnd(10)} ${stage.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms`,
  notBuilt: (folder) => `${folder}: not built`,
  editionTotals: (t) =>
    `${t.edition} (${t.file}, ${t.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}${t.bom ? ' with BOM' : ''}, ${t.lineEnding}): ${t.sheets} sheets (${t.reposts} 【再掲】), ${t.projects} projects (${t.ended} ended), ` +
    `${t.indicatorRows} indicator rows, ${t.revisionDates} revision dates with ${t.revisionEntries} entries`,
  coverage: (c) => `  coverage: ${c.nonBlank} non-blank lines = ${c.content} content + ${c.furniture} furniture + ${c.unaccounted} unaccounted`,
  quality: (errors, warnings, notes) => `  quality: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`,
  reviewLine: (r) =>
    `  review: ${plural(r.findings, 'finding')} (${r.accepted} accepted, ${r.pending} awaiting review, ${r.rejected} rejected)${r.stale ? `, ${plural(r.stale, 'stale decision')}` : ''} — ${r.reviewFile}`,
  notesHidden: (notes, accepted) =>
    `    ${plural(notes, 'note')}${accepted ? ` (accepted findings among them: ${accepted})` : ''} not listed: --verbose lists them (quality.json has them too)`,
  awaiting: (edition, pending, reviewFile) =>
    `review: ${edition}: ${plural(pending, 'finding')} awaiting review — compare each with the PDF, then accept what it prints or reject a misreading, by its finding id in ${reviewFile}`,
  reextract: (edition, pending) =>
    `re-extract: ${edition}: the text is laid out otherwise than the known extraction (input/unfamiliar-layout), which explains most of its ${plural(pending, 'finding')} awaiting review: do not accept them; extract the PDF again with the same tool and settings as before`,
  rejectedNext: (edition, rejected, reviewFile) =>
    `rejected: ${edition}: ${plural(rejected, 'finding')} rejected: extract the text from the PDF again, replace the .txt in ${reviewFile.replace(/[^/]*$/, '')} (keep one .txt only), remove the rejected decisions from ${reviewFile} and build again (runbook: 却下したとき)`,
  failed: (errors, pending) => `build failed: nothing written (${plural(errors, 'error')}${pending ? `, ${pending} of them ${pending === 1 ? 'a finding' : 'findings'} awaiting review` : ''})`,
  checkFailed: (errors, pending) => `check failed (${plural(errors, 'error')}${pending ? `, ${pending} of them ${pending === 1 ? 'a finding' : 'findings'} awaiting review` : ''})`,
  builtDraft: (editions, pending, files) => `built ${plural(editions, 'edition')} as an UNREVIEWED DRAFT (${plural(pending, 'finding')} awaiting review; publish refuses it), wrote ${plural(files, 'file')}`,
  built: (editions, files) => `built ${plural(editions, 'edition')}, wrote ${plural(files, 'file')}`,
  checked: (editions) => `checked ${plural(editions, 'edition')}: no errors, nothing written`,
  summary: (s) => {
    const per = [...s.editions.map((e) => `${e.id}: ${plural(e.projects, 'project')}, ${plural(e.indicatorRows, 'indicator row')}`), ...s.notBuilt.map((f) => `${f}: not built`)].join('; ');
    const where = s.where.map((w) => `${w.edition}: ${w.pending} in ${w.reviewFile}`).join('; ');
    if (s.editions.length + s.notBuilt.length === 0) return `summary: no editions, ${plural(s.errors, 'error')}, ${s.seconds.toFixed(1)} s`;
    return (
      `summary: ${s.draft ? 'UNREVIEWED DRAFT (not publishable), ' : ''}${plural(s.editions.length + s.notBuilt.length, 'edition')} (${per}), ` +
      `${s.written === null ? 'nothing written (validate)' : `${plural(s.written, 'file')} written`}, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.notes, 'note')}, ` +
      `${plural(s.pending, 'finding')} awaiting review${where ? ` (${where})` : ''}, ${s.seconds.toFixed(1)} s`
    );
  },
  unknownEdition: (id, known, purpose, suggestion) => `error: ${id} is not an edition that ${purpose === 'build' ? 'builds' : 'can be read'} (editions: ${known.join(', ') || 'none'})${suggestion ? `; did you mean ${suggestion}?` : ''}`,
  sameEdition: (id) => `error: diff compares two different editions, found ${id} twice`,
  reversed: (from, to) => `error: ${from} is a later edition than ${to}: give the earlier one first: diff ${to} ${from}`,
  reviewWritten: (path, findings, pending) => `wrote the review report ${path} (${plural(findings, 'finding')}, ${pending} awaiting review): open it in a browser before publishing`,
  recompiling: (changed) => `sources changed (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}): compiling the command into .build/ again`,
  clockWarning: 'warning: no SOURCE_DATE_EPOCH and no git commit: package dates are the current time',
  publishNeedsCkan: 'error: publish needs --ckan <url> (http or https)',
  applyNeedsToken: 'error: --apply needs the API token in the environment variable CKAN_API_TOKEN',
  noPackages: (folder) => `error: no package descriptions in ${folder}: run the build first`,
  sent: (n, url) => `sent ${n} requests to ${url}:`,
  dryRun: (url) => `dry run: what publish would send to ${url} (use --apply to send it):`,
  packageOutcome: (o, applied) => {
    const what = o.action === 'update' ? (applied ? 'updated' : 'update') : applied ? 'created' : 'create';
    const unknown = o.action === 'unknown' ? ' (the portal could not be reached to see whether it exists)' : '';
    return `  ${o.name}: ${what}${unknown}; resources added ${o.resourcesCreated}, updated ${o.resourcesUpdated}`;
  },
  unreachable: (why) => `note: ${why}; shown as if the packages were new`,
  placeholderUrl: (url, refused) =>
    `${refused ? 'error' : 'note'}: the published address is still an example placeholder (${url}): set each edition's baseIri in edition.json to where the files really are and build again${refused ? '; nothing sent' : ' (--apply refuses to send it as is)'}`,
  applyNeedsOrg: 'error: --apply needs --org <slug> (the portal organisation that owns the packages; ask the portal administrator)',
  orgDefault: (org) => `note: no --org, so the placeholder organisation 「${org}」 is shown; --apply needs the real one with --org`,
  requestsHidden: (n) => `the ${n} requests in full: add --verbose`,
  unreviewedEdition: (edition, pending, reviewFile) => `${edition}: ${plural(pending, 'finding')} awaiting review in ${reviewFile}`,
  unreadableMarker: (path) => `${path} is unreadable`,
  draftRefused: (outDir, unreviewed) => `error: ${outDir} is an unreviewed draft (build --draft) and is never published (${unreviewed.join('; ')}): decide the findings in the review files, then build without --draft`,
};

/** `1 finding`, `3 findings`. */
function plural(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** The command line's texts in a language. */
export const TEXTS: Record<Lang, CliTexts> = { ja, en };

/** The one candidate that starts with `word` (`2025` → `2025-03`), else the closest within two edits (`bulid` → `build`), or null. */
export function closest(word: string, candidates: readonly string[]): string | null {
  const extended = candidates.filter((c) => c.startsWith(word) && c !== word);
  if (extended.length === 1) return extended[0]!;
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length]!;
  };
  const ranked = candidates.map((c) => ({ c, d: distance(word, c) })).sort((x, y) => x.d - y.d);
  return ranked[0] && ranked[0].d <= 2 ? ranked[0].c : null;
}
