/**
 * The one error family of the gateway. Every error carries a string `code`, the `cause` it wraps,
 * and whether retrying can help: a `permanent` error (bad input, bad config) is never retried, a
 * transient one (a network or database hiccup) is. Vendor errors are converted into this family at
 * the edge; `status` is what the HTTP layer answers with.
 *
 * @example
 * throw new GatewayError('config-invalid', 'PORT must be a number from 1 to 65535', { permanent: true, status: 500 });
 */
export class GatewayError<Code extends string = string> extends Error {
  override readonly name: string = 'GatewayError';
  readonly permanent: boolean;
  readonly status: number;
  /**
   * Whether the message may be shown to an HTTP caller. True for 4xx; a 5xx message is kept for
   * the log (it may hold driver text) unless it was written for the caller.
   */
  readonly expose: boolean;

  constructor(
    readonly code: Code,
    message: string,
    options: { permanent: boolean; status?: number; cause?: unknown; expose?: boolean },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.permanent = options.permanent;
    this.status = options.status ?? (options.permanent ? 400 : 503);
    this.expose = options.expose ?? this.status < 500;
  }
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}
