import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listTransmissions,
  parseListFilter,
  showTransmission,
  type TransmissionListItem,
} from '../../../src/pipeline/index.js';
import { interchange850 } from '../orders/order-850.js';
import { startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { ORDER_OPTIONS } from './support-harness.js';

const HOOK_TIMEOUT = 60_000;

describe('search and show through the pipeline', () => {
  let h: Harness;
  let inboundId: string;
  let ackId: string;
  beforeAll(async () => {
    h = await startHarness(ORDER_OPTIONS);
    [inboundId] = (await h.drop(
      'po-search.edi',
      interchange850(905, {
        poNumber: 'PO-SEARCH',
        lines: [{ quantity: '2', price: '10.00', vendorPart: 'WID-1' }],
      }),
    )) as [string];
    const sent855 = await waitFor('the 855 to be sent', async () => {
      const found = await h.repositories.transmissions.list({ direction: 'outbound', documentType: '855' });
      return found.find((t) => t.status === 'sent');
    });
    ackId = sent855.id;
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  const deps = () => ({ repositories: h.repositories, partners: h.partners });
  const ids = async (text: Parameters<typeof parseListFilter>[0]) =>
    (await listTransmissions(parseListFilter(text), 'alice', deps())).transmissions.map((t) => t.id).sort();

  it('finds the 850 and the 855 that answers it by PO number, and each by its own numbers', async () => {
    expect(await ids({ po: 'PO-SEARCH' })).toEqual([inboundId, ackId].sort());
    expect(await ids({ po: 'PO-SEARCH', direction: 'inbound' })).toEqual([inboundId]);
    expect(await ids({ isa13: '905' })).toEqual([inboundId]);
    expect(await ids({ isa13: '000000905', type: '850' })).toEqual([inboundId]);
    expect(await ids({ type: 'purchase_order_ack' })).toEqual([ackId]);
    expect(await ids({ search: 'PO-SEARCH', type: '855' })).toEqual([ackId]);
    expect(await ids({ st02: '1', direction: 'inbound' })).toEqual([inboundId]);
    const { transmissions } = await listTransmissions({ po: 'PO-SEARCH' }, 'alice', deps());
    const inbound = transmissions.find((t) => t.id === inboundId) as TransmissionListItem;
    expect(inbound.poNumbers).toEqual(['PO-SEARCH']);
    expect(inbound.documentTypes.sort()).toEqual(['850', 'purchase_order']);
  });

  it('refuses bad filter values with a message that says what is expected', () => {
    const refusal = (text: Parameters<typeof parseListFilter>[0]) => {
      try {
        parseListFilter(text);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal({ isa13: '90x' })).toContain('isa13 is a control number of 1 to 9 digits');
    expect(refusal({ from: '2026-02-30' })).toContain('from must be a date such as 2026-01-31');
    expect(refusal({ from: '2026-02-01', to: '2026-01-01' })).toContain('must come before');
    expect(refusal({ direction: 'sideways' })).toContain('direction must be one of inbound, outbound');
    expect(refusal({ cursor: 'bm9wZQ' })).toContain('not one a list gave');
    expect(parseListFilter({ to: '2026-01-31' }).receivedTo).toEqual(new Date('2026-02-01T00:00:00Z'));
  });

  it('shows the raw bytes, the segments, the diagnostics, the references and both acknowledgements', async () => {
    const inbound = await showTransmission(inboundId, 'alice', deps());
    const stored = await h.repositories.transmissions.get(inboundId);
    expect(inbound.raw).toEqual({ encoding: 'base64', data: stored?.payload?.toString('base64') });
    expect(inbound.segments.map((s) => s.id)).toEqual([
      'ISA',
      'GS',
      'ST',
      'BEG',
      'N1',
      'N3',
      'N4',
      'PO1',
      'CTT',
      'SE',
      'GE',
      'IEA',
    ]);
    expect(inbound.segments[3]).toMatchObject({
      position: 4,
      id: 'BEG',
      elements: ['00', 'SA', 'PO-SEARCH', '', '20250301'],
    });
    expect(inbound.diagnostics).toEqual([]);
    expect(inbound.references).toContainEqual({ kind: 'isa13', value: '905' });
    expect(inbound.acknowledgement).toMatchObject({ direction: 'inbound', state: 'sent' });

    const outbound = await showTransmission(ackId, 'alice', deps());
    expect(outbound.acknowledgement).toMatchObject({
      direction: 'outbound',
      state: 'pending',
      groups: [{ functionalId: 'PR', status: 'pending' }],
    });
    expect(outbound.references).toContainEqual({ kind: 'po', value: 'PO-SEARCH' });
  });

  it('reports diagnostics with segment, element and X12 code for a bad file', async () => {
    const bad = interchange850(906, {
      poNumber: 'PO-BAD',
      lines: [{ quantity: 'two', price: '10.00', vendorPart: 'WID-1' }],
    });
    const id = await h.repositories.transmissions.recordInbound(Buffer.from(bad), { channel: 'cli' });
    const view = await showTransmission(id, 'alice', deps());
    const problem = view.diagnostics.find((d) => d.segmentId === 'PO1');
    expect(problem).toMatchObject({
      severity: 'error',
      level: 'element',
      elementPosition: 2,
      segmentPosition: 6,
    });
    expect(problem?.code).toMatch(/^\d+$/);
    expect(problem?.transactionSet).toEqual({ id: '850', controlNumber: '0001' });
  });

  it('pages through 2,000 transmissions by status and partner without losing or repeating one', async () => {
    const base = Date.UTC(2026, 0, 1);
    const made: string[] = [];
    const store = async (i: number) => {
      const id = await h.repositories.transmissions.recordInbound(Buffer.from(`bulk ${i}`), {
        channel: 'cli',
        partnerId: 'bulk-partner',
        // Two files per second, so pages also split inside ties.
        receivedAt: new Date(base + Math.floor(i / 2) * 1000),
      });
      await h.repositories.references.add(id, [{ kind: 'po', value: `BULK-${i}` }]);
      made[i] = id;
    };
    for (let i = 0; i < 2000; i += 4) await Promise.all([0, 1, 2, 3].map((k) => store(i + k)));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listTransmissions(
        parseListFilter({ partner: 'bulk-partner', status: 'received', limit: '333', cursor }),
        'alice',
        deps(),
      );
      seen.push(...page.transmissions.map((t) => t.id));
      if (page.next === null) break;
      cursor = page.next;
    }
    expect(seen.length).toBe(2000);
    expect(new Set(seen).size).toBe(2000);
    expect([...seen].sort()).toEqual([...made].sort());
    expect(await ids({ po: 'BULK-1234' })).toEqual([made[1234]]);
    expect(
      await ids({ partner: 'bulk-partner', from: '2026-01-01T00:00:10Z', to: '2026-01-01T00:00:12Z' }),
    ).toEqual(made.slice(20, 24).sort());
  }, 120_000);
});
