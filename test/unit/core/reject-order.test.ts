import { describe, expect, it } from 'vitest';
import { evaluateOrder, resolveException } from '../../../src/core/index.js';
import { rejectOrder } from '../../../src/core/resolutions/reject-order.js';
import { context, order } from './core-fixtures.js';
import { invalidReason } from './resolution-helpers.js';

const duplicate = context({ existingOrders: [{ poNumber: 'PO-100', status: 'open' }] });
const { findings } = evaluateOrder(order(), duplicate);

describe('reject-order', () => {
  it('settles every hold and rejects the order', () => {
    const result = resolveException('reject-order', order(), findings, { reason: 'sent twice' });
    expect(result.decision).toBe('reject');
    expect(result.findings[0]).toMatchObject({ ruleId: 'duplicate-po-number', resolvedBy: 'reject-order' });
    expect(result.findings.at(-1)).toEqual({
      ruleId: 'reject-order',
      severity: 'reject',
      message: 'PO PO-100: rejected by staff (sent twice).',
      data: { reason: 'sent twice' },
    });
  });

  it('leaves warnings as they were: they never held the order', () => {
    const warning = {
      ruleId: 'price-mismatch',
      severity: 'warning' as const,
      lineNumber: '1',
      message: 'm',
      data: {},
    };
    const result = rejectOrder.apply(order(), [warning, ...findings], { reason: 'x' });
    expect(result.findings[0]).toEqual(warning);
  });

  it('refuses a missing reason and a second rejection', () => {
    expect(invalidReason(() => rejectOrder.validate(order(), findings, { reason: '' }))).toContain(
      'give a reason',
    );
    const once = rejectOrder.apply(order(), findings, { reason: 'x' });
    expect(invalidReason(() => rejectOrder.validate(order(), once.findings, { reason: 'y' }))).toContain(
      'already rejected',
    );
  });
});
