import { describe, expect, it } from 'vitest';
import type { ReferenceEntry, Repositories, TransmissionFilter } from '../../src/store/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';

/**
 * Search by business and control numbers, and keyset pages, as every store adapter must answer
 * them.
 *
 * @example
 * describeReferenceStoreContract('libsql', { open, dispose });
 */
export function describeReferenceStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`transmission references: ${dialect}`, () => {
    const suite = openForSuite(harness);
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 12, minute));

    async function inbound(minute: number, partnerId: string, refs: ReferenceEntry[]): Promise<string> {
      const repos: Repositories = suite.repos;
      const id = await repos.transmissions.recordInbound(Buffer.from(`file ${minute}`), {
        channel: 'folder',
        partnerId,
        receivedAt: at(minute),
      });
      await repos.references.add(id, refs);
      return id;
    }
    const ids = async (filter: TransmissionFilter) =>
      (await suite.repos.transmissions.list(filter)).map((t) => t.id);

    it('finds transmissions by each kind of number, control numbers with or without zeros', async () => {
      const a = await inbound(1, 'ref-a', [
        { kind: 'po', value: 'PO-77' },
        { kind: 'isa13', value: '000000001' },
        { kind: 'gs06', value: '0042' },
        { kind: 'st02', value: '0001' },
        { kind: 'document-type', value: '850' },
        { kind: 'document-type', value: 'purchase_order' },
      ]);
      const b = await inbound(2, 'ref-a', [
        { kind: 'invoice', value: 'INV-9' },
        { kind: 'shipment', value: 'SH-3' },
        { kind: 'marketplace-order', value: '113-555' },
        { kind: 'isa13', value: '100' },
        { kind: 'document-type', value: '810' },
      ]);
      // Recording again adds nothing and fails nothing.
      await suite.repos.references.add(a, [
        { kind: 'po', value: 'PO-77' },
        { kind: 'po', value: ' ' },
      ]);

      expect(await ids({ po: 'PO-77' })).toEqual([a]);
      expect(await ids({ invoice: 'INV-9' })).toEqual([b]);
      expect(await ids({ shipment: 'SH-3' })).toEqual([b]);
      expect(await ids({ marketplaceOrder: '113-555' })).toEqual([b]);
      expect(await ids({ isa13: '1' })).toEqual([a]);
      expect(await ids({ isa13: '000000001' })).toEqual([a]);
      expect(await ids({ isa13: '0000100' })).toEqual([b]);
      expect(await ids({ gs06: '42' })).toEqual([a]);
      expect(await ids({ st02: '1' })).toEqual([a]);
      expect(await ids({ documentType: 'purchase_order' })).toEqual([a]);
      expect(await ids({ documentType: '810', partnerId: 'ref-a' })).toEqual([b]);
      expect(await ids({ documentType: '810', partnerId: 'someone-else' })).toEqual([]);
      expect(await ids({ po: 'PO-77', invoice: 'INV-9' })).toEqual([]);
      expect(await ids({ text: 'SH-3' })).toEqual([b]);
      expect(await ids({ text: '00001', partnerId: 'ref-a' })).toEqual([a]);
      expect(await ids({ po: 'PO-78' })).toEqual([]);

      const refs = await suite.repos.references.of([a, b, 'f0000000-0000-4000-8000-000000000000']);
      expect(refs.get(a)).toContainEqual({ kind: 'isa13', value: '1' });
      expect(refs.get(a)?.filter((r) => r.kind === 'po')).toEqual([{ kind: 'po', value: 'PO-77' }]);
      expect(refs.get(b)?.length).toBe(5);
      expect(refs.size).toBe(2);
    });

    it('pages newest first by a cursor, ties broken by id, within a date range', async () => {
      const made: { id: string; minute: number }[] = [];
      for (let i = 0; i < 7; i++) {
        // Two files per minute, so that pages split inside a tie.
        const minute = 20 + Math.floor(i / 2);
        made.push({ id: await inbound(minute, 'ref-pages', []), minute });
      }
      const expected = [...made]
        .sort((x, y) => y.minute - x.minute || (x.id < y.id ? -1 : 1))
        .map((m) => m.id);
      const seen: string[] = [];
      let before: TransmissionFilter['before'];
      for (;;) {
        const page = await suite.repos.transmissions.list({
          partnerId: 'ref-pages',
          limit: 3,
          ...(before === undefined ? {} : { before }),
        });
        seen.push(...page.map((t) => t.id));
        const last = page.at(-1);
        if (page.length < 3 || last === undefined) break;
        before = { receivedAt: last.receivedAt, id: last.id };
      }
      expect(seen).toEqual(expected);
      const ranged = await ids({ partnerId: 'ref-pages', receivedFrom: at(21), receivedTo: at(23) });
      expect(ranged.sort()).toEqual(
        made
          .filter((m) => m.minute >= 21 && m.minute < 23)
          .map((m) => m.id)
          .sort(),
      );
      expect(await ids({ partnerId: 'ref-pages', direction: 'outbound' })).toEqual([]);
    });
  });
}
