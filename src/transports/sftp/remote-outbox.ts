import { posix } from 'node:path';
import { numberedName } from '../numbered-name.js';
import { TransportError } from '../transport-error.js';
import type { SftpConnection } from './sftp-connection.js';
import { type RemoteParty, inPartnerTerms, isGenericFailure, isNoSuchFile } from './sftp-errors.js';

const MAX_NUMBERED_NAMES = 1000;

/** Where and how one outbound file is written. */
export interface OutboundFile {
  readonly outbox: string;
  readonly name: string;
  readonly tempSuffix: string;
  readonly bytes: Uint8Array;
}

/**
 * Puts a file into the partner's outbox so that their poller sees all of it or nothing, and never
 * replaces one of their files; answers the name it got (`INV-1.x12`, or `INV-1-1.x12` on a clash).
 *
 * The same bytes already waiting under the name or a numbered variant are a redelivery after a
 * crash between the rename and recording the delivery: that name is answered and nothing is sent.
 * Otherwise the bytes go to `<name><tempSuffix>` (a stale one of ours is overwritten), whose size
 * is checked on the server, and are renamed into place with the plain SFTP rename, which OpenSSH
 * refuses onto an existing name (`posix-rename` would replace it), so a file that appeared
 * meanwhile pushes ours to the next number.
 *
 * @example
 * const placed = await deliverRemoteFile(connection, party, { outbox: '/in', name: 'INV-1.x12', tempSuffix: '.part', bytes });
 */
export async function deliverRemoteFile(
  connection: SftpConnection,
  party: RemoteParty,
  file: OutboundFile,
): Promise<string> {
  const { outbox, name, bytes } = file;
  const scan = await findDeliveredCopy(connection, party, file);
  if (scan.copy !== undefined) return scan.copy;
  const temp = posix.join(outbox, `${name}${file.tempSuffix}`);
  const outboxSubject = `outbox ${outbox}`;
  await inPartnerTerms(party, { doing: `uploading ${temp}`, subject: outboxSubject, writing: true }, () =>
    connection.write(temp, bytes),
  );
  const uploaded = await inPartnerTerms(party, { doing: `checking ${temp}`, subject: outboxSubject }, () =>
    connection.lstat(temp),
  );
  if (uploaded.size !== bytes.byteLength) {
    await connection.remove(temp).catch(() => undefined);
    throw TransportError.unavailable(
      `${party.where}: uploading ${temp}: the server holds ${uploaded.size} bytes instead of ${bytes.byteLength}; will retry`,
    );
  }
  for (let attempt = scan.firstFree; attempt < MAX_NUMBERED_NAMES; attempt += 1) {
    const candidate = numberedName(name, attempt);
    const target = posix.join(outbox, candidate);
    const placed = await inPartnerTerms(
      party,
      { doing: `renaming ${temp} to ${target}`, subject: outboxSubject },
      async () => {
        try {
          await connection.rename(temp, target);
          return true;
        } catch (error) {
          if (isGenericFailure(error) && (await connection.exists(target))) return false;
          throw error;
        }
      },
    );
    if (placed) return candidate;
  }
  await connection.remove(temp).catch(() => undefined);
  throw TransportError.refused(
    `${party.where}: delivering ${name}: ${outbox} already holds it and ${MAX_NUMBERED_NAMES - 1} numbered variants; ask the partner to collect them`,
  );
}

/**
 * Looks at `name` and its numbered variants up to the first free one for a regular file holding
 * exactly `bytes` (same size first, then the content).
 */
async function findDeliveredCopy(
  connection: SftpConnection,
  party: RemoteParty,
  file: OutboundFile,
): Promise<{ copy?: string; firstFree: number }> {
  for (let attempt = 0; attempt < MAX_NUMBERED_NAMES; attempt += 1) {
    const candidate = numberedName(file.name, attempt);
    const path = posix.join(file.outbox, candidate);
    const action = { doing: `looking for ${path}`, subject: `outbox ${file.outbox}` };
    const same = await inPartnerTerms(party, action, async () => {
      let size: number;
      try {
        const stats = await connection.lstat(path);
        if (!stats.isFile()) return 'different';
        size = stats.size;
      } catch (error) {
        if (isNoSuchFile(error)) return 'free';
        throw error;
      }
      if (size !== file.bytes.byteLength) return 'different';
      try {
        return (await connection.read(path)).equals(file.bytes) ? 'same' : 'different';
      } catch (error) {
        // Collected by the partner between the two requests: that copy is theirs now, look on.
        if (isNoSuchFile(error)) return 'different';
        throw error;
      }
    });
    if (same === 'same') return { copy: candidate, firstFree: attempt };
    if (same === 'free') return { firstFree: attempt };
  }
  return { firstFree: MAX_NUMBERED_NAMES };
}
