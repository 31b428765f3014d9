/**
 * X12 syntax: reading (streaming, delimiters from each ISA), envelope and structure validation,
 * acknowledgements and writing. No I/O beyond the spec files shipped with the package.
 */
import type { TransactionSet } from './envelope.js';
import {
  readX12 as readRaw,
  readX12Stream as readRawStream,
  createX12Reader as createRaw,
} from './reader/index.js';
import type { ReaderHandlers, ReaderOptions, ReadResult, X12Reader, ReaderEvent } from './reader/index.js';
import { validateTransactionSet } from './validation/index.js';

export * from './codes.js';
export * from './delimiters.js';
export * from './diagnostic.js';
export * from './envelope.js';
export * from './loops.js';
export { Segment, type SegmentLocation, type SplitElement } from './segment.js';
export type { ReaderHandlers, ReaderOptions, ReadResult, X12Reader, ReaderEvent } from './reader/index.js';
export {
  validateTransactionSet,
  isValidDate,
  isValidTime,
  toIsoDate,
  type SetValidation,
} from './validation/index.js';
export {
  resolveSpecVersion,
  versionSpecs,
  transactionSetSpec,
  SPEC_VERSIONS,
  type SpecVersion,
  type StructureNode,
} from './specs/index.js';
export { functionalGroupOf } from './reader/functional-groups.js';
export * from './writer.js';
export * from './acks/index.js';

/** Structure and element validation as a reader hook: diagnostics in file order, loop tree kept. */
export function validateSet(set: TransactionSet): void {
  const { diagnostics, tree } = validateTransactionSet(set);
  set.diagnostics.push(...diagnostics);
  set.diagnostics.sort((a, b) => (a.segmentPosition ?? 0) - (b.segmentPosition ?? 0));
  if (tree) set.loops = tree;
}

const withValidation = (options: ReaderOptions): ReaderOptions => ({ validate: validateSet, ...options });

/**
 * Reads and validates a whole file held in memory.
 *
 * @example
 * const { interchanges, transactionSets } = readX12(fs.readFileSync('po.edi'));
 */
export function readX12(input: string | Uint8Array, options: ReaderOptions = {}): ReadResult {
  return readRaw(input, withValidation(options));
}

/** Reads and validates a file of any size, one transaction set at a time. */
export function readX12Stream(
  source: AsyncIterable<string | Uint8Array>,
  options: ReaderOptions = {},
): AsyncGenerator<ReaderEvent[]> {
  return readRawStream(source, withValidation(options));
}

/** Push-style reader with validation. */
export function createX12Reader(handlers: ReaderHandlers, options: ReaderOptions = {}): X12Reader {
  return createRaw(handlers, withValidation(options));
}
export { inFileOrder, interchangeDiagnostics } from './interchange-diagnostics.js';
export { explainsRejection, isSpecific } from './specific-diagnostic.js';
export { setLimitDiagnostics, type SetLimits } from './validation/set-limits.js';
