import { lstat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isInProgressName } from '../in-progress-names.js';
import type { DeliveryReceipt, InboundFile, Transport } from '../transport.js';
import { TransportError } from '../transport-error.js';
import { archiveFile } from './archive.js';
import { errnoOf, fromFileSystemError } from './file-system-errors.js';
import { type InboxEntry, entryFromStats, listInbox } from './inbox-listing.js';
import { writeOutboxFile } from './outbox-writer.js';
import { readInboxFile } from './read-inbox-file.js';
import { SettleTracker } from '../settle-tracker.js';
import { TakenLeases } from '../taken-leases.js';

/** The folders of a partner's `folder` transport; a partner config's `transport` fits as is. */
export interface FolderTransportSettings {
  readonly inbox: string;
  readonly outbox: string;
  /** Where acknowledged files go; without it they are deleted. */
  readonly archive?: string | undefined;
  readonly pollSeconds?: number | undefined;
}

export interface FolderTransportOptions {
  /**
   * How long a file must stay unchanged to count as complete. Default: 90% of `pollSeconds`, so
   * two consecutive polls qualify even when a timer fires a little early.
   */
  readonly settleMs?: number;
  /**
   * How long a taken file is withheld from `poll` while waiting for `acknowledgeTaken`. When the
   * gateway could not store it and never acknowledges, it is offered again after this. Default 15 minutes.
   */
  readonly takenLeaseMs?: number;
}

const DEFAULT_POLL_SECONDS = 60;
const DEFAULT_TAKEN_LEASE_MS = 15 * 60_000;

/**
 * A transport over a local or mounted folder pair (a VAN mailbox, a shared drive). Relative
 * paths are resolved against the current directory once, here.
 *
 * @example
 * const transport = createFolderTransport({ inbox: '/van/in', outbox: '/van/out', archive: '/van/archive', pollSeconds: 30 });
 * const files = await transport.poll();
 */
export function createFolderTransport(
  settings: FolderTransportSettings,
  options: FolderTransportOptions = {},
): Transport {
  const pollSeconds = settings.pollSeconds ?? DEFAULT_POLL_SECONDS;
  return new FolderTransport(
    resolve(settings.inbox),
    resolve(settings.outbox),
    settings.archive === undefined ? undefined : resolve(settings.archive),
    new SettleTracker(options.settleMs ?? Math.round(pollSeconds * 900)),
    new TakenLeases(options.takenLeaseMs ?? DEFAULT_TAKEN_LEASE_MS),
  );
}

class FolderTransport implements Transport {
  private closed = false;

  constructor(
    private readonly inbox: string,
    private readonly outbox: string,
    private readonly archive: string | undefined,
    private readonly tracker: SettleTracker,
    private readonly leases: TakenLeases,
  ) {}

  async poll(): Promise<InboundFile[]> {
    this.assertOpen('poll');
    const entries = await listInbox(this.inbox);
    const now = Date.now();
    return this.tracker
      .observe(entries, now)
      .filter((entry) => !this.leases.isHeld(entry.name, entry.version, now))
      .sort((a, b) => a.modifiedAt.getTime() - b.modifiedAt.getTime() || a.name.localeCompare(b.name))
      .map((entry) => toInboundFile(entry, join(this.inbox, entry.name)));
  }

  async take(file: InboundFile): Promise<Uint8Array> {
    this.assertOpen('take');
    const bytes = await readInboxFile(this.pathOf(file.name), file.reference, file.size);
    this.leases.hold(file.name, file.reference, Date.now());
    return bytes;
  }

  async acknowledgeTaken(file: InboundFile): Promise<void> {
    this.assertOpen('acknowledgeTaken');
    const path = this.pathOf(file.name);
    const current = await this.currentEntry(file.name);
    // Already gone: a repeated acknowledgement after a crash or a retry must succeed.
    if (current === undefined) return this.leases.release(file.name);
    if (current.version !== file.reference) {
      this.leases.release(file.name);
      throw TransportError.fileChanged(
        `${file.name} in ${this.inbox} changed after it was taken; it stays in the inbox and will be offered again`,
      );
    }
    if (this.archive === undefined) {
      await unlink(path).catch((error: unknown) => {
        if (errnoOf(error) !== 'ENOENT') throw fromFileSystemError(error, `deleting ${path}`);
      });
    } else {
      await archiveFile(path, this.archive, file.name, new Date());
    }
    this.leases.release(file.name);
  }

  async deliver(name: string, bytes: Uint8Array): Promise<DeliveryReceipt> {
    this.assertOpen('deliver');
    assertPlainName(name, 'deliver');
    if (isInProgressName(name)) {
      throw TransportError.refused(
        `cannot deliver ${name}: names starting with . or ending .part/.tmp are ignored by readers`,
      );
    }
    try {
      const placed = await writeOutboxFile(this.outbox, name, bytes);
      return {
        name: placed,
        size: bytes.byteLength,
        deliveredAt: new Date(),
        location: join(this.outbox, placed),
      };
    } catch (error) {
      throw fromFileSystemError(error, `delivering ${name} to outbox ${this.outbox}`);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private async currentEntry(name: string): Promise<InboxEntry | undefined> {
    try {
      return entryFromStats(name, await lstat(this.pathOf(name), { bigint: true }));
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return undefined;
      throw fromFileSystemError(error, `checking ${name} in inbox ${this.inbox}`);
    }
  }

  // An InboundFile can be built by anyone; a name with a separator must not reach outside the inbox.
  private pathOf(name: string): string {
    assertPlainName(name, 'use inbound file');
    return join(this.inbox, name);
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw TransportError.closed(operation);
  }
}

function assertPlainName(name: string, operation: string): void {
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw TransportError.refused(
      `cannot ${operation} ${JSON.stringify(name)}: a file name without folders is required`,
    );
  }
}

function toInboundFile(entry: InboxEntry, path: string): InboundFile {
  return { name: entry.name, path, size: entry.size, modifiedAt: entry.modifiedAt, reference: entry.version };
}
