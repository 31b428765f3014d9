import { afterEach, describe, expect, it } from 'vitest';
import { readX12 } from '../../../src/x12/index.js';
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
});
