import { compareDecimals, isDecimalString } from '../../canonical/index.js';
import { CoreError } from '../core-error.js';
import { isOpen } from '../finding.js';
import { priceMismatch } from '../rules/price-mismatch.js';
import { requireOpenLine, settle, type Resolution } from './resolution.js';
import { RESOLUTION_IDS } from './resolution-ids.js';

export interface AcceptPriceInput {
  lineNumber: string;
  /** The unit price to sell at; omitted, the buyer's price stands. Ours makes the 855 say `IP`. */
  unitPrice?: string;
}

const ID = RESOLUTION_IDS.acceptPrice;

/**
 * Settles a price hold on a line by agreeing a unit price: the buyer's, ours, or one negotiated.
 *
 * @example
 * acceptPrice.validate(order, findings, { lineNumber: '1', unitPrice: '10.00' });
 * const review = acceptPrice.apply(order, findings, { lineNumber: '1', unitPrice: '10.00' });
 */
export const acceptPrice: Resolution<AcceptPriceInput> = {
  id: ID,
  description: 'Agree the unit price of a line held for its price.',
  validate(order, findings, input) {
    const line = requireOpenLine(ID, order, findings, input.lineNumber);
    const held = findings.some(
      (f) =>
        isOpen(f) &&
        f.ruleId === priceMismatch.id &&
        f.lineNumber === line.lineNumber &&
        f.severity === 'hold',
    );
    if (!held) throw CoreError.resolutionInvalid(ID, `line ${line.lineNumber} is not held for its price.`);
    const price = input.unitPrice ?? line.unitPrice;
    if (price === undefined) {
      throw CoreError.resolutionInvalid(
        ID,
        `line ${line.lineNumber} came without a price; give the unit price to sell at.`,
      );
    }
    if (!isDecimalString(price) || compareDecimals(price, '0') < 0) {
      throw CoreError.resolutionInvalid(
        ID,
        `"${price}" is not a unit price; write it as a decimal such as 12.50.`,
      );
    }
  },
  apply(order, findings, input) {
    const line = requireOpenLine(ID, order, findings, input.lineNumber);
    const buyerPrice = line.unitPrice ?? 'none';
    const unitPrice = input.unitPrice ?? buyerPrice;
    return {
      order,
      findings: [
        ...settle(findings, ID, (f) => f.ruleId === priceMismatch.id && f.lineNumber === line.lineNumber),
        {
          ruleId: ID,
          severity: 'warning',
          lineNumber: line.lineNumber,
          message: `Line ${line.lineNumber}: staff agreed a unit price of ${unitPrice} (the buyer sent ${buyerPrice}).`,
          data: { unitPrice, buyerPrice },
        },
      ],
    };
  },
};
