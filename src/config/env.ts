import { Ajv, type ValidateFunction } from 'ajv';
import { Type, type Static } from '@sinclair/typebox';
import { GatewayError } from '../errors/index.js';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 8080 }),
  // The address the HTTP API listens on: 0.0.0.0 (every IPv4 interface, as partners posting files
  // or AS2 messages need), :: (IPv6 too), or one address such as 127.0.0.1 behind a reverse proxy.
  HOST: Type.String({ pattern: '^[A-Za-z0-9.:-]+$', default: '0.0.0.0' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  // Several gateways (or test runs) can share one PostgreSQL database, each in a schema of its own.
  DATABASE_SCHEMA: Type.Optional(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,62}$' })),
  REDIS_URL: Type.String({ pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' }),
  QUEUE_PREFIX: Type.String({ pattern: '^[A-Za-z0-9_{}:-]+$', default: '{edi}' }),
  // How soon the jobs of a worker process that died run again elsewhere: a running job's lock
  // lasts QUEUE_LOCK_MS without renewal, and lapsed locks are looked for every
  // QUEUE_STALLED_CHECK_MS. Unset: BullMQ's 30 s each.
  QUEUE_LOCK_MS: Type.Optional(Type.Integer({ minimum: 1000 })),
  QUEUE_STALLED_CHECK_MS: Type.Optional(Type.Integer({ minimum: 500 })),
  // The recovery sweep of `serve` (work the database says is unfinished whose job Redis lost):
  // how often it runs, and how long work sits unchanged before it takes it. Unset: 30 s and 60 s.
  RECOVERY_SWEEP_MS: Type.Optional(Type.Integer({ minimum: 500 })),
  RECOVERY_AFTER_MS: Type.Optional(Type.Integer({ minimum: 1000 })),
  PARTNERS_DIR: Type.String({ minLength: 1, default: './partners' }),
  MAPPINGS_DIR: Type.String({ minLength: 1, default: './mappings' }),
  ARCHIVE_DIR: Type.String({ minLength: 1, default: './data/archive' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  // The largest body a partner may post where its file sets no `intake.http.maxBytes` (50 MB).
  INTAKE_MAX_BYTES: Type.Integer({ minimum: 1, maximum: 1024 * 1024 * 1024, default: 50 * 1024 * 1024 }),
  // How long a client has to send a whole request (headers and body); a slow sender holds a
  // connection and its buffered body until then.
  HTTP_REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
  // PEM files. Certificate and key together make the API listen with HTTPS; a CA file makes it
  // ask clients for certificates, which partners configured for them must then present.
  TLS_CERT_FILE: Type.Optional(Type.String({ minLength: 1 })),
  TLS_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  TLS_CLIENT_CA_FILE: Type.Optional(Type.String({ minLength: 1 })),
  LOG_LEVEL: Type.Unsafe<'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'>({
    type: 'string',
    enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'],
    default: 'info',
  }),
});

export type GatewayConfig = Static<typeof EnvSchema>;

let compiled: ValidateFunction<GatewayConfig> | undefined;

/** The schema's validator, compiled on the first `loadConfig`, not when this module is imported. */
function configCheck(): ValidateFunction<GatewayConfig> {
  compiled ??= new Ajv({ useDefaults: true, coerceTypes: true, allErrors: true }).compile<GatewayConfig>(
    EnvSchema,
  );
  return compiled;
}

/**
 * Reads and validates the configuration from environment variables. A bad value stops the process
 * with a message naming the variable and what it must be.
 *
 * @example
 * const config = loadConfig(process.env); // { PORT: 8080, REDIS_URL: 'redis://127.0.0.1:6379', ... }
 */
export function loadConfig(env: Record<string, string | undefined>): GatewayConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  // ajv's coercion reads '1e3' and '0x50' as numbers; a port is written in plain digits.
  const problems: string[] = [];
  const port = picked['PORT'];
  if (port !== undefined && !/^\d+$/.test(port)) {
    problems.push(`PORT=${JSON.stringify(port)} must be a whole number from 1 to 65535`);
    delete picked['PORT'];
  }
  problems.push(...tlsProblems(picked));
  const check = configCheck();
  if (check(picked) && problems.length === 0) return picked;
  for (const e of check.errors ?? []) {
    const name = e.instancePath.replace(/^\//, '') || String(e.params['missingProperty'] ?? '');
    problems.push(`${name}=${JSON.stringify(picked[name] ?? '')} ${e.message ?? 'is invalid'}`);
  }
  throw new GatewayError('config-invalid', `invalid configuration: ${problems.join('; ')}`, {
    permanent: true,
    status: 500,
  });
}

/** TLS settings that only work together. */
function tlsProblems(picked: Record<string, string>): string[] {
  const has = (name: string) => picked[name] !== undefined;
  const problems: string[] = [];
  if (has('TLS_CERT_FILE') !== has('TLS_KEY_FILE')) {
    problems.push(
      'TLS_CERT_FILE and TLS_KEY_FILE must be set together (the certificate and its private key)',
    );
  }
  if (has('TLS_CLIENT_CA_FILE') && !has('TLS_CERT_FILE')) {
    problems.push(
      'TLS_CLIENT_CA_FILE needs TLS_CERT_FILE and TLS_KEY_FILE: client certificates come over HTTPS only',
    );
  }
  return problems;
}
