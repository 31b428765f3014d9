import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors/index.js';
import { type NewExpectedAck, type NewPaymentApplication } from '../../src/store/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';

const HOUR = 3600 * 1000;
const T0 = new Date('2026-03-01T10:00:00.000Z');

function expectation(overrides: Partial<NewExpectedAck> = {}): NewExpectedAck {
  return {
    outboundTransmissionId: randomUUID(),
    groupControlNumber: '17',
    partnerId: 'acme',
    functionalId: 'SH',
    interchangeControlNumber: '000000017',
    transactionSets: [{ setId: '856', controlNumber: '0001' }],
    sentAt: T0,
    dueAt: new Date(T0.getTime() + 24 * HOUR),
    ...overrides,
  };
}

const accepted = (documentId: string) => ({
  status: 'accepted' as const,
  groupStatusCode: 'A',
  transmissionId: randomUUID(),
  documentId,
  at: new Date(T0.getTime() + HOUR),
  setOutcomes: [{ setId: '856', controlNumber: '0001', statusCode: 'A', errorCodes: [], reported: true }],
});

/** Expected acknowledgements and the invoice ledger, the same on every dialect. */
export function describeReconciliationStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`reconciliation store: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('records an expected acknowledgement once, however often the sending job runs', async () => {
      const expected = expectation({ groupControlNumber: '101' });
      expect(await suite.repos.expectedAcks.expect(expected)).toBe(true);
      expect(await suite.repos.expectedAcks.expect({ ...expected, dueAt: new Date() })).toBe(false);
      expect(await suite.repos.expectedAcks.get(expected)).toMatchObject({
        ...expected,
        status: 'pending',
        answeredByDocumentId: null,
        setOutcomes: null,
      });
    });

    it('finds a wrapped GS06 newest first and applies one answer only', async () => {
      const old = expectation({ groupControlNumber: '202', sentAt: new Date(T0.getTime() - 90 * 24 * HOUR) });
      const recent = expectation({ groupControlNumber: '202' });
      await suite.repos.expectedAcks.expect(old);
      await suite.repos.expectedAcks.expect(recent);
      const found = await suite.repos.expectedAcks.forGroup('acme', 'SH', '202');
      expect(found.map((e) => e.outboundTransmissionId)).toEqual([
        recent.outboundTransmissionId,
        old.outboundTransmissionId,
      ]);
      expect(await suite.repos.expectedAcks.answer(recent, accepted('functional_ack:a'))).toBe(true);
      expect(await suite.repos.expectedAcks.answer(recent, accepted('functional_ack:b'))).toBe(false);
      const answered = await suite.repos.expectedAcks.answeredBy('functional_ack:a');
      expect(answered).toMatchObject([
        { outboundTransmissionId: recent.outboundTransmissionId, status: 'accepted', groupStatusCode: 'A' },
      ]);
      expect(answered[0]?.setOutcomes).toEqual(accepted('x').setOutcomes);
    });

    it('lists pending groups past due, marks them overdue once, and still takes a late answer', async () => {
      const late = expectation({ groupControlNumber: '303', partnerId: 'late-co' });
      const notYet = expectation({
        groupControlNumber: '304',
        partnerId: 'late-co',
        dueAt: new Date(T0.getTime() + 48 * HOUR),
      });
      await suite.repos.expectedAcks.expect(late);
      await suite.repos.expectedAcks.expect(notYet);
      const now = new Date(T0.getTime() + 30 * HOUR);
      const due = (await suite.repos.expectedAcks.pastDue(now)).filter((e) => e.partnerId === 'late-co');
      expect(due.map((e) => e.groupControlNumber)).toEqual(['303']);
      expect(await suite.repos.expectedAcks.markOverdue(late)).toBe(true);
      expect(await suite.repos.expectedAcks.markOverdue(late)).toBe(false);
      expect((await suite.repos.expectedAcks.pastDue(now)).filter((e) => e.partnerId === 'late-co')).toEqual(
        [],
      );
      expect(await suite.repos.expectedAcks.answer(late, accepted('functional_ack:late'))).toBe(true);
      expect(await suite.repos.expectedAcks.list({ partnerId: 'late-co', status: 'accepted' })).toHaveLength(
        1,
      );
    });

    it('opens an invoice once; a second document under its number leaves the first entry', async () => {
      const invoice = {
        partnerId: 'acme',
        invoiceNumber: 'INV-1',
        invoiceDocumentId: 'invoice:1',
        currency: 'USD',
        amountDue: '100.00',
      };
      const first = await suite.repos.invoices.open(invoice);
      expect(first).toMatchObject({ created: true, invoice: { amountDue: '100.00', status: 'open' } });
      expect(Number(first.invoice.amountPaid)).toBe(0);
      expect((await suite.repos.invoices.open(invoice)).created).toBe(false);
      const reused = await suite.repos.invoices.open({
        ...invoice,
        invoiceDocumentId: 'invoice:1b',
        amountDue: '5.00',
      });
      expect(reused).toMatchObject({
        created: false,
        invoice: { invoiceDocumentId: 'invoice:1', amountDue: '100.00' },
      });
    });

    it('applies each remittance once, adding payments exactly', async () => {
      await suite.repos.invoices.open({
        partnerId: 'acme',
        invoiceNumber: 'INV-2',
        invoiceDocumentId: 'invoice:2',
        currency: 'USD',
        amountDue: '100.00',
      });
      const payment: NewPaymentApplication = {
        remittanceDocumentId: 'remittance:1',
        partnerId: 'acme',
        invoiceNumber: 'INV-2',
        amount: '90.00',
        discount: null,
        adjustments: [{ reasonCode: '59', amount: '-10.00' }],
        paymentReference: 'TRACE-1',
        at: T0,
      };
      const short = await suite.repos.invoices.applyPayment(payment);
      expect(short).toMatchObject({
        applied: true,
        invoice: { amountPaid: '90.00', status: 'short_paid', lastPaymentReference: 'TRACE-1' },
      });
      const again = await suite.repos.invoices.applyPayment(payment);
      expect(again).toMatchObject({ applied: false, invoice: { amountPaid: '90.00', status: 'short_paid' } });
      const rest = await suite.repos.invoices.applyPayment({
        ...payment,
        remittanceDocumentId: 'remittance:2',
        amount: '10.00',
        adjustments: [],
        at: new Date(T0.getTime() + HOUR),
      });
      expect(rest.invoice).toMatchObject({ amountPaid: '100.00', status: 'paid' });
      const applications = await suite.repos.invoices.applications('acme', 'INV-2');
      expect(applications.map((a) => [a.remittanceDocumentId, a.amount, a.adjustments])).toEqual([
        ['remittance:1', '90.00', [{ reasonCode: '59', amount: '-10.00' }]],
        ['remittance:2', '10.00', []],
      ]);
    });

    it('keeps every payment of remittances applied at the same moment', async () => {
      await suite.repos.invoices.open({
        partnerId: 'acme',
        invoiceNumber: 'INV-3',
        invoiceDocumentId: 'invoice:3',
        currency: 'USD',
        amountDue: '0.3',
      });
      // SQLite refuses a second writer ("database is locked") where PostgreSQL makes the later
      // update find the revision moved on; either way the payment is applied once, on a retry.
      const apply = async (i: number): Promise<void> => {
        for (;;) {
          try {
            await suite.repos.invoices.applyPayment({
              remittanceDocumentId: `remittance:race-${i}`,
              partnerId: 'acme',
              invoiceNumber: 'INV-3',
              amount: '0.1',
              discount: null,
              adjustments: [],
              paymentReference: null,
            });
            return;
          } catch (error) {
            if (!isGatewayError(error) || error.permanent) throw error;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        }
      };
      await Promise.all([0, 1, 2].map(apply));
      expect(await suite.repos.invoices.get('acme', 'INV-3')).toMatchObject({
        amountPaid: '0.3',
        status: 'paid',
      });
    });

    it('refuses a payment on an invoice that is not in the ledger', async () => {
      const missing = await suite.repos.invoices
        .applyPayment({
          remittanceDocumentId: 'remittance:9',
          partnerId: 'acme',
          invoiceNumber: 'NOPE',
          amount: '1.00',
          discount: null,
          adjustments: [],
          paymentReference: null,
        })
        .catch((e: unknown) => e);
      expect(isGatewayError(missing) && missing.code).toBe('not-found');
    });
  });
}
