import type { Server } from 'node:http';
import type { GatewayConfig } from '../config/env.js';
import { createApp, type AppOptions } from './app.js';

/** Starts the HTTP API; resolves once it listens. Closing drains open connections. */
export async function startServer(
  config: Pick<GatewayConfig, 'PORT'>,
  host = '0.0.0.0',
  options: AppOptions = {},
): Promise<Server> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = app.listen(config.PORT, host, () => resolve(server));
    server.once('error', reject);
  });
}
