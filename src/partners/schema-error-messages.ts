import type { ErrorObject } from 'ajv';
import { pointerSegment, quote, type Finding } from './problem.js';
import { editDistance } from './edit-distance.js';

/** The text of the scalar at a pointer as written in the file (`004010`, not the number 4010). */
export type SourceText = (pointer: string) => string | undefined;

type Schema = Record<string, unknown>;
const asSchema = (value: unknown): Schema | undefined =>
  typeof value === 'object' && value !== null ? (value as Schema) : undefined;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping of fields',
  array: 'a list',
  null: 'empty',
};

/** A value as a person would recognise it in their file; long text is cut. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** One ajv error, reworded to say what is wrong in the words of the partner file. */
export function describeSchemaError(error: ErrorObject, source: SourceText): Finding {
  const at = error.instancePath;
  const parent = asSchema(error.parentSchema);
  const description = typeof parent?.['description'] === 'string' ? parent['description'] : undefined;
  // The variable name may be a pasted secret: never repeat it.
  const got = at.endsWith('/env') ? '' : ` (got ${show(error.data)})`;
  const params = error.params as Record<string, unknown>;
  const limit = Number(params['limit']);

  switch (error.keyword) {
    case 'required': {
      const key = String(params['missingProperty']);
      const property = asSchema(asSchema(parent?.['properties'])?.[key]);
      const hint = typeof property?.['description'] === 'string' ? `: ${property['description']}` : '';
      return { pointer: `${at}/${pointerSegment(key)}`, message: `is required${hint}` };
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = Object.keys(asSchema(parent?.['properties']) ?? {});
      return { pointer: `${at}/${pointerSegment(key)}`, message: unknownKeyMessage(key, known, parent) };
    }
    case 'type':
      return { pointer: at, message: typeMessage(String(params['type']), error.data, source(at)) };
    case 'enum':
      return {
        pointer: at,
        message: `must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}${got}`,
      };
    case 'const':
      return { pointer: at, message: `must be ${show(params['allowedValue'])}${got}` };
    case 'pattern':
      return {
        pointer: at,
        message: `must be ${description ?? `text matching ${String(params['pattern'])}`}${got}`,
      };
    case 'minLength':
    case 'maxLength':
      return { pointer: at, message: `${lengthMessage(error.keyword, limit, parent)}${got}` };
    case 'uniqueItems': {
      const list = Array.isArray(error.data) ? (error.data as unknown[]) : [];
      return { pointer: at, message: `lists ${show(list[Number(params['j'])])} twice` };
    }
    case 'minItems':
      return { pointer: at, message: `must list at least ${limit} item${limit === 1 ? '' : 's'}` };
    case 'minProperties':
      return { pointer: at, message: `must have at least ${limit} entr${limit === 1 ? 'y' : 'ies'}` };
    default:
      return { pointer: at, message: `${error.message ?? 'is invalid'}${got}` };
  }
}

function typeMessage(expected: string, value: unknown, written: string | undefined): string {
  const name = TYPE_NAMES[expected] ?? expected;
  if (value === null) return `is empty: it must be ${name}`;
  // YAML reads 004010 and 850 as numbers; the fix is quotes, not a different value.
  if (expected === 'string' && typeof value === 'number') {
    const text = written ?? String(value);
    return `must be text, but YAML reads ${text} as a number: write it in quotes ('${text}')`;
  }
  return `must be ${name} (got ${show(value)})`;
}

function lengthMessage(keyword: string, limit: number, parent: Schema | undefined): string {
  if (parent?.['minLength'] === 1 && parent['maxLength'] === 1) return 'must be exactly one character';
  if (keyword === 'minLength')
    return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
  return `must be at most ${limit} characters long`;
}

function unknownKeyMessage(key: string, known: readonly string[], parent: Schema | undefined): string {
  if (parent?.['patternProperties']) {
    const rule = typeof parent['description'] === 'string' ? `: ${parent['description']}` : '';
    return `is not allowed here${rule}`;
  }
  const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2);
  const hint = near
    ? `; did you mean ${near}?`
    : known.length > 0
      ? ` (fields here: ${known.join(', ')})`
      : '';
  return `is not a known field${hint}`;
}
