import { describeConsoleAccessStoreContract } from '../../contracts/console-access-store-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('console_access');

describeConsoleAccessStoreContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 4 }),
  dispose: dropSchemaAndClose,
});
