import { GatewayError } from '../errors/index.js';

/**
 * - `transport-unavailable`: the other side cannot be reached now (mount gone, disk full, network);
 *   retry later.
 * - `transport-refused`: the other side or our configuration says no (permission denied, invalid
 *   name, not a folder); retrying will not help until someone acts.
 * - `transport-file-changed`: the file is not the one that was polled; it will be offered again.
 * - `transport-closed`: the transport was used after `close()`, a programming error.
 */
export type TransportErrorCode =
  'transport-unavailable' | 'transport-refused' | 'transport-file-changed' | 'transport-closed';

/**
 * The errors of every transport. Built through the named factories so that each code always
 * carries the same retry decision.
 *
 * @example
 * throw TransportError.unavailable('inbox /mnt/van/in is not reachable', cause);
 */
export class TransportError extends GatewayError<TransportErrorCode> {
  override readonly name: string = 'TransportError';

  static unavailable(message: string, cause?: unknown): TransportError {
    return new TransportError('transport-unavailable', message, { permanent: false, status: 503, cause });
  }

  static refused(message: string, cause?: unknown): TransportError {
    return new TransportError('transport-refused', message, { permanent: true, status: 502, cause });
  }

  static fileChanged(message: string, cause?: unknown): TransportError {
    // Permanent for this attempt: the changed file comes back through poll as a new version.
    return new TransportError('transport-file-changed', message, { permanent: true, status: 409, cause });
  }

  static closed(what: string): TransportError {
    return new TransportError('transport-closed', `${what}: the transport is closed`, {
      permanent: true,
      status: 500,
    });
  }
}

export function isTransportError(error: unknown): error is TransportError {
  return error instanceof TransportError;
}
