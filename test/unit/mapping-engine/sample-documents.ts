import { envelope, textSets } from './texts.js';
import { readFileSync } from 'node:fs';
import type { CanonicalDocument } from '../../../src/canonical/index.js';
import {
  loadMapping,
  readWithMapping,
  renderInterchange,
  type Envelope,
  type MappedDocument,
} from '../../../src/mapping/engine/index.js';
import { functionalGroupOf, readX12, type TransactionSet } from '../../../src/x12/index.js';
import { MAPPINGS, mappingFor } from './round-trip.js';

const FIXTURES = new URL('../../../fixtures/x12/', import.meta.url);

/** The transaction sets of a sample file (`820/EDI.Net__x12.820.issue140.edi`). */
export function sampleSets(path: string): TransactionSet[] {
  return readX12(readFileSync(new URL(path, FIXTURES))).transactionSets;
}

/** A set read with the default mapping for its set id and version. */
export function readSet(set: TransactionSet | undefined): MappedDocument {
  if (!set?.loops) throw new Error('expected a transaction set the validator accepted');
  const mapping = mappingFor(set);
  if (!mapping) throw new Error(`no mapping for ${set.id} ${set.group.version}`);
  return readWithMapping(set, set.loops, mapping, { partnerId: 'acme' });
}

/** The one document read from the `index`th set of a sample file, narrowed to `type`. */
export function readSample<T extends CanonicalDocument['type']>(
  path: string,
  type: T,
  index = 0,
): Extract<CanonicalDocument, { type: T }> {
  const { documents, diagnostics } = readSet(sampleSets(path)[index]);
  const [document] = documents;
  if (document?.type !== type) {
    throw new Error(`expected a ${type} from ${path}, got ${JSON.stringify({ documents, diagnostics })}`);
  }
  return document as Extract<CanonicalDocument, { type: T }>;
}

/** The one document read from X12 text written in a test (`segments` between ST and SE), narrowed to `type`. */
export function readText<T extends CanonicalDocument['type']>(
  setId: string,
  type: T,
  segments: string[],
  version = '004010',
): Extract<CanonicalDocument, { type: T }> {
  const { documents, diagnostics } = readSet(
    textSets(envelope(setId, segments, functionalGroupOf(setId) ?? 'PO', version))[0],
  );
  const [document] = documents;
  if (document?.type !== type) throw new Error(JSON.stringify(diagnostics));
  return document as Extract<CanonicalDocument, { type: T }>;
}

/**
 * The segments strictly between ST and SE of `document` rendered with mapping `name`
 * (`x12/004010/820`) in group version `version`, delimiters `* > ~ ^`.
 */
export function renderedBody(
  document: CanonicalDocument,
  name: string,
  version: string,
  functionalId: string,
): string[] {
  const v5 = version >= '005010';
  const envelope: Envelope = {
    delimiters: { element: '*', component: '>', segment: '~', repetition: v5 ? '^' : undefined },
    sender: { qualifier: 'ZZ', id: 'GATEWAY', gsId: 'GATEWAY' },
    receiver: { qualifier: 'ZZ', id: 'PARTNER', gsId: 'PARTNER' },
    version,
    interchangeVersion: v5 ? '00501' : '00401',
    usage: 'P',
    ackRequested: false,
    segmentNewline: false,
  };
  const x12 = renderInterchange(
    [document],
    loadMapping(MAPPINGS, name),
    envelope,
    { interchange: 1, group: 1, transactionSet: 1 },
    new Date('2026-01-02T03:04:05Z'),
    functionalId,
  );
  return setBody(x12);
}

/** The segments strictly between the first ST and its SE, without terminators. */
export function setBody(x12: string): string[] {
  const segments = x12
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const start = segments.findIndex((s) => s.startsWith('ST*'));
  const end = segments.findIndex((s) => s.startsWith('SE*'));
  return segments.slice(start + 1, end);
}

/** A canonical document's header, as a document read from X12 would carry it. */
export function canonicalHeader(type: string, setId: string, version: string) {
  return {
    id: `${type}-1`,
    partnerId: 'acme',
    source: { channel: 'x12' as const, transactionSetId: setId, version },
  };
}
