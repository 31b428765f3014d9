import { readFileSync } from 'node:fs';
import { mapTransactionSet, type MappingContext, type MappingResult } from '../../../src/mapping/index.js';
import { readX12, type LoopInstance, type TransactionSet } from '../../../src/x12/index.js';

const FIXTURES = new URL('../../../fixtures/x12/', import.meta.url);

/** The transaction sets of a fixture file (`850/node-x12__850.edi`), read with the real reader. */
export function fixtureSets(path: string): TransactionSet[] {
  return readX12(readFileSync(new URL(path, FIXTURES))).transactionSets;
}

/** The transaction sets of X12 text written in a test. */
export function textSets(text: string): TransactionSet[] {
  return readX12(text).transactionSets;
}

export const CONTEXT: MappingContext = { partnerId: 'acme', transmissionId: 'tx-1' };

/** The loop tree the structural validator built while reading the set. */
export function loopTree(set: TransactionSet): LoopInstance {
  if (!set.loops)
    throw new Error(
      `the validator built no loop tree for ${set.id} ${set.group.version}: ${JSON.stringify(set.diagnostics)}`,
    );
  return set.loops;
}

/** Maps one set with its loop tree. */
export function mapSet(set: TransactionSet | undefined, context: MappingContext = CONTEXT): MappingResult {
  if (!set) throw new Error('the fixture holds no such transaction set');
  return mapTransactionSet(set, loopTree(set), context);
}

/** Maps the `index`th set of a fixture file. */
export function mapFixture(path: string, index = 0, context: MappingContext = CONTEXT): MappingResult {
  return mapSet(fixtureSets(path)[index], context);
}

/** The single document a mapping is expected to produce, narrowed to `type`. */
export function only<T extends MappingResult['documents'][number]['type']>(
  result: MappingResult,
  type: T,
): Extract<MappingResult['documents'][number], { type: T }> {
  const [document] = result.documents;
  if (result.documents.length !== 1 || document?.type !== type) {
    throw new Error(`expected one ${type}, got ${JSON.stringify(result)}`);
  }
  return document as Extract<MappingResult['documents'][number], { type: T }>;
}

/**
 * A one-set interchange around `segments` (without ST/SE), with correct counts and control
 * numbers, for tests that need a value no sample file has.
 *
 * @example
 * textSets(envelope('850', ['BEG*00*SA*PO1**20240102', 'PO1*1*2*EA*3']));
 */
export function envelope(
  setId: string,
  segments: readonly string[],
  functionalId = 'PO',
  version = '004010',
): string {
  const isa =
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240102*1200*U*00401*000000101*0*P*>';
  const body = [`ST*${setId}*0001`, ...segments, `SE*${segments.length + 2}*0001`];
  return [
    isa,
    `GS*${functionalId}*SENDER*RECEIVER*20240102*1200*101*X*${version}`,
    ...body,
    'GE*1*101',
    'IEA*1*000000101',
  ]
    .map((segment) => `${segment}~`)
    .join('\n');
}
