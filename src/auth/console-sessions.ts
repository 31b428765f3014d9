import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Repositories, StoredConsoleSession } from '../store/index.js';
import type { ApiKeyVerifier } from './api-key-verifier.js';
import { AuthError } from './auth-error.js';
import { passwordMatches, UNKNOWN_USER_HASH } from './password-hash.js';
import { isStaffRole, type StaffRole } from './roles.js';

/** What console sessions need. */
export interface ConsoleSessionDeps {
  repositories: Pick<Repositories, 'consoleAccess' | 'audit'>;
  verifier: ApiKeyVerifier;
  /** Longest a session lives, however busy. Default 12 hours. */
  lifetimeMs?: number;
  /** A session unused this long ends. Default 2 hours. */
  idleMs?: number;
  now?: () => Date;
}

export type ConsoleCredentials = { apiKey: string } | { username: string; password: string };

/** Who a console session is, as the API needs it. */
export interface ConsoleIdentity {
  sessionId: string;
  actor: string;
  role: StaffRole;
  csrfToken: string;
  expiresAt: Date;
}

/** A session just opened: `token` goes into the cookie and nowhere else. */
export interface OpenedSession extends ConsoleIdentity {
  token: string;
}

const HOUR_MS = 3_600_000;
const TOUCH_EVERY_MS = 60_000;

function sessionId(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Logs in to the console with an API key of a staff role, or a username and password, and opens
 * a session. A wrong key, username or password is the same 401 (`unauthenticated`); a partner key
 * is 403. Audited as `console-login` under the actor who logged in.
 *
 * @example
 * const session = await openConsoleSession({ username: 'alice', password }, deps);
 * res.cookie('edi_session', session.token, { httpOnly: true, sameSite: 'strict' });
 */
export async function openConsoleSession(
  credentials: ConsoleCredentials,
  deps: ConsoleSessionDeps,
): Promise<OpenedSession> {
  const who = await identify(credentials, deps);
  const now = deps.now?.() ?? new Date();
  const token = randomBytes(32).toString('base64url');
  const session = {
    id: sessionId(token),
    actor: who.actor,
    role: who.role,
    method: who.apiKeyId === null ? 'password' : 'api-key',
    apiKeyId: who.apiKeyId,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + (deps.lifetimeMs ?? 12 * HOUR_MS)),
    lastSeenAt: now,
  };
  await deps.repositories.consoleAccess.createSession(session);
  await deps.repositories.audit.record({
    actor: who.actor,
    action: 'console-login',
    subjectType: 'console-user',
    subjectId: who.actor,
    details: { method: session.method, role: who.role, session: session.id.slice(0, 16) },
    at: now,
  });
  return {
    token,
    sessionId: session.id,
    actor: who.actor,
    role: who.role,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

async function identify(
  credentials: ConsoleCredentials,
  deps: ConsoleSessionDeps,
): Promise<{ actor: string; role: StaffRole; apiKeyId: string | null }> {
  if ('apiKey' in credentials) {
    const key = await deps.verifier.verify(credentials.apiKey);
    if (!isStaffRole(key.role)) throw AuthError.partnerKeyNotAllowed();
    return { actor: key.name, role: key.role, apiKeyId: key.id };
  }
  const user = await deps.repositories.consoleAccess.getUser(credentials.username.trim().toLowerCase());
  // An unknown or disabled user costs the same hash as a known one, so timing tells nothing.
  const matches = await passwordMatches(credentials.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (user === null || user.disabledAt !== null || !matches || !isStaffRole(user.role)) {
    throw AuthError.badLogin();
  }
  return { actor: user.username, role: user.role, apiKeyId: null };
}

/**
 * The session a cookie token opens, or null when there is none, it expired, or it sat unused
 * past the idle time. Its last use is written at most once a minute.
 */
export async function resumeConsoleSession(
  token: string,
  deps: Omit<ConsoleSessionDeps, 'verifier'>,
): Promise<ConsoleIdentity | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.now?.() ?? new Date();
  const session = await deps.repositories.consoleAccess.findSession(sessionId(token), now);
  if (session === null || !isStaffRole(session.role)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > (deps.idleMs ?? 2 * HOUR_MS)) {
    await deps.repositories.consoleAccess.endSession(session.id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await deps.repositories.consoleAccess.touchSession(session.id, now);
  }
  return toIdentity(session, session.role);
}

function toIdentity(session: StoredConsoleSession, role: StaffRole): ConsoleIdentity {
  return {
    sessionId: session.id,
    actor: session.actor,
    role,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

/** Whether a request's X-CSRF-Token is the session's, compared in constant time. */
export function csrfTokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends a session (logout), audited under its actor. */
export async function closeConsoleSession(
  identity: ConsoleIdentity,
  deps: Pick<ConsoleSessionDeps, 'repositories'>,
): Promise<void> {
  await deps.repositories.consoleAccess.endSession(identity.sessionId);
  await deps.repositories.audit.record({
    actor: identity.actor,
    action: 'console-logout',
    subjectType: 'console-user',
    subjectId: identity.actor,
    details: { session: identity.sessionId.slice(0, 16) },
  });
}
