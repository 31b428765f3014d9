import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentId } from '../../../src/canonical/index.js';
import { eventDocument } from '../../../src/pipeline/index.js';

const shipNotice = JSON.parse(readFileSync('fixtures/canonical/ship-notice.json', 'utf8')) as Record<
  string,
  unknown
>;

describe('the document of an ERP/WMS event', () => {
  it('derives type, source and id when the event leaves them out', () => {
    const { id: _id, type: _type, source: _source, ...event } = shipNotice;
    const built = eventDocument('shipment-confirmed', JSON.stringify(event), 'event-1');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.document).toMatchObject({
      type: 'ship_notice',
      id: documentId('ship_notice', 'partner', ['SH-77']),
      source: { channel: 'api', transmissionId: 'event-1' },
    });
  });

  it('takes a shipment without its structure or its empty lists, as an ERP writes it', () => {
    const event = {
      partnerId: 'partner',
      shipmentId: 'SH-80',
      shipmentDate: '2024-03-05',
      purpose: 'original',
      orders: [
        {
          poNumber: 'PO-1',
          packs: [
            {
              sscc: '106141411234567897',
              items: [{ ids: { upc: '012345678905' }, quantityShipped: '2', uom: 'EA' }],
            },
          ],
        },
      ],
    };
    const built = eventDocument('shipment-confirmed', JSON.stringify(event), 'event-1');
    expect(built.ok ? [] : built.problems).toEqual([]);
    expect(built.ok && built.document).toMatchObject({
      parties: [],
      references: [],
      orders: [{ tares: [], items: [], packs: [{ sscc: '106141411234567897' }] }],
    });
  });

  it('keeps an id the event brings', () => {
    const built = eventDocument('shipment-confirmed', JSON.stringify(shipNotice), 'event-1');
    expect(built.ok && built.document.id).toBe('asn-1');
  });

  it('lists each bad path and why', () => {
    const changed: Record<string, unknown> = { ...shipNotice, id: undefined, shipmentDate: '5 March' };
    const { shipmentId: _shipmentId, ...event } = changed;
    const built = eventDocument('shipment-confirmed', JSON.stringify(event), 'event-1');
    expect(built.ok).toBe(false);
    if (built.ok) return;
    const paths = built.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/shipmentId', '/shipmentDate', '/id']));
    expect(built.problems.find((p) => p.path === '/id')?.message).toBe(
      'is required when partnerId and shipmentId do not give one',
    );
  });

  it('refuses a body that is not JSON, or a document of another type', () => {
    const garbled = eventDocument('invoice-issued', '{"partnerId": ', 'event-1');
    expect(garbled.ok === false && garbled.reason).toMatch(/^the body is not JSON/);
    const wrongType = eventDocument('invoice-issued', JSON.stringify(shipNotice), 'event-1');
    expect(wrongType.ok === false && wrongType.problems).toEqual([
      { path: '/type', message: 'must be invoice for invoice-issued events (got "ship_notice")' },
    ]);
  });
});
