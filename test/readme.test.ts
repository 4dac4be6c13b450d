import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../pipeline/diagnostics.js';
import { ROOT } from './helpers.js';

describe('README', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');

  it('documents every diagnostic rule code', () => {
    const missing = Object.keys(RULES).filter((code) => !readme.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('states the two commands a new user runs', () => {
    expect(readme).toContain('npm ci && npm run build');
    expect(readme).toContain('npm test');
  });
});
