import type { RequestHandler, Response } from 'express';
import { requestIdFrom } from '../../observability/index.js';

/**
 * Gives each request an id when the request logger has not (an app built without a logger): it is
 * echoed in `X-Request-Id` and named in error answers.
 *
 * @example
 * app.use(requestId());
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    if (typeof res.locals['requestId'] !== 'string') {
      res.locals['requestId'] = requestIdFrom(req.headers['x-request-id']);
      res.set('X-Request-Id', res.locals['requestId'] as string);
    }
    next();
  };
}

export function requestIdOf(res: Response): string | undefined {
  const id: unknown = res.locals['requestId'];
  return typeof id === 'string' ? id : undefined;
}
