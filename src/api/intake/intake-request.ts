import { Type } from '@sinclair/typebox';
import type { Request } from 'express';
import { BUSINESS_EVENTS, type BusinessEventKind } from '../../pipeline/index.js';
import { badRequest, validateRequest } from '../request-validation.js';
import { StringEnumOf } from '../schemas/fields.js';

/** The longest `?ackWaitMs`: a client that waits longer should let the acknowledgement come by its transport. */
export const ACK_WAIT_MAX_MS = 60_000;
const ACK_WAIT_DEFAULT_MS = 30_000;

const EVENT_KINDS = Object.keys(BUSINESS_EVENTS) as BusinessEventKind[];

/** What the query may hold; anything else is refused by name. */
export const IntakeQuerySchema = Type.Object(
  {
    ack: Type.Optional(StringEnumOf(['sync'] as const, 'sync')),
    ackWaitMs: Type.Optional(
      Type.String({
        pattern: '^[1-9]\\d{0,4}$',
        description: `a whole number of milliseconds from 1 to ${ACK_WAIT_MAX_MS}`,
      }),
    ),
    event: Type.Optional(StringEnumOf(EVENT_KINDS, `one of ${EVENT_KINDS.join(', ')}`)),
  },
  { additionalProperties: false },
);

/** A post as the route reads it, before its body. */
export type IntakeRequest =
  | { kind: 'x12'; idempotencyKey: string | undefined; ackWaitMs: number | undefined }
  | { kind: 'event'; event: BusinessEventKind };

// Printable ASCII: it travels in a header and is shown back in answers and `transmissions list`.
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,200}$/;

/**
 * Reads the query and headers of a post: an X12 interchange (any content type but JSON) with an
 * optional Idempotency-Key and `?ack=sync`, or a JSON business event named by `?event=`. Refuses
 * (400) unknown parameters and combinations that would be ignored.
 *
 * @example
 * intakeRequest(req); // { kind: 'x12', idempotencyKey: 'PO-1.x12', ackWaitMs: 30000 }
 */
export function intakeRequest(req: Request): IntakeRequest {
  const query = validateRequest(IntakeQuerySchema, { ...req.query }, 'query');
  const idempotencyKey = req.get('idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw badRequest('header/Idempotency-Key: must be 1 to 200 printable ASCII characters');
  }
  const wait = query.ackWaitMs === undefined ? undefined : Number(query.ackWaitMs);
  if (wait !== undefined && (query.ack === undefined || wait > ACK_WAIT_MAX_MS)) {
    throw badRequest(
      query.ack === undefined
        ? 'query/ackWaitMs: is only for ack=sync'
        : `query/ackWaitMs: must be at most ${ACK_WAIT_MAX_MS} (got ${wait})`,
    );
  }
  if (isJson(req)) {
    if (query.event === undefined) {
      throw badRequest(
        `query/event: is required for a JSON body: one of ${EVENT_KINDS.join(', ')} (X12 is posted with any other content type)`,
      );
    }
    if (query.ack !== undefined) throw badRequest('query/ack: an event has no acknowledgement to wait for');
    if (idempotencyKey !== undefined) {
      // Events need none: the same event always derives the same document, which is sent once.
      throw badRequest('header/Idempotency-Key: is for X12 posts; an event is idempotent by its document');
    }
    return { kind: 'event', event: query.event };
  }
  if (query.event !== undefined) {
    throw badRequest('query/event: is for JSON bodies (Content-Type: application/json)');
  }
  return {
    kind: 'x12',
    idempotencyKey,
    ackWaitMs: query.ack === undefined ? undefined : (wait ?? ACK_WAIT_DEFAULT_MS),
  };
}

function isJson(req: Request): boolean {
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
