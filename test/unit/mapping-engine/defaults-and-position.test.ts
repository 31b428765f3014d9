import { describe, expect, it } from 'vitest';
import { loadMapping, readWithMapping } from '../../../src/mapping/engine/index.js';
import { readX12 } from '../../../src/x12/index.js';
import { MAPPINGS } from './round-trip.js';

const po = (lines: string[]) =>
  [
    'ISA*00*          *00*          *ZZ*BUYER          *ZZ*SELLER         *240115*1200*U*00401*000000001*0*P*>',
    'GS*PO*BUYER*SELLER*20240115*1200*1*X*004010',
    'ST*850*0001',
    'BEG*00*SA*PO-1**20240115',
    ...lines,
    'CTT*2',
    `SE*${lines.length + 4}*0001`,
    'GE*1*1',
    'IEA*1*000000001',
  ].join('~') + '~';

describe('mapping defaults and line positions', () => {
  const set = readX12(po(['PO1**1*EA*2.50**VP*A', 'PO1**3*EA*1**VP*B'])).transactionSets[0];
  it('numbers lines sent without PO101 by their place', () => {
    if (!set?.loops) throw new Error('no set');
    const [doc] = readWithMapping(set, set.loops, loadMapping(MAPPINGS, 'x12/004010/850'), {
      partnerId: 'p',
    }).documents;
    expect(doc?.type === 'purchase_order' ? doc.lines.map((l) => [l.lineNumber, l.quantity]) : []).toEqual([
      ['1', '1'],
      ['2', '3'],
    ]);
  });

  it('takes the currency from the mapping defaults when the order has no CUR, and a partner override changes it', () => {
    if (!set?.loops) throw new Error('no set');
    const base = readWithMapping(set, set.loops, loadMapping(MAPPINGS, 'x12/004010/850'), { partnerId: 'p' })
      .documents[0];
    expect(base?.type === 'purchase_order' ? base.currency : undefined).toBe('USD');
    const mapping = loadMapping(MAPPINGS, 'x12/004010/850');
    const cad = readWithMapping(
      set,
      set.loops,
      { ...mapping, defaults: { currency: 'CAD' } },
      { partnerId: 'p' },
    ).documents[0];
    expect(cad?.type === 'purchase_order' ? cad.currency : undefined).toBe('CAD');
  });
});
