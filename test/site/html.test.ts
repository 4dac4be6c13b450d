/**
 * The escape-by-default template (`pipeline/site/html.ts`), and a scan of `pipeline/site/` that
 * keeps every page built through it: no HTML by string concatenation, no hand-called escaping, and
 * `unsafe` only where it is listed here with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { html, joinHtml, SafeHtml, unsafe } from '../../pipeline/site/html.js';
import { ROOT } from '../helpers.js';

describe('html', () => {
  it('escapes every interpolated string and number, in text and in attributes', () => {
    expect(String(html`${'<script>'}`)).toBe('&lt;script&gt;');
    expect(String(html`<a title="${`&<>"'`}">${`&<>"'`}</a>`)).toBe('<a title="&amp;&lt;&gt;&quot;&#39;">&amp;&lt;&gt;&quot;&#39;</a>');
    expect(String(html`<td>${12.5}</td><td>${-3}</td>`)).toBe('<td>12.5</td><td>-3</td>');
    expect(String(html`${'plain text 日本語'}`)).toBe('plain text 日本語');
  });

  it('inserts SafeHtml as it is, joins arrays, renders null, undefined and false as nothing', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(String(html`<p>${inner}</p>`)).toBe('<p><b>&lt;i&gt;</b></p>');
    expect(String(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`)).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(String(html`${['<x>', html`<y>`]}`)).toBe('&lt;x&gt;<y>');
    expect(String(html`[${null}${undefined}${false}]`)).toBe('[]');
    expect(String(html`${0}`)).toBe('0');
    expect(String(joinHtml(['a<', html`<br>`, 'b'], '&'))).toBe('a&lt;&amp;<br>&amp;b');
    expect(String(joinHtml(['a', 'b'], html`<br>`))).toBe('a<br>b');
  });

  it('inserts raw text only through unsafe', () => {
    expect(String(html`<script>${unsafe('if (a < b && c) x("y");')}</script>`)).toBe('<script>if (a < b && c) x("y");</script>');
    // Nothing else can pass for SafeHtml: not a forged instance, not an object that prints as HTML.
    expect(() => new (SafeHtml as unknown as new (text: string) => SafeHtml)('<b>')).toThrow(TypeError);
    const lookalike = { toString: () => '<b>' };
    expect(String(html`${lookalike as unknown as string}`)).toBe('&lt;b&gt;');
    const forged = Object.create(SafeHtml.prototype) as SafeHtml;
    expect(() => String(html`${forged}`)).toThrow(TypeError);
  });
});

describe('pipeline/site/ builds HTML only through html', () => {
  const dir = `${ROOT}pipeline/site/`;
  const sources = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(`${dir}${name}`, 'utf8') }));
  // Each use of `unsafe(`, with why its text is safe.
  const UNSAFE_USES: Record<string, number> = {
    'assets.ts': 1, // the program's own style sheet and script, refused if they contain </style or </script
    'page.ts': 1, // the schema.org JSON-LD, whose `<` are escaped as \u003c inside the script element
  };

  it('has the modules it is meant to have', () => {
    expect(sources.map((s) => s.name).sort()).toEqual(['assets.ts', 'changes.ts', 'chart.ts', 'html.ts', 'page.ts', 'parts.ts', 'projectPages.ts', 'projectStory.ts', 'reviewPage.ts']);
  });

  it('concatenates no strings with + (a + or += beside a string or template literal)', () => {
    for (const { name, text } of sources) {
      const lines = text.split('\n').map((line, i) => ({ line, at: `${name}:${i + 1}` }));
      const concatenating = lines.filter(({ line }) => /['"`]\s*\+(?!\+)|(?<!\+)\+=?\s*(['"`]|html`|String\()/.test(line));
      expect(concatenating.map((l) => `${l.at}: ${l.line.trim()}`)).toEqual([]);
    }
  });

  it('escapes by hand nowhere (escapeHtml lives in html.ts, unexported)', () => {
    for (const { name, text } of sources) if (name !== 'html.ts') expect(text, name).not.toMatch(/escapeHtml\s*\(/);
    expect(sources.find((s) => s.name === 'html.ts')!.text).not.toMatch(/export function escapeHtml/);
  });

  it('uses unsafe only in the listed places', () => {
    for (const { name, text } of sources) {
      if (name === 'html.ts') continue;
      expect([...text.matchAll(/\bunsafe\(/g)].length, name).toBe(UNSAFE_USES[name] ?? 0);
    }
  });

  it('reads files only in assets.ts (the page functions touch no file system)', () => {
    for (const { name, text } of sources) if (name !== 'assets.ts') expect(text, name).not.toMatch(/node:fs|readFile/);
  });

  it('documents each module and each export', () => {
    for (const { name, text } of sources) {
      expect(text.startsWith('/**'), name).toBe(true);
      const lines = text.split('\n');
      lines.forEach((line, i) => {
        if (/^export (?!\{|\*)/.test(line)) expect(lines[i - 1]!.trimEnd().endsWith('*/'), `${name}:${i + 1} ${line}`).toBe(true);
      });
      expect(text, name).not.toMatch(/^export default/m);
    }
  });
});
