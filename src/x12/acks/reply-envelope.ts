import { COMMON_DELIMITERS, type Delimiters } from '../delimiters.js';
import type { FunctionalGroup, Interchange } from '../envelope.js';
import type { GroupHeaderValues, InterchangeHeaderValues, SegmentValues } from '../writer.js';
import { isVersion5010OrLater, type AckKind } from './ack-kind.js';

// Tried in order when a 00402+ interchange came without a usable ISA11.
const SPARE_REPETITION_SEPARATORS = ['^', '{', '}', '!', '`', '\\'];

// A TA1 must still reach a sender whose ISA is broken (TA1 notes 004, 017, 020, 026, 027...), so
// fields the reply mirrors fall back to common values when the sender's cannot be written.
const FALLBACK_VERSION = '00401';
const FALLBACK_USAGE = 'P';

/**
 * The separators of the reply: the sender's own, so that their translator reads the answer as it
 * wrote the question. A 00402+ interchange sent without a repetition separator (ISA11 `U`) gets
 * one chosen, because the reply's ISA11 must hold one; unusable separators give way to `* > ~`.
 */
export function replyDelimiters(interchange: Interchange): Delimiters {
  const version = replyVersion(interchange);
  const d = usable(interchange.delimiters) ? interchange.delimiters : COMMON_DELIMITERS;
  if (d.repetition !== undefined || version < '00402') return d;
  const used = new Set([d.element, d.component, d.segment]);
  const repetition = SPARE_REPETITION_SEPARATORS.find((c) => !used.has(c));
  return { ...d, repetition };
}

/** The reply's ISA: sender and receiver swapped, ISA12 and ISA15 as received, no TA1 requested. */
export function replyInterchangeHeader(
  interchange: Interchange,
  controlNumber: number,
  now: Date,
): InterchangeHeaderValues {
  return {
    sender: interchange.receiver,
    receiver: interchange.sender,
    date: utc(now).slice(2, 8),
    time: utc(now).slice(8, 12),
    version: replyVersion(interchange),
    controlNumber,
    ackRequested: false,
    usage: /^[A-Z]$/.test(interchange.usage) ? interchange.usage : FALLBACK_USAGE,
  };
}

function replyVersion(interchange: Interchange): string {
  return /^\d{5}$/.test(interchange.version) ? interchange.version : FALLBACK_VERSION;
}

function usable(d: Delimiters): boolean {
  const characters = [
    d.element,
    d.component,
    d.segment,
    ...(d.repetition === undefined ? [] : [d.repetition]),
  ];
  const distinct = new Set(characters).size === characters.length;
  return distinct && characters.every((c) => c.length === 1 && !/[A-Za-z0-9 ]/.test(c));
}

/** The FA group header answering `group`: application sender and receiver swapped. */
export function replyGroupHeader(
  group: FunctionalGroup,
  version: string,
  controlNumber: number,
  now: Date,
): GroupHeaderValues {
  return {
    functionalId: 'FA',
    applicationSender: group.applicationReceiver,
    applicationReceiver: group.applicationSender,
    // GS04 grew from YYMMDD to CCYYMMDD in 004010; a partner on an older release reads the short form.
    date: version.slice(0, 6) < '004010' ? utc(now).slice(2, 8) : utc(now).slice(0, 8),
    time: utc(now).slice(8, 12),
    controlNumber,
    version,
  };
}

/** ST, then the body. ST03 repeats GS08 from 005010 on, where the element exists. */
export function replyTransactionSet(
  kind: AckKind,
  version: string,
  controlNumber: number,
  body: readonly SegmentValues[],
): SegmentValues[] {
  const st: SegmentValues = [
    'ST',
    kind.type,
    String(controlNumber).padStart(4, '0'),
    isVersion5010OrLater(version) ? version : '',
  ];
  return [st, ...body];
}

/** CCYYMMDDHHMM in UTC. */
function utc(now: Date): string {
  return now.toISOString().replace(/[-T:]/g, '').slice(0, 12);
}
