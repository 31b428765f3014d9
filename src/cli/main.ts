import { Command, CommanderError } from 'commander';
import { isGatewayError } from '../errors/index.js';
import type { ackCommand } from './ack-command.js';
import { CliError } from './cli-error.js';
import { registerKeyCommands } from './keys-command.js';
import { registerKpiCommands } from './kpis-command.js';
import { registerOrderCommands } from './orders-command.js';
import { registerUserCommands } from './users-command.js';
import { processOutput, type CliOutput } from './output.js';
import type { RenderOptions } from './render-command.js';
import type { SampleOptions } from './sample-command.js';
import { registerTransmissionCommands } from './transmissions-command.js';
import type { translateCommand } from './translate-command.js';

// Each command's module is imported when that command runs: registering all of them must not load
// the store, the queues, the HTTP server or the X12 reader, so that `--help` and `translate` start
// at once.

/**
 * The `edi-gateway` command. Returns the exit code instead of exiting, so tests run it in-process.
 *
 * @example
 * process.exitCode = await main(['translate', 'po.edi']);
 */
export async function main(argv: string[], output: CliOutput = processOutput): Promise<number> {
  let exitCode = 0;
  const program = new Command('edi-gateway')
    .description('EDI and marketplace integration gateway')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) });

  program
    .command('translate')
    .description('X12 -> canonical documents, a JSON array on stdout')
    .argument('<file>', 'the inbound file')
    .option(
      '--partner <id>',
      "read with this partner's mappings (default: the partner whose ISA id sent the file, else the default mappings)",
    )
    .option('--ndjson', 'one document per line as it is read (for files that do not fit in memory)')
    .action(async (file: string, opts: Parameters<typeof translateCommand>[1]) => {
      const { translateCommand } = await import('./translate-command.js');
      exitCode = await translateCommand(file, opts, output);
    });

  program
    .command('ack')
    .description('the 997/999 (and TA1 where due) the gateway would send for an inbound file')
    .argument('<file>', 'the inbound file')
    .option('--partner <id>', 'partner id')
    .option('--type <type>', '997 or 999 (default: 999 for 005010 groups, 997 otherwise)')
    .option('--ta1 <policy>', 'auto (when ISA14=1 or the interchange is in error), always, never', 'auto')
    .option('--control-number <n>', 'first ISA13/GS06 to use', '1')
    .action(async (file: string, opts: Parameters<typeof ackCommand>[1]) => {
      const { ackCommand } = await import('./ack-command.js');
      exitCode = await ackCommand(file, opts, output);
    });

  program
    .command('render')
    .description("canonical document(s) -> the partner's X12 on stdout")
    .argument('<canonical.json>', 'a canonical document or an array of them')
    .requiredOption('--partner <id>', 'the partner to render for (a file in PARTNERS_DIR)')
    .option('--control-number <n>', 'first ISA13/GS06 to use', '1')
    .option('--partners-dir <dir>', 'partner files (default PARTNERS_DIR or ./partners)')
    .option('--mappings-dir <dir>', 'mapping files (default MAPPINGS_DIR or ./mappings)')
    .action(async (file: string, opts: RenderOptions) => {
      const { renderCommand } = await import('./render-command.js');
      exitCode = await renderCommand(file, opts, output);
    });

  program
    .command('sample')
    .description(
      'a canonical 850, 855, 856 or 810 to start from, as the partner would get it, on stdout (edit it, then render it)',
    )
    .argument('<set>', '850, 855, 856 or 810')
    .requiredOption('--partner <id>', 'the partner (a file in PARTNERS_DIR)')
    .option(
      '--order <file>',
      'the purchase order to answer: an X12 850 or canonical JSON (default: a built-in one)',
    )
    .option('--out <file>', 'write the JSON there instead of stdout')
    .option('--partners-dir <dir>', 'partner files (default PARTNERS_DIR or ./partners)')
    .option('--mappings-dir <dir>', 'mapping files (default MAPPINGS_DIR or ./mappings)')
    .action(async (set: string, opts: SampleOptions) => {
      const { sampleCommand } = await import('./sample-command.js');
      exitCode = await sampleCommand(set, opts, output);
    });

  program
    .command('partner')
    .description('partner configuration tools')
    .command('check')
    .description('validate a partner file and its mappings; with samples, round-trip each one')
    .argument('<partner.yaml>', 'the partner file')
    .option(
      '--sample <file...>',
      'sample files of this partner to run through read -> map -> render -> read; their purchase orders are replayed to the 855, 856 and 810 the partner would get',
    )
    .option('--write-replies <dir>', 'write the replayed 855, 856 and 810 files there')
    .option('--mappings-dir <dir>', 'mapping files (default MAPPINGS_DIR or ./mappings)')
    .action(
      async (file: string, opts: { sample?: string[]; mappingsDir?: string; writeReplies?: string }) => {
        const { partnerCheckCommand } = await import('./partner-check-command.js');
        exitCode = await partnerCheckCommand(file, opts, output);
      },
    );

  program
    .command('serve')
    .description(
      'run the gateway: HTTP API (PORT), workers (REDIS_URL), folder polls; database DATABASE_URL, else embedded in DATA_DIR',
    )
    .action(async () => {
      const { serveCommand } = await import('./serve-command.js');
      exitCode = await serveCommand(output);
    });

  program
    .command('worker')
    .description(
      'run workers only (no HTTP, no polls); several processes need PostgreSQL (DATABASE_URL): the embedded database serves one process only',
    )
    .action(async () => {
      const { workerCommand } = await import('./worker-command.js');
      exitCode = await workerCommand(output);
    });

  registerTransmissionCommands(program, output, (code) => (exitCode = code));
  registerKeyCommands(program, output, (code) => (exitCode = code));
  registerUserCommands(program, output, (code) => (exitCode = code));
  registerKpiCommands(program, output, (code) => (exitCode = code));
  registerOrderCommands(program, output, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      output.err(`error: ${error.message}\n`);
      return error.exitCode;
    }
    if (isGatewayError(error)) {
      output.err(`error: ${error.message}\n`);
      return 1;
    }
    output.err(`error: internal failure: ${(error as Error).message}\n`);
    return 70;
  }
}
