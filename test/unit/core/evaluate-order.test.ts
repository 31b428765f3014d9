import { describe, expect, it } from 'vitest';
import { decideOrder, evaluateOrder, orderRules, type OrderRule } from '../../../src/core/index.js';
import { context, line, order } from './core-fixtures.js';

describe('evaluateOrder', () => {
  it('accepts a clean order with no findings', () => {
    expect(evaluateOrder(order(), context())).toEqual({ decision: 'accept', findings: [] });
  });

  it('holds an order with a hold, listing header findings first, then lines in order', () => {
    const lines = [
      line({ lineNumber: '1', quantity: '13' }),
      line({ lineNumber: '2', unitPrice: '11.00', ids: { sku: 'NOPE' } }),
    ];
    const result = evaluateOrder(
      order({ lines, dates: [{ type: 'requested_delivery', date: '2024-02-01' }] }),
      context(),
    );
    expect(result.decision).toBe('hold');
    expect(result.findings.map((f) => [f.lineNumber ?? '-', f.ruleId])).toEqual([
      ['-', 'requested-delivery-date'],
      ['1', 'pack-size'],
      ['2', 'unknown-sku'],
    ]);
  });

  it('accepts an order whose findings are warnings only', () => {
    const { unitPrice: _, ...unpriced } = line();
    const result = evaluateOrder(order({ lines: [unpriced] }), context());
    expect(result.decision).toBe('accept');
    expect(result.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('rejects a cancellation of an unknown PO, and accepts one of an open PO', () => {
    const cancellation = order({
      purpose: 'cancellation',
      purposeCode: '01',
      lines: [line({ ids: { sku: 'NOPE' } })],
    });
    expect(evaluateOrder(cancellation, context()).decision).toBe('reject');
    const onFile = context({ existingOrders: [{ poNumber: 'PO-100', status: 'open' }] });
    expect(evaluateOrder(cancellation, onFile)).toEqual({ decision: 'accept', findings: [] });
  });

  it('is deterministic: the same input gives the same result', () => {
    const input = order({
      lines: [line({ quantity: '5', unitPrice: '1' }), line({ lineNumber: '2', uom: 'PL' })],
    });
    expect(evaluateOrder(input, context())).toEqual(evaluateOrder(structuredClone(input), context()));
  });

  it('runs every registered rule once, and only the rules given', () => {
    expect(new Set(orderRules.map((rule) => rule.id)).size).toBe(orderRules.length);
    const always: OrderRule = {
      id: 'always',
      description: 'test',
      check: () => [{ ruleId: 'always', severity: 'warning', message: 'x', data: {} }],
    };
    expect(evaluateOrder(order(), context(), [always]).findings).toHaveLength(1);
  });
});

describe('decideOrder', () => {
  const finding = (severity: 'reject' | 'hold' | 'warning', resolvedBy?: string) => ({
    ruleId: 'r',
    severity,
    message: 'm',
    data: {},
    ...(resolvedBy ? { resolvedBy } : {}),
  });

  it('lets reject win over hold, and hold over warning', () => {
    expect(decideOrder([finding('hold'), finding('reject')])).toBe('reject');
    expect(decideOrder([finding('warning'), finding('hold')])).toBe('hold');
    expect(decideOrder([finding('warning')])).toBe('accept');
  });

  it('ignores findings staff have settled', () => {
    expect(decideOrder([finding('hold', 'release-hold')])).toBe('accept');
  });
});
