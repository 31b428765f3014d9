import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransportFixture } from '../../contracts/transport-contract.js';
import {
  type SftpTransport,
  type SftpTransportOptions,
  type SftpTransportSettings,
  createSftpTransport,
} from '../../../src/transports/index.js';
import { localPartnerSide } from './folder-fixture.js';
import { SFTP_PASSWORD, SFTP_USER, type SshdHarness } from './sshd-harness.js';

export interface SftpFixture extends TransportFixture {
  readonly transport: SftpTransport;
  readonly root: string;
  readonly inbox: string;
  readonly outbox: string;
  readonly archive: string;
  /** Settings of the fixture's transport, to build another one over the same folders. */
  readonly settings: SftpTransportSettings;
}

export interface SftpFixtureOptions extends SftpTransportOptions {
  readonly settleMs: number;
  readonly withArchive?: boolean;
  readonly settings?: Partial<SftpTransportSettings>;
}

/**
 * Fresh inbox, outbox and archive folders on the local sshd, owned by the test user so that it
 * may rename and delete in them, and a transport logging in with its password. The partner's side
 * reads and writes the same folders straight on the file system (the server is this machine).
 */
export async function createSftpFixture(
  sshd: SshdHarness,
  options: SftpFixtureOptions,
): Promise<SftpFixture> {
  const root = await mkdtemp(join(tmpdir(), 'edi-sftp-transport-'));
  const [inbox, outbox, archive] = ['inbox', 'outbox', 'archive'].map((folder) => join(root, folder)) as [
    string,
    string,
    string,
  ];
  for (const folder of [inbox, outbox, archive]) await mkdir(folder);
  for (const folder of [root, inbox, outbox, archive]) await chown(folder, sshd.uid, sshd.gid);
  const { settings: overrides, withArchive, ...transportOptions } = options;
  const settings: SftpTransportSettings = {
    host: sshd.host,
    port: sshd.port,
    username: SFTP_USER,
    password: SFTP_PASSWORD,
    hostKey: sshd.hostKeyFingerprint,
    inbox,
    outbox,
    archive: withArchive === false ? undefined : archive,
    pollSeconds: 5,
    ...overrides,
  };
  const transport = createSftpTransport(settings, { idleCloseMs: 5_000, ...transportOptions });
  const partner = localPartnerSide(inbox, outbox, archive);
  return {
    transport,
    partner,
    settleMs: options.settleMs,
    root,
    inbox,
    outbox,
    archive,
    settings,
    dispose: async () => {
      await transport.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
