import { link, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  binaryPayload,
  expectTransportError,
  pollUntilOffered,
  sleep,
  transportContract,
} from '../../contracts/transport-contract.js';
import { archiveFolderName, createFolderTransport } from '../../../src/transports/index.js';
import { type FolderFixture, createFolderFixture } from './folder-fixture.js';

const SETTLE_MS = 80;
// tmpfs where there is one, so that the archive sits on another file system than the inbox.
const ARCHIVE_ELSEWHERE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

transportContract('folder', () => createFolderFixture({ settleMs: SETTLE_MS }));

describe('folder transport', () => {
  const fixtures: FolderFixture[] = [];
  const fixture = async (options: Parameters<typeof createFolderFixture>[0] = { settleMs: SETTLE_MS }) => {
    const created = await createFolderFixture(options);
    fixtures.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(fixtures.splice(0).map((created) => created.dispose()));
  });

  async function takeAndAcknowledge(folder: FolderFixture, name: string, bytes: Uint8Array): Promise<void> {
    await writeFile(join(folder.inbox, name), bytes);
    const file = await pollUntilOffered(folder, name);
    await folder.transport.take(file);
    await folder.transport.acknowledgeTaken(file);
  }

  it('archives under a UTC date folder, numbering a second file of the same name', async () => {
    const folder = await fixture();
    const before = archiveFolderName(new Date());
    await takeAndAcknowledge(folder, 'PO-7.x12', binaryPayload(10, 1));
    await takeAndAcknowledge(folder, 'PO-7.x12', binaryPayload(20, 2));
    const [dated, ...others] = await readdir(folder.archive);
    expect(others).toEqual([]);
    expect([before, archiveFolderName(new Date())]).toContain(dated);
    const archived = join(folder.archive, dated ?? '');
    expect((await readdir(archived)).sort()).toEqual(['PO-7-1.x12', 'PO-7.x12']);
    expect(new Uint8Array(await readFile(join(archived, 'PO-7.x12')))).toEqual(binaryPayload(10, 1));
    expect(new Uint8Array(await readFile(join(archived, 'PO-7-1.x12')))).toEqual(binaryPayload(20, 2));
  });

  it('deletes an acknowledged file when there is no archive', async () => {
    const folder = await fixture({ settleMs: SETTLE_MS, withArchive: false });
    await takeAndAcknowledge(folder, 'PO-8.x12', binaryPayload(10));
    expect(await readdir(folder.inbox)).toEqual([]);
    expect(await readdir(folder.archive)).toEqual([]);
  });

  it('offers a file renamed from an in-progress name at once, without waiting to settle', async () => {
    const folder = await fixture({ settleMs: 60_000 });
    await writeFile(join(folder.inbox, '.PO-9.x12.part'), binaryPayload(500));
    expect(await folder.transport.poll()).toEqual([]);
    await rename(join(folder.inbox, '.PO-9.x12.part'), join(folder.inbox, 'PO-9.x12'));
    const [file] = await folder.transport.poll();
    expect(file?.name).toBe('PO-9.x12');
    expect(await folder.transport.take(file!)).toEqual(binaryPayload(500));
  });

  it('waits for a new file that only shares the name of a vanished in-progress file', async () => {
    const folder = await fixture({ settleMs: 60_000 });
    await writeFile(join(folder.inbox, 'PO-10.x12.tmp'), binaryPayload(5));
    await folder.transport.poll();
    // The writer gave up; a hard link elsewhere keeps its inode from being reused by the next file.
    await link(join(folder.inbox, 'PO-10.x12.tmp'), join(folder.root, 'kept'));
    await rm(join(folder.inbox, 'PO-10.x12.tmp'));
    await writeFile(join(folder.inbox, 'PO-10.x12'), binaryPayload(5));
    expect(await folder.transport.poll()).toEqual([]);
  });

  it('numbers a delivery whose name is already in the outbox, leaving that file alone', async () => {
    const folder = await fixture();
    await writeFile(join(folder.outbox, 'INV-2.x12'), 'theirs');
    await writeFile(join(folder.outbox, '.INV-2.x12.part'), 'left by a crash');
    const receipt = await folder.transport.deliver('INV-2.x12', binaryPayload(50));
    expect(receipt).toMatchObject({
      name: 'INV-2-1.x12',
      size: 50,
      location: join(folder.outbox, 'INV-2-1.x12'),
    });
    expect(await readFile(join(folder.outbox, 'INV-2.x12'), 'utf8')).toBe('theirs');
    expect(new Uint8Array(await readFile(join(folder.outbox, 'INV-2-1.x12')))).toEqual(binaryPayload(50));
    expect((await readdir(folder.outbox)).sort()).toEqual(['.INV-2.x12.part', 'INV-2-1.x12', 'INV-2.x12']);
  });

  it('offers a taken file again when no acknowledgement comes within the lease', async () => {
    const folder = await fixture({ settleMs: SETTLE_MS, takenLeaseMs: 150 });
    await writeFile(join(folder.inbox, 'PO-12.x12'), binaryPayload(10));
    await folder.transport.take(await pollUntilOffered(folder, 'PO-12.x12'));
    expect(await folder.transport.poll()).toEqual([]);
    await sleep(200);
    expect((await folder.transport.poll()).map((file) => file.name)).toEqual(['PO-12.x12']);
  });

  it('leaves a file that changed after it was taken in the inbox instead of archiving it', async () => {
    const folder = await fixture();
    await writeFile(join(folder.inbox, 'PO-13.x12'), binaryPayload(10));
    const file = await pollUntilOffered(folder, 'PO-13.x12');
    await folder.transport.take(file);
    await writeFile(join(folder.inbox, 'PO-13.x12'), binaryPayload(30));
    await expectTransportError(folder.transport.acknowledgeTaken(file), 'transport-file-changed', true);
    expect(await readdir(folder.archive)).toEqual([]);
    expect((await pollUntilOffered(folder, 'PO-13.x12')).size).toBe(30);
  });

  it('keeps the file in the inbox when the archive is unreachable', async () => {
    const folder = await fixture();
    await writeFile(join(folder.inbox, 'PO-14.x12'), binaryPayload(10));
    const file = await pollUntilOffered(folder, 'PO-14.x12');
    await folder.transport.take(file);
    await rm(folder.archive, { recursive: true });
    await expectTransportError(folder.transport.acknowledgeTaken(file), 'transport-unavailable', false);
    expect(await readdir(folder.inbox)).toEqual(['PO-14.x12']);
  });

  it('reports a missing outbox as unavailable and an inbox that is a file as refused', async () => {
    const folder = await fixture();
    await rm(folder.outbox, { recursive: true });
    await expectTransportError(
      folder.transport.deliver('INV-3.x12', binaryPayload(5)),
      'transport-unavailable',
      false,
    );
    await rm(folder.inbox, { recursive: true });
    await writeFile(folder.inbox, 'not a folder');
    await expectTransportError(folder.transport.poll(), 'transport-refused', true);
  });

  it('archives across file systems by copying, still numbering on a clash', async () => {
    const folder = await fixture();
    const archive = await mkdtemp(join(ARCHIVE_ELSEWHERE, 'edi-archive-'));
    const transport = createFolderTransport(
      { inbox: folder.inbox, outbox: folder.outbox, archive },
      { settleMs: 0 },
    );
    try {
      for (const seed of [1, 2]) {
        await writeFile(join(folder.inbox, 'PO-15.x12'), binaryPayload(100, seed));
        const [file] = await transport.poll();
        await transport.take(file!);
        await transport.acknowledgeTaken(file!);
      }
      const [day] = await readdir(archive);
      const dated = join(archive, day ?? '');
      expect((await readdir(dated)).sort()).toEqual(['PO-15-1.x12', 'PO-15.x12']);
      expect(new Uint8Array(await readFile(join(dated, 'PO-15-1.x12')))).toEqual(binaryPayload(100, 2));
      expect(await readdir(folder.inbox)).toEqual([]);
    } finally {
      await rm(archive, { recursive: true, force: true });
    }
  });

  it('takes the settle time from pollSeconds by default', async () => {
    const folder = await fixture();
    const transport = createFolderTransport({ inbox: folder.inbox, outbox: folder.outbox, pollSeconds: 5 });
    await writeFile(join(folder.inbox, 'PO-16.x12'), binaryPayload(10));
    await transport.poll();
    await sleep(SETTLE_MS * 3);
    expect(await transport.poll()).toEqual([]);
  });
});
