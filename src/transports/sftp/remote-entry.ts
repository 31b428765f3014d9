import type { Stats } from 'ssh2';
import type { SettleEntry } from '../settle-tracker.js';
import type { RemoteListing } from './sftp-connection.js';

/** One regular file in a remote folder as seen at one moment. */
export interface RemoteEntry extends SettleEntry {
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: Date;
  /** SFTP has no inode numbers: always empty. */
  readonly identity: '';
  /**
   * Size and mtime. SFTP gives mtimes in whole seconds, so a rewrite of the same size within one
   * second goes unnoticed; waiting `settleMs` (more than a second) after the last change covers it.
   */
  readonly version: string;
}

/** The regular files of a listing; links, folders and other kinds are left out. */
export function remoteEntries(listing: readonly RemoteListing[]): RemoteEntry[] {
  return listing
    .filter((item) => item.type === '-')
    .map((item) => entryOf(item.name, item.size, Math.floor(item.modifyTime / 1000)));
}

/** The entry for `name` from an lstat answer, or undefined when it is not a regular file. */
export function entryFromStats(name: string, stats: Stats): RemoteEntry | undefined {
  return stats.isFile() ? entryOf(name, stats.size, stats.mtime) : undefined;
}

function entryOf(name: string, size: number, mtimeSeconds: number): RemoteEntry {
  return {
    name,
    size,
    modifiedAt: new Date(mtimeSeconds * 1000),
    identity: '',
    version: `${size}/${mtimeSeconds}`,
  };
}
