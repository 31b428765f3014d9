import type { CanonicalDocument } from '../canonical/index.js';
import { GatewayError, isGatewayError } from '../errors/index.js';
import { defaultMappingsDir, outboundSetOf, renderForPartner } from '../mapping/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import type { InterchangeEntry, Repositories } from '../store/index.js';
import { derivedUuid } from './acknowledge-interchange.js';
import type { WorkerDeps } from './pipeline-deps.js';
import { enqueueOutbound } from './queues.js';
import { trackSentDocument, type SentFile } from './reconciliation/track-sent-document.js';
import { readX12, type Interchange } from '../x12/index.js';

/** The outbound transmission that carries one canonical document: derived, so found again on a rerun. */
export const emittedTransmissionId = (documentId: string): string => derivedUuid(`emit:${documentId}`);

/** What was sent for a document: its transmission and the envelope numbers it went under. */
export interface EmittedDocument {
  transmissionId: string;
  /** False when an earlier run had stored it already (nothing new was allocated or rendered). */
  created: boolean;
}

/**
 * Sends a canonical document (855, 856, 810...) to its partner: stores the document, allocates
 * ISA13/GS06/ST02 for the partner, renders the partner's X12 (read back and validated by the
 * renderer), stores it as an outbound transmission, indexes its envelope (so the partner's 997
 * can be matched to it) and queues its delivery. Idempotent: everything is keyed by the
 * document's id, so a second run stores, numbers and sends nothing new.
 *
 * @example
 * const { transmissionId } = await emitDocument(ack855, deps);
 */
export async function emitDocument(document: CanonicalDocument, deps: WorkerDeps): Promise<EmittedDocument> {
  const { repositories } = deps;
  const partner = deps.partners.get(document.partnerId);
  if (partner.kind !== 'x12') {
    throw new GatewayError(
      'emit-not-supported',
      `partner ${partner.id} is a marketplace account; ${document.type} ${document.id} is not sent as X12`,
      { permanent: true, status: 422 },
    );
  }
  const target = outboundSetOf(document.type);
  if (target === undefined) {
    throw new GatewayError('emit-not-supported', `${document.type} documents are not sent on their own`, {
      permanent: true,
      status: 422,
    });
  }
  await saveDocumentOnce(repositories, document);
  const id = emittedTransmissionId(document.id);
  let sent: { payload: Buffer | null; receivedAt: Date } | null = await repositories.transmissions.read(id);
  let created = false;
  if (sent === null) {
    const now = deps.now?.() ?? new Date();
    const numbers = {
      interchange: await repositories.controlNumbers.next(partner.id, 'ISA'),
      group: await repositories.controlNumbers.next(partner.id, 'GS'),
      transactionSet: await repositories.controlNumbers.next(partner.id, 'ST'),
    };
    const x12 = renderForPartner([document], partner, {
      mappingsDir: deps.mappingsDir ?? defaultMappingsDir(),
      controlNumbers: numbers,
      now,
    });
    const isa13 = String(numbers.interchange).padStart(9, '0');
    const payload = Buffer.from(x12, 'utf8');
    try {
      await repositories.transmissions.recordOutbound(payload, {
        id,
        partnerId: partner.id,
        channel: partner.transport.type,
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
    throw new GatewayError('not-found', `outbound transmission ${id} of ${document.id} has no bytes`, {
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
    await repositories.envelopes.recordInterchange(outboundEntry(id, partner, interchange));
  }
  // Before delivery is queued, so that the partner's 997 cannot arrive before its expectation.
  await trackSentDocument(document, file, interchange, partner, repositories);
  await enqueueOutbound(deps.queues, id, `out-${id}`);
  return { transmissionId: id, created };
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
