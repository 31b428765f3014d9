import express, { type Express } from 'express';
import { errorHandler } from './error-handler.js';
import { x12Routes, type AppOptions } from './x12-routes.js';

export type { AppOptions } from './x12-routes.js';

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
  app.use('/api/x12', express.raw({ type: () => true, limit: '100mb' }), x12Routes(options));
  const { services } = options;
  if (services !== undefined) {
    // Endpoints of a running gateway: each router below reads and writes through `services`.
    app.use('/api', express.json({ limit: '10mb' }));
  }
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not-found', message: 'no such endpoint' } });
  });
  app.use(errorHandler);
  return app;
}
