import { readX12, type TransactionSet } from '../../../src/x12/index.js';

/** The transaction sets of X12 text written in a test. */
export function textSets(text: string): TransactionSet[] {
  return readX12(text).transactionSets;
}

/** One 004010 interchange around one set of `segments` (ST and SE added). */
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
