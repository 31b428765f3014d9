import type { CanonicalDocument, Invoice } from '../../canonical/index.js';
import { comparableControlNumber } from '../../core/index.js';
import type { X12PartnerConfig } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import { functionalGroupOf, type Interchange } from '../../x12/index.js';
import { raiseOnce } from './raise-once.js';

const HOUR_MS = 3600 * 1000;

/** An outbound transmission as stored for sending. */
export interface SentFile {
  transmissionId: string;
  /** When it was stored for sending; the partner's window starts here. */
  sentAt: Date;
}

/**
 * What we expect back for documents we are sending in one transmission: the partner's 997/999 on
 * each functional group of it (unless the partner sends none), and for an invoice, its payment.
 * Runs before delivery is queued, so an answer can never arrive before its expectation, and on
 * every run of the job that sends it: each record is made once, whatever crashed in between.
 *
 * @example
 * await trackSentDocuments([invoice], file, interchange, partner, repositories);
 */
export async function trackSentDocuments(
  documents: readonly CanonicalDocument[],
  file: SentFile,
  interchange: Interchange | undefined,
  partner: X12PartnerConfig,
  repositories: Pick<Repositories, 'expectedAcks' | 'invoices' | 'exceptions'>,
): Promise<void> {
  if (interchange !== undefined) await expectAcknowledgement(file, interchange, partner, repositories);
  for (const document of documents) {
    if (document.type === 'invoice') await openInvoice(document, repositories);
  }
}

/**
 * Records one expected acknowledgement per functional group of a stored outbound transmission,
 * as read back from the bytes that are sent (`interchange`). Groups of acknowledgements (GS01 `FA`) are skipped: a
 * 997 is never acknowledged.
 */
export async function expectAcknowledgement(
  file: SentFile,
  interchange: Interchange,
  partner: X12PartnerConfig,
  repositories: Pick<Repositories, 'expectedAcks'>,
): Promise<number> {
  if (partner.acknowledgements.functional === 'none') return 0;
  const { transmissionId, sentAt } = file;
  const dueAt = new Date(sentAt.getTime() + partner.acknowledgements.expectWithinHours * HOUR_MS);
  let recorded = 0;
  for (const group of interchange.groups) {
    if (group.functionalId === functionalGroupOf('997')) continue;
    const created = await repositories.expectedAcks.expect({
      outboundTransmissionId: transmissionId,
      groupControlNumber: comparableControlNumber(group.controlNumber),
      partnerId: partner.id,
      functionalId: group.functionalId,
      interchangeControlNumber: interchange.controlNumber,
      transactionSets: group.transactionSets.map((set) => ({
        setId: set.id,
        controlNumber: set.controlNumber,
      })),
      sentAt,
      dueAt,
    });
    if (created) recorded++;
  }
  return recorded;
}

/**
 * Opens the ledger entry that remittances are matched against. A credit memo is not paid, it is
 * deducted, so it opens none. An invoice number already in the ledger under another document
 * keeps its first entry, and staff are told: the payments to come could belong to either.
 */
async function openInvoice(
  invoice: Invoice,
  repositories: Pick<Repositories, 'invoices' | 'exceptions'>,
): Promise<void> {
  if (invoice.invoiceType === 'credit_memo') return;
  const { invoice: entry, created } = await repositories.invoices.open({
    partnerId: invoice.partnerId,
    invoiceNumber: invoice.invoiceNumber,
    invoiceDocumentId: invoice.id,
    currency: invoice.currency,
    amountDue: invoice.totals.amount,
  });
  if (created || entry.invoiceDocumentId === invoice.id) return;
  await raiseOnce(
    repositories.exceptions,
    {
      partnerId: invoice.partnerId,
      subjectType: 'invoice',
      subjectId: invoice.id,
      kind: 'invoice-number-reused',
      message: `invoice ${invoice.invoiceNumber} to ${invoice.partnerId} (document ${invoice.id}, ${invoice.totals.amount}) was sent again under a number the ledger holds for document ${entry.invoiceDocumentId} (${entry.amountDue}); payments are matched to the first`,
      details: { invoiceNumber: invoice.invoiceNumber, ledgerDocumentId: entry.invoiceDocumentId },
    },
    { key: 'invoiceDocumentId', value: invoice.id },
  );
}
