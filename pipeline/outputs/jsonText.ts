/**
 * Stage `json`: JSON text of the published files: two-space indent and a final line end, the same bytes every
 * time. `toJsonChunks` gives the same text as `toJsonText` in pieces, so a plan of 60,000 projects
 * is written without ever holding its whole JSON text (which would pass V8's string length limit).
 * plan.json is the plan model with its schema's IRI (`toPlanDocument`).
 */
import type { Plan } from '../model/plan.js';
import { iriPaths, toIri } from './rdf/iris.js';
import { LazyNodes } from './lazyNodes.js';

/**
 * plan.json as published: the plan model, led by `$schema`, the IRI of its JSON Schema under the
 * edition's base IRI (the schema's `$id`), so a developer can validate the download against it.
 */
export function toPlanDocument(plan: Plan): { $schema: string } & Plan {
  return { $schema: toIri(plan.edition.baseIri, iriPaths.planSchema()), ...plan };
}

/** Serialises JSON the same way every time: two-space indent, final line end. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The text of `toJsonText(value)` in pieces (their concatenation is byte-identical). */
export function* toJsonChunks(value: unknown): Generator<string> {
  yield* pieces(value, '');
  yield '\n';
}

// An array longer than this is written an item at a time.
const LONG_ARRAY = 32;

/**
 * True when the value holds a long array within a few levels (the plan's projects, the JSON-LD's
 * graph → edition → projects): such a value is split, anything else is serialised whole.
 */
function holdsLongArray(value: unknown, levels: number): boolean {
  if (value instanceof LazyNodes) return true;
  if (!isPlainContainer(value)) return false;
  if (Array.isArray(value)) return value.length > LONG_ARRAY || (levels > 0 && value.some((v) => holdsLongArray(v, levels - 1)));
  if (levels === 0) return false;
  for (const v of Object.values(value)) if (holdsLongArray(v, levels - 1)) return true;
  return false;
}

function isPlainContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

// JSON.stringify leaves out of objects (and writes as null in arrays) what it cannot serialise.
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function* pieces(value: unknown, indent: string): Generator<string> {
  // LazyNodes are written as the array they stand for, each node made, written and dropped in turn.
  const lazy = value instanceof LazyNodes;
  if (!lazy && (!isPlainContainer(value) || !holdsLongArray(value, 3))) {
    // Strings' own line breaks are escaped, so every raw line break here is the formatting's own.
    yield (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (lazy || Array.isArray(value)) {
    let first = true;
    for (const item of value as Iterable<unknown>) {
      yield `${first ? '[' : ','}\n${inner}`;
      first = false;
      yield* omitted(item) ? ['null'] : pieces(item, inner);
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of entries) {
    yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(item, inner);
  }
  yield `\n${indent}}`;
}
