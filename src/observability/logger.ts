import { pino } from 'pino';
import { redactText } from './redact-text.js';

export type Logger = pino.Logger;

/**
 * Fields whose values never reach a log line, wherever an object carrying them is logged.
 * Headers first (what a request carries), then secrets under any key one level down.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passphrase',
  '*.privateKey',
  '*.secret',
  '*.token',
  '*.apiKey',
];

export interface LoggerOptions {
  /** `LOG_LEVEL`: fatal, error, warn, info, debug, trace (or silent). */
  level: string;
  /** Where the JSON lines go. Default: stderr, so that a command's own output stays on stdout. */
  destination?: pino.DestinationStream;
  /** The `name` field of every line. Default `edi-gateway`. */
  name?: string;
}

/**
 * The gateway's logger: one JSON line per event at `level`, secrets redacted by path and error
 * messages passed through {@link redactText}.
 *
 * @example
 * const logger = createLogger({ level: config.LOG_LEVEL });
 * logger.info({ transmissionId, partnerId }, 'transmission stored');
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.name ?? 'edi-gateway',
      level: options.level,
      redact: { paths: [...REDACTED_PATHS], censor: '***' },
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Messages are built from error texts and URLs, which can quote a secret.
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg: unknown) => (typeof arg === 'string' ? redactText(arg) : arg));
          method.apply(this, masked as Parameters<pino.LogFn>);
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}

/** pino's error serializer, with the message and stack masked: driver errors quote URLs. */
function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return typeof value === 'string' ? redactText(value) : value;
  const serialized = pino.stdSerializers.err(value);
  return {
    ...serialized,
    message: redactText(serialized.message),
    ...(serialized.stack === undefined ? {} : { stack: redactText(serialized.stack) }),
  };
}
