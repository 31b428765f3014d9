import type { BigIntStats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoOf, fromFileSystemError } from './file-system-errors.js';

/** One regular file in the inbox as seen at one moment. */
export interface InboxEntry {
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: Date;
  /** Device and inode, empty where the file system has no stable inode numbers. */
  readonly identity: string;
  /** Identity, size and mtime to the nanosecond: changes whenever the content may have. */
  readonly version: string;
}

/** Reads an lstat result the same way for listing, taking and acknowledging. */
export function entryFromStats(name: string, stats: BigIntStats): InboxEntry {
  // bigint stats: inode numbers beyond 2^53 exist (XFS, Btrfs) and mtime needs nanoseconds to
  // notice two writes within one millisecond.
  const identity = stats.ino === 0n ? '' : `${stats.dev}:${stats.ino}`;
  return {
    name,
    size: Number(stats.size),
    modifiedAt: new Date(Number(stats.mtimeMs)),
    identity,
    version: `${identity}/${stats.size}/${stats.mtimeNs}`,
  };
}

/**
 * Lists the regular files in `inbox`, including in-progress names (the caller needs those to
 * recognise renames). Symbolic links and folders are skipped: a link could point anywhere. A file
 * removed while we list is simply absent; an inbox that cannot be listed is a transport error.
 */
export async function listInbox(inbox: string): Promise<InboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(inbox);
  } catch (error) {
    throw fromFileSystemError(error, `listing inbox ${inbox}`);
  }
  const entries = await Promise.all(names.map((name) => statEntry(inbox, name)));
  return entries.filter((entry): entry is InboxEntry => entry !== undefined);
}

async function statEntry(inbox: string, name: string): Promise<InboxEntry | undefined> {
  try {
    const stats = await lstat(join(inbox, name), { bigint: true });
    return stats.isFile() ? entryFromStats(name, stats) : undefined;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw fromFileSystemError(error, `reading ${name} in inbox ${inbox}`);
  }
}
