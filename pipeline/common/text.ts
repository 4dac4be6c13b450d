/**
 * Text helpers shared by the stages: Unicode normalisation, removal of the PDF extraction's layout
 * spaces, display width, Japanese era dates and plan numbers. Pure functions only.
 */

const ASCII_ALNUM = /[A-Za-z0-9]/;

/** NFKC-normalises a string (full-width ASCII to half-width, half-width katakana to full-width). */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** Text to compare, not to publish: NFKC and no whitespace at all, so width and layout never make two readings differ. */
export function compactText(text: string): string {
  return nfkc(text).replace(/\s+/g, '');
}

/**
 * Removes the spaces the PDF extraction inserted for layout: every space is dropped unless it sits
 * between two ASCII letters or digits (so `Web 口座振替` becomes `Web口座振替`, `財 産 調 査` becomes
 * `財産調査`, but `Microsoft Teams` keeps its space). Runs of spaces count as one.
 */
export function removeLayoutSpaces(text: string): string {
  // A replace visits only the runs of spaces (walking every character into a new string made
  // normalizeText 1.3–1.5 times as slow). A run is maximal, so the characters beside it are never spaces.
  return text.replace(/[ \u3000]+/g, (run: string, at: number) => (ASCII_ALNUM.test(text[at - 1] ?? '') && ASCII_ALNUM.test(text[at + run.length] ?? '') ? ' ' : ''));
}

/**
 * Writes printed text the way Japanese public data is written (../shared/CONVENTIONS.md, Text), not by
 * blanket NFKC: full-width Latin letters and digits half-width, the hyphen-minus with them
 * (`Ｗｉ－Ｆｉ` → `Wi-Fi`, `－` → `-`), the percent sign full-width (`１５%` → `15％`: it stays text in a
 * spreadsheet), and a full-width comma or point between
 * two digits with them (`７，０００` → `7,000`); the ideographic space a space; half-width katakana and
 * Japanese punctuation full-width (`ｶﾞ` → `ガ`); Japanese punctuation and brackets kept as printed
 * (`（旧：Twitter）`). The platform-dependent characters of rule L1-08 are replaced: circled numbers by
 * the number in brackets (`①` → `（1）`), Roman-numeral characters by letters (`Ⅱ` → `II`), squares by
 * what they stand for (`㍻` → `平成`, `㎡` → `m2`, `㈱` → `（株）`), and the full-width tilde by the wave
 * dash it stands for on Windows (`～` → `〜`).
 */
export function toJapaneseTypography(text: string): string {
  // Replaces, so that only the characters the rule changes are visited: most text has few of them
  // (walking every character into a new string was slower, BENCHMARKS.md).
  return text
    .replace(TYPESET, typeset)
    .replace(/(?<=[0-9])[，．](?=[0-9])/g, (mark) => (mark === '，' ? ',' : '.'))
    .replace(/[\uff61-\uff9f]+/g, (run) => run.normalize('NFKC'));
}

// The characters `typeset` changes: full-width Latin letters and digits, every full-width
// hyphen-minus (`Ｗｉ－Ｆｉ`, a lone `－` for none: `Wi-Fi`, `-`), every half-width percent sign (written
// `％` as Japanese text sets it, so that a column does not print both, and a text cell such as
// `54.4％` stays text in a spreadsheet: `54.4%` opens as a percentage shown `54%`), the ideographic
// space, the full-width tilde, and the platform-dependent characters of rule L1-08.
const TYPESET = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a%\uff0d\u3000\uff5e\u2150-\u218f\u2460-\u2473\u3200-\u33ff]/g;

/** One character of `TYPESET` as `toJapaneseTypography` writes it. */
function typeset(ch: string): string {
  const code = ch.charCodeAt(0);
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  if (ch === '%') return '％';
  if (code === 0xff5e) return '〜';
  if ((code >= 0x2460 && code <= 0x2473) || (code >= 0x3251 && code <= 0x325f) || (code >= 0x32b1 && code <= 0x32bf)) return `（${ch.normalize('NFKC')}）`;
  return ch.normalize('NFKC').replace(/\(/g, '（').replace(/\)/g, '）');
}

// V8 keeps a substring of this many characters or more as a view of its parent (a sliced string);
// a shorter one is copied already.
const VIEW_MIN_LENGTH = 13;

/**
 * The text as a string of its own: equal to `text`, never a view into the larger string it was cut
 * from. One name the plan kept as it was cut from a line would keep the whole decoded edition text
 * alive (7.5 MB at 100×, 75 MB at 1000×).
 */
export function ownCopy(text: string): string {
  // 120,000 texts at 100×: 65 ms when all were copied, 35 ms with the short half left as they are.
  return text.length < VIEW_MIN_LENGTH ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/** Normalises one printed text fragment for the model: Japanese typography (`toJapaneseTypography`), then layout spaces removed, trimmed. */
export function normalizeText(text: string): string {
  return removeLayoutSpaces(toJapaneseTypography(text)).trim();
}

/**
 * Joins the printed lines of one prose field into paragraphs separated by `\n`. A line the layout
 * wrapped is joined to the next without a separator. A paragraph ends where a line ends a sentence
 * (`。`), where the next line starts a bullet or a bracketed heading (`・`, `【`, `※`), or where a
 * line ended by one space (a hard break, not the several spaces of a justified line) stops well
 * short of the field's full width (`fullWidth`, the widest line of that field in the document).
 */
export function joinProse(lines: readonly string[], fullWidth = Infinity): string {
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    current += line;
    const next = lines[i + 1];
    const sentenceEnd = /。[\s\u3000]*$/.test(line) && /\s$/.test(line);
    const nextStartsItem = next !== undefined && /^[\s\u3000]*[・【※]/.test(next);
    const shortHardBreak = / $/.test(line) && !/  $/.test(line) && displayWidth(line.trim()) < fullWidth - 10;
    if (next === undefined || sentenceEnd || nextStartsItem || shortHardBreak) {
      paragraphs.push(current);
      current = '';
    }
  });
  return paragraphs.map(normalizeText).filter((p) => p !== '').join('\n');
}

/** Display width of a string in full-width cells: ASCII and half-width katakana count 0.5. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code < 0x7f || (code >= 0xff61 && code <= 0xff9f) ? 0.5 : 1;
  }
  return width;
}

/** True for a line the PDF wrapped: the extraction ends such a line in text, and a line the PDF ends by itself in a space. */
export function isWrapped(line: string): boolean {
  return !/[ \u3000]$/.test(line);
}

/** How much wider than its column (full-width characters) a line of text may be before it reads as two lines joined (`tooWideLines`'s default margin). */
export const JOINED_LINE_MARGIN = 4;

/**
 * The lines of `lines` wider than their column by more than `JOINED_LINE_MARGIN`: two lines joined, a
 * line break lost. The column is the third-widest wrapped line (`isWrapped`: the PDF wrapped it because
 * it was full), so that one or two joined lines cannot raise it; with fewer than three wrapped lines
 * nothing is weighed (an empty list).
 */
export function tooWideLines<T>(lines: readonly T[], textOf: (line: T) => string, margin = JOINED_LINE_MARGIN): { line: T; width: number; column: number }[] {
  const column = lines.map(textOf).filter(isWrapped).map((t) => displayWidth(t.trim())).sort((a, b) => b - a)[2];
  if (column === undefined) return [];
  return lines.map((line) => ({ line, width: displayWidth(textOf(line).trim()), column })).filter((l) => l.width > column + margin);
}

/** Replaces the dash-like characters used in plan numbers (－, ー, −, ‐ …) with an ASCII hyphen. */
export function normalizeDashes(text: string): string {
  return text.replace(/[‐‑‒–—―−－ー─ｰ]/g, '-');
}

/**
 * Parses a printed plan number (`２－4－（2）`, `３ー２ー（２）`, `1-１-(２)`) into its ASCII id
 * `P-M-N`, or returns null when the text is not a plan number.
 */
export function parsePlanNumber(printed: string): string | null {
  const text = normalizeDashes(nfkc(printed)).replace(/\s+/g, '');
  const match = /^(\d+)-(\d+)-\((\d+)\)$/.exec(text);
  if (!match) return null;
  return `${Number(match[1])}-${Number(match[2])}-${Number(match[3])}`;
}

/** The Western year of 令和/平成/昭和 year N (元 = 1), or null for an unknown era. */
export function eraToWesternYear(era: string, year: string): number | null {
  const n = year === '元' ? 1 : Number(nfkc(year));
  if (!Number.isInteger(n) || n < 1) return null;
  const base: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
  const offset = base[era];
  return offset === undefined ? null : offset + n;
}

/** Parses `令和4年6月` (any width, any spacing) into `2022-06`, or null. */
export function parseEraYearMonth(printed: string): string | null {
  const text = compactText(printed);
  const match = /^(令和|平成|昭和)(\d+|元)年(\d{1,2})月$/.exec(text);
  if (!match) return null;
  const year = eraToWesternYear(match[1]!, match[2]!);
  const month = Number(match[3]);
  if (year === null || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** An edition's title as every output names it: the plan's title and the edition's number (…（第5版）). */
export function editionTitle(edition: { title: string; number: number }): string {
  return `${edition.title}（第${edition.number}版）`;
}

/** The 和暦 label of a fiscal year (2021 → 令和3年度); only the 令和 era is in this plan's range. */
export function fiscalYearLabel(fiscalYear: number): string {
  const reiwa = fiscalYear - 2018;
  if (reiwa >= 1) return `令和${reiwa === 1 ? '元' : reiwa}年度`;
  return `平成${fiscalYear - 1988}年度`;
}

/** Parses a printed fiscal-year heading (`令和３年度`) into its Western fiscal year, or null. */
export function parseFiscalYearHeading(printed: string): number | null {
  const text = compactText(printed);
  const match = /^(令和|平成)(\d+|元)年度$/.exec(text);
  if (!match) return null;
  return eraToWesternYear(match[1]!, match[2]!);
}

/** True when a line holds nothing but spaces (the extraction writes an empty cell as one space). */
export function isBlank(text: string): boolean {
  return /^[\s\u3000]*$/.test(text);
}

/** English words a name or text may print in small letters after another Latin word (`Google Workspace for Education`, `iPad mini`). */
const SMALL_WORDS = new Set(['for', 'of', 'and', 'the', 'to', 'in', 'on', 'with', 'by', 'at', 'as', 'or', 'mini', 'pro', 'plus', 'max', 'air', 'lite', 'go', 'one', 'app', 'web']);

/**
 * Latin letters or digits a space was put between inside a word or a number: a lone letter beside
 * another Latin word or number (`G IS`, `A I`, `S 54`); two numbers side by side (`9 0%`, `1 4`,
 * `S5 4`); a word that goes on in small letters after the space (`Twit ter`; names print Latin words
 * capitalised, `Microsoft Teams`, and the small English words of `SMALL_WORDS` are let through), not
 * weighed in `prose`, where English phrases are more likely; two capitals' runs of one or two letters
 * (`GI GA`, `EB PM`: acronyms split); or two Latin words the same text prints elsewhere as one, in any
 * case (`You Tube` where it prints `YouTube`, given its Latin words as `words`, in small letters).
 * `removeLayoutSpaces` keeps one space between Latin letters and digits (it cannot tell `G IS` from
 * `Windows 11`), so such a space would be published; neither real text prints one. Returns the
 * spaced characters as printed (runs of spaces as one), or null.
 */
export function spacedLetters(text: string, words: ReadonlySet<string> = new Set(), prose = false): string | null {
  // Nearly every line has no Latin letter or digit beside a space: skip NFKC for those.
  if (!/[A-Za-z0-9Ａ-Ｚａ-ｚ０-９][ \u3000]+[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/.test(text)) return null;
  const letter = /^[A-Za-z]$/;
  for (const run of nfkc(text).replace(/ +/g, ' ').match(/[A-Za-z0-9]+(?: [A-Za-z0-9]+)+/g) ?? []) {
    const parts = run.split(' ');
    for (let k = 0; k + 1 < parts.length; k++) {
      const [a, b] = [parts[k]!, parts[k + 1]!];
      if (
        letter.test(a) ||
        letter.test(b) ||
        (/\d$/.test(a) && /^\d/.test(b)) ||
        (!prose && /[a-z]$/.test(a) && /^[a-z]/.test(b) && !SMALL_WORDS.has(b)) ||
        (/^[A-Z]{1,2}$/.test(a) && /^[A-Z]{1,2}$/.test(b)) ||
        words.has((a + b).toLowerCase())
      ) {
        return `${a} ${b}`;
      }
    }
  }
  return null;
}

/** The Latin words of a line (NFKC, maximal runs of ASCII letters, in small letters: `Twitter` attests `twit ter`), for `spacedLetters`. */
export function latinWords(text: string): string[] {
  return /[A-Za-zＡ-Ｚａ-ｚ]/.test(text) ? (nfkc(text).toLowerCase().match(/[a-z]+/g) ?? []) : [];
}

/**
 * A heading word as a regular-expression source that also matches it with a space the extraction put
 * between two of its characters (`概 要`, `関係 課等`, `年度ごと の取組`), so a form keeps its sections.
 */
export function spacedPattern(word: string): string {
  return [...word].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \u3000]?');
}
