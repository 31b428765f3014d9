import type {
  ExpectedAckStatus,
  ReferenceEntry,
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
import {
  MAX_INLINE_RAW_BYTES,
  MAX_SHOWN_SEGMENTS,
  readFileForShow,
  type DiagnosticView,
  type SegmentView,
} from './transmission-inspection.js';

/** Files larger than this are not read for `show` (a request must stay quick); `raw` still serves them. */
export const MAX_SHOWN_BYTES = 20 * 1024 * 1024;

/** Everything support can see about one transmission, without its bytes. */
export interface TransmissionView extends TransmissionSummary {
  /** Every status it went through, oldest first. */
  history: StatusChange[];
  /** Read from the stored bytes. */
  interchanges: InterchangeView[];
  /**
   * Inbound: the canonical documents the file carries, whether each is stored, and the stored
   * document itself (what the order core worked on).
   */
  documents: { id: string; type: string; stored: boolean; canonical?: Record<string, unknown> }[];
  /** Inbound: the 997/999/TA1 we stored for each interchange. */
  acknowledgements: { transmissionId: string; fileName: string | null; status: TransmissionStatus }[];
  /** Exceptions raised on the transmission or on its documents, newest first. */
  exceptions: StoredException[];
  /** Who did what to it (resends, reprocessing, accepted duplicates), oldest first. */
  audit: RecordedAuditEvent[];
  /** The stored bytes, when the file is at most 1 MB (otherwise a note says so). */
  raw: { encoding: 'base64'; data: string } | null;
  /** The file's segments in order, envelopes included, at most 5,000. */
  segments: SegmentView[];
  /** What the X12 reader and validator found, with segment, element and X12 code. */
  diagnostics: DiagnosticView[];
  /** The business and control numbers it is found by. */
  references: ReferenceEntry[];
  /** Inbound: our 997/999/TA1 and its delivery. Outbound: the partner's answer to each group. */
  acknowledgement: AcknowledgementState;
  /** What could not be shown and why (bytes archived, file too large, not X12). */
  notes: string[];
}

/** How the acknowledgement of a transmission stands, in the direction that applies. */
export type AcknowledgementState =
  | {
      direction: 'inbound';
      /** `none` when the partner takes no acknowledgement or the file had no interchange. */
      state: 'sent' | 'waiting' | 'not-delivered' | 'none';
      acknowledgements: { transmissionId: string; fileName: string | null; status: TransmissionStatus }[];
    }
  | {
      direction: 'outbound';
      /** Worst of its groups: rejected, overdue, pending, accepted; `none` when nothing is expected. */
      state: 'accepted' | 'rejected' | 'overdue' | 'pending' | 'none';
      groups: {
        groupControlNumber: string;
        functionalId: string;
        status: ExpectedAckStatus;
        dueAt: Date;
        answeredAt: Date | null;
        answeredByTransmissionId: string | null;
      }[];
    };

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
    raw: null,
    segments: [],
    diagnostics: [],
    references: (await repositories.references.of([id])).get(id) ?? [],
    acknowledgement: { direction: 'inbound', state: 'none', acknowledgements: [] },
    notes: [],
  };
  if (payload === null) {
    view.notes.push(`the bytes are archived${stored.archiveRef === null ? '' : ` (${stored.archiveRef})`}`);
  } else if (payload.length > MAX_SHOWN_BYTES) {
    view.notes.push(`the file (${payload.length} bytes) is too large to read here; fetch it with raw`);
  } else {
    await addEnvelope(view, payload, deps);
    addReading(view, payload);
  }
  view.acknowledgement = await acknowledgementOf(view, deps);
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
    const stored = await repositories.documents.get(document.id);
    view.documents.push(
      stored === null
        ? { ...document, stored: false }
        : { ...document, stored: true, canonical: stored.document },
    );
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

function addReading(view: TransmissionView, payload: Buffer): void {
  if (payload.length <= MAX_INLINE_RAW_BYTES) {
    view.raw = { encoding: 'base64', data: payload.toString('base64') };
  } else {
    view.notes.push(
      `the file (${payload.length} bytes) is over 1 MB: its bytes are not included; fetch it with raw`,
    );
  }
  const reading = readFileForShow(payload);
  view.segments = reading.segments;
  view.diagnostics = reading.diagnostics;
  if (reading.segmentCount > MAX_SHOWN_SEGMENTS) {
    view.notes.push(`only the first ${MAX_SHOWN_SEGMENTS} of ${reading.segmentCount} segments are listed`);
  }
}

const ACK_ORDER = ['rejected', 'overdue', 'pending', 'accepted'] as const;

async function acknowledgementOf(view: TransmissionView, deps: SupportDeps): Promise<AcknowledgementState> {
  if (view.direction === 'inbound') {
    const acks = view.acknowledgements;
    const state =
      acks.length === 0
        ? 'none'
        : acks.some((a) => a.status === 'failed')
          ? 'not-delivered'
          : acks.every((a) => a.status === 'sent' || a.status === 'acknowledged')
            ? 'sent'
            : 'waiting';
    return { direction: 'inbound', state, acknowledgements: acks };
  }
  const expected = await deps.repositories.expectedAcks.list({
    outboundTransmissionId: view.id,
    limit: 1000,
  });
  const groups = expected.map((e) => ({
    groupControlNumber: e.groupControlNumber,
    functionalId: e.functionalId,
    status: e.status,
    dueAt: e.dueAt,
    answeredAt: e.answeredAt,
    answeredByTransmissionId: e.answeredByTransmissionId,
  }));
  const verdicts = groups.map((g): (typeof ACK_ORDER)[number] =>
    g.status === 'pending' || g.status === 'overdue' || g.status === 'rejected' ? g.status : 'accepted',
  );
  const state = ACK_ORDER.find((verdict) => verdicts.includes(verdict)) ?? 'none';
  return { direction: 'outbound', state, groups };
}
