import { X12FatInterchange, X12Interchange, X12Parser } from 'node-x12';

/** Counts node-x12 read back from a text: its strict parser checks SE01, GE01 and IEA01 itself. */
export interface ParsedCounts {
  groups: number;
  setsPerGroup: number[];
  segmentsPerSet: number[];
}

function counts(interchange: X12Interchange): ParsedCounts {
  const groups = interchange.functionalGroups;
  return {
    groups: groups.length,
    setsPerGroup: groups.map((g) => g.transactions.length),
    segmentsPerSet: groups.flatMap((g) => g.transactions.map((t) => t.segments.length + 2)),
  };
}

/** Parses with node-x12 in strict mode (throws on any envelope count or control number mismatch). */
export function parseBack(x12: string | undefined): ParsedCounts {
  if (x12 === undefined) throw new Error('expected X12 output, got none');
  const parsed = new X12Parser(true).parse(x12);
  if (parsed instanceof X12FatInterchange) throw new Error('expected one interchange');
  return counts(parsed);
}

/**
 * node-x12's strict parser has no place for a TA1 (it refuses any segment outside a group), so a
 * text with a TA1 is parsed leniently and every complaint must be about the TA1 alone.
 */
export function parseBackWithTa1(x12: string | undefined): ParsedCounts & { complaints: string[] } {
  if (x12 === undefined) throw new Error('expected X12 output, got none');
  const parser = new X12Parser(false);
  const parsed = parser.parse(x12);
  if (parsed instanceof X12FatInterchange) throw new Error('expected one interchange');
  const complaints = parser.diagnostics
    .map((d) => d.message)
    .filter((m) => !m.includes('TA1 segment cannot appear'));
  return { ...counts(parsed), complaints };
}
