import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/index.js';
import { describeKpiScenario } from './kpi-scenario.js';

const dataDir = mkdtempSync(join(tmpdir(), 'edi-kpis-'));

describeKpiScenario('libsql', {
  open: () => openStore({ DATA_DIR: dataDir }),
  dispose: async (store) => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});
