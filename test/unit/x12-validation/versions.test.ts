import { describe, expect, it } from 'vitest';
import { readX12, resolveSpecVersion } from '../../../src/x12/index.js';
import type { Diagnostic } from '../../../src/x12/diagnostic.js';
import { GOOD_PO, readOne, setText, type SetTextOptions } from './interchange.js';

const BEG = 'BEG*00*SA*PO-1001**20240115';
const PO1 = 'PO1*1*10*EA*2.50**VP*SKU-1';
const CTT = 'CTT*1';
/** REF02 of 40 characters: too long in 004010 (max 30), good in 005010 (max 50). */
const LONG_REF = `REF*DP*${'R'.repeat(40)}`;

/** `level:code:severity` of every problem of the one set and its group. */
function outcome(body: string[], o: SetTextOptions) {
  const { set, result } = readOne(setText(body, o));
  const group = result.interchanges[0]?.groups[0];
  const tag = (d: Diagnostic) => `${d.level}:${d.code}:${d.severity}`;
  return {
    set,
    group: group?.diagnostics ?? [],
    interchange: result.interchanges[0]?.diagnostics ?? [],
    tags: set.diagnostics.map(tag),
  };
}

describe('the spec version is chosen by GS08', () => {
  it('004010VICS is validated by the 004010 rules, without a warning', () => {
    const { tags, set } = outcome([BEG, LONG_REF, PO1, CTT], { gs08: '004010VICS' });
    expect(tags).toEqual(['element:5:error']);
    expect(set.diagnostics[0]?.message).toBe(
      'REF02 (Reference Identification) is 40 characters long; the maximum is 30',
    );
  });

  it('005010X222A1 is validated by the 005010 rules, without a warning', () => {
    expect(outcome([BEG, LONG_REF, PO1, CTT], { gs08: '005010X222A1' }).tags).toEqual([]);
    // N407 exists from 005010 on; in 004010 it is one element too many.
    const n4 = [BEG, 'N1*ST*SHIP TO', 'N4*AUSTIN**78701*US***TX', PO1, CTT];
    expect(outcome(n4, { gs08: '005010X222A1' }).tags).toEqual([]);
    expect(outcome(n4, { gs08: '004010VICS' }).tags).toEqual(['element:3:error']);
  });

  it('resolves releases to the nearest version and says whether the match is exact', () => {
    expect(resolveSpecVersion('004010VICS')).toEqual({ version: '004010', exact: true });
    expect(resolveSpecVersion('005010X222A1')).toEqual({ version: '005010', exact: true });
    expect(resolveSpecVersion('004060')).toEqual({ version: '004010', exact: false });
    expect(resolveSpecVersion('005030')).toEqual({ version: '005010', exact: false });
    expect(resolveSpecVersion('003010')).toBeUndefined();
    expect(resolveSpecVersion('')).toBeUndefined();
  });
});

describe('a later release of a supported version', () => {
  it('validates a 004060 group by the 004010 rules and warns once on ST (AK502 1, accepted)', () => {
    const { tags, set, group } = outcome([BEG, LONG_REF, PO1, CTT], { gs08: '004060' });
    expect(tags).toEqual(['transaction:1:warning', 'element:5:error']);
    expect(set.diagnostics[0]).toMatchObject({ segmentId: 'ST', segmentPosition: 1, line: 3 });
    expect(set.diagnostics[0]?.message).toBe(
      'GS08 004060: validated against the 004010 rules, the nearest version supported',
    );
    expect(group).toEqual([]);
    expect(set.loops?.loopId).toBe('ST');
  });

  it('validates a 005030 group by the 005010 rules', () => {
    const { tags, set } = outcome([BEG, LONG_REF, PO1, CTT], { gs08: '005030' });
    expect(tags).toEqual(['transaction:1:warning']);
    expect(set.diagnostics[0]?.message).toContain('validated against the 005010 rules');
  });
});

describe('what cannot be validated', () => {
  it('rejects a 003010 group (AK905 2) and its set (AK502 1), without checking the segments', () => {
    const { tags, set, group, interchange } = outcome(['BEG*Q9*SA', 'ZZZ', CTT], {
      gs08: '003010',
      gs04: '240115',
    });
    expect(interchange).toEqual([]);
    expect(group.map((d) => [d.level, d.code, d.severity, d.segmentId, d.elementPosition])).toEqual([
      ['group', '2', 'error', 'GS', 8],
    ]);
    expect(group[0]?.message).toBe(
      'functional group version 003010 is not supported: this gateway validates 004010 and 005010 (and their later releases)',
    );
    expect(tags).toEqual(['transaction:1:error']);
    expect(set.diagnostics[0]).toMatchObject({
      segmentId: 'ST',
      segmentPosition: 1,
      elementPosition: 1,
      line: 3,
    });
    expect(set.loops).toBeUndefined();
  });

  it('reports the unsupported group version once, however many sets the group holds', () => {
    const one = setText(GOOD_PO, { gs08: '003010', gs04: '240115' });
    const second = 'ST*850*0002~\nBEG*00*SA*PO-2**20240115~\nPO1*1*1*EA*1**VP*X~\nCTT*1~\nSE*5*0002~\n';
    const two = one.replace('GE*1*1', `${second}GE*2*1`);
    const result = readX12(two);
    expect(result.transactionSets.map((s) => s.diagnostics.map((d) => d.code))).toEqual([['1'], ['1']]);
    expect(result.interchanges[0]?.groups[0]?.diagnostics.map((d) => d.code)).toEqual(['2']);
  });

  it('rejects a transaction set it holds no spec for (940) with AK502 1', () => {
    const { tags, set, group } = outcome(['W05*N*1*PO1', 'LX*1'], { setId: '940' });
    expect(tags).toEqual(['transaction:1:error']);
    expect(set.diagnostics[0]).toMatchObject({
      segmentId: 'ST',
      segmentPosition: 1,
      elementPosition: 1,
      line: 3,
    });
    expect(set.diagnostics[0]?.message).toBe('transaction set 940 is not supported (version 004010)');
    expect(group).toEqual([]);
    expect(set.loops).toBeUndefined();
    const later = outcome(['W05*N*1*PO1'], { setId: '940', gs08: '005010' });
    expect(later.set.diagnostics[0]?.message).toBe('transaction set 940 is not supported (version 005010)');
  });
});
