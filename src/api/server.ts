import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as HttpsOptions } from 'node:https';
import type { GatewayConfig } from '../config/index.js';
import { GatewayError } from '../errors/index.js';
import { createApp, type AppOptions } from './app.js';

/** What the server reads from the configuration; only the port is required. */
export type ServerConfig = Pick<GatewayConfig, 'PORT'> &
  Partial<
    Pick<
      GatewayConfig,
      'INTAKE_MAX_BYTES' | 'HTTP_REQUEST_TIMEOUT_MS' | 'TLS_CERT_FILE' | 'TLS_KEY_FILE' | 'TLS_CLIENT_CA_FILE'
    >
  >;

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Starts the HTTP API; resolves once it listens. With TLS_CERT_FILE and TLS_KEY_FILE it listens
 * with HTTPS; with TLS_CLIENT_CA_FILE too it asks every client for a certificate signed by that CA
 * but lets clients without one connect, because only partners whose file lists certificates need
 * one and the intake route decides per partner. A client has HTTP_REQUEST_TIMEOUT_MS to send its
 * whole request. Closing drains open connections.
 *
 * @example
 * const server = await startServer({ PORT: 8443, TLS_CERT_FILE: 'tls/cert.pem', TLS_KEY_FILE: 'tls/key.pem' });
 */
export async function startServer(
  config: ServerConfig,
  host = '0.0.0.0',
  options: AppOptions = {},
): Promise<Server> {
  const app = createApp({
    ...options,
    ...(options.intakeMaxBytes === undefined && config.INTAKE_MAX_BYTES !== undefined
      ? { intakeMaxBytes: config.INTAKE_MAX_BYTES }
      : {}),
  });
  const tls = await tlsOptions(config);
  const server = tls === undefined ? createHttpServer(app) : createHttpsServer(tls, app);
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function tlsOptions(config: ServerConfig): Promise<HttpsOptions | undefined> {
  if (config.TLS_CERT_FILE === undefined || config.TLS_KEY_FILE === undefined) return undefined;
  const [cert, key, ca] = await Promise.all([
    pem('TLS_CERT_FILE', config.TLS_CERT_FILE),
    pem('TLS_KEY_FILE', config.TLS_KEY_FILE),
    config.TLS_CLIENT_CA_FILE === undefined
      ? undefined
      : pem('TLS_CLIENT_CA_FILE', config.TLS_CLIENT_CA_FILE),
  ]);
  return ca === undefined ? { cert, key } : { cert, key, ca, requestCert: true, rejectUnauthorized: false };
}

async function pem(variable: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new GatewayError(
      'config-invalid',
      `${variable}=${path} cannot be read: ${(error as Error).message}`,
      { permanent: true, status: 500, cause: error },
    );
  }
}
