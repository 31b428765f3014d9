import type { CanonicalDocument } from '../canonical/index.js';
import { GatewayError } from '../errors/index.js';
import { translateX12 } from '../mapping/index.js';
import type { Repositories } from '../store/index.js';
import { InterchangeNote, type Diagnostic, type Interchange } from '../x12/index.js';
import { draftAcknowledgement, storeAcknowledgement } from './acknowledge-interchange.js';
import { indexInterchange, interchangeEntry, setKey } from './interchange-index.js';
import type { WorkerDeps } from './pipeline-deps.js';
import { enqueueDocuments, enqueueOrderBatch } from './job-queue.js';
import { processMarketplaceOrder } from './marketplaces/read-order.js';
import { recordInboundReferences } from './support/transmission-references.js';

/** What reading one inbound transmission came to. */
export interface InboundOutcome {
  status: 'processed' | 'rejected';
  message: string;
  /** Ids of the canonical documents the transmission carries (stored now or by an earlier run). */
  documentIds: string[];
  /** Ids of the outbound acknowledgement transmissions. */
  acknowledgementIds: string[];
}

interface InterchangeOutcome {
  problems: string[];
  documentIds: string[];
  acknowledgementId?: string | undefined;
}

const MAX_LISTED_PROBLEMS = 5;

/** What reading one transmission needs beyond the workers' common dependencies. */
export type InboundDeps = WorkerDeps & {
  /** Queue the delivery of its acknowledgements this much later (see `InboundJob`). */
  holdAcknowledgementsMs?: number | undefined;
};

/**
 * Processes an `inbound` job: reads the stored transmission, identifies each interchange's partner
 * by its ISA sender, indexes the envelope (applying the partner's duplicate policy), stores the
 * canonical documents, stores and queues the 997/999, and leaves the transmission `processed` or
 * `rejected` with a message. Idempotent: a second run finds the index entry, documents and
 * acknowledgement of the first and adds nothing; a transmission already finished is left alone.
 *
 * @example
 * const outcome = await processInbound(transmissionId, { repositories, partners, queues });
 * outcome.status; // 'processed'
 */
export async function processInbound(transmissionId: string, deps: InboundDeps): Promise<InboundOutcome> {
  const { transmissions } = deps.repositories;
  const stored = await transmissions.read(transmissionId);
  if (stored === null) throw permanent('not-found', `transmission ${transmissionId} does not exist`);
  if (stored.status === 'processed' || stored.status === 'rejected') {
    return { status: stored.status, message: 'already read', documentIds: [], acknowledgementIds: [] };
  }
  if (stored.payload === null) {
    throw permanent('transmission-archived', `transmission ${transmissionId} has no bytes in the store`);
  }
  await transmissions.setStatus(transmissionId, 'processing');
  if (stored.channel === 'marketplace') {
    const read = await processMarketplaceOrder(
      { id: stored.id, payload: stored.payload, partnerId: stored.partnerId },
      deps,
    );
    await transmissions.setStatus(transmissionId, read.status, read.message);
    return { ...read, acknowledgementIds: [] };
  }
  const tooLarge = overFileLimit(stored, deps);
  if (tooLarge !== undefined) {
    await transmissions.setStatus(transmissionId, 'rejected', tooLarge);
    return { status: 'rejected', message: tooLarge, documentIds: [], acknowledgementIds: [] };
  }
  const twin = await noteByteTwin(stored, deps.repositories);
  const now = deps.now?.() ?? new Date();
  const translation = translateX12(stored.payload, {
    partners: deps.partners,
    transmissionId,
    ...(deps.mappingsDir === undefined ? {} : { mappingsDir: deps.mappingsDir }),
  });

  const problems: string[] = [];
  const outcome: InboundOutcome = {
    status: 'processed',
    message: '',
    documentIds: [],
    acknowledgementIds: [],
  };
  for (const interchange of translation.interchanges) {
    const result = await processInterchange(
      transmissionId,
      interchange,
      translation.documents,
      deps,
      now,
      stored,
    );
    problems.push(...result.problems);
    outcome.documentIds.push(...result.documentIds);
    if (result.acknowledgementId !== undefined) outcome.acknowledgementIds.push(result.acknowledgementId);
  }
  if (translation.interchanges.length === 0) problems.push('no X12 interchange found');
  if (!translation.accepted) problems.push(...errorMessages(translation.diagnostics));

  outcome.status = problems.length > 0 ? 'rejected' : 'processed';
  outcome.message = [
    `${translation.interchanges.length} interchange(s), ${outcome.documentIds.length} document(s)`,
    ...(twin === undefined ? [] : [twin]),
    ...problems.slice(0, MAX_LISTED_PROBLEMS),
    ...(problems.length > MAX_LISTED_PROBLEMS ? [`and ${problems.length - MAX_LISTED_PROBLEMS} more`] : []),
  ].join('; ');
  await transmissions.setStatus(transmissionId, outcome.status, outcome.message);
  return outcome;
}

async function processInterchange(
  transmissionId: string,
  interchange: Interchange,
  documents: readonly CanonicalDocument[],
  deps: InboundDeps,
  now: Date,
  stored: { receivedAt: Date; channel: string; partnerId: string | null },
): Promise<InterchangeOutcome> {
  const { receivedAt } = stored;
  const { sender, controlNumber } = interchange;
  const partner = deps.partners.byInterchangeSender(sender.qualifier, sender.id);
  if (partner === undefined || !partner.enabled) {
    const why = partner === undefined ? 'no partner has' : `partner ${partner.id} is disabled, with`;
    return {
      problems: [`interchange ${controlNumber}: ${why} ISA sender ${sender.qualifier}/${sender.id}`],
      documentIds: [],
    };
  }
  // A post is authenticated as one partner: an interchange in it from another sender is refused,
  // or any partner's key could place orders in another's name. (A polled mailbox may carry
  // several partners' files, as a VAN's does, so this holds for posts only.)
  if (stored.channel === 'http' && stored.partnerId !== null && stored.partnerId !== partner.id) {
    return {
      problems: [
        `interchange ${controlNumber}: ISA sender ${sender.qualifier}/${sender.id} is partner ${partner.id}, but it was posted as partner ${stored.partnerId}`,
      ],
      documentIds: [],
    };
  }
  const { repositories } = deps;
  await repositories.transmissions.setPartner(transmissionId, partner.id);
  const draft = draftAcknowledgement(interchange, partner, now);
  const indexed = await indexInterchange(
    repositories.envelopes,
    interchangeEntry(transmissionId, partner.id, interchange, draft.summary),
    { days: partner.duplicates.windowDays, receivedAt },
  );
  if (indexed.kind === 'duplicate') {
    const seen = `interchange ${controlNumber} from ${sender.id} was already received in transmission ${indexed.firstTransmissionId} within ${partner.duplicates.windowDays} days`;
    if (partner.duplicates.policy === 'reject') {
      // A resent file would otherwise become a second order: nothing of it is stored, and the
      // sender is told with a TA1 (note 025) unless the partner takes no TA1 at all.
      const acknowledgementId = await storeAcknowledgement(
        transmissionId,
        asDuplicate(interchange, seen),
        partner,
        { repositories, queues: deps.queues, now, holdDeliveryMs: deps.holdAcknowledgementsMs },
      );
      return { problems: [`${seen}; rejected as a duplicate`], documentIds: [], acknowledgementId };
    }
    await flagDuplicate(repositories, transmissionId, controlNumber, indexed.firstTransmissionId);
  }
  const setIds = indexed.kind === 'duplicate' ? new Map<string, number>() : indexed.setIds;
  const mine = documents.filter(
    (d) => d.source.interchangeControlNumber === controlNumber && d.source.senderId === sender.id,
  );
  // All documents of the interchange in one statement and one queue call: a batch of 100 POs
  // took 200 statements and 100 Redis round trips one by one.
  await repositories.documents.saveNew(
    mine.map((document) => {
      const { groupControlNumber = '', transactionSetControlNumber = '' } = document.source;
      const setId = setIds.get(setKey(groupControlNumber, transactionSetControlNumber));
      return { document, transactionSetId: setId ?? null };
    }),
  );
  // Searchable by its numbers (ISA13, GS06, ST02, PO, invoice...) before anything acts on it.
  await recordInboundReferences(repositories, transmissionId, interchange, mine);
  // The purchase orders of an interchange are decided together, in one job with set-based
  // statements (`decideOrderBatch`), a lone one too (71 statements per single-PO file against 79
  // one by one); every other document in a job of its own.
  const purchaseOrders = mine.filter((document) => document.type === 'purchase_order').map((d) => d.id);
  const together = new Set(purchaseOrders);
  if (together.size > 0) {
    await enqueueOrderBatch(deps.queues, `${transmissionId}-${controlNumber}`, [...together]);
  }
  await enqueueDocuments(
    deps.queues,
    mine.map((document) => document.id).filter((id) => !together.has(id)),
  );
  const acknowledgementId = await storeAcknowledgement(transmissionId, interchange, partner, {
    repositories,
    queues: deps.queues,
    now,
    holdDeliveryMs: deps.holdAcknowledgementsMs,
  });
  return { problems: [], documentIds: mine.map((d) => d.id), acknowledgementId };
}

/**
 * Why a file is not read at all: it is larger than its partner's `limits.maxFileBytes` (known
 * when the partner is, from its inbox or post). The bytes stay stored, and the reason says which
 * limit to raise before `transmissions reprocess`.
 */
function overFileLimit(
  stored: { size: number; partnerId: string | null },
  deps: InboundDeps,
): string | undefined {
  const partner = stored.partnerId === null ? undefined : deps.partners.byId(stored.partnerId);
  const max = partner?.kind === 'x12' ? partner.limits?.maxFileBytes : undefined;
  if (max === undefined || stored.size <= max) return undefined;
  return `the file is ${stored.size} bytes, over partner ${partner?.id}'s limit of ${max} (limits.maxFileBytes); kept unread: raise the limit and reprocess it, or ask the partner to split it`;
}

/**
 * Finds an earlier inbound transmission with exactly these bytes and records it once, for
 * support: a partner resending a file is worth knowing even where it is not a duplicate. What a
 * twin means is decided per interchange by the envelope index (partner, sender, ISA13 within the
 * partner's window): an identical file that was read carries the same ISA13, while one that was
 * never read (unknown partner, a failure) must be taken when it comes again.
 */
async function noteByteTwin(
  stored: { id: string; sha256: string; receivedAt: Date },
  repositories: Repositories,
): Promise<string | undefined> {
  const twins = await repositories.transmissions.findBySha256(stored.sha256);
  const first = twins
    .filter((t) => t.id !== stored.id && t.direction === 'inbound' && t.receivedAt <= stored.receivedAt)
    .at(-1);
  if (first === undefined) return undefined;
  const subject = { type: 'transmission', id: stored.id };
  const action = 'same-bytes-received';
  const events = await repositories.audit.list(subject);
  if (!events.some((e) => e.action === action)) {
    await repositories.audit.record({
      actor: 'pipeline',
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      details: { firstTransmissionId: first.id, firstReceivedAt: first.receivedAt.toISOString() },
    });
  }
  return `the same bytes as transmission ${first.id} (received ${first.receivedAt.toISOString()})`;
}

/** Leaves one audit event per accepted duplicate, however often the job runs. */
async function flagDuplicate(
  repositories: Repositories,
  transmissionId: string,
  isa13: string,
  first: string,
) {
  const subject = { type: 'transmission', id: transmissionId };
  const action = 'duplicate-interchange-accepted';
  const events = await repositories.audit.list(subject);
  if (events.some((e) => e.action === action && e.details?.['interchangeControlNumber'] === isa13)) return;
  await repositories.audit.record({
    actor: 'pipeline',
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    details: { interchangeControlNumber: isa13, firstTransmissionId: first },
  });
}

/** The interchange as its TA1 must judge it: rejected with note 025, duplicate control number. */
function asDuplicate(interchange: Interchange, message: string): Interchange {
  const duplicate: Diagnostic = {
    level: 'interchange',
    code: InterchangeNote.duplicateControlNumber,
    severity: 'error',
    segmentId: 'ISA',
    message,
  };
  return { ...interchange, diagnostics: [duplicate, ...interchange.diagnostics] };
}

function errorMessages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}

function permanent(code: string, message: string): GatewayError {
  return new GatewayError(code, message, { permanent: true, status: 422 });
}
