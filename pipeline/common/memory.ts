/**
 * A full garbage collection on request, for the one moment the build knows most of its heap has just
 * died: the syntax trees of large editions, once the editions are checked. Left to itself, V8 sizes
 * the heap by what was alive at its last full collection (the trees included) and lets the outputs'
 * allocations grow it that far again before it collects: at 62,000 sheets that was the build's peak.
 * `--expose-gc` is set at run time, as Jest's leak detector does, so the CLI's flags stay as they are.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/** Collects garbage now (a full, blocking collection). */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
