import type { TransactionSetMapper } from '../transaction-set-mapper.js';
import { readFunctionalAck } from './functional-ack-parts.js';

/**
 * 999 implementation acknowledgment -> `functional_ack`. Same shape as the 997, with IK3/IK4/IK5
 * in place of AK3/AK4/AK5 and CTX business-context segments kept on the errors they explain.
 */
export const functionalAck999Mapper: TransactionSetMapper = {
  transactionSetIds: ['999'],
  documentType: 'functional_ack',
  map: ({ tree, elements, header }) =>
    readFunctionalAck(
      tree,
      { standard: '999', segmentError: 'IK3', elementError: 'IK4', setResponse: 'IK5' },
      header,
      elements,
    ),
};
