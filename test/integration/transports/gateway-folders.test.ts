import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartnerRegistry } from '../../../src/partners/index.js';
import { preparePartnerFolders } from '../../../src/pipeline/index.js';
import { isUnderDataDir } from '../../../src/transports/index.js';
import { partnerYaml } from '../pipeline/pipeline-harness.js';

describe('the folders the gateway owns', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'edi-gateway-folders-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function partnersWith(transport: Record<string, unknown>): Promise<PartnerRegistry> {
    const dir = join(root, 'partners');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'acme-retail.yaml'), partnerYaml('', '', { transport }));
    return PartnerRegistry.fromDirectory(dir);
  }

  it('tells a folder under DATA_DIR from one elsewhere', () => {
    expect(isUnderDataDir('data/folders/acme/inbox', './data')).toBe(true);
    expect(isUnderDataDir('/mnt/van/in', './data')).toBe(false);
    expect(isUnderDataDir('./data', './data')).toBe(false);
    expect(isUnderDataDir('data-other/x', './data')).toBe(false);
  });

  it('creates inbox, outbox and archive under DATA_DIR at start, and leaves a missing share missing', async () => {
    const data = join(root, 'data');
    const share = join(root, 'mnt', 'van');
    const partners = await partnersWith({
      type: 'folder',
      inbox: join(data, 'folders', 'acme', 'inbox'),
      outbox: join(data, 'folders', 'acme', 'outbox'),
      archive: join(share, 'archive'),
      pollSeconds: 30,
    });
    const done = await preparePartnerFolders(partners, data);
    expect(done.created).toEqual([
      `partner acme-retail: created ${join(data, 'folders', 'acme', 'inbox')}`,
      `partner acme-retail: created ${join(data, 'folders', 'acme', 'outbox')}`,
    ]);
    expect((await stat(join(data, 'folders', 'acme', 'inbox'))).isDirectory()).toBe(true);
    await expect(stat(share)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await preparePartnerFolders(partners, data)).created).toEqual([]);
  });

  it("removes staging files a killed writer left in the outbox, keeps young ones and partners' files", async () => {
    const outbox = join(root, 'data', 'out');
    await mkdir(outbox, { recursive: true });
    const old = new Date(Date.now() - 5 * 60_000);
    for (const name of [
      '.997-000000001.x12.part',
      '.855-000000002.x12.a1b2c3d4.part',
      'PO-1.x12.tmp',
      '.hidden',
    ]) {
      await writeFile(join(outbox, name), 'x');
      await utimes(join(outbox, name), old, old);
    }
    await writeFile(join(outbox, '.855-000000003.x12.part'), 'being written now');
    const partners = await partnersWith({
      type: 'folder',
      inbox: join(root, 'data', 'in'),
      outbox,
      pollSeconds: 30,
    });
    const done = await preparePartnerFolders(partners, join(root, 'data'));
    expect(done.removed).toHaveLength(2);
    expect((await readdir(outbox)).sort()).toEqual(['.855-000000003.x12.part', '.hidden', 'PO-1.x12.tmp']);
  });
});
