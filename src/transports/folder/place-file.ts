import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { inProgressNameFor } from '../in-progress-names.js';
import { TransportError } from '../transport-error.js';
import { errnoOf } from './file-system-errors.js';
import { numberedName } from '../numbered-name.js';

const MAX_NUMBERED_NAMES = 1000;

// File systems (some SMB and FUSE mounts) that have no hard links answer with one of these.
const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * Moves a complete file into `directory` under `name`, or under a numbered variant when the name
 * is taken; never replaces an existing file, and the file appears there whole or not at all.
 * Returns the name it got.
 *
 * `rename` would replace a file that appeared at the target between a check and the rename, so
 * the move is a hard link (which fails with EEXIST instead) followed by removing the source.
 * Across file systems the file is first copied under an in-progress name in `directory`.
 *
 * @example
 * const placed = await placeWithoutOverwrite('/out/.INV-1.x12.part', '/out', 'INV-1.x12');
 */
export async function placeWithoutOverwrite(
  sourcePath: string,
  directory: string,
  name: string,
): Promise<string> {
  for (let attempt = 0; attempt < MAX_NUMBERED_NAMES; attempt += 1) {
    const candidate = numberedName(name, attempt);
    const placed = await tryPlace(sourcePath, directory, candidate);
    if (placed === 'placed') {
      await syncDirectory(directory);
      return candidate;
    }
  }
  throw TransportError.refused(
    `${directory} already holds ${name} and ${MAX_NUMBERED_NAMES - 1} numbered variants; clear it out`,
  );
}

async function tryPlace(
  sourcePath: string,
  directory: string,
  candidate: string,
): Promise<'placed' | 'taken'> {
  const target = join(directory, candidate);
  try {
    await link(sourcePath, target);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EEXIST') return 'taken';
    if (code === 'EXDEV') return copyAcross(sourcePath, directory, candidate);
    if (code !== undefined && LINKS_UNSUPPORTED.has(code)) return renameIfFree(sourcePath, target);
    throw error;
  }
  await unlink(sourcePath);
  return 'placed';
}

async function copyAcross(
  sourcePath: string,
  directory: string,
  candidate: string,
): Promise<'placed' | 'taken'> {
  // A random part: a staging copy left by a crash must not block every later attempt.
  const staging = join(directory, inProgressNameFor(`${candidate}.${randomUUID().slice(0, 8)}`));
  await copyFile(sourcePath, staging, constants.COPYFILE_EXCL);
  await syncFile(staging);
  const placed = await tryPlace(staging, directory, candidate);
  if (placed === 'taken') {
    await unlink(staging);
    return 'taken';
  }
  await unlink(sourcePath);
  return 'placed';
}

// Without hard links there is no atomic "create unless present"; the window between the check and
// the rename is the best such a file system allows.
async function renameIfFree(sourcePath: string, target: string): Promise<'placed' | 'taken'> {
  try {
    await lstat(target);
    return 'taken';
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw error;
  }
  await rename(sourcePath, target);
  return 'placed';
}

export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a new directory entry durable. Platforms that cannot fsync a directory are skipped. */
export async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    const code = errnoOf(error);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}
