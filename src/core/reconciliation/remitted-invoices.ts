import type { Remittance, RemittanceItem } from '../../canonical/index.js';
import { sumAmounts } from './amounts.js';

/** An adjustment the payer made (ADX under the RMR, or RMR07/RMR08). */
export interface RemittedAdjustment {
  reasonCode: string;
  /** Decimal string; negative lowers the payment. */
  amount: string;
}

/** What a remittance pays on one invoice, its RMR loops for that invoice added together. */
export interface RemittedInvoice {
  invoiceNumber: string;
  /** Decimal string: the sum of RMR04. */
  amountPaid: string;
  /** Decimal string: the sum of RMR06, or null when no RMR for it names a discount. */
  discount: string | null;
  adjustments: RemittedAdjustment[];
}

/** A remitted item that names no invoice we can look up, with the reason. */
export interface UnreadableItem {
  reference: string;
  reason: string;
}

export interface RemittedInvoices {
  invoices: RemittedInvoice[];
  unreadable: UnreadableItem[];
}

/**
 * The invoices a remittance pays, in the order they first appear. A payer may split one invoice
 * over several RMR loops (a payment and a separate deduction line); those are added together so
 * that an invoice gets one payment per remittance. Items that are not invoices (RMR01 other than
 * `IV`) or carry no amount paid cannot be matched and are returned apart.
 *
 * @example
 * remittedInvoices(remittance).invoices;
 * // [{ invoiceNumber: 'INV-1', amountPaid: '90.00', discount: null, adjustments: [{ reasonCode: '59', amount: '-10.00' }] }]
 */
export function remittedInvoices(remittance: Pick<Remittance, 'items'>): RemittedInvoices {
  const byNumber = new Map<string, RemittedInvoice>();
  const unreadable: UnreadableItem[] = [];
  for (const item of remittance.items) {
    const invoiceNumber =
      item.invoiceNumber ?? (item.referenceQualifier === 'IV' ? item.referenceId : undefined);
    const reference = `${item.referenceQualifier} ${item.referenceId ?? '(no reference)'}`;
    if (invoiceNumber === undefined) {
      unreadable.push({ reference, reason: `RMR01 ${item.referenceQualifier} does not name an invoice` });
      continue;
    }
    if (item.amountPaid === undefined) {
      unreadable.push({ reference, reason: 'no amount paid (RMR04)' });
      continue;
    }
    const seen = byNumber.get(invoiceNumber);
    const discount = item.discountAmount ?? null;
    const entry: RemittedInvoice = {
      invoiceNumber,
      amountPaid: seen === undefined ? item.amountPaid : sumAmounts(seen.amountPaid, item.amountPaid),
      discount: sumOrNull(seen?.discount ?? null, discount),
      adjustments: [...(seen?.adjustments ?? []), ...adjustmentsOf(item)],
    };
    byNumber.set(invoiceNumber, entry);
  }
  return { invoices: [...byNumber.values()], unreadable };
}

function adjustmentsOf(item: RemittanceItem): RemittedAdjustment[] {
  const own =
    item.adjustmentReasonCode !== undefined && item.adjustmentAmount !== undefined
      ? [{ reasonCode: item.adjustmentReasonCode, amount: item.adjustmentAmount }]
      : [];
  const loops = (item.adjustments ?? []).map((a) => ({ reasonCode: a.reasonCode, amount: a.amount }));
  return [...own, ...loops];
}

function sumOrNull(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return sumAmounts(a, b);
}
