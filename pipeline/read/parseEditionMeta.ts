/**
 * Stage `read`: reads an edition's metadata file (`edition.json`) into `EditionMeta`: validated against
 * schemas/edition.schema.json, with the municipality code's check digit verified and the CC BY 4.0
 * licence and its attribution text filled in when the file names none.
 */
import { diagnose, type Diagnostic } from '../diagnostics.js';
import type { EditionMeta } from '../model/plan.js';
import { validateEditionSchema } from '../model/schemas.js';

/** The metadata, or the diagnostics that say what is wrong with the file. */
export type EditionMetaResult = { ok: true; meta: EditionMeta } | { ok: false; diagnostics: Diagnostic[] };

/** The CC BY 4.0 licence, the default of Japanese public data next to PDL1.0. */
export const DEFAULT_LICENSE = {
  id: 'CC-BY-4.0',
  name: 'クリエイティブ・コモンズ 表示 4.0 国際',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** True when a 全国地方公共団体コード's sixth digit is the check digit of the first five. */
export function hasValidCheckDigit(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(code[i]), 0);
  return (11 - (sum % 11)) % 10 === Number(code[5]);
}

/** True when an edition id can be used as a folder name: no separators, no dot-only names. */
export function isSafeEditionId(id: string): boolean {
  return /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/.test(id) && !id.includes('..');
}

/** The municipality as a publisher names itself: `神奈川県秦野市` → `秦野市`. */
export function publisherName(municipality: string): string {
  return municipality.replace(/^.{2,3}?[都道府県](?=.)/, '');
}

/** Parses and checks an edition.json text; `folder` is the name of the edition folder it was found in. */
export function parseEditionMeta(text: string, file: string, folder: string): EditionMetaResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      diagnostics: [diagnose('meta/invalid', 'syntax', { error: (error as Error).message }, { file })],
    };
  }
  const id = (data as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && !isSafeEditionId(id)) {
    return { ok: false, diagnostics: [diagnose('meta/unsafe-id', 'unsafe', { id }, { file })] };
  }
  if (!validateEditionSchema(data)) {
    return {
      ok: false,
      diagnostics: (validateEditionSchema.errors ?? []).map((e) =>
        diagnose('meta/invalid', 'schema', { path: e.instancePath, keyword: e.keyword, message: e.message ?? '' }, { file }),
      ),
    };
  }
  const raw = data as Omit<EditionMeta, 'license'> & { license?: Partial<EditionMeta['license']> };
  const diagnostics: Diagnostic[] = [];
  if (raw.id !== folder) {
    diagnostics.push(diagnose('meta/invalid', 'idNotFolder', { folder, id: raw.id }, { file }));
  }
  if (!hasValidCheckDigit(raw.municipality.code)) {
    diagnostics.push(
      diagnose('meta/invalid', 'checkDigit', { code: raw.municipality.code }, { file }),
    );
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const license = { ...DEFAULT_LICENSE, ...raw.license };
  return {
    ok: true,
    meta: {
      id: raw.id,
      title: raw.title,
      municipality: raw.municipality,
      baseIri: raw.baseIri,
      license: {
        id: license.id,
        name: license.name,
        url: license.url,
        // 公共データ利用規約 style attribution; the plan is transformed into data, so say so.
        attribution: raw.license?.attribution ?? `出典：${publisherName(raw.municipality.name)}「${raw.title}」を加工して作成`,
      },
    },
  };
}
