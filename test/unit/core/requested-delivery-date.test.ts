import { describe, expect, it } from 'vitest';
import { requestedDeliveryDate } from '../../../src/core/rules/requested-delivery-date.js';
import { context, line, order } from './core-fixtures.js';

const today = context({ today: '2024-03-01' });

describe('requested-delivery-date', () => {
  it('holds an order whose requested delivery date is before today', () => {
    const findings = requestedDeliveryDate.check(
      order({ dates: [{ type: 'requested_delivery', date: '2024-02-29' }] }),
      today,
    );
    expect(findings).toEqual([
      {
        ruleId: 'requested-delivery-date',
        severity: 'hold',
        message:
          'PO PO-100 asks for delivery on 2024-02-29, before today (2024-03-01); agree a new date with the buyer.',
        data: { requestedDate: '2024-02-29', today: '2024-03-01' },
      },
    ]);
  });

  it('accepts today and later, and orders with no requested date', () => {
    expect(
      requestedDeliveryDate.check(
        order({ dates: [{ type: 'requested_delivery', date: '2024-03-01' }] }),
        today,
      ),
    ).toEqual([]);
    expect(requestedDeliveryDate.check(order({ dates: [] }), today)).toEqual([]);
    // Other dates in the past are not delivery requests.
    expect(
      requestedDeliveryDate.check(order({ dates: [{ type: 'requested_ship', date: '2020-01-01' }] }), today),
    ).toEqual([]);
  });

  it('holds a line whose own requested delivery date is past', () => {
    const lines = [
      line({ lineNumber: '1', dates: [{ type: 'requested_delivery', date: '2024-03-05' }] }),
      line({ lineNumber: '2', dates: [{ type: 'requested_delivery', date: '2023-12-31' }] }),
    ];
    const findings = requestedDeliveryDate.check(order({ lines }), today);
    expect(findings.map((f) => [f.lineNumber, f.data.requestedDate])).toEqual([['2', '2023-12-31']]);
  });

  it('checks nothing on a cancellation', () => {
    const cancellation = order({
      purpose: 'cancellation',
      dates: [{ type: 'requested_delivery', date: '2020-01-01' }],
    });
    expect(requestedDeliveryDate.check(cancellation, today)).toEqual([]);
  });
});
