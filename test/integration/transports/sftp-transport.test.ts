import { chown, mkdir, readFile, readdir, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import SftpClient from 'ssh2-sftp-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  binaryPayload,
  expectTransportError,
  pollUntilOffered,
  sleep,
  transportContract,
} from '../../contracts/transport-contract.js';
import { archiveFolderName } from '../../../src/transports/index.js';
import { type SftpFixture, type SftpFixtureOptions, createSftpFixture } from './sftp-fixture.js';
import { SFTP_PASSWORD, SFTP_USER, type SshdHarness, startSshd } from './sshd-harness.js';

// SFTP mtimes have whole seconds: a settle time above one second lets size and mtime tell versions apart.
const SETTLE_MS = 1_200;

let sshd: SshdHarness;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});

transportContract('sftp', () => createSftpFixture(sshd, { settleMs: SETTLE_MS }));

describe('SFTP transport: collecting and delivering', () => {
  const fixtures: SftpFixture[] = [];
  const fixture = async (options: Partial<SftpFixtureOptions> = {}) => {
    const created = await createSftpFixture(sshd, { settleMs: SETTLE_MS, ...options });
    fixtures.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(fixtures.splice(0).map((created) => created.dispose()));
  });

  async function takeAndAcknowledge(sftp: SftpFixture, name: string, bytes: Uint8Array): Promise<void> {
    await writeFile(join(sftp.inbox, name), bytes);
    const file = await pollUntilOffered(sftp, name);
    expect(await sftp.transport.take(file)).toEqual(bytes);
    await sftp.transport.acknowledgeTaken(file);
  }

  it('does not offer a file another SFTP client is still uploading, then offers all of it', async () => {
    const sftp = await fixture();
    const uploader = new SftpClient('partner', { error: () => undefined });
    await uploader.connect({
      host: sshd.host,
      port: sshd.port,
      username: SFTP_USER,
      password: SFTP_PASSWORD,
    });
    try {
      const stream = uploader.createWriteStream(join(sftp.inbox, 'PO-UPLOADING.x12'));
      const chunk = Buffer.from(binaryPayload(8_192, 5));
      const stopAt = Date.now() + SETTLE_MS * 3;
      let written = 0;
      while (Date.now() < stopAt) {
        await new Promise<void>((done, fail) =>
          stream.write(chunk, (error) => (error ? fail(error) : done())),
        );
        written += chunk.byteLength;
        expect((await sftp.transport.poll()).map((file) => file.name)).not.toContain('PO-UPLOADING.x12');
        await sleep(SETTLE_MS / 3);
      }
      await new Promise<void>((done) => stream.once('close', done).end());
      const file = await pollUntilOffered(sftp, 'PO-UPLOADING.x12');
      expect(file.size).toBe(written);
      expect((await sftp.transport.take(file)).byteLength).toBe(written);
    } finally {
      await uploader.end();
    }
  });

  it('offers a file renamed from an in-progress name at once, with its remote path', async () => {
    const sftp = await fixture({ settleMs: 60_000 });
    await writeFile(join(sftp.inbox, 'PO-9.x12.part'), binaryPayload(500));
    expect(await sftp.transport.poll()).toEqual([]);
    await rename(join(sftp.inbox, 'PO-9.x12.part'), join(sftp.inbox, 'PO-9.x12'));
    const [file, ...others] = await sftp.transport.poll();
    expect(others).toEqual([]);
    expect(file).toMatchObject({ name: 'PO-9.x12', path: join(sftp.inbox, 'PO-9.x12'), size: 500 });
    expect(await sftp.transport.take(file!)).toEqual(binaryPayload(500));
  });

  it("with completion 'rename', takes finished names as soon as they are seen", async () => {
    const sftp = await fixture({ settleMs: 60_000, settings: { completion: 'rename' } });
    await writeFile(join(sftp.inbox, 'PO-20.x12'), binaryPayload(30));
    await writeFile(join(sftp.inbox, 'PO-21.x12.tmp'), binaryPayload(30));
    expect((await sftp.transport.poll()).map((file) => file.name)).toEqual(['PO-20.x12']);
  });

  it('with a done suffix, takes a file only once its marker exists, and removes both', async () => {
    const sftp = await fixture({ settleMs: 60_000, settings: { completion: { doneSuffix: '.done' } } });
    await writeFile(join(sftp.inbox, 'PO-30.x12'), binaryPayload(40));
    await writeFile(join(sftp.inbox, 'PO-31.x12.done'), '');
    expect(await sftp.transport.poll()).toEqual([]);
    await writeFile(join(sftp.inbox, 'PO-30.x12.done'), '');
    const offered = await sftp.transport.poll();
    expect(offered.map((file) => file.name)).toEqual(['PO-30.x12']);
    await sftp.transport.take(offered[0]!);
    await sftp.transport.acknowledgeTaken(offered[0]!);
    expect(await readdir(sftp.inbox)).toEqual(['PO-31.x12.done']);
    expect(await sftp.partner.listArchive()).toEqual([{ name: 'PO-30.x12', bytes: binaryPayload(40) }]);
  });

  it('never offers folders or symbolic links', async () => {
    const sftp = await fixture({ settleMs: 0 });
    await mkdir(join(sftp.inbox, 'PO-DIR.x12'));
    await writeFile(join(sftp.root, 'elsewhere.x12'), 'outside the inbox');
    await symlink(join(sftp.root, 'elsewhere.x12'), join(sftp.inbox, 'PO-LINK.x12'));
    await writeFile(join(sftp.inbox, 'PO-40.x12'), binaryPayload(10));
    expect((await sftp.transport.poll()).map((file) => file.name)).toEqual(['PO-40.x12']);
  });

  it('archives under a UTC date folder it creates, numbering a second file of the same name', async () => {
    const sftp = await fixture({ settleMs: 0 });
    const before = archiveFolderName(new Date());
    await takeAndAcknowledge(sftp, 'PO-7.x12', binaryPayload(10, 1));
    await takeAndAcknowledge(sftp, 'PO-7.x12', binaryPayload(20, 2));
    const [dated, ...others] = await readdir(sftp.archive);
    expect(others).toEqual([]);
    expect([before, archiveFolderName(new Date())]).toContain(dated);
    const archived = join(sftp.archive, dated ?? '');
    expect((await readdir(archived)).sort()).toEqual(['PO-7-1.x12', 'PO-7.x12']);
    expect(new Uint8Array(await readFile(join(archived, 'PO-7.x12')))).toEqual(binaryPayload(10, 1));
    expect(new Uint8Array(await readFile(join(archived, 'PO-7-1.x12')))).toEqual(binaryPayload(20, 2));
    expect(await readdir(sftp.inbox)).toEqual([]);
  });

  it('deletes an acknowledged file when there is no archive', async () => {
    const sftp = await fixture({ settleMs: 0, withArchive: false });
    await takeAndAcknowledge(sftp, 'PO-8.x12', binaryPayload(10));
    expect(await readdir(sftp.inbox)).toEqual([]);
    expect(await readdir(sftp.archive)).toEqual([]);
  });

  it('leaves a file that changed after it was taken in the inbox', async () => {
    const sftp = await fixture({ settleMs: 0 });
    await writeFile(join(sftp.inbox, 'PO-13.x12'), binaryPayload(10));
    const file = await pollUntilOffered(sftp, 'PO-13.x12');
    await sftp.transport.take(file);
    await writeFile(join(sftp.inbox, 'PO-13.x12'), binaryPayload(30));
    await expectTransportError(sftp.transport.acknowledgeTaken(file), 'transport-file-changed', true);
    expect(await readdir(sftp.archive)).toEqual([]);
    expect((await pollUntilOffered(sftp, 'PO-13.x12')).size).toBe(30);
  });

  it('reports a missing archive as unavailable and keeps the file in the inbox', async () => {
    const sftp = await fixture({ settleMs: 0 });
    await writeFile(join(sftp.inbox, 'PO-14.x12'), binaryPayload(10));
    const file = await pollUntilOffered(sftp, 'PO-14.x12');
    await sftp.transport.take(file);
    await rename(sftp.archive, `${sftp.archive}-gone`);
    const error = await sftp.transport.acknowledgeTaken(file).catch((rejection: unknown) => rejection);
    expect(error).toMatchObject({ code: 'transport-unavailable', permanent: false });
    expect(String(error)).toContain(`archive ${sftp.archive} does not exist`);
    expect(await readdir(sftp.inbox)).toEqual(['PO-14.x12']);
  });

  it('numbers a delivery whose name is taken, leaving that file alone, and reports where it went', async () => {
    const sftp = await fixture();
    await writeFile(join(sftp.outbox, 'INV-2.x12'), 'theirs');
    // A temporary file of ours left by a crash is simply overwritten.
    await writeFile(join(sftp.outbox, 'INV-2.x12.part'), 'left by a crash, longer than the new one');
    await chown(join(sftp.outbox, 'INV-2.x12.part'), sshd.uid, sshd.gid);
    const receipt = await sftp.transport.deliver('INV-2.x12', binaryPayload(50));
    expect(receipt).toMatchObject({
      name: 'INV-2-1.x12',
      size: 50,
      location: `sftp://${SFTP_USER}@127.0.0.1:${sshd.port}${join(sftp.outbox, 'INV-2-1.x12')}`,
    });
    expect(await readFile(join(sftp.outbox, 'INV-2.x12'), 'utf8')).toBe('theirs');
    expect(new Uint8Array(await readFile(join(sftp.outbox, 'INV-2-1.x12')))).toEqual(binaryPayload(50));
    expect((await readdir(sftp.outbox)).sort()).toEqual(['INV-2-1.x12', 'INV-2.x12']);
  });

  it('numbers a delivery when the partner puts a file at its name while it uploads', async () => {
    const sftp = await fixture();
    const bytes = binaryPayload(4 * 1024 * 1024, 6);
    const delivering = sftp.transport.deliver('INV-6.x12', bytes);
    // The name was free when looked at; the plain rename at the end must not replace their file.
    const temporary = join(sftp.outbox, 'INV-6.x12.part');
    while (((await stat(temporary).catch(() => undefined))?.size ?? 0) === 0) await sleep(2);
    await writeFile(join(sftp.outbox, 'INV-6.x12'), 'theirs, put there meanwhile');
    expect((await delivering).name).toBe('INV-6-1.x12');
    expect(await readFile(join(sftp.outbox, 'INV-6.x12'), 'utf8')).toBe('theirs, put there meanwhile');
    expect((await readFile(join(sftp.outbox, 'INV-6-1.x12'))).equals(bytes)).toBe(true);
    expect((await readdir(sftp.outbox)).sort()).toEqual(['INV-6-1.x12', 'INV-6.x12']);
  });

  it('does not send a redelivery again when the first copy already got a numbered name', async () => {
    const sftp = await fixture();
    await writeFile(join(sftp.outbox, 'INV-3.x12'), binaryPayload(50, 1));
    const first = await sftp.transport.deliver('INV-3.x12', binaryPayload(50, 2));
    const again = await sftp.transport.deliver('INV-3.x12', binaryPayload(50, 2));
    expect([first.name, again.name]).toEqual(['INV-3-1.x12', 'INV-3-1.x12']);
    expect((await readdir(sftp.outbox)).sort()).toEqual(['INV-3-1.x12', 'INV-3.x12']);
  });

  it('uses the configured temporary suffix and refuses to deliver under it', async () => {
    const sftp = await fixture({ settings: { tempSuffix: '.uploading' } });
    await expectTransportError(
      sftp.transport.deliver('INV-4.x12.uploading', binaryPayload(5)),
      'transport-refused',
      true,
    );
    const bytes = binaryPayload(2_000_000);
    const delivering = sftp.transport.deliver('INV-4.x12', bytes);
    let sawTemporary = false;
    while (!sawTemporary && !(await readdir(sftp.outbox)).includes('INV-4.x12')) {
      sawTemporary = (await readdir(sftp.outbox)).includes('INV-4.x12.uploading');
    }
    await delivering;
    expect(sawTemporary).toBe(true);
    expect(await readdir(sftp.outbox)).toEqual(['INV-4.x12']);
  });
});
