import { TransportError } from '../transport-error.js';

/** The server we talk to, as every message names it. */
export interface RemoteParty {
  /** `partner acme (SFTP edisftp@sftp.acme.example:22)`: the start of every message. */
  readonly where: string;
  readonly username: string;
  readonly host: string;
  readonly port: number;
}

/** What we were doing when something failed, in words an operator can act on. */
export interface RemoteAction {
  /** `listing inbox /out`, `uploading /in/INV-1.x12.part`. */
  readonly doing: string;
  /** What a "no such file" or "permission denied" is about: `inbox /out`, `file /out/PO-1.x12`. */
  readonly subject: string;
  /** Whether we were writing, where the server's generic failure usually means a full disk. */
  readonly writing?: boolean;
}

/** An operation that did not finish in time; its connection has been destroyed. */
export class OperationTimeout extends Error {
  override readonly name = 'OperationTimeout';
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
  }
}

/** The SSH session ended (killed, network gone) while or before an operation ran. */
export class ConnectionLost extends Error {
  override readonly name = 'ConnectionLost';
  constructor(cause: unknown) {
    super('the connection was lost', { cause });
  }
}

/** The server presented a host key other than the pinned one. */
export class HostKeyMismatch extends Error {
  override readonly name = 'HostKeyMismatch';
  constructor(
    readonly expected: string,
    readonly presented: string,
  ) {
    super(`host key ${presented} is not the pinned ${expected}`);
  }
}

/** Wraps whatever failed while opening a session, so that it is explained as a connection problem. */
export class ConnectFailure extends Error {
  override readonly name = 'ConnectFailure';
  constructor(
    cause: unknown,
    readonly timeoutMs: number,
  ) {
    super('could not connect', { cause });
  }
}

// SFTP status codes (draft-ietf-secsh-filexfer-02 and later) that we tell apart.
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;
const FAILURE = 4;
const BAD_MESSAGE = 5;
const NO_CONNECTION = 6;
const CONNECTION_LOST = 7;
const OP_UNSUPPORTED = 8;
const NO_SPACE_ON_FILESYSTEM = 14;
const QUOTA_EXCEEDED = 15;

const CONNECTION_GONE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_NOT_CONNECTED']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EHOSTDOWN', 'ENETDOWN']);
// What ssh2 and ssh2-sftp-client say when the session ends under a running request.
const CONNECTION_GONE_TEXT =
  /No response from server|Unexpected (end|close) event|No SFTP connection|Not connected/i;
const WRITE_FAILURE =
  'the server reports a write failure (disk full or quota exceeded are the usual causes); will retry';

/** The SFTP status code of a failed request, when the error carries one. */
export function sftpStatusOf(error: unknown): number | undefined {
  const code = codeOf(error);
  return typeof code === 'number' ? code : undefined;
}

/** Whether a request failed because the path does not exist. */
export function isNoSuchFile(error: unknown): boolean {
  return sftpStatusOf(error) === NO_SUCH_FILE || codeOf(error) === 'ENOENT';
}

/** Whether a request failed with the server's generic failure (a rename onto an existing name, say). */
export function isGenericFailure(error: unknown): boolean {
  return sftpStatusOf(error) === FAILURE;
}

/**
 * Converts anything an SSH or SFTP call threw into the transport error family, in the partner's
 * terms: what we were doing, on which server and path, what went wrong and who has to act.
 * Unavailable is worth a retry; refused needs a person. A failure we cannot place keeps its
 * cause and is treated as worth a retry, so the pipeline's retry limit still applies.
 *
 * @example
 * throw toTransportError(error, party, { doing: 'listing inbox /out', subject: 'inbox /out' });
 * // partner acme (SFTP edi@sftp.acme.example:22): listing inbox /out: permission denied on inbox /out; ...
 */
export function toTransportError(error: unknown, party: RemoteParty, action: RemoteAction): TransportError {
  if (error instanceof TransportError) return error;
  const { refused, reason } = explain(error, party, action);
  const message = `${party.where}: ${action.doing}: ${reason}`;
  return refused ? TransportError.refused(message, error) : TransportError.unavailable(message, error);
}

function explain(
  error: unknown,
  party: RemoteParty,
  action: RemoteAction,
): { refused: boolean; reason: string } {
  if (error instanceof HostKeyMismatch) {
    return {
      refused: true,
      reason:
        `the server's host key changed or is not the pinned one: expected ${error.expected}, ` +
        `the server presented ${error.presented}; if the partner confirms the new key, update hostKey`,
    };
  }
  if (error instanceof ConnectFailure) return explainConnect(error.cause, error.timeoutMs, party);
  if (error instanceof OperationTimeout) {
    return {
      refused: false,
      reason: `no answer within ${error.ms / 1000} s; the connection was closed and will be reopened`,
    };
  }
  if (error instanceof ConnectionLost || isConnectionGone(error)) {
    return { refused: false, reason: `the connection was lost (${detailOf(error)}); will retry` };
  }
  return explainStatus(error, party, action);
}

function explainConnect(
  error: unknown,
  timeoutMs: number,
  party: RemoteParty,
): { refused: boolean; reason: string } {
  const code = codeOf(error);
  const level = levelOf(error);
  const at = `${party.host}:${party.port}`;
  if (level === 'client-authentication') {
    return {
      refused: true,
      reason: `authentication as ${party.username} was refused; check username and password/private key`,
    };
  }
  if (isKeyParseError(error)) {
    return {
      refused: true,
      reason: `the private key could not be used (${detailOf(error)}); check privateKey and passphrase`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      refused: false,
      reason: `${at} refused the connection (is an SFTP server listening there?); will retry`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || level === 'client-dns') {
    return { refused: false, reason: `the host name ${party.host} could not be resolved (DNS); will retry` };
  }
  if (level === 'client-timeout' || error instanceof OperationTimeout) {
    return {
      refused: false,
      reason: `no SSH session with ${at} within ${timeoutMs / 1000} s (host unreachable or not answering); will retry`,
    };
  }
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) {
    return { refused: false, reason: `${at} is unreachable (${code}); will retry` };
  }
  return { refused: false, reason: `could not connect to ${at} (${detailOf(error)}); will retry` };
}

function explainStatus(
  error: unknown,
  party: RemoteParty,
  action: RemoteAction,
): { refused: boolean; reason: string } {
  switch (sftpStatusOf(error)) {
    case NO_SUCH_FILE:
      return {
        refused: false,
        reason: `${action.subject} does not exist on the server (removed, not mounted or a wrong path); will retry`,
      };
    case PERMISSION_DENIED:
      return {
        refused: true,
        reason: `permission denied on ${action.subject}; ${party.username} needs read and write access there`,
      };
    case FAILURE:
      if (action.writing === true) return { refused: false, reason: WRITE_FAILURE };
      return { refused: false, reason: `the server reports a failure (${detailOf(error)}); will retry` };
    case NO_SPACE_ON_FILESYSTEM:
    case QUOTA_EXCEEDED:
      return { refused: false, reason: WRITE_FAILURE };
    case NO_CONNECTION:
    case CONNECTION_LOST:
      return { refused: false, reason: `the connection was lost (${detailOf(error)}); will retry` };
    case OP_UNSUPPORTED:
      return { refused: true, reason: `the server does not support this operation (${detailOf(error)})` };
    case BAD_MESSAGE:
      return { refused: true, reason: `the server rejected the request as invalid (${detailOf(error)})` };
    default:
      return { refused: false, reason: `unexpected failure, will retry: ${detailOf(error)}` };
  }
}

function isConnectionGone(error: unknown): boolean {
  const code = codeOf(error);
  if (typeof code === 'string' && CONNECTION_GONE_CODES.has(code)) return true;
  return error instanceof Error && CONNECTION_GONE_TEXT.test(error.message);
}

function isKeyParseError(error: unknown): boolean {
  return error instanceof Error && /private ?key|passphrase/i.test(error.message);
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function levelOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'level' in error ? error.level : undefined;
}

function detailOf(error: unknown): string {
  if (error instanceof ConnectionLost && error.cause !== undefined) return detailOf(error.cause);
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one remote step and converts its failure with {@link toTransportError}.
 *
 * @example
 * const listing = await inPartnerTerms(party, { doing: 'listing inbox /out', subject: 'inbox /out' }, () =>
 *   connection.list('/out'),
 * );
 */
export async function inPartnerTerms<T>(
  party: RemoteParty,
  action: RemoteAction,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toTransportError(error, party, action);
  }
}
