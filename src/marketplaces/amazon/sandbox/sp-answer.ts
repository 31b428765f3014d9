import { randomBytes } from 'node:crypto';

/**
 * What the Amazon sandbox keeps and answers, shared by its order search, order items and
 * shipment confirmations: orders in SP-API's own JSON with their items beside, and answers in
 * SP-API's shapes (`{ payload }`, or `{ errors: [{ code, message, details? }] }`).
 */
export type Json = Record<string, unknown>;

/** One order of the sandbox seller: the `Order` of `getOrder` and the `OrderItem`s of `getOrderItems`. */
export interface StoredOrder {
  order: Json;
  items: Json[];
}

/** An HTTP answer: status and JSON body. */
export interface SpAnswer {
  status: number;
  body: unknown;
}

export interface SpError {
  code: string;
  message: string;
  details?: string;
}

export function spErrors(status: number, errors: SpError[]): SpAnswer {
  return { status, body: { errors } };
}

/** SP-API's 400: one `InvalidInput` error per problem. */
export function invalidInput(messages: string[]): SpAnswer {
  return spErrors(
    400,
    messages.map((message) => ({ code: 'InvalidInput', message })),
  );
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The answer to a `NextToken` the sandbox never issued, in Amazon's words. */
export const NEXT_TOKEN_UNREADABLE =
  'We could not decode your NextToken. Possible reasons include: a transmission error, improper quoting or a truncation problem.';

/** Opaque, and holding the `+`, `/` and `=` a client must URL-encode, as Amazon's tokens do. */
export function nextTokenText(): string {
  return Buffer.concat([Buffer.from([0xfb, 0xef, 0xff]), randomBytes(19)]).toString('base64');
}
