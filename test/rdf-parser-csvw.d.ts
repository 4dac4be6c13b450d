/** The part of rdf-parser-csvw 1.1.0 (which ships no types) that the tests use, from its README and source. */
declare module 'rdf-parser-csvw' {
  import type { DataFactory, DatasetCore, Quad, Stream } from '@rdfjs/types';

  /** Options of the parser (README: metadata and baseIRI required). */
  interface CsvwParserOptions {
    /** The CSVW metadata as RDF (the CSVW ontology), one table. */
    metadata: DatasetCore;
    /** The table's URL: the base of relative IRIs. */
    baseIRI: string;
    factory?: DataFactory;
    timezone?: string;
    relaxColumnCount?: boolean;
    skipLinesWithError?: boolean;
  }

  /** A CSV on the Web parser with the RDF/JS sink interface. */
  export default class CsvwParser {
    constructor(options: CsvwParserOptions);
    /** Parses a stream of CSV text into a stream of quads. */
    import(input: NodeJS.ReadableStream, options?: Partial<CsvwParserOptions>): Stream<Quad> & NodeJS.EventEmitter;
  }
}
