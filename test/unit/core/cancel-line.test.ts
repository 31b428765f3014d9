import { describe, expect, it } from 'vitest';
import { evaluateOrder, lineDecisions, resolveException } from '../../../src/core/index.js';
import { cancelLine } from '../../../src/core/resolutions/cancel-line.js';
import { context, line, order } from './core-fixtures.js';
import { invalidReason } from './resolution-helpers.js';

const held = order({
  lines: [
    line({ lineNumber: '1' }),
    line({ lineNumber: '2', ids: { vendorPartNumber: 'VP-9' }, unitPrice: '3.00' }),
  ],
  dates: [{ type: 'requested_delivery', date: '2024-01-01' }],
});
const { findings } = evaluateOrder(held, context());

describe('cancel-line', () => {
  it("settles every hold on the line, and only that line's", () => {
    expect(findings.map((f) => [f.lineNumber ?? '-', f.ruleId])).toEqual([
      ['-', 'requested-delivery-date'],
      ['2', 'discontinued-sku'],
    ]);
    const result = resolveException('cancel-line', held, findings, {
      lineNumber: '2',
      reason: 'discontinued',
    });
    expect(result.findings.map((f) => f.resolvedBy)).toEqual([undefined, 'cancel-line', undefined]);
    // The header hold is still open.
    expect(result.decision).toBe('hold');
    expect(result.findings.at(-1)).toMatchObject({
      ruleId: 'cancel-line',
      lineNumber: '2',
      data: { reason: 'discontinued', quantity: '12', uom: 'EA' },
    });
    expect(lineDecisions(result.findings, '2').cancelled).toBe(true);
    expect(lineDecisions(result.findings, '1').cancelled).toBe(false);
  });

  it('refuses a missing reason, an unknown line, and a line already cancelled', () => {
    expect(
      invalidReason(() => cancelLine.validate(held, findings, { lineNumber: '2', reason: ' ' })),
    ).toContain('give a reason');
    expect(
      invalidReason(() => cancelLine.validate(held, findings, { lineNumber: '3', reason: 'x' })),
    ).toContain('has no line 3');
    const once = cancelLine.apply(held, findings, { lineNumber: '2', reason: 'x' });
    expect(
      invalidReason(() => cancelLine.validate(held, once.findings, { lineNumber: '2', reason: 'x' })),
    ).toContain('already cancelled');
  });
});
