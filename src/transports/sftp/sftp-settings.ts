import { TransportError } from '../transport-error.js';
import type { Completion } from './completion.js';
import { normalisedFingerprint } from './host-key.js';
import type { ConnectionTarget, ConnectionTimeouts } from './sftp-connection.js';
import type { RemoteParty } from './sftp-errors.js';

/** A partner's SFTP server and folders; a partner config's `transport` maps onto it. */
export interface SftpTransportSettings extends ConnectionTarget {
  // From ConnectionTarget: host, port, username, the already resolved secrets (at least a password
  // or a private key), and hostKey, `SHA256:` and 43 base64 characters as `ssh-keygen -lf` prints.
  /** The remote folder we collect the partner's files from. */
  readonly inbox: string;
  /** The remote folder we deliver our files to. */
  readonly outbox: string;
  /** Where collected files go (into a dated folder); without it they are deleted. */
  readonly archive?: string | undefined;
  /** Default 60. */
  readonly pollSeconds?: number | undefined;
  /** Uploads go to `<name><tempSuffix>` and are renamed when complete. Default `.part`. */
  readonly tempSuffix?: string | undefined;
  /** How the partner signals a complete upload. Default `stable`. */
  readonly completion?: Completion | undefined;
}

export interface SftpTransportOptions {
  /** Who the server belongs to, at the start of every error message (`partner bigbox-retail`). */
  readonly label?: string;
  /** How long a file must stay unchanged to count as complete. Default 90% of `pollSeconds`. */
  readonly settleMs?: number;
  /** How long a taken file is withheld from `poll` while waiting for acknowledgement. Default 15 min. */
  readonly takenLeaseMs?: number;
  /** Open connections at most, per transport (so per partner). Default 2. */
  readonly maxConnections?: number;
  /** Default 20 s. */
  readonly connectTimeoutMs?: number;
  /** A listing, stat, rename or delete. Default 30 s. */
  readonly operationTimeoutMs?: number;
  /** One download or upload. Default 5 min. */
  readonly transferTimeoutMs?: number;
  /** Idle connections are closed after this. Default 30 s. */
  readonly idleCloseMs?: number;
}

/** Settings and options checked, with every default filled in. */
export interface ResolvedSftpSettings {
  readonly party: RemoteParty;
  readonly target: ConnectionTarget;
  readonly timeouts: ConnectionTimeouts;
  readonly inbox: string;
  readonly outbox: string;
  readonly archive: string | undefined;
  readonly tempSuffix: string;
  readonly completion: Completion;
  readonly settleMs: number;
  readonly takenLeaseMs: number;
  readonly maxConnections: number;
  readonly idleCloseMs: number;
  /** `sftp://user@host:port`, to which a remote path is appended for receipts. */
  readonly origin: string;
}

const DEFAULT_POLL_SECONDS = 60;

/**
 * Fills in defaults and refuses settings that could never work, naming the setting: a
 * malformed host key pin, no credentials, a suffix with a folder in it. Failing here, when the
 * transport is opened, beats failing the same way on every poll.
 */
export function resolveSftpSettings(
  settings: SftpTransportSettings,
  options: SftpTransportOptions,
): ResolvedSftpSettings {
  const hostPort = `${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${settings.port}`;
  const server = `SFTP ${settings.username}@${hostPort}`;
  const where = options.label === undefined ? server : `${options.label} (${server})`;
  const refuse = (problem: string) => TransportError.refused(`${where}: ${problem}`);

  const hostKey = normalisedFingerprint(settings.hostKey);
  if (hostKey === undefined) {
    throw refuse(
      `hostKey ${JSON.stringify(settings.hostKey)} is not a fingerprint as ssh-keygen -lf prints it (SHA256: and 43 characters)`,
    );
  }
  if (settings.password === undefined && settings.privateKey === undefined) {
    throw refuse('neither a password nor a private key is set; give one of them');
  }
  const tempSuffix = settings.tempSuffix ?? '.part';
  const completion = settings.completion ?? 'stable';
  for (const [setting, suffix] of [
    ['tempSuffix', tempSuffix],
    ['doneSuffix', typeof completion === 'object' ? completion.doneSuffix : '.'],
  ] as const) {
    if (suffix === '' || /[/\\\0]/.test(suffix)) {
      throw refuse(`${setting} ${JSON.stringify(suffix)} must be a non-empty name ending such as .part`);
    }
  }
  const maxConnections = options.maxConnections ?? 2;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw refuse(`maxConnections must be a whole number of at least 1, not ${maxConnections}`);
  }
  const pollSeconds = settings.pollSeconds ?? DEFAULT_POLL_SECONDS;
  return {
    party: { where, username: settings.username, host: settings.host, port: settings.port },
    target: {
      host: settings.host,
      port: settings.port,
      username: settings.username,
      password: settings.password,
      privateKey: settings.privateKey,
      passphrase: settings.passphrase,
      hostKey,
    },
    timeouts: {
      connectMs: options.connectTimeoutMs ?? 20_000,
      operationMs: options.operationTimeoutMs ?? 30_000,
      transferMs: options.transferTimeoutMs ?? 5 * 60_000,
    },
    inbox: settings.inbox,
    outbox: settings.outbox,
    archive: settings.archive,
    tempSuffix,
    completion,
    settleMs: options.settleMs ?? Math.round(pollSeconds * 900),
    takenLeaseMs: options.takenLeaseMs ?? 15 * 60_000,
    maxConnections,
    idleCloseMs: options.idleCloseMs ?? 30_000,
    origin: `sftp://${encodeURIComponent(settings.username)}@${hostPort}`,
  };
}
