/** The array helpers that hold at any size (`pipeline/common/arrays.ts`). */
import { describe, expect, it } from 'vitest';
import { append, firstByKey, groupBy, maxOf } from '../../pipeline/common/arrays.js';

describe('groupBy', () => {
  it('groups items by key, each group in the items order, the groups in the order their keys first appear', () => {
    const items = [{ m: '1-2', id: 'a' }, { m: '1-1', id: 'b' }, { m: '1-2', id: 'c' }, { m: '2-1', id: 'd' }, { m: '1-1', id: 'e' }];
    const groups = groupBy(items, (x) => x.m);
    expect([...groups.keys()]).toEqual(['1-2', '1-1', '2-1']);
    expect([...groups.values()].map((g) => g.map((x) => x.id))).toEqual([['a', 'c'], ['b', 'e'], ['d']]);
    expect(groupBy([], (x: string) => x).size).toBe(0);
  });
});

describe('firstByKey, append and maxOf', () => {
  it('keep the first of each key, append past the call stack limit, and fall back to the floor', () => {
    expect([...firstByKey(['a1', 'b1', 'a2'], (s) => s[0]).values()]).toEqual(['a1', 'b1']);
    const target = [0];
    append(target, Array.from({ length: 200_000 }, (_, i) => i + 1));
    expect(target.length).toBe(200_001);
    expect(maxOf(target, -1)).toBe(200_000);
    expect(maxOf([], 7)).toBe(7);
    expect(maxOf([3, 5], 9)).toBe(9);
  });
});
