import { describe, expect, it } from 'vitest';
import {
  validateCanonical,
  formatCanonicalError,
  type PurchaseOrderAck,
} from '../../../src/canonical/index.js';
import {
  acknowledgeOrder,
  evaluateOrder,
  resolveException,
  type LineAllocation,
} from '../../../src/core/index.js';
import { isGatewayError } from '../../../src/errors/index.js';
import { context, line, order } from './core-fixtures.js';

const full = (lineNumber: string, quantity: string): LineAllocation => ({
  lineNumber,
  allocated: quantity,
  backordered: '0',
  locationId: 'DC-EAST',
});

function expectValid(ack: PurchaseOrderAck): void {
  const result = validateCanonical(ack);
  expect(result.valid ? [] : result.errors.map(formatCanonicalError)).toEqual([]);
}

const statusesOf = (ack: PurchaseOrderAck) =>
  ack.lines.map((l) => [l.lineNumber, l.statuses.map((s) => `${s.statusCode} ${s.quantity ?? ''}`)]);

describe('acknowledgeOrder', () => {
  const twoLines = order({ lines: [line({ lineNumber: '1' }), line({ lineNumber: '2', quantity: '24' })] });

  it('answers an order accepted as sent with AD and IA lines', () => {
    const { findings } = evaluateOrder(twoLines, context());
    const ack = acknowledgeOrder({
      order: twoLines,
      findings,
      allocation: [full('1', '12'), full('2', '24')],
      ackDate: '2024-03-02',
    });
    expect(ack).toMatchObject({
      ackType: 'accepted_no_changes',
      ackTypeCode: 'AD',
      poNumber: 'PO-100',
      poDate: '2024-03-01',
    });
    expect(statusesOf(ack)).toEqual([
      ['1', ['IA 12']],
      ['2', ['IA 24']],
    ]);
    expect(ack.lines[0]).toMatchObject({ quantityOrdered: '12', unitPrice: '10.00', uom: 'EA' });
    expect(ack.totals).toEqual({ lineCount: 2, quantityTotal: '36' });
    expectValid(ack);
  });

  it('answers a partly backordered order with AC, IA and IB quantities, summing split allocations', () => {
    const allocation = [
      full('1', '12'),
      { lineNumber: '2', allocated: '6', backordered: '0', locationId: 'DC-EAST' },
      { lineNumber: '2', allocated: '12', backordered: '6', locationId: 'DC-WEST' },
    ];
    const ack = acknowledgeOrder({ order: twoLines, findings: [], allocation, ackDate: '2024-03-02' });
    expect(ack.ackTypeCode).toBe('AC');
    expect(statusesOf(ack)).toEqual([
      ['1', ['IA 12']],
      ['2', ['IA 18', 'IB 6']],
    ]);
    expect(ack.lines[1]?.statuses[1]).toMatchObject({ status: 'backordered', uom: 'EA' });
    expectValid(ack);
  });

  it('answers a line with a cancelled sibling with IR for it and AC overall', () => {
    const input = order({
      lines: [line({ lineNumber: '1' }), line({ lineNumber: '2', ids: { sku: 'NOPE' } })],
    });
    const evaluated = evaluateOrder(input, context());
    expect(evaluated.decision).toBe('hold');
    const resolved = resolveException('cancel-line', input, evaluated.findings, {
      lineNumber: '2',
      reason: 'unknown item',
    });
    const ack = acknowledgeOrder({ ...resolved, allocation: [full('1', '12')], ackDate: '2024-03-02' });
    expect(ack.ackTypeCode).toBe('AC');
    expect(statusesOf(ack)).toEqual([
      ['1', ['IA 12']],
      ['2', ['IR 12']],
    ]);
    expect(ack.lines[1]?.statuses[0]?.status).toBe('rejected');
    expectValid(ack);
  });

  it('answers a price set by staff with IP and our price on the line', () => {
    const input = order({ lines: [line({ unitPrice: '9.50' })] });
    const evaluated = evaluateOrder(input, context());
    const resolved = resolveException('accept-price', input, evaluated.findings, {
      lineNumber: '1',
      unitPrice: '10.00',
    });
    const ack = acknowledgeOrder({ ...resolved, allocation: [full('1', '12')], ackDate: '2024-03-02' });
    expect(ack.ackTypeCode).toBe('AC');
    expect(statusesOf(ack)).toEqual([['1', ['IP 12']]]);
    expect(ack.lines[0]).toMatchObject({ unitPrice: '10.00', statuses: [{ status: 'price_changed' }] });
    expectValid(ack);
  });

  it("answers the buyer's price accepted by staff with IA", () => {
    const input = order({ lines: [line({ unitPrice: '9.50' })] });
    const resolved = resolveException('accept-price', input, evaluateOrder(input, context()).findings, {
      lineNumber: '1',
    });
    const ack = acknowledgeOrder({ ...resolved, allocation: [full('1', '12')], ackDate: '2024-03-02' });
    expect(ack.ackTypeCode).toBe('AD');
    expect(ack.lines[0]).toMatchObject({ unitPrice: '9.50', statuses: [{ statusCode: 'IA' }] });
  });

  it('answers a changed quantity with IQ for the new quantity', () => {
    const input = order({ lines: [line({ quantity: '13' })] });
    const resolved = resolveException('change-quantity', input, evaluateOrder(input, context()).findings, {
      lineNumber: '1',
      quantity: '12',
    });
    const ack = acknowledgeOrder({ ...resolved, allocation: [full('1', '12')], ackDate: '2024-03-02' });
    expect(statusesOf(ack)).toEqual([['1', ['IQ 12']]]);
    expect(ack.lines[0]?.quantityOrdered).toBe('13');
    expectValid(ack);
  });

  it('answers a rejected order with RJ and every line IR, without needing an allocation', () => {
    const resolved = resolveException('reject-order', twoLines, [], { reason: 'buyer asked' });
    const ack = acknowledgeOrder({ ...resolved, allocation: [], ackDate: '2024-03-02' });
    expect(ack).toMatchObject({ ackType: 'rejected', ackTypeCode: 'RJ' });
    expect(statusesOf(ack)).toEqual([
      ['1', ['IR 12']],
      ['2', ['IR 24']],
    ]);
    expectValid(ack);
  });

  it('gives the same id for the same order, and differs from the order id', () => {
    const build = () =>
      acknowledgeOrder({
        order: twoLines,
        findings: [],
        allocation: [full('1', '12'), full('2', '24')],
        ackDate: '2024-03-02',
      });
    expect(build().id).toBe(build().id);
    expect(build().id).toMatch(/^purchase_order_ack:[0-9a-f]{32}$/);
  });

  it('refuses an order with open holds, a missing or wrong allocation, and a cancellation', () => {
    const held = order({ lines: [line({ quantity: '13' })] });
    const attempt = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isGatewayError(error) ? error.code : 'other';
      }
      return 'none';
    };
    const { findings } = evaluateOrder(held, context());
    expect(
      attempt(() =>
        acknowledgeOrder({ order: held, findings, allocation: [full('1', '13')], ackDate: '2024-03-02' }),
      ),
    ).toBe('order-not-acknowledgeable');
    expect(
      attempt(() =>
        acknowledgeOrder({
          order: twoLines,
          findings: [],
          allocation: [full('1', '12')],
          ackDate: '2024-03-02',
        }),
      ),
    ).toBe('allocation-invalid');
    expect(
      attempt(() =>
        acknowledgeOrder({
          order: twoLines,
          findings: [],
          allocation: [full('1', '12'), full('2', '20')],
          ackDate: '2024-03-02',
        }),
      ),
    ).toBe('allocation-invalid');
    const cancellation = order({ purpose: 'cancellation', purposeCode: '01' });
    expect(
      attempt(() =>
        acknowledgeOrder({ order: cancellation, findings: [], allocation: [], ackDate: '2024-03-02' }),
      ),
    ).toBe('order-not-acknowledgeable');
  });
});
