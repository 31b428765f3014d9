import { describe, expect, it } from 'vitest';
import { evaluateOrder, resolveException } from '../../../src/core/index.js';
import { releaseHold } from '../../../src/core/resolutions/release-hold.js';
import { context, order } from './core-fixtures.js';
import { invalidReason } from './resolution-helpers.js';

const late = order({ dates: [{ type: 'requested_delivery', date: '2024-02-01' }] });
const { findings } = evaluateOrder(late, context());

describe('release-hold', () => {
  it('lets a checked header hold pass and records the note', () => {
    const result = resolveException('release-hold', late, findings, {
      ruleId: 'requested-delivery-date',
      note: 'buyer accepts delivery on 2024-03-08',
    });
    expect(result.decision).toBe('accept');
    expect(result.findings[0]?.resolvedBy).toBe('release-hold');
    expect(result.findings.at(-1)).toMatchObject({
      ruleId: 'release-hold',
      severity: 'warning',
      data: { releasedRuleId: 'requested-delivery-date', note: 'buyer accepts delivery on 2024-03-08' },
    });
    expect(result.findings.at(-1)?.lineNumber).toBeUndefined();
  });

  it('refuses a hold that is not open (wrong rule, wrong line) and a missing note', () => {
    expect(
      invalidReason(() => releaseHold.validate(late, findings, { ruleId: 'pack-size', note: 'x' })),
    ).toContain('the order has no open "pack-size" hold');
    expect(
      invalidReason(() =>
        releaseHold.validate(late, findings, {
          ruleId: 'requested-delivery-date',
          lineNumber: '1',
          note: 'x',
        }),
      ),
    ).toContain('line 1 has no open');
    expect(
      invalidReason(() =>
        releaseHold.validate(late, findings, { ruleId: 'requested-delivery-date', note: '' }),
      ),
    ).toContain('give a note');
  });

  it('without a line number releases the hold of that rule on every line, and only that rule', () => {
    const held = (lineNumber: string, ruleId = 'pack-size') => ({
      ruleId,
      severity: 'hold' as const,
      lineNumber,
      message: `line ${lineNumber} breaks ${ruleId}`,
      data: {},
    });
    const lineHolds = [held('1'), held('2'), held('2', 'minimum-quantity')];
    const result = resolveException('release-hold', late, lineHolds, {
      ruleId: 'pack-size',
      note: 'cases agreed',
    });
    expect(result.findings.slice(0, 3).map((f) => f.resolvedBy)).toEqual([
      'release-hold',
      'release-hold',
      undefined,
    ]);
    expect(result.decision).toBe('hold');
    const one = resolveException('release-hold', late, lineHolds, {
      ruleId: 'pack-size',
      lineNumber: '2',
      note: 'cases agreed',
    });
    expect(one.findings.slice(0, 2).map((f) => f.resolvedBy)).toEqual([undefined, 'release-hold']);
  });
});
