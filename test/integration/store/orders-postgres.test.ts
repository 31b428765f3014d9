import { describeOrderStoreContract } from '../../contracts/order-store-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('orders');

describeOrderStoreContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 6 }),
  dispose: dropSchemaAndClose,
});
