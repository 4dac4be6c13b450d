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
import type { Effects } from '../io/effects.js';

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

/** Decides the new edition folder from the text and the editions already there (pure). */
export function planNewEdition(input: NewEditionInput): NewEdition {
  const fail = (...messages: string[]): NewEdition => ({ ok: false, messages: messages.map((m) => `エラー：${m}`) });
  const decoded = toSourceText(input.text, input.fileName);
  if (!decoded.ok) return fail(`${input.fileName} を計画の本文として読めません（${decoded.diagnostics.map((d) => d.message).join('; ')}）`);
  const dates = (parsePlanDocument(decoded.source).revisions ?? []).map((g) => parseEraYearMonth(g.date.printed)).filter((d): d is string => d !== null);
  const newest = [...dates].sort().at(-1) ?? null;
  const id = input.id ?? newest;
  if (id === null) return fail(`${input.fileName} の【改訂履歴】に改定年月が見つかりません。--id <版ID>（例：2026-03）で版IDを指定してください`);
  const previous = [...input.editions].filter((e) => e.metaText !== null).sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0)).at(-1);
  if (input.editions.some((e) => e.folder === id)) {
    return fail(`${input.seedsDir}/${id} はすでにあります。既存の版は上書きしません（別の版なら --id <版ID> で別のIDを指定してください）`);
  }
  if (!previous) return fail(`${input.seedsDir} に元にする版（edition.json のある版フォルダー）がありません`);
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(previous.metaText!) as Record<string, unknown>;
  } catch {
    return fail(`${input.seedsDir}/${previous.folder}/edition.json を JSON として読めません`);
  }
  // The previous edition's metadata with the new id, its keys in their order: only what the text does not say.
  const metaText = `${JSON.stringify({ ...meta, id }, null, 2)}\n`;
  const checked = parseEditionMeta(metaText, `${input.seedsDir}/${id}/edition.json`, id);
  if (!checked.ok) return fail(`新しい edition.json が schemas/edition.schema.json に合いません（${checked.diagnostics.map((d) => d.message).join('; ')}）`);
  const folder = `${input.seedsDir}/${id}`;
  // The commands to run next, with the seeds folder when it is not the default one.
  const seeds = input.seedsDir === 'seeds' ? '' : ` --seeds ${input.seedsDir}`;
  const from = input.id === undefined ? `【改訂履歴】の最新の改定年月 ${newest} から` : '--id で指定';
  return {
    ok: true,
    id,
    files: [
      { path: `${folder}/${input.fileName}`, data: input.text },
      { path: `${folder}/edition.json`, data: metaText },
    ],
    messages: [
      `新しい版 ${id}（版ID は${from}）を作りました：${folder}/`,
      `  本文：${folder}/${input.fileName}（元のファイルのまま）`,
      `  edition.json：${previous.folder} の edition.json を複製し、id を ${id} にしました`,
      '次の手順：',
      `  1. npm run build -- --draft${seeds} で下書きを作り、前の版との違いと指摘を確認する（出力は公開できない下書きになります）`,
      `  2. npx tsx pipeline/cli/cli.ts review ${id}${seeds} で確認レポート（dist-review/${id}.html）を作り、指摘を本文とPDFと見比べて一件ずつ判断する`,
      `  3. 判断（accept または reject、理由、判断者、日付）を ${folder}/review.json に書く（雛形はレポートにあります）`,
      `  4. npm run build${seeds ? ` --${seeds}` : ''} で全件確認済みの版を作る（エラーがあれば何も書き出しません）`,
      '  5. npm run publish -- --ckan <URL> で送信内容を確認し、よければ --apply を付けて公開する',
    ],
  };
}

/** `new-edition <text file> [--id <id>] [--seeds <dir>]`: reads, decides, writes through `effects`; returns the exit code. */
export async function runNewEdition(textPath: string, options: { seeds: string; id?: string | undefined }, effects: Effects, out: (line: string) => void): Promise<number> {
  const text = await effects.readFile(textPath);
  if (!text) {
    out(`エラー：本文ファイル ${textPath} が見つかりません`);
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
  const made = planNewEdition({ text, fileName, seedsDir: options.seeds, editions, id: options.id });
  if (made.ok) for (const file of made.files) await effects.writeFile(file.path, file.data);
  for (const line of made.messages) out(line);
  return made.ok ? 0 : 1;
}
