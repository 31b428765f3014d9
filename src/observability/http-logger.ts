import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger.js';
import { redactText } from './redact-text.js';
import { requestIdFrom } from './request-id.js';

/** Paths polled by orchestrators and scrapers every few seconds: logged at debug only. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

type LevelName = 'debug' | 'info' | 'warn' | 'error';

/** The path and query of a request as it arrived, before any router rewrote `req.url`. */
function requestUrl(req: IncomingMessage): string {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
}

/**
 * The level of a finished request's line: health checks at debug, server errors at error,
 * refusals at warn, the rest at info.
 *
 * @example
 * requestLogLevel('/readyz', 503); // 'debug'
 */
export function requestLogLevel(url: string, status: number, error?: Error): LevelName {
  if (QUIET_PATHS.has(url.split('?', 1)[0] ?? url)) return 'debug';
  if (error !== undefined || status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}

/**
 * Express middleware that gives each request an id and logs one line when it ends. The id is
 * the caller's `X-Request-Id` when acceptable, otherwise a new UUID; it is sent back in
 * `X-Request-Id`, kept in `res.locals.requestId` and carried by the line as `requestId`, with the
 * method, the URL (secrets masked), the status and `durationMs`. Mount it first.
 *
 * @example
 * app.use(httpLogger(logger));
 */
export function httpLogger(logger: Logger): RequestHandler {
  const log = pinoHttp({
    logger,
    genReqId: (req) => req.id,
    customAttributeKeys: { responseTime: 'durationMs' },
    // At the top of the line, where the pipeline's lines carry their ids too.
    customProps: (req) => ({ requestId: req.id }),
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, url: redactText(requestUrl(req)) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) => requestLogLevel(requestUrl(req), res.statusCode, error),
    customSuccessMessage: (req, res) =>
      `${req.method ?? ''} ${redactText(requestUrl(req))} ${res.statusCode}`,
    customErrorMessage: (req, res, error) =>
      `${req.method ?? ''} ${redactText(requestUrl(req))} ${res.statusCode}: ${redactText(error.message)}`,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    req.id = requestId;
    res.locals['requestId'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    log(req, res, next);
  };
}
