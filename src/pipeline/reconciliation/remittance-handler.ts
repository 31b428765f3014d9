import type { Remittance } from '../../canonical/index.js';
import {
  invoicePaymentStatus,
  paymentException,
  remittedInvoices,
  sumAmounts,
  type RemittedInvoice,
  type UnreadableItem,
} from '../../core/index.js';
import type { LedgerInvoice, StoredDocument } from '../../store/index.js';
import type { DocumentHandler } from '../document-handler.js';
import type { WorkerDeps } from '../pipeline-deps.js';
import { raiseOnce, RECONCILIATION_ACTOR, resolveOpen } from './raise-once.js';
import { readStoredDocument } from './read-stored-document.js';

type Verdict = 'paid' | 'short_paid' | 'over_paid';

/**
 * The `remittance` (820) document handler: matches each remitted invoice by number to the ledger
 * of invoices we sent that partner, applies the payment (once per remittance and invoice, in one
 * transaction), and raises `short-payment` or `over-payment` on the invoice when what is paid
 * differs from what is due. Items naming no invoice we sent raise one `unmatched-payment` on the
 * remittance. An invoice paid in full by a later remittance closes its open `short-payment`.
 * Idempotent: a rerun applies nothing again and raises only what the first run had not.
 *
 * @example
 * await handleRemittance(await repositories.documents.get(remittanceId), deps);
 * // { action: 'reconciled', message: '2 invoice(s): 1 paid, 1 short, 0 over; 0 unmatched' }
 */
export const handleRemittance: DocumentHandler = async (stored, deps) => {
  const remittance = readStoredDocument(stored, 'remittance');
  const { invoices, unreadable } = remittedInvoices(remittance);
  const unmatched: UnreadableItem[] = [...unreadable];
  const counts: Record<Verdict, number> = { paid: 0, short_paid: 0, over_paid: 0 };
  for (const remitted of invoices) {
    const entry = await deps.repositories.invoices.get(stored.partnerId, remitted.invoiceNumber);
    if (entry === null) {
      unmatched.push({
        reference: `IV ${remitted.invoiceNumber}`,
        reason: `no invoice ${remitted.invoiceNumber} was sent to ${stored.partnerId} (paid ${remitted.amountPaid})`,
      });
      continue;
    }
    counts[await applyPayment(remittance, stored, remitted, deps)]++;
  }
  if (unmatched.length > 0) await raiseUnmatched(remittance, stored, unmatched, deps);
  const matched = counts.paid + counts.short_paid + counts.over_paid;
  return {
    action: 'reconciled',
    message: `${matched} invoice(s): ${counts.paid} paid, ${counts.short_paid} short, ${counts.over_paid} over; ${unmatched.length} unmatched`,
  };
};

async function applyPayment(
  remittance: Remittance,
  stored: StoredDocument,
  remitted: RemittedInvoice,
  deps: WorkerDeps,
): Promise<Verdict> {
  const { invoices, exceptions } = deps.repositories;
  const at = deps.now?.() ?? new Date();
  const paymentReference = remittance.payment.traceNumber ?? null;
  const { invoice } = await invoices.applyPayment({
    remittanceDocumentId: stored.id,
    partnerId: stored.partnerId,
    invoiceNumber: remitted.invoiceNumber,
    amount: remitted.amountPaid,
    discount: remitted.discount,
    adjustments: remitted.adjustments,
    paymentReference,
    at,
  });
  // Judged on what was paid up to this remittance, so that a rerun after later payments judges
  // this payment as the first run did.
  const amountPaid = await paidThrough(stored.id, invoice, deps);
  const status = invoicePaymentStatus(invoice.amountDue, amountPaid);
  const exception = paymentException({
    partnerId: stored.partnerId,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDocumentId: invoice.invoiceDocumentId,
    amountDue: invoice.amountDue,
    amountPaid,
    status,
    remittanceDocumentId: stored.id,
    paymentReference,
    discount: remitted.discount,
    adjustments: remitted.adjustments,
  });
  const subject = { subjectType: 'invoice', subjectId: invoice.invoiceDocumentId };
  if (exception !== undefined) {
    await raiseOnce(
      exceptions,
      {
        partnerId: stored.partnerId,
        ...subject,
        kind: exception.kind,
        message: exception.message,
        details: exception.details,
        at,
      },
      { key: 'remittanceDocumentId', value: stored.id },
    );
  } else {
    await resolveOpen(
      exceptions,
      { ...subject, kind: 'short-payment' },
      RECONCILIATION_ACTOR,
      {
        note: `paid in full by remittance ${paymentReference ?? stored.id}`,
        remittanceDocumentId: stored.id,
      },
      at,
    );
  }
  return status;
}

/** The invoice's payments up to and including this remittance's, added exactly. */
async function paidThrough(
  remittanceDocumentId: string,
  invoice: LedgerInvoice,
  deps: WorkerDeps,
): Promise<string> {
  const applications = await deps.repositories.invoices.applications(
    invoice.partnerId,
    invoice.invoiceNumber,
  );
  const upTo = applications.findIndex((a) => a.remittanceDocumentId === remittanceDocumentId);
  const counted = upTo === -1 ? applications : applications.slice(0, upTo + 1);
  return sumAmounts('0', ...counted.map((a) => a.amount));
}

async function raiseUnmatched(
  remittance: Remittance,
  stored: StoredDocument,
  unmatched: readonly UnreadableItem[],
  deps: WorkerDeps,
): Promise<void> {
  const reference = remittance.payment.traceNumber ?? stored.id;
  await raiseOnce(
    deps.repositories.exceptions,
    {
      partnerId: stored.partnerId,
      subjectType: 'remittance',
      subjectId: stored.id,
      kind: 'unmatched-payment',
      message: `remittance ${reference} from ${stored.partnerId} pays ${unmatched.length} item(s) that match no invoice we sent: ${unmatched.map((u) => `${u.reference}: ${u.reason}`).join('; ')}`,
      details: {
        items: unmatched,
        paymentAmount: remittance.payment.amount,
        paymentReference: remittance.payment.traceNumber ?? null,
      },
      ...(deps.now === undefined ? {} : { at: deps.now() }),
    },
    { key: 'remittanceDocumentId', value: stored.id },
  );
}
