import { describe, expect, it } from 'vitest';
import { setBody } from '../../acks/build-interchange.js';
import { sample } from '../../x12/sample.js';
import { acknowledgeText } from './read-back.js';

// Found by the fuzz run: AK1 and AK2 copied GS06, GS08 and ST02 whatever their length (a GS06 of
// 23,553 digits made an AK102 of as many, which the reader refuses), and AK402 carried a
// composite's id (`C040`) where a data element number (N0) belongs.
describe('a 997 naming a group and set the partner numbered wrongly', () => {
  it('cuts the copied values to the lengths of AK102, AK103 and AK202', () => {
    const text = sample({
      version: '00501',
      gsVersion: `005010${'X'.repeat(20)}`,
      gs: `GS*PO*SENDER*RECEIVER*20240115*1200*${'9'.repeat(300)}*X*005010${'X'.repeat(20)}`,
      ge: `GE*1*${'9'.repeat(300)}`,
    }).replaceAll('*0001~', `*0001${'1'.repeat(40)}~`);
    const { x12, errors } = acknowledgeText(text, { type: '997' });
    const [ak1, ak2] = setBody(x12);
    expect(ak1).toBe(`AK1*PO*${'9'.repeat(9)}*005010XXXXXX`);
    expect(ak2).toBe('AK2*850*000111111');
    // What stays wrong is what the partner sent wrong; nothing is too long or unreadable.
    expect(errors.filter((e) => e.includes('characters long; the maximum'))).toEqual([]);
  });

  it('writes no AK402 for an error in a composite as a whole', () => {
    // PO1 with a composite where a simple element belongs would not do: SLN's C001 is a composite
    // (unit of measure), and a repetition inside it is an error of the composite itself.
    const text = sample({
      version: '00501',
      gsVersion: '005010',
      sets: [['BEG*00*SA*PO-1001**20240115', 'PO1*1*10*EA*2.50**VP*SKU-1', 'SLN*1**I*1*EA^CA', 'CTT*1']],
    });
    const { x12 } = acknowledgeText(text, { type: '997' });
    const ak4s = setBody(x12).filter((s) => s.startsWith('AK4'));
    expect(ak4s.length).toBeGreaterThan(0);
    for (const ak4 of ak4s) expect(ak4.split('*')[2]).toMatch(/^(\d{1,4})?$/);
  });
});
