import { describeKpiScenario } from './kpi-scenario.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from '../store/postgres-test-schema.js';

describeKpiScenario('postgresql', {
  open: () => openPostgresStore(randomSchemaName('kpis'), { poolSize: 4 }),
  dispose: dropSchemaAndClose,
});
