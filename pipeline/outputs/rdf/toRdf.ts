/**
 * Stage `rdf`: the plan's N-Quads by the pipeline's own converter (`writeNQuads.ts`), which refuses, as
 * jsonld.js's safe mode does, a key or type the context does not map. jsonld.js is the reference the
 * tests compare it with (`test/jsonldReference.ts`); the build never loads it (about 30 ms with
 * Node's http modules it requires, more than the CLI's own start).
 */
import { diagnose, type Diagnostic } from '../../diagnostics.js';
import { toNQuadChunks } from './writeNQuads.js';

/**
 * The N-Quads of the project's plan document in pieces (`toNQuadChunks`). A key or type the context
 * does not map ends the pieces: the generator's return value is what went wrong (`jsonld/lossy`), or
 * nothing, so the caller learns the outcome from the stage itself.
 */
export function* toPlanNQuadChunks(
  document: { [key: string]: unknown },
  contextDocument: { '@context': Record<string, unknown> },
  file: string,
): Generator<string, Diagnostic[]> {
  try {
    yield* toNQuadChunks(document as never, contextDocument);
    return [];
  } catch (error) {
    return [diagnose('jsonld/lossy', 'lossy', { error: (error as Error).message }, { file })];
  }
}
