/**
 * Stage `validate`: validates a `Plan` against schemas/plan.schema.json and returns a report. Each ajv error
 * is mapped back, through the source map of `toPlan`, to the source position of the model node that
 * caused it (the nearest enclosing node that was read from the text).
 */
import type { ErrorObject } from 'ajv';
import { diagnose, type Diagnostic, type Position } from '../diagnostics.js';
import type { Plan } from './plan.js';
import { validatePlanSchema } from './schemas.js';

/** The outcome of validating one plan: valid, or the violations as positioned diagnostics. */
export interface ValidationReport {
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** The source position of the nearest node at or above `pointer` in the source map. */
export function positionFor(pointer: string, sourceMap: ReadonlyMap<string, Position>): Position | null {
  let current = pointer;
  while (current !== '') {
    const found = sourceMap.get(current);
    if (found) return found;
    current = current.slice(0, current.lastIndexOf('/'));
  }
  return null;
}

function describe(error: ErrorObject): { path: string; keyword: string; message: string; params: string } {
  const params = Object.entries(error.params)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  return { path: error.instancePath, keyword: error.keyword, message: error.message ?? '', params };
}

/** Validates the plan model and maps every violation to the source line that produced it. */
export function validatePlan(plan: Plan, sourceMap: ReadonlyMap<string, Position>, file: string | null): ValidationReport {
  // The model itself is validated, not a copy through JSON text: at 60,000 projects that copy alone
  // doubled the memory. The model is plain data (a test checks it equals its JSON form), and ajv is
  // told that NaN and Infinity are not numbers, so what is checked is what is written.
  const valid = validatePlanSchema(plan);
  const diagnostics = (valid ? [] : (validatePlanSchema.errors ?? [])).map((error) =>
    diagnose('schema/violation', 'violation', describe(error), {
      file,
      position: positionFor(error.instancePath, sourceMap),
      subject: error.instancePath || null,
    }),
  );
  return { valid: Boolean(valid), diagnostics };
}
