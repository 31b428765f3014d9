import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readX12, setLimitDiagnostics } from '../../../src/x12/index.js';

const shipNotice = readFileSync('fixtures/x12/856/EdiEngine__856.Crossdock.OK.edi');

describe("a partner's limits on one transaction set", () => {
  const [set] = readX12(shipNotice).transactionSets;

  it('finds nothing in a set within them', () => {
    expect(set?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(setLimitDiagnostics(set!, { maxSegmentsPerSet: set!.segments.length, maxHlDepth: 10 })).toEqual(
      [],
    );
  });

  it('names the first segment past maxSegmentsPerSet with AK304 code 5', () => {
    const [error] = setLimitDiagnostics(set!, { maxSegmentsPerSet: 10 });
    expect(error).toMatchObject({
      level: 'segment',
      code: '5',
      severity: 'error',
      segmentId: set!.segments[10]!.id,
      segmentPosition: 11,
    });
    expect(error?.message).toContain(
      `has ${set!.segments.length} segments, over the partner's limit of 10 (limits.maxSegmentsPerSet)`,
    );
  });

  it('names the first HL nested past maxHlDepth with AK304 code 4', () => {
    const [error] = setLimitDiagnostics(set!, { maxHlDepth: 1 });
    const second = set!.segments.findIndex((segment) => segment.id === 'HL' && segment.value(2) !== '');
    expect(error).toMatchObject({
      level: 'segment',
      code: '4',
      segmentId: 'HL',
      segmentPosition: second + 1,
    });
    expect(error?.message).toContain(
      "nested 2 levels deep, over the partner's limit of 1 (limits.maxHlDepth)",
    );
  });
});
