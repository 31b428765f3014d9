import type { CanonicalDocument, PurchaseOrder } from '../canonical/index.js';
import { GatewayError, isGatewayError } from '../errors/index.js';
import { defaultMappingsDir, outboundSetOf, renderForPartner } from '../mapping/index.js';
import type { PartnerConfig, X12PartnerConfig } from '../partners/index.js';
import type { InterchangeEntry, Repositories } from '../store/index.js';
import { derivedUuid } from './acknowledge-interchange.js';
import type { WorkerDeps } from './pipeline-deps.js';
import { enqueueOutbound } from './job-queue.js';
import {
  answersMarketplaceOrders,
  marketplaceRequests,
  storeMarketplaceRequests,
} from './marketplaces/requests.js';
import { trackSentDocuments, type SentFile } from './reconciliation/track-sent-document.js';
import { readX12, type Interchange } from '../x12/index.js';
import { documentReferences, envelopeReferences } from './support/transmission-references.js';

/**
 * Whether a partner is sent an answer to each order: an 855 for an X12 partner that lists it
 * outbound, the marketplace's acknowledgement call for a marketplace that asks for one (Walmart).
 * Otherwise the answer is only kept.
 */
export function takesOrderAnswers(partner: PartnerConfig): boolean {
  return partner.kind === 'x12'
    ? partner.documents.outbound.includes('855')
    : answersMarketplaceOrders(partner);
}

/** The outbound transmission that carries one canonical document: derived, so found again on a rerun. */
export const emittedTransmissionId = (documentId: string): string => derivedUuid(`emit:${documentId}`);

/** What was sent for a document: its transmission and the envelope numbers it went under. */
export interface EmittedDocument {
  transmissionId: string;
  /** False when an earlier run had stored it already (nothing new was allocated or rendered). */
  created: boolean;
}

/**
 * Sends a canonical document (855, 856, 810...) to its partner in an interchange of its own. See
 * `emitDocuments`; the transmission's id is derived from the document's.
 *
 * @example
 * const { transmissionId } = await emitDocument(ack855, deps);
 */
export function emitDocument(document: CanonicalDocument, deps: WorkerDeps): Promise<EmittedDocument> {
  return emitDocuments([document], emittedTransmissionId(document.id), deps);
}

/**
 * Sends documents of one type to their partner in one interchange (one group, one set each):
 * stores the documents, allocates the ISA13, the GS06 and a block of consecutive ST02s, renders
 * the partner's X12 (read back and validated by the renderer), stores it as outbound transmission
 * `transmissionId`, indexes its envelope, records the acknowledgement it expects (so the
 * partner's 997 can be matched) and the numbers support searches it by, and queues its delivery. Idempotent: a second run with the same
 * transmission id finds it stored and numbers, renders and sends nothing new; it only completes
 * the steps after storing that a crash may have cut short, from the stored file itself.
 *
 * @example
 * await emitDocuments(acks, derivedUuid(`batch:${batchId}`), deps);
 */
export async function emitDocuments(
  documents: readonly CanonicalDocument[],
  transmissionId: string,
  deps: WorkerDeps,
): Promise<EmittedDocument> {
  const { repositories } = deps;
  const { partner, target } = sendable(documents);
  const partnerConfig = deps.partners.get(partner);
  if (partnerConfig.kind === 'marketplace') {
    // A marketplace takes API calls, not X12: each document becomes the calls it stands for.
    const orderOf = async (poNumber: string) => {
      // The order is stored under its document's id; newest first, so a reused number finds the live one.
      const orders = await repositories.orders.withPoNumber(partner, poNumber);
      const order = orders.find((candidate) => candidate.kind === 'order');
      const stored = order === undefined ? null : await repositories.documents.get(order.id);
      return (stored?.document as PurchaseOrder | undefined) ?? undefined;
    };
    const requests = [];
    // Built before anything is stored: a document the marketplace cannot take is refused whole.
    for (const document of documents)
      requests.push(...(await marketplaceRequests(document, partnerConfig, orderOf)));
    await repositories.documents.saveNew(documents.map((document) => ({ document })));
    const [first] = await storeMarketplaceRequests(requests, transmissionId, partnerConfig, deps);
    return { transmissionId: first ?? transmissionId, created: first !== undefined };
  }
  await repositories.documents.saveNew(documents.map((document) => ({ document })));
  const id = transmissionId;
  let sent: { payload: Buffer | null; receivedAt: Date } | null = await repositories.transmissions.read(id);
  let created = false;
  if (sent === null) {
    const now = deps.now?.() ?? new Date();
    const numbers = {
      interchange: await repositories.controlNumbers.next(partner, 'ISA'),
      group: await repositories.controlNumbers.next(partner, 'GS'),
      transactionSet: await repositories.controlNumbers.nextBlock(partner, 'ST', documents.length),
    };
    const x12 = renderForPartner(documents, partnerConfig, {
      mappingsDir: deps.mappingsDir ?? defaultMappingsDir(),
      controlNumbers: numbers,
      now,
    });
    const isa13 = String(numbers.interchange).padStart(9, '0');
    const payload = Buffer.from(x12, 'utf8');
    try {
      await repositories.transmissions.recordOutbound(payload, {
        id,
        partnerId: partner,
        channel: partnerConfig.transport.type,
        sourceRef: `${target.set}-${isa13}.x12`,
        createdAt: now,
      });
      created = true;
      sent = { payload, receivedAt: now };
    } catch (error) {
      // An overlapping run of the same job stored it first: theirs stands, numbers and all.
      if (!isGatewayError(error) || error.code !== 'duplicate') throw error;
      sent = await repositories.transmissions.read(id);
    }
  }
  if (sent?.payload == null) {
    throw new GatewayError('not-found', `outbound transmission ${id} has no bytes to send`, {
      permanent: true,
      status: 404,
    });
  }
  // Everything below works from the stored file itself, so a run that died half way is
  // completed by the next one with exactly the numbers that were sent.
  const file: SentFile = { transmissionId: id, sentAt: sent.receivedAt };
  const interchange = readX12(sent.payload).interchanges[0];
  // Just stored by this run: nothing can have indexed it yet.
  if (interchange !== undefined && (created || (await repositories.envelopes.countFor(id)) === 0)) {
    await repositories.envelopes.recordInterchange(outboundEntry(id, partnerConfig, interchange));
  }
  // Before delivery is queued, so that the partner's 997 cannot arrive before its expectation.
  await trackSentDocuments(documents, file, interchange, partnerConfig, repositories);
  await repositories.references.add(id, [
    ...(interchange === undefined ? [] : envelopeReferences(interchange)),
    ...documents.flatMap((document) => documentReferences(document, { envelope: false })),
  ]);
  await enqueueOutbound(deps.queues, id, `out-${id}`);
  return { transmissionId: id, created };
}

/** The one partner and outbound set of what is sent together; anything else is refused. */
function sendable(documents: readonly CanonicalDocument[]): {
  partner: string;
  target: { type: string; set: string; functionalId: string };
} {
  const first = documents[0];
  if (first === undefined) {
    throw new GatewayError('emit-not-supported', 'nothing to send: no documents', { permanent: true });
  }
  const mixed = documents.find((d) => d.partnerId !== first.partnerId || d.type !== first.type);
  if (mixed !== undefined) {
    throw new GatewayError(
      'emit-not-supported',
      `${mixed.type} ${mixed.id} for ${mixed.partnerId} cannot go in one interchange with ${first.type} ${first.id} for ${first.partnerId}`,
      { permanent: true, status: 422 },
    );
  }
  const target = outboundSetOf(first.type);
  if (target === undefined) {
    throw new GatewayError('emit-not-supported', `${first.type} documents are not sent on their own`, {
      permanent: true,
      status: 422,
    });
  }
  return { partner: first.partnerId, target: { type: first.type, ...target } };
}

/** Stores a canonical document unless one with its id is stored already. */
export async function saveDocumentOnce(
  repositories: Pick<Repositories, 'documents'>,
  document: CanonicalDocument,
  transactionSetId: number | null = null,
): Promise<void> {
  await repositories.documents.saveNew([{ document, transactionSetId }]);
}

function outboundEntry(
  transmissionId: string,
  partner: X12PartnerConfig,
  interchange: Interchange,
): InterchangeEntry {
  const { ours, theirs } = partner.identity;
  return {
    transmissionId,
    direction: 'outbound',
    partnerId: partner.id,
    sender: { qualifier: ours.isaQualifier, id: ours.isaId },
    receiver: { qualifier: theirs.isaQualifier, id: theirs.isaId },
    controlNumber: interchange.controlNumber,
    version: partner.x12.interchangeVersion,
    usage: partner.x12.usage,
    ackRequested: partner.acknowledgements.requestTa1,
    // Outcomes of what we send are the partner's to give: empty until their 997/999 arrives.
    outcome: '',
    groups: interchange.groups.map((group) => ({
      functionalId: group.functionalId,
      controlNumber: group.controlNumber,
      version: group.version,
      outcomeCode: '',
      transactionSets: group.transactionSets.map((set) => ({
        setId: set.id,
        controlNumber: set.controlNumber,
        outcomeCode: '',
        errorCount: 0,
      })),
    })),
  };
}
