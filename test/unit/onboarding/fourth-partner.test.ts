import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readX12 } from '../../../src/x12/index.js';
import { runCli, type CliRun } from '../cli/run-cli.js';
import { blockAfter, commandsOf, segmentsOf, sopiShipNotice, writeGuideFiles } from './guide.js';

/**
 * Follows docs/onboarding.md: the partner file, the override and the sample 850 are taken from
 * the guide itself, written into a fresh workspace beside a copy of the default mappings, and the
 * guide's commands (steps 5 and 6) are run there as written.
 */
const workspace = mkdtempSync(join(tmpdir(), 'onboarding-'));
const saved = {
  cwd: process.cwd(),
  PARTNERS_DIR: process.env['PARTNERS_DIR'],
  MAPPINGS_DIR: process.env['MAPPINGS_DIR'],
};

/** Runs one `npx edi-gateway ...` line of the guide (its arguments hold no quotes or spaces). */
function run(line: string): Promise<CliRun> {
  return runCli(...line.replace(/^npx edi-gateway /, '').split(/\s+/));
}

const read = (path: string) => readFileSync(join(workspace, path), 'utf8');

beforeAll(() => {
  writeGuideFiles(workspace, new URL('../../../mappings/', import.meta.url));
  process.chdir(workspace);
  process.env['PARTNERS_DIR'] = join(workspace, 'partners');
  process.env['MAPPINGS_DIR'] = join(workspace, 'mappings');
});

afterAll(() => {
  process.chdir(saved.cwd);
  for (const key of ['PARTNERS_DIR', 'MAPPINGS_DIR'] as const) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  rmSync(workspace, { recursive: true, force: true });
});

describe('onboarding Harbor Home Stores from files alone, as docs/onboarding.md says', () => {
  it('ships the files the guide shows as the fourth demo partner', () => {
    const shipped = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
    const withoutComments = (yaml: string) => yaml.replace(/^#.*\n/gm, '');
    expect(withoutComments(shipped('partners/harbor-home.yaml'))).toBe(
      blockAfter('partners/harbor-home.yaml', 'yaml'),
    );
    expect(shipped('mappings/partners/harbor-home/855.yaml')).toBe(
      blockAfter('mappings/partners/harbor-home/855.yaml', 'yaml'),
    );
    expect(shipped('fixtures/partners/harbor-home/850.edi')).toBe(
      blockAfter('fixtures/partners/harbor-home/850.edi', 'text'),
    );
  });

  it('step 5: partner check passes and replays the sample PO to the 855, 856 and 810 they want', async () => {
    const [check] = commandsOf(5, 'npx edi-gateway partner check');
    if (check === undefined) throw new Error('step 5 has no partner check command');
    const result = await run(check);
    expect(result.errLines).toEqual([]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('ok: harbor-home (x12), 1 sample checked, 0 problems');
    expect(lines.filter((l) => l.startsWith('replay: ')).map((l) => /-> (\d+):/.exec(l)?.[1])).toEqual([
      '855',
      '856',
      '810',
    ]);

    // Their separators: | and ^, one segment per line.
    const ack = segmentsOf(read('replies/harbor-home/HH-20417.855.edi'));
    expect(ack[0]?.endsWith('|^')).toBe(true);
    expect(ack).toContain('REF|DP|042');
    expect(ack).toContain('N1|ST|HARBOR HOME STORE 0123|92|0123');
    expect(ack).toContain('PO1|1|24|EA|4.25|PE|IN|880011|VN|ACM-100');
    expect(ack.some((s) => s.startsWith('PID|'))).toBe(false); // their override

    const asn = read('replies/harbor-home/HH-20417.856.edi');
    expect(sopiShipNotice(asn)).toEqual({
      bsn05: '0001',
      levels: 'SOPIPI',
      orderLevel: ['HL|2|1|O|1', 'PRF|HH-20417|||20250301', 'REF|DP|042'],
    });
    expect(asn).toContain('LIN|1|IN|880011|VN|ACM-100|UP|012345678905');

    const invoice = segmentsOf(read('replies/harbor-home/HH-20417.810.edi'));
    expect(invoice).toContain('REF|DP|042');
    expect(invoice).toContain('IT1|1|24|EA|4.25||IN|880011|VN|ACM-100|UP|012345678905');
  });

  it('step 6: translate, ack, sample and render work on their files as written', async () => {
    const commands = commandsOf(6, 'npx edi-gateway');
    expect(commands.map((c) => c.split(' ')[2])).toEqual(['translate', 'ack', 'sample', 'render']);
    const [translate, ack, sample, render] = await commands.reduce<Promise<CliRun[]>>(
      async (done, line) => [...(await done), await run(line)],
      Promise.resolve([]),
    );

    expect(translate?.code).toBe(0);
    expect(translate?.stderr).toBe('');
    const [po] = JSON.parse(translate?.stdout ?? '[]') as {
      partnerId: string;
      references: { qualifier: string; value: string }[];
      parties: { roleCode: string; identifiers: { value: string }[] }[];
      lines: { ids: { buyerPartNumber?: string; vendorPartNumber?: string } }[];
    }[];
    expect(po?.partnerId).toBe('harbor-home');
    expect(po?.references).toContainEqual({ qualifier: 'DP', value: '042' });
    expect(po?.parties[0]?.identifiers[0]?.value).toBe('0123');
    expect(po?.lines.map((l) => [l.ids.buyerPartNumber, l.ids.vendorPartNumber])).toEqual([
      ['880011', 'ACM-100'],
      ['880012', 'ACM-200'],
    ]);

    expect(ack?.code).toBe(0);
    const [interchange] = readX12(ack?.stdout ?? '').interchanges;
    expect(interchange?.receiver).toEqual({ qualifier: 'ZZ', id: 'HARBORHOME' });
    expect(ack?.stdout).toContain('AK5|A');

    expect(sample?.code).toBe(0);
    const shipment = JSON.parse(read('shipment.json')) as {
      hierarchyStructureCode: string;
      structure: string;
    };
    expect(shipment).toMatchObject({ hierarchyStructureCode: '0001', structure: 'S/O/P/I' });

    expect(render?.errLines).toEqual([]);
    expect(render?.code).toBe(0);
    const asn = segmentsOf(render?.stdout ?? '');
    expect(asn.find((s) => s.startsWith('BSN|'))?.split('|')[5]).toBe('0001');
    expect(asn).toContain('REF|DP|042');
  });
});
