import { TransportError } from '../transport-error.js';

// Errors that say "nothing is there right now": a mount that dropped, a share being remounted,
// a full disk, a stale NFS handle. They tend to heal by themselves, so they are worth a retry.
const TRANSIENT_CODES = new Set([
  'ENOENT',
  'EIO',
  'EAGAIN',
  'EBUSY',
  'ETIMEDOUT',
  'ESTALE',
  'EMFILE',
  'ENFILE',
  'ENOSPC',
  'EDQUOT',
  'ENOTCONN',
  'EHOSTDOWN',
  'ECONNRESET',
  'EINTR',
]);

// Errors that need a person: wrong permissions, a path that is a file, a read-only share.
const REFUSING_CODES = new Set(['EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EROFS', 'ENAMETOOLONG', 'EINVAL']);

export function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/**
 * Converts a Node file-system error into the transport error family at the edge. `action`
 * says what we were doing, in words an operator can act on ("reading inbox /mnt/van/in").
 * A code we do not know is treated as transient and keeps its cause, so retries are bounded by
 * the pipeline's policy and the original error is never hidden.
 */
export function fromFileSystemError(error: unknown, action: string): TransportError {
  if (error instanceof TransportError) return error;
  const code = errnoOf(error) ?? 'unknown error';
  const detail = error instanceof Error ? error.message : String(error);
  if (REFUSING_CODES.has(code)) {
    return TransportError.refused(
      `${action} was refused (${code}); check the path and its permissions: ${detail}`,
      error,
    );
  }
  const hint = TRANSIENT_CODES.has(code) ? 'will retry' : 'unexpected, will retry';
  return TransportError.unavailable(`${action} failed (${code}, ${hint}): ${detail}`, error);
}
