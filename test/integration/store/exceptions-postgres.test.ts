import { describeExceptionStoreContract } from '../../contracts/exception-store-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('exceptions');

describeExceptionStoreContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 4 }),
  dispose: dropSchemaAndClose,
});
