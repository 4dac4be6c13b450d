/**
 * The plan's source map (`PlanSourceMap`, made by `toPlan`): `get` answers every pointer exactly as a
 * map holding every pointer would, and nothing else; iterating gives each pointer once.
 */
import { describe, expect, it } from 'vitest';
import { toPlan } from '../../pipeline/model/toPlan.js';
import { PlanSourceMap } from '../../pipeline/model/planSourceMap.js';
import { parseEditionMeta } from '../../pipeline/read/parseEditionMeta.js';
import { parsePlanDocument } from '../../pipeline/read/parsePlanDocument.js';
import { toSourceText } from '../../pipeline/read/toSourceText.js';
import { SEEDS, seedBytes, seedMeta } from '../helpers.js';

/** The source map `toPlan` gives a real edition. */
function sourceMapOf(id: keyof typeof SEEDS) {
  const source = toSourceText(seedBytes(id), SEEDS[id]);
  if (!source.ok) throw new Error(`${id} does not decode`);
  const meta = parseEditionMeta(seedMeta(id), 'edition.json', id);
  if (!meta.ok) throw new Error(`${id}: bad edition.json`);
  return toPlan(parsePlanDocument(source.source), meta.meta).sourceMap;
}

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 2 } });

describe('PlanSourceMap', () => {
  it('gives every pointer it lists, each once, and nothing for pointers it does not', () => {
    for (const id of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
      const sourceMap = sourceMapOf(id);
      const all = new Map(sourceMap);
      expect(all.size).toBe([...sourceMap.keys()].length);
      expect(sourceMap.size).toBe(all.size);
      for (const [pointer, position] of all) {
        expect(sourceMap.get(pointer)).toBe(position);
        expect(sourceMap.has(pointer)).toBe(true);
        // Anything below a pointer the map lists is not itself listed unless the map says so.
        for (const below of ['/x', '/0', '/targets/9', '/targets/00']) expect(sourceMap.get(`${pointer}${below}`)).toBe(all.get(`${pointer}${below}`));
      }
      // Every kind of pointer the projects have, in the plan's own form.
      expect([...all.keys()].some((p) => /^\/projects\/\d+\/indicators\/\d+\/targets\/\d+$/.test(p))).toBe(true);
      expect([...all.keys()].some((p) => /^\/projects\/\d+\/initiatives\/\d+$/.test(p))).toBe(true);
      expect([...all.keys()].some((p) => /^\/projects\/\d+\/leadDepartments$/.test(p))).toBe(true);
      // The 2021 edition prints no 改訂履歴.
      expect([...all.keys()].some((p) => /^\/revisions\/\d+\/entries\/\d+$/.test(p))).toBe(id === '2025-03');
    }
  });

  it('answers exactly the pointers set, in their canonical form only', () => {
    const map = new PlanSourceMap();
    map.setOther('/policies/0', at(1));
    map.setProject(1, { self: at(2), parts: new Map([['name', at(3)]]), initiatives: [at(4)], indicators: [at(5)], targets: [[undefined, at(6)]] });
    map.setOther('/revisions/0', at(7));
    expect(map.get('/projects/1')).toEqual(at(2));
    expect(map.get('/projects/1/name')).toEqual(at(3));
    expect(map.get('/projects/1/initiatives/0')).toEqual(at(4));
    expect(map.get('/projects/1/indicators/0')).toEqual(at(5));
    expect(map.get('/projects/1/indicators/0/targets/1')).toEqual(at(6));
    for (const missing of ['/projects/0', '/projects/01', '/projects/1/initiatives/1', '/projects/1/indicators/0/targets/0', '/projects/1/indicators/0/targets/01', '/projects/1/summary', '/projects', '/policies/1'])
      expect(map.get(missing), missing).toBeUndefined();
    expect([...map.keys()]).toEqual(['/policies/0', '/projects/1', '/projects/1/name', '/projects/1/initiatives/0', '/projects/1/indicators/0', '/projects/1/indicators/0/targets/1', '/revisions/0']);
    expect(() => map.setOther('/projects/2', at(8))).toThrow();
  });
});
