import type {
  RecordedAuditEvent,
  StatusChange,
  StoredException,
  TransmissionStatus,
  TransmissionSummary,
} from '../../store/index.js';
import { ackTransmissionId } from '../acknowledge-interchange.js';
import { checkActor, transmissionNotFound } from './support-errors.js';
import type { SupportDeps } from './support-deps.js';
import { readEnvelope, type InterchangeView } from './transmission-envelope.js';

/** Files larger than this are not read for `show` (a request must stay quick); `raw` still serves them. */
export const MAX_SHOWN_BYTES = 20 * 1024 * 1024;

/** Everything support can see about one transmission, without its bytes. */
export interface TransmissionView extends TransmissionSummary {
  /** Every status it went through, oldest first. */
  history: StatusChange[];
  /** Read from the stored bytes. */
  interchanges: InterchangeView[];
  /** Inbound: the canonical documents the file carries, and whether each is stored. */
  documents: { id: string; type: string; stored: boolean }[];
  /** Inbound: the 997/999/TA1 we stored for each interchange. */
  acknowledgements: { transmissionId: string; fileName: string | null; status: TransmissionStatus }[];
  /** Exceptions raised on the transmission or on its documents, newest first. */
  exceptions: StoredException[];
  /** Who did what to it (resends, reprocessing, accepted duplicates), oldest first. */
  audit: RecordedAuditEvent[];
  /** What could not be shown and why (bytes archived, file too large, not X12). */
  notes: string[];
}

/**
 * One transmission with its history, envelopes, documents, acknowledgements, exceptions and audit
 * trail. An unknown id is a `not-found` error (HTTP 404, CLI exit 1). Audited as a view.
 *
 * @example
 * const view = await showTransmission(id, 'alice', deps);
 * view.history.map((h) => h.status); // ['received', 'processing', 'processed']
 */
export async function showTransmission(
  id: string,
  actor: string,
  deps: SupportDeps,
): Promise<TransmissionView> {
  const who = checkActor(actor);
  const { repositories } = deps;
  const stored = await repositories.transmissions.get(id);
  if (stored === null) throw transmissionNotFound(id);
  const { payload, history, ...summary } = stored;
  const view: TransmissionView = {
    ...summary,
    history,
    interchanges: [],
    documents: [],
    acknowledgements: [],
    exceptions: await repositories.exceptions.list({ subjectType: 'transmission', subjectId: id }),
    audit: await repositories.audit.list({ type: 'transmission', id }),
    notes: [],
  };
  if (payload === null) {
    view.notes.push(`the bytes are archived${stored.archiveRef === null ? '' : ` (${stored.archiveRef})`}`);
  } else if (payload.length > MAX_SHOWN_BYTES) {
    view.notes.push(`the file (${payload.length} bytes) is too large to read here; fetch it with raw`);
  } else {
    await addEnvelope(view, payload, deps);
  }
  await repositories.audit.record({
    actor: who,
    action: 'transmission-viewed',
    subjectType: 'transmission',
    subjectId: id,
  });
  return view;
}

async function addEnvelope(view: TransmissionView, payload: Buffer, deps: SupportDeps): Promise<void> {
  const { repositories } = deps;
  const read = readEnvelope(payload, {
    partners: deps.partners,
    transmissionId: view.id,
    mappingsDir: deps.mappingsDir,
  });
  view.interchanges = read.interchanges;
  if (read.interchanges.length === 0) view.notes.push('no X12 interchange found in the bytes');
  if (view.direction !== 'inbound') return;
  for (const document of read.documents) {
    const stored = (await repositories.documents.get(document.id)) !== null;
    view.documents.push({ ...document, stored });
    view.exceptions.push(
      ...(await repositories.exceptions.list({ subjectType: 'document', subjectId: document.id })),
    );
  }
  for (const interchange of read.interchanges) {
    const ack = await repositories.transmissions.get(ackTransmissionId(view.id, interchange.controlNumber));
    if (ack !== null) {
      view.acknowledgements.push({ transmissionId: ack.id, fileName: ack.sourceRef, status: ack.status });
    }
  }
  view.exceptions.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
}
