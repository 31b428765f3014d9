import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_850, STACK_FRAME, makeScratch, runCli, type CliRun, type Scratch } from './run-cli.js';

let scratch: Scratch;
let good850: string;

const savedPartnersDir = process.env['PARTNERS_DIR'];

beforeAll(async () => {
  scratch = await makeScratch();
  good850 = await readFile(GOOD_850, 'utf8');
  // No partner files: these files are read with the default mappings, and only their errors show.
  process.env['PARTNERS_DIR'] = join(scratch.dir, 'no-partners');
});

afterAll(async () => {
  if (savedPartnersDir === undefined) delete process.env['PARTNERS_DIR'];
  else process.env['PARTNERS_DIR'] = savedPartnersDir;
  await scratch.remove();
});

/** A rejected input: exit 1, no documents, only `error:` lines on stderr and never a stack trace. */
function expectRejected(run: CliRun): void {
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr.endsWith('\n')).toBe(true);
  for (const line of run.errLines) expect(line).toMatch(/^error: /);
}

describe('edi-gateway translate: rejected X12', () => {
  it('rejects a truncated upload cut in the middle of a set, naming each unclosed envelope', async () => {
    const file = await scratch.write('truncated.edi', good850.slice(0, good850.indexOf('PO1*3*') + 8));
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('[]\n');
    expect(run.errLines).toEqual([
      `error: ${file}, line 1:1, segment ISA: [TA1 023] interchange 000003438 has no IEA trailer: the file was cut short`,
      `error: ${file}, line 2:1, segment GS: [AK9 3] functional group 1421 has no GE trailer`,
      `error: ${file}, line 3:1, segment ST (position 1 in set): [AK5 2] transaction set 000000010 has no SE trailer`,
    ]);
  });

  it('rejects a 10,000-character element with its segment, position, element and AK4 code', async () => {
    const file = await scratch.write(
      'long-element.edi',
      good850.replace('PID*F****SMALL WIDGET', `PID*F****${'X'.repeat(10_000)}`),
    );
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('[]\n');
    expect(run.errLines).toEqual([
      `error: ${file}, line 16:1, segment PID (position 14 in set), element PID05 (352): [AK4 5] PID05 (Description) is 10000 characters long; the maximum is 80`,
    ]);
  });

  it('rejects an ISA whose ISA16 is missing ("*P*~" then a newline) with TA1 note 027', async () => {
    const withTilde = good850.replace(/\n/g, '~\n').replace('*0*P*>~\n', '*0*P*~\n');
    expect(withTilde.split('\n')[0]?.endsWith('*0*P*~')).toBe(true);
    const file = await scratch.write('no-isa16.edi', withTilde);
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('[]\n');
    expect(run.errLines).toEqual([
      `error: ${file}, line 1:1, segment ISA: [TA1 027] ISA16 (component element separator) is missing: '~' after ISA15 is the segment terminator`,
    ]);
  });

  it('rejects a set whose SE01 does not count its segments, with AK5 code 4', async () => {
    const file = await scratch.write('wrong-se01.edi', good850.replace('SE*33*000000010', 'SE*31*000000010'));
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('[]\n');
    expect(run.errLines).toEqual([
      `error: ${file}, line 35:1, segment SE (position 33 in set), element SE01: [AK5 4] SE01 says 31 segments but the set has 33 (ST to SE)`,
    ]);
  });
});

describe('edi-gateway translate: files that are not X12', () => {
  it('rejects an empty file', async () => {
    const file = await scratch.write('empty.edi', '');
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('[]\n');
    expect(run.errLines).toEqual([`error: ${file}: [empty] the file is empty`]);
  });

  it('rejects a binary file (a gzip header with NUL bytes)', async () => {
    const file = await scratch.write(
      'upload.edi',
      Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x61, 0x00, 0x62]),
    );
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('[]\n');
    // Reported once, where the binary data starts.
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(
      new RegExp(
        `^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 1:1: \\[binary\\] binary data where an ISA segment was expected`,
      ),
    );
  });

  it('rejects a CSV file and says it looks like delimited text', async () => {
    const file = await scratch.write('orders.csv', 'po,sku,qty\n1,ABC,3\n2,DEF,4\n');
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('[]\n');
    expect(run.errLines).toEqual([
      `error: ${file}, line 1:1: [not-x12] not X12: the file does not start with an ISA segment; it looks like delimited text (CSV?) (starts "po,sku,qty\\n1,ABC,3\\n2,DEF,4\\n")`,
    ]);
  });

  it('rejects JSON that is no marketplace order with one clear line and prints no documents', async () => {
    const file = await scratch.write('order.json', '\n  {"orderId": "112-0000000-0000001"}');
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual([
      `error: ${file}: JSON input that is no Amazon ({ order, items }), Shopify (id, line_items) or Walmart (purchaseOrderId, orderLines) order; name the account with --partner`,
    ]);
  });

  it('translates a Shopify order and a page of Walmart orders into purchase orders', async () => {
    const shopify = await runCli('translate', 'fixtures/marketplace/shopify/shopify-api-ruby__order.json');
    expect(shopify.errLines).toEqual([]);
    const [order] = JSON.parse(shopify.stdout) as { type: string; poNumber: string; orderType: string }[];
    expect(order).toMatchObject({ type: 'purchase_order', poNumber: '450789469', orderType: 'marketplace' });

    const walmart = await runCli(
      'translate',
      'fixtures/marketplace/walmart/walmart-partner-api__test_order_list_res.json',
    );
    const orders = JSON.parse(walmart.stdout) as { poNumber: string }[];
    expect(orders.map((o) => o.poNumber)).toEqual(['11', '21']);
  });

  it('names the order and JSON pointer of a refused marketplace order, and exits 1', async () => {
    const file = await scratch.write(
      'amazon.json',
      JSON.stringify({
        order: {
          AmazonOrderId: '902-3159896-1390916',
          PurchaseDate: '2026-12-01T10:00:00Z',
          OrderStatus: 'Pending',
        },
        items: [],
      }),
    );
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.errLines.join('\n')).toContain(
      `${file}: amazon order 902-3159896-1390916: /order/OrderStatus`,
    );
  });

  it('names a file that does not exist', async () => {
    const file = join(scratch.dir, 'missing.edi');
    const run = await runCli('translate', file);

    expectRejected(run);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual([`error: ${file}: cannot read: no such file`]);
  });

  it('refuses a directory', async () => {
    const run = await runCli('translate', scratch.dir);

    expectRejected(run);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual([`error: ${scratch.dir}: is a directory, not a file`]);
  });
});
