import { describe, expect, it } from 'vitest';
import type { FunctionalAck } from '../../../../src/canonical/index.js';
import { comparableControlNumber, judgeAcknowledgement } from '../../../../src/core/index.js';

const sent = [{ setId: '856', controlNumber: '0001' }];

function ack(overrides: Partial<FunctionalAck>): FunctionalAck {
  return {
    type: 'functional_ack',
    id: 'functional_ack:1',
    partnerId: 'acme',
    source: { channel: 'x12' },
    standard: '997',
    group: { functionalId: 'SH', controlNumber: '17' },
    sets: [],
    groupStatus: 'accepted',
    groupStatusCode: 'A',
    setsIncluded: 1,
    setsReceived: 1,
    setsAccepted: 1,
    groupErrorCodes: [],
    ...overrides,
  };
}

describe('judging a 997 on a group we sent', () => {
  it('takes an accepted group without AK2 as every set accepted, with no problems', () => {
    const verdict = judgeAcknowledgement(ack({}), sent);
    expect(verdict).toEqual({
      status: 'accepted',
      groupStatusCode: 'A',
      accepted: true,
      problems: [],
      setOutcomes: [
        { setId: '856', controlNumber: '0001', statusCode: 'A', errorCodes: [], reported: false },
      ],
    });
  });

  it('reports a rejected set with its AK5, AK3 and AK4 codes and what they mean', () => {
    const verdict = judgeAcknowledgement(
      ack({
        groupStatus: 'rejected',
        groupStatusCode: 'R',
        setsAccepted: 0,
        groupErrorCodes: ['5'],
        sets: [
          {
            transactionSetId: '856',
            controlNumber: '1',
            status: 'rejected',
            statusCode: 'R',
            errorCodes: ['5'],
            segmentErrors: [
              {
                segmentId: 'BSN',
                segmentPosition: 2,
                code: '8',
                elementErrors: [{ elementPosition: 3, code: '8', value: '20241340' }],
              },
            ],
          },
        ],
      }),
      sent,
    );
    expect(verdict.status).toBe('rejected');
    expect(verdict.accepted).toBe(false);
    // ST02 0001 in our file is 1 in their AK202: still the same set.
    expect(verdict.setOutcomes).toEqual([
      { setId: '856', controlNumber: '0001', statusCode: 'R', errorCodes: ['5'], reported: true },
    ]);
    expect(verdict.problems).toEqual([
      'AK9 R: 0 of 1 set(s) accepted, 5 (GE01 does not match the number of sets)',
      '856 1: AK5 R, 5 (one or more segments in error)',
      '856 1: segment BSN at position 2 8 (segment has data element errors); element 3 8 (invalid date) (value "20241340")',
    ]);
  });

  it('counts accepted with errors as taken, yet reports it', () => {
    const verdict = judgeAcknowledgement(
      ack({
        groupStatus: 'accepted_with_errors',
        groupStatusCode: 'E',
        sets: [
          {
            transactionSetId: '856',
            controlNumber: '0001',
            status: 'accepted_with_errors',
            statusCode: 'E',
            errorCodes: ['5'],
            segmentErrors: [],
          },
        ],
      }),
      sent,
    );
    expect(verdict.accepted).toBe(true);
    expect(verdict.problems[0]).toBe('AK9 E: 1 of 1 set(s) accepted');
  });

  it('compares control numbers without leading zeros', () => {
    expect(comparableControlNumber('000000017')).toBe('17');
    expect(comparableControlNumber('0')).toBe('0');
    expect(comparableControlNumber(' 42 ')).toBe('42');
  });
});
