/**
 * Stage `rdf`: linked-data conversions of a JSON-LD document with jsonld.js, strictly offline: the project's
 * documents carry their contexts, and the document loader serves only what it is given (nothing, in
 * the build) and refuses every other URL, so neither the build nor the tests ever fetch a remote context. Expansion runs in jsonld.js
 * "safe mode", which fails instead of silently dropping a key or value the context does not map.
 * jsonld.js is loaded only when a conversion needs it, which is in the tests only (the reference the
 * pipeline's own converter is compared with): the plan's N-Quads and the catalog's are the
 * pipeline's own (`writeNQuads.ts`), and loading jsonld.js (with Node's http modules it requires)
 * takes about 30 ms, more than the CLI's own start.
 */
import { diagnose, type Diagnostic } from '../../diagnostics.js';
import { toNQuadChunks } from './writeNQuads.js';

/** jsonld.js, loaded on first use. */
async function loadJsonLd(): Promise<typeof import('jsonld')> {
  return (await import('jsonld')).default;
}

/** A jsonld.js document loader. */
export type DocumentLoader = (url: string) => Promise<{ contextUrl: null; document: unknown; documentUrl: string }>;

/** A loader that serves the given documents by URL and refuses anything else. */
export function offlineDocumentLoader(documents: Readonly<Record<string, unknown>>): DocumentLoader {
  return async (url: string) => {
    if (!(url in documents)) throw new Error(`Refusing to load ${url}: the pipeline works offline and knows only its own context`);
    return { contextUrl: null, document: documents[url], documentUrl: url };
  };
}

/** Expands a document in safe mode (fails on anything expansion would drop). */
export async function expandSafely(document: object, documentLoader: DocumentLoader): Promise<object[]> {
  const jsonld = await loadJsonLd();
  return (await jsonld.expand(document as never, { documentLoader: documentLoader as never, safe: true } as never)) as unknown as object[];
}

/** The document as N-Quads (canonical order: sorted lines), or the diagnostic that says why not. */
export async function toNQuads(document: object, documentLoader: DocumentLoader, file: string): Promise<{ nquads: string | null; diagnostics: Diagnostic[] }> {
  const jsonld = await loadJsonLd();
  try {
    const nquads = (await jsonld.toRDF(document as never, { format: 'application/n-quads', documentLoader: documentLoader as never, safe: true } as never)) as unknown as string;
    const sorted = nquads.split('\n').filter((l) => l !== '').sort();
    return { nquads: `${sorted.join('\n')}\n`, diagnostics: [] };
  } catch (error) {
    return { nquads: null, diagnostics: [diagnose('jsonld/lossy', 'lossy', { error: (error as Error).message }, { file })] };
  }
}

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
