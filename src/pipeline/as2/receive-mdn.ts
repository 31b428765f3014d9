import type { X12PartnerConfig } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import {
  type As2PartnerKeys,
  checkMdn,
  entityBytes,
  header,
  type MimeEntity,
  multipartParts,
  parameter,
  parseEntity,
  readMdn,
} from '../../transports/as2/index.js';
import { raiseDeliveryFailure } from '../outbound-worker.js';
import { RECONCILIATION_ACTOR } from '../reconciliation/raise-once.js';

/** The exception raised when an async MDN does not come in time. */
export const MDN_OVERDUE = 'mdn-overdue';

/** Whether a posted entity is an MDN (a multipart/report, signed or not) rather than a message. */
export function isMdn(entity: MimeEntity): boolean {
  const type = header(entity, 'Content-Type') ?? '';
  if (/^multipart\/report/i.test(type)) return true;
  if (!/^multipart\/signed/i.test(type)) return false;
  const [first] = multipartParts(entity.body, parameter(type, 'boundary') ?? '');
  if (first === undefined) return false;
  try {
    return /^multipart\/report/i.test(header(parseEntity(first), 'Content-Type') ?? '');
  } catch {
    return false;
  }
}

/**
 * Settles a message we sent with the async MDN the partner posted for it: `sent` when the MDN is
 * signed by the partner, positive and returns our MIC; `failed` with the MDN's disposition (and a
 * `delivery-failed` exception) otherwise. An MDN for a message already settled changes nothing;
 * one for a message flagged overdue closes that exception.
 *
 * @example
 * const { status, message } = await receiveMdn(partner, entity, keys, deps);
 */
export async function receiveMdn(
  partner: X12PartnerConfig,
  entity: MimeEntity,
  keys: As2PartnerKeys,
  deps: { repositories: Pick<Repositories, 'transmissions' | 'as2Messages' | 'exceptions'> },
): Promise<{ status: number; message: string }> {
  const { as2Messages, transmissions, exceptions } = deps.repositories;
  let originalMessageId: string | undefined;
  try {
    originalMessageId = (await readMdn(entity, keys.theirs)).originalMessageId;
  } catch (error) {
    return { status: 400, message: `not a readable MDN: ${(error as Error).message}` };
  }
  if (originalMessageId === undefined)
    return { status: 400, message: 'the MDN names no Original-Message-ID' };
  const sent = await as2Messages.sent(originalMessageId);
  if (sent?.partnerId !== partner.id || sent.mic === null) {
    return { status: 404, message: `no message ${originalMessageId} was sent to ${partner.id}` };
  }
  const checked = await checkMdn(entity, { messageId: sent.messageId, mic: sent.mic }, keys);
  const positive = checked.problem === undefined;
  const settledNow = await as2Messages.settle(partner.id, sent.messageId, {
    status: positive ? 'delivered' : 'refused',
    disposition: checked.disposition,
    mdn: entityBytes(entity),
  });
  if (!settledNow) return { status: 200, message: `the MDN of ${sent.messageId} was received before` };
  if (sent.transmissionId !== null) {
    if (positive) {
      await transmissions.setStatus(
        sent.transmissionId,
        'sent',
        `MDN received: ${checked.disposition} (${sent.messageId})`,
      );
    } else {
      const reason = `${sent.fileName ?? sent.messageId} (${sent.messageId}): ${checked.problem}`;
      await transmissions.setStatus(sent.transmissionId, 'failed', reason);
      await raiseDeliveryFailure(sent.transmissionId, reason, deps.repositories);
    }
    const overdue = await exceptions.list({
      status: 'open',
      subjectId: sent.transmissionId,
      kind: MDN_OVERDUE,
    });
    for (const exception of overdue) {
      await exceptions.resolve(exception.id, RECONCILIATION_ACTOR, {
        outcome: `MDN received: ${checked.disposition}`,
      });
    }
  }
  return {
    status: 200,
    message: positive
      ? `MDN of ${sent.messageId} accepted`
      : `MDN of ${sent.messageId} recorded: ${checked.problem}`,
  };
}

/**
 * Turns async MDNs that did not come in time into `mdn-overdue` exceptions on their
 * transmissions, like a missing 997. Returns how many were flagged.
 *
 * @example
 * await flagOverdueMdns(new Date(), { repositories });
 */
export async function flagOverdueMdns(
  now: Date,
  deps: { repositories: Pick<Repositories, 'as2Messages' | 'exceptions'> },
): Promise<number> {
  const { as2Messages, exceptions } = deps.repositories;
  let flagged = 0;
  for (const sent of await as2Messages.pastDue(now, 200)) {
    await exceptions.raise({
      partnerId: sent.partnerId,
      subjectType: 'transmission',
      subjectId: sent.transmissionId ?? sent.messageId,
      kind: MDN_OVERDUE,
      message: `${sent.partnerId} has not returned the MDN of ${sent.fileName ?? 'a file'} (${sent.messageId}), posted ${sent.createdAt.toISOString()}, due by ${sent.dueAt?.toISOString() ?? 'now'}`,
      details: {
        messageId: sent.messageId,
        fileName: sent.fileName,
        dueAt: sent.dueAt?.toISOString() ?? null,
      },
      at: now,
    });
    if (await as2Messages.markOverdue(sent.partnerId, sent.messageId)) flagged++;
  }
  return flagged;
}
