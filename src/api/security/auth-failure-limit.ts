import type { RequestHandler } from 'express';
import { AuthError } from '../../auth/index.js';

export interface AuthFailureLimitOptions {
  /** Refused attempts an address may make within `windowMs`. Default 20. */
  maxFailures?: number;
  /** Default 10 minutes. */
  windowMs?: number;
  /** Default: the system clock. */
  now?: () => number;
}

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Refuses (429) every request from an address that has had `maxFailures` requests refused as
 * unauthenticated (401) within the window, so that keys and passwords cannot be guessed at speed.
 * Only answered 401s count, after the fact: express-rate-limit's `skipSuccessfulRequests` counts
 * each request when it arrives and takes it back when it succeeds, so a partner's burst of 50
 * concurrent valid posts would be refused by a limit meant for failures. Counts are per process;
 * behind several `serve` processes an address gets the limit from each.
 *
 * @example
 * app.use('/api', authFailureLimit({ maxFailures: 20, windowMs: 600_000 }));
 */
export function authFailureLimit(options: AuthFailureLimitOptions = {}): RequestHandler {
  const maxFailures = options.maxFailures ?? 20;
  const windowMs = options.windowMs ?? 600_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  const current = (address: string): Window | undefined => {
    const window = windows.get(address);
    if (window !== undefined && now() - window.startedAt >= windowMs) {
      windows.delete(address);
      return undefined;
    }
    return window;
  };

  return (req, res, next) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const window = current(address);
    if (window !== undefined && window.failures >= maxFailures) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + windowMs - now()) / 1000));
      res.set('Retry-After', String(retryAfter));
      throw AuthError.tooManyFailures(retryAfter);
    }
    res.on('finish', () => {
      if (res.statusCode !== 401) return;
      const open = current(address);
      if (open === undefined) windows.set(address, { startedAt: now(), failures: 1 });
      else open.failures += 1;
      // Old windows of addresses that stopped trying are dropped as the map grows.
      if (windows.size > 10_000) for (const key of [...windows.keys()]) current(key);
    });
    next();
  };
}
