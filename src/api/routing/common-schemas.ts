import { Type } from '@sinclair/typebox';

/** The shape of every error answer. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable, for programs: unauthenticated, forbidden, not-found, ...' }),
    message: Type.String({ description: 'for people: what went wrong and what to do' }),
    requestId: Type.Optional(Type.String({ description: 'names the request in the gateway log' })),
  }),
});

/** Any JSON object: for answers whose shape is documented in prose rather than a schema. */
export const AnyObject = Type.Object({}, { additionalProperties: true });

/** A positive whole number in a path, such as an exception id. */
export const NumericId = Type.String({
  pattern: '^[1-9][0-9]{0,15}$',
  description: 'a positive whole number',
});

/** A `?limit=` of 1 to 500. */
export const LimitText = Type.String({
  pattern: '^(500|[1-4][0-9]{2}|[1-9][0-9]?)$',
  description: 'a whole number from 1 to 500',
});
