import { describe, expect, it } from 'vitest';
import { duplicatePoNumber } from '../../../src/core/rules/duplicate-po-number.js';
import { context, order } from './core-fixtures.js';

describe('duplicate-po-number', () => {
  it('holds a new PO whose number is on file and live', () => {
    const findings = duplicatePoNumber.check(
      order(),
      context({ existingOrders: [{ poNumber: 'PO-100', status: 'acknowledged' }] }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'duplicate-po-number',
      severity: 'hold',
      data: { poNumber: 'PO-100', existingStatus: 'acknowledged' },
    });
    expect(findings[0]?.lineNumber).toBeUndefined();
    expect(findings[0]?.message).toContain('PO-100');
  });

  it('lets a new PO through when the number is unused, or used by a cancelled or rejected PO', () => {
    expect(duplicatePoNumber.check(order(), context())).toEqual([]);
    const dead = context({
      existingOrders: [
        { poNumber: 'PO-100', status: 'cancelled' },
        { poNumber: 'PO-100', status: 'rejected' },
        { poNumber: 'PO-101', status: 'open' },
      ],
    });
    expect(duplicatePoNumber.check(order(), dead)).toEqual([]);
  });

  it('does not treat a cancellation or a change of the PO as a duplicate', () => {
    const onFile = context({ existingOrders: [{ poNumber: 'PO-100', status: 'open' }] });
    expect(duplicatePoNumber.check(order({ purpose: 'cancellation', purposeCode: '01' }), onFile)).toEqual(
      [],
    );
    expect(duplicatePoNumber.check(order({ purpose: 'other', purposeCode: '01' }), onFile)).toEqual([]);
    expect(duplicatePoNumber.check(order({ purpose: 'change', purposeCode: '04' }), onFile)).toEqual([]);
  });

  it('does not treat the same document evaluated again as a duplicate', () => {
    const same = context({
      existingOrders: [{ poNumber: 'PO-100', status: 'open', documentId: 'purchase_order:abc' }],
    });
    expect(duplicatePoNumber.check(order(), same)).toEqual([]);
  });
});
