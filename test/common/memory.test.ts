import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/common/memory.js';

describe('collectGarbage', () => {
  it('frees what nothing refers to any more, at once, without --expose-gc on the command line', async () => {
    let garbage: number[][] | null = Array.from({ length: 1000 }, (_, i) => [i]);
    const ref = new WeakRef(garbage);
    garbage = null;
    // A WeakRef's target is kept to the end of the job that made or read it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect(garbage).toBeNull();
  });
});
