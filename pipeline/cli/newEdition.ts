/**
 * `new-edition`: a revised plan's text becomes a new edition folder `seeds/<id>/` — the text copied
 * byte for byte, `edition.json` from the previous edition's with the new id — and the staff are told,
 * in Japanese, what to do next. `planNewEdition` decides everything from the inputs (pure); the CLI
 * reads and writes through `Effects`.
 */
import { parseEditionMeta } from '../read/parseEditionMeta.js';
import { parsePlanDocument } from '../read/parsePlanDocument.js';
import { toSourceText } from '../read/toSourceText.js';
import { parseEraYearMonth } from '../common/text.js';
import { formatYearMonth as eraMonth } from '../site/parts.js';
import { isPlaceholderUrl } from '../common/urls.js';
import type { Effects } from '../io/effects.js';
import type { Lang } from '../messages.js';

/** What `new-edition` is given: the text, the editions already in the seeds folder, and an id if one was asked for. */
export interface NewEditionInput {
  text: Uint8Array;
  /** The text's file name, kept in the edition folder. */
  fileName: string;
  seedsDir: string;
  /** The edition folders already there, each with its edition.json text (null when it has none). */
  editions: { folder: string; metaText: string | null }[];
  /** `--id`: the edition id to use instead of the newest 改訂履歴 date. */
  id?: string | undefined;
}

/** The new edition: the files to write and what to tell the staff, or why not. */
export type NewEdition = { ok: true; id: string; files: { path: string; data: string | Uint8Array }[]; messages: string[] } | { ok: false; messages: string[] };

/** What `new-edition` says, in each language (the same keys, so no message is half one language). */
const SAYS = {
  ja: {
    error: (m: string) => `エラー：${m}`,
    unreadable: (file: string, why: string) => `${file} を計画の本文として読めません（${why}）`,
    noDate: (file: string) => `${file} の【改訂履歴】に改定年月が見つかりません。--id <版ID>（例：2026-03）で版IDを指定してください`,
    idNotNewest: (id: string, newest: string, file: string) =>
      `--id ${id} は、${file} の【改訂履歴】の最新の改定年月 ${eraMonth(newest)} と違います。版IDはその版の最新の改定年月です（build はこの二つが違う版を止めます）。本文が新しい版のものか確かめ、そうなら --id を付けずに実行してください`,
    exists: (folder: string) => `${folder} はすでにあります。既存の版は上書きしません（本文が新しい版のものか、【改訂履歴】の最新の改定年月を確かめてください。この版の本文を入れ替えるときは、そのフォルダーの .txt を置き換えます：手順書「却下したとき」）`,
    noPrevious: (seeds: string) => `${seeds} に元にする版（edition.json のある版フォルダー）がありません`,
    badJson: (path: string) => `${path} を JSON として読めません`,
    badMeta: (why: string) => `新しい edition.json が schemas/edition.schema.json に合いません（${why}）`,
    notFound: (path: string) => `エラー：本文ファイル ${path} が見つかりません`,
    made: (p: { id: string; folder: string; file: string; previous: string; newest: string | null; seeds: string; placeholder: string | null }) => [
      `新しい版 ${p.id}（版ID は${p.newest === null ? ' --id で指定' : `【改訂履歴】の最新の改定年月 ${p.newest} から`}）を作りました：${p.folder}/`,
      `  本文：${p.folder}/${p.file}（元のファイルのまま）`,
      `  edition.json：${p.previous} の edition.json を複製し、id を ${p.id} にしました`,
      '次の手順：',
      `  1. npm run build -- --draft --quiet${p.seeds} --out dist-draft で下書きを作り、前の版との違いと指摘を確認する（下書きは公開できません。dist/ はそのまま残ります）`,
      `  2. npm run review -- ${p.id}${p.seeds} で確認レポート（dist-review/${p.id}.html）を作り、指摘を本文とPDFと見比べて一件ずつ判断する`,
      `  3. 判断（accept または reject、理由、判断者、日付）を ${p.folder}/review.json に書く（雛形はレポートと review ${p.id} --json の表示にあります）`,
      `  4. npm run build -- --quiet${p.seeds} で全件確認済みの版を作り（エラーがあれば何も書き出しません）、${p.folder}/ をコミットする`,
      '  5. npm run publish -- --ckan <URL> で送信内容を確認し、よければ --org <組織名> と --apply を付けて公開する',
      ...(p.placeholder ? [`注意：edition.json の baseIri が例示用の仮の値（${p.placeholder}）のままです。公開する前に、ファイルを実際に置く場所の URL に直してください`] : []),
    ],
  },
  en: {
    error: (m: string) => `error: ${m}`,
    unreadable: (file: string, why: string) => `${file} cannot be read as a plan's text (${why})`,
    noDate: (file: string) => `found no revision month in the 【改訂履歴】 of ${file}: give the edition id with --id <id> (e.g. 2026-03)`,
    idNotNewest: (id: string, newest: string, file: string) =>
      `--id ${id} differs from the newest revision month of the 【改訂履歴】 of ${file}, ${newest}: an edition's id is its newest revision month (build stops an edition where the two differ); check the text is the new edition's, and if so run without --id`,
    exists: (folder: string) => `${folder} exists already: an edition is never overwritten (check the text is the new edition's, by the newest month of its 【改訂履歴】; to replace this edition's text, replace the .txt in that folder: runbook 却下したとき)`,
    noPrevious: (seeds: string) => `${seeds} holds no edition to start from (an edition folder with an edition.json)`,
    badJson: (path: string) => `${path} is not valid JSON`,
    badMeta: (why: string) => `the new edition.json does not match schemas/edition.schema.json (${why})`,
    notFound: (path: string) => `error: no text file ${path}`,
    made: (p: { id: string; folder: string; file: string; previous: string; newest: string | null; seeds: string; placeholder: string | null }) => [
      `made the new edition ${p.id} (the id ${p.newest === null ? 'given with --id' : `from the newest revision month of the 【改訂履歴】, ${p.newest}`}): ${p.folder}/`,
      `  text: ${p.folder}/${p.file} (the file as it was)`,
      `  edition.json: ${p.previous}'s edition.json with the id ${p.id}`,
      'next:',
      `  1. npm run build -- --draft --quiet${p.seeds} --out dist-draft: a draft with the changes from the previous edition and the findings (not publishable; dist/ is left as it is)`,
      `  2. npm run review -- ${p.id}${p.seeds}: the review report (dist-review/${p.id}.html); compare each finding with the text and the PDF`,
      `  3. write each decision (accept or reject, reason, by, date) into ${p.folder}/review.json (templates in the report and from review ${p.id} --json)`,
      `  4. npm run build -- --quiet${p.seeds}: the reviewed edition (nothing is written if there are errors); commit ${p.folder}/`,
      '  5. npm run publish -- --ckan <URL> to see what would be sent, then with --org <slug> --apply to publish',
      ...(p.placeholder ? [`note: the baseIri in edition.json is still an example placeholder (${p.placeholder}): set it to where the files will really be before publishing`] : []),
    ],
  },
} as const;

/** Decides the new edition folder from the text and the editions already there (pure); messages in `lang` (Japanese by default). */
export function planNewEdition(input: NewEditionInput, lang: Lang = 'ja'): NewEdition {
  const say = SAYS[lang];
  const fail = (...messages: string[]): NewEdition => ({ ok: false, messages: messages.map(say.error) });
  const decoded = toSourceText(input.text, input.fileName);
  if (!decoded.ok) return fail(say.unreadable(input.fileName, decoded.diagnostics.map((d) => (lang === 'ja' ? d.message : d.messageEn)).join('; ')));
  const dates = (parsePlanDocument(decoded.source).revisions ?? []).map((g) => parseEraYearMonth(g.date.printed)).filter((d): d is string => d !== null);
  const newest = [...dates].sort().at(-1) ?? null;
  const id = input.id ?? newest;
  if (id === null) return fail(say.noDate(input.fileName));
  // The build holds an edition whose id is a month to its newest revision month (toPlan,
  // `revision/out-of-order`): a different month would only fail there, later.
  if (newest !== null && /^\d{4}-\d{2}$/.test(id) && id !== newest) return fail(say.idNotNewest(id, newest, input.fileName));
  const previous = [...input.editions].filter((e) => e.metaText !== null).sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0)).at(-1);
  if (input.editions.some((e) => e.folder === id)) return fail(say.exists(`${input.seedsDir}/${id}`));
  if (!previous) return fail(say.noPrevious(input.seedsDir));
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(previous.metaText!) as Record<string, unknown>;
  } catch {
    return fail(say.badJson(`${input.seedsDir}/${previous.folder}/edition.json`));
  }
  // The previous edition's metadata with the new id, its keys in their order: only what the text does not say.
  const metaText = `${JSON.stringify({ ...meta, id }, null, 2)}\n`;
  const checked = parseEditionMeta(metaText, `${input.seedsDir}/${id}/edition.json`, id);
  if (!checked.ok) return fail(say.badMeta(checked.diagnostics.map((d) => (lang === 'ja' ? d.message : d.messageEn)).join('; ')));
  const folder = `${input.seedsDir}/${id}`;
  // The commands to run next, with the seeds folder when it is not the default one.
  const seeds = input.seedsDir === 'seeds' ? '' : ` --seeds ${input.seedsDir}`;
  return {
    ok: true,
    id,
    files: [
      { path: `${folder}/${input.fileName}`, data: input.text },
      { path: `${folder}/edition.json`, data: metaText },
    ],
    messages: say.made({ id, folder, file: input.fileName, previous: previous.folder, newest: input.id === undefined ? newest : null, seeds, placeholder: typeof meta.baseIri === 'string' && isPlaceholderUrl(meta.baseIri) ? meta.baseIri : null }),
  };
}

/** `new-edition <text file> [--id <id>] [--seeds <dir>]`: reads, decides, writes through `effects`; returns the exit code. */
export async function runNewEdition(
  textPath: string,
  options: { seeds: string; id?: string | undefined; lang?: Lang },
  effects: Effects,
  out: (line: string) => void,
): Promise<number> {
  const lang = options.lang ?? 'ja';
  const text = await effects.readFile(textPath);
  if (!text) {
    out(SAYS[lang].notFound(textPath));
    return 2;
  }
  const entries = (await effects.listDirectory(options.seeds)) ?? [];
  const editions = await Promise.all(
    entries
      .filter((e) => e.isDirectory)
      .map(async (e) => {
        const meta = await effects.readFile(`${options.seeds}/${e.name}/edition.json`);
        return { folder: e.name, metaText: meta ? new TextDecoder().decode(meta) : null };
      }),
  );
  const fileName = textPath.split('/').pop()!;
  const made = planNewEdition({ text, fileName, seedsDir: options.seeds, editions, id: options.id }, lang);
  if (made.ok) for (const file of made.files) await effects.writeFile(file.path, file.data);
  for (const line of made.messages) out(line);
  return made.ok ? 0 : 1;
}
