import { CoreError } from '../core-error.js';
import { rejectedByStaff } from './line-decisions.js';
import { requireText, settle, type Resolution } from './resolution.js';
import { RESOLUTION_IDS } from './resolution-ids.js';

export interface RejectOrderInput {
  /** Why, for the record and for support's reply to the buyer. */
  reason: string;
}

const ID = RESOLUTION_IDS.rejectOrder;

/**
 * Rejects the whole order (the 855 says `RJ`, every line `IR`); its holds are settled by it.
 *
 * @example
 * rejectOrder.apply(order, findings, { reason: 'the buyer confirmed it was sent twice' });
 */
export const rejectOrder: Resolution<RejectOrderInput> = {
  id: ID,
  description: 'Reject the whole order.',
  validate(_order, findings, input) {
    requireText(ID, 'reason', input.reason);
    if (rejectedByStaff(findings)) throw CoreError.resolutionInvalid(ID, 'the order is already rejected.');
  },
  apply(order, findings, input) {
    return {
      order,
      findings: [
        ...settle(findings, ID, () => true),
        {
          ruleId: ID,
          severity: 'reject',
          message: `PO ${order.poNumber}: rejected by staff (${input.reason}).`,
          data: { reason: input.reason },
        },
      ],
    };
  },
};
