import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readX12 } from '../../../src/x12/index.js';
import { runCli } from '../cli/run-cli.js';

/**
 * Follows docs/onboarding.md: the partner file and the override are taken from the guide itself,
 * written into a fresh workspace beside a copy of the default mappings, and the guide's commands
 * are run against them. If the guide and the product drift apart, this fails.
 */
const guide = readFileSync(new URL('../../../docs/onboarding.md', import.meta.url), 'utf8');

/** The fenced block that follows the first line naming `file` in the guide. */
function blockAfter(file: string): string {
  const at = guide.indexOf(`\`${file}\``);
  const match = /```yaml\n([\s\S]*?)```/.exec(guide.slice(at));
  if (at < 0 || !match?.[1]) throw new Error(`the guide has no YAML block for ${file}`);
  return match[1];
}

const workspace = mkdtempSync(join(tmpdir(), 'onboarding-'));
const path = (p: string) => join(workspace, p);
const write = (p: string, text: string) => {
  mkdirSync(dirname(path(p)), { recursive: true });
  writeFileSync(path(p), text);
};

/** A purchase order as Coastal Grocers sends it (their envelope, 004010). */
const SAMPLE_850 =
  [
    'ISA*00*          *00*          *ZZ*COASTALGROC    *ZZ*ACMESUPPLY     *240301*0815*U*00401*000000310*0*P*>',
    'GS*PO*COASTAL*ACMESUPPLY*20240301*0815*310*X*004010',
    'ST*850*0001',
    'BEG*00*SA*CG-88120**20240301',
    'DTM*002*20240308',
    'N1*ST*COASTAL GROCERS STORE 14*92*0014',
    'N3*12 HARBOUR STREET',
    'N4*NEWPORT*RI*02840*US',
    'PO1*1*30*CA*21.60*PE*UP*071234500017*VN*ACM-OLIVE',
    'PID*F****OLIVE OIL 1L, CASE OF 12',
    'PO1*2*12*CA*9.80*PE*UP*071234500024*VN*ACM-SALT',
    'PID*F****SEA SALT 500G, CASE OF 24',
    'CTT*2',
    'SE*12*0001',
    'GE*1*310',
    'IEA*1*000000310',
  ].join('~\n') + '~\n';

const env = { PARTNERS_DIR: process.env['PARTNERS_DIR'], MAPPINGS_DIR: process.env['MAPPINGS_DIR'] };

beforeAll(() => {
  cpSync(new URL('../../../mappings/', import.meta.url), path('mappings'), { recursive: true });
  write('partners/coastal-grocers.yaml', blockAfter('partners/coastal-grocers.yaml'));
  write(
    'mappings/partners/coastal-grocers/855.yaml',
    blockAfter('mappings/partners/coastal-grocers/855.yaml'),
  );
  write('fixtures/partners/coastal-grocers/850.edi', SAMPLE_850);
  process.env['PARTNERS_DIR'] = path('partners');
  process.env['MAPPINGS_DIR'] = path('mappings');
});

afterAll(() => {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(workspace, { recursive: true, force: true });
});

describe('onboarding a fourth partner from files alone, as docs/onboarding.md says', () => {
  it('step 4: partner check passes with the partner sample', async () => {
    const run = await runCli(
      'partner',
      'check',
      path('partners/coastal-grocers.yaml'),
      '--sample',
      path('fixtures/partners/coastal-grocers/850.edi'),
    );
    expect(run.errLines).toEqual([]);
    expect(run.stdout).toBe('ok: coastal-grocers (x12), 1 sample checked, 0 problems\n');
    expect(run.code).toBe(0);
  });

  it('step 5: translate finds the partner by its ISA id and reads its order', async () => {
    const run = await runCli('translate', path('fixtures/partners/coastal-grocers/850.edi'));
    expect(run.code).toBe(0);
    const [order] = JSON.parse(run.stdout) as {
      partnerId: string;
      poNumber: string;
      lines: { quantity: string; ids: { upc?: string } }[];
    }[];
    expect(order?.partnerId).toBe('coastal-grocers');
    expect(order?.poNumber).toBe('CG-88120');
    expect(order?.lines.map((l) => [l.quantity, l.ids.upc])).toEqual([
      ['30', '071234500017'],
      ['12', '071234500024'],
    ]);
  });

  it('step 5: ack answers with a 997 addressed back to them', async () => {
    const run = await runCli('ack', path('fixtures/partners/coastal-grocers/850.edi'));
    expect(run.code).toBe(0);
    const [interchange] = readX12(run.stdout).interchanges;
    expect(interchange?.receiver).toEqual({ qualifier: 'ZZ', id: 'COASTALGROC' });
    expect(run.stdout).toContain('AK5*A');
  });

  it('step 5: render writes their 855 with the override applied (CUR*BY*USD, no SCH)', async () => {
    const ack = JSON.parse(readFileSync('fixtures/canonical/purchase-order-ack.json', 'utf8')) as Record<
      string,
      unknown
    >;
    write('acknowledgement.json', JSON.stringify({ ...ack, partnerId: 'coastal-grocers' }));
    const run = await runCli('render', path('acknowledgement.json'), '--partner', 'coastal-grocers');
    expect(run.errLines).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('~\nCUR*BY*USD~\n');
    expect(run.stdout).not.toContain('SCH*');
    expect(
      run.stdout.startsWith(
        `ISA*00*${' '.repeat(10)}*00*${' '.repeat(10)}*ZZ*ACMESUPPLY     *ZZ*COASTALGROC    *`,
      ),
    ).toBe(true);
  });
});
