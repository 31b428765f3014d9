import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../../acks/build-interchange.js';
import { sample } from '../../x12/sample.js';
import { acknowledgeText } from './read-back.js';

// Found by the fuzz run: a TA1 for an interchange whose ISA09, ISA10 or ISA13 held a NUL or another
// control byte copied it into TA102/TA103/TA101, and the reply read back as binary data.
describe('a TA1 echoing ISA fields that hold control bytes or separators', () => {
  it('leaves the NUL and control bytes out, so the TA1 reads back', () => {
    const text = sample().replace('*240115*1200*', '*24\u00000115*12\u00070\u001d0*');
    const { x12, errors } = acknowledgeText(text);
    expect(errors).toEqual([]);
    expect(segmentsOf(x12)[1]).toBe('TA1*000000001*240115*1200*R*014');
  });

  it('leaves out the separators and cuts TA101-TA103 to their widths', () => {
    const text = sample({ version: '00501', isa13: '12>3^4567890123' }).replace('*240115*', '*2401159999*');
    const { x12, errors } = acknowledgeText(text);
    expect(errors).toEqual([]);
    expect(segmentsOf(x12)[1]).toMatch(/^TA1\*123456789\*240115\*1200\*R\*0\d\d$/);
  });
});
