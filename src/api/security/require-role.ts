import type { RequestHandler } from 'express';
import { AuthError, roleAllows, type RequiredRole } from '../../auth/index.js';
import { maybePrincipalOf } from './principal.js';

/**
 * Lets a request through when its caller's role allows `required`; otherwise 401 (nobody) or 403.
 *
 * @example
 * router.post('/:id/resend', requireRole('operator'), handler);
 */
export function requireRole(required: RequiredRole): RequestHandler {
  return (_req, res, next) => {
    const principal = maybePrincipalOf(res);
    if (principal === undefined) throw AuthError.missingKey();
    if (roleAllows(principal.role, required)) {
      next();
      return;
    }
    if (principal.role === 'partner') throw AuthError.partnerKeyNotAllowed();
    throw AuthError.roleTooLow(principal.role, required);
  };
}
