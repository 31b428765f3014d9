import { describeStoreContract } from '../../contracts/store-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('store_contract');

describeStoreContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 4 }),
  dispose: dropSchemaAndClose,
});
