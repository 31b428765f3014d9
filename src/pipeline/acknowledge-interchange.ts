import { createHash } from 'node:crypto';
import { GatewayError, isGatewayError } from '../errors/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import type { ReferenceEntry, Repositories } from '../store/index.js';
import { buildAcknowledgement, type Acknowledgement, type Interchange } from '../x12/index.js';
import { ackJobId, enqueueOutbound } from './job-queue.js';
import type { JobQueue } from './job-queue.js';

/**
 * The partner's 997/999 (and TA1 where due) for one interchange, numbered from 1. Pure: the
 * summary's verdicts feed the envelope index whether or not the acknowledgement is ever sent.
 */
export function draftAcknowledgement(
  interchange: Interchange,
  partner: X12PartnerConfig,
  now: Date,
  controlNumbers = { interchange: 1, group: 1, transactionSet: 1 },
): Acknowledgement {
  const { functional, ta1 } = partner.acknowledgements;
  return buildAcknowledgement(interchange, {
    ...(functional === 'none' ? {} : { type: functional }),
    ta1,
    controlNumbers,
    now,
    segmentNewline: partner.x12.segmentNewline,
  });
}

/**
 * The outbound transmission id of the acknowledgement of one inbound interchange. Derived, not
 * random, so that a job run twice finds what its first run stored instead of storing it again.
 */
export function ackTransmissionId(inboundId: string, interchangeControlNumber: string): string {
  return derivedUuid(`ack:${inboundId}:${interchangeControlNumber}`);
}

/** A UUID derived from a text: the same text always gives the same id. */
export function derivedUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  // UUID layout with version 8 (custom) and the RFC 9562 variant, so a uuid column accepts it.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The reference our acknowledgement carries to the inbound interchange it answers: from it, the
 * recovery sweep names the acknowledgement's delivery job (`ack-<inbound id>-<ISA13>`) again.
 *
 * @example
 * acknowledgesReference('3f0c...', '000000905'); // { kind: 'acknowledges', value: '3f0c.../000000905' }
 */
export function acknowledgesReference(inboundId: string, interchangeControlNumber: string): ReferenceEntry {
  return { kind: 'acknowledges', value: `${inboundId}/${interchangeControlNumber}` };
}

/** The inbound transmission and ISA13 an `acknowledges` reference names; undefined for another. */
export function acknowledgedInterchange(
  reference: ReferenceEntry,
): { inboundId: string; interchangeControlNumber: string } | undefined {
  if (reference.kind !== 'acknowledges') return undefined;
  const slash = reference.value.lastIndexOf('/');
  if (slash <= 0) return undefined;
  return {
    inboundId: reference.value.slice(0, slash),
    interchangeControlNumber: reference.value.slice(slash + 1),
  };
}

export interface AcknowledgeDeps {
  repositories: Pick<Repositories, 'transmissions' | 'controlNumbers' | 'references'>;
  queues: JobQueue;
  now: Date;
  /** Queue the delivery this much later (the sender awaits it in the answer to its post). */
  holdDeliveryMs?: number | undefined;
}

/**
 * Stores the acknowledgement of one inbound interchange as an outbound transmission and queues its
 * delivery; returns its id, or undefined when the partner takes none. Control numbers are
 * allocated only when nothing is stored yet for this interchange, so a second run neither stores
 * twice nor uses up numbers. A crash between allocating and storing leaves a gap, which X12 allows.
 *
 * @example
 * const ackId = await storeAcknowledgement(inboundId, interchange, partner, { repositories, queues, now: new Date() });
 */
export async function storeAcknowledgement(
  inboundId: string,
  interchange: Interchange,
  partner: X12PartnerConfig,
  deps: AcknowledgeDeps,
): Promise<string | undefined> {
  if (partner.acknowledgements.functional === 'none') return undefined;
  const { transmissions, references } = deps.repositories;
  const id = ackTransmissionId(inboundId, interchange.controlNumber);
  const answers = acknowledgesReference(inboundId, interchange.controlNumber);
  if ((await transmissions.summary(id)) !== null) {
    // Stored by an earlier run, which may have died before recording what it answers.
    await references.add(id, [answers]);
  } else {
    const draft = draftAcknowledgement(interchange, partner, deps.now);
    if (draft.x12 === undefined) return undefined;
    const numbers = await allocate(partner.id, draft.summary.controlNumbersUsed.groups.length, deps);
    const { x12 } = draftAcknowledgement(interchange, partner, deps.now, numbers);
    if (x12 === undefined) return undefined;
    const isa13 = String(numbers.interchange).padStart(9, '0');
    const sourceRef = `${partner.acknowledgements.functional}-${isa13}.x12`;
    await transmissions
      .recordOutbound(Buffer.from(x12, 'utf8'), {
        id,
        partnerId: partner.id,
        channel: partner.transport.type,
        sourceRef,
        createdAt: deps.now,
      })
      .then(() =>
        // Our 997/999 is found by its own ISA13 too, like every file we send.
        references.add(id, [
          { kind: 'isa13', value: isa13 },
          { kind: 'document-type', value: partner.acknowledgements.functional },
          answers,
        ]),
      )
      .catch((error: unknown) => {
        // Stored by a run of the same job that overlapped this one: theirs stands.
        if (!isGatewayError(error) || error.code !== 'duplicate') throw error;
      });
  }
  const jobId = ackJobId(inboundId, interchange.controlNumber);
  await enqueueOutbound(deps.queues, id, jobId, 'prompt', deps.holdDeliveryMs);
  return id;
}

/**
 * One ISA13 and `groups` consecutive GS06 numbers. The acknowledgement numbers its FA groups
 * upwards from the first GS06, so a range interleaved with another process's numbers is refused
 * and retried rather than sent with a number someone else also sends.
 */
async function allocate(partnerId: string, groups: number, deps: AcknowledgeDeps) {
  const { controlNumbers } = deps.repositories;
  const interchange = await controlNumbers.next(partnerId, 'ISA');
  const gs: number[] = [];
  for (let i = 0; i < Math.max(1, groups); i++) gs.push(await controlNumbers.next(partnerId, 'GS'));
  const first = gs[0] as number;
  if (gs.some((n, i) => n !== first + i)) {
    throw new GatewayError(
      'control-numbers-interleaved',
      `GS control numbers ${gs.join(', ')} for partner ${partnerId} are not consecutive; retrying`,
      { permanent: false },
    );
  }
  return { interchange, group: first, transactionSet: 1 };
}
