import { Type, type SchemaOptions, type Static, type TObject, type TUnion } from '@sinclair/typebox';

/**
 * A string from a fixed list, written as one JSON Schema `enum` (TypeBox would write an `anyOf` of
 * constants) so that a wrong value gives one error that lists what is allowed.
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}) {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/**
 * A union of objects told apart by one tag property (`type`, `kind`). ajv's `discriminator` checks
 * only the branch the tag names, so a config gets the errors of what it says it is, not of every
 * alternative. The TypeScript type is still the TypeBox union of the branches.
 */
export function TaggedUnion<const T extends TObject[]>(
  tag: string,
  variants: [...T],
  options: SchemaOptions = {},
) {
  return Type.Unsafe<Static<TUnion<T>>>({
    ...options,
    type: 'object',
    required: [tag],
    discriminator: { propertyName: tag },
    oneOf: variants,
  });
}
