import { GatewayError } from '../../errors/index.js';

/**
 * What the partner intake answers besides an API key refusal (those are `AuthError`s):
 * - `not-found` (404): the partner of the URL is not in the partner files;
 * - `partner-disabled`, `partner-not-x12` (409): the partner exists but takes no posts now;
 * - `client-certificate-refused` (403): the partner requires mTLS and the connection did not pass;
 * - `empty-body` (400), `request-incomplete` (400): nothing, or not all, was received;
 * - `payload-too-large` (413): the body is over the partner's limit;
 * - `idempotency-key-reused` (422): an Idempotency-Key already names other bytes;
 * - `intake-unavailable` (503): the store (or queue) failed; nothing was received, post again later.
 */
export type IntakeErrorCode =
  | 'not-found'
  | 'partner-disabled'
  | 'partner-not-x12'
  | 'client-certificate-refused'
  | 'empty-body'
  | 'request-incomplete'
  | 'payload-too-large'
  | 'idempotency-key-reused'
  | 'intake-unavailable';

/** The errors of `POST /api/partners/:id/transmissions`, each with the status it answers. */
export class IntakeError extends GatewayError<IntakeErrorCode> {
  override readonly name = 'IntakeError';

  private constructor(code: IntakeErrorCode, message: string, status: number, cause?: unknown) {
    // Every message here is written for the partner, the 503 included (its cause goes to the log).
    super(code, message, { permanent: status < 500, status, cause, expose: true });
  }

  static unknownPartner(partnerId: string): IntakeError {
    return new IntakeError('not-found', `there is no partner ${partnerId}`, 404);
  }

  static partnerDisabled(partnerId: string): IntakeError {
    return new IntakeError(
      'partner-disabled',
      `partner ${partnerId} is disabled: the gateway takes nothing from it until its file says enabled: true`,
      409,
    );
  }

  static notX12(partnerId: string): IntakeError {
    return new IntakeError(
      'partner-not-x12',
      `partner ${partnerId} is a marketplace account: the gateway pulls its orders, it posts nothing`,
      409,
    );
  }

  /** The partner requires a client certificate and the connection did not carry an accepted one. */
  static certificateRefused(partnerId: string, why: string): IntakeError {
    return new IntakeError(
      'client-certificate-refused',
      `partner ${partnerId} posts with a client certificate only: ${why}`,
      403,
    );
  }

  static emptyBody(): IntakeError {
    return new IntakeError(
      'empty-body',
      'the body is empty: post the X12 interchange or the event as the body',
      400,
    );
  }

  static incomplete(): IntakeError {
    return new IntakeError(
      'request-incomplete',
      'the body was not received completely; nothing was stored, post it again',
      400,
    );
  }

  /** `size` is the declared Content-Length, or undefined for a chunked body stopped at the limit. */
  static tooLarge(size: number | undefined, limit: number, partnerId: string): IntakeError {
    const body = size === undefined ? `more than ${limit}` : String(size);
    return new IntakeError(
      'payload-too-large',
      `the body is ${body} bytes; the limit for partner ${partnerId} is ${limit} bytes`,
      413,
    );
  }

  static keyReused(key: string, transmissionId: string): IntakeError {
    return new IntakeError(
      'idempotency-key-reused',
      `Idempotency-Key ${JSON.stringify(key)} was used for other bytes (transmission ${transmissionId}); a new upload needs a new key`,
      422,
    );
  }

  /** Opaque on purpose: the cause (a driver message) is logged, never sent to the partner. */
  static unavailable(cause: unknown): IntakeError {
    return new IntakeError(
      'intake-unavailable',
      'the gateway cannot take transmissions right now; nothing was received, post it again later',
      503,
      cause,
    );
  }
}
