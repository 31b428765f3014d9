import { posix } from 'node:path';
import { isInProgressName } from '../in-progress-names.js';
import { TakenLeases } from '../taken-leases.js';
import type { DeliveryReceipt, InboundFile, Transport } from '../transport.js';
import { TransportError } from '../transport-error.js';
import { type CompletionRule, completionRule } from './completion.js';
import { ConnectionPool, PoolClosed } from './connection-pool.js';
import { archiveRemoteFile } from './remote-archive.js';
import { type RemoteEntry, entryFromStats, remoteEntries } from './remote-entry.js';
import { deliverRemoteFile } from './remote-outbox.js';
import { PerNameQueue } from './per-name-queue.js';
import { SftpConnection } from './sftp-connection.js';
import { type RemoteAction, isNoSuchFile, toTransportError } from './sftp-errors.js';
import {
  type ResolvedSftpSettings,
  type SftpTransportOptions,
  type SftpTransportSettings,
  resolveSftpSettings,
} from './sftp-settings.js';

/** The SFTP transport: a {@link Transport} that also counts the SSH sessions it opened. */
export interface SftpTransport extends Transport {
  /** SSH sessions opened so far; stays low while sessions are reused. */
  readonly connectionsOpened: number;
}

/**
 * A transport over a partner's SFTP server: collects their files from `inbox`, delivers ours to
 * `outbox`, over at most `maxConnections` reused SSH sessions to a server whose host key matches
 * the pinned `hostKey`. Failures come back as transport errors in the partner's terms.
 *
 * @example
 * const transport = createSftpTransport(
 *   { host: 'sftp.bigbox.example', port: 22, username: 'acme', password, hostKey: 'SHA256:...', inbox: '/out', outbox: '/in', archive: '/out/done' },
 *   { label: 'partner bigbox-retail' },
 * );
 * for (const file of await transport.poll()) { ... }
 */
export function createSftpTransport(
  settings: SftpTransportSettings,
  options: SftpTransportOptions = {},
): SftpTransport {
  return new RemoteTransport(resolveSftpSettings(settings, options));
}

class RemoteTransport implements SftpTransport {
  private closed = false;
  private readonly pool: ConnectionPool<SftpConnection>;
  private readonly completion: CompletionRule;
  private readonly leases: TakenLeases;
  private readonly deliveries = new PerNameQueue();

  constructor(private readonly settings: ResolvedSftpSettings) {
    this.pool = new ConnectionPool(
      () => SftpConnection.open(settings.target, settings.timeouts),
      settings.maxConnections,
      settings.idleCloseMs,
    );
    this.completion = completionRule(settings.completion, settings.settleMs);
    this.leases = new TakenLeases(settings.takenLeaseMs);
  }

  get connectionsOpened(): number {
    return this.pool.opened;
  }

  async poll(): Promise<InboundFile[]> {
    const { inbox } = this.settings;
    const listing = await this.remote(
      'poll',
      { doing: `listing inbox ${inbox}`, subject: `inbox ${inbox}` },
      (connection) => connection.list(inbox),
    );
    const now = Date.now();
    return this.completion
      .complete(remoteEntries(listing), now)
      .filter((entry) => !this.leases.isHeld(entry.name, entry.version, now))
      .sort((a, b) => a.modifiedAt.getTime() - b.modifiedAt.getTime() || a.name.localeCompare(b.name))
      .map((entry) => this.toInboundFile(entry));
  }

  async take(file: InboundFile): Promise<Uint8Array> {
    const path = this.pathOf(file.name, 'take');
    const bytes = await this.remote(
      'take',
      { doing: `downloading ${path}`, subject: `file ${path}` },
      async (connection) => {
        await this.expectVersion(connection, path, file, 'was polled');
        const content = await connection.read(path);
        if (content.byteLength !== file.size) throw this.changed(path, 'was polled');
        // Again afterwards: the partner may have replaced the file while it was downloading.
        await this.expectVersion(connection, path, file, 'was polled');
        return content;
      },
    );
    this.leases.hold(file.name, file.reference, Date.now());
    // A plain Uint8Array: callers should not depend on Node's Buffer.
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async acknowledgeTaken(file: InboundFile): Promise<void> {
    const path = this.pathOf(file.name, 'acknowledgeTaken');
    const { archive, party } = this.settings;
    const marker = this.completion.markerOf(file.name);
    await this.remote(
      'acknowledgeTaken',
      { doing: `acknowledging ${path}`, subject: `file ${path}` },
      async (connection) => {
        const current = await this.currentEntry(connection, path, file.name);
        if (current !== undefined && current.version !== file.reference) {
          this.leases.release(file.name);
          throw this.changed(path, 'was taken', 'it stays in the inbox and will be offered again');
        }
        // Already gone: a repeated acknowledgement after a crash or a retry must succeed.
        if (current !== undefined && archive !== undefined) {
          await archiveRemoteFile(connection, party, path, archive, file.name, new Date());
        } else if (current !== undefined) {
          await this.removeIfPresent(connection, path);
        }
        // After the file: a marker without its file is ignored, a file without its marker never completes.
        if (marker !== undefined) {
          await this.removeIfPresent(connection, posix.join(this.settings.inbox, marker));
        }
      },
    );
    this.leases.release(file.name);
  }

  async deliver(name: string, bytes: Uint8Array): Promise<DeliveryReceipt> {
    this.assertOpen('deliver');
    this.assertPlainName(name, 'deliver');
    const { outbox, tempSuffix, party, origin } = this.settings;
    if (isInProgressName(name) || name.endsWith(tempSuffix)) {
      const endings = [...new Set(['.part', '.tmp', tempSuffix])].join('/');
      throw TransportError.refused(
        `${party.where}: cannot deliver ${name}: names starting with . or ending ${endings} are ignored by readers`,
      );
    }
    const placed = await this.deliveries.run(name, () =>
      this.remote(
        'deliver',
        { doing: `delivering ${name} to outbox ${outbox}`, subject: `outbox ${outbox}` },
        (connection) => deliverRemoteFile(connection, party, { outbox, name, tempSuffix, bytes }),
      ),
    );
    const path = posix.join(outbox, placed);
    return {
      name: placed,
      size: bytes.byteLength,
      deliveredAt: new Date(),
      location: `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }

  /** Runs `work` on a pooled session, with every failure (connecting included) in the partner's terms. */
  private async remote<T>(
    operation: string,
    action: RemoteAction,
    work: (connection: SftpConnection) => Promise<T>,
  ): Promise<T> {
    this.assertOpen(operation);
    try {
      return await this.pool.use(work);
    } catch (error) {
      if (error instanceof PoolClosed) throw TransportError.closed(operation);
      throw toTransportError(error, this.settings.party, action);
    }
  }

  private async expectVersion(
    connection: SftpConnection,
    path: string,
    file: InboundFile,
    since: string,
  ): Promise<void> {
    const current = await this.currentEntry(connection, path, file.name);
    if (current === undefined) {
      throw TransportError.fileChanged(`${this.settings.party.where}: ${path} is no longer in the inbox`);
    }
    if (current.version !== file.reference) throw this.changed(path, since);
  }

  private async currentEntry(
    connection: SftpConnection,
    path: string,
    name: string,
  ): Promise<RemoteEntry | undefined> {
    try {
      return entryFromStats(name, await connection.lstat(path));
    } catch (error) {
      if (isNoSuchFile(error)) return undefined;
      throw error;
    }
  }

  private async removeIfPresent(connection: SftpConnection, path: string): Promise<void> {
    await connection.remove(path).catch((error: unknown) => {
      if (!isNoSuchFile(error)) throw error;
    });
  }

  private changed(
    path: string,
    since: string,
    outcome = 'it will be offered again once it settles',
  ): TransportError {
    return TransportError.fileChanged(
      `${this.settings.party.where}: ${path} changed since it ${since}; ${outcome}`,
    );
  }

  // An InboundFile can be built by anyone; a name with a separator must not reach outside the inbox.
  private pathOf(name: string, operation: string): string {
    this.assertOpen(operation);
    this.assertPlainName(name, operation);
    return posix.join(this.settings.inbox, name);
  }

  private toInboundFile(entry: RemoteEntry): InboundFile {
    const path = posix.join(this.settings.inbox, entry.name);
    return {
      name: entry.name,
      path,
      size: entry.size,
      modifiedAt: entry.modifiedAt,
      reference: entry.version,
    };
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw TransportError.closed(operation);
  }

  private assertPlainName(name: string, operation: string): void {
    if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
      throw TransportError.refused(
        `${this.settings.party.where}: cannot ${operation} ${JSON.stringify(name)}: a file name without folders is required`,
      );
    }
  }
}
