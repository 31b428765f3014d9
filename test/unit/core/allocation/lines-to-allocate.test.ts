import { describe, expect, it } from 'vitest';
import { linesToAllocate, resolveException, type RuleFinding } from '../../../../src/core/index.js';
import { line, order } from '../core-fixtures.js';

describe('linesToAllocate', () => {
  const po = order({
    lines: [
      line({ lineNumber: '1', quantity: '10' }),
      line({ lineNumber: '2', quantity: '5' }),
      line({ lineNumber: '3' }),
    ],
  });
  const held: RuleFinding[] = [
    {
      ruleId: 'pack-size',
      severity: 'hold',
      lineNumber: '1',
      message: 'not a pack',
      data: { packSize: '6' },
    },
    { ruleId: 'unknown-sku', severity: 'hold', lineNumber: '2', message: 'unknown', data: {} },
  ];

  it('takes the quantity staff agreed and leaves out cancelled lines', () => {
    const changed = resolveException('change-quantity', po, held, { lineNumber: '1', quantity: '12' });
    const cancelled = resolveException('cancel-line', po, changed.findings, {
      lineNumber: '2',
      reason: 'unknown item',
    });
    const lines = linesToAllocate(
      po,
      cancelled.findings,
      new Map([
        ['1', 'W-1'],
        ['3', 'W-1'],
      ]),
    );
    expect(lines).toEqual([
      { lineNumber: '1', itemId: 'W-1', quantity: '12' },
      { lineNumber: '3', itemId: 'W-1', quantity: '12' },
    ]);
  });

  it('keeps a line whose item is unknown, without an item', () => {
    expect(linesToAllocate(po, [], new Map())).toEqual([
      { lineNumber: '1', quantity: '10' },
      { lineNumber: '2', quantity: '5' },
      { lineNumber: '3', quantity: '12' },
    ]);
  });
});
