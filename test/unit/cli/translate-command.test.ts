import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_850, STACK_FRAME, fixture, makeScratch, runCli, type Scratch } from './run-cli.js';

interface PurchaseOrderJson {
  type: string;
  partnerId: string;
  poNumber: string;
  orderDate: string;
  currency: string;
  source: { channel: string; version: string; transactionSetId: string; interchangeControlNumber: string };
  lines: { lineNumber: string; quantity: string; uom: string; unitPrice: string; description?: string }[];
}

function documents(stdout: string): PurchaseOrderJson[] {
  const parsed: unknown = JSON.parse(stdout);
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as PurchaseOrderJson[];
}

let scratch: Scratch;
let po005010: string;

beforeAll(async () => {
  scratch = await makeScratch();
  // The good 004010 850 moved to 005010: ISA11 becomes the repetition separator, ISA12 00501, GS08 005010.
  const text = await readFile(GOOD_850, 'utf8');
  po005010 = await scratch.write(
    'po-005010.edi',
    text.replace('*U*00400*', '*^*00501*').replace('*X*004010\n', '*X*005010\n'),
  );
});

afterAll(async () => {
  await scratch.remove();
});

describe('edi-gateway translate: accepted files', () => {
  it('turns a good 004010 850 into one purchase_order on stdout, exit 0, saying its sender is no partner', async () => {
    const run = await runCli('translate', GOOD_850);

    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([
      `warning: ${GOOD_850}: interchange 000003438 is from ISA ZZ/ABCDEFGHIJKLMNO, which no partner in ./partners has; it was read with the default mappings (or give --partner)`,
    ]);
    expect(run.stdout.endsWith(']\n')).toBe(true);
    const docs = documents(run.stdout);
    expect(docs).toHaveLength(1);
    const [po] = docs;
    expect(po?.type).toBe('purchase_order');
    expect(po?.poNumber).toBe('08292233294');
    expect(po?.orderDate).toBe('2010-11-27');
    expect(po?.currency).toBe('USD');
    expect(po?.partnerId).toBe('ABCDEFGHIJKLMNO');
    expect(po?.source).toMatchObject({
      channel: 'x12',
      version: '004010',
      transactionSetId: '850',
      interchangeControlNumber: '000003438',
    });
    expect(po?.lines.map((l) => [l.lineNumber, l.quantity, l.uom, l.unitPrice, l.description])).toEqual([
      ['1', '120', 'EA', '9.25', 'SMALL WIDGET'],
      ['2', '220', 'EA', '13.79', 'MEDIUM WIDGET'],
      ['3', '126', 'EA', '10.99', 'LARGE WIDGET'],
      ['4', '76', 'EA', '4.35', 'NANO WIDGET'],
      ['5', '72', 'EA', '7.5', 'BLUE WIDGET'],
      ['6', '696', 'EA', '9.55', 'ORANGE WIDGET'],
    ]);
  });

  it('reads with the --partner partner and stamps its id on the documents instead of the ISA sender id', async () => {
    const run = await runCli('translate', GOOD_850, '--partner', 'bigbox-retail');

    expect(run.code).toBe(0);
    expect(documents(run.stdout).map((d) => d.partnerId)).toEqual(['bigbox-retail']);
  });

  it('names the partners there are when --partner names none of them', async () => {
    const run = await runCli('translate', GOOD_850, '--partner', 'bigbox');

    expect(run.code).toBe(1);
    expect(run.errLines).toEqual([
      "error: no partner 'bigbox' in ./partners (partners: bigbox-retail, dropship-direct, harbor-home, northwind-health)",
    ]);
  });

  it('names the partner whose ISA id is one typo from an unknown sender', async () => {
    const text = (await readFile(GOOD_850, 'utf8')).replace('*ZZ*ABCDEFGHIJKLMNO*', '*ZZ*DROPSHIPDIRECX *');
    const file = await scratch.write('typo-sender.edi', text);
    const run = await runCli('translate', file);

    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([
      `warning: ${file}: interchange 000003438 is from ISA ZZ/DROPSHIPDIRECX, which no partner in ./partners has; it was read with the default mappings. Nearest partners: dropship-direct (ZZ/DROPSHIPDIRECT) (or give --partner)`,
    ]);
  });

  it('translates a 005010 850 with no diagnostics', async () => {
    const run = await runCli('translate', po005010);

    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([
      expect.stringMatching(
        /^warning: .*po-005010\.edi: interchange 000003438 is from ISA ZZ\/ABCDEFGHIJKLMNO, which no partner/,
      ),
    ]);
    const docs = documents(run.stdout);
    expect(docs.map((d) => [d.type, d.poNumber, d.source.version, d.lines.length])).toEqual([
      ['purchase_order', '08292233294', '005010', 6],
    ]);
  });

  it('translates a real 005010 850 and reports its odd GS01 only as a warning', async () => {
    const file = fixture('850/bootstrap-archived__5010_850_input.edi');
    const run = await runCli('translate', file);

    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([
      expect.stringMatching(
        /^warning: .*: interchange \d+ is from ISA .* which no partner in \.\/partners has/,
      ),
      `warning: ${file}, line 3:1, segment ST (position 1 in set), element ST01: [AK5 6] a 850 belongs in a functional group PO, but GS01 is 'OW'; read anyway`,
    ]);
    const docs = documents(run.stdout);
    expect(docs.map((d) => [d.type, d.poNumber, d.orderDate, d.source.version])).toEqual([
      ['purchase_order', '365465413', '2022-08-30', '005010'],
    ]);
    expect(docs[0]?.lines.map((l) => [l.lineNumber, l.quantity, l.unitPrice])).toEqual([
      ['item-1', '8', '400'],
      ['item-2', '4', '125'],
    ]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
