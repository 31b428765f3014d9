import express, { type Express } from 'express';
import { errorHandler } from './error-handler.js';
import { eventRoutes } from './event-routes.js';
import { exceptionRoutes } from './exception-routes.js';
import { masterDataRoutes } from './master-data-routes.js';
import { orderRoutes } from './order-routes.js';
import { partnerIntakeRoutes } from './partner-intake-routes.js';
import { readiness } from './readiness.js';
import { transmissionRoutes } from './transmission-routes.js';
import { x12Routes, type AppOptions as RouteOptions } from './x12-routes.js';

/** What the application reads with, and the limits of partner posts. */
export interface AppOptions extends RouteOptions {
  /** The body limit of partner posts whose partner file sets none (INTAKE_MAX_BYTES). Default 50 MB. */
  intakeMaxBytes?: number;
}

/**
 * The gateway's HTTP application: health, and the X12 endpoints. Payloads are read as raw bytes,
 * whatever their content type, because partners label X12 every way there is.
 *
 * @example
 * const server = createApp().listen(8080);
 */
export function createApp(options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readiness(options.services));
  app.use('/api/x12', express.raw({ type: () => true, limit: '100mb' }), x12Routes(options));
  const { services } = options;
  if (services !== undefined) {
    // Endpoints of a running gateway: each router below reads and writes through `services`.
    // Ahead of the JSON parser: events and partner posts are stored as posted, malformed or not.
    app.use('/api/events', eventRoutes(services));
    app.use(
      '/api/partners',
      partnerIntakeRoutes(services, {
        ...(options.intakeMaxBytes === undefined ? {} : { maxBytes: options.intakeMaxBytes }),
      }),
    );
    app.use('/api', express.json({ limit: '10mb' }));
    app.use('/api/transmissions', transmissionRoutes(services));
    app.use('/api/exceptions', exceptionRoutes(services));
    app.use('/api/orders', orderRoutes(services));
    app.use('/api', masterDataRoutes(services));
  }
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not-found', message: 'no such endpoint' } });
  });
  app.use(errorHandler);
  return app;
}
