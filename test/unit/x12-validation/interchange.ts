import { expect } from 'vitest';
import { readX12 } from '../../../src/x12/index.js';
import type { Diagnostic } from '../../../src/x12/diagnostic.js';
import type { ReadResult } from '../../../src/x12/index.js';
import type { TransactionSet } from '../../../src/x12/envelope.js';

/**
 * Builds one interchange holding one transaction set, one segment per line: ISA is line 1, GS line 2
 * and ST line 3, so the segment at position `p` of the set sits on line `p + 2`.
 */
export interface SetTextOptions {
  /** ST01; `850` unless told. */
  setId?: string;
  /** GS01; the set's functional group unless told. */
  gs01?: string;
  /** GS08; `004010` unless told. */
  gs08?: string;
  /** ISA12; `00501` for a 005xxx GS08, else `00401`. */
  isa12?: string;
  /** GS04; `20240115` unless told (versions before 004010 carry a YYMMDD date). */
  gs04?: string;
}

const GROUP: Record<string, string> = { '850': 'PO', '856': 'SH', '999': 'FA', '997': 'FA', '940': 'OW' };

export function setText(body: readonly string[], o: SetTextOptions = {}): string {
  const setId = o.setId ?? '850';
  const gs08 = o.gs08 ?? '004010';
  const isa12 = o.isa12 ?? (gs08.startsWith('005') ? '00501' : '00401');
  const isa11 = isa12 >= '00402' ? '^' : 'U';
  const isa = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    'ZZ',
    'SENDER'.padEnd(15),
    'ZZ',
    'RECEIVER'.padEnd(15),
    '240115',
    '1200',
    isa11,
    isa12,
    '000000001',
    '0',
    'P',
    '>',
  ].join('*');
  const segments = [
    isa,
    `GS*${o.gs01 ?? GROUP[setId] ?? 'PO'}*SENDER*RECEIVER*${o.gs04 ?? '20240115'}*1200*1*X*${gs08}`,
    `ST*${setId}*0001`,
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return segments.map((s) => `${s}~\n`).join('');
}

/** Reads (and validates) a text that holds exactly one transaction set, and returns that set. */
export function readOne(text: string): { set: TransactionSet; result: ReadResult } {
  const result = readX12(text);
  expect(result.transactionSets).toHaveLength(1);
  return { set: result.transactionSets[0] as TransactionSet, result };
}

/** The validation problems of a set with the body given, envelope problems left out. */
export function problemsOf(body: readonly string[], o: SetTextOptions = {}): Diagnostic[] {
  const { set } = readOne(setText(body, o));
  return set.diagnostics.filter((d) => d.level === 'segment' || d.level === 'element');
}

/** The fields of a segment diagnostic that AK3/IK3 is built from, plus its line. */
export function segmentFacts(d: Diagnostic): Record<string, unknown> {
  return {
    level: d.level,
    code: d.code,
    segmentId: d.segmentId,
    segmentPosition: d.segmentPosition,
    loopId: d.loopId,
    line: d.line,
  };
}

/** The fields of an element diagnostic that AK4/IK4 is built from. */
export function elementFacts(d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    segmentId: d.segmentId,
    segmentPosition: d.segmentPosition,
    elementPosition: d.elementPosition,
    componentPosition: d.componentPosition,
    elementRef: d.elementRef,
    value: d.value,
  };
}

/** A purchase order body that validates cleanly in 004010 and 005010. */
export const GOOD_PO = ['BEG*00*SA*PO-1001**20240115', 'PO1*1*10*EA*2.50**VP*SKU-1', 'CTT*1'];
