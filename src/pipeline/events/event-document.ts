import {
  documentId,
  shipNoticeStructure,
  validateCanonical,
  withEmptyArrays,
  type CanonicalDocument,
  type CanonicalError,
} from '../../canonical/index.js';
import { BUSINESS_EVENTS, type BusinessEventKind } from './event-kinds.js';

export type EventDocument =
  { ok: true; document: CanonicalDocument } | { ok: false; reason: string; problems: CanonicalError[] };

/**
 * The canonical document an event body describes. The body is the document itself; what the
 * route already says may be left out: `type`, `source` (channel `api` and the event's stored
 * transmission), `partnerId` when the event was posted as a partner (`postedAs`), and `id`,
 * derived from the partner and the event's key (`shipmentId`, `invoiceNumber`) so that the same
 * event posted twice is the same document. Required lists may be left out (`"tares": []`...), and
 * a ship notice's `structure` too. Pure.
 *
 * @example
 * eventDocument('shipment-confirmed', '{"partnerId":"bigbox-retail","shipmentId":"SH-77",...}', eventId);
 * // { ok: true, document: { type: 'ship_notice', id: 'ship_notice:5be1...', ... } }
 */
export function eventDocument(
  kind: BusinessEventKind,
  text: string,
  eventTransmissionId: string,
  postedAs?: string,
): EventDocument {
  const { type, key } = BUSINESS_EVENTS[kind];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = `the body is not JSON: ${(error as Error).message}`;
    return { ok: false, reason, problems: [{ path: '', message: reason }] };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const reason = `the body must be one ${type} document as a JSON object`;
    return { ok: false, reason, problems: [{ path: '', message: reason }] };
  }
  const fields = body as Record<string, unknown>;
  if (fields['type'] !== undefined && fields['type'] !== type) {
    const message = `must be ${type} for ${kind} events (got ${JSON.stringify(fields['type'])})`;
    return { ok: false, reason: `/type ${message}`, problems: [{ path: '/type', message }] };
  }
  const partnerId = fields['partnerId'] ?? postedAs;
  const identifier = fields[key];
  const derivable = typeof partnerId === 'string' && typeof identifier === 'string';
  const candidate = withEmptyArrays({
    ...fields,
    ...(fields['partnerId'] === undefined && postedAs !== undefined ? { partnerId: postedAs } : {}),
    type,
    source: fields['source'] ?? { channel: 'api', transmissionId: eventTransmissionId },
    ...(fields['id'] === undefined && derivable ? { id: documentId(type, partnerId, [identifier]) } : {}),
  }) as Record<string, unknown>;
  // A ship notice's `structure` is what its levels are; an ERP need not say it.
  if (type === 'ship_notice' && candidate['structure'] === undefined) {
    candidate['structure'] = shipNoticeStructure(candidate);
  }
  const result = validateCanonical(candidate);
  if (result.valid) return { ok: true, document: result.document };
  const problems = result.errors.map((e) =>
    e.path === '/id' && e.message === 'is required'
      ? { path: e.path, message: `is required when partnerId and ${key} do not give one` }
      : e,
  );
  return {
    ok: false,
    reason: `not a valid ${type}: ${problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`,
    problems,
  };
}
