import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/index.js';
import { describeTransmissionStatsContract } from '../../contracts/transmission-stats-contract.js';

const dataDir = mkdtempSync(join(tmpdir(), 'edi-stats-'));

describeTransmissionStatsContract('libsql', {
  open: () => openStore({ DATA_DIR: dataDir }),
  dispose: async (store) => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
