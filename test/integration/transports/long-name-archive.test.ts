import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveFile } from '../../../src/transports/folder/archive.js';

let dir: string | undefined;

afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('archiving an inbox file with a 255-byte name', () => {
  it('archives it, and a second file of that name the same day, on a real file system', async () => {
    dir = await mkdtemp(join(tmpdir(), 'edi-gateway-long-'));
    const inbox = join(dir, 'inbox');
    const archive = join(dir, 'archive');
    await Promise.all([mkdir(inbox), mkdir(archive)]);
    const name = `${'A'.repeat(251)}.edi`;
    const when = new Date('2026-12-05T12:00:00Z');

    await writeFile(join(inbox, name), 'first');
    const first = await archiveFile(join(inbox, name), archive, name, when);
    await writeFile(join(inbox, name), 'second');
    const second = await archiveFile(join(inbox, name), archive, name, when);

    expect(basename(first)).toBe(name);
    expect(basename(second)).toMatch(/^A+~[0-9a-f]{8}\.edi$/);
    expect(Buffer.byteLength(basename(second))).toBe(255);
    expect((await readdir(join(archive, '2026-12-05'))).sort()).toEqual([basename(second), name].sort());
    expect(await readdir(inbox)).toEqual([]);
  });
});
