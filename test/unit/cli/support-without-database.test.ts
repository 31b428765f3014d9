import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('support commands where there is no gateway database', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'edi-no-database-'));
    delete process.env['DATABASE_URL'];
    process.env['DATA_DIR'] = join(dir, 'data');
    process.env['PARTNERS_DIR'] = join(dir, 'partners');
  });
  afterEach(async () => {
    process.env = { ...saved };
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['transmissions', 'list'],
    ['keys', 'list'],
  ])('%s %s refuses, naming the database it looked for, and creates none', async (...argv) => {
    const run = await runCli(...argv);
    const file = join(dir, 'data', 'gateway.db');
    expect(run.code).toBe(1);
    expect(run.errLines).toEqual([
      `error: no gateway database at ${file}: run this where the gateway runs, or set DATA_DIR (or DATABASE_URL) to its database`,
    ]);
    expect(existsSync(file)).toBe(false);
  });
});
