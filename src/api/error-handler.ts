import type { ErrorRequestHandler } from 'express';
import { isGatewayError } from '../errors/index.js';
import { requestIdOf } from './security/request-id.js';

/** Where the error handler writes what a caller is not told: a pino logger fits. */
export interface ErrorLog {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

const fallbackLog: ErrorLog = {
  // The gateway passes its logger; this is only for an app built without one (some tests).
  error: (fields, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', ...fields, msg: message })}\n`),
  warn: () => {},
};

const SERVER_MESSAGES: Record<string, string> = {
  'store-unavailable': 'the database is not answering; try again shortly',
};

/**
 * Maps errors to their HTTP status with one body shape, `{ error: { code, message, requestId } }`.
 * A 4xx says what was wrong with the request. A 5xx carries its message only when it was written
 * for the caller (`expose`), never one that may hold driver or stack text: the caller gets the
 * code and the request id, and the log gets the rest under that id. Errors that are not the gateway's are a 500 `internal`.
 *
 * @example
 * app.use(errorHandler(logger));
 */
export function errorHandler(log: ErrorLog = fallbackLog): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = requestIdOf(res);
    let status = 500;
    let code = 'internal';
    let message: string | undefined;
    let expose = false;
    if (isGatewayError(error)) {
      status = error.status;
      code = error.code;
      message = error.message;
      expose = error.expose;
    } else {
      const given = (error as { status?: unknown }).status;
      // express's own body-parser errors (payload too large, malformed JSON) carry their status.
      if (typeof given === 'number' && given >= 400 && given < 500) {
        status = given;
        code = given === 413 ? 'payload-too-large' : 'bad-request';
        message = (error as Error).message;
        expose = true;
      }
    }
    if (status >= 500) {
      log.error(
        { err: error, requestId, method: req.method, path: req.path, status, code },
        'request failed',
      );
    }
    if (!expose) {
      message = `${SERVER_MESSAGES[code] ?? 'the gateway could not complete the request'}${requestId === undefined ? '' : ` (request ${requestId})`}`;
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({
      error: { code, message, ...(requestId === undefined ? {} : { requestId }) },
    });
  };
}
