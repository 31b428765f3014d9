import { GatewayError } from '../errors/index.js';

/**
 * What can go wrong with API keys:
 * - `unauthenticated` (401): no key, a key that is not one of ours, or a revoked one;
 * - `forbidden` (403): a good key that may not do what was asked;
 * - `unknown-partner` (404): a partner key asked for a partner the partner files do not hold;
 * - `unknown-key` (404): no key has this public id;
 * - `invalid-key-input` (400): a name, role or password that cannot be stored;
 * - `unknown-user` (404): no console user has this name;
 * - `rate-limited` (429): too many refused attempts from one address.
 */
export type AuthErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'unknown-partner'
  | 'unknown-key'
  | 'invalid-key-input'
  | 'unknown-user'
  | 'rate-limited';

/**
 * The error family of `src/auth`. None of them is helped by retrying (`permanent`). Messages name
 * what to do; the ones a caller without a valid key sees say no more than that the key is refused.
 */
export class AuthError extends GatewayError<AuthErrorCode> {
  override readonly name = 'AuthError';

  private constructor(code: AuthErrorCode, message: string, status: number) {
    super(code, message, { permanent: true, status });
  }

  /** The request carries no key at all. */
  static missingKey(): AuthError {
    return new AuthError(
      'unauthenticated',
      'an API key is required: send it as "Authorization: Bearer edik_..." or "X-Api-Key: edik_..."',
      401,
    );
  }

  /**
   * A key that is malformed, unknown or whose secret does not match. One message for all three,
   * so that a caller cannot tell which public ids exist.
   */
  static invalidKey(): AuthError {
    return new AuthError('unauthenticated', 'the API key is not valid; ask for a new one', 401);
  }

  /** The key was valid once; it was revoked. */
  static revokedKey(id: string, at: Date): AuthError {
    return new AuthError(
      'unauthenticated',
      `API key ${id} was revoked on ${at.toISOString()}; ask for a new one`,
      401,
    );
  }

  /** A valid key used for a partner other than its own, or a staff key on a partner endpoint. */
  static notThisPartner(partnerId: string | null): AuthError {
    return new AuthError(
      'forbidden',
      partnerId === null
        ? 'this key is not a partner key; partner endpoints take partner keys only'
        : `this key posts only as partner ${partnerId}`,
      403,
    );
  }

  static unknownPartner(partnerId: string): AuthError {
    return new AuthError(
      'unknown-partner',
      `there is no partner ${partnerId} in the partner files (PARTNERS_DIR); add its file first`,
      404,
    );
  }

  static unknownKey(id: string): AuthError {
    return new AuthError('unknown-key', `there is no API key ${id}; "edi-gateway keys list" shows them`, 404);
  }

  /** A console login with a wrong username or password; one message for both, as for keys. */
  static badLogin(): AuthError {
    return new AuthError('unauthenticated', 'the username or password is not right', 401);
  }

  /** A request on a console session that ended or expired. */
  static sessionEnded(): AuthError {
    return new AuthError('unauthenticated', 'the session has ended; log in again', 401);
  }

  /** A state-changing request on a console session without its CSRF token. */
  static csrfMismatch(): AuthError {
    return new AuthError(
      'forbidden',
      'the X-CSRF-Token header is missing or does not match the session; reload the console',
      403,
    );
  }

  /** A valid caller whose role does not allow the route. */
  static roleTooLow(role: string, required: string): AuthError {
    return new AuthError('forbidden', `this needs the ${required} role; your role is ${role}`, 403);
  }

  /** A partner key on a staff route, or on the console. */
  static partnerKeyNotAllowed(): AuthError {
    return new AuthError(
      'forbidden',
      'a partner key posts its own transmissions only (POST /api/partners/<id>/transmissions)',
      403,
    );
  }

  static tooManyFailures(retryAfterSeconds: number): AuthError {
    return new AuthError(
      'rate-limited',
      `too many refused attempts from this address; try again in ${retryAfterSeconds} s`,
      429,
    );
  }

  static unknownUser(username: string): AuthError {
    return new AuthError(
      'unknown-user',
      `there is no console user ${username}; "edi-gateway users list" shows them`,
      404,
    );
  }

  static invalidInput(field: string, why: string): AuthError {
    return new AuthError('invalid-key-input', `${field} ${why}`, 400);
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
