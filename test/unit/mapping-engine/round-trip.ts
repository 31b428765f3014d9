import { existsSync } from 'node:fs';
import type { CanonicalDocument } from '../../../src/canonical/index.js';
import {
  loadMapping,
  readWithMapping,
  renderInterchange,
  type Envelope,
  type Mapping,
} from '../../../src/mapping/engine/index.js';
import { hasErrors, readX12, type TransactionSet } from '../../../src/x12/index.js';

export const MAPPINGS = new URL('../../../mappings/', import.meta.url).pathname;

/** The default mapping for a set read from a file, or `undefined` where there is none yet. */
export function mappingFor(set: TransactionSet): Mapping | undefined {
  const version = set.group.version.startsWith('005') ? '005010' : '004010';
  const name = `x12/${version}/${set.id}`;
  return existsSync(`${MAPPINGS}${name}.yaml`) ? loadMapping(MAPPINGS, name) : undefined;
}

/** An envelope in the set's own version, for rendering it back. */
export function envelopeFor(set: TransactionSet): Envelope {
  const v5 = set.group.version.startsWith('005');
  return {
    delimiters: { element: '*', component: '>', segment: '~', repetition: v5 ? '^' : undefined },
    sender: { qualifier: 'ZZ', id: 'GATEWAY', gsId: 'GATEWAY' },
    receiver: { qualifier: 'ZZ', id: 'PARTNER', gsId: 'PARTNER' },
    version: set.group.version,
    interchangeVersion: v5 ? '00501' : '00401',
    usage: 'P',
    ackRequested: false,
    segmentNewline: true,
  };
}

/** The document without what depends on the envelope it came in (id and source). */
export function content(document: CanonicalDocument | undefined): unknown {
  if (!document) return undefined;
  const { id: _id, source: _source, ...rest } = document;
  return rest;
}

/** read -> canonical -> render -> read -> canonical for one accepted set. */
export function roundTrip(set: TransactionSet, mapping: Mapping, functionalId: string) {
  const first = readWithMapping(set, set.loops ?? { loopId: 'ST', items: [] }, mapping, {
    partnerId: 'partner',
  });
  const document = first.documents[0];
  if (!document) return { first, document, x12: undefined, second: undefined };
  const x12 = renderInterchange(
    [document],
    mapping,
    envelopeFor(set),
    { interchange: 1, group: 1, transactionSet: 1 },
    new Date('2026-01-02T03:04:05Z'),
    functionalId,
  );
  const back = readX12(x12).transactionSets[0];
  const second =
    back && !hasErrors(back.diagnostics)
      ? readWithMapping(back, back.loops ?? { loopId: 'ST', items: [] }, mapping, { partnerId: 'partner' })
      : undefined;
  return { first, document, x12, second: second?.documents[0] };
}
