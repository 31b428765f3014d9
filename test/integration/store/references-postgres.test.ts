import { describeReferenceStoreContract } from '../../contracts/reference-store-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('references');

describeReferenceStoreContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 2 }),
  dispose: dropSchemaAndClose,
});
