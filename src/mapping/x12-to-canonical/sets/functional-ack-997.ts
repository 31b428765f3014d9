import type { TransactionSetMapper } from '../transaction-set-mapper.js';
import { readFunctionalAck } from './functional-ack-parts.js';

/** 997 functional acknowledgment -> `functional_ack` (AK1, AK2/AK3/AK4/AK5, AK9). */
export const functionalAck997Mapper: TransactionSetMapper = {
  transactionSetIds: ['997'],
  documentType: 'functional_ack',
  map: ({ tree, elements, header }) =>
    readFunctionalAck(
      tree,
      { standard: '997', segmentError: 'AK3', elementError: 'AK4', setResponse: 'AK5' },
      header,
      elements,
    ),
};
