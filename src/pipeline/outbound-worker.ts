import { GatewayError } from '../errors/index.js';
import type { GatewayMetrics, Logger } from '../observability/index.js';
import type { PartnerRegistry } from '../partners/index.js';
import type { DeliveryReceipt } from '../transports/index.js';
import type { ExceptionStore, TransmissionStore } from '../store/index.js';
import type { PartnerTransports } from './partner-transports.js';

export interface OutboundDeps {
  transmissions: TransmissionStore;
  /** Where a `delivery-failed` exception of this transmission is resolved once it is delivered. */
  exceptions?: ExceptionStore;
  partners: PartnerRegistry;
  transports: PartnerTransports;
  /** Where each delivery attempt is logged: partner, channel, file name and outcome. */
  logger?: Logger;
  /** `edi_deliveries_total` is counted here. */
  metrics?: GatewayMetrics;
}

/**
 * Processes an `outbound` job: delivers a stored outbound transmission over its partner's
 * transport under its file name and marks it `sent`. Each attempt is counted (`processing`). A
 * transmission already `sent` is not delivered again. Transport errors are thrown as they are:
 * the queue retries the transient ones and gives up at once on permanent ones.
 *
 * @example
 * const receipt = await processOutbound(transmissionId, { transmissions, partners, transports });
 */
export async function processOutbound(
  transmissionId: string,
  deps: OutboundDeps,
): Promise<DeliveryReceipt | undefined> {
  const stored = await deps.transmissions.read(transmissionId);
  if (stored === null) throw permanent(`outbound transmission ${transmissionId} does not exist`);
  if (stored.status === 'sent' || stored.status === 'acknowledged') return undefined;
  if (stored.direction !== 'outbound' || stored.payload === null || stored.sourceRef === null) {
    throw permanent(`transmission ${transmissionId} is not an outbound file with bytes and a name`);
  }
  if (stored.partnerId === null) throw permanent(`outbound transmission ${transmissionId} names no partner`);
  const partner = deps.partners.get(stored.partnerId);
  const transport = deps.transports.forPartner(partner);
  await deps.transmissions.setStatus(transmissionId, 'processing', `delivering ${stored.sourceRef}`);
  const delivery = {
    transmissionId,
    partnerId: partner.id,
    channel: stored.channel,
    fileName: stored.sourceRef,
  };
  const count = (outcome: 'delivered' | 'failed') =>
    deps.metrics?.deliveries.inc({ partner: partner.id, channel: stored.channel, outcome });
  let receipt: DeliveryReceipt;
  try {
    receipt = await transport.deliver(stored.sourceRef, stored.payload, { transmissionId });
  } catch (error) {
    count('failed');
    deps.logger?.warn(
      { ...delivery, outcome: 'failed', err: error },
      `delivery of ${stored.sourceRef} to ${partner.id} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw error;
  }
  if (receipt.awaiting !== undefined) {
    // Posted; the partner's receipt marks it sent or failed when it comes. The status stays
    // `processing` (written above): writing it again could undo a receipt that came meanwhile.
    deps.logger?.info(
      { ...delivery, outcome: 'posted', location: receipt.location },
      `posted ${stored.sourceRef} to ${partner.id} (${stored.channel}), awaiting ${receipt.awaiting}`,
    );
    return receipt;
  }
  count('delivered');
  deps.logger?.info(
    { ...delivery, outcome: 'delivered', location: receipt.location },
    `delivered ${stored.sourceRef} to ${partner.id} (${stored.channel})`,
  );
  await deps.transmissions.setStatus(transmissionId, 'sent', `delivered to ${receipt.location}`);
  // Only a delivery that gave up before has an exception to settle; the others cost no query.
  if (deps.exceptions !== undefined && stored.lastError !== null) {
    await settleDeliveryFailures(transmissionId, deps.exceptions);
  }
  return receipt;
}

/** The exception kind raised when a delivery gave up; resolved by the delivery that succeeds. */
export const DELIVERY_FAILED = 'delivery-failed';

/**
 * Raises a `delivery-failed` exception for an outbound transmission whose delivery gave up, so
 * that support sees it among the exceptions, not only in the transmission list. Once per
 * transmission while it is open.
 */
export async function raiseDeliveryFailure(
  transmissionId: string,
  reason: string,
  deps: { transmissions: TransmissionStore; exceptions: ExceptionStore },
): Promise<void> {
  const stored = await deps.transmissions.summary(transmissionId);
  if (stored?.direction !== 'outbound') return;
  await deps.exceptions.raise({
    partnerId: stored.partnerId,
    subjectType: 'transmission',
    subjectId: transmissionId,
    kind: DELIVERY_FAILED,
    message: `${stored.sourceRef ?? transmissionId} was not delivered: ${reason}; fix the cause and resend it`,
  });
}

async function settleDeliveryFailures(transmissionId: string, exceptions: ExceptionStore): Promise<void> {
  const open = await exceptions.list({ status: 'open', subjectId: transmissionId, kind: DELIVERY_FAILED });
  for (const exception of open) {
    await exceptions.resolve(exception.id, 'gateway', { outcome: 'delivered on a later attempt' });
  }
}

function permanent(message: string): GatewayError {
  return new GatewayError('not-found', message, { permanent: true, status: 404 });
}
