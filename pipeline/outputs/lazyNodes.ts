/**
 * Nodes of a document made one at a time, as a writer reaches them, instead of all held together: the
 * projects of the JSON-LD document, which at 60,000 projects took about 300 MB while `plan.jsonld` and
 * `plan.nq` were written from it. Both writers of that document take it where an array may be
 * (`toJsonChunks` for the text, `toNQuadChunks` for the N-Quads), and write exactly what they write
 * for the same nodes in an array; `toJSON` gives that array, so `JSON.stringify` does too.
 */
export class LazyNodes<T extends { '@id': string }> {
  /**
   * `ids`: each node's `@id`, in order (the links to the nodes are written before the nodes); `make`:
   * the nodes, in the same order, made anew each time it is called.
   */
  constructor(
    readonly ids: readonly string[],
    private readonly make: () => Iterable<T>,
  ) {}

  /** The nodes, each made when it is reached; a node whose `@id` is not the one listed is a bug, and throws. */
  *[Symbol.iterator](): Iterator<T> {
    let i = 0;
    for (const node of this.make()) {
      if (node['@id'] !== this.ids[i]) throw new Error(`LazyNodes: node ${i} is ${node['@id']}, listed as ${this.ids[i] ?? 'nothing'}`);
      i++;
      yield node;
    }
    if (i !== this.ids.length) throw new Error(`LazyNodes: ${i} nodes made, ${this.ids.length} listed`);
  }

  /** The nodes as one array: what `JSON.stringify` writes. */
  toJSON(): T[] {
    return [...this];
  }
}
