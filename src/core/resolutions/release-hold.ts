import { CoreError } from '../core-error.js';
import { isOpen, type RuleFinding } from '../finding.js';
import { requireText, settle, type Resolution } from './resolution.js';
import { RESOLUTION_IDS } from './resolution-ids.js';

export interface ReleaseHoldInput {
  /** The rule whose hold staff have checked and let pass (a resend confirmed new, a date agreed...). */
  ruleId: string;
  /** The line whose hold is released; absent: every hold of this rule, on the order and on each line. */
  lineNumber?: string;
  note: string;
}

const ID = RESOLUTION_IDS.releaseHold;

function matches(input: ReleaseHoldInput) {
  return (f: RuleFinding) =>
    f.ruleId === input.ruleId && (input.lineNumber === undefined || f.lineNumber === input.lineNumber);
}

/**
 * Lets a hold pass unchanged once staff have checked it: the only way past holds that no change
 * to price, quantity or lines can settle, such as a past delivery date agreed anew by phone.
 *
 * @example
 * releaseHold.apply(order, findings, { ruleId: 'requested-delivery-date', note: 'buyer accepts 2024-03-08' });
 */
export const releaseHold: Resolution<ReleaseHoldInput> = {
  id: ID,
  description: 'Let a checked hold pass without changing the order.',
  validate(_order, findings, input) {
    requireText(ID, 'note', input.note);
    const held = findings.some((f) => isOpen(f) && f.severity === 'hold' && matches(input)(f));
    if (!held) {
      const where = input.lineNumber === undefined ? 'the order' : `line ${input.lineNumber}`;
      const scope = input.lineNumber === undefined ? ', on itself or on any line' : '';
      throw CoreError.resolutionInvalid(ID, `${where} has no open "${input.ruleId}" hold${scope}.`);
    }
  },
  apply(order, findings, input) {
    return {
      order,
      findings: [
        ...settle(findings, ID, matches(input)),
        {
          ruleId: ID,
          severity: 'warning',
          ...(input.lineNumber === undefined ? {} : { lineNumber: input.lineNumber }),
          message: `Staff released the "${input.ruleId}" hold: ${input.note}.`,
          data: { releasedRuleId: input.ruleId, note: input.note },
        },
      ],
    };
  },
};
