import type { CanonicalDocument, CanonicalError } from '../../canonical/index.js';
import { isGatewayError } from '../../errors/index.js';
import { defaultMappingsDir, renderForPartner } from '../../mapping/index.js';
import type { X12PartnerConfig } from '../../partners/index.js';
import { emitDocument, emitDocuments, emittedTransmissionId } from '../emit-document.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { eventDocument } from './event-document.js';
import { partnerDocuments } from './partner-documents.js';
import { BUSINESS_EVENTS, type BusinessEventKind } from './event-kinds.js';
import { sameContent } from './same-content.js';

/** The event was taken: its document is stored and its X12 queued for delivery. */
export interface EventAccepted {
  accepted: true;
  status: 202;
  /** The inbound transmission holding the event body as posted. */
  eventTransmissionId: string;
  /** The (first) document sent. */
  documentId: string;
  /** Every document sent: one per order when the partner takes an 856 per order. */
  documentIds: string[];
  /** The outbound transmission carrying the 856/810. */
  transmissionId: string;
  /** True when the same event had been taken before: nothing new was sent. */
  duplicate: boolean;
}

/** The event was refused; the caller has to change something before posting it again. */
export interface EventRefused {
  accepted: false;
  /**
   * 400 the body is not a valid document, 403 it is for another partner than the one it was
   * posted as, 409 its id was taken with other content, 422 it cannot be sent (e.g. a shipment
   * that cannot fill the partner's 856 hierarchy).
   */
  status: 400 | 403 | 409 | 422;
  code: string;
  message: string;
  problems: CanonicalError[];
  eventTransmissionId: string;
}

export type EventOutcome = EventAccepted | EventRefused;

/** Where an event came from, when the caller knows more than its kind. */
export interface EventIntake {
  /** Default `POST /api/events/<kind>`. */
  sourceRef?: string;
  /**
   * The partner the event was posted as (with that partner's API key). An event that names no
   * partner is addressed to it; one that names another is refused with 403.
   */
  partnerId?: string;
}

/**
 * Takes an ERP/WMS event: stores the body as posted (an inbound `http` transmission) before
 * anything reads it, turns it into the canonical document, checks that the partner exists and
 * takes the set, and sends it with {@link emitDocument}. The transmission ends `processed`,
 * `rejected` with the reason, or `failed` when the store or queue failed (the error is thrown: the
 * caller should post again). Posting the same event again sends nothing new; the same id with
 * different content is refused rather than silently dropped.
 *
 * @example
 * const outcome = await receiveBusinessEvent('shipment-confirmed', body, deps);
 * if (outcome.accepted) console.log(outcome.transmissionId);
 */
export async function receiveBusinessEvent(
  kind: BusinessEventKind,
  body: Buffer,
  deps: WorkerDeps,
  intake: EventIntake = {},
): Promise<EventOutcome> {
  const { transmissions } = deps.repositories;
  const eventTransmissionId = await transmissions.recordInbound(body, {
    channel: 'http',
    sourceRef: intake.sourceRef ?? `POST /api/events/${kind}`,
    ...(intake.partnerId === undefined ? {} : { partnerId: intake.partnerId }),
  });
  try {
    await transmissions.setStatus(eventTransmissionId, 'processing', `${kind} event`);
    const outcome = await sendEventDocument(kind, body, eventTransmissionId, deps, intake.partnerId);
    if (outcome.accepted) {
      const what = `${BUSINESS_EVENTS[kind].type} ${outcome.documentId}`;
      const done = outcome.duplicate ? 'was sent before' : 'queued for delivery';
      await transmissions.setStatus(
        eventTransmissionId,
        'processed',
        `${what} ${done} in transmission ${outcome.transmissionId}`,
      );
    } else {
      await transmissions.setStatus(eventTransmissionId, 'rejected', outcome.message);
    }
    return outcome;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await transmissions
      .setStatus(eventTransmissionId, 'failed', `${kind} event not sent: ${reason}`)
      // The store itself failing is what the caller hears about; the body is stored either way.
      .catch(() => undefined);
    throw error;
  }
}

async function sendEventDocument(
  kind: BusinessEventKind,
  body: Buffer,
  eventTransmissionId: string,
  deps: WorkerDeps,
  postedAs: string | undefined,
): Promise<EventOutcome> {
  const refuse = (
    status: EventRefused['status'],
    code: string,
    message: string,
    problems: CanonicalError[] = [],
  ) => ({ accepted: false, status, code, message, problems, eventTransmissionId }) satisfies EventRefused;
  const built = eventDocument(kind, body.toString('utf8'), eventTransmissionId, postedAs);
  if (!built.ok) return refuse(400, 'invalid-document', built.reason, built.problems);
  const { document } = built;
  if (postedAs !== undefined && document.partnerId !== postedAs) {
    return refuse(
      403,
      'forbidden',
      `the event is for partner ${document.partnerId}; posted as partner ${postedAs}, it may be for ${postedAs} only`,
    );
  }
  const { set } = BUSINESS_EVENTS[kind];
  const partner = deps.partners.byId(document.partnerId);
  if (partner === undefined)
    return refuse(422, 'partner-unknown', `there is no partner ${document.partnerId}`);
  // A marketplace account takes shipments, as confirmation calls; an X12 partner what it lists.
  const takes =
    partner.kind === 'marketplace' ? kind === 'shipment-confirmed' : partner.documents.outbound.includes(set);
  if (!partner.enabled || !takes) {
    const why = !partner.enabled
      ? 'is disabled'
      : partner.kind === 'marketplace'
        ? `is a ${partner.transport.platform} account: it takes shipments, not ${set}`
        : `does not take ${set} (its outbound documents are ${partner.documents.outbound.join(', ') || 'none'})`;
    return refuse(422, 'partner-not-taking', `partner ${partner.id} ${why}`);
  }
  await deps.repositories.transmissions.setPartner(eventTransmissionId, partner.id);

  const prepared =
    partner.kind === 'marketplace'
      ? { ok: true as const, documents: [document] }
      : await partnerDocuments(document, partner, deps.repositories);
  if (!prepared.ok) return refuse(422, 'not-sendable', prepared.reason, prepared.problems);
  const { documents } = prepared;
  let storedBefore = true;
  for (const each of documents) {
    const stored = await deps.repositories.documents.get(each.id);
    if (stored !== null && !sameContent(stored.document, each)) {
      return refuse(
        409,
        'conflict',
        `document ${each.id} was already taken with other content; a correction needs its own id (and purpose "replace")`,
      );
    }
    if (stored === null) storedBefore = false;
  }
  if (!storedBefore && partner.kind === 'x12') {
    const problem = renderProblem(documents, partner, deps);
    if (problem !== undefined) return refuse(422, 'render-failed', problem);
  }
  try {
    // A shipment split per order goes out as one interchange with one 856 per order.
    const [only] = documents;
    const emitted =
      documents.length === 1 && only !== undefined && only.id === document.id
        ? await emitDocument(only, deps)
        : await emitDocuments(documents, emittedTransmissionId(document.id), deps);
    return {
      accepted: true,
      status: 202,
      eventTransmissionId,
      documentId: documents[0]?.id ?? document.id,
      documentIds: documents.map((each) => each.id),
      transmissionId: emitted.transmissionId,
      duplicate: storedBefore || !emitted.created,
    };
  } catch (error) {
    if (isGatewayError(error) && error.permanent) return refuse(422, error.code, error.message);
    throw error;
  }
}

/**
 * Renders the document once with placeholder numbers before anything is stored: rendering is
 * pure, so a document that cannot be written fails here instead of being kept under its id and
 * blocking a corrected one.
 */
function renderProblem(
  documents: readonly CanonicalDocument[],
  partner: X12PartnerConfig,
  deps: WorkerDeps,
): string | undefined {
  try {
    renderForPartner(documents, partner, {
      mappingsDir: deps.mappingsDir ?? defaultMappingsDir(),
      controlNumbers: { interchange: 1, group: 1, transactionSet: 1 },
      now: deps.now?.() ?? new Date(),
    });
    return undefined;
  } catch (error) {
    const [document] = documents;
    return `${document?.type} ${documents.map((each) => each.id).join(', ')} cannot be written as ${partner.id}'s X12: ${error instanceof Error ? error.message : String(error)}`;
  }
}
