import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoOf, fromFileSystemError } from './file-system-errors.js';
import { placeWithoutOverwrite } from './place-file.js';

/**
 * The folder a file acknowledged at `when` is archived in: `YYYY-MM-DD`, in UTC so that the
 * folder does not depend on the server's time zone or jump at daylight-saving changes.
 *
 * @example
 * archiveFolderName(new Date('2024-03-05T23:30:00Z')); // '2024-03-05'
 */
export function archiveFolderName(when: Date): string {
  return when.toISOString().slice(0, 10);
}

/**
 * Moves an inbox file into `archive/<date>/` under its original name, or a numbered variant when
 * a file of that name was already archived that day. Returns the archived path.
 *
 * Only the date folder is created: a missing archive root usually means a mount that dropped, and
 * creating it would quietly fill the local disk instead.
 *
 * @example
 * await archiveFile('/van/in/PO-1.x12', '/van/archive', 'PO-1.x12', new Date());
 */
export async function archiveFile(
  sourcePath: string,
  archive: string,
  name: string,
  when: Date,
): Promise<string> {
  const folder = join(archive, archiveFolderName(when));
  try {
    await mkdir(folder);
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw fromFileSystemError(error, `creating archive folder ${folder}`);
  }
  try {
    return join(folder, await placeWithoutOverwrite(sourcePath, folder, name));
  } catch (error) {
    throw fromFileSystemError(error, `archiving ${name} into ${folder}`);
  }
}
