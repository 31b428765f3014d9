import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { MarketplaceProblem } from './connector.js';

const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/**
 * Checks a marketplace payload against the JSON Schema of what its connector reads. Schemas are
 * compiled on first use (and once), so that loading the connectors costs nothing until an order
 * comes in. Every problem names its place in the payload as a JSON pointer.
 *
 * @example
 * const problems = payloadProblems(SHOPIFY_ORDER_SCHEMA, body); // [] when it may be mapped
 */
export function payloadProblems(schema: { $id: string }, body: unknown): MarketplaceProblem[] {
  let validate = compiled.get(schema.$id);
  if (validate === undefined) {
    ajv ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    validate = ajv.compile(schema);
    compiled.set(schema.$id, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(problemOf);
}

function problemOf(error: ErrorObject): MarketplaceProblem {
  const path = error.instancePath === '' ? '/' : error.instancePath;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { path: `${error.instancePath}/${missing}`, message: 'is missing' };
  }
  if (error.keyword === 'pattern' && typeof error.data === 'string')
    return { path, message: `${JSON.stringify(error.data)} is not in the expected form` };
  return { path, message: error.message ?? error.keyword };
}
