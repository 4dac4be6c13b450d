/**
 * The project's JSON Schemas, compiled once with ajv (draft 2020-12, all errors, formats).
 * Compiling is done here so every stage that validates shares one ajv instance. The compiled CLI
 * (`pipeline/cli/compile.ts`) replaces this module with ajv's standalone code for the same schemas
 * and options, generated on every compile, so it starts without compiling a schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv';
import addFormatsModule from 'ajv-formats';
import editionSchema from '../../schemas/edition.schema.json' with { type: 'json' };
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import reviewSchema from '../../schemas/review.schema.json' with { type: 'json' };

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Each validator this module exports, by export name, with its schema (the standalone code exports the same names). */
export const SCHEMAS = { validatePlanSchema: planSchema, validateEditionSchema: editionSchema, validateReviewSchema: reviewSchema } as const;

/** Makes an ajv instance with the project's options and formats (`code`: for standalone code generation). */
export function createSchemaAjv(code?: CodeOptions): Ajv2020 {
  // strictNumbers: NaN and Infinity are not numbers, as in the JSON text (which writes them as null).
  const instance = new Ajv2020({ allErrors: true, strict: true, strictNumbers: true, ...(code ? { code } : {}) });
  addFormats(instance);
  return instance;
}

const ajv = createSchemaAjv();

/** Validates a plan model against schemas/plan.schema.json. */
export const validatePlanSchema = ajv.compile(SCHEMAS.validatePlanSchema);

/** Validates edition metadata against schemas/edition.schema.json. */
export const validateEditionSchema = ajv.compile(SCHEMAS.validateEditionSchema);

/** Validates an edition's review file against schemas/review.schema.json. */
export const validateReviewSchema = ajv.compile(SCHEMAS.validateReviewSchema);
