import type { TSchema } from '@sinclair/typebox';
import { canonicalSchemas, type CanonicalDocumentType } from './document.js';

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fill(value: unknown, schema: JsonSchemaNode): unknown {
  if (Array.isArray(value))
    return schema.items === undefined ? value : value.map((item) => fill(item, schema.items ?? {}));
  if (!isRecord(value) || schema.properties === undefined) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [name, property] of Object.entries(schema.properties)) {
    if (out[name] === undefined && property.type === 'array' && (schema.required ?? []).includes(name)) {
      out[name] = [];
    } else if (out[name] !== undefined) {
      out[name] = fill(out[name], property);
    }
  }
  return out;
}

/**
 * A copy of a canonical document (as a person wrote it) with every required list that was left
 * out filled in as empty: a ship notice written by hand should not need `"tares": []` and
 * `"packs": []` on every order. Anything else is left for validation to judge.
 *
 * @example
 * withEmptyArrays({ type: 'ship_notice', orders: [{ poNumber: 'PO-1', items: [...] }] }); // orders[0].tares = [], packs = []
 */
export function withEmptyArrays(value: unknown): unknown {
  if (!isRecord(value) || typeof value['type'] !== 'string' || !(value['type'] in canonicalSchemas))
    return value;
  const schema: TSchema = canonicalSchemas[value['type'] as CanonicalDocumentType];
  return fill(value, schema as JsonSchemaNode);
}
