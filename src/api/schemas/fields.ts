import { Type } from '@sinclair/typebox';

/** An id of ours or a partner's: item, location, price list, partner. */
export const Identifier = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^\\S(.*\\S)?$',
  description: 'an id of 1 to 64 characters without leading or trailing spaces',
});

/** A quantity or price: never negative, always text, so that no binary float rounds it. */
export const Amount = Type.String({
  pattern: '^\\d{1,14}(\\.\\d{1,6})?$',
  description: 'a decimal number of at least zero as text, such as "12.50"',
});

/** An X12 unit of measure code. */
export const UnitCode = Type.String({
  pattern: '^[A-Za-z0-9]{2}$',
  description: 'a two-character unit of measure code such as "EA" or "CA"',
});

/** A non-empty text, such as a reason or a note. */
export const Sentence = Type.String({
  minLength: 1,
  pattern: '\\S',
  description: 'a non-empty text',
});

export const StringEnumOf = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
