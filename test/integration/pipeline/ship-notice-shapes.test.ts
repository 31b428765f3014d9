import { afterEach, describe, expect, it } from 'vitest';
import { readX12 } from '../../../src/x12/index.js';
import { PARTNER_ID, waitFor } from './pipeline-harness.js';
import { purchaseOrder850 } from './sample-850.js';
import {
  canonicalEvent,
  startReconciliationHarness,
  type ReconciliationHarness,
} from './reconciliation-fixture.js';

// The posted shipment (fixtures/canonical/ship-notice.json) is S/O/T/P/I: one order, a tare of
// two packs and a pack of its own.
const levelsOf = (set: { segments: { id: string; value(n: number): string | undefined }[] } | undefined) =>
  set?.segments.filter((s) => s.id === 'HL').map((s) => s.value(3));
const bsn05 = (set: { segments: { id: string; value(n: number): string | undefined }[] } | undefined) =>
  set?.segments.find((s) => s.id === 'BSN')?.value(5);

describe("shipment events become the partner's own 856", () => {
  let harness: ReconciliationHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('SOPI: packs come off their tares and BSN05 is 0001', async () => {
    const h = (harness = await startReconciliationHarness({ '856': { hierarchy: 'SOPI' } }));
    const posted = await h.postEvent('shipment-confirmed', canonicalEvent('ship-notice'));
    expect(posted.status).toBe(202);
    const [set] = readX12(await h.delivered(posted.body['transmissionId'] as string)).transactionSets;
    expect(set?.diagnostics).toEqual([]);
    expect(bsn05(set)).toBe('0001');
    expect(levelsOf(set)).toEqual(['S', 'O', 'P', 'I', 'P', 'I', 'I', 'P', 'I']);
  });

  it('SOI with perOrder: one 856 per order in one interchange, items gathered per line, BSN05 0004', async () => {
    const h = (harness = await startReconciliationHarness({
      '856': { hierarchy: 'SOI', perOrder: true },
    }));
    const event = canonicalEvent('ship-notice') as unknown as { orders: Record<string, unknown>[] };
    const [order] = event.orders;
    event.orders = [order ?? {}, { ...order, poNumber: '4500012399' }];
    const posted = await h.postEvent('shipment-confirmed', event);
    expect(posted.status).toBe(202);
    expect(posted.body['documentIds']).toHaveLength(2);
    const read = readX12(await h.delivered(posted.body['transmissionId'] as string));
    expect(read.interchanges).toHaveLength(1);
    expect(read.transactionSets.map((set) => set.diagnostics)).toEqual([[], []]);
    for (const set of read.transactionSets) {
      expect(bsn05(set)).toBe('0004');
      // Lines 3, 1 (12 + 12) and 2, each once under its order.
      expect(levelsOf(set)).toEqual(['S', 'O', 'I', 'I', 'I']);
      expect(set.segments.filter((s) => s.id === 'SN1').map((s) => s.value(2))).toEqual(['4', '24', '6']);
    }
    expect(read.transactionSets.map((set) => set.segments.find((s) => s.id === 'PRF')?.value(1))).toEqual([
      '4500012345',
      '4500012399',
    ]);
  });

  it('refuses a shipment that cannot fill the hierarchy, with every problem, and keeps it findable', async () => {
    const h = (harness = await startReconciliationHarness({ '856': { hierarchy: 'SOTPI' } }));
    const event = canonicalEvent('ship-notice', { shipmentId: 'SH-NOLABEL' }) as unknown as {
      orders: { packs: { marks?: unknown }[] }[];
    };
    for (const pack of event.orders[0]?.packs ?? []) delete pack.marks;
    const posted = await h.postEvent('shipment-confirmed', event);
    expect(posted.status).toBe(422);
    expect(posted.body['error']).toMatchObject({
      code: 'not-sendable',
      problems: [
        {
          path: '/orders/0/packs/0/sscc',
          message: 'is required: the partner labels every pack with an SSCC-18 (packageLabel sscc-18)',
        },
      ],
    });
    const stored = await h.repositories.transmissions.get(posted.body['eventTransmissionId'] as string);
    expect(stored?.status).toBe('rejected');
    expect(stored?.lastError ?? '').toContain("cannot be sent as the partner's SOTPI 856");
  });

  it("repeats what the partner file's echo lists from the stored order in a posted invoice", async () => {
    const h = (harness = await startReconciliationHarness({
      '810': { echo: { references: ['SR'], parties: ['ST'], lineIds: ['VN'] } },
    }));
    await h.drop('po.edi', purchaseOrder850(7001));
    await waitFor('the order stored', async () => {
      const orders = await h.repositories.orders.withPoNumber(PARTNER_ID, 'PO-1000012');
      return orders.length > 0 ? orders : undefined;
    });
    const invoice = canonicalEvent('invoice', {
      poNumber: 'PO-1000012',
      invoiceNumber: 'INV-7001',
    }) as unknown as {
      lines: { lineNumber: string; productIds?: unknown }[];
    };
    for (const line of invoice.lines) {
      line.lineNumber = '1';
      delete line.productIds;
    }
    const posted = await h.postEvent('invoice-issued', invoice);
    expect(posted.status).toBe(202);
    const [set] = readX12(await h.delivered(posted.body['transmissionId'] as string)).transactionSets;
    expect(set?.diagnostics).toEqual([]);
    const text = (id: string) => set?.segments.filter((s) => s.id === id).map((s) => s.elements.join('*'));
    expect(text('REF')).toContain('SR*N');
    expect(text('N1')).toEqual(expect.arrayContaining(['ST*John Doe']));
    // The invoice line named no product id: the buyer's VN comes from order line 1.
    expect(set?.segments.find((s) => s.id === 'IT1')?.value(7)).toBe('0054321');
  });
});
