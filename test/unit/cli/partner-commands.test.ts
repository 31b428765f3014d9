import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readX12 } from '../../../src/x12/index.js';
import { runCli } from './run-cli.js';

const samples = (partner: string) =>
  readdirSync(`fixtures/partners/${partner}`)
    .sort()
    .map((f) => `fixtures/partners/${partner}/${f}`);

describe('edi-gateway partner check', () => {
  it.each(['bigbox-retail', 'dropship-direct', 'harbor-home', 'northwind-health'])(
    'passes for the demo partner %s with all its samples',
    async (partner) => {
      const run = await runCli(
        'partner',
        'check',
        `partners/${partner}.yaml`,
        '--sample',
        ...samples(partner),
      );
      expect(run.errLines).toEqual([]);
      const note = '';
      const lines = run.stdout.split('\n').filter((line) => line !== '');
      expect(lines.filter((line) => line.startsWith('note:')).join('\n')).toBe(note.trim());
      expect(lines.at(-1)).toBe(`ok: ${partner} (x12), 4 samples checked, 0 problems`);
      // The sample 850 is replayed to the 855, 856 and 810 the partner would get.
      const replies = lines.filter((line) => line.startsWith('replay: '));
      expect(replies.map((line) => /-> (\d{3}):/.exec(line)?.[1])).toEqual(['855', '856', '810']);
      expect(replies[1]).toMatch(/[*|]0001, /);
      expect(run.code).toBe(0);
    },
  );

  it("reports a sample that is another partner's, naming both", async () => {
    const run = await runCli(
      'partner',
      'check',
      'partners/bigbox-retail.yaml',
      '--sample',
      'fixtures/partners/dropship-direct/850.edi',
    );
    expect(run.code).toBe(1);
    expect(run.errLines[0]).toBe(
      'fixtures/partners/dropship-direct/850.edi: interchange 000000101 is from ZZ/DROPSHIPDIRECT, which is neither bigbox-retail (08/9254110000) nor us (ZZ/ACMESUPPLY)',
    );
  });

  it("maps marketplace samples with the account's platform, naming the order and JSON pointer of each problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edi-marketplace-check-'));
    const file = join(dir, 'shopify-acme.yaml');
    writeFileSync(
      file,
      [
        'id: shopify-acme',
        'name: Acme on Shopify',
        'kind: marketplace',
        'transport:',
        '  type: marketplace',
        '  platform: shopify',
        '  account: acme.myshopify.com',
        '  credentials: { accessToken: { env: SHOPIFY_ACME_TOKEN } }',
      ].join('\n'),
    );
    const good = 'fixtures/marketplace/shopify/shopify-api-ruby__order.json';
    const other = 'fixtures/marketplace/walmart/walmart-partner-api__test_order.json';
    const run = await runCli('partner', 'check', file, '--sample', good, '--sample', other);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${good}: 1 shopify order(s) map to purchase orders`);
    expect(run.errLines).toContain(`${other}: shopify order #1: /line_items is missing`);
    expect(run.stdout).toContain('failed: shopify-acme (marketplace), 2 samples checked, 4 problems');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a sample in another version than the partner is set up for', async () => {
    const run = await runCli(
      'partner',
      'check',
      'partners/northwind-health.yaml',
      '--sample',
      'fixtures/partners/bigbox-retail/850.edi',
    );
    expect(run.code).toBe(1);
    expect(run.errLines).toContain(
      'fixtures/partners/bigbox-retail/850.edi: 850 0001 (line 3): GS08 is 004010VICS, but northwind-health is set up for 005010',
    );
  });
});

describe('edi-gateway render', () => {
  it("writes the partner's own delimiters, version and envelope", async () => {
    const run = await runCli(
      'render',
      'fixtures/canonical/purchase-order-ack.json',
      '--partner',
      'northwind-health',
      '--control-number',
      '42',
    );
    expect(run.errLines).toEqual([]);
    expect(run.code).toBe(0);
    const [interchange] = readX12(run.stdout).interchanges;
    expect(interchange?.delimiters).toEqual({ element: '|', repetition: '^', component: ':', segment: '~' });
    expect(interchange?.controlNumber).toBe('000000042');
    expect(interchange?.sender).toEqual({ qualifier: '01', id: '614873209' });
    expect(interchange?.receiver).toEqual({ qualifier: '01', id: '079823541' });
    expect(interchange?.ackRequested).toBe(true);
    expect(interchange?.groups[0]).toMatchObject({
      functionalId: 'PR',
      version: '005010',
      applicationSender: 'ACMESUPPLY',
      applicationReceiver: 'NWHEALTH',
    });
  });

  it('applies the partner mapping override (bigbox-retail 856: structure code 0001, TD1 at tare level)', async () => {
    const bigbox = await runCli(
      'render',
      'fixtures/canonical/ship-notice.json',
      '--partner',
      'bigbox-retail',
    );
    const dropship = await runCli(
      'render',
      'fixtures/canonical/ship-notice.json',
      '--partner',
      'dropship-direct',
    );
    expect(bigbox.code).toBe(0);
    expect(dropship.code).toBe(0);
    expect(bigbox.stdout).toContain('BSN*00*SH-77*20240305*1430*0001~');
    expect(bigbox.stdout).toMatch(/HL\*3\*2\*T\*1~\nPO4\*\*\*\*\*G\*400\*LB~\nTD1\*PLT94\*1~/);
    expect(dropship.stdout).not.toContain('TD1*PLT94*1~\nMAN');
  });

  it('refuses a document the partner does not take, and an invalid document, with the reason', async () => {
    const po = await runCli('render', 'fixtures/canonical/purchase-order-ack.json', '--partner', 'nobody');
    expect(po.errLines).toEqual([
      "error: no partner 'nobody' in ./partners (partners: bigbox-retail, dropship-direct, harbor-home, northwind-health)",
    ]);
    const bad = await runCli('render', 'package.json', '--partner', 'bigbox-retail');
    expect(bad.code).toBe(1);
    expect(bad.errLines[0]).toMatch(/^error: package\.json: \/type: /);
  });
});
