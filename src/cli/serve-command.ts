import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { startServer } from '../api/index.js';
import { defaultMappingsDir } from '../mapping/index.js';
import { loadPartners, PartnerRegistry } from '../partners/index.js';
import { loadConfig } from '../config/env.js';
import { CliError } from './cli-error.js';
import type { CliOutput } from './output.js';

/**
 * `edi-gateway serve`: runs the HTTP API until SIGINT/SIGTERM, then closes it gracefully.
 *
 * @example
 * PORT=9000 edi-gateway serve
 */
export async function serveCommand(output: CliOutput): Promise<number> {
  const config = loadConfig(process.env);
  // Partner files are checked at start: a bad one stops the gateway with every problem listed.
  const mappingsDir = defaultMappingsDir();
  const partners = existsSync(config.PARTNERS_DIR)
    ? new PartnerRegistry(loadPartners(config.PARTNERS_DIR, { mappingsDir }))
    : undefined;
  const server = await startServer(config, '0.0.0.0', {
    mappingsDir,
    ...(partners ? { partners } : {}),
  }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      error.code === 'EADDRINUSE'
        ? `port ${config.PORT} is already in use (set PORT)`
        : `cannot listen on port ${config.PORT}: ${error.message}`,
    );
  });
  const { port } = server.address() as AddressInfo;
  output.out(`edi-gateway listening on http://localhost:${port}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      output.out('edi-gateway stopping\n');
      server.close(() => resolve());
      server.closeIdleConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
