import { describe, expect, it } from 'vitest';
import {
  acknowledgeOrder,
  allocateOrder,
  type AllocationRules,
  type StockAtLocation,
} from '../../../../src/core/index.js';
import { line, order } from '../core-fixtures.js';

const dc = (locationId: string, available: string, itemId = 'W-1'): StockAtLocation => ({
  itemId,
  locationId,
  kind: 'dc',
  available,
});

const single: AllocationRules = { strategy: 'single-location-first', locations: ['DC-EAST', 'DC-WEST'] };
const split: AllocationRules = { strategy: 'split-allowed', locations: ['DC-EAST', 'DC-WEST'] };
const ranked: AllocationRules = { strategy: 'priority', locations: ['DC-EAST', 'DC-WEST'] };

describe('allocateOrder: single-location-first', () => {
  it('ships a line from the first location that can fill it whole', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
      [dc('DC-EAST', '5'), dc('DC-WEST', '20')],
      single,
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '10', backordered: '0', locationId: 'DC-WEST' },
    ]);
    expect(plan.reservations).toEqual([
      { lineNumber: '1', itemId: 'W-1', locationId: 'DC-WEST', quantity: '10' },
    ]);
  });

  it('prefers the earlier location when both can fill the line', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
      [dc('DC-WEST', '50'), dc('DC-EAST', '10')],
      single,
    );
    expect(plan.allocations.map((a) => a.locationId)).toEqual(['DC-EAST']);
  });

  it('never splits: the location with most ships what it has, the rest is backordered there', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
      [dc('DC-EAST', '6'), dc('DC-WEST', '8')],
      single,
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '8', backordered: '2', locationId: 'DC-WEST' },
    ]);
  });

  it('on a tie for most, keeps the preferred location', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
      [dc('DC-EAST', '4'), dc('DC-WEST', '4')],
      single,
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '4', backordered: '6', locationId: 'DC-EAST' },
    ]);
  });

  it('backorders the whole line at the preferred location when nothing is in stock', () => {
    const plan = allocateOrder([{ lineNumber: '1', itemId: 'W-1', quantity: '10' }], [], single);
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '0', backordered: '10', locationId: 'DC-EAST' },
    ]);
    expect(plan.reservations).toEqual([]);
  });
});

describe('allocateOrder: split-allowed', () => {
  it('empties the preferred location before taking from the next', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
      [dc('DC-EAST', '6'), dc('DC-WEST', '20')],
      split,
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '6', backordered: '0', locationId: 'DC-EAST' },
      { lineNumber: '1', allocated: '4', backordered: '0', locationId: 'DC-WEST' },
    ]);
    expect(plan.reservations.map((r) => [r.locationId, r.quantity])).toEqual([
      ['DC-EAST', '6'],
      ['DC-WEST', '4'],
    ]);
  });

  it('backorders what no location has at the preferred one', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
      [dc('DC-EAST', '3'), dc('DC-WEST', '2')],
      split,
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '3', backordered: '5', locationId: 'DC-EAST' },
      { lineNumber: '1', allocated: '2', backordered: '0', locationId: 'DC-WEST' },
    ]);
  });

  it('adds a backorder entry when the preferred location has nothing', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '10' }],
      [dc('DC-WEST', '4')],
      split,
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '0', backordered: '6', locationId: 'DC-EAST' },
      { lineNumber: '1', allocated: '4', backordered: '0', locationId: 'DC-WEST' },
    ]);
  });
});

describe('allocateOrder: priority', () => {
  const lines = [
    { lineNumber: '1', itemId: 'A', quantity: '5' },
    { lineNumber: '2', itemId: 'B', quantity: '5' },
  ];

  it('ships the whole order from the highest-ranked location that can fill every line', () => {
    const stock = [
      dc('DC-EAST', '10', 'A'),
      dc('DC-EAST', '2', 'B'),
      dc('DC-WEST', '5', 'A'),
      dc('DC-WEST', '5', 'B'),
    ];
    const plan = allocateOrder(lines, stock, ranked);
    expect(plan.allocations.map((a) => [a.lineNumber, a.locationId, a.allocated])).toEqual([
      ['1', 'DC-WEST', '5'],
      ['2', 'DC-WEST', '5'],
    ]);
  });

  it('counts lines of the same item together when judging a location complete', () => {
    const same = [
      { lineNumber: '1', itemId: 'A', quantity: '5' },
      { lineNumber: '2', itemId: 'A', quantity: '5' },
    ];
    const plan = allocateOrder(same, [dc('DC-EAST', '8', 'A'), dc('DC-WEST', '10', 'A')], ranked);
    expect(plan.allocations.map((a) => a.locationId)).toEqual(['DC-WEST', 'DC-WEST']);
  });

  it('falls back line by line, then down the ranking, when no location ships it complete', () => {
    const stock = [dc('DC-EAST', '10', 'A'), dc('DC-EAST', '2', 'B'), dc('DC-WEST', '3', 'B')];
    const plan = allocateOrder(lines, stock, ranked);
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '5', backordered: '0', locationId: 'DC-EAST' },
      { lineNumber: '2', allocated: '2', backordered: '0', locationId: 'DC-EAST' },
      { lineNumber: '2', allocated: '3', backordered: '0', locationId: 'DC-WEST' },
    ]);
  });

  it('uses only the ranked locations', () => {
    const stock = [dc('DC-EAST', '1', 'A'), dc('DC-CENTRAL', '100', 'A')];
    const plan = allocateOrder([{ lineNumber: '1', itemId: 'A', quantity: '5' }], stock, ranked);
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '1', backordered: '4', locationId: 'DC-EAST' },
    ]);
  });
});

describe('allocateOrder: stock, lines and locations', () => {
  it('lets earlier lines take competing stock first and backorders the later ones', () => {
    const plan = allocateOrder(
      [
        { lineNumber: '1', itemId: 'W-1', quantity: '6' },
        { lineNumber: '2', itemId: 'W-1', quantity: '6' },
        { lineNumber: '3', itemId: 'W-1', quantity: '6' },
      ],
      [dc('DC-EAST', '10')],
      split,
    );
    expect(plan.allocations.map((a) => [a.lineNumber, a.allocated, a.backordered])).toEqual([
      ['1', '6', '0'],
      ['2', '4', '2'],
      ['3', '0', '6'],
    ]);
    expect(plan.reservations.map((r) => r.quantity)).toEqual(['6', '4']);
  });

  it('without a partner list, ships from DCs before 3PLs before drop-shippers', () => {
    const stock: StockAtLocation[] = [
      { itemId: 'W-1', locationId: 'A-DROP', kind: 'dropship', available: '100' },
      { itemId: 'W-1', locationId: 'B-3PL', kind: '3pl', available: '3' },
      { itemId: 'W-1', locationId: 'Z-DC', kind: 'dc', available: '2' },
    ];
    const plan = allocateOrder([{ lineNumber: '1', itemId: 'W-1', quantity: '10' }], stock, {
      strategy: 'split-allowed',
    });
    expect(plan.allocations.map((a) => [a.locationId, a.allocated])).toEqual([
      ['Z-DC', '2'],
      ['B-3PL', '3'],
      ['A-DROP', '5'],
    ]);
  });

  it('treats stock committed beyond what is on hand as none', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '2' }],
      [dc('DC-EAST', '-3'), dc('DC-WEST', '1')],
      split,
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '0', backordered: '1', locationId: 'DC-EAST' },
      { lineNumber: '1', allocated: '1', backordered: '0', locationId: 'DC-WEST' },
    ]);
  });

  it('computes decimal quantities exactly', () => {
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '0.3' }],
      [dc('DC-EAST', '0.1'), dc('DC-WEST', '0.2')],
      split,
    );
    expect(plan.allocations.map((a) => a.allocated)).toEqual(['0.1', '0.2']);
  });

  it('backorders a line without an item, and answers a zero line with nothing, reserving neither', () => {
    const plan = allocateOrder(
      [
        { lineNumber: '1', quantity: '4' },
        { lineNumber: '2', itemId: 'W-1', quantity: '0' },
      ],
      [dc('DC-EAST', '10')],
      { strategy: 'single-location-first' },
    );
    expect(plan.allocations).toEqual([
      { lineNumber: '1', allocated: '0', backordered: '4', locationId: 'unassigned' },
      { lineNumber: '2', allocated: '0', backordered: '0', locationId: 'DC-EAST' },
    ]);
    expect(plan.reservations).toEqual([]);
  });

  it('gives an allocation the 855 accepts: IA for what ships, IB for the backorder', () => {
    const po = order({ lines: [line({ lineNumber: '1', quantity: '12' })] });
    const plan = allocateOrder(
      [{ lineNumber: '1', itemId: 'W-1', quantity: '12' }],
      [dc('DC-EAST', '8')],
      split,
    );
    const ack = acknowledgeOrder({
      order: po,
      findings: [],
      allocation: plan.allocations,
      ackDate: '2024-03-02',
    });
    expect(ack.ackTypeCode).toBe('AC');
    expect(ack.lines[0]?.statuses.map((s) => [s.statusCode, s.quantity])).toEqual([
      ['IA', '8'],
      ['IB', '4'],
    ]);
  });
});
