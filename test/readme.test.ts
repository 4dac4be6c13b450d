import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../pipeline/build.js';
import { RULES } from '../pipeline/diagnostics.js';
import { ROOT } from './helpers.js';

describe('README', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');

  it('documents every diagnostic rule code', () => {
    const missing = Object.keys(RULES).filter((code) => !readme.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('lists the stages by the names build.ts times them under, in order, each at a path that exists', () => {
    const rows = [...readme.matchAll(/^\| `([a-z]+)` \| `(pipeline\/[^`]+)` \|/gm)];
    expect(rows.map((r) => r[1])).toEqual([...STAGES]);
    expect(rows.map((r) => r[2]).filter((path) => !existsSync(`${ROOT}${path}`))).toEqual([]);
  });

  it('names only files and folders that exist', () => {
    const paths = [...new Set([...readme.matchAll(/`((?:pipeline|test|schemas)\/[A-Za-z0-9_./-]+)`/g)].map((m) => m[1]!.replace(/[.,]$/, '')))];
    expect(paths.filter((path) => !path.includes('*') && !existsSync(`${ROOT}${path}`))).toEqual([]);
  });

  it('states the two commands a new user runs', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
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
