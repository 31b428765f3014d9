import { describeTransmissionStatsContract } from '../../contracts/transmission-stats-contract.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const schema = randomSchemaName('stats');

describeTransmissionStatsContract('postgresql', {
  open: () => openPostgresStore(schema, { poolSize: 2 }),
  dispose: dropSchemaAndClose,
});
