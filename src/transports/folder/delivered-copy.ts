import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoOf } from './file-system-errors.js';
import { numberedName } from '../numbered-name.js';

const MAX_NUMBERED_NAMES = 1000;

/**
 * The name under which exactly these bytes already wait in the outbox, looking at `name` and its
 * numbered variants up to the first free one; undefined when there is no such copy. A sender that
 * died after placing a file but before recording it as sent delivers it again on retry, and the
 * partner must not receive it twice.
 *
 * @example
 * await findDeliveredCopy('/van/out', '997-000000012.x12', bytes); // '997-000000012.x12' or undefined
 */
export async function findDeliveredCopy(
  outbox: string,
  name: string,
  bytes: Uint8Array,
): Promise<string | undefined> {
  for (let attempt = 0; attempt < MAX_NUMBERED_NAMES; attempt += 1) {
    const candidate = numberedName(name, attempt);
    const path = join(outbox, candidate);
    let size: number;
    try {
      const stats = await lstat(path);
      if (!stats.isFile()) continue;
      size = stats.size;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return undefined;
      throw error;
    }
    if (size !== bytes.byteLength) continue;
    try {
      if ((await readFile(path)).equals(bytes)) return candidate;
    } catch (error) {
      // Collected by the partner between the two calls: that copy is theirs now, look on.
      if (errnoOf(error) !== 'ENOENT') throw error;
    }
  }
  return undefined;
}
