import { GatewayError } from '../../errors/index.js';
import {
  TRANSMISSION_STATUSES,
  type TransmissionFilter,
  type TransmissionStatus,
} from '../../store/index.js';
import { MAX_LIST_LIMIT } from './list-transmissions.js';

/** A list filter as typed by a person: `--status failed --limit 20`, `?status=failed&limit=20`. */
export interface ListFilterText {
  status?: string | undefined;
  partner?: string | undefined;
  limit?: string | undefined;
}

/**
 * Checks a typed filter, so that `--status faild` says which statuses exist instead of
 * listing nothing.
 *
 * @example
 * parseListFilter({ status: 'failed', limit: '20' }); // { status: 'failed', limit: 20 }
 */
export function parseListFilter(text: ListFilterText): TransmissionFilter {
  const filter: TransmissionFilter = {};
  if (text.status !== undefined && text.status !== '') {
    if (!(TRANSMISSION_STATUSES as readonly string[]).includes(text.status)) {
      throw badFilter(
        `status must be one of ${TRANSMISSION_STATUSES.join(', ')}, not ${JSON.stringify(text.status)}`,
      );
    }
    filter.status = text.status as TransmissionStatus;
  }
  if (text.partner !== undefined && text.partner !== '') filter.partnerId = text.partner;
  if (text.limit !== undefined && text.limit !== '') {
    const limit = Number(text.limit);
    if (!/^\d+$/.test(text.limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
      throw badFilter(
        `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}, not ${JSON.stringify(text.limit)}`,
      );
    }
    filter.limit = limit;
  }
  return filter;
}

function badFilter(message: string): GatewayError {
  return new GatewayError('bad-request', message, { permanent: true, status: 400 });
}
