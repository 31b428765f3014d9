import { describeMarketplaceCursorStoreContract } from '../../contracts/marketplace-cursor-store-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('cursors');

describeMarketplaceCursorStoreContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 2 }),
  dispose: dropSchemaAndClose,
});
