import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GatewayMetrics } from './metrics.js';

/**
 * Serves the gateway's metrics in Prometheus' text format.
 *
 * @example
 * app.get('/metrics', metricsHandler(metrics));
 */
export function metricsHandler(metrics: GatewayMetrics): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    metrics.registry.metrics().then(
      (text) => {
        res.setHeader('Content-Type', metrics.registry.contentType);
        res.send(text);
      },
      (error: unknown) => next(error),
    );
  };
}
