import { describe, expect, it } from 'vitest';
import { ElementError, TransactionSetError } from '../../../src/x12/index.js';
import { envelope, mapSet, only, textSets } from './fixture-sets.js';

describe('850 values that cannot be converted', () => {
  const map = (segments: string[]) => mapSet(textSets(envelope('850', segments))[0]);

  it('reports a bad order date as an element error (code 8) and produces no document', () => {
    const result = map(['BEG*00*SA*PO-1**20241340', 'PO1*1*2*EA*3']);
    expect(result.documents).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({
      level: 'element',
      code: ElementError.invalidDate,
      severity: 'error',
      segmentId: 'BEG',
      segmentPosition: 2,
      elementPosition: 5,
      value: '20241340',
    });
    expect(result.diagnostics[1]).toMatchObject({
      level: 'transaction',
      code: TransactionSetError.segmentsInError,
    });
    expect(result.diagnostics[1]?.message).toContain('/orderDate: is required');
  });

  it('reports a non-numeric quantity (code 6) with its segment position', () => {
    const result = map(['BEG*00*SA*PO-1**20240102', 'PO1*1*2*EA*3', 'PO1*2*12X*EA*3']);
    expect(result.diagnostics[0]).toMatchObject({
      level: 'element',
      code: ElementError.invalidCharacter,
      segmentId: 'PO1',
      segmentPosition: 4,
      elementPosition: 2,
      value: '12X',
    });
    expect(result.diagnostics[0]?.message).toBe("PO102 '12X' is not a number");
    expect(result.documents).toEqual([]);
  });

  it('keeps a complete document when only an optional date is bad, and still reports it', () => {
    const result = map(['BEG*00*SA*PO-1**20240102', 'DTM*002*20240231', 'PO1*1*2*EA*3']);
    const order = only(result, 'purchase_order');
    expect(order.dates).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: ElementError.invalidDate,
      segmentId: 'DTM',
      elementPosition: 2,
    });
  });

  it('takes the partner default currency when there is no CUR, and reads YYMMDD dates', () => {
    const result = mapSet(textSets(envelope('850', ['BEG*00*SA*PO-1**240102', 'PO1*1*2*EA*3']))[0], {
      partnerId: 'acme',
      defaultCurrency: 'CAD',
    });
    expect(only(result, 'purchase_order')).toMatchObject({ currency: 'CAD', orderDate: '2024-01-02' });
  });
});
