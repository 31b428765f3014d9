import { requireOpenLine, requireText, settle, type Resolution } from './resolution.js';
import { RESOLUTION_IDS } from './resolution-ids.js';

export interface CancelLineInput {
  lineNumber: string;
  /** Why, for the record and for support's reply to the buyer. */
  reason: string;
}

const ID = RESOLUTION_IDS.cancelLine;

/**
 * Cancels one line (the 855 says `IR` for it) and settles every hold on that line.
 *
 * @example
 * cancelLine.apply(order, findings, { lineNumber: '2', reason: 'item discontinued, no substitute' });
 */
export const cancelLine: Resolution<CancelLineInput> = {
  id: ID,
  description: 'Cancel one line of the order.',
  validate(order, findings, input) {
    requireOpenLine(ID, order, findings, input.lineNumber);
    requireText(ID, 'reason', input.reason);
  },
  apply(order, findings, input) {
    const line = requireOpenLine(ID, order, findings, input.lineNumber);
    return {
      order,
      findings: [
        ...settle(findings, ID, (f) => f.lineNumber === line.lineNumber),
        {
          ruleId: ID,
          severity: 'warning',
          lineNumber: line.lineNumber,
          message: `Line ${line.lineNumber}: cancelled by staff (${input.reason}).`,
          data: { reason: input.reason, quantity: line.quantity, uom: line.uom },
        },
      ],
    };
  },
};
