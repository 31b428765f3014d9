import { Type, type Static, type TUnsafe } from '@sinclair/typebox';

/**
 * The scalar building blocks every canonical document shares. Money and quantities are strings so
 * that no value ever passes through a binary float between the partner's file and the ERP.
 */

/** A decimal number as text: `12.50`, `-3`, `0.125`. No exponent, no `+`, no thousands separator. */
export const DecimalString = Type.String({
  pattern: '^-?\\d+(\\.\\d+)?$',
  description: 'a decimal number as text, such as "12.50"',
});
export type DecimalString = Static<typeof DecimalString>;

/** A calendar date, ISO 8601 `YYYY-MM-DD`. */
export const IsoDate = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: 'a date as YYYY-MM-DD',
});
export type IsoDate = Static<typeof IsoDate>;

/** A time of day, `HH:MM` or `HH:MM:SS` (X12 sends no zone; the partner's agreement sets it). */
export const IsoTime = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?$',
  description: 'a time as HH:MM or HH:MM:SS',
});
export type IsoTime = Static<typeof IsoTime>;

/** ISO 4217 currency code. */
export const CurrencyCode = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'an ISO 4217 currency code such as "USD"',
});

/** A code as the partner's standard sent it (an X12 code value), kept beside the friendly enum. */
export const Code = Type.String({ minLength: 1 });

/** Non-empty text. */
export const Text = Type.String({ minLength: 1 });

/**
 * A closed set of strings as a JSON Schema `enum`. TypeBox's union of literals would give ajv an
 * `anyOf`, whose error messages list every branch; an `enum` fails with one readable line.
 *
 * @example
 * const Status = StringEnum(['accepted', 'rejected'] as const);
 * type Status = Static<typeof Status>; // 'accepted' | 'rejected'
 */
export function StringEnum<const T extends readonly string[]>(values: T): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}

/** A measured value: weight, volume, length. */
export const Measure = Type.Object(
  {
    /** What was measured, as the X12 qualifier sent it (`G` gross weight, `N` net weight...). */
    qualifier: Type.Optional(Code),
    value: DecimalString,
    /** Unit of measure code (`LB`, `KG`, `CF`...). */
    uom: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type Measure = Static<typeof Measure>;
