import { createHash } from 'node:crypto';
import { partnerLabel, type GatewayMetrics, type Logger } from '../observability/index.js';
import type { PartnerConfig } from '../partners/index.js';
import type { InboundMeta, OnceInboundMeta, TransmissionChannel, TransmissionStore } from '../store/index.js';
import { isTransportError, type InboundFile, type Transport } from '../transports/index.js';
import { enqueueInbound } from './job-queue.js';
import type { JobQueue } from './job-queue.js';

export interface IntakeDeps {
  transmissions: TransmissionStore;
  queues: JobQueue;
  /** Each stored transmission is logged here (debug). */
  logger?: Logger;
  /** `edi_intake_bytes_total` is counted here. */
  metrics?: GatewayMetrics;
}

/** What {@link intakeOnce} did with bytes that may have been received before. */
export interface IntakeOutcome {
  transmissionId: string;
  /** True when the same upload was stored before: nothing was stored or queued now. */
  duplicate: boolean;
  /** The sha256 of the stored bytes (the first intake's, on a duplicate). */
  sha256: string;
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
export async function intakeFile(
  bytes: Uint8Array,
  meta: InboundMeta,
  deps: IntakeDeps,
  options: IntakeOptions = {},
): Promise<string> {
  const transmissionId = await deps.transmissions.recordInbound(bytes, meta);
  noteStored(transmissionId, bytes, meta, deps);
  await enqueueInbound(deps.queues, transmissionId, options.holdAcknowledgementsMs);
  return transmissionId;
}

export interface IntakeOptions {
  /**
   * The sender waits this long for the acknowledgements in the answer to its post: their delivery
   * over the partner's transport is queued for after it, and skipped when the answer carried them.
   * A crash meanwhile leaves the delayed delivery in the queue, so they are never lost.
   */
  holdAcknowledgementsMs?: number;
}

/**
 * Like {@link intakeFile} for bytes that can arrive twice as the same upload: an inbox file taken
 * again because the process died before it left the inbox, or a post retried with the same
 * Idempotency-Key. The second intake stores nothing, so the interchange is read and acknowledged
 * once; it is queued again only if the first intake never got that far.
 *
 * @example
 * const { transmissionId, duplicate } = await intakeOnce(bytes, { channel: 'http', partnerId, intakeKey: `http|${partnerId}|${key}` }, deps);
 */
export async function intakeOnce(
  bytes: Uint8Array,
  meta: OnceInboundMeta,
  deps: IntakeDeps,
  options: IntakeOptions = {},
): Promise<IntakeOutcome> {
  const stored = await deps.transmissions.recordInboundOnce(bytes, meta);
  if (stored.duplicate) {
    const first = await deps.transmissions.summary(stored.id);
    if (first?.status === 'received') await enqueueInbound(deps.queues, stored.id);
  } else {
    noteStored(stored.id, bytes, meta, deps);
    await enqueueInbound(deps.queues, stored.id, options.holdAcknowledgementsMs);
  }
  return { transmissionId: stored.id, duplicate: stored.duplicate, sha256: stored.sha256 };
}

/** What one pass over an inbox did. */
export interface InboxPass {
  /** Transmissions stored by this pass. */
  stored: string[];
  /** Files that had been stored before a crash kept them in the inbox; now archived, not stored again. */
  alreadyStored: string[];
}

/**
 * What identifies one upload of a file while it waits in a partner's inbox: the partner, where
 * the file is, its size and its sha256. The same file taken again after a crash has the same key;
 * a later upload of other bytes to the same path does not.
 */
export function inboxIntakeKey(partnerId: string, file: InboundFile, sha256: string): string {
  return ['file', partnerId, file.path, String(file.size), sha256].join('|');
}

/**
 * One pass over a partner's inbox: each complete file is taken, stored and queued, and only then
 * removed from the inbox. A file that changed since the poll is skipped (the next poll offers the
 * new version); a failure to store stops the pass and is thrown, leaving that file and the rest
 * in the inbox. A file stored by an earlier pass that died before removing it is recognised by
 * {@link inboxIntakeKey}: it is removed now and gives no second transmission, hence no second 997.
 *
 * @example
 * const { stored } = await pollInboxOnce(transport, registry.get('dropship-direct'), deps);
 */
export async function pollInboxOnce(
  transport: Transport,
  partner: PartnerConfig,
  deps: IntakeDeps,
  stop?: AbortSignal,
): Promise<InboxPass> {
  const pass: InboxPass = { stored: [], alreadyStored: [] };
  const channel = inboxChannel(partner);
  for (const file of await transport.poll()) {
    // Shutting down: the files not taken yet stay in the inbox for the next poll, whoever runs it.
    if (stop?.aborted) break;
    let bytes: Uint8Array;
    try {
      bytes = await transport.take(file);
    } catch (error) {
      if (isTransportError(error) && error.code === 'transport-file-changed') continue;
      throw error;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const outcome = await intakeOnce(
      bytes,
      {
        channel,
        sourceRef: file.name,
        sourcePath: file.path,
        partnerId: partner.id,
        intakeKey: inboxIntakeKey(partner.id, file, sha256),
      },
      deps,
    );
    (outcome.duplicate ? pass.alreadyStored : pass.stored).push(outcome.transmissionId);
    await transport.acknowledgeTaken(file);
    // Only once the file has left the inbox: released earlier, a crash in between would store
    // the file a second time.
    await deps.transmissions.releaseIntakeKey(outcome.transmissionId);
  }
  return pass;
}

function noteStored(transmissionId: string, bytes: Uint8Array, meta: InboundMeta, deps: IntakeDeps): void {
  const partner = partnerLabel(meta.partnerId);
  deps.metrics?.intakeBytes.inc({ partner, channel: meta.channel }, bytes.byteLength);
  deps.logger?.debug(
    {
      transmissionId,
      partnerId: meta.partnerId ?? null,
      channel: meta.channel,
      size: bytes.byteLength,
      sourceRef: meta.sourceRef ?? null,
    },
    `stored ${bytes.byteLength} byte(s) from ${meta.channel} as transmission ${transmissionId}`,
  );
}

function inboxChannel(partner: PartnerConfig): TransmissionChannel {
  if (partner.kind === 'x12' && partner.transport.type === 'sftp') return 'sftp';
  return 'folder';
}
