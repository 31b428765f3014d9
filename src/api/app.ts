import express, { type Express } from 'express';
import { ApiKeyVerifier } from '../auth/index.js';
import {
  httpLogger,
  httpMetrics,
  metricsHandler,
  type GatewayMetrics,
  type Logger,
} from '../observability/index.js';
import { consoleRouter } from '../web/index.js';
import { errorHandler, type ErrorLog } from './error-handler.js';
import { eventRoutes } from './event-routes.js';
import { exceptionRoutes } from './exception-routes.js';
import { keyRoutes } from './key-routes.js';
import { kpiRoutes, type KpiSource } from './kpi-routes.js';
import { masterDataRoutes } from './master-data-routes.js';
import { orderRoutes } from './order-routes.js';
import { describePartnerIntake } from './intake/intake-description.js';
import { partnerIntakeRoutes } from './partner-intake-routes.js';
import { as2Routes } from './as2-routes.js';
import { marketplaceRoutes } from './marketplace-routes.js';
import { readiness } from './readiness.js';
import { ApiCatalog } from './routing/api-catalog.js';
import { buildOpenApi } from './routing/openapi.js';
import { authFailureLimit, type AuthFailureLimitOptions } from './security/auth-failure-limit.js';
import { authenticate } from './security/authenticate.js';
import { requireRole } from './security/require-role.js';
import { queueBoard } from './queue-board.js';
import { requestId } from './security/request-id.js';
import { sessionRoutes } from './security/session-routes.js';
import { supportRoutes } from './support-routes.js';
import { transmissionRoutes } from './transmission-routes.js';
import { x12Routes, type AppOptions as RouteOptions } from './x12-routes.js';
import { AnyObject } from './routing/common-schemas.js';

/** What the application reads with, and the limits of partner posts. */
export interface AppOptions extends RouteOptions {
  /** The body limit of partner posts whose partner file sets none (INTAKE_MAX_BYTES). Default 50 MB. */
  intakeMaxBytes?: number;
  /** Refused authentications an address may make before it is refused outright (429). */
  authFailures?: AuthFailureLimitOptions;
  /** One line per request, and the failures a caller is not told about. */
  logger?: Logger;
  /** Request counts and durations, served with the gateway's other metrics at `/metrics`. */
  metrics?: GatewayMetrics;
  /** Where failures a caller is not told about are written; default `logger`. */
  log?: ErrorLog;
  /** KPI reports from the store; without it `/api/kpis` is not served. */
  kpis?: KpiSource;
  /** Where `{ env }` secrets of partner files (webhook secrets) are read. Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

const VERSION = '0.1.0';

/**
 * The gateway's HTTP application. `/healthz` and `/readyz` are open; every `/api` route needs an
 * API key or a console session, and the role its definition names (see `/api/openapi.json`).
 * X12 and event payloads are read as raw bytes, whatever their content type, because partners
 * label X12 every way there is.
 *
 * @example
 * const server = createApp({ services, partners }).listen(8080);
 */
export function createApp(options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.logger !== undefined) app.use(httpLogger(options.logger));
  app.use(requestId());
  if (options.metrics !== undefined) {
    app.use(httpMetrics(options.metrics));
    // Open like /healthz: a scraper holds no key, and the figures name no customer or secret.
    app.get('/metrics', metricsHandler(options.metrics));
  }
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readiness(options.services));
  const { services } = options;
  if (services !== undefined) {
    const catalog = new ApiCatalog();
    const verifier = new ApiKeyVerifier(services.repositories.apiKeys);
    const { repositories } = services;
    app.use('/api', authFailureLimit(options.authFailures));
    // Partner posts authenticate on their own: their refusals are worded for partners, and the
    // body is stored as posted, so they come before any parser.
    app.use(
      '/api/partners',
      partnerIntakeRoutes(services, {
        ...(options.intakeMaxBytes === undefined ? {} : { maxBytes: options.intakeMaxBytes }),
      }),
    );
    describePartnerIntake(catalog);
    // AS2 messages authenticate by their signature, not by an API key.
    app.use(
      '/as2',
      as2Routes(services, {
        ...(options.intakeMaxBytes === undefined ? {} : { maxBytes: options.intakeMaxBytes }),
      }),
    );
    // Marketplace webhooks authenticate by the HMAC of their raw body, not by an API key.
    app.use('/webhooks', marketplaceRoutes(services, options.env === undefined ? {} : { env: options.env }));
    app.use(
      '/api/session',
      express.json({ limit: '16kb' }),
      sessionRoutes(catalog, { repositories, verifier }).express,
    );
    const authenticated = authenticate({ verifier, sessions: { repositories } });
    app.use(
      '/console/queues',
      authenticated,
      requireRole('viewer'),
      queueBoard(services.queues, '/console/queues'),
    );
    app.use('/console', consoleRouter());
    app.get('/', (_req, res) => {
      res.redirect('/console/');
    });
    app.use('/api', authenticated);
    app.use(
      '/api/events',
      express.raw({ type: () => true, limit: '10mb' }),
      eventRoutes(catalog, services).express,
    );
    app.use(
      '/api/x12',
      express.raw({ type: () => true, limit: '100mb' }),
      x12Routes(catalog, options).express,
    );
    app.use('/api', express.json({ limit: '10mb' }));
    // Ahead of the transmission routes, whose `/:id/resend` would take `bulk` for an id.
    app.use('/api', supportRoutes(catalog, services).express);
    app.use('/api/transmissions', transmissionRoutes(catalog, services).express);
    app.use('/api/exceptions', exceptionRoutes(catalog, services).express);
    app.use('/api/orders', orderRoutes(catalog, services).express);
    app.use('/api/keys', keyRoutes(catalog, services).express);
    app.use('/api', masterDataRoutes(catalog, services).express);
    if (options.kpis !== undefined) app.use('/api', kpiRoutes(catalog, options.kpis).express);
    const openapi = catalog.router('/api');
    openapi.define(
      {
        method: 'get',
        path: '/openapi.json',
        summary: 'This description',
        tags: ['meta'],
        role: 'viewer',
        responses: { 200: { description: 'OpenAPI 3.1', schema: AnyObject } },
      },
      ({ res }) => {
        res.json(buildOpenApi(catalog.entries, VERSION));
      },
    );
    app.use('/api', openapi.express);
  }
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not-found', message: 'no such endpoint' } });
  });
  app.use(errorHandler(options.log ?? options.logger));
  return app;
}
