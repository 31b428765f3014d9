import { describeUnfinishedWorkContract } from '../../contracts/unfinished-work-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('unfinished');

describeUnfinishedWorkContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 4 }),
  dispose: dropSchemaAndClose,
});
