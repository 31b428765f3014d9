import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCanonical } from '../../../src/canonical/index.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sample-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edi-gateway sample', () => {
  it('prints the 855 the partner would get for the built-in order, valid and renderable', async () => {
    const run = await runCli('sample', '855', '--partner', 'bigbox-retail', '--out', join(dir, 'ack.json'));
    expect(run.errLines).toEqual([]);
    expect(run.code).toBe(0);
    const document: unknown = JSON.parse(readFileSync(join(dir, 'ack.json'), 'utf8'));
    expect(validateCanonical(document).errors).toEqual([]);
    expect(document).toMatchObject({
      type: 'purchase_order_ack',
      poNumber: 'SAMPLE-0001',
      ackTypeCode: 'AD',
    });
    const rendered = await runCli('render', join(dir, 'ack.json'), '--partner', 'bigbox-retail');
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toContain('BAK*00*AD*SAMPLE-0001*');
  });

  it("answers the partner's own order: an 856 in its hierarchy for its sample 850", async () => {
    const run = await runCli(
      'sample',
      '856',
      '--partner',
      'dropship-direct',
      '--order',
      'fixtures/partners/dropship-direct/850.edi',
    );
    expect(run.code).toBe(0);
    const notice = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(validateCanonical(notice).errors).toEqual([]);
    expect(notice).toMatchObject({
      type: 'ship_notice',
      partnerId: 'dropship-direct',
      hierarchyStructureCode: '0001',
      structure: 'S/O/P/I',
      orders: [{ poNumber: 'DS-778201' }],
    });
  });

  it('refuses a set it cannot make, and an order file that holds no purchase order', async () => {
    const wrongSet = await runCli('sample', '997', '--partner', 'bigbox-retail');
    expect(wrongSet.code).toBe(2);
    expect(wrongSet.errLines).toEqual(["error: sample makes 850, 855, 856, 810 documents, not '997'"]);
    writeFileSync(join(dir, 'invoice.json'), readFileSync('fixtures/canonical/invoice.json'));
    const notAnOrder = await runCli(
      'sample',
      '855',
      '--partner',
      'bigbox-retail',
      '--order',
      join(dir, 'invoice.json'),
    );
    expect(notAnOrder.code).toBe(1);
    expect(notAnOrder.errLines[0]).toContain('not a canonical purchase order: its type is invoice');
  });
});

describe('edi-gateway partner check on what the gateway does not do', () => {
  it('names an outbound set the gateway never sends', async () => {
    const partner = readFileSync('partners/dropship-direct.yaml', 'utf8').replace(
      "outbound: ['855', '856', '810']",
      "outbound: ['855', '856', '810', '820']",
    );
    expect(partner).toContain("'820'");
    writeFileSync(join(dir, 'dropship-direct.yaml'), partner);
    const run = await runCli('partner', 'check', join(dir, 'dropship-direct.yaml'));
    expect(run.code).toBe(1);
    expect(run.errLines).toContain(
      `${join(dir, 'dropship-direct.yaml')}: /documents/outbound names 820, but the gateway sends 855, 856 and 810 only (997/999 and TA1 answers are set under acknowledgements)`,
    );
  });
});
