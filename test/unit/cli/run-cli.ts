import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/main.js';

/** What one in-process run of the `edi-gateway` command printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into its lines, without the empty one after the last newline. */
  errLines: string[];
}

/** Runs `main` with an output that captures stdout and stderr instead of writing to the process. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr, errLines: stderr.split('\n').filter((line) => line !== '') };
}

/** Absolute path of a file under fixtures/x12/. */
export function fixture(path: string): string {
  return fileURLToPath(new URL(`../../../fixtures/x12/${path}`, import.meta.url));
}

/** The 004010 850 used as the good purchase order throughout (newline segment terminator, ISA16 '>'). */
export const GOOD_850 = fixture('850/EdiEngine__850.OK.edi');

/** A temporary directory for files the tests write; `remove` deletes it and everything in it. */
export interface Scratch {
  dir: string;
  write(name: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function makeScratch(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), 'edi-gateway-cli-'));
  return {
    dir,
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A stack trace line as Node prints it; no CLI output may hold one. */
export const STACK_FRAME = /^\s+at /m;
