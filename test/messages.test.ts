/**
 * The message catalog: every rule has messages in both languages, the Japanese is Japanese (not an
 * empty or English template, not English words with parameters in between), and every diagnostic
 * the pipeline makes takes its message from the catalog, never from a string written at the call.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, formatDiagnostic, linesPosition, RULES, type RuleCode } from '../pipeline/diagnostics.js';
import { DECISION_NOTES, MESSAGES, RULE_TITLES_JA, type AnyTemplate } from '../pipeline/messages.js';
import { ROOT } from './helpers.js';

/** Tokens the Japanese may keep in Latin letters: formats, encodings, and the words of file names. */
const ALLOWED = ['JSON-LD', 'JSON', 'CSV', 'URL', 'RDF', 'UTF-8', 'UTF-16', 'Shift_JIS', 'CP932', 'ID', 'id', 'SHA256SUMS'];

/** Every string and number inside a parameter object: what the template did not write itself. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  return Object.values(value as object).flatMap(leaves);
}

/** The text a template wrote itself: its rendering without the parameter values, rule codes, paths and allowed tokens. */
function ownWords(text: string, params: object): string {
  let rest = text;
  for (const value of leaves(params).sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  rest = rest.replace(/[a-z]+\/[a-z-]+/g, ' '); // rule codes and paths like schemas/review.schema.json
  rest = rest.replace(/\S*\.(?:json|csv|txt)\b/g, ' ');
  for (const token of ALLOWED) rest = rest.split(token).join(' ');
  return rest;
}

const entries: [string, AnyTemplate][] = [
  ...Object.entries(MESSAGES).flatMap(([code, variants]) => Object.entries(variants as Record<string, AnyTemplate>).map(([variant, t]) => [`${code}:${variant}`, t] as [string, AnyTemplate])),
  ...Object.entries(DECISION_NOTES).map(([name, t]) => [`decision:${name}`, t as AnyTemplate] as [string, AnyTemplate]),
];

/** Renders a template with its example parameters. */
const render = (t: AnyTemplate, lang: 'ja' | 'en') => (t[lang] as (p: object) => string)(t.example);

describe('the message catalog', () => {
  it('has at least one message for every rule code, and no message for a code the rules do not have', () => {
    for (const code of Object.keys(RULES)) expect(Object.keys(MESSAGES[code as RuleCode] ?? {}).length, code).toBeGreaterThan(0);
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(RULES).sort());
    expect(entries.length).toBeGreaterThan(Object.keys(RULES).length);
  });

  it.each(entries)('%s renders in Japanese and English', (_, t) => {
    expect(typeof t.ja).toBe('function');
    expect(typeof t.en).toBe('function');
    const [ja, en] = [render(t, 'ja'), render(t, 'en')];
    expect(ja.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(ja).not.toBe(en);
    const own = ownWords(ja, t.example);
    // Written in Japanese: a run of hiragana of the template's own (so not only kanji from a parameter),
    // and no English word of four letters or more outside the parameters and the allowed tokens.
    expect(own, ja).toMatch(/[\u3041-\u309f]{2,}/);
    expect(own.match(/[A-Za-z]{4,}/g) ?? [], ja).toEqual([]);
    // A sentence in です・ます ends with 。; a note in brackets with ）; a message that ends quoting an error, with it.
    expect(ja.endsWith('。') || ja.endsWith('）') || leaves(t.example).some((v) => ja.endsWith(v)), ja).toBe(true);
    // English stays as it was: it says what was expected.
    expect(en).toMatch(/^(?:Expected |; )/);
  });

  it('checks the parameters of each variant (a wrong one does not compile)', () => {
    // @ts-expect-error: the variant takes { label, lines, line }
    expect(() => diagnose('table/label-runs-on', 'cellsOnLastLine', { label: 'x' })).not.toThrow();
    // @ts-expect-error: no such variant for the code
    expect(() => diagnose('table/label-runs-on', 'noTargets', { label: 'x' })).toThrow(/no message/);
  });

  it('counts as Japanese readers expect', () => {
    const d = diagnose('review/decisions-unchecked', 'noEarlierEdition', { edition: '2025-03', count: 3 });
    expect(d.message).toContain('判断 3 件');
    expect(d.messageEn).toContain('the 3 decisions');
    expect(diagnose('meta/no-text', 'count', { folder: 'seeds/2021', count: 2 }, {}).message).toContain('2 個');
  });
});

describe('formatDiagnostic', () => {
  const d = diagnose('table/empty-indicator', 'noTargets', { label: '利用率' }, { file: 'x.txt', position: linesPosition(3, 3), subject: '1-1-1', finding: 'table/empty-indicator@1-1-1/indicator~0123abcd' });

  it('prints one line in Japanese by default: severity in Japanese, code, subject, path and finding id as they are', () => {
    expect(formatDiagnostic(d)).toBe(
      'x.txt:3:1: エラー table/empty-indicator [1-1-1] 評価指標の項目「利用率」には目標値の欄があるはずですが、見つかりません。目標値の行が欠けたか、別の行に読み込まれた可能性があります（このままでは目標値のない指標として公開されます）。PDF で確かめてください。 (指摘ID table/empty-indicator@1-1-1/indicator~0123abcd)',
    );
    expect(formatDiagnostic({ ...d, severity: 'warning', finding: null })).toMatch(/^x\.txt:3:1: 警告 /);
    expect(formatDiagnostic({ ...d, severity: 'info', finding: null })).toMatch(/^x\.txt:3:1: 注記 /);
  });

  it('prints the same line in English as before', () => {
    expect(formatDiagnostic(d, 'en')).toBe(
      'x.txt:3:1: error table/empty-indicator [1-1-1] Expected target cells in indicator row 「利用率」, found none (finding table/empty-indicator@1-1-1/indicator~0123abcd)',
    );
  });
});

describe('every diagnostic of the pipeline takes its message from the catalog', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const sources = files(join(ROOT, 'pipeline')).filter((f) => !f.endsWith('diagnostics.ts') && !f.endsWith('messages.ts'));
  // A call's code, then what follows it: a variant name in quotes, or an expression that chooses one.
  const calls = sources.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bdiagnose\(\s*'([^']+)',\s*([^,]*),/g)].map((m) => ({ file, code: m[1]!, variant: m[2]!.trim() })),
  );

  it('finds the call sites', () => {
    expect(calls.length).toBeGreaterThan(80);
    // Every `diagnose(` in the sources was matched by the scan (none with a message the scan cannot read).
    const all = sources.reduce((n, f) => n + (readFileSync(f, 'utf8').match(/\bdiagnose\(/g) ?? []).length, 0);
    expect(calls.length).toBe(all);
  });

  it('passes a variant of the catalog, never a string or a template literal as the message', () => {
    for (const { file, code, variant } of calls) {
      expect(code in MESSAGES, `${file}: ${code}`).toBe(true);
      expect(variant, `${file}: ${code}`).not.toMatch(/^`/);
      if (variant.startsWith("'")) {
        expect(variant, `${file}: ${code}`).toMatch(/^'[a-zA-Z][a-zA-Z0-9]*'$/);
        expect(Object.keys(MESSAGES[code as RuleCode]), `${file}: ${code}`).toContain(variant.slice(1, -1));
      }
    }
  });

  it('uses every variant of the catalog somewhere', () => {
    const used = new Set(calls.filter((c) => c.variant.startsWith("'")).map((c) => `${c.code}:${c.variant.slice(1, -1)}`));
    const unused = Object.entries(MESSAGES).flatMap(([code, variants]) => Object.keys(variants).map((v) => `${code}:${v}`)).filter((k) => !used.has(k));
    // The two an encoding check chooses by its result (`detectEncoding`'s reason).
    expect(unused.sort()).toEqual(['input/not-text:unknownEncoding', 'input/not-text:utf16']);
  });
});

describe('RULE_TITLES_JA', () => {
  it('names every rule of the catalog in Japanese, for the review report’s headings', () => {
    expect(Object.keys(RULE_TITLES_JA).sort()).toEqual(Object.keys(RULES).sort());
    for (const title of Object.values(RULE_TITLES_JA)) expect(title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
