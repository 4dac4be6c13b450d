/**
 * Site part: the escape-by-default HTML template. ``html`<p>${text}</p>` `` escapes every
 * interpolated string and number; only `SafeHtml` (what `html` and `unsafe` make) is inserted as it
 * is, so no text from the source can reach a page unescaped unless the code says `unsafe` where it is
 * read. Arrays of values are joined with nothing between them; null, undefined and false render as
 * nothing.
 */

/** What may be interpolated into `html`: text and numbers (escaped), HTML already made, lists of them, or nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const TOKEN = Symbol('SafeHtml');
let make: (text: string) => SafeHtml;

/** HTML that is inserted as it is: made only by `html` (whose interpolations are escaped) and `unsafe`. */
export class SafeHtml {
  readonly #text: string;
  private constructor(text: string, token: symbol) {
    // The type system hides the constructor; this keeps `new (SafeHtml as any)(text)` from forging one.
    if (token !== TOKEN) throw new TypeError('SafeHtml is made only by html`…` or unsafe()');
    this.#text = text;
  }
  static {
    make = (text) => new SafeHtml(text, TOKEN);
  }
  /** The HTML text. */
  toString(): string {
    return this.#text;
  }
}

/** Escapes text for HTML element content and attribute values (& < > " '). */
function escapeHtml(text: string): string {
  // Most texts have nothing to escape: one test instead of five replacements.
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Renders one interpolated value: SafeHtml as it is, arrays element by element, anything else escaped. */
function renderValue(value: unknown): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof SafeHtml) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeHtml(String(value));
}

/** The tag: the template's own text as it is, every interpolation escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  // The one place where strings are joined: the template's own text and the rendered values, alternately.
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out = `${out}${renderValue(values[i])}${strings[i + 1]!}`;
  return make(out);
}

/** Joins values with a separator, each escaped unless it is SafeHtml (the separator too). */
export function joinHtml(values: readonly HtmlValue[], separator: SafeHtml | string): SafeHtml {
  return make(values.map(renderValue).join(renderValue(separator)));
}

/**
 * The one opt-out: text inserted without escaping. Only for text the program makes safe by other
 * means (its own style sheet and script, JSON escaped for a script element); never for source text.
 */
export function unsafe(text: string): SafeHtml {
  return make(text);
}
