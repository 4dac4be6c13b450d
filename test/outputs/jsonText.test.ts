import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonChunks, toJsonText } from '../../pipeline/outputs/jsonText.js';
import { builtText, ROOT } from '../helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const joined = (value: unknown) => [...toJsonChunks(value)].join('');

describe('toJsonChunks', () => {
  it('gives the bytes of toJsonText for any JSON value, long arrays included', () => {
    const long = fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 30, maxLength: 80 });
    const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.string(), fc.oneof(long, fc.dictionary(fc.string(), long))), long);
    fc.assert(fc.property(value, (v) => joined(v) === toJsonText(v)), { numRuns: 300 });
  });

  it('leaves out undefined members and writes them as null in arrays, as JSON.stringify does', () => {
    const value = { a: undefined, b: Array.from({ length: 40 }, (_, i) => (i % 2 ? undefined : { c: i, d: undefined })) };
    expect(joined(value)).toBe(toJsonText(value));
  });

  it('splits a plan into a piece per project, the pieces joining to the published plan.json', async () => {
    const text = await builtText('2025-03/plan.json');
    const plan = JSON.parse(text) as { projects: unknown[] };
    const chunks = [...toJsonChunks(plan)];
    expect(chunks.join('')).toBe(text);
    // Each project is one piece, indented as it sits in the file; no piece holds two projects.
    const pieces = new Set(chunks);
    for (const project of plan.projects) expect(pieces.has(JSON.stringify(project, null, 2).replaceAll('\n', '\n    '))).toBe(true);
  });
});

describe('plan.json', () => {
  it('names its JSON Schema by the schema’s $id under the base IRI, and is valid against the schema as published', async () => {
    const schema = JSON.parse(readFileSync(`${ROOT}schemas/plan.schema.json`, 'utf8')) as { $id: string };
    // A developer's own validator, not the pipeline's.
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const edition of ['2021', '2025-03']) {
      const plan = JSON.parse(await builtText(`${edition}/plan.json`)) as { $schema: string; edition: { baseIri: string } };
      expect(Object.keys(plan)[0]).toBe('$schema');
      expect(plan.$schema).toBe(`${plan.edition.baseIri}schemas/plan.schema.json`);
      expect(schema.$id).toBe(plan.$schema);
      expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
