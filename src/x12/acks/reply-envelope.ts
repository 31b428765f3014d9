import { COMMON_DELIMITERS, type Delimiters } from '../delimiters.js';
import type { FunctionalGroup, Interchange, PartyId } from '../envelope.js';
import { isIdQualifier, isSupportedInterchangeVersion } from '../reader/isa-checks.js';
import type { GroupHeaderValues, InterchangeHeaderValues, SegmentValues } from '../writer.js';
import { isVersion5010OrLater, type AckKind } from './ack-kind.js';
import { echoValue } from './clean-value.js';

// Tried in order when a 00402+ interchange came without a usable ISA11.
const SPARE_REPETITION_SEPARATORS = ['^', '{', '}', '!', '`', '\\'];

// A TA1 must still reach a sender whose ISA is broken (TA1 notes 004, 017, 020, 026, 027...), so
// fields the reply mirrors fall back to common values when the sender's cannot be written.
const FALLBACK_VERSION = '00401';
const FALLBACK_USAGE = 'P';
const USAGES = new Set(['P', 'T', 'I']);
/** ISA05/ISA07 for a qualifier that is not one: mutually defined. */
const FALLBACK_QUALIFIER = 'ZZ';
/** ISA06/ISA08 and GS02/GS03 for an id that holds nothing writable (empty, or only control bytes). */
const UNKNOWN_ID = 'UNKNOWN';
/** ISA06/ISA08 are AN 15/15; GS02/GS03 AN 2/15. */
const MAX_ID = 15;
const MIN_APPLICATION_ID = 2;

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

/**
 * The reply's ISA: sender and receiver swapped, ISA12 and ISA15 as received, no TA1 requested.
 * Ids are copied without separators and control bytes and cut to fifteen characters; a qualifier
 * that is none becomes `ZZ`, so that even a TA1 rejecting a broken ISA is itself a sound ISA.
 */
export function replyInterchangeHeader(
  interchange: Interchange,
  controlNumber: number,
  now: Date,
  delimiters: Delimiters,
): InterchangeHeaderValues {
  return {
    sender: replyParty(interchange.receiver, delimiters),
    receiver: replyParty(interchange.sender, delimiters),
    date: utc(now).slice(2, 8),
    time: utc(now).slice(8, 12),
    version: replyVersion(interchange),
    controlNumber,
    ackRequested: false,
    usage: USAGES.has(interchange.usage) ? interchange.usage : FALLBACK_USAGE,
  };
}

function replyParty(party: PartyId, delimiters: Delimiters): PartyId {
  const id = echoValue(party.id, delimiters, MAX_ID).trim();
  return {
    qualifier: isIdQualifier(party.qualifier) ? party.qualifier : FALLBACK_QUALIFIER,
    id: id === '' ? UNKNOWN_ID : id,
  };
}

function replyVersion(interchange: Interchange): string {
  return isSupportedInterchangeVersion(interchange.version) ? interchange.version : FALLBACK_VERSION;
}

function usable(d: Delimiters): boolean {
  const characters = [
    d.element,
    d.component,
    d.segment,
    ...(d.repetition === undefined ? [] : [d.repetition]),
  ];
  const distinct = new Set(characters).size === characters.length;
  // A NUL separator would make the reply read as binary data.
  // eslint-disable-next-line no-control-regex -- the NUL is exactly what is refused
  return distinct && characters.every((c) => c.length === 1 && !/[A-Za-z0-9 \u0000]/u.test(c));
}

/**
 * The FA group header answering `group`: application sender and receiver swapped, copied as the
 * ISA ids are; one that is shorter than GS02/GS03 allow falls back to the reply's ISA id.
 */
export function replyGroupHeader(
  group: FunctionalGroup,
  version: string,
  controlNumber: number,
  now: Date,
  reply: { readonly isa: InterchangeHeaderValues; readonly delimiters: Delimiters },
): GroupHeaderValues {
  return {
    functionalId: 'FA',
    applicationSender: applicationId(group.applicationReceiver, reply.isa.sender.id, reply.delimiters),
    applicationReceiver: applicationId(group.applicationSender, reply.isa.receiver.id, reply.delimiters),
    // GS04 grew from YYMMDD to CCYYMMDD in 004010; a partner on an older release reads the short form.
    date: version.slice(0, 6) < '004010' ? utc(now).slice(2, 8) : utc(now).slice(0, 8),
    time: utc(now).slice(8, 12),
    controlNumber,
    version,
  };
}

function applicationId(value: string, isaId: string, delimiters: Delimiters): string {
  const id = echoValue(value, delimiters, MAX_ID).trim();
  if (id.length >= MIN_APPLICATION_ID) return id;
  return isaId.length >= MIN_APPLICATION_ID ? isaId : UNKNOWN_ID;
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
