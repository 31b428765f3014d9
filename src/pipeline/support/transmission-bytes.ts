import { bytesArchived, checkActor, transmissionNotFound } from './support-errors.js';
import type { SupportDeps } from './support-deps.js';

/** A stored file as it was received or sent. */
export interface TransmissionBytes {
  /** The file name it came or went under; a name made from the id when it had none. */
  fileName: string;
  bytes: Buffer;
}

/**
 * The stored bytes of a transmission, exactly as received or sent. Audited: reading a file is
 * reading the customer data in it.
 *
 * @example
 * const { fileName, bytes } = await transmissionBytes(id, 'alice', deps);
 */
export async function transmissionBytes(
  id: string,
  actor: string,
  deps: SupportDeps,
): Promise<TransmissionBytes> {
  const who = checkActor(actor);
  const stored = await deps.repositories.transmissions.get(id);
  if (stored === null) throw transmissionNotFound(id);
  if (stored.payload === null) throw bytesArchived(id, stored.archiveRef);
  await deps.repositories.audit.record({
    actor: who,
    action: 'transmission-downloaded',
    subjectType: 'transmission',
    subjectId: id,
  });
  const fileName = stored.sourceRef?.split(/[/\\]/).pop() || `${id}.edi`;
  return { fileName, bytes: stored.payload };
}
