import type { Response } from 'express';
import { GatewayError } from '../../errors/index.js';

/** Who an authenticated request is, however it proved it. */
export interface Principal {
  /** The audit actor: a key's name or a console user's username. */
  name: string;
  role: string;
  /** A partner key's partner; null for staff. */
  partnerId: string | null;
  via: 'api-key' | 'session';
  /** The API key's public id, for keys. */
  keyId?: string;
  /** The console session, for sessions: its CSRF token is checked on every change. */
  csrfToken?: string;
}

const KEY = 'principal';

export function setPrincipal(res: Response, principal: Principal): void {
  res.locals[KEY] = principal;
}

/**
 * The caller of a request that passed authentication. Calling it on a route that skipped
 * authentication is a programming error, reported as a 500 rather than acting as nobody.
 */
export function principalOf(res: Response): Principal {
  const principal = res.locals[KEY] as Principal | undefined;
  if (principal === undefined) {
    throw new GatewayError('internal', 'a route that needs a caller was reached without authentication', {
      permanent: true,
      status: 500,
    });
  }
  return principal;
}

/** The caller if the request was authenticated. */
export function maybePrincipalOf(res: Response): Principal | undefined {
  return res.locals[KEY] as Principal | undefined;
}
