import { describe, expect, it } from 'vitest';
import { evaluateOrder, lineDecisions, resolveException } from '../../../src/core/index.js';
import { acceptPrice } from '../../../src/core/resolutions/accept-price.js';
import { context, line, order } from './core-fixtures.js';
import { invalidReason } from './resolution-helpers.js';

const held = order({ lines: [line({ lineNumber: '1', unitPrice: '9.50' }), line({ lineNumber: '2' })] });
const { findings } = evaluateOrder(held, context());

describe('accept-price', () => {
  it("settles the price hold at the buyer's price and accepts the order", () => {
    const result = resolveException('accept-price', held, findings, { lineNumber: '1' });
    expect(result.decision).toBe('accept');
    expect(result.order).toBe(held);
    expect(result.findings[0]).toMatchObject({ ruleId: 'price-mismatch', resolvedBy: 'accept-price' });
    expect(result.findings.at(-1)).toMatchObject({
      ruleId: 'accept-price',
      severity: 'warning',
      lineNumber: '1',
      data: { unitPrice: '9.50', buyerPrice: '9.50' },
    });
    expect(lineDecisions(result.findings, '1').unitPrice).toBe('9.50');
  });

  it('records another agreed price', () => {
    const result = resolveException('accept-price', held, findings, { lineNumber: '1', unitPrice: '10.00' });
    expect(result.findings.at(-1)?.data).toEqual({ unitPrice: '10.00', buyerPrice: '9.50' });
    expect(result.findings.at(-1)?.message).toContain('unit price of 10.00 (the buyer sent 9.50)');
  });

  it('does not mutate the findings it was given', () => {
    const before = structuredClone(findings);
    acceptPrice.apply(held, findings, { lineNumber: '1' });
    expect(findings).toEqual(before);
  });

  it('refuses a line not held for its price, an unknown line, and a price that is not a decimal', () => {
    expect(invalidReason(() => acceptPrice.validate(held, findings, { lineNumber: '2' }))).toContain(
      'line 2 is not held for its price',
    );
    expect(invalidReason(() => acceptPrice.validate(held, findings, { lineNumber: '9' }))).toContain(
      'has no line 9',
    );
    expect(
      invalidReason(() => acceptPrice.validate(held, findings, { lineNumber: '1', unitPrice: '1,5' })),
    ).toContain('is not a unit price');
    expect(
      invalidReason(() => acceptPrice.validate(held, findings, { lineNumber: '1', unitPrice: '-1' })),
    ).toContain('is not a unit price');
  });

  it('refuses a second acceptance once the hold is settled', () => {
    const once = resolveException('accept-price', held, findings, { lineNumber: '1' });
    expect(
      invalidReason(() => resolveException('accept-price', held, once.findings, { lineNumber: '1' })),
    ).toContain('not held for its price');
  });
});
