import { describe, expect, it } from 'vitest';
import type { ShipNotice, ShipNoticePack } from '../../../src/canonical/index.js';
import { shipNoticeStructure } from '../../../src/canonical/index.js';
import { canonicalHeader, readSample, readText, renderedBody } from './sample-documents.js';

const bsn = 'BSN*00*SH-1*20240305*1430';
const item = (id: number, parent: number, upc: string) => [
  `HL*${id}*${parent}*I`,
  `LIN**UP*${upc}`,
  'SN1**1*EA',
];
const read = (segments: string[]) => readText('856', 'ship_notice', [bsn, ...segments]);

describe('856 structure: the levels the HL tree holds, in the order S, O, T, P, I', () => {
  it('is S/O/I for items directly under their order', () => {
    expect(read(['HL*1**S', 'HL*2*1*O', ...item(3, 2, '012345678905')]).structure).toBe('S/O/I');
    expect(readSample('856/node-x12__856.edi', 'ship_notice').structure).toBe('S/O/I');
  });

  it('is S/O/T/I for items on a tare with no packs', () => {
    expect(read(['HL*1**S', 'HL*2*1*O', 'HL*3*2*T', ...item(4, 3, '012345678905')]).structure).toBe(
      'S/O/T/I',
    );
  });

  it('is S/O/P/I for packs under the order', () => {
    expect(readSample('856/EdiEngine__856.Crossdock.OK.edi', 'ship_notice').structure).toBe('S/O/P/I');
  });

  it('is S/O/T/P/I for packs on a tare beside packs under the order', () => {
    const notice = read([
      'HL*1**S',
      'HL*2*1*O',
      'HL*3*2*T',
      'HL*4*3*P',
      ...item(5, 4, '012345678905'),
      'HL*6*2*P',
      ...item(7, 6, '012345678912'),
    ]);
    expect(notice.structure).toBe('S/O/T/P/I');
  });

  it('is S alone, or S/O, for a shipment without levels below', () => {
    expect(read(['HL*1**S']).structure).toBe('S');
    expect(read(['HL*1**S', 'HL*2*1*O', 'PRF*PO-1']).structure).toBe('S/O');
    expect(shipNoticeStructure({ orders: [{ tares: [{ packs: [{ items: [] }] }] }] })).toBe('S/O/T/P');
  });
});

describe('856 MAN*GM and the SSCC of tares and packs', () => {
  const notice = read([
    'HL*1**S',
    'HL*2*1*O',
    'HL*3*2*T',
    'MAN*GM*00012345600000000012',
    'HL*4*3*P',
    'MAN*GM*012345600000000029',
    ...item(5, 4, '012345678905'),
    'HL*6*2*P',
    'MAN*CP*1Z999',
    'MAN*GM*CARTON-6',
    ...item(7, 6, '012345678912'),
  ]);
  const [order] = notice.orders;

  it('reads the SSCC without the application identifier 00, and keeps the mark as sent', () => {
    expect(order?.tares[0]).toMatchObject({
      sscc: '012345600000000012',
      marks: [{ qualifier: 'GM', value: '00012345600000000012' }],
    });
    expect(order?.tares[0]?.packs[0]).toMatchObject({
      sscc: '012345600000000029',
      marks: [{ qualifier: 'GM', value: '012345600000000029' }],
    });
  });

  it('reads no SSCC from a GM mark that is not 18 digits (or 20 with 00 first)', () => {
    expect(order?.packs[0]).not.toHaveProperty('sscc');
    expect(order?.packs[0]?.marks).toEqual([
      { qualifier: 'CP', value: '1Z999' },
      { qualifier: 'GM', value: 'CARTON-6' },
    ]);
  });

  it('writes each mark once: from the marks when they hold a GM one, else from the SSCC', () => {
    const pack = (fields: Partial<ShipNoticePack>): ShipNoticePack => ({
      ...fields,
      items: [{ ids: { upc: '012345678905' }, quantityShipped: '1', uom: 'EA' }],
    });
    const document: ShipNotice = {
      type: 'ship_notice',
      ...canonicalHeader('ship_notice', '856', '004010'),
      shipmentId: 'SH-9',
      purpose: 'original',
      shipmentDate: '2024-03-05',
      shipmentTime: '14:30',
      structure: 'S/O/P/I',
      parties: [],
      references: [],
      dates: [],
      notes: [],
      orders: [
        {
          tares: [],
          items: [],
          packs: [
            pack({ sscc: '012345600000000029' }),
            pack({ sscc: '012345600000000036', marks: [{ qualifier: 'GM', value: '00012345600000000036' }] }),
            pack({ sscc: '012345600000000043', marks: [{ qualifier: 'CP', value: '1Z999' }] }),
          ],
        },
      ],
    };
    const marks = renderedBody(document, 'x12/004010/856', '004010', 'SH').filter((s) =>
      s.startsWith('MAN*'),
    );
    expect(marks).toEqual([
      'MAN*GM*00012345600000000029',
      'MAN*GM*00012345600000000036',
      'MAN*CP*1Z999',
      'MAN*GM*00012345600000000043',
    ]);
  });
});
