import { lstat, mkdir, readdir, unlink } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { errnoOf, fromFileSystemError } from './file-system-errors.js';

/**
 * Whether `folder` lies under `dataDir` (both resolved against the current directory): such a
 * folder belongs to the gateway and may be created; any other may be a share that is not
 * mounted, which must stay an error rather than quietly fill the local disk.
 *
 * @example
 * isUnderDataDir('data/folders/acme/inbox', './data'); // true
 * isUnderDataDir('/mnt/van/in', './data'); // false
 */
export function isUnderDataDir(folder: string, dataDir: string): boolean {
  const inside = relative(resolve(dataDir), resolve(folder));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * Creates `folder` (and its parents) when it lies under `dataDir` and does not exist yet. Answers
 * whether it was created. A folder elsewhere is left alone.
 *
 * @example
 * await ensureGatewayFolder('data/folders/acme/inbox', './data'); // true on first start
 */
export async function ensureGatewayFolder(folder: string, dataDir: string): Promise<boolean> {
  if (!isUnderDataDir(folder, dataDir)) return false;
  try {
    await lstat(folder);
    return false;
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw fromFileSystemError(error, `checking folder ${folder}`);
  }
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw fromFileSystemError(error, `creating folder ${folder}`);
  }
  return true;
}

/**
 * Removes the files a writer of ours left under an in-progress name (`.INV-1.x12.part`) in a
 * folder we write to, when they have not changed for `olderThanMs`: they are what a process
 * killed in the middle of a write leaves behind, and the delivery they belonged to is retried
 * from the stored bytes anyway. A young one may belong to a living writer and is kept. Answers
 * the names removed; a folder that does not exist has none.
 *
 * @example
 * await removeStaleStaging('/van/out', 60_000); // ['.997-000000012.x12.part']
 */
export async function removeStaleStaging(
  folder: string,
  olderThanMs: number,
  now = Date.now(),
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return [];
    throw fromFileSystemError(error, `listing ${folder}`);
  }
  const removed: string[] = [];
  for (const name of names) {
    // Only our own naming: a leading dot and an in-progress suffix. A partner's `.tmp` upload in
    // a folder they also write to is theirs to finish.
    if (!name.startsWith('.') || !name.toLowerCase().endsWith('.part')) continue;
    const path = join(folder, name);
    try {
      const stats = await lstat(path);
      if (!stats.isFile() || now - stats.mtimeMs < olderThanMs) continue;
      await unlink(path);
      removed.push(name);
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw fromFileSystemError(error, `removing ${path}`);
    }
  }
  return removed;
}
