/**
 * `npm run faults`: every fault scenario with a few hundred files (FAULT_FILES, default 300),
 * one after the other, then a table with a row per scenario. Exits 1 when any file, 997 or 855
 * was lost or doubled. Runs the built gateway (dist/), as `npm run faults` builds it first.
 */
import { formatFaultTable, type FaultRow } from './fault-outcome.js';
import { postgresDropScenario, redisRestartScenario } from './fault-scenarios.js';

const files = Number(process.env['FAULT_FILES'] ?? 300);
const log = (line: string) => process.stderr.write(`${line}\n`);
const rows: FaultRow[] = [];
for (const run of [
  () => redisRestartScenario({ files, appendOnly: false, log }),
  () => redisRestartScenario({ files, appendOnly: true, log }),
  () => postgresDropScenario({ files, log }),
]) {
  const row = await run();
  log(formatFaultTable([row]));
  rows.push(row);
}
process.stdout.write(`\n${formatFaultTable(rows)}\n`);
const failed = rows.filter((row) => row.lost > 0 || row.duplicated > 0 || row.stored !== row.filesIn);
process.exitCode = failed.length > 0 ? 1 : 0;
