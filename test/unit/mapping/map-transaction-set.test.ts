import { describe, expect, it } from 'vitest';
import { mappedTransactionSets, mapTransactionSet } from '../../../src/mapping/index.js';
import { SegmentError, TransactionSetError } from '../../../src/x12/index.js';
import { envelope, mapSet, only, textSets } from './fixture-sets.js';

describe('mapTransactionSet', () => {
  it('maps the sets the registry holds, keyed by ST01', () => {
    expect(mappedTransactionSets()).toEqual(['810', '820', '850', '855', '856', '997', '999']);
  });

  it('reports a set it has no mapping for, instead of throwing', () => {
    const [set] = textSets(envelope('860', ['BCH*01*SA*PO-1**20240102']));
    if (!set) throw new Error('no set read');
    const result = mapTransactionSet(set, { loopId: 'ST', items: set.segments }, { partnerId: 'acme' });
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'transaction',
        code: TransactionSetError.notSupported,
        segmentId: 'ST',
        line: 3,
      }),
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      'transaction set 860 has no canonical mapping; mapped sets are 810, 820, 850, 855, 856, 997, 999',
    );
  });

  it('reports the missing segment that defines the document', () => {
    const result = mapSet(textSets(envelope('855', ['REF*CO*ACME-1'], 'PR'))[0]);
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'segment',
        code: SegmentError.mandatorySegmentMissing,
        segmentId: 'BAK',
      }),
    ]);
  });

  it('points a conversion problem at the file line and column a person can open', () => {
    const result = mapSet(
      textSets(envelope('850', ['BEG*00*SA*PO-1**20240102', 'PO1*1*2*EA*3', 'DTM*002*2024011'], 'PO'))[0],
    );
    expect(result.diagnostics[0]).toMatchObject({
      segmentId: 'DTM',
      segmentPosition: 4,
      line: 6,
      column: 1,
      fileSegmentIndex: 6,
    });
    expect(result.diagnostics[0]?.message).toBe(
      "DTM02 '2024011' is not a date (expected CCYYMMDD or YYMMDD)",
    );
  });

  it('leaves out source fields the caller did not give', () => {
    const result = mapSet(textSets(envelope('850', ['BEG*00*SA*PO-1**20240102', 'PO1*1*2*EA*3']))[0], {
      partnerId: 'acme',
    });
    const order = only(result, 'purchase_order');
    expect(order.source).not.toHaveProperty('transmissionId');
    expect(order.source).toMatchObject({
      senderId: 'SENDER',
      receiverId: 'RECEIVER',
      interchangeControlNumber: '000000101',
    });
    expect(JSON.stringify(order)).not.toContain('undefined');
  });
});
