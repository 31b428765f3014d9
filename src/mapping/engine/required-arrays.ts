import type { TSchema } from '@sinclair/typebox';

type Bag = Record<string, unknown>;

/**
 * Adds an empty array (or an empty object, where all its properties are optional) for every required property the canonical schema asks for and the
 * mapping found nothing for (a PO whose file has no REF still has `references: []`), at every
 * depth. A mapping file says where items come from; what a document must hold is the schema's.
 */
export function fillRequiredArrays(value: unknown, schema: TSchema | undefined): void {
  if (!schema || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const items = schema['items'] as TSchema | undefined;
    for (const item of value) fillRequiredArrays(item, items);
    return;
  }
  const properties = schema['properties'] as Record<string, TSchema> | undefined;
  if (!properties) return;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const bag = value as Bag;
  for (const [key, property] of Object.entries(properties)) {
    if (bag[key] === undefined && required.has(key)) {
      if (property['type'] === 'array') bag[key] = [];
      // An object all of whose properties are optional (a line's `ids`) can be empty, not absent.
      else if (
        property['type'] === 'object' &&
        !((property['required'] as string[] | undefined)?.length ?? 0)
      )
        bag[key] = {};
    }
    fillRequiredArrays(bag[key], property);
  }
}
