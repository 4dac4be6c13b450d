/**
 * The project's JSON Schemas, compiled once with ajv (draft 2020-12, all errors, formats).
 * Compiling is done here so every stage that validates shares one ajv instance.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import editionSchema from '../../schemas/edition.schema.json' with { type: 'json' };
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };
import reviewSchema from '../../schemas/review.schema.json' with { type: 'json' };

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

// strictNumbers: NaN and Infinity are not numbers, as in the JSON text (which writes them as null).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictNumbers: true });
addFormats(ajv);

/** Validates a plan model against schemas/plan.schema.json. */
export const validatePlanSchema = ajv.compile(planSchema);

/** Validates edition metadata against schemas/edition.schema.json. */
export const validateEditionSchema = ajv.compile(editionSchema);

/** Validates an edition's review file against schemas/review.schema.json. */
export const validateReviewSchema = ajv.compile(reviewSchema);
