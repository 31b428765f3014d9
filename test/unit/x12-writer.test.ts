import { describe, expect, it } from 'vitest';
import type { Delimiters } from '../../src/x12/delimiters.js';
import {
  writeInterchange,
  X12WriteError,
  type InterchangeHeaderValues,
  type OutboundGroup,
  type OutboundInterchange,
  type SegmentValues,
} from '../../src/x12/writer.js';
import { parseBack, parseBackWithTa1 } from './acks/parse-back.js';

const STARS: Delimiters = { element: '*', repetition: undefined, component: '>', segment: '~' };
const PIPES: Delimiters = { element: '|', repetition: '^', component: ':', segment: '~' };

const header: InterchangeHeaderValues = {
  sender: { qualifier: 'ZZ', id: 'GATEWAY' },
  receiver: { qualifier: '01', id: '123456789' },
  date: '240315',
  time: '0930',
  version: '00401',
  controlNumber: 17,
  ackRequested: false,
  usage: 'P',
};

function group(
  sets: OutboundGroup['transactionSets'],
  overrides: Partial<OutboundGroup> = {},
): OutboundGroup {
  return {
    functionalId: 'PR',
    applicationSender: 'GATEWAY',
    applicationReceiver: 'ACME',
    date: '20240315',
    time: '0930',
    controlNumber: 5,
    version: '004010',
    transactionSets: sets,
    ...overrides,
  };
}

const segments = (...list: SegmentValues[]): SegmentValues[] => list;

/** A group holding one 855 set: ST*855*0001 followed by `body`. */
function oneSet(...body: SegmentValues[]): OutboundGroup {
  return group([[['ST', '855', '0001'], ...body]]);
}

const poAck = segments(
  ['ST', '855', '0001'],
  ['BAK', '00', 'AC', 'PO123', '20240315'],
  ['PO1', '1', '10', 'EA', '', '', 'VP', 'SKU-1'],
);

function write(interchange: Partial<OutboundInterchange>, segmentNewline = false): string {
  return writeInterchange({ delimiters: STARS, header, groups: [], ...interchange }, { segmentNewline });
}

function thrown(action: () => unknown): X12WriteError {
  try {
    action();
  } catch (error) {
    if (error instanceof X12WriteError) return error;
    throw error;
  }
  throw new Error('expected an X12WriteError');
}

describe('writeInterchange', () => {
  it('pads the ISA, computes SE, GE and IEA, and writes U in ISA11 before 00402', () => {
    const x12 = write({ groups: [group([poAck])] });
    expect(x12).toBe(
      'ISA*00*          *00*          *ZZ*GATEWAY        *01*123456789      *240315*0930*U*00401*000000017*0*P*>~' +
        'GS*PR*GATEWAY*ACME*20240315*0930*5*X*004010~' +
        'ST*855*0001~BAK*00*AC*PO123*20240315~PO1*1*10*EA***VP*SKU-1~SE*4*0001~' +
        'GE*1*5~IEA*1*000000017~',
    );
    expect(x12.indexOf('~')).toBe(105);
    expect(parseBack(x12)).toEqual({ groups: 1, setsPerGroup: [1], segmentsPerSet: [4] });
  });

  it('matches its documented example', () => {
    const x12 = writeInterchange({
      delimiters: STARS,
      header: { ...header, receiver: { qualifier: 'ZZ', id: 'ACME' } },
      groups: [{ ...oneSet(['BAK', '00', 'AC', 'PO123', '20240315']), controlNumber: 17 }],
    });
    expect(x12).toBe(
      'ISA*00*          *00*          *ZZ*GATEWAY        *ZZ*ACME           *240315*0930*U*00401*000000017*0*P*>~' +
        'GS*PR*GATEWAY*ACME*20240315*0930*17*X*004010~ST*855*0001~BAK*00*AC*PO123*20240315~SE*3*0001~GE*1*17~IEA*1*000000017~',
    );
  });

  it('writes the repetition separator in ISA11 from 00402 on, with the given delimiters', () => {
    const x12 = writeInterchange({
      delimiters: PIPES,
      header: { ...header, version: '00501', ackRequested: true, usage: 'T' },
      groups: [
        group([segments(['ST', '855', '0001', '005010'], ['REF', 'ZZ', 'A', '', ['VN', '1']])], {
          version: '005010',
        }),
      ],
    });
    expect(x12.split('~')[0]).toBe(
      'ISA|00|          |00|          |ZZ|GATEWAY        |01|123456789      |240315|0930|^|00501|000000017|1|T|:',
    );
    expect(x12).toContain('~ST|855|0001|005010~REF|ZZ|A||VN:1~SE|3|0001~');
    expect(parseBack(x12).segmentsPerSet).toEqual([3]);
  });

  const secondPoAck = segments(['ST', '855', '0002'], ['BAK', '00', 'AC', 'PO124', '20240315']);
  const invoice = segments(['ST', '810', '0003'], ['BIG', '20240315', 'INV1']);

  it('counts several groups and sets, and numbers GE/IEA from the headers', () => {
    const x12 = write({
      groups: [
        group([poAck, secondPoAck], { controlNumber: 7 }),
        group([invoice], { functionalId: 'IN', controlNumber: 8 }),
      ],
    });
    const segments = x12.split('~');
    expect(segments.filter((s) => s.startsWith('SE*'))).toEqual(['SE*4*0001', 'SE*3*0002', 'SE*3*0003']);
    expect(segments.filter((s) => s.startsWith('GE*'))).toEqual(['GE*2*7', 'GE*1*8']);
    expect(segments.at(-2)).toBe('IEA*2*000000017');
    expect(parseBack(x12)).toEqual({ groups: 2, setsPerGroup: [2, 1], segmentsPerSet: [4, 3, 3] });
  });

  it('trims trailing empty elements and components, keeping inner empties', () => {
    const x12 = write({
      groups: [oneSet(['N1', 'ST', '', '92', '', ''], ['AK4', ['2', '', ''], '', '1', ''], ['LS', ''])],
    });
    expect(x12).toContain('~N1*ST**92~AK4*2**1~LS~SE*5*0001~');
  });

  it('joins composite components with the component separator', () => {
    const x12 = write({ groups: [oneSet(['AK4', ['2', '1'], '353', '7'])] });
    expect(x12).toContain('~AK4*2>1*353*7~');
  });

  it('puts a newline after every terminator when asked, and node-x12 still reads it', () => {
    const x12 = write({ groups: [group([poAck])] }, true);
    const lines = x12.split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.slice(1)).toEqual([
      'GS*PR*GATEWAY*ACME*20240315*0930*5*X*004010~',
      'ST*855*0001~',
      'BAK*00*AC*PO123*20240315~',
      'PO1*1*10*EA***VP*SKU-1~',
      'SE*4*0001~',
      'GE*1*5~',
      'IEA*1*000000017~',
      '',
    ]);
    expect(parseBack(x12).segmentsPerSet).toEqual([4]);
  });

  it('writes TA1 segments between the ISA and the first GS, and IEA01 counts groups only', () => {
    const x12 = write({
      interchangeAcknowledgements: [['TA1', '000000101', '240314', '1200', 'A', '000']],
      groups: [],
    });
    expect(x12.split('~').slice(1)).toEqual(['TA1*000000101*240314*1200*A*000', 'IEA*0*000000017', '']);
    expect(parseBackWithTa1(x12)).toMatchObject({ groups: 0, complaints: [] });
  });

  describe('refuses values that contain a separator', () => {
    it.each([
      ['element separator', '*', STARS, '00401'],
      ['component separator', '>', STARS, '00401'],
      ['segment terminator', '~', STARS, '00401'],
      ['element separator', '|', PIPES, '00501'],
      ['repetition separator', '^', PIPES, '00501'],
      ['component separator', ':', PIPES, '00501'],
    ])('the %s %s', (name, character, delimiters, version) => {
      const error = thrown(() =>
        writeInterchange({
          delimiters,
          header: { ...header, version },
          groups: [oneSet(['BAK', '00', 'AC', `PO${character}123`])],
        }),
      );
      expect(error.code).toBe('delimiter-in-value');
      expect(error.segmentId).toBe('BAK');
      expect(error.elementPosition).toBe(3);
      expect(error.componentPosition).toBeUndefined();
      expect(error.permanent).toBe(true);
      expect(error.message).toContain(`BAK03 contains '${character}', the ${name}`);
    });

    it('names the component of a composite', () => {
      const error = thrown(() => write({ groups: [oneSet(['REF', 'ZZ', '', '', ['VN', 'a*b']])] }));
      expect([error.segmentId, error.elementPosition, error.componentPosition]).toEqual(['REF', 4, 2]);
      expect(error.message).toContain('REF04-2');
    });

    it('in ISA values', () => {
      const error = thrown(() =>
        write({ header: { ...header, sender: { qualifier: 'ZZ', id: 'GATE*WAY' } } }),
      );
      expect([error.code, error.segmentId, error.elementPosition]).toEqual(['delimiter-in-value', 'ISA', 6]);
    });

    it('in GS values', () => {
      const error = thrown(() => write({ groups: [group([poAck], { applicationReceiver: 'AC~ME' })] }));
      expect([error.code, error.segmentId, error.elementPosition]).toEqual(['delimiter-in-value', 'GS', 3]);
    });

    it('but lets the repetition character through as data before 00402', () => {
      const x12 = write({
        delimiters: { ...STARS, repetition: '^' },
        groups: [oneSet(['BAK', '00', 'AC', 'PO^1'])],
      });
      expect(x12).toContain('*U*00401*');
      expect(x12).toContain('~BAK*00*AC*PO^1~');
    });
  });

  describe('refuses envelopes that cannot be written', () => {
    it.each([
      ['ISA06 too long', { sender: { qualifier: 'ZZ', id: 'A'.repeat(16) } }, 6],
      ['ISA05 too short', { sender: { qualifier: 'Z', id: 'GATEWAY' } }, 5],
      ['ISA09 not a date', { date: '2403' }, 9],
      ['ISA13 too long', { controlNumber: 1_000_000_000 }, 13],
      ['ISA13 not digits', { controlNumber: -1 }, 13],
      ['ISA12 wrong width', { version: '4010' }, 12],
    ])('%s', (_, overrides, position) => {
      const error = thrown(() => write({ header: { ...header, ...overrides } }));
      expect([error.code, error.segmentId, error.elementPosition]).toEqual([
        'invalid-value',
        'ISA',
        position,
      ]);
    });

    it('a GS06 that is not a number', () => {
      const error = thrown(() => write({ groups: [group([poAck], { controlNumber: 'A1' })] }));
      expect([error.code, error.segmentId, error.elementPosition]).toEqual(['invalid-value', 'GS', 6]);
    });

    it('a set that does not start with ST, or carries its own SE', () => {
      expect(thrown(() => write({ groups: [group([[['BAK', '00']]])] })).code).toBe('invalid-structure');
      const withSe = thrown(() => write({ groups: [oneSet(['SE', '2', '0001'])] }));
      expect([withSe.code, withSe.segmentId]).toEqual(['invalid-structure', 'SE']);
    });

    it('an ST02 outside 4 to 9 characters', () => {
      const error = thrown(() => write({ groups: [group([[['ST', '855', '1']]])] }));
      expect([error.code, error.segmentId, error.elementPosition]).toEqual(['invalid-value', 'ST', 2]);
    });

    it('a malformed segment id', () => {
      expect(thrown(() => write({ groups: [oneSet(['bak', '00'])] })).code).toBe('invalid-structure');
    });

    it('delimiters that clash, are alphanumeric, or lack ISA11 in 00501', () => {
      expect(thrown(() => write({ delimiters: { ...STARS, component: '*' } })).code).toBe(
        'invalid-delimiters',
      );
      expect(thrown(() => write({ delimiters: { ...STARS, segment: 'A' } })).code).toBe('invalid-delimiters');
      expect(thrown(() => write({ header: { ...header, version: '00501' } })).code).toBe(
        'invalid-delimiters',
      );
    });
  });
});
