/**
 * jsonld.js, the reference the pipeline's own JSON-LD conversions are compared with (the build
 * never loads it: `pipeline/outputs/rdf/writeNQuads.ts` converts the plan and the catalog), always
 * offline: the documents carry their contexts, and the document loader serves only what it is given
 * and refuses every other URL, so no test ever fetches a remote context. Expansion runs in
 * jsonld.js "safe mode", which fails instead of silently dropping a key or value the context does
 * not map.
 */
import jsonld from 'jsonld';

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
  return (await jsonld.expand(document as never, { documentLoader: documentLoader as never, safe: true } as never)) as unknown as object[];
}

/** The document as N-Quads by jsonld.js in safe mode (canonical order: sorted lines); throws what jsonld.js throws. */
export async function toNQuads(document: object, documentLoader: DocumentLoader): Promise<string> {
  const nquads = (await jsonld.toRDF(document as never, { format: 'application/n-quads', documentLoader: documentLoader as never, safe: true } as never)) as unknown as string;
  const sorted = nquads.split('\n').filter((l) => l !== '').sort();
  return `${sorted.join('\n')}\n`;
}
