import { chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';
import { SFTP_PASSWORD, SFTP_USER, startSshd, type SshdHarness } from '../transports/sshd-harness.js';
import { expectOneTransmissionAndOneAck, killBetweenStoreAndArchive } from './intake-crash.js';

const PASSWORD_VARIABLE = 'ACME_SFTP_PASSWORD';

describe('an SFTP intake killed with SIGKILL between storing a file and archiving it remotely', () => {
  let harness: Harness | undefined;
  let sshd: SshdHarness | undefined;
  let root: string | undefined;
  afterEach(async () => {
    await harness?.dispose();
    await sshd?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
    harness = sshd = root = undefined;
  });

  it('gives one transmission and one 997 when the file is taken again', { timeout: 60_000 }, async () => {
    sshd = await startSshd();
    root = await mkdtemp(join(tmpdir(), 'edi-sftp-crash-'));
    const [inbox, outbox, archive] = ['inbox', 'outbox', 'archive'].map((f) => join(root ?? '', f)) as [
      string,
      string,
      string,
    ];
    for (const folder of [root, inbox, outbox, archive]) {
      await mkdir(folder, { recursive: true });
      await chown(folder, sshd.uid, sshd.gid);
    }
    const transport = {
      type: 'sftp',
      host: sshd.host,
      port: sshd.port,
      username: SFTP_USER,
      password: { env: PASSWORD_VARIABLE },
      hostKey: sshd.hostKeyFingerprint,
      inbox,
      outbox,
      archive,
      pollSeconds: 5,
    };
    const h = (harness = await startHarness({
      transport,
      transportOptions: { sftp: { settleMs: 0 }, env: { [PASSWORD_VARIABLE]: SFTP_PASSWORD } },
    }));
    await writeFile(join(inbox, 'po-802.edi'), purchaseOrder850(802));
    await killBetweenStoreAndArchive(h, 'po-802.edi', { [PASSWORD_VARIABLE]: SFTP_PASSWORD });
    // Dead before the move: the file is still on the partner's server.
    expect(await readdir(inbox)).toEqual(['po-802.edi']);
    await expectOneTransmissionAndOneAck(
      h,
      () => readdir(inbox),
      async () =>
        (await readdir(outbox)).filter((name) => name.startsWith('997-') && !name.endsWith('.part')),
    );
    const [day] = await readdir(archive);
    expect(await readdir(join(archive, day ?? ''))).toEqual(['po-802.edi']);
  });
});
