import SftpClient from 'ssh2-sftp-client';
import type { Client, SFTPWrapper, Stats } from 'ssh2';
import { hostKeyFingerprint } from './host-key.js';
import {
  ConnectFailure,
  ConnectionLost,
  HostKeyMismatch,
  OperationTimeout,
  isNoSuchFile,
} from './sftp-errors.js';

/** Where to connect and how to log in; secrets are already resolved. */
export interface ConnectionTarget {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password?: string | undefined;
  readonly privateKey?: string | undefined;
  readonly passphrase?: string | undefined;
  /** The pinned `SHA256:` fingerprint; any other key is refused. */
  readonly hostKey: string;
}

export interface ConnectionTimeouts {
  readonly connectMs: number;
  /** A listing, stat, rename, delete or mkdir. */
  readonly operationMs: number;
  /** One whole download or upload. */
  readonly transferMs: number;
}

/** One entry of a remote folder listing. */
export type RemoteListing = SftpClient.FileInfo;

// ssh2 does not answer a polite end from a server that stopped responding; after this we cut it.
const END_GRACE_MS = 2_000;

/**
 * One SSH session with its SFTP channel. Every operation has a deadline; when it passes, the
 * session is destroyed (a stuck request cannot be cancelled otherwise) and the operation fails
 * with {@link OperationTimeout}. A session that ended for any reason is `broken` and is not used
 * again; its operations fail with {@link ConnectionLost}.
 *
 * @example
 * const connection = await SftpConnection.open(target, timeouts);
 * const names = (await connection.list('/out')).map((entry) => entry.name);
 */
export class SftpConnection {
  private brokenBy: unknown;
  private isBroken = false;
  private readonly brokenListeners: (() => void)[] = [];

  private constructor(
    private readonly client: SftpClient,
    private readonly sftp: SFTPWrapper,
    private readonly timeouts: ConnectionTimeouts,
  ) {}

  /**
   * Connects, checks the host key against the pin, logs in and opens the SFTP channel. Fails with
   * {@link HostKeyMismatch} or {@link ConnectFailure} (whose cause says what went wrong).
   */
  static async open(target: ConnectionTarget, timeouts: ConnectionTimeouts): Promise<SftpConnection> {
    let presented: string | undefined;
    let failure: unknown;
    let connection: SftpConnection | undefined;
    let endedEarly: { cause: unknown } | undefined;
    const markBroken = (cause: unknown) => {
      if (connection !== undefined) connection.markBroken(cause);
      else endedEarly ??= { cause };
    };
    // The library's default handlers print to the console; these record the event instead. Listeners
    // on the ssh2 client itself also see events the library marks as handled during a request.
    const client = new SftpClient('edi-gateway', { error: () => undefined });
    client.on('error', (error: unknown) => {
      failure ??= error;
      markBroken(error);
    });
    client.on('end', () => markBroken(new Error('the server ended the session')));
    client.on('close', () => markBroken(new Error('the session was closed')));
    try {
      const sftp = await withDeadline(
        client.connect({
          host: target.host,
          port: target.port,
          username: target.username,
          ...(target.password === undefined ? {} : { password: target.password }),
          ...(target.privateKey === undefined ? {} : { privateKey: target.privateKey }),
          ...(target.passphrase === undefined ? {} : { passphrase: target.passphrase }),
          readyTimeout: timeouts.connectMs,
          hostVerifier: (key: Buffer) => {
            presented = hostKeyFingerprint(key);
            return presented === target.hostKey;
          },
        }),
        timeouts.connectMs,
        () => sshClientOf(client).destroy(),
      );
      // The SFTP channel emits 'error' on a protocol fault; without a listener that would crash.
      sftp.on('error', (error: unknown) => markBroken(error));
      connection = new SftpConnection(client, sftp, timeouts);
      if (endedEarly !== undefined) connection.markBroken(endedEarly.cause);
      return connection;
    } catch (error) {
      sshClientOf(client).destroy();
      if (presented !== undefined && presented !== target.hostKey) {
        throw new HostKeyMismatch(target.hostKey, presented);
      }
      // ssh2-sftp-client rewraps errors and drops ssh2's `level` (authentication, timeout, DNS);
      // the error the ssh2 client emitted still has it.
      throw new ConnectFailure(failure ?? error, timeouts.connectMs);
    }
  }

  get broken(): boolean {
    return this.isBroken;
  }

  /** Called once when the session ends or fails, so that a pool can forget it. */
  onBroken(listener: () => void): void {
    this.brokenListeners.push(listener);
  }

  list(path: string): Promise<RemoteListing[]> {
    return this.run(this.timeouts.operationMs, () => this.client.list(path));
  }

  /** The attributes of `path` itself (a link is not followed). */
  lstat(path: string): Promise<Stats> {
    // Straight on the channel: ssh2-sftp-client turns several status codes into "no such file".
    return this.run(
      this.timeouts.operationMs,
      () =>
        new Promise<Stats>((resolve, reject) =>
          this.sftp.lstat(path, (error, stats) => (error ? reject(error) : resolve(stats))),
        ),
    );
  }

  /** Whether anything exists at `path`. */
  async exists(path: string): Promise<boolean> {
    try {
      await this.lstat(path);
      return true;
    } catch (error) {
      if (isNoSuchFile(error)) return false;
      throw error;
    }
  }

  /** Creates one folder; fails with the server's status when it exists or its parent does not. */
  makeFolder(path: string): Promise<void> {
    // Straight on the channel: the library's mkdir checks first and reports every failure alike.
    return this.run(
      this.timeouts.operationMs,
      () =>
        new Promise<void>((resolve, reject) =>
          this.sftp.mkdir(path, (error) => (error ? reject(error) : resolve())),
        ),
    );
  }

  /** The plain SFTP rename, which OpenSSH refuses (status 4) when `to` exists: it never overwrites. */
  async rename(from: string, to: string): Promise<void> {
    await this.run(this.timeouts.operationMs, () => this.client.rename(from, to));
  }

  async remove(path: string): Promise<void> {
    await this.run(this.timeouts.operationMs, () => this.client.delete(path));
  }

  /** Downloads the whole file into memory. */
  async read(path: string): Promise<Buffer> {
    const content = await this.run(this.timeouts.transferMs, () => this.client.get(path));
    if (Buffer.isBuffer(content)) return content;
    // The collector behind `get` yields an empty array, not a Buffer, for a file without bytes.
    if (Array.isArray(content) && content.length === 0) return Buffer.alloc(0);
    throw new Error(`reading ${path} gave no bytes`);
  }

  /** Uploads `bytes` to `path`, replacing what is there. */
  async write(path: string, bytes: Uint8Array): Promise<void> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await this.run(this.timeouts.transferMs, () => this.client.put(buffer, path));
  }

  /** Ends the session politely, cutting it when the server does not answer. */
  async end(): Promise<void> {
    this.markBroken(new Error('ended by us'));
    await withDeadline(this.client.end(), END_GRACE_MS, () => this.destroy()).catch(() => this.destroy());
  }

  destroy(): void {
    this.markBroken(new Error('destroyed by us'));
    sshClientOf(this.client).destroy();
  }

  private async run<T>(ms: number, work: () => Promise<T>): Promise<T> {
    if (this.isBroken) throw new ConnectionLost(this.brokenBy);
    try {
      return await withDeadline(work(), ms, () => this.destroy());
    } catch (error) {
      if (error instanceof OperationTimeout) throw error;
      if (this.isBroken) throw new ConnectionLost(error);
      throw error;
    }
  }

  private markBroken(cause: unknown): void {
    if (this.isBroken) return;
    this.isBroken = true;
    this.brokenBy = cause;
    for (const listener of this.brokenListeners.splice(0)) listener();
  }
}

/**
 * Settles like `work`, or rejects with {@link OperationTimeout} after `ms`, calling `onExpiry`
 * to abandon the work (the only way to stop an SFTP request is to drop its session).
 */
async function withDeadline<T>(work: Promise<T>, ms: number, onExpiry: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpiry();
      reject(new OperationTimeout(ms));
    }, ms);
  });
  // The abandoned work may still reject after the deadline; that rejection is already answered.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// ssh2-sftp-client keeps its ssh2 Client in `client`, absent from its published types; only that
// client can cut the socket of a session that stopped answering.
function sshClientOf(client: SftpClient): Client {
  return (client as unknown as { client: Client }).client;
}
