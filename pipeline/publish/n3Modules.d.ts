/**
 * n3's parser and Turtle writer by their own modules (`toCatalogTurtle`): the package's main module
 * also loads its store and stream modules, which the catalog does not use. Typed as the classes
 * `n3` exports (n3 is pinned, so the paths stay where they are).
 */
declare module 'n3/lib/N3Parser.js' {
  import type { Parser } from 'n3';
  /** The `Parser` class exported by `n3`. */
  const ParserClass: typeof Parser;
  export default ParserClass;
}

declare module 'n3/lib/N3Writer.js' {
  import type { Writer } from 'n3';
  /** The `Writer` class exported by `n3`. */
  const WriterClass: typeof Writer;
  export default WriterClass;
}
