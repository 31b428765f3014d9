/**
 * `npm run faults`: every fault scenario with a few hundred files (FAULT_FILES, default 300),
 * one after the other, then a table with a row per scenario. Exits 1 when any file, 997 or 855
 * was lost or doubled. Runs the built gateway (dist/), as `npm run faults` builds it first.
 * Arguments pick scenarios by name: `npm run faults -- endpoint postgres`. `workers` counts in
 * purchase orders instead (FAULT_POS, default 10,000, in files of FAULT_POS_PER_FILE, default 10).
 */
import { formatFaultTable, type FaultRow } from './fault-outcome.js';
import {
  partnerEndpointScenario,
  partnerSftpScenario,
  postgresDropScenario,
  redisRestartScenario,
  workerKillScenario,
} from './fault-scenarios.js';
import { sftpServerUnavailable } from './partner-sftp-server.js';

const files = Number(process.env['FAULT_FILES'] ?? 300);
// The `workers` scenario: purchase orders in all (FAULT_POS), in files of FAULT_POS_PER_FILE,
// killed FAULT_KILLS times at moments drawn from FAULT_SEED.
const orders = Number(process.env['FAULT_POS'] ?? 10_000);
const ordersPerFile = Number(process.env['FAULT_POS_PER_FILE'] ?? 10);
const kills = Number(process.env['FAULT_KILLS'] ?? 5);
const seed = Number(process.env['FAULT_SEED'] ?? 1);
const log = (line: string) => process.stderr.write(`${line}\n`);
const scenarios: Record<string, () => Promise<FaultRow>> = {
  'redis-empty': () => redisRestartScenario({ files, appendOnly: false, log }),
  'redis-aof': () => redisRestartScenario({ files, appendOnly: true, log }),
  postgres: () => postgresDropScenario({ files, log }),
  endpoint: () => partnerEndpointScenario({ files, log }),
  sftp: () => partnerSftpScenario({ files, log }),
  workers: () => workerKillScenario({ orders, ordersPerFile, kills, seed, log }),
};
// Scenarios that need what this machine may not have, and why they cannot run.
const cannotRun: Record<string, string | undefined> = { sftp: sftpServerUnavailable() };
const picked = process.argv.slice(2);
const unknown = picked.filter((name) => !(name in scenarios));
if (unknown.length > 0) {
  throw new Error(`no scenario ${unknown.join(', ')}; there are ${Object.keys(scenarios).join(', ')}`);
}
const rows: FaultRow[] = [];
for (const [name, run] of Object.entries(scenarios)) {
  if (picked.length > 0 && !picked.includes(name)) continue;
  const reason = cannotRun[name];
  if (reason !== undefined) {
    log(`${name}: skipped: ${reason}`);
    continue;
  }
  const row = await run();
  log(formatFaultTable([row]));
  rows.push(row);
}
process.stdout.write(`\n${formatFaultTable(rows)}\n`);
const failed = rows.filter((row) => row.lost > 0 || row.duplicated > 0 || row.stored !== row.filesIn);
process.exitCode = failed.length > 0 ? 1 : 0;
