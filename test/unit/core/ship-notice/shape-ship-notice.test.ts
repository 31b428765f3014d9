import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCanonical, type ShipNotice } from '../../../../src/canonical/index.js';
import {
  shapeShipNotice,
  ssccProblem,
  withSsccCheckDigit,
  type ShipNoticeShape,
} from '../../../../src/core/index.js';

/** S/O/T/P/I: one tare with two packs, one pack under the order; five items, lines 1, 2, 1, 3. */
const posted = (): ShipNotice =>
  JSON.parse(
    readFileSync(new URL('../../../../fixtures/canonical/ship-notice.json', import.meta.url), 'utf8'),
  ) as ShipNotice;

const shape = (changes: Partial<ShipNoticeShape>): ShipNoticeShape => ({
  hierarchy: 'SOPI',
  perOrder: false,
  packageLabel: 'sscc-18',
  ...changes,
});

function shaped(notice: ShipNotice, changes: Partial<ShipNoticeShape>): ShipNotice[] {
  const result = shapeShipNotice(notice, shape(changes));
  if (!result.ok) throw new Error(result.reason);
  for (const each of result.notices) expect(validateCanonical(each).errors).toEqual([]);
  return result.notices;
}

describe('shapeShipNotice', () => {
  it('keeps SOTPI levels as posted, with BSN05 0001 and the structure found', () => {
    const [notice] = shaped(posted(), { hierarchy: 'SOTPI' });
    expect(notice?.hierarchyStructureCode).toBe('0001');
    expect(notice?.structure).toBe('S/O/T/P/I');
    expect(notice?.orders[0]?.tares[0]?.packs).toHaveLength(2);
  });

  it('lifts packs off their tares for SOPI', () => {
    const [notice] = shaped(posted(), { hierarchy: 'SOPI' });
    expect(notice?.structure).toBe('S/O/P/I');
    expect(notice?.hierarchyStructureCode).toBe('0001');
    expect(notice?.orders[0]?.tares).toEqual([]);
    expect(notice?.orders[0]?.packs.map((pack) => pack.marks?.[0]?.value)).toEqual([
      '00012345600000000043',
      '00012345600000000029',
      '00012345600000000036',
    ]);
  });

  it('gathers every item under its order for SOI, one per line with quantities added', () => {
    const [notice] = shaped(posted(), { hierarchy: 'SOI', packageLabel: 'none' });
    expect(notice?.hierarchyStructureCode).toBe('0004');
    expect(notice?.structure).toBe('S/O/I');
    const order = notice?.orders[0];
    expect(order?.packs).toEqual([]);
    expect(order?.items.map((item) => [item.lineNumber, item.quantityShipped])).toEqual([
      ['3', '4'],
      ['1', '24'],
      ['2', '6'],
    ]);
  });

  it('refuses items outside packs for SOPI and SOTPI, naming the order and the path', () => {
    const notice = posted();
    const order = notice.orders[0];
    if (order === undefined) throw new Error('fixture without order');
    order.items = [{ lineNumber: '9', ids: { upc: '012345678936' }, quantityShipped: '1', uom: 'EA' }];
    for (const hierarchy of ['SOPI', 'SOTPI'] as const) {
      const result = shapeShipNotice(notice, shape({ hierarchy }));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems).toEqual([
        {
          path: '/orders/0/items',
          message: `order 4500012345 has 1 item(s) outside any pack; a ${hierarchy} 856 puts every item in a pack`,
        },
      ]);
      expect(result.reason).toContain(`cannot be sent as the partner's ${hierarchy} 856`);
    }
  });

  it('requires a valid SSCC-18 on every pack when the partner labels cartons', () => {
    const notice = posted();
    const order = notice.orders[0];
    if (order?.packs[0] === undefined || order.tares[0]?.packs[0] === undefined) throw new Error('fixture');
    delete order.packs[0].marks;
    order.tares[0].packs[0].marks = [{ qualifier: 'GM', value: '00012345600000000011' }];
    const result = shapeShipNotice(notice, shape({ hierarchy: 'SOTPI' }));
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: '/orders/0/tares/0/packs/0/marks',
        message: 'GM is no SSCC-18: its check digit is 1; it should be 2',
      },
      {
        path: '/orders/0/packs/0/sscc',
        message: 'is required: the partner labels every pack with an SSCC-18 (packageLabel sscc-18)',
      },
    ]);
    // Without carton labels a pack needs none.
    delete order.tares[0].packs[0].marks;
    expect(shapeShipNotice(notice, shape({ hierarchy: 'SOTPI', packageLabel: 'none' })).ok).toBe(true);
  });

  it('refuses a BSN05 that contradicts the hierarchy', () => {
    const result = shapeShipNotice({ ...posted(), hierarchyStructureCode: '0002' }, shape({}));
    expect(result.ok ? [] : result.problems).toEqual([
      { path: '/hierarchyStructureCode', message: "is 0002, but the partner's SOPI 856 is structure 0001" },
    ]);
  });

  it('writes one 856 per order with perOrder, each with its own id and its own totals', () => {
    const notice = posted();
    const first = notice.orders[0];
    if (first === undefined) throw new Error('fixture');
    notice.orders.push({
      ...first,
      poNumber: '4500012399',
      weights: [{ qualifier: 'G', value: '12', uom: 'LB' }],
    });
    const notices = shaped(notice, { perOrder: true });
    expect(notices.map((each) => each.orders.map((order) => order.poNumber))).toEqual([
      ['4500012345'],
      ['4500012399'],
    ]);
    expect(new Set(notices.map((each) => each.id)).size).toBe(2);
    expect(notices[0]?.weights).toBeUndefined();
    expect(notices[1]?.weights).toEqual([{ qualifier: 'G', value: '12', uom: 'LB' }]);
    expect(notices.every((each) => each.shipmentId === 'SH-77')).toBe(true);
  });
});

describe('SSCC-18 check digits', () => {
  it('computes and checks the GS1 check digit', () => {
    expect(withSsccCheckDigit('10614141123456789')).toBe('106141411234567897');
    expect(ssccProblem('106141411234567897')).toBeUndefined();
    expect(ssccProblem('106141411234567891')).toBe('its check digit is 1; it should be 7');
    expect(ssccProblem('12345')).toBe("'12345' is not 18 digits");
  });
});
