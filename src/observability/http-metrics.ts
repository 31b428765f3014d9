import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GatewayMetrics } from './metrics.js';

/**
 * The route label of a finished request: the pattern express matched (`/api/transmissions/:id`),
 * never the URL itself, which would make one series per id. Requests no route matched share
 * `unmatched`.
 */
export function routeLabel(req: { baseUrl?: string | undefined; route?: { path?: unknown } }): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  // A handler that threw has left its router by the time the response ends, and express has
  // dropped the router's mount path: the pattern is then named without it.
  return `${req.baseUrl ?? ''}${path}` || '/';
}

/**
 * Counts and times every request by method, matched route and status
 * (`edi_http_requests_total`, `edi_http_request_duration_seconds`). Mount it before the routes.
 *
 * @example
 * app.use(httpMetrics(metrics));
 */
export function httpMetrics(metrics: GatewayMetrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      const labels = { method: req.method, route: routeLabel(req), status: String(res.statusCode) };
      metrics.httpRequests.inc(labels);
      end(labels);
    });
    next();
  };
}
