import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate850s } from '../../../scripts/generate-850s.mjs';
import { GOOD_850, makeScratch, runCli, type Scratch } from './run-cli.js';

// `ack` and `translate --ndjson` read their file in 64 KB chunks: a file of a few hundred KB puts
// chunk boundaries inside segments, sets and interchanges.
let scratch: Scratch;
let many: string;
let interchanges: number;
let sets: number;

beforeAll(async () => {
  scratch = await makeScratch();
  many = `${scratch.dir}/many.edi`;
  const written = await generate850s(many, 0.4, 40);
  interchanges = written.interchanges;
  sets = written.transactionSets;
});

afterAll(async () => {
  await scratch.remove();
});

function ndjsonLines(stdout: string): { poNumber: string }[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as { poNumber: string });
}

describe('edi-gateway translate --ndjson', () => {
  it('writes the same documents as the JSON array, one per line, across chunk boundaries', async () => {
    expect(interchanges).toBeGreaterThan(2);
    const whole = await runCli('translate', many);
    const streamed = await runCli('translate', '--ndjson', many);
    expect(streamed.code).toBe(whole.code);
    expect(streamed.code).toBe(0);
    const lines = ndjsonLines(streamed.stdout);
    expect(lines).toHaveLength(sets);
    expect(lines).toEqual(JSON.parse(whole.stdout));
  });

  it('names the group whose documents went out before its GE rejected it', async () => {
    // One group of 200 KB whose GE01 counts one set too many: the sets in the chunks before GE's
    // are written before the group is known to be rejected.
    const file = `${scratch.dir}/bad-ge.edi`;
    const written = await generate850s(file, 0.2, 100_000);
    const text = await readFile(file, 'utf8');
    await scratch.write(
      'bad-ge.edi',
      text.replace(/^GE\*(\d+)\*/m, (_, n: string) => `GE*${Number(n) + 1}*`),
    );
    const run = await runCli('translate', '--ndjson', file);
    expect(run.code).toBe(1);
    const lines = ndjsonLines(run.stdout);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(written.transactionSets);
    expect(run.errLines.some((l) => /GE01/.test(l))).toBe(true);
    expect(run.errLines.at(-1)).toMatch(
      new RegExp(
        `: ${lines.length} document\\(s\\) of group 1 in interchange 000000001 were written before the group was rejected: discard them$`,
      ),
    );
  });

  it('writes nothing of a group whose GE is read in the same chunk as its sets', async () => {
    const text = (await readFile(GOOD_850, 'utf8')).replace(/^GE\*1\*/m, 'GE*2*');
    const run = await runCli('translate', '--ndjson', await scratch.write('small-bad-ge.edi', text));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.errLines.at(-1)).toMatch(/GE01 says 2 transaction sets but the group holds 1$/);
  });

  it('exits 1 with no output for a file that holds no interchange', async () => {
    const file = await scratch.write('not-x12.edi', 'hello, this is not X12\n');
    const run = await runCli('translate', '--ndjson', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.errLines.length).toBeGreaterThan(0);
  });
});

describe('edi-gateway ack, streamed', () => {
  it('acknowledges every interchange of a multi-chunk file, numbering them on from --control-number', async () => {
    const run = await runCli('ack', many, '--control-number', '41');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const isas = run.stdout.split('\n').filter((l) => l.startsWith('ISA*'));
    expect(isas).toHaveLength(interchanges);
    expect(isas.map((l) => Number(l.split('*')[13]))).toEqual(
      Array.from({ length: interchanges }, (_, i) => 41 + i),
    );
    const ak2s = run.stdout.split('\n').filter((l) => l.startsWith('AK2*850*'));
    expect(ak2s).toHaveLength(sets);
    const ak9s = run.stdout.split('\n').filter((l) => l.startsWith('AK9*'));
    expect(ak9s.every((l) => l.startsWith('AK9*A*'))).toBe(true);
  });

  it('prints an interchange’s problems before its acknowledgement is complete, and rejects the set', async () => {
    const text = (await readFile(GOOD_850, 'utf8')).replace(/^BEG\*00\*SA\*/m, 'BEG*00**');
    const file = await scratch.write('bad-beg.edi', text);
    const run = await runCli('ack', file, '--type', '997');
    expect(run.code).toBe(0);
    expect(run.errLines.some((l) => /BEG02/.test(l))).toBe(true);
    expect(run.stdout).toMatch(/^AK5\*R\*/m);
  });
});
