import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GOOD_850, STACK_FRAME, fixture, makeScratch, runCli, type Scratch } from './run-cli.js';

// The acknowledgement's ISA09/ISA10 and GS04/GS05 come from the clock (UTC): pin it.
const NOW = new Date('2024-03-15T09:30:00Z');
const REPLY_ISA = 'ISA*00*          *00*          *ZZ*123456789012345*ZZ*ABCDEFGHIJKLMNO*240315*0930';

let scratch: Scratch;
let good850: string;
let po005010: string;

beforeAll(async () => {
  scratch = await makeScratch();
  good850 = await readFile(GOOD_850, 'utf8');
  po005010 = await scratch.write(
    'po-005010.edi',
    good850.replace('*U*00400*', '*^*00501*').replace('*X*004010\n', '*X*005010\n'),
  );
});

afterAll(async () => {
  await scratch.remove();
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('edi-gateway ack: functional acknowledgements', () => {
  it('answers a good 004010 850 with a 997 that accepts it, sender and receiver swapped', async () => {
    const run = await runCli('ack', GOOD_850);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // Input: ISA06 ABCDEFGHIJKLMNO -> ISA08 123456789012345, GS02 4405197800 -> GS03 999999999.
    expect(run.stdout).toBe(
      [
        `${REPLY_ISA}*U*00400*000000001*0*P*>`,
        'GS*FA*999999999*4405197800*20240315*0930*1*X*004010',
        'ST*997*0001',
        'AK1*PO*1421',
        'AK2*850*000000010',
        'AK5*A',
        'AK9*A*1*1*1',
        'SE*6*0001',
        'GE*1*1',
        'IEA*1*000000001',
        '',
      ].join('\n'),
    );
  });

  it('answers a 005010 850 with a 999', async () => {
    const run = await runCli('ack', po005010);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        `${REPLY_ISA}*^*00501*000000001*0*P*>`,
        'GS*FA*999999999*4405197800*20240315*0930*1*X*005010X231A1',
        'ST*999*0001*005010X231A1',
        'AK1*PO*1421*005010',
        'AK2*850*000000010',
        'IK5*A',
        'AK9*A*1*1*1',
        'SE*6*0001',
        'GE*1*1',
        'IEA*1*000000001',
        '',
      ].join('\n'),
    );
  });

  it('answers a 005010 file with a 997 when asked with --type 997', async () => {
    const run = await runCli('ack', po005010, '--type', '997');

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(1, 7)).toEqual([
      'GS*FA*999999999*4405197800*20240315*0930*1*X*005010',
      'ST*997*0001*005010',
      'AK1*PO*1421*005010',
      'AK2*850*000000010',
      'AK5*A',
      'AK9*A*1*1*1',
    ]);
    expect(run.stdout).not.toContain('IK5');
  });

  it('notes a warning in a real 005010 file as accepted with errors (IK5*E)', async () => {
    const run = await runCli('ack', fixture('850/bootstrap-archived__5010_850_input.edi'));

    expect(run.code).toBe(0);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(
      /^warning: .*\[AK5 6\] a 850 belongs in a functional group PO, but GS01 is 'OW'/,
    );
    expect(run.stdout.split('~\n').slice(2, 7)).toEqual([
      'ST*999*0001*005010X231A1',
      'AK1*OW*000000057*005010',
      'AK2*850*000000057',
      'IK5*E*6',
      'AK9*E*1*1*1',
    ]);
  });

  // Regression: ack used to print only file-level problems, so the reasons for AK5*R went unsaid.
  it('rejects a set with errors: AK3/AK4 per bad element, AK5*R, AK9*R, and the errors on stderr', async () => {
    const file = fixture('850/EdiEngine__850.SyntaxNotes.ERR.edi');
    const run = await runCli('ack', file);

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(2, 11)).toEqual([
      'ST*997*0001',
      'AK1*PO*1421',
      'AK2*850*000000010',
      'AK3*PO1*13*PO1*8',
      'AK4*7*234*2',
      'AK3*PO4*30*PO1*8',
      'AK4*6*384*2',
      'AK5*R*5',
      'AK9*R*1*1*0',
    ]);
    expect(run.stdout).toContain('\nSE*10*0001\n');
    expect(run.errLines).toEqual([
      `error: ${file}, line 15:1, segment PO1 (position 13 in set), element PO107 (234): [AK4 2] PO107: required because its pair is present (syntax note P0607: 06, 07 go together)`,
      `error: ${file}, line 32:1, segment PO4 (position 30 in set), element PO406 (384): [AK4 2] PO406: required because element 05 is present (syntax note C0506)`,
      `error: ${file}, line 32:1, segment PO4 (position 30 in set), element PO406 (384): [AK4 2] PO406: required because its pair is present (syntax note P0607: 06, 07 go together)`,
    ]);
  });
});

describe('edi-gateway ack: TA1', () => {
  it('adds an accepting TA1 when the sender asks for one (ISA14 = 1)', async () => {
    const file = await scratch.write('ta1-requested.edi', good850.replace('*0*P*>\n', '*1*P*>\n'));
    const run = await runCli('ack', file);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${REPLY_ISA}*U*00400*000000001*0*P*>`);
    expect(lines[1]).toBe('TA1*000003438*101127*1719*A*000');
    expect(lines.slice(2, 4)).toEqual(['GS*FA*999999999*4405197800*20240315*0930*1*X*004010', 'ST*997*0001']);
  });

  it('leaves the TA1 out under --ta1 never and sends one under --ta1 always', async () => {
    const file = await scratch.write('ta1-policy.edi', good850.replace('*0*P*>\n', '*1*P*>\n'));
    const never = await runCli('ack', file, '--ta1', 'never');
    const always = await runCli('ack', GOOD_850, '--ta1', 'always');

    expect(never.code).toBe(0);
    expect(never.stdout).not.toContain('TA1*');
    expect(always.code).toBe(0);
    expect(always.stdout.split('\n')[1]).toBe('TA1*000003438*101127*1719*A*000');
  });

  it('rejects an interchange whose ISA16 is missing with TA1 R 027 and no functional ack', async () => {
    const file = await scratch.write(
      'no-isa16.edi',
      good850.replace(/\n/g, '~\n').replace('*0*P*>~\n', '*0*P*~\n'),
    );
    const run = await runCli('ack', file);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `${REPLY_ISA}*U*00400*000000001*0*P*>~`,
        'TA1*000003438*101127*1719*R*027~',
        'IEA*0*000000001~',
        '',
      ].join('\n'),
    );
    expect(run.errLines).toEqual([
      `error: ${file}, line 1:1, segment ISA: [TA1 027] ISA16 (component element separator) is missing: '~' after ISA15 is the segment terminator`,
    ]);
  });

  it('rejects the real fixture with a missing ISA16 the same way', async () => {
    const run = await runCli('ack', fixture('850/EDI.Net__x12.850.issue135.edi'));

    expect(run.code).toBe(0);
    expect(run.stdout.split('~\n').slice(1)).toEqual([
      'TA1*000000001*190805*1134*R*027',
      'IEA*0*000000001',
      '',
    ]);
  });
});

describe('edi-gateway ack: options', () => {
  it('puts --control-number in ISA13/IEA02 and GS06/GE02', async () => {
    const run = await runCli('ack', GOOD_850, '--control-number', '42');

    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${REPLY_ISA}*U*00400*000000042*0*P*>`);
    expect(lines[1]).toBe('GS*FA*999999999*4405197800*20240315*0930*42*X*004010');
    expect(lines.slice(-4)).toEqual(['SE*6*0001', 'GE*1*42', 'IEA*1*000000042', '']);
  });

  // Regression: the second interchange used to get 1000000000, too long for ISA13, and the run failed.
  it('numbers each interchange of a file in turn and rolls over after 999999999', async () => {
    const run = await runCli('ack', fixture('850/node-x12__850_fat.edi'), '--control-number', '999999999');

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const isa13 = run.stdout
      .split('~\n')
      .filter((s) => s.startsWith('ISA*'))
      .map((s) => s.split('*')[13]);
    const gs06 = run.stdout
      .split('~\n')
      .filter((s) => s.startsWith('GS*'))
      .map((s) => s.split('*')[6]);
    expect(isa13).toEqual(['999999999', '000000001']);
    expect(gs06).toEqual(['999999999', '1']);
  });

  it.each([
    [['--type', '998'], "error: --type must be 997 or 999, not '998'"],
    [
      ['--control-number', 'abc'],
      "error: --control-number must be a whole number from 1 to 999999999, not 'abc'",
    ],
    [
      ['--control-number', '0'],
      "error: --control-number must be a whole number from 1 to 999999999, not '0'",
    ],
    [
      ['--control-number', '1000000000'],
      "error: --control-number must be a whole number from 1 to 999999999, not '1000000000'",
    ],
    [['--ta1', 'sometimes'], "error: --ta1 must be auto, always or never, not 'sometimes'"],
  ])('refuses %j with a message naming the option, exit 2 (wrong usage)', async (options, message) => {
    const run = await runCli('ack', GOOD_850, ...options);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual([message]);
  });
});

describe('edi-gateway ack: inputs it cannot acknowledge', () => {
  it('exits 1 on an empty file, with the problem on stderr', async () => {
    const file = await scratch.write('empty.edi', '');
    const run = await runCli('ack', file);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual([`error: ${file}: [empty] the file is empty`]);
  });

  it('exits 1 on JSON with one line saying why', async () => {
    const file = await scratch.write('order.json', '[{"orderId": "1"}]');
    const run = await runCli('ack', file);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual([
      `error: ${file}: JSON payloads are acknowledged over their marketplace API, not with X12`,
    ]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
