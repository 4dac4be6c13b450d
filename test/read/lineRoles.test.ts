import { describe, expect, it } from 'vitest';
import { LineRoles } from '../../pipeline/read/lineRoles.js';

describe('LineRoles', () => {
  it('keeps the first role given to a line and lists the roles in line order', () => {
    const roles = new LineRoles(5);
    roles.add({ line: 4, role: 'content', kind: 'sheet.summary' });
    roles.add({ line: 2, role: 'furniture', kind: 'page-number' });
    roles.add({ line: 4, role: 'furniture', kind: 'page-header' });
    roles.addAll([{ line: 5, role: 'content', kind: 'sheet.summary' }]);
    expect([...roles]).toEqual([
      { line: 2, role: 'furniture', kind: 'page-number' },
      { line: 4, role: 'content', kind: 'sheet.summary' },
      { line: 5, role: 'content', kind: 'sheet.summary' },
    ]);
    expect(roles.size).toBe(3);
    expect(roles.has(3)).toBe(false);
    expect(roles.get(3)).toBeUndefined();
    expect(roles.get(4)).toEqual({ line: 4, role: 'content', kind: 'sheet.summary' });
  });

  it('refuses a line outside the text instead of dropping it', () => {
    const roles = new LineRoles(3);
    expect(() => roles.add({ line: 4, role: 'content', kind: 'sheet.name' })).toThrow(RangeError);
    expect(() => roles.add({ line: 0, role: 'content', kind: 'sheet.name' })).toThrow(RangeError);
    expect(roles.size).toBe(0);
  });
});
