import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { inProgressNameFor } from '../in-progress-names.js';
import { TransportError } from '../transport-error.js';
import { findDeliveredCopy } from './delivered-copy.js';
import { errnoOf } from './file-system-errors.js';
import { numberedName } from '../numbered-name.js';
import { placeWithoutOverwrite } from './place-file.js';

const MAX_STAGING_ATTEMPTS = 100;

/**
 * Writes `bytes` into `outbox` so that a reader sees the whole file or nothing: first under an
 * in-progress name (`.<name>.part`, which partners' pollers ignore), fsynced so a power cut
 * cannot leave a renamed but empty file, then moved into place without overwriting. Returns the
 * name the file got. The same bytes under the same name, still waiting in the outbox, are a
 * redelivery (a sender that crashed before it could record the first one): that copy's name is
 * returned and nothing is written. File-system errors are left for the caller to translate.
 *
 * @example
 * const name = await writeOutboxFile('/van/out', 'INV-1.x12', bytes); // 'INV-1.x12' or 'INV-1-1.x12'
 */
export async function writeOutboxFile(outbox: string, name: string, bytes: Uint8Array): Promise<string> {
  const delivered = await findDeliveredCopy(outbox, name, bytes);
  if (delivered !== undefined) return delivered;
  const staging = await writeStaging(outbox, name, bytes);
  try {
    return await placeWithoutOverwrite(staging, outbox, name);
  } catch (error) {
    await unlink(staging).catch(() => undefined);
    throw error;
  }
}

async function writeStaging(outbox: string, name: string, bytes: Uint8Array): Promise<string> {
  for (let attempt = 0; attempt < MAX_STAGING_ATTEMPTS; attempt += 1) {
    // Exclusive create: two deliveries of the same name at once, or a staging file left by a
    // crash, must not write into the same staging file.
    const staging = join(outbox, inProgressNameFor(numberedName(name, attempt)));
    let handle;
    try {
      handle = await open(staging, 'wx');
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(staging).catch(() => undefined);
      throw error;
    }
    await handle.close();
    return staging;
  }
  throw TransportError.refused(
    `${MAX_STAGING_ATTEMPTS} staging files for ${name} already exist in ${outbox}; remove the stale .part files`,
  );
}
