import { open } from 'node:fs/promises';
import { TransportError } from '../transport-error.js';
import { errnoOf, fromFileSystemError } from './file-system-errors.js';
import { entryFromStats } from './inbox-listing.js';

/**
 * Reads an inbox file, checking that it is still the version that was polled (`expectedVersion`)
 * both before and after reading: a partner re-uploading in between must not hand us a mix of two
 * files.
 *
 * @example
 * const bytes = await readInboxFile('/van/in/PO-1.x12', file.reference, file.size);
 */
export async function readInboxFile(
  path: string,
  expectedVersion: string,
  expectedSize: number,
): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT')
      throw TransportError.fileChanged(`${path} is no longer in the inbox`, error);
    throw fromFileSystemError(error, `opening ${path}`);
  }
  try {
    const before = entryFromStats(path, await handle.stat({ bigint: true }));
    const buffer = await handle.readFile();
    const after = entryFromStats(path, await handle.stat({ bigint: true }));
    if (
      before.version !== expectedVersion ||
      after.version !== expectedVersion ||
      buffer.byteLength !== expectedSize
    ) {
      throw TransportError.fileChanged(
        `${path} changed since it was polled; it will be offered again once it settles`,
      );
    }
    // A plain Uint8Array: callers should not depend on Node's Buffer.
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw fromFileSystemError(error, `reading ${path}`);
  } finally {
    await handle.close();
  }
}
