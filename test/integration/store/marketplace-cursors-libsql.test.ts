import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/index.js';
import { describeMarketplaceCursorStoreContract } from '../../contracts/marketplace-cursor-store-contract.js';

const dataDir = mkdtempSync(join(tmpdir(), 'edi-cursors-'));

describeMarketplaceCursorStoreContract('libsql', {
  open: () => openStore({ DATA_DIR: dataDir }),
  dispose: async (store) => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
