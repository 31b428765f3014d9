import { describeReconciliationStoreContract } from '../../contracts/reconciliation-store-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('reconciliation');

describeReconciliationStoreContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 4 }),
  dispose: dropSchemaAndClose,
});
