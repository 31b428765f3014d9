import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the built command the way `npx edi-gateway` does; `npm test` builds dist/ first.
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/edi-gateway.js');
const good850 = join(root, 'fixtures/x12/850/EdiEngine__850.OK.edi');

interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runBinary(args: string[]): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    // No partner files: the sample's sender is nobody's, and only the file's own problems show.
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, PARTNERS_DIR: join(dir, 'no-partners') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edi-gateway-bin-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bin/edi-gateway.js', () => {
  it('translates a good 850: exit 0, a JSON array on stdout, nothing on stderr', async () => {
    const run = await runBinary(['translate', good850]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const documents = JSON.parse(run.stdout) as { type: string; poNumber: string; lines: unknown[] }[];
    expect(documents.map((d) => [d.type, d.poNumber, d.lines.length])).toEqual([
      ['purchase_order', '08292233294', 6],
    ]);
  });

  it('rejects a file with a wrong SE01: exit 1, one error line, no stack trace', async () => {
    const text = await readFile(good850, 'utf8');
    const file = join(dir, 'wrong-se01.edi');
    await writeFile(file, text.replace('SE*33*000000010', 'SE*30*000000010'));
    const run = await runBinary(['translate', file]);

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toBe(
      `error: ${file}, line 35:1, segment SE (position 33 in set), element SE01: [AK5 4] SE01 says 30 segments but the set has 33 (ST to SE)\n`,
    );
    expect(run.stderr).not.toContain('    at ');
  });

  it('names a missing file on one line without a stack trace, exit 1', async () => {
    const file = join(dir, 'absent.edi');
    const run = await runBinary(['translate', file]);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error: ${file}: cannot read: no such file\n`);
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runBinary(['frobnicate']);

    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe("error: unknown command 'frobnicate'");
    expect(run.stderr).not.toContain('    at ');
  });
});
