import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const cliDir = fileURLToPath(new URL('../../../src/cli/', import.meta.url));

/** The subcommand names a `--help` lists under "Commands:", without `help`. */
function listedCommands(help: string): string[] {
  const section = help.split('\nCommands:\n')[1] ?? '';
  return section
    .split('\n')
    .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'help');
}

// Values imported when a module is evaluated: `import ... from`, `export ... from` and bare
// imports, but not `import type` / `export type` (erased) nor `await import()` (run later).
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every package that evaluating `entry` loads, following its static imports through src/. */
function packagesLoadedBy(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (specifier === undefined || specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (!packages.has(specifier)) packages.set(specifier, file);
    }
  };
  visit(entry);
  return packages;
}

describe('edi-gateway commands are registered without loading them', () => {
  it.each([
    ['partner', ['check']],
    ['transmissions', ['list', 'show', 'resend', 'reprocess', 'sweep']],
    ['keys', ['create', 'list', 'revoke']],
    ['users', ['create', 'password', 'disable', 'list']],
    ['orders', ['timeline', 'recheck']],
  ])('%s --help lists all its subcommands', async (group, subcommands) => {
    const run = await runCli(group, '--help');

    expect(run.code).toBe(0);
    expect(listedCommands(run.stdout)).toEqual(subcommands);
  });

  it('translate --help shows --ndjson', async () => {
    const run = await runCli('translate', '--help');

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--ndjson');
  });

  it('the command line imports no package but commander before a command runs', () => {
    const packages = packagesLoadedBy(join(cliDir, 'main.ts'));

    expect(Object.fromEntries(packages)).toEqual({ commander: join(cliDir, 'main.ts') });
  });

  it('the import scan sees what a command module loads', () => {
    // Guards the test above: the scan must find the packages of a command's implementation.
    const packages = packagesLoadedBy(join(cliDir, 'transmissions-actions.ts'));

    expect([...packages.keys()]).toEqual(expect.arrayContaining(['ioredis', 'bullmq', '@mikro-orm/core']));
  });
});
