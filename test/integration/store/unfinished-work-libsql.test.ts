import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/index.js';
import { describeUnfinishedWorkContract } from '../../contracts/unfinished-work-contract.js';

const dataDir = mkdtempSync(join(tmpdir(), 'edi-unfinished-'));

describeUnfinishedWorkContract('libsql', {
  open: () => openStore({ DATA_DIR: dataDir }),
  dispose: async (store) => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
