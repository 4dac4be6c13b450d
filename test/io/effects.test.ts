import { describe, expect, it } from 'vitest';
import { memoryEffects } from '../../pipeline/io/effects.js';

describe('memoryEffects', () => {
  it('lists folders and files, reads what was written, and returns null for what is missing', async () => {
    const effects = memoryEffects({ 'seeds/2021/a.txt': 'x', 'seeds/2021/edition.json': '{}', 'seeds/top.md': 'y' });
    expect(await effects.listDirectory('seeds')).toEqual([
      { name: '2021', isDirectory: true },
      { name: 'top.md', isDirectory: false },
    ]);
    expect(await effects.listDirectory('nowhere')).toBeNull();
    expect(await effects.readFile('seeds/none.txt')).toBeNull();
    await effects.writeFile('out/x/y.json', '{"a":1}');
    expect(new TextDecoder().decode((await effects.readFile('out/x/y.json'))!)).toBe('{"a":1}');
  });
});
