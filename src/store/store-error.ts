import {
  ConnectionException,
  ConstraintViolationException,
  DriverException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { GatewayError, isGatewayError } from '../errors/index.js';

/**
 * What can go wrong in the store, as the rest of the gateway sees it:
 * - `duplicate`: a row that must be unique already exists (a resent interchange). Permanent.
 * - `store-invalid`: another constraint refused the row (unknown reference, missing value). Permanent.
 * - `not-found`: the row an update names does not exist. Permanent.
 * - `store-unavailable`: the database cannot be reached. A retry later can succeed.
 * - `store-failed`: any other database error (deadlock, lock timeout...). Retried.
 */
export type StoreErrorCode =
  'duplicate' | 'store-invalid' | 'not-found' | 'store-unavailable' | 'store-failed';

export type StoreError = GatewayError<StoreErrorCode>;

// Raised by node's sockets, pg and the knex pool before MikroORM can wrap them.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P03',
]);

/**
 * Converts a database error into the gateway's error family; a `GatewayError` passes unchanged.
 *
 * @example
 * try { await em.flush(); } catch (error) { throw toStoreError(error, 'recording interchange'); }
 */
export function toStoreError(error: unknown, doing: string): GatewayError {
  if (isGatewayError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof UniqueConstraintViolationException) {
    return storeError('duplicate', `${doing}: already stored (${reason})`, true, error, 409);
  }
  if (error instanceof ConstraintViolationException) {
    return storeError('store-invalid', `${doing}: refused by the database (${reason})`, true, error, 422);
  }
  // PostgreSQL's invalid_catalog_name: the database in DATABASE_URL does not exist. It is never
  // created for the caller (a misspelt name would otherwise get a new, empty database).
  if ((error as { code?: unknown } | null)?.code === '3D000') {
    return storeError(
      'store-unavailable',
      `${doing}: ${reason}; create it, or correct the database name in DATABASE_URL`,
      true,
      error,
    );
  }
  if (error instanceof ConnectionException || isConnectionFailure(error)) {
    return storeError(
      'store-unavailable',
      `${doing}: the database cannot be reached (${reason})`,
      false,
      error,
    );
  }
  const what = error instanceof DriverException ? 'the database failed' : 'unexpected failure';
  return storeError('store-failed', `${doing}: ${what} (${reason})`, false, error);
}

/** Runs one store operation and converts whatever it throws. */
export async function guard<T>(doing: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error, doing);
  }
}

export function storeError(
  code: StoreErrorCode,
  message: string,
  permanent: boolean,
  cause?: unknown,
  status?: number,
): StoreError {
  return new GatewayError(code, message, { permanent, cause, ...(status === undefined ? {} : { status }) });
}

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'KnexTimeoutError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  // AggregateError from a dual-stack connect attempt carries the codes one level down.
  return error instanceof AggregateError && error.errors.some(isConnectionFailure);
}
