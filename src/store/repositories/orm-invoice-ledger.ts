import type { FilterQuery, MikroORM } from '@mikro-orm/core';
import { invoicePaymentStatus, sumAmounts } from '../../core/index.js';
import { isGatewayError } from '../../errors/index.js';
import { InvoiceLedgerRecordSchema, type InvoiceLedgerRecord } from '../entities/invoice-ledger-record.js';
import {
  PaymentApplicationRecordSchema,
  type PaymentApplicationRecord,
} from '../entities/payment-application-record.js';
import { guard, storeError, toStoreError } from '../store-error.js';
import type {
  InvoiceLedger,
  LedgerFilter,
  LedgerInvoice,
  NewLedgerInvoice,
  NewPaymentApplication,
  StoredPaymentApplication,
} from './invoice-ledger.js';

// Two remittances paying one invoice at the same moment: the one whose ledger update finds the
// revision moved on rolls back and adds its payment to the new total, this often at most.
const APPLY_ATTEMPTS = 5;

/** Thrown inside the transaction to roll it back when another payment changed the invoice first. */
class InvoiceChanged extends Error {}

/** `InvoiceLedger` on MikroORM. Amounts are added in decimal arithmetic, never in SQL. */
export class OrmInvoiceLedger implements InvoiceLedger {
  constructor(private readonly orm: MikroORM) {}

  async open(invoice: NewLedgerInvoice): Promise<{ invoice: LedgerInvoice; created: boolean }> {
    const doing = `opening invoice ${invoice.invoiceNumber} of ${invoice.partnerId} in the ledger`;
    const at = invoice.at ?? new Date();
    try {
      await guard(doing, () =>
        this.orm.em.fork().insert(InvoiceLedgerRecordSchema, {
          partnerId: invoice.partnerId,
          invoiceNumber: invoice.invoiceNumber,
          invoiceDocumentId: invoice.invoiceDocumentId,
          currency: invoice.currency,
          amountDue: invoice.amountDue,
          amountPaid: '0',
          status: 'open',
          lastPaymentReference: null,
          revision: 0,
          createdAt: at,
          updatedAt: at,
        }),
      );
    } catch (error) {
      if (!isGatewayError(error) || error.code !== 'duplicate') throw error;
      const existing =
        (await this.get(invoice.partnerId, invoice.invoiceNumber)) ??
        (await this.byDocument(invoice.invoiceDocumentId));
      if (existing === null) throw error;
      return { invoice: existing, created: false };
    }
    const created = await this.get(invoice.partnerId, invoice.invoiceNumber);
    if (created === null) throw storeError('store-failed', `${doing}: not found after storing it`, false);
    return { invoice: created, created: true };
  }

  get(partnerId: string, invoiceNumber: string): Promise<LedgerInvoice | null> {
    return guard(`reading invoice ${invoiceNumber} of ${partnerId}`, async () => {
      const row = await this.orm.em.fork().findOne(InvoiceLedgerRecordSchema, { partnerId, invoiceNumber });
      return row === null ? null : toInvoice(row);
    });
  }

  list(filter: LedgerFilter = {}): Promise<LedgerInvoice[]> {
    return guard('listing the invoice ledger', async () => {
      const where: FilterQuery<InvoiceLedgerRecord> = {};
      if (filter.partnerId !== undefined) where.partnerId = filter.partnerId;
      if (filter.status !== undefined) where.status = filter.status;
      const rows = await this.orm.em.fork().find(InvoiceLedgerRecordSchema, where, {
        orderBy: [{ createdAt: 'desc' }, { invoiceNumber: 'desc' }],
        limit: filter.limit ?? 100,
      });
      return rows.map(toInvoice);
    });
  }

  async applyPayment(
    application: NewPaymentApplication,
  ): Promise<{ applied: boolean; invoice: LedgerInvoice }> {
    const { partnerId, invoiceNumber, remittanceDocumentId } = application;
    const doing = `applying remittance ${remittanceDocumentId} to invoice ${invoiceNumber} of ${partnerId}`;
    for (let attempt = 0; attempt < APPLY_ATTEMPTS; attempt++) {
      let applied: boolean;
      try {
        applied = await this.applyOnce(application, doing);
      } catch (error) {
        if (error instanceof InvoiceChanged) continue;
        const converted = toStoreError(error, doing);
        // Applied by an overlapping run of the same job: its row stands.
        if (converted.code !== 'duplicate') throw converted;
        applied = false;
      }
      const invoice = await this.get(partnerId, invoiceNumber);
      if (invoice === null)
        throw storeError('not-found', `${doing}: the invoice is gone`, true, undefined, 404);
      return { applied, invoice };
    }
    throw storeError(
      'store-failed',
      `${doing}: the invoice kept changing during ${APPLY_ATTEMPTS} attempts to apply the payment`,
      false,
    );
  }

  applications(partnerId: string, invoiceNumber: string): Promise<StoredPaymentApplication[]> {
    return guard(`reading the payments on invoice ${invoiceNumber} of ${partnerId}`, async () => {
      const rows = await this.orm.em
        .fork()
        .find(
          PaymentApplicationRecordSchema,
          { partnerId, invoiceNumber },
          { orderBy: [{ appliedAt: 'asc' }, { remittanceDocumentId: 'asc' }] },
        );
      return rows.map(toApplication);
    });
  }

  /** One attempt: false when this remittance was applied to the invoice already. */
  private applyOnce(application: NewPaymentApplication, doing: string): Promise<boolean> {
    const { partnerId, invoiceNumber, remittanceDocumentId } = application;
    return this.orm.em.fork().transactional(async (em) => {
      const done = await em.findOne(PaymentApplicationRecordSchema, { remittanceDocumentId, invoiceNumber });
      if (done !== null) return false;
      const invoice = await em.findOne(InvoiceLedgerRecordSchema, { partnerId, invoiceNumber });
      if (invoice === null) {
        throw storeError('not-found', `${doing}: no such invoice in the ledger`, true, undefined, 404);
      }
      const at = application.at ?? new Date();
      const amountPaid = sumAmounts(invoice.amountPaid, application.amount);
      await em.insert(PaymentApplicationRecordSchema, {
        remittanceDocumentId,
        invoiceNumber,
        partnerId,
        amount: application.amount,
        discount: application.discount,
        adjustments: application.adjustments,
        paymentReference: application.paymentReference,
        appliedAt: at,
      });
      const changed = await em.nativeUpdate(
        InvoiceLedgerRecordSchema,
        { partnerId, invoiceNumber, revision: invoice.revision },
        {
          amountPaid,
          status: invoicePaymentStatus(invoice.amountDue, amountPaid),
          lastPaymentReference: application.paymentReference ?? remittanceDocumentId,
          revision: invoice.revision + 1,
          updatedAt: at,
        },
      );
      if (changed === 0) throw new InvoiceChanged();
      return true;
    });
  }

  private byDocument(invoiceDocumentId: string): Promise<LedgerInvoice | null> {
    return guard(`reading the ledger entry of document ${invoiceDocumentId}`, async () => {
      const row = await this.orm.em.fork().findOne(InvoiceLedgerRecordSchema, { invoiceDocumentId });
      return row === null ? null : toInvoice(row);
    });
  }
}

function toInvoice(row: InvoiceLedgerRecord): LedgerInvoice {
  return {
    partnerId: row.partnerId,
    invoiceNumber: row.invoiceNumber,
    invoiceDocumentId: row.invoiceDocumentId,
    currency: row.currency,
    amountDue: row.amountDue,
    amountPaid: row.amountPaid,
    status: row.status,
    lastPaymentReference: row.lastPaymentReference,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toApplication(row: PaymentApplicationRecord): StoredPaymentApplication {
  return {
    remittanceDocumentId: row.remittanceDocumentId,
    partnerId: row.partnerId,
    invoiceNumber: row.invoiceNumber,
    amount: row.amount,
    discount: row.discount,
    adjustments: row.adjustments,
    paymentReference: row.paymentReference,
    appliedAt: row.appliedAt,
  };
}
