import { setTimeout as sleep } from 'node:timers/promises';
import type { PartnerRegistry } from '../../partners/index.js';
import { ackTransmissionId } from '../../pipeline/index.js';
import type { TransmissionStatus, TransmissionStore } from '../../store/index.js';
import { readX12 } from '../../x12/index.js';

/** One acknowledgement as the HTTP answer carries it. */
export interface ReturnedAcknowledgement {
  transmissionId: string;
  /** The file name it would have been delivered under, e.g. `997-000000012.x12`. */
  name: string;
  x12: string;
}

/** How waiting went: every acknowledgement due is stored, or the time ran out first. */
export type AcknowledgementWait =
  { ready: true; acknowledgements: ReturnedAcknowledgement[] } | { ready: false };

export interface AcknowledgementWaitDeps {
  transmissions: TransmissionStore;
  partners: PartnerRegistry;
}

/** What an inbound transmission ends in once the inbound worker is done with it. */
const READ: ReadonlySet<TransmissionStatus> = new Set(['processed', 'rejected', 'failed']);
const FIRST_POLL_MS = 20;
const LONGEST_POLL_MS = 250;
const STATUS_EVERY_MS = 250;

/**
 * Waits up to `waitMs` for the acknowledgement (997/999/TA1) of each interchange of a posted
 * transmission. The inbound worker stores each one before it marks the transmission read, so the
 * acknowledgements themselves are watched (often at first, then less): the answer goes out as soon
 * as the last one due is stored. An interchange that gets none (unknown sender, a partner that
 * takes none) is not waited for: waiting then ends when the transmission is read. Stops early when
 * `signal` aborts.
 *
 * @example
 * const wait = await awaitAcknowledgements(id, bytes, { transmissions, partners }, 30_000, signal);
 */
export async function awaitAcknowledgements(
  inboundId: string,
  bytes: Uint8Array,
  deps: AcknowledgementWaitDeps,
  waitMs: number,
  signal: AbortSignal,
): Promise<AcknowledgementWait> {
  const expected = interchangesOf(bytes, deps.partners);
  const found = new Map<string, ReturnedAcknowledgement>();
  const deadline = Date.now() + waitMs;
  let statusDue = Date.now() + STATUS_EVERY_MS;
  let pause = FIRST_POLL_MS;
  for (;;) {
    await collect(inboundId, expected, found, deps.transmissions);
    const due = expected.filter((i) => i.answered);
    if (due.length > 0 && due.every((i) => found.has(i.controlNumber))) return ready(expected, found);
    if (due.length === 0 || Date.now() >= statusDue) {
      statusDue = Date.now() + STATUS_EVERY_MS;
      if (READ.has((await deps.transmissions.summary(inboundId))?.status ?? 'received')) {
        await collect(inboundId, expected, found, deps.transmissions);
        return ready(expected, found);
      }
    }
    const left = deadline - Date.now();
    if (left <= 0 || signal.aborted) return { ready: false };
    await sleep(Math.min(pause, left), undefined, { signal }).catch(() => undefined);
    pause = Math.min(pause * 2, LONGEST_POLL_MS);
  }
}

interface ExpectedInterchange {
  controlNumber: string;
  /** Its sender is a partner that is answered (enabled, functional acknowledgement not `none`). */
  answered: boolean;
}

function interchangesOf(bytes: Uint8Array, partners: PartnerRegistry): ExpectedInterchange[] {
  // Only the envelopes matter (ISA13 names each acknowledgement): no set validation.
  const { interchanges } = readX12(bytes, { validate: () => undefined });
  const byNumber = new Map<string, ExpectedInterchange>();
  for (const { controlNumber, sender } of interchanges) {
    if (byNumber.has(controlNumber)) continue; // one acknowledgement id per ISA13
    const partner = partners.byInterchangeSender(sender.qualifier, sender.id);
    const answered = partner?.enabled === true && partner.acknowledgements.functional !== 'none';
    byNumber.set(controlNumber, { controlNumber, answered });
  }
  return [...byNumber.values()];
}

async function collect(
  inboundId: string,
  expected: readonly ExpectedInterchange[],
  found: Map<string, ReturnedAcknowledgement>,
  transmissions: TransmissionStore,
): Promise<void> {
  for (const { controlNumber } of expected) {
    if (found.has(controlNumber)) continue;
    const id = ackTransmissionId(inboundId, controlNumber);
    const ack = await transmissions.read(id);
    if (ack?.payload == null) continue;
    found.set(controlNumber, {
      transmissionId: id,
      name: ack.sourceRef ?? `${id}.x12`,
      x12: ack.payload.toString('utf8'),
    });
  }
}

function ready(
  expected: readonly ExpectedInterchange[],
  found: ReadonlyMap<string, ReturnedAcknowledgement>,
): AcknowledgementWait {
  const acknowledgements = expected.flatMap((i) => found.get(i.controlNumber) ?? []);
  return { ready: true, acknowledgements };
}
