import { compareDecimals, decimalsEqual, isDecimalString } from '../../canonical/index.js';
import { CoreError } from '../core-error.js';
import { Exact } from '../exact-decimal.js';
import { minimumOrderQuantity } from '../rules/minimum-order-quantity.js';
import { packSize } from '../rules/pack-size.js';
import { requireOpenLine, settle, type Resolution } from './resolution.js';
import { RESOLUTION_IDS } from './resolution-ids.js';

export interface ChangeQuantityInput {
  lineNumber: string;
  /** The quantity to supply, in the line's unit of measure. */
  quantity: string;
}

const ID = RESOLUTION_IDS.changeQuantity;
const QUANTITY_RULES = new Set([packSize.id, minimumOrderQuantity.id]);

/**
 * Changes the quantity supplied on a line (the 855 says `IQ`), settling its pack-size and minimum
 * quantity holds. The new quantity must itself meet the pack size and minimum those holds quoted.
 *
 * @example
 * changeQuantity.apply(order, findings, { lineNumber: '1', quantity: '12' });
 */
export const changeQuantity: Resolution<ChangeQuantityInput> = {
  id: ID,
  description: 'Change the quantity supplied on a line.',
  validate(order, findings, input) {
    const line = requireOpenLine(ID, order, findings, input.lineNumber);
    const { quantity } = input;
    if (!isDecimalString(quantity) || compareDecimals(quantity, '0') <= 0) {
      throw CoreError.resolutionInvalid(
        ID,
        `"${quantity}" is not a quantity above zero; to drop the line, cancel it.`,
      );
    }
    if (decimalsEqual(quantity, line.quantity)) {
      throw CoreError.resolutionInvalid(
        ID,
        `line ${line.lineNumber} already has a quantity of ${line.quantity}.`,
      );
    }
    // Settled findings still count: the constraint they quoted has not gone away.
    for (const finding of findings) {
      if (finding.lineNumber !== line.lineNumber) continue;
      const { packSize: pack, minimum } = finding.data;
      if (finding.ruleId === packSize.id && pack && !new Exact(quantity).mod(pack).isZero()) {
        throw CoreError.resolutionInvalid(ID, `${quantity} is not a multiple of the pack of ${pack}.`);
      }
      if (finding.ruleId === minimumOrderQuantity.id && minimum && compareDecimals(quantity, minimum) < 0) {
        throw CoreError.resolutionInvalid(
          ID,
          `${quantity} is below the minimum order quantity of ${minimum}.`,
        );
      }
    }
  },
  apply(order, findings, input) {
    const line = requireOpenLine(ID, order, findings, input.lineNumber);
    return {
      order,
      findings: [
        ...settle(findings, ID, (f) => QUANTITY_RULES.has(f.ruleId) && f.lineNumber === line.lineNumber),
        {
          ruleId: ID,
          severity: 'warning',
          lineNumber: line.lineNumber,
          message: `Line ${line.lineNumber}: staff changed the quantity from ${line.quantity} to ${input.quantity} ${line.uom}.`,
          data: { quantity: input.quantity, orderedQuantity: line.quantity, uom: line.uom },
        },
      ],
    };
  },
};
