import { describe, expect, it } from 'vitest';
import { GOOD_850, runCli } from './run-cli.js';

describe('edi-gateway usage', () => {
  it('--help lists translate, ack and serve on stdout and exits 0', async () => {
    const run = await runCli('--help');

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: edi-gateway \[options\] \[command\]\n/);
    const commands = run.stdout
      .split('\n')
      .map((line) => /^ {2}(\w+) /.exec(line)?.[1])
      .filter((name) => name !== undefined);
    expect(commands).toEqual([
      'translate',
      'ack',
      'render',
      'sample',
      'partner',
      'serve',
      'worker',
      'transmissions',
      'keys',
      'users',
      'kpis',
      'orders',
      'help',
    ]);
  });

  it('translate --help shows the file argument and the --partner option', async () => {
    const run = await runCli('translate', '--help');

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: edi-gateway translate \[options\] <file>\n/);
    expect(run.stdout).toContain('--partner <id>');
  });

  it('ack --help shows --type, --ta1 and --control-number', async () => {
    const run = await runCli('ack', '--help');

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--type <type>');
    expect(run.stdout).toContain('--ta1 <policy>');
    expect(run.stdout).toContain('--control-number <n>');
  });

  it('exits 2 on an unknown command and names it on stderr', async () => {
    const run = await runCli('frobnicate', GOOD_850);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines[0]).toBe("error: unknown command 'frobnicate'");
  });

  it('exits 2 when the file argument is missing', async () => {
    const run = await runCli('translate');

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual(["error: missing required argument 'file'"]);
  });

  it('exits 2 on an unknown option and names it', async () => {
    const run = await runCli('translate', GOOD_850, '--format', 'xml');

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.errLines).toEqual(["error: unknown option '--format'"]);
  });

  it('exits 2 with the usage on stderr when no command is given', async () => {
    const run = await runCli();

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: edi-gateway /);
  });
});
