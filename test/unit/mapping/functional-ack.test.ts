import { describe, expect, it } from 'vitest';
import { ElementError, SegmentError, TransactionSetError } from '../../../src/x12/index.js';
import { mapFixture, only } from './fixture-sets.js';

describe('997 -> functional_ack', () => {
  it('reads AK1, the AK2 loop with AK3/AK4/AK5, and AK9', () => {
    const ack = only(mapFixture('997/staedi__simple997.edi'), 'functional_ack');
    expect(ack).toMatchObject({
      standard: '997',
      group: { functionalId: 'HC', controlNumber: '000001' },
      groupStatus: 'rejected',
      groupStatusCode: 'R',
      setsIncluded: 1,
      setsReceived: 1,
      setsAccepted: 0,
      groupErrorCodes: [],
    });
    expect(ack.sets).toEqual([
      {
        transactionSetId: '837',
        controlNumber: '0021',
        status: 'rejected',
        statusCode: 'R',
        errorCodes: ['5'],
        segmentErrors: [
          {
            segmentId: 'NM1',
            segmentPosition: 8,
            code: '8',
            elementErrors: [{ elementPosition: 8, elementRef: '66', code: '7', value: 'MI' }],
          },
        ],
      },
    ]);
  });

  it('reads a partly accepted group with one accepted and one rejected set', () => {
    const ack = only(
      mapFixture('997/stupidedi__005010_X230-FA997_pass_response-to-functional-group-containing-837s.edi'),
      'functional_ack',
    );
    expect(ack.group).toEqual({ functionalId: 'HC', controlNumber: '17456', version: '005010' });
    expect(ack.sets.map((s) => [s.controlNumber, s.status, s.segmentErrors.length])).toEqual([
      ['0001', 'accepted', 0],
      ['0002', 'rejected', 1],
    ]);
    expect(ack.sets[1]?.segmentErrors[0]).toEqual({
      segmentId: 'CLM',
      segmentPosition: 22,
      code: '8',
      elementErrors: [{ elementPosition: 1, elementRef: '1028', code: '1' }],
    });
    expect(ack).toMatchObject({
      groupStatus: 'partially_accepted',
      setsIncluded: 2,
      setsReceived: 2,
      setsAccepted: 1,
    });
    expect(ack.source.implementationReference).toBe('005010X230');
  });

  it('reports a non-numeric element reference (code 6) and keeps the acknowledgment', () => {
    const result = mapFixture('997/staedi__invalid997.edi');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'element',
        code: ElementError.invalidCharacter,
        segmentId: 'AK4',
        segmentPosition: 5,
        elementPosition: 2,
        value: '66 NON NUMERIC',
      }),
    ]);
    const ack = only(result, 'functional_ack');
    expect(ack.sets[0]?.segmentErrors[0]?.elementErrors).toEqual([
      { elementPosition: 8, code: '7', value: 'MI' },
    ]);
  });

  it('rejects a segment position that is not a number: the acknowledgment cannot point anywhere', () => {
    const result = mapFixture('997/staedi__extraDelimiter997.edi');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics.map((d) => [d.level, d.code, d.segmentId, d.elementPosition])).toEqual([
      ['element', ElementError.invalidCharacter, 'AK3', 2],
      ['transaction', TransactionSetError.segmentsInError, 'ST', undefined],
    ]);
    expect(result.diagnostics[1]?.message).toContain('/sets/0/segmentErrors/0/segmentPosition: is required');
  });

  it('reports a 997 that names no group', () => {
    const result = mapFixture('997/staedi__empty997.edi');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'segment',
        code: SegmentError.mandatorySegmentMissing,
        segmentId: 'AK1',
      }),
    ]);
  });
});

describe('999 -> functional_ack', () => {
  it('reads IK3/IK4/IK5 and keeps CTX contexts on the errors they explain', () => {
    const ack = only(mapFixture('999/staedi__simple999.edi'), 'functional_ack');
    expect(ack).toMatchObject({
      standard: '999',
      group: { functionalId: 'HC', controlNumber: '17456', version: '005010X222' },
    });
    expect(ack.sets.map((s) => [s.controlNumber, s.status, s.errorCodes])).toEqual([
      ['0001', 'accepted', []],
      ['0002', 'rejected', ['5']],
      ['0003', 'rejected', ['5']],
    ]);
    expect(ack.sets[1]?.segmentErrors).toEqual([
      {
        segmentId: 'CLM',
        segmentPosition: 22,
        code: '8',
        contexts: [{ name: 'CLM01', reference: '123456789' }],
        elementErrors: [{ elementPosition: 2, elementRef: '782', code: '1' }],
      },
    ]);
    expect(ack.sets[2]?.segmentErrors[0]).toMatchObject({
      segmentId: 'REF',
      segmentPosition: 57,
      code: '3',
      elementErrors: [],
    });
    expect(ack.sets[2]?.segmentErrors[0]?.contexts?.[0]).toEqual({
      name: 'SITUATIONAL TRIGGER',
      segmentId: 'CLM',
      segmentPosition: 43,
      elementPosition: 5,
      componentPosition: 3,
      elementRef: '1325',
    });
    expect(ack).toMatchObject({
      groupStatus: 'partially_accepted',
      setsIncluded: 3,
      setsReceived: 3,
      setsAccepted: 1,
    });
  });

  it('reads the X231A1 sample the same way', () => {
    const ack = only(
      mapFixture(
        '999/stupidedi__005010_X231A1-FA999_pass_response-to-functional-group-containing-3-837s.edi',
      ),
      'functional_ack',
    );
    expect(ack.group.version).toBe('005010X222A2');
    expect(ack.sets[2]?.segmentErrors[0]?.contexts).toEqual([
      {
        name: 'SITUATIONAL TRIGGER',
        segmentId: 'CLM',
        segmentPosition: 43,
        elementPosition: 5,
        componentPosition: 3,
      },
      { name: 'CLM01', reference: '987654321' },
    ]);
  });
});
