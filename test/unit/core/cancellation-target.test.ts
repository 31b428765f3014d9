import { describe, expect, it } from 'vitest';
import type { ExistingOrderStatus } from '../../../src/core/index.js';
import { cancellationTarget } from '../../../src/core/rules/cancellation-target.js';
import { context, order } from './core-fixtures.js';

const cancellation = order({ purpose: 'cancellation', purposeCode: '01' });
const withExisting = (status: ExistingOrderStatus) =>
  context({ existingOrders: [{ poNumber: 'PO-100', status }] });

describe('cancellation-target', () => {
  it('rejects a cancellation of a PO we never received', () => {
    const findings = cancellationTarget.check(cancellation, context());
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'cancellation-target',
        severity: 'reject',
        data: { poNumber: 'PO-100', existingStatus: 'none' },
      }),
    ]);
    expect(findings[0]?.message).toContain('which we never received');
  });

  it('recognises a cancellation by its BEG01 code alone', () => {
    expect(cancellationTarget.check(order({ purpose: 'other', purposeCode: '01' }), context())).toHaveLength(
      1,
    );
  });

  it('rejects a cancellation of a shipped or invoiced PO', () => {
    for (const status of ['shipped', 'invoiced'] as const) {
      const findings = cancellationTarget.check(cancellation, withExisting(status));
      expect(findings[0], status).toMatchObject({ severity: 'reject', data: { existingStatus: status } });
    }
  });

  it('holds a cancellation of a partly shipped PO and notes one of a cancelled PO', () => {
    expect(cancellationTarget.check(cancellation, withExisting('partially_shipped'))[0]?.severity).toBe(
      'hold',
    );
    expect(cancellationTarget.check(cancellation, withExisting('cancelled'))[0]?.severity).toBe('warning');
  });

  it('lets a cancellation of an open or acknowledged PO through', () => {
    expect(cancellationTarget.check(cancellation, withExisting('open'))).toEqual([]);
    expect(cancellationTarget.check(cancellation, withExisting('acknowledged'))).toEqual([]);
  });

  it('ignores orders that are not cancellations', () => {
    expect(cancellationTarget.check(order(), context())).toEqual([]);
  });
});
