import { describe, expect, it } from 'vitest';
import type { Party } from '../../../src/canonical/index.js';
import { readText, renderedBody } from './sample-documents.js';

const n1 = (qualifier: string, id: string) => `N1*ST*STORE 12*${qualifier}*${id}`;

describe('DUNS+4 (qualifier 9) names the DUNS of the party', () => {
  const readParty = (setId: string, segments: string[]): Party | undefined => {
    if (setId === '850') return readText('850', 'purchase_order', segments).parties[0];
    if (setId === '810') return readText('810', 'invoice', segments).parties[0];
    return readText('856', 'ship_notice', segments).parties[0];
  };
  const cases = [
    ['850', ['BEG*00*SA*PO-1**20240301', n1('9', '0003947268292'), 'PO1*1*1*EA']],
    ['810', ['BIG*20240301*INV-1', n1('9', '0003947268292'), 'IT1*1*1*EA*1', 'TDS*100']],
    ['856', ['BSN*00*SH-1*20240305*1430', 'HL*1**S', n1('9', '0003947268292')]],
  ] as const;

  it.each(cases)('%s: the first nine digits, beside the identifier as sent', (setId, segments) => {
    expect(readParty(setId, [...segments])).toMatchObject({
      duns: '000394726',
      identifiers: [{ qualifier: '9', value: '0003947268292' }],
    });
  });

  it('reads qualifier 1 as the DUNS itself, and no DUNS from a qualifier 9 id that is not 13 digits', () => {
    const party = (q: string, id: string) =>
      readText('850', 'purchase_order', ['BEG*00*SA*PO-1**20240301', n1(q, id), 'PO1*1*1*EA']).parties[0];
    expect(party('1', '000394726')).toMatchObject({ duns: '000394726' });
    expect(party('9', 'ABC-4')).not.toHaveProperty('duns');
  });

  it('writes back exactly what was read: one N1 with qualifier 9 and the 13 digits', () => {
    const order = readText('850', 'purchase_order', [
      'BEG*00*SA*PO-1**20240301',
      n1('9', '0003947268292'),
      'PO1*1*1*EA',
    ]);
    const body = renderedBody(order, 'x12/004010/850', '004010', 'PO');
    expect(body.filter((s) => s.startsWith('N1*'))).toEqual(['N1*ST*STORE 12*9*0003947268292']);
  });

  it('in an 820, reads the DUNS of an N1 or NM1 DUNS+4 pair and writes the pair back as sent', () => {
    const remittance = readText('820', 'remittance', [
      'BPR*I*10*C*CHK************20240301',
      'TRN*1*T-1',
      'N1*PR*PAYER INC*9*0003947268292',
      'ENT*1',
      'NM1*IL*1*DOE*JANE****9*1234567890001',
      'RMR*IV*INV-1**10',
    ]);
    expect(remittance.parties[0]).toMatchObject({ duns: '000394726' });
    expect(remittance.entities[0]?.parties?.[0]).toMatchObject({ duns: '123456789' });
    const body = renderedBody(remittance, 'x12/004010/820', '004010', 'RA');
    expect(body.filter((s) => /^(N1|NM1)\*/.test(s))).toEqual([
      'N1*PR*PAYER INC*9*0003947268292',
      'NM1*IL*1*DOE*JANE****9*1234567890001',
    ]);
  });
});
