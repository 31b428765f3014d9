import type { RequestHandler } from 'express';
import {
  AuthError,
  csrfTokenMatches,
  resumeConsoleSession,
  type ApiKeyVerifier,
  type ConsoleSessionDeps,
} from '../../auth/index.js';
import { presentedKey } from '../intake/presented-key.js';
import { setPrincipal } from './principal.js';
import { sessionCookie } from './session-cookie.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticationDeps {
  verifier: ApiKeyVerifier;
  sessions: Omit<ConsoleSessionDeps, 'verifier'>;
}

/**
 * Establishes who a request is, or refuses it with 401: an API key (`Authorization: Bearer` or
 * `X-Api-Key`) first, else the console's session cookie. A request that changes something on a
 * session must carry the session's `X-CSRF-Token` (403 otherwise): the cookie alone would be sent
 * by any page the browser opens, the token only by the console.
 *
 * @example
 * app.use('/api', authenticate({ verifier, sessions: { repositories } }));
 */
export function authenticate(deps: AuthenticationDeps): RequestHandler {
  return async (req, res, next) => {
    const key = presentedKey(req);
    if (key !== undefined) {
      const verified = await deps.verifier.verify(key);
      setPrincipal(res, {
        name: verified.name,
        role: verified.role,
        partnerId: verified.partnerId,
        via: 'api-key',
        keyId: verified.id,
      });
      next();
      return;
    }
    const token = sessionCookie(req);
    if (token === undefined || token === '') throw AuthError.missingKey();
    const identity = await resumeConsoleSession(token, deps.sessions);
    if (identity === null) throw AuthError.sessionEnded();
    if (!SAFE_METHODS.has(req.method) && !csrfTokenMatches(req.get('x-csrf-token'), identity.csrfToken)) {
      throw AuthError.csrfMismatch();
    }
    setPrincipal(res, {
      name: identity.actor,
      role: identity.role,
      partnerId: null,
      via: 'session',
      csrfToken: identity.csrfToken,
    });
    next();
  };
}
