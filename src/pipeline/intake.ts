import type { PartnerConfig } from '../partners/index.js';
import type { InboundMeta, TransmissionStore } from '../store/index.js';
import { isTransportError, type Transport } from '../transports/index.js';
import { enqueueInbound, type PipelineQueues } from './queues.js';

export interface IntakeDeps {
  transmissions: TransmissionStore;
  queues: PipelineQueues;
}

/**
 * Stores received bytes as a transmission, then queues their reading. Storing comes first and
 * its failure is thrown, so the caller tells the sender (leaves the file, answers 5xx): nothing
 * is acknowledged that is not stored. A failure to enqueue is thrown too; the bytes are safe and
 * the transmission stays `received`, where a sweep or `reprocess` finds it.
 *
 * @example
 * const id = await intakeFile(bytes, { channel: 'http', sourceRef: requestId }, deps);
 */
export async function intakeFile(bytes: Uint8Array, meta: InboundMeta, deps: IntakeDeps): Promise<string> {
  const transmissionId = await deps.transmissions.recordInbound(bytes, meta);
  await enqueueInbound(deps.queues, transmissionId);
  return transmissionId;
}

/**
 * One pass over a partner's inbox: each complete file is taken, stored and queued, and only then
 * removed from the inbox. A file that changed since the poll is skipped (the next poll offers the
 * new version); a failure to store stops the pass and is thrown, leaving that file and the rest
 * in the inbox. Returns the ids of the transmissions stored.
 *
 * @example
 * const ids = await pollFolderOnce(transport, registry.get('dropship-direct'), deps);
 */
export async function pollFolderOnce(
  transport: Transport,
  partner: PartnerConfig,
  deps: IntakeDeps,
): Promise<string[]> {
  const stored: string[] = [];
  for (const file of await transport.poll()) {
    let bytes: Uint8Array;
    try {
      bytes = await transport.take(file);
    } catch (error) {
      if (isTransportError(error) && error.code === 'transport-file-changed') continue;
      throw error;
    }
    const meta = { channel: 'folder', sourceRef: file.name, partnerId: partner.id } as const;
    stored.push(await intakeFile(bytes, meta, deps));
    await transport.acknowledgeTaken(file);
  }
  return stored;
}
