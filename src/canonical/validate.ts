import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { precompiledValidator } from '../schema-validators/index.js';
import {
  CANONICAL_DOCUMENT_TYPES,
  canonicalSchemas,
  type CanonicalDocument,
  type CanonicalDocumentType,
} from './document.js';

/** One reason a document is not valid: the JSON pointer of the offending value, and why. */
export interface CanonicalError {
  path: string;
  message: string;
}

export type CanonicalValidation =
  { valid: true; document: CanonicalDocument; errors: [] } | { valid: false; errors: CanonicalError[] };

let ajv: Ajv | undefined;
const validators = new Map<CanonicalDocumentType, ValidateFunction>();

/** The ajv instance canonical documents are checked with, at run time or ahead of it (`extra`: the build's code options). */
export function canonicalAjv(extra: Options = {}): Ajv {
  // allErrors: a person fixing a mapping wants every problem at once, not one per run.
  return new Ajv({ allErrors: true, strict: true, verbose: true, ...extra });
}

function validatorFor(type: CanonicalDocumentType): ValidateFunction {
  let validate = validators.get(type);
  if (!validate) {
    validate =
      precompiledValidator('canonical', type) ?? (ajv ??= canonicalAjv()).compile(canonicalSchemas[type]);
    validators.set(type, validate);
  }
  return validate;
}

function isDocumentType(value: unknown): value is CanonicalDocumentType {
  return typeof value === 'string' && (CANONICAL_DOCUMENT_TYPES as string[]).includes(value);
}

/**
 * Checks a value against the canonical schema of its `type`.
 *
 * @example
 * const result = validateCanonical(doc);
 * if (!result.valid) console.error(result.errors.map(formatCanonicalError).join('\n'));
 * // /lines/0/quantity: must be a decimal number as text, such as "12.50" (got "12,5")
 */
export function validateCanonical(doc: unknown): CanonicalValidation {
  const type = typeof doc === 'object' && doc !== null ? (doc as { type?: unknown }).type : undefined;
  if (!isDocumentType(type)) {
    const message = `must be one of ${CANONICAL_DOCUMENT_TYPES.join(', ')} (got ${JSON.stringify(type)})`;
    return { valid: false, errors: [{ path: '/type', message }] };
  }
  const validate = validatorFor(type);
  if (validate(doc)) return { valid: true, document: doc as CanonicalDocument, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(readable) };
}

/** `path: message`, the form used in logs, CLI output and diagnostics. */
export function formatCanonicalError(error: CanonicalError): string {
  return `${error.path || '/'}: ${error.message}`;
}

function readable(error: ErrorObject): CanonicalError {
  const path = error.instancePath;
  const got = error.data === undefined ? '' : ` (got ${JSON.stringify(error.data)})`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}/${String(params.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return {
        path: `${path}/${String(params.additionalProperty)}`,
        message: 'is not a property of this object',
      };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}${got}` };
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return { path, message: `must be ${description ?? `text matching ${String(params.pattern)}`}${got}` };
    }
    default:
      return { path, message: `${error.message ?? error.keyword}${got}` };
  }
}
