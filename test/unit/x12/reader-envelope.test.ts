import { describe, expect, it } from 'vitest';
import { readX12 } from '../../../src/x12/reader/index.js';
import type { Diagnostic } from '../../../src/x12/diagnostic.js';
import type { ReadResult } from '../../../src/x12/reader/index.js';
import { PO_BODY, isa, sample } from './sample.js';

/** Every diagnostic of a read, as `level:code:severity`. */
function codes(result: ReadResult): string[] {
  const all: Diagnostic[] = [...result.diagnostics];
  for (const ic of result.interchanges) {
    all.push(...ic.diagnostics);
    for (const g of ic.groups) {
      all.push(...g.diagnostics);
      for (const s of g.transactionSets) all.push(...s.diagnostics);
    }
  }
  return all.map((d) => `${d.level}:${d.code}:${d.severity}`);
}
const errors = (r: ReadResult) => codes(r).filter((c) => c.endsWith(':error'));

describe('envelope checks', () => {
  it('finds nothing wrong in a good interchange', () => {
    expect(codes(readX12(sample()))).toEqual([]);
  });

  it('notes IEA02 different from ISA13 (TA1 001, accepted with errors)', () => {
    expect(codes(readX12(sample({ iea: 'IEA*1*000000999' })))).toEqual(['interchange:001:warning']);
  });

  it('notes an unpadded but equal IEA02 as a warning only', () => {
    const r = readX12(sample({ iea: 'IEA*1*1' }));
    expect(codes(r)).toEqual(['interchange:001:warning']);
    expect(r.interchanges[0]?.diagnostics[0]?.message).toContain('not zero-padded');
  });

  it('notes IEA01 not matching the number of groups (TA1 021)', () => {
    expect(codes(readX12(sample({ iea: 'IEA*2*000000001' })))).toEqual(['interchange:021:warning']);
  });

  it('reads SE01, GE01 and IEA01 as numbers: leading zeros within the maximum length are no error', () => {
    const padded = sample({ ge: 'GE*000001*1', iea: 'IEA*00001*000000001' }).replace(
      'SE*5*0001',
      'SE*0000000005*0001',
    );
    expect(codes(readX12(padded))).toEqual([]);
    // Longer than the element allows (SE01 10, GE01 6, IEA01 5 digits), or not digits: no count at all.
    expect(errors(readX12(sample().replace('SE*5*0001', 'SE*00000000005*0001')))).toEqual([
      'transaction:4:error',
    ]);
    expect(errors(readX12(sample({ ge: 'GE*0000001*1' })))).toEqual(['group:5:error']);
    expect(codes(readX12(sample({ iea: 'IEA*000001*000000001' })))).toEqual(['interchange:021:warning']);
    expect(errors(readX12(sample().replace('SE*5*0001', 'SE*+5*0001')))).toEqual(['transaction:4:error']);
    expect(errors(readX12(sample({ ge: 'GE*0000002*1' })))).toEqual(['group:5:error']);
  });

  it('rejects GE02 different from GS06 (AK905 4) and GE01 wrong (AK905 5)', () => {
    expect(errors(readX12(sample({ ge: 'GE*1*2' })))).toEqual(['group:4:error']);
    expect(errors(readX12(sample({ ge: 'GE*3*1' })))).toEqual(['group:5:error']);
  });

  it('rejects SE02 different from ST02 (AK502 3) and SE01 wrong (AK502 4)', () => {
    const text = sample().replace('SE*5*0001', 'SE*5*0002');
    expect(errors(readX12(text))).toEqual(['transaction:3:error']);
    expect(errors(readX12(sample().replace('SE*5*0001', 'SE*9*0001')))).toEqual(['transaction:4:error']);
  });

  it('closes a set without SE (AK502 2), a group without GE (AK905 3), an interchange without IEA (TA1 023)', () => {
    const text = isa() + 'GS*PO*S*R*20240115*1200*1*X*004010~ST*850*0001~BEG*00*SA*1**20240115~';
    const r = readX12(text);
    expect(errors(r).sort()).toEqual(['group:3:error', 'interchange:023:error', 'transaction:2:error']);
    expect(r.transactionSets[0]?.segments.map((s) => s.id)).toEqual(['ST', 'BEG']);
  });

  it('closes an open interchange when the next ISA starts without IEA', () => {
    const first = sample({ iea: null });
    const r = readX12(first + sample({ isa13: '000000002' }));
    expect(r.interchanges.map((i) => i.controlNumber)).toEqual(['000000001', '000000002']);
    expect(r.interchanges[0]?.diagnostics.map((d) => d.code)).toEqual(['023']);
    expect(r.interchanges[1]?.diagnostics).toEqual([]);
  });

  it('rejects a duplicate ST02 in a group (AK502 23) and a duplicate GS06 in an interchange (AK905 19)', () => {
    const dup = sample({ sets: [PO_BODY, PO_BODY] }).replaceAll('0002', '0001');
    expect(errors(readX12(dup))).toEqual(['transaction:23:error']);
    const group = 'GS*PO*S*R*20240115*1200*7*X*004010~ST*850*0001~BEG*00*SA*1**20240115~SE*3*0001~GE*1*7~';
    const twoGroups = isa() + group + group + 'IEA*2*000000001~';
    expect(errors(readX12(twoGroups))).toEqual(['group:19:error']);
  });

  it('reports a GS08 that is not a version as AK905 2', () => {
    expect(errors(readX12(sample({ gsVersion: 'ABC' })))).toEqual(['group:2:error']);
  });

  it('reports bad GS dates, times and agency as invalid interchange content (TA1 024)', () => {
    const r = readX12(sample({ gs: 'GS*PO*S*R*2024011*2561*1*Q*004010' }));
    expect(errors(r)).toEqual(['interchange:024:error', 'interchange:024:error', 'interchange:024:error']);
  });

  it('reports segments outside ST/SE (TA1 022)', () => {
    const text = sample().replace('ST*850*0001~', 'REF*ZZ*1~ST*850*0001~');
    expect(errors(readX12(text))).toEqual(['interchange:022:error']);
  });
});

describe('ISA field checks carry their TA1 note codes', () => {
  const cases: [number, string, string][] = [
    [1, '99', '010'],
    [3, '07', '012'],
    [5, 'QQ', '005'],
    [6, ' '.repeat(15), '006'],
    [7, 'QQ', '007'],
    [8, ' '.repeat(15), '008'],
    [9, '241345', '014'],
    [10, '2561', '015'],
    [11, 'X', '016'],
    [12, '0040A', '017'],
    [13, '00000001A', '018'],
    [14, '2', '019'],
    [15, 'X', '020'],
  ];
  for (const [position, value, code] of cases) {
    it(`ISA${String(position).padStart(2, '0')} = '${value}' gives ${code}`, () => {
      const fields = isa().slice(0, -1).split('*');
      fields[position] = value;
      const text = sample().replace(isa(), fields.join('*') + '~');
      const r = readX12(text);
      expect(errors(r)).toEqual([`interchange:${code}:error`]);
      expect(r.interchanges[0]?.diagnostics[0]?.elementPosition).toBe(position);
    });
  }

  it('reads an unpadded ISA with a warning', () => {
    const text = 'ISA*00**00**ZZ*S*ZZ*R*240115*1200*U*00401*000000001*0*P*>~' + sample().slice(isa().length);
    const r = readX12(text);
    expect(codes(r)).toEqual(['interchange:000:warning']);
    expect(r.interchanges[0]?.sender).toEqual({ qualifier: 'ZZ', id: 'S' });
  });

  it('rejects a missing ISA16 (TA1 027) and still names the interchange', () => {
    const text = sample({ segment: '~\n' }).replace('*P*>~', '*P*~');
    const r = readX12(text);
    expect(r.interchanges).toHaveLength(1);
    expect(r.interchanges[0]?.controlNumber).toBe('000000001');
    expect(errors(r)).toEqual(['interchange:027:error']);
  });

  it('rejects a letter as element separator (TA1 026)', () => {
    const r = readX12('ISAX00X' + 'x'.repeat(120));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['026']);
  });
});

describe('what is not X12 is rejected with a reason', () => {
  it('an empty file', () => {
    expect(readX12('').diagnostics.map((d) => d.code)).toEqual(['empty']);
  });
  it('a CSV file', () => {
    const r = readX12('order_id,sku,qty\n1001,ABC,3\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['not-x12']);
    expect(r.diagnostics[0]?.message).toContain('CSV');
  });
  it('a binary file', () => {
    const r = readX12(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff, 0xfe]));
    expect(r.diagnostics.map((d) => d.code)).toContain('binary');
  });
  it('a truncated upload (cut inside the ISA)', () => {
    expect(readX12(sample().slice(0, 50)).diagnostics.map((d) => d.code)).toEqual(['023']);
  });
  it('a truncated upload (cut inside a set)', () => {
    const r = readX12(sample().slice(0, 170));
    expect(errors(r)).toContain('interchange:023:error');
  });
  it('keeps the last segment even without a terminator', () => {
    const r = readX12(sample().replace(/~$/, ''));
    expect(r.interchanges[0]?.trailer?.value(2)).toBe('000000001');
    expect(codes(r)).toEqual([]);
  });
});
