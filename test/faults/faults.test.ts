import { describe, expect, it } from 'vitest';
import type { FaultRow } from './fault-outcome.js';
import {
  partnerEndpointScenario,
  partnerSftpScenario,
  postgresDropScenario,
  redisRestartScenario,
} from './fault-scenarios.js';
import { sftpServerUnavailable } from './partner-sftp-server.js';

// Small enough for the suite, and in one file so that one scenario runs at a time; `npm run
// faults` runs them with a few hundred files.
const FILES = 60;
const TIMEOUT_MS = 480_000;

/** Every file stored once and read, every interchange acknowledged once, every PO answered once. */
function expectNothingLostOrDoubled(row: FaultRow, files = FILES): void {
  expect({ ...row, seconds: 0 }).toMatchObject({
    filesIn: files,
    stored: files,
    duplicated: 0,
    lost: 0,
    acks997: { delivered: files, expected: files },
    acks855: { answered: row.acks855.expected, files },
  });
}

describe('faults in the middle of the work (built gateway, own redis-server, loopback only)', () => {
  it(
    'Redis killed and restarted empty, serve killed with it: nothing lost, nothing doubled',
    async () => {
      expectNothingLostOrDoubled(
        await redisRestartScenario({ files: FILES, appendOnly: false, settleMs: 180_000 }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'Redis killed and restarted from its append-only file, serve killed with it: nothing lost, nothing doubled',
    async () => {
      expectNothingLostOrDoubled(
        await redisRestartScenario({ files: FILES, appendOnly: true, settleMs: 180_000 }),
      );
    },
    TIMEOUT_MS,
  );

  it(
    "the gateway's PostgreSQL connections terminated: nothing lost, nothing doubled",
    async () => {
      expectNothingLostOrDoubled(await postgresDropScenario({ files: FILES, settleMs: 180_000 }));
    },
    TIMEOUT_MS,
  );

  it(
    "a partner's HTTP endpoint that hangs, answers 500, answers slowly or cuts off after reading: every 997 and 855 received once per Idempotency-Key",
    async () => {
      expectNothingLostOrDoubled(await partnerEndpointScenario({ files: 30, settleMs: 180_000 }), 30);
    },
    TIMEOUT_MS,
  );

  it(
    "the partner's SFTP server (OpenSSH) killed and restarted while we take its files and upload our 997s and 855s: nothing lost, nothing doubled, no temporary upload left",
    async (context) => {
      const unavailable = sftpServerUnavailable();
      if (unavailable !== undefined) context.skip(`cannot start the partner's sshd: ${unavailable}`);
      const row = await partnerSftpScenario({ files: 30, settleMs: 120_000 });
      expectNothingLostOrDoubled(row, 30);
      expect(row.notes.filter((note) => note.includes('temporary upload'))).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
