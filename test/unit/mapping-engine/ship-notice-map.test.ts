import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ShipNotice } from '../../../src/canonical/index.js';
import {
  loadMapping,
  readWithMapping,
  renderInterchange,
  type Envelope,
  type Mapping,
} from '../../../src/mapping/engine/index.js';
import { formatDiagnostic, readX12, type TransactionSet } from '../../../src/x12/index.js';
import { MAPPINGS, content } from './round-trip.js';
import { notice, order, pallet } from './ship-notice-document.js';

const FIXTURES = new URL('../../../fixtures/x12/856/', import.meta.url).pathname;
const v4010 = loadMapping(MAPPINGS, 'x12/004010/856');

function firstSet(x12: string | Buffer): TransactionSet {
  const set = readX12(x12).transactionSets[0];
  if (!set?.loops) throw new Error('no readable transaction set');
  return set;
}

function readAll(set: TransactionSet, mapping: Mapping) {
  return readWithMapping(set, set.loops ?? { loopId: 'ST', items: [] }, mapping, { partnerId: 'partner' });
}

/** The ship notice a set reads as; fails the test with the diagnostics when it reads as none. */
function read(set: TransactionSet, mapping: Mapping = v4010): ShipNotice {
  const { documents, diagnostics } = readAll(set, mapping);
  const [notice] = documents;
  if (notice?.type !== 'ship_notice') throw new Error(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return notice;
}

function readSample(file: string): ShipNotice {
  return read(firstSet(readFileSync(`${FIXTURES}${file}`)));
}

describe('856 samples read with the 004010 mapping', () => {
  it('reads the crossdock sample: BSN, carrier, references, and orders > packs > items', () => {
    const notice = readSample('EdiEngine__856.Crossdock.OK.edi');
    expect(notice).toMatchObject({
      shipmentId: '000009',
      purpose: 'original',
      shipmentDate: '2009-09-21',
      shipmentTime: '08:01',
      hierarchyStructureCode: '0001',
      structure: 'S/O/P/I',
      packagingCode: 'CTN',
      ladingQuantity: '5',
      weights: [{ value: '24', uom: 'LB' }],
      volumes: [{ value: '123', uom: 'CF' }],
      carriers: [{ scac: 'OVNT', routing: 'OVERNITE' }],
      totals: { lineCount: 13 },
    });
    // The bill of lading and the PRO number stay references: see the mapping's REF rule.
    expect(notice.references).toEqual([
      { qualifier: 'BM', value: '000001' },
      { qualifier: 'CN', value: '0000000008741' },
      { qualifier: 'SE', value: '0000000008741' },
    ]);
    expect(notice.parties.map((p) => [p.role, p.name, p.identifiers?.[0]?.value])).toEqual([
      ['ship_from', 'SOME COMPANY', '000009'],
      ['ship_to', 'RETAILER', '0001'],
    ]);
    expect(notice.orders.map((o) => [o.poNumber, o.packs.length, o.tares.length, o.items.length])).toEqual([
      ['POREF00', 4, 0, 0],
      ['POREF01', 1, 0, 0],
    ]);
    const [first, second] = notice.orders;
    expect(first?.parties?.[0]).toMatchObject({ role: 'buyer', name: 'STORE' });
    expect(first?.references).toEqual([{ qualifier: 'IV', value: '0000021' }]);
    // Each carton with its SSCC (as labelled, AI 00 in front) and the item packed in it.
    expect(
      first?.packs.map((p) => [
        p.marks?.[0]?.value,
        p.items.map((i) => [i.ids.upc ?? i.ids.ean, i.quantityShipped, i.uom]),
      ]),
    ).toEqual([
      ['00000715670002152360', [['0000000000642', '12', 'EA']]],
      ['00000715670002152377', [['0000000000831', '12', 'EA']]],
      ['00000715670002152384', [['0000000000283', '12', 'EA']]],
      ['00000715670002152391', [['0000000000203', '12', 'EA']]],
    ]);
    expect(first?.packs[0]?.marks).toEqual([{ qualifier: 'GM', value: '00000715670002152360' }]);
    expect(first?.packs[0]?.weights).toEqual([{ value: '6', uom: 'LB' }]);
    expect(second?.packs[0]?.items[0]?.ids).toEqual({ upc: '0000000000642' });
  });

  it('reads items directly under their order (S/O/I) with LIN ids, SN1, PO4, PID and CTT', () => {
    const notice = readSample('node-x12__856.edi');
    expect(notice).toMatchObject({
      shipmentId: '829716',
      purpose: 'advance_notification',
      shipmentTime: '14:24:28',
      hierarchyStructureCode: '0002',
      structure: 'S/O/I',
      weights: [{ qualifier: 'A3', value: '60.310', uom: 'LB' }],
      carriers: [{ scac: 'XXXX' }],
      totals: { lineCount: 4, quantityTotal: '30' },
    });
    expect(notice.references.map((r) => [r.qualifier, r.value])).toEqual([
      ['BM', '999999-001'],
      ['CN', '5787970539'],
    ]);
    const [order] = notice.orders;
    expect(order).toMatchObject({ poNumber: '99999817', poDate: '2011-12-05', packs: [], tares: [] });
    expect(order?.items).toEqual([
      {
        lineNumber: '1',
        ids: { vendorPartNumber: '87787D', upc: '999999310145' },
        productIds: [
          { qualifier: 'VP', value: '87787D' },
          { qualifier: 'UP', value: '999999310145' },
        ],
        quantityShipped: '24',
        uom: 'EA',
        pack: { pack: '1', size: '24', uom: 'EA' },
        description: 'BLUE WIDGET',
      },
      expect.objectContaining({ lineNumber: '2', quantityShipped: '6', description: 'RED WIDGET' }),
    ]);
  });

  it('reads an item with quantity ordered, lot and NDC ids, its own dates and parties', () => {
    const notice = readSample('vscode-edi-x12-support__old.edi');
    expect(notice.carriers).toEqual([{ scac: 'UPS NxtDay Air Svr', modeCode: 'M', mode: 'motor' }]);
    expect(notice.weights).toEqual([{ qualifier: 'G', value: '0.58', uom: 'LB' }]);
    expect(notice.references).toEqual([{ qualifier: 'BM', value: '1Z764R371309889853' }]);
    const item = notice.orders[0]?.packs[0]?.items[0];
    expect(notice.orders[0]?.packs[0]?.marks).toEqual([{ qualifier: 'GM', value: '0354023220190916' }]);
    expect(item).toMatchObject({
      ids: { vendorCatalogNumber: '10151', ndc: '50242005306', lotNumber: '3308212' },
      quantityShipped: '4',
      uom: 'EA',
      quantityOrdered: '4',
      orderedUom: 'EA',
      description: 'RITUXAN  500MG VL 50ML',
      dates: [{ qualifier: '208', type: 'lot_expiration', date: '2021-10-31' }],
      parties: [{ role: 'manufacturer', name: 'GENENTECH USA', city: 'SOUTH SAN FRANCISCO' }],
    });
  });
});

function envelope(version: string): Envelope {
  const v5 = version.startsWith('005');
  return {
    delimiters: { element: '*', component: '>', segment: '~', repetition: v5 ? '^' : undefined },
    sender: { qualifier: 'ZZ', id: 'ACME', gsId: 'ACME' },
    receiver: { qualifier: 'ZZ', id: 'BIGBOX', gsId: 'BIGBOX' },
    version,
    interchangeVersion: v5 ? '00501' : '00401',
    usage: 'T',
    ackRequested: false,
    segmentNewline: true,
  };
}

function render(document: ShipNotice, mapping: Mapping): { x12: string; segments: string[] } {
  const x12 = renderInterchange(
    [document],
    mapping,
    envelope(mapping.version),
    { interchange: 5, group: 5, transactionSet: 1 },
    new Date('2024-03-05T15:00:00Z'),
    'SH',
  );
  const segments = x12.split('~').map((s) => s.trim());
  return { x12, segments: segments.slice(segments.findIndex((s) => s.startsWith('ST*'))) };
}

describe('ship_notice rendered as an 856', () => {
  const { x12, segments } = render(notice, v4010);

  it('numbers the HL tree depth first, each HL naming its parent and whether children follow', () => {
    expect(segments.filter((s) => s.startsWith('HL*'))).toEqual([
      'HL*1**S*1',
      'HL*2*1*O*1',
      'HL*3*2*T*1',
      'HL*4*3*P*1',
      'HL*5*4*I*0',
      'HL*6*4*I*0',
      'HL*7*3*P*1',
      'HL*8*7*I*0',
      'HL*9*2*P*1',
      'HL*10*9*I*0',
    ]);
  });

  it('writes each level in segment order, with MAN GM marks and CTT at the end', () => {
    expect(segments.slice(0, 13)).toEqual([
      'ST*856*0001',
      'BSN*00*SH-77*20240305*1430',
      'HL*1**S*1',
      'TD1*PLT94*1****G*412.500*LB',
      'TD5**2*ABFS*M',
      'REF*BM*BOL-4410',
      'REF*CN*PRO-99812',
      'DTM*011*20240305',
      'N1*SF*Acme Supply*1*123456789',
      'N1*ST*Bigbox DC 6006*92*6006',
      'HL*2*1*O*1',
      'PRF*4500012345***20240220',
      'REF*IA*778899',
    ]);
    const tare = segments.slice(segments.indexOf('HL*3*2*T*1'), segments.indexOf('HL*4*3*P*1'));
    expect(tare).toEqual(['HL*3*2*T*1', 'PO4*****G*400*LB', 'MAN*GM*00012345600000000012']);
    const loosePack = segments.slice(segments.indexOf('HL*9*2*P*1'));
    expect(loosePack.slice(0, 9)).toEqual([
      'HL*9*2*P*1',
      'PO4*****G*12.5*LB',
      'TD1*CTN25*1',
      'MAN*GM*00012345600000000043',
      'HL*10*9*I*0',
      'LIN*3*UP*012345678929*VP*W-3',
      'SN1**4*EA**6*EA',
      'PID*F****GREEN WIDGET',
      'CTT*10',
    ]);
    expect(segments.filter((s) => s.startsWith('MAN*'))).toHaveLength(4);
  });

  it('names a carrier by SCAC only when it has one, and a party by GLN or DUNS when no id as sent', () => {
    const variant: ShipNotice = {
      ...notice,
      carriers: [{ modeCode: 'M', routing: 'BEST WAY' }],
      parties: [
        { role: 'ship_from', roleCode: 'SF', name: 'Acme Supply', duns: '123456789' },
        { role: 'ship_to', roleCode: 'ST', name: 'Bigbox DC 6006', gln: '0614141000005' },
      ],
    };
    const written = render(variant, v4010).segments;
    expect(written.filter((s) => /^(TD5|N1)\*/.test(s)).slice(0, 3)).toEqual([
      'TD5****M*BEST WAY',
      'N1*SF*Acme Supply*1*123456789',
      'N1*ST*Bigbox DC 6006*UL*0614141000005',
    ]);
  });

  it('reads back as the same document, the structure included', () => {
    // The default mapping has no TD1 at tare level: the pallet's packaging code and count stay home.
    const { packagingCode: _code, ladingQuantity: _count, ...tare } = pallet;
    const expected = { ...notice, orders: [{ ...order, tares: [tare] }] };
    expect(content(read(firstSet(x12)))).toEqual(content(expected));
  });

  it('renders and reads back the same way in 005010', () => {
    const v5010 = loadMapping(MAPPINGS, 'x12/005010/856');
    const rendered = render(notice, v5010);
    expect(rendered.segments[0]).toBe('ST*856*0001*005010');
    expect(rendered.segments.filter((s) => s.startsWith('HL*'))).toHaveLength(10);
    expect(content(read(firstSet(rendered.x12), v5010))).toEqual(content(read(firstSet(x12))));
  });
});

describe('the bigbox-retail override', () => {
  const bigbox = loadMapping(MAPPINGS, 'x12/004010/856', ['partners/bigbox-retail/856']);
  const base = render(notice, v4010);
  const { x12, segments } = render(notice, bigbox);

  it('writes a TD1 at tare level, and nothing else differently', () => {
    // BSN05 comes from the partner file's 856 hierarchy (shapeShipNotice), not from the override.
    expect(segments[1]).toBe(base.segments[1]);
    const tare = segments.slice(segments.indexOf('HL*3*2*T*1'), segments.indexOf('HL*4*3*P*1'));
    expect(tare).toEqual(['HL*3*2*T*1', 'PO4*****G*400*LB', 'TD1*PLT94*1', 'MAN*GM*00012345600000000012']);
    const unchanged = (list: string[]) => list.filter((s) => s !== 'TD1*PLT94*1' && !s.startsWith('SE*'));
    expect(unchanged(segments)).toEqual(unchanged(base.segments));
  });

  it('reads the tare TD1, and only the vendor number and department at order level', () => {
    const read4010 = read(firstSet(base.x12)).orders[0];
    const readBigbox = read(firstSet(x12), bigbox).orders[0];
    expect(read4010?.references?.map((r) => r.qualifier)).toEqual(['IA', 'DP', 'IV']);
    expect(readBigbox?.references).toEqual([
      { qualifier: 'IA', value: '778899' },
      { qualifier: 'DP', value: '042' },
    ]);
    expect(read4010?.tares[0]).not.toHaveProperty('packagingCode');
    expect(readBigbox?.tares[0]).toMatchObject({ packagingCode: 'PLT94', ladingQuantity: '1' });
  });
});
