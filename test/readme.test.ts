import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../pipeline/build.js';
import { RULES } from '../pipeline/diagnostics.js';
import { ROOT } from './helpers.js';

/** The Markdown pages the README links to, each in the folder it describes (paths from the repository root). */
function documentationPages(): string[] {
  const pages: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(`${ROOT}${folder}`, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) pages.push(path);
    }
  };
  walk('pipeline');
  if (existsSync(`${ROOT}test/README.md`)) pages.push('test/README.md');
  return pages.sort();
}

const read = (path: string): string => readFileSync(`${ROOT}${path}`, 'utf8');

/** Markdown text without its fenced code blocks (their brackets are not links). */
const withoutCode = (markdown: string): string => markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** The anchors GitHub gives a page's headings (github-slugger: lower case, punctuation dropped, spaces → `-`). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6} +(.+?) *$/gm)) {
    const slug = heading!.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** Every relative link of a page (`[text](target)`), with where it points from the repository root. */
function relativeLinks(page: string): { target: string; file: string; anchor: string | undefined }[] {
  return [...withoutCode(read(page)).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => {
      const [path, anchor] = target.split('#', 2) as [string, string | undefined];
      const file = path === '' ? page : relative(ROOT, join(ROOT, dirname(page), decodeURIComponent(path))).replaceAll('\\', '/');
      return { target, file, anchor };
    });
}

describe('README', () => {
  const readme = read('README.md');
  const pages = documentationPages();

  it('is short: a newcomer reads it in five minutes', () => {
    expect(readme.split('\n').length).toBeLessThan(250);
  });

  it('states the two commands a new user runs', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
  });

  it('lists the stages by the names build.ts times them under, in order, each at a path that exists', () => {
    const rows = [...readme.matchAll(/^\| `([a-z]+)` \| `(pipeline\/[^`]+)` \|/gm)];
    expect(rows.map((r) => r[1])).toEqual([...STAGES]);
    expect(rows.map((r) => r[2]).filter((path) => !existsSync(`${ROOT}${path}`))).toEqual([]);
  });

  it('links every documentation page, and every page links back to it', () => {
    expect(pages).toContain('pipeline/DIAGNOSTICS.md');
    expect(pages).toContain('test/README.md');
    const linked = new Set(relativeLinks('README.md').map((link) => link.file));
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
    expect(pages.filter((page) => !relativeLinks(page).some((link) => link.file === 'README.md'))).toEqual([]);
  });

  it('documents every diagnostic rule code in pipeline/DIAGNOSTICS.md', () => {
    const catalog = read('pipeline/DIAGNOSTICS.md');
    const missing = Object.keys(RULES).filter((code) => !catalog.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it.each(['README.md', ...documentationPages()])('%s names only files and folders that exist', (page) => {
    const text = read(page);
    const paths = [...new Set([...text.matchAll(/`((?:pipeline|test|schemas)\/[A-Za-z0-9_./-]+)`/g)].map((m) => m[1]!.replace(/[.,]$/, '')))];
    // Folders the tests and builds write (git-ignored, absent from a fresh clone) are named, not checked.
    const written = readFileSync(`${ROOT}.gitignore`, 'utf8').split('\n').filter((l) => l.endsWith('/'));
    expect(paths.filter((path) => !path.includes('*') && !written.some((folder) => path.startsWith(folder)) && !existsSync(`${ROOT}${path}`))).toEqual([]);
  });

  it.each(['README.md', ...documentationPages()])('%s has only relative links that resolve, to a file and a heading', (page) => {
    const broken = relativeLinks(page)
      .filter(({ file, anchor }) => !existsSync(`${ROOT}${file}`) || (anchor !== undefined && file.endsWith('.md') && !headingAnchors(read(file)).has(anchor)))
      .map((link) => link.target);
    expect(broken).toEqual([]);
  });
});

describe('the stage vocabulary', () => {
  it('is the same in the doc comment of build.ts as in its timing labels', () => {
    const header = readFileSync(`${ROOT}pipeline/build.ts`, 'utf8').split('*/')[0]!;
    const listed = [...header.matchAll(/^ \* {4}([a-z]+) +([a-z]+\/[A-Za-z/]+)/gm)];
    expect(listed.map((m) => m[1])).toEqual([...STAGES]);
    expect(listed.map((m) => m[2]).filter((path) => !existsSync(`${ROOT}pipeline/${path}`) && !existsSync(`${ROOT}pipeline/${path}.ts`))).toEqual([]);
  });
});
