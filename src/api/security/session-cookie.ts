import type { Request, Response } from 'express';

/** The console session cookie's name. */
export const SESSION_COOKIE = 'edi_session';

/** The session token a request's `Cookie` header carries, if any. */
export function sessionCookie(req: Request): string | undefined {
  const header = req.get('cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === SESSION_COOKIE) return part.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * Sets (or, with a null token, clears) the session cookie: httpOnly so that no script reads it,
 * SameSite=Strict so that no other site's page sends it, Secure when the connection is HTTPS.
 */
export function writeSessionCookie(
  req: Request,
  res: Response,
  token: string | null,
  expiresAt?: Date,
): void {
  res.cookie(SESSION_COOKIE, token ?? '', {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    ...(token === null ? { expires: new Date(0) } : expiresAt === undefined ? {} : { expires: expiresAt }),
  });
}
