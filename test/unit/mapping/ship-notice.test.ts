import { describe, expect, it } from 'vitest';
import { ElementError } from '../../../src/x12/index.js';
import { mapFixture, only } from './fixture-sets.js';

describe('856 -> ship_notice, pick and pack S/O/P/I (crossdock sample)', () => {
  const notice = only(mapFixture('856/EdiEngine__856.Crossdock.OK.edi'), 'ship_notice');

  it('reads BSN and the shipment level', () => {
    expect(notice).toMatchObject({
      shipmentId: '000009',
      purpose: 'original',
      shipmentDate: '2009-09-21',
      shipmentTime: '08:01',
      hierarchyStructureCode: '0001',
      structure: 'S/O/P/I',
      hlId: '1',
      packagingCode: 'CTN',
      ladingQuantity: '5',
      weights: [{ value: '24', uom: 'LB' }],
      volumes: [{ value: '123', uom: 'CF' }],
      billOfLading: '000001',
      trackingNumbers: ['0000000008741'],
      carriers: [{ scac: 'OVNT', routing: 'OVERNITE' }],
      totals: { lineCount: 13 },
    });
    expect(notice.dates.map((d) => [d.type, d.date])).toEqual([
      ['shipped', '2009-09-21'],
      ['estimated_delivery', '2009-09-25'],
    ]);
    expect(notice.parties.map((p) => [p.role, p.name])).toEqual([
      ['ship_from', 'SOME COMPANY'],
      ['ship_to', 'RETAILER'],
    ]);
  });

  it('rebuilds orders -> packs -> items from HL01/HL02, with SSCC-18 from MAN GM', () => {
    expect(notice.orders.map((o) => [o.hlId, o.poNumber, o.packs.length, o.items.length])).toEqual([
      ['2', 'POREF00', 4, 0],
      ['11', 'POREF01', 1, 0],
    ]);
    const [first] = notice.orders;
    expect(first?.parties).toEqual([
      { role: 'buyer', roleCode: 'BY', name: 'STORE', identifiers: [{ qualifier: '92', value: '002' }] },
    ]);
    expect(first?.references).toEqual([{ qualifier: 'IV', value: '0000021' }]);
    expect(first?.packs.map((p) => [p.hlId, p.sscc, p.items.map((i) => i.hlId)])).toEqual([
      ['3', '000715670002152360', ['4']],
      ['5', '000715670002152377', ['6']],
      ['7', '000715670002152384', ['8']],
      ['9', '000715670002152391', ['10']],
    ]);
    expect(first?.packs[0]?.marks).toEqual([{ qualifier: 'GM', value: '00000715670002152360' }]);
    expect(first?.packs[0]?.weights).toEqual([{ value: '6', uom: 'LB' }]);
    expect(first?.packs[1]?.items[0]).toEqual({
      hlId: '6',
      ids: { ean: '0000000000831' },
      productIds: [{ qualifier: 'EN', value: '0000000000831' }],
      quantityShipped: '12',
      uom: 'EA',
    });
    expect(notice.orders[1]?.packs[0]?.sscc).toBe('000715670002152111');
  });
});

describe('856 with items directly under the order (node-x12 sample)', () => {
  const notice = only(mapFixture('856/node-x12__856.edi'), 'ship_notice');

  it('reads S/O/I and item quantities', () => {
    expect(notice).toMatchObject({
      shipmentId: '829716',
      purpose: 'advance_notification',
      shipmentTime: '14:24:28',
      structure: 'S/O/I',
      weights: [{ qualifier: 'A3', value: '60.310', uom: 'LB' }],
      billOfLading: '999999-001',
      trackingNumbers: ['5787970539'],
      totals: { lineCount: 4, quantityTotal: '30' },
    });
    expect(notice.parties.map((p) => p.role)).toEqual(['shipper', 'ordered_by', 'ship_from']);
    const [order] = notice.orders;
    expect(order).toMatchObject({ poNumber: '99999817', poDate: '2011-12-05', packs: [], tares: [] });
    expect(
      order?.items.map((i) => [
        i.lineNumber,
        i.ids.vendorPartNumber,
        i.ids.upc,
        i.quantityShipped,
        i.uom,
        i.description,
      ]),
    ).toEqual([
      ['1', '87787D', '999999310145', '24', 'EA', 'BLUE WIDGET'],
      ['2', '99887D', '999999311746', '6', 'EA', 'RED WIDGET'],
    ]);
    expect(order?.items[0]?.pack).toEqual({ pack: '1', size: '24', uom: 'EA' });
  });
});

describe('856 with a pipe separator and a label that is not an SSCC (vscode sample)', () => {
  const result = mapFixture('856/vscode-edi-x12-support__old.edi');
  const notice = only(result, 'ship_notice');

  it('reads the item with NDC, lot, expiry and manufacturer, and warns about the 16-digit GM mark', () => {
    const pack = notice.orders[0]?.packs[0];
    expect(pack?.sscc).toBeUndefined();
    expect(pack?.marks).toEqual([{ qualifier: 'GM', value: '0354023220190916' }]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'element',
        code: ElementError.tooShort,
        severity: 'warning',
        segmentId: 'MAN',
        elementPosition: 2,
      }),
    ]);
    expect(pack?.items[0]).toMatchObject({
      ids: { vendorCatalogNumber: '10151', ndc: '50242005306', lotNumber: '3308212' },
      quantityShipped: '4',
      quantityOrdered: '4',
      orderedUom: 'EA',
      dates: [{ type: 'lot_expiration', qualifier: '208', date: '2021-10-31' }],
      parties: [
        expect.objectContaining({ role: 'manufacturer', name: 'GENENTECH USA', city: 'SOUTH SAN FRANCISCO' }),
      ],
    });
    expect(notice.weights).toEqual([{ qualifier: 'G', value: '0.58', uom: 'LB' }]);
  });
});
