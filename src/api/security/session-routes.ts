import { Type } from '@sinclair/typebox';
import {
  AuthError,
  closeConsoleSession,
  csrfTokenMatches,
  openConsoleSession,
  resumeConsoleSession,
  type ConsoleSessionDeps,
} from '../../auth/index.js';
import type { ApiCatalog } from '../routing/api-catalog.js';
import { ErrorBody } from '../routing/common-schemas.js';
import { sessionCookie, writeSessionCookie } from './session-cookie.js';

const LoginBody = Type.Union([
  Type.Object(
    { apiKey: Type.String({ minLength: 1, maxLength: 256, description: 'an API key of a staff role' }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      username: Type.String({ minLength: 1, maxLength: 64 }),
      password: Type.String({ minLength: 1, maxLength: 1024 }),
    },
    { additionalProperties: false },
  ),
]);

const SessionAnswer = Type.Object({
  user: Type.Object({ name: Type.String(), role: Type.String() }),
  csrfToken: Type.String({ description: 'send it as X-CSRF-Token on every request that changes something' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

/**
 * The console's login: `POST /api/session` with a staff API key or a username and password sets
 * the httpOnly, SameSite=Strict session cookie and answers the CSRF token; `GET` answers who is
 * logged in (401 when nobody); `DELETE` logs out. Mounted ahead of authentication: logging in is
 * how a session starts.
 *
 * @example
 * app.use('/api/session', express.json(), sessionRoutes(catalog, { repositories, verifier }).express);
 */
export function sessionRoutes(catalog: ApiCatalog, deps: ConsoleSessionDeps) {
  const routes = catalog.router('/api/session');
  const answer = (identity: { actor: string; role: string; csrfToken: string; expiresAt: Date }) => ({
    user: { name: identity.actor, role: identity.role },
    csrfToken: identity.csrfToken,
    expiresAt: identity.expiresAt.toISOString(),
  });
  const current = async (token: string | undefined) =>
    token === undefined || token === '' ? null : resumeConsoleSession(token, deps);

  routes.define(
    {
      method: 'post',
      path: '/',
      summary: 'Log in to the console',
      tags: ['session'],
      role: 'public',
      body: LoginBody,
      responses: {
        200: { description: 'logged in; the session cookie is set', schema: SessionAnswer },
        401: { description: 'wrong key, username or password', schema: ErrorBody },
        403: { description: 'a partner key', schema: ErrorBody },
      },
    },
    async ({ req, res, body }) => {
      const opened = await openConsoleSession(body, deps);
      writeSessionCookie(req, res, opened.token, opened.expiresAt);
      res.json(answer(opened));
    },
  );

  routes.define(
    {
      method: 'get',
      path: '/',
      summary: 'Who is logged in, and the CSRF token of the session',
      tags: ['session'],
      role: 'public',
      responses: {
        200: { description: 'the session', schema: SessionAnswer },
        401: { description: 'no session', schema: ErrorBody },
      },
    },
    async ({ req, res }) => {
      const identity = await current(sessionCookie(req));
      if (identity === null) throw AuthError.sessionEnded();
      res.json(answer(identity));
    },
  );

  routes.define(
    {
      method: 'delete',
      path: '/',
      summary: 'Log out',
      tags: ['session'],
      role: 'public',
      responses: { 204: { description: 'logged out (also when there was no session)' } },
    },
    async ({ req, res }) => {
      const identity = await current(sessionCookie(req));
      if (identity !== null) {
        if (!csrfTokenMatches(req.get('x-csrf-token'), identity.csrfToken)) throw AuthError.csrfMismatch();
        await closeConsoleSession(identity, deps);
      }
      writeSessionCookie(req, res, null);
      res.status(204).end();
    },
  );
  return routes;
}
