import { describe, expect, it } from 'vitest';
import { ElementError } from '../../../src/x12/index.js';
import { envelope, mapSet, only, textSets } from './fixture-sets.js';

const mapText = (segments: string[]) => mapSet(textSets(envelope('856', segments, 'SH'))[0]);

describe('856 standard carton S/O/T/P/I', () => {
  const notice = only(
    mapText([
      'BSN*00*SHP-1*20240102*0930*0001',
      'HL*1**S',
      'TD5**2*UPSN*U',
      'REF*2I*1Z999',
      'HL*2*1*O',
      'PRF*PO-77',
      'HL*3*2*T',
      'MAN*GM*00012345670000000019',
      'HL*4*3*P',
      'MAN*GM*123456789012345678',
      'HL*5*4*I',
      'LIN**UP*012345678905',
      'SN1**6*EA**6*EA',
      'HL*6*3*P',
      'MAN*GM*123456789012345679',
      'HL*7*6*I',
      'LIN**UP*012345678912',
      'SN1**4*EA',
      'HL*8*3*I',
      'LIN**SK*LOOSE-1',
      'SN1**1*EA',
      'CTT*8',
    ]),
    'ship_notice',
  );

  it('nests packs in the tare and keeps the loose item on the tare', () => {
    expect(notice.structure).toBe('S/O/T/P/I');
    expect(notice.carriers).toEqual([{ scac: 'UPSN', mode: 'parcel', modeCode: 'U' }]);
    expect(notice.trackingNumbers).toEqual(['1Z999']);
    const tare = notice.orders[0]?.tares[0];
    expect(tare?.sscc).toBe('012345670000000019');
    expect(tare?.packs.map((p) => [p.sscc, p.items.map((i) => [i.ids.upc, i.quantityShipped])])).toEqual([
      ['123456789012345678', [['012345678905', '6']]],
      ['123456789012345679', [['012345678912', '4']]],
    ]);
    expect(tare?.items.map((i) => i.ids.sku)).toEqual(['LOOSE-1']);
    expect(notice.orders[0]?.packs).toEqual([]);
  });
});

describe('856 hierarchies that cannot be read', () => {
  it('reports a pack under an item, a missing parent and a bad quantity, and keeps the rest', () => {
    const result = mapText([
      'BSN*00*SHP-2*20240102*0930',
      'HL*1**S',
      'HL*2*1*O',
      'PRF*PO-1',
      'HL*3*2*I',
      'LIN**UP*1',
      'SN1**1*EA',
      'HL*4*3*P',
      'HL*5*9*I',
      'LIN**UP*2',
      'SN1**ABC*EA',
    ]);
    expect(
      result.diagnostics.map((d) => [
        d.level,
        d.code,
        d.segmentId,
        d.segmentPosition,
        d.elementPosition,
        d.value,
      ]),
    ).toEqual([
      ['element', ElementError.invalidCode, 'HL', 9, 3, 'P'],
      ['element', ElementError.invalidCode, 'HL', 10, 2, '9'],
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      "HL03 'P' cannot be read under item (HL 3): ship notices are read as shipment > order > [tare >] [pack >] item",
    );
    expect(result.diagnostics[1]?.message).toBe("HL02 '9' names no earlier HL as parent of HL 5");
    const notice = only(result, 'ship_notice');
    expect(notice.orders[0]?.items.map((i) => i.hlId)).toEqual(['3']);
  });

  it('reports an unreadable shipped quantity as code 6', () => {
    const result = mapText(['BSN*00*SHP-3*20240102', 'HL*1**S', 'HL*2*1*O', 'HL*3*2*I', 'SN1**ABC*EA']);
    expect(result.diagnostics[0]).toMatchObject({
      code: ElementError.invalidCharacter,
      segmentId: 'SN1',
      elementPosition: 2,
      value: 'ABC',
    });
    expect(result.documents).toEqual([]);
  });
});
