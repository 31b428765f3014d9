import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PartnerSide, TransportFixture } from '../../contracts/transport-contract.js';
import { type FolderTransportOptions, createFolderTransport } from '../../../src/transports/index.js';

export interface FolderFixture extends TransportFixture {
  readonly root: string;
  readonly inbox: string;
  readonly outbox: string;
  readonly archive: string;
}

/** Fresh inbox, outbox and archive folders under a new temporary directory. */
export async function createFolderFixture(
  options: FolderTransportOptions & { settleMs: number; withArchive?: boolean },
): Promise<FolderFixture> {
  const root = await mkdtemp(join(tmpdir(), 'edi-folder-transport-'));
  const [inbox, outbox, archive] = ['inbox', 'outbox', 'archive'].map((folder) => join(root, folder)) as [
    string,
    string,
    string,
  ];
  await Promise.all([inbox, outbox, archive].map((folder) => mkdir(folder)));
  const transport = createFolderTransport(
    { inbox, outbox, archive: options.withArchive === false ? undefined : archive, pollSeconds: 5 },
    options,
  );
  const partner = localPartnerSide(inbox, outbox, archive);
  return {
    transport,
    partner,
    settleMs: options.settleMs,
    root,
    inbox,
    outbox,
    archive,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * The partner's side of folders on this machine, read and written straight on the file system:
 * the folder transport's own folders, or an SFTP server's when that server is this machine.
 */
export function localPartnerSide(inbox: string, outbox: string, archive: string): PartnerSide {
  return {
    writeInbox: (name, bytes) => writeFile(join(inbox, name), bytes),
    appendInbox: (name, bytes) => appendFile(join(inbox, name), bytes),
    listInbox: () => readdir(inbox),
    removeInbox: () => rm(inbox, { recursive: true }),
    listOutbox: () => readdir(outbox),
    readOutbox: async (name) => new Uint8Array(await readFile(join(outbox, name))),
    listArchive: async () => {
      const paths = (await readdir(archive, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
      return Promise.all(
        paths.map(async (path) => ({ name: basename(path), bytes: new Uint8Array(await readFile(path)) })),
      );
    },
  };
}
