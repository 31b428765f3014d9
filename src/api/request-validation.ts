import type { TSchema, Static } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { GatewayError } from '../errors/index.js';

// allErrors: someone fixing a load file wants every bad field at once.
const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

/**
 * A `bad-request` (400) error whose message names the offending field.
 *
 * @example
 * throw badRequest('query/status: must be one of open, resolved (got "closed")');
 */
export function badRequest(message: string): GatewayError {
  return new GatewayError('bad-request', message, { permanent: true, status: 400 });
}

function describe(error: ErrorObject, where: string): string {
  const path = `${where}${error.instancePath}`;
  const got =
    error.data === undefined || typeof error.data === 'object' ? '' : ` (got ${JSON.stringify(error.data)})`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${path}/${String(params.missingProperty)}: is required`;
    case 'additionalProperties':
      return `${path}/${String(params.additionalProperty)}: is not a known field`;
    case 'enum':
      return `${path}: must be one of ${(params.allowedValues as unknown[]).join(', ')}${got}`;
    case 'pattern':
    case 'type': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return `${path}: must be ${description ?? (error.message ?? error.keyword).replace(/^must be /, '')}${got}`;
    }
    default:
      return `${path}: ${error.message ?? error.keyword}${got}`;
  }
}

/**
 * Checks a request body (or query) against its schema and returns it typed; otherwise throws a
 * 400 whose message lists each bad field by its path (`body/items/0/onHand: must be ...`).
 *
 * @example
 * const { levels } = validateRequest(InventoryLoadSchema, req.body, 'body');
 */
export function validateRequest<S extends TSchema>(schema: S, value: unknown, where: string): Static<S> {
  let validate = compiled.get(schema) as ValidateFunction<Static<S>> | undefined;
  if (validate === undefined) {
    validate = ajv.compile<Static<S>>(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return value;
  const messages = [...new Set((validate.errors ?? []).map((error) => describe(error, where)))];
  throw badRequest(messages.join('; '));
}
