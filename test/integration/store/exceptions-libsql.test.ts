import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/index.js';
import { describeExceptionStoreContract } from '../../contracts/exception-store-contract.js';

const dataDir = mkdtempSync(join(tmpdir(), 'edi-exceptions-'));

describeExceptionStoreContract('libsql', {
  open: () => openStore({ DATA_DIR: dataDir }),
  dispose: async (store) => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
