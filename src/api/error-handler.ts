import type { ErrorRequestHandler } from 'express';
import { isGatewayError } from '../errors/index.js';

/**
 * Maps the gateway's typed errors to their HTTP status with a JSON body; anything else is logged
 * and becomes an opaque 500, so internals never leak to a caller.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (isGatewayError(error)) {
    res.status(error.status).json({ error: { code: error.code, message: error.message } });
    return;
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // express's own body-parser errors (payload too large, aborted upload) carry their status.
    res.status(status).json({ error: { code: 'bad-request', message: (error as Error).message } });
    return;
  }
  console.error('unhandled error in HTTP request', error);
  res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
};
