import { posix } from 'node:path';
import { archiveFolderName } from '../folder/index.js';
import { numberedName } from '../numbered-name.js';
import { TransportError } from '../transport-error.js';
import type { SftpConnection } from './sftp-connection.js';
import { type RemoteParty, inPartnerTerms, isGenericFailure, isNoSuchFile } from './sftp-errors.js';

const MAX_NUMBERED_NAMES = 1000;

/**
 * Moves a remote inbox file into `archive/<YYYY-MM-DD UTC>/` under its name, or a numbered variant
 * when that day already holds one: the plain SFTP rename never replaces a file, so a clash fails
 * and the next number is tried. Answers the archived path, or undefined when the file was already
 * gone (acknowledged before). Only the date folder is created: a missing archive root is the
 * partner's to fix, like a missing inbox.
 *
 * @example
 * await archiveRemoteFile(connection, party, '/out/PO-1.x12', '/out/archive', 'PO-1.x12', new Date());
 */
export async function archiveRemoteFile(
  connection: SftpConnection,
  party: RemoteParty,
  path: string,
  archive: string,
  name: string,
  when: Date,
): Promise<string | undefined> {
  const folder = posix.join(archive, archiveFolderName(when));
  await ensureFolder(connection, party, folder, archive);
  for (let attempt = 0; attempt < MAX_NUMBERED_NAMES; attempt += 1) {
    const target = posix.join(folder, numberedName(name, attempt));
    const moved = await inPartnerTerms(
      party,
      { doing: `archiving ${path} as ${target}`, subject: `archive folder ${folder}` },
      async () => {
        try {
          await connection.rename(path, target);
          return 'moved';
        } catch (error) {
          // OpenSSH answers a rename onto an existing name with its generic failure; a missing
          // source means an earlier acknowledgement got there first.
          if (isGenericFailure(error) && (await connection.exists(target))) return 'taken';
          if (isNoSuchFile(error) && !(await connection.exists(path))) return 'gone';
          throw error;
        }
      },
    );
    if (moved === 'moved') return target;
    if (moved === 'gone') return undefined;
  }
  throw TransportError.refused(
    `${party.where}: archiving ${path}: ${folder} already holds ${name} and ${MAX_NUMBERED_NAMES - 1} numbered variants; clear it out`,
  );
}

async function ensureFolder(
  connection: SftpConnection,
  party: RemoteParty,
  folder: string,
  archive: string,
): Promise<void> {
  await inPartnerTerms(
    party,
    { doing: `creating archive folder ${folder}`, subject: `archive ${archive}`, writing: true },
    async () => {
      if (await isFolder(connection, folder)) return;
      try {
        await connection.makeFolder(folder);
      } catch (error) {
        // Another acknowledgement created it meanwhile (OpenSSH reports that as a generic failure).
        if (!isGenericFailure(error) || !(await isFolder(connection, folder))) throw error;
      }
    },
  );
}

async function isFolder(connection: SftpConnection, path: string): Promise<boolean> {
  try {
    return (await connection.lstat(path)).isDirectory();
  } catch (error) {
    if (isNoSuchFile(error)) return false;
    throw error;
  }
}
