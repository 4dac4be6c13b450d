/**
 * Writes the N-Quads of the project's own JSON-LD documents directly, without jsonld.js's general
 * toRDF: the documents use one known context (prefixes and term definitions, no scoped contexts, no
 * @reverse or @nest), so the conversion is a walk over node objects. Like jsonld.js in safe mode it
 * refuses what expansion would drop (a key or a type with no IRI). jsonld.js remains the reference:
 * tests expand the published documents in safe mode and canonicalise both conversions (URDNA2015),
 * requiring the same graph. At the size of the real plan both take milliseconds; at 100 times it,
 * jsonld.js took most of the build's time and memory.
 */
import { LazyNodes } from '../lazyNodes.js';

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

interface TermDefinition {
  id: string;
  type: string | null;
  language: string | null | undefined;
  container: string | null;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** The parsed context: prefixes, terms, default language, base. */
interface ActiveContext {
  prefixes: Map<string, string>;
  terms: Map<string, TermDefinition>;
  language: string | null;
  base: string;
}

function expandIri(value: string, context: ActiveContext): string {
  const term = context.terms.get(value);
  if (term && term.type === null && term.container === null && term.language === undefined) return term.id;
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = context.prefixes.get(value.slice(0, colon));
    if (prefix !== undefined && !value.slice(colon + 1).startsWith('//')) return prefix + value.slice(colon + 1);
    return value;
  }
  return value;
}

/** Builds the active context from the project's context document and the document's `@base`. */
export function activeContext(contextDocument: { '@context': Record<string, unknown> }, base: string): ActiveContext {
  const raw = contextDocument['@context'];
  const prefixes = new Map<string, string>();
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('@') && typeof value === 'string' && /[:#/]$/.test(value)) prefixes.set(key, value);
  }
  const context: ActiveContext = { prefixes, terms: new Map(), language: (raw['@language'] as string | undefined) ?? null, base };
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('@') || prefixes.has(key)) continue;
    if (typeof value === 'string') {
      context.terms.set(key, { id: expandIri(value, context), type: null, language: undefined, container: null });
    } else if (value && typeof value === 'object') {
      const def = value as Record<string, unknown>;
      const type = (def['@type'] as string | undefined) ?? null;
      context.terms.set(key, {
        id: expandIri(def['@id'] as string, context),
        type: type === null || type.startsWith('@') ? type : expandIri(type, context),
        language: '@language' in def ? (def['@language'] as string | null) : undefined,
        container: (def['@container'] as string | undefined) ?? null,
      });
    }
  }
  return context;
}

// A reference of plain path characters, no dot segment, no query: against a base that is already in
// its canonical form and ends its path with `/` (no query or fragment) it resolves by appending,
// without parsing a URL (a `URL` per node and link was a tenth of the N-Quads' time at 1000×).
const PLAIN_REFERENCE = /^(?!\.{1,2}(?:[/#]|$))(?!.*\/\.{1,2}(?:[/#]|$))[A-Za-z0-9\-_~][A-Za-z0-9\-_~./]*(?:#[A-Za-z0-9\-_~]*)?$/;
const plainBases = new Map<string, boolean>();

/** True when `base` is a URL as the URL parser writes it, whose path ends with `/`, without query or fragment. */
function isPlainBase(base: string): boolean {
  let plain = plainBases.get(base);
  if (plain === undefined) {
    plain = URL.canParse(base) && new URL(base).href === base && /^[^?#]*\/$/.test(base) && /^[a-z][a-z0-9+.-]*:\/\//.test(base);
    plainBases.set(base, plain);
  }
  return plain;
}

function resolve(reference: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) return reference;
  return PLAIN_REFERENCE.test(reference) && isPlainBase(base) ? base + reference : new URL(reference, base).href;
}

function escapeLiteral(text: string): string {
  if (!/[\\"\n\r]/.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The lexical form JSON-LD's RDF conversion gives a native number (integers as integers, others as doubles). */
function numberLexical(value: number, datatype: string | null): { lexical: string; datatype: string } {
  if (!Number.isInteger(value) || datatype === `${XSD}double`) {
    return { lexical: value.toExponential(15).replace(/(\d)0*e\+?/, '$1E'), datatype: datatype ?? `${XSD}double` };
  }
  return { lexical: BigInt(value).toString(), datatype: datatype ?? `${XSD}integer` };
}

/** The N-Quads of one of the project's JSON-LD documents (`@graph` with an `@id` naming the graph). */
export function writeNQuads(document: { [key: string]: Json }, contextDocument: { '@context': Record<string, unknown> }): string {
  return [...toNQuadChunks(document, contextDocument)].join('');
}

/**
 * The N-Quads of a document in pieces, one per node of the graph and one per named node directly
 * under it (a project, a measure), in document order: each node's quads together, its own first.
 * The lines are not sorted (N-Quads order means nothing, and at 60,000 projects sorting took longer
 * than the rest of the conversion); the order is the document's, so the file is deterministic.
 */
export function* toNQuadChunks(document: { [key: string]: Json }, contextDocument: { '@context': Record<string, unknown> }): Generator<string> {
  const embedded = (Array.isArray(document['@context']) ? document['@context'] : [document['@context']]).find(
    (c): c is { [key: string]: Json } => typeof c === 'object' && c !== null && !Array.isArray(c),
  );
  const base = typeof embedded?.['@base'] === 'string' ? embedded['@base'] : '';
  const context = activeContext(contextDocument, base);
  const graph = typeof document['@id'] === 'string' ? `<${resolve(document['@id'], base)}>` : '';
  const suffix = graph ? ` ${graph} .` : ' .';
  let blank = 0;
  // An RDF dataset is a set: a node described in several places (a department under every project
  // it works on) must give each quad once. A piece's own nodes (its subject and the IRIs under it)
  // and its blank nodes are described nowhere else, so only quads about other named nodes are
  // remembered, across pieces, to leave out repeats.
  const shared = new Set<string>();
  let lines: string[] = [];
  // The piece's own subject without its closing `>`, and what its own IRIs start with: made once per
  // piece, not once per quad (a string each, millions of them at 1000×).
  let owner = '';
  let ownerNode = '';
  let ownerPath = '';
  let ownerPart = '';
  const setOwner = (subject: string) => {
    owner = subject;
    ownerNode = `${owner}>`;
    ownerPath = `${owner}/`;
    ownerPart = `${owner}#`;
  };
  const isOwn = (subject: string) =>
    subject.startsWith('_:') || (owner !== '' && (subject === ownerNode || subject.startsWith(ownerPath) || subject.startsWith(ownerPart)));
  const quad = (s: string, p: string, o: string) => {
    const line = `${s} <${p}> ${o}${suffix}`;
    if (isOwn(s)) lines.push(line);
    else if (!shared.has(line)) {
      shared.add(line);
      lines.push(line);
    }
  };
  // Named nodes directly under a graph node, described after it, each as its own piece (a node given
  // twice there is one piece); nodes made one at a time (`LazyNodes`) are kept as such, in their place.
  let deferred = new Map<string, { [key: string]: Json }[] | LazyNodes<{ '@id': string }>>();
  const lazyChildren = new Set<string>();
  // 0 outside any node, 1 inside a graph node; deferral happens only at 1.
  let depth = 0;

  const term = (key: string): TermDefinition => {
    const found = context.terms.get(key);
    if (found) return found;
    const iri = expandIri(key, context);
    if (iri === key && !iri.includes(':')) throw new Error(`No IRI for key ${key}: expansion would drop it`);
    return { id: iri, type: null, language: undefined, container: null };
  };

  const objectOf = (value: Json, def: TermDefinition): string | null => {
    if (value === null) return null;
    if (typeof value === 'object' && !Array.isArray(value)) {
      if ('@value' in value) {
        const v = value['@value'];
        const type = typeof value['@type'] === 'string' ? expandIri(value['@type'], context) : null;
        const language = typeof value['@language'] === 'string' ? value['@language'] : null;
        if (typeof v === 'number') {
          const n = numberLexical(v, type);
          return `"${n.lexical}"^^<${n.datatype}>`;
        }
        const text = escapeLiteral(String(v));
        return type ? `"${text}"^^<${type}>` : language ? `"${text}"@${language.toLowerCase()}` : `"${text}"`;
      }
      return node(value);
    }
    if (typeof value === 'string') {
      if (def.type === '@id') return `<${resolve(expandIri(value, context), base)}>`;
      if (def.type === '@vocab') {
        const t = context.terms.get(value);
        return `<${t ? t.id : resolve(expandIri(value, context), base)}>`;
      }
      const text = escapeLiteral(value);
      if (def.type) return `"${text}"^^<${def.type}>`;
      const language = def.language === undefined ? context.language : def.language;
      return language ? `"${text}"@${language.toLowerCase()}` : `"${text}"`;
    }
    if (typeof value === 'number') {
      const n = numberLexical(value, def.type && !def.type.startsWith('@') ? def.type : null);
      return `"${n.lexical}"^^<${n.datatype}>`;
    }
    if (typeof value === 'boolean') return `"${value}"^^<${def.type && !def.type.startsWith('@') ? def.type : `${XSD}boolean`}>`;
    throw new Error('Unexpected array');
  };

  const node = (object: { [key: string]: Json }): string => {
    const subject = typeof object['@id'] === 'string' ? `<${resolve(expandIri(object['@id'], context), base)}>` : `_:b${blank++}`;
    if (depth === 1 && !subject.startsWith('_:')) {
      if (lazyChildren.has(subject)) throw new Error(`${subject} is given again after LazyNodes made it`);
      deferred.set(subject, [...(deferred.get(subject) ?? []), object]);
      return subject;
    }
    depth++;
    const types = object['@type'] === undefined ? [] : Array.isArray(object['@type']) ? object['@type'] : [object['@type']];
    for (const t of types) {
      const iri = expandIri(t as string, context);
      // jsonld.js in safe mode refuses a type that is not an absolute IRI after expansion: so does this.
      if (!/^[a-z][a-z0-9+.-]*:/i.test(iri)) throw new Error(`No IRI for type ${String(t)}: expansion would drop it`);
      quad(subject, `${RDF}type`, `<${iri}>`);
    }
    for (const key of Object.keys(object)) {
      const value = object[key]!;
      if (key.startsWith('@') || value === null) continue;
      const def = term(key);
      if (value instanceof LazyNodes) {
        const lazy = value as LazyNodes<{ '@id': string }>;
        if (depth !== 1 || def.container === '@list') throw new Error(`LazyNodes under ${key}: only a graph node's own named nodes are made one at a time`);
        // Linked now, described after the graph node, as the nodes of an array would be (a node given
        // twice would be one piece there: not so here, so it is refused).
        const children = new Set<string>();
        for (const id of lazy.ids) {
          const child = `<${resolve(expandIri(id, context), base)}>`;
          if (deferred.has(child) || children.has(child) || lazyChildren.has(child)) throw new Error(`LazyNodes under ${key}: ${id} is given twice`);
          children.add(child);
          quad(subject, def.id, child);
        }
        for (const child of children) lazyChildren.add(child);
        deferred.set(`${subject} ${key}`, lazy);
        continue;
      }
      if (!Array.isArray(value) && def.container !== '@list') {
        // One value, as most are: no array made for it.
        const o = objectOf(value, def);
        if (o !== null) quad(subject, def.id, o);
        continue;
      }
      const values = Array.isArray(value) ? value : [value];
      if (def.container === '@list') {
        let head = `<${RDF}nil>`;
        const items = values.map((v) => objectOf(v, def)).filter((o): o is string => o !== null);
        const nodes = items.map(() => `_:b${blank++}`);
        items.forEach((item, i) => {
          quad(nodes[i]!, `${RDF}first`, item);
          quad(nodes[i]!, `${RDF}rest`, nodes[i + 1] ?? `<${RDF}nil>`);
        });
        head = nodes[0] ?? head;
        quad(subject, def.id, head);
        continue;
      }
      for (const v of values) {
        const o = objectOf(v, def);
        if (o !== null) quad(subject, def.id, o);
      }
    }
    depth--;
    return subject;
  };

  // The lines of one piece; a node given twice in it gives its quads twice, so then they are made unique.
  const piece = (unique: boolean): string => {
    const text = lines.length === 0 ? '' : `${(unique ? [...new Set(lines)] : lines).join('\n')}\n`;
    lines = [];
    return text;
  };
  const subjectOf = (object: { [key: string]: Json }) => (typeof object['@id'] === 'string' ? `<${resolve(expandIri(object['@id'], context), base)}>` : '');
  // The deferred nodes piece by piece: a subject with its node objects; LazyNodes' nodes one by one, each made when reached.
  function* pieces(children: typeof deferred): Generator<[string, { [key: string]: Json }[]]> {
    for (const [child, objects] of children) {
      if (!(objects instanceof LazyNodes)) yield [child, objects];
      else for (const object of objects) yield [subjectOf(object as { [key: string]: Json }), [object as { [key: string]: Json }]];
    }
  }

  const roots = Array.isArray(document['@graph']) ? document['@graph'] : [];
  for (const root of roots) {
    if (!root || typeof root !== 'object' || Array.isArray(root)) continue;
    setOwner(subjectOf(root).slice(0, -1));
    node(root);
    const children = deferred;
    deferred = new Map();
    // The graph node may list a node twice (its links would repeat): its piece is made unique.
    yield piece(true);
    for (const [child, objects] of pieces(children)) {
      setOwner(child.slice(0, -1));
      // Walked as if nested deeper, so nothing under it is deferred again.
      depth = 2;
      for (const object of objects) node(object);
      depth = 0;
      yield piece(objects.length > 1);
    }
  }
}
