import { GatewayError } from '../errors/index.js';

/**
 * - `marketplace-unavailable`: the API cannot answer now (network, 5xx, rate limited past the
 *   retries); the job is retried with backoff.
 * - `marketplace-refused`: the API said no to this request (4xx: a bad order id, a shipment of a
 *   line already shipped); retrying will not help until someone acts.
 * - `marketplace-auth`: the credentials are refused even after a fresh token; someone must fix
 *   them (the partner file names where they are read from).
 * - `marketplace-unsupported`: the marketplace has no API call for what is asked (an Amazon line
 *   cancellation goes through its feeds, which the gateway does not send).
 */
export type MarketplaceErrorCode =
  'marketplace-unavailable' | 'marketplace-refused' | 'marketplace-auth' | 'marketplace-unsupported';

/**
 * The errors of the marketplace API clients, built through the named factories so that each code
 * always carries the same retry decision. Messages name the partner, the operation and the HTTP
 * status, never a token, a secret or a buyer's address.
 *
 * @example
 * throw MarketplaceError.refused('partner acme-shop: confirmShipment of 902-3159896-1390916 was refused with 400');
 */
export class MarketplaceError extends GatewayError<MarketplaceErrorCode> {
  override readonly name: string = 'MarketplaceError';

  static unavailable(message: string, cause?: unknown): MarketplaceError {
    return new MarketplaceError('marketplace-unavailable', message, { permanent: false, status: 503, cause });
  }

  static refused(message: string, cause?: unknown): MarketplaceError {
    return new MarketplaceError('marketplace-refused', message, { permanent: true, status: 502, cause });
  }

  static auth(message: string, cause?: unknown): MarketplaceError {
    return new MarketplaceError('marketplace-auth', message, { permanent: true, status: 502, cause });
  }

  static unsupported(message: string): MarketplaceError {
    return new MarketplaceError('marketplace-unsupported', message, { permanent: true, status: 501 });
  }
}

export function isMarketplaceError(error: unknown): error is MarketplaceError {
  return error instanceof MarketplaceError;
}
