import { GatewayError } from '../../errors/index.js';
import {
  TRANSMISSION_DIRECTIONS,
  TRANSMISSION_STATUSES,
  type TransmissionDirection,
  type TransmissionFilter,
  type TransmissionStatus,
} from '../../store/index.js';
import { decodeCursor } from './list-cursor.js';
import { MAX_LIST_LIMIT } from './list-transmissions.js';

/**
 * A list filter as typed by a person: `--status failed --po 4500012345 --limit 20`,
 * `?status=failed&po=4500012345&limit=20`. Dates are `YYYY-MM-DD` (a whole UTC day) or ISO 8601
 * instants; `to` includes its whole day when given as a date.
 */
export interface ListFilterText {
  status?: string | undefined;
  partner?: string | undefined;
  direction?: string | undefined;
  limit?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  po?: string | undefined;
  invoice?: string | undefined;
  shipment?: string | undefined;
  isa13?: string | undefined;
  gs06?: string | undefined;
  st02?: string | undefined;
  marketplaceOrder?: string | undefined;
  type?: string | undefined;
  /** Any number of any kind. */
  search?: string | undefined;
  /** The `next` of the previous page. */
  cursor?: string | undefined;
}

const MAX_VALUE_LENGTH = 128;
const REFERENCE_TEXT = ['po', 'invoice', 'shipment', 'marketplaceOrder'] as const;
const CONTROL_TEXT = ['isa13', 'gs06', 'st02'] as const;

/**
 * Checks a typed filter, so that `--status faild` says which statuses exist and `--isa13 12a`
 * says what a control number is, instead of listing nothing.
 *
 * @example
 * parseListFilter({ status: 'failed', limit: '20', isa13: '905' }); // { status: 'failed', isa13: '905', limit: 20 }
 */
export function parseListFilter(text: ListFilterText): TransmissionFilter {
  const filter: TransmissionFilter = {};
  const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
  if (given(text.status))
    filter.status = oneOf('status', text.status, TRANSMISSION_STATUSES) as TransmissionStatus;
  if (given(text.direction)) {
    filter.direction = oneOf('direction', text.direction, TRANSMISSION_DIRECTIONS) as TransmissionDirection;
  }
  if (given(text.partner)) filter.partnerId = bounded('partner', text.partner);
  for (const field of REFERENCE_TEXT) {
    const value = text[field];
    if (given(value)) filter[field] = bounded(field, value);
  }
  for (const field of CONTROL_TEXT) {
    const value = text[field];
    if (!given(value)) continue;
    if (!/^\d{1,9}$/.test(value.trim())) {
      throw badFilter(`${field} is a control number of 1 to 9 digits, not ${JSON.stringify(value)}`);
    }
    filter[field] = value.trim();
  }
  if (given(text.type)) {
    const type = bounded('type', text.type);
    if (!/^(\d{3}|[a-z_]+)$/.test(type)) {
      throw badFilter(
        `type is an X12 set id such as 850 or a document type such as purchase_order, not ${JSON.stringify(type)}`,
      );
    }
    filter.documentType = type;
  }
  if (given(text.search)) filter.text = bounded('search', text.search);
  if (given(text.from)) filter.receivedFrom = parseDate('from', text.from, false);
  if (given(text.to)) filter.receivedTo = parseDate('to', text.to, true);
  if (
    filter.receivedFrom !== undefined &&
    filter.receivedTo !== undefined &&
    filter.receivedFrom >= filter.receivedTo
  ) {
    throw badFilter(`from (${text.from ?? ''}) must come before to (${text.to ?? ''})`);
  }
  if (given(text.cursor)) filter.before = decodeCursor(text.cursor.trim());
  if (given(text.limit)) {
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

function oneOf(name: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) {
    throw badFilter(`${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  }
  return value;
}

function bounded(name: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > MAX_VALUE_LENGTH) {
    throw badFilter(`${name} is at most ${MAX_VALUE_LENGTH} characters, got ${trimmed.length}`);
  }
  return trimmed;
}

const DAY_MS = 24 * 3600 * 1000;

/** A whole day (`2026-01-31`) or an instant; the end of a range given as a day includes that day. */
function parseDate(name: 'from' | 'to', value: string, end: boolean): Date {
  const trimmed = value.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const parsed = new Date(day ? `${trimmed}T00:00:00Z` : trimmed);
  const valid =
    !Number.isNaN(parsed.getTime()) &&
    (day ? parsed.toISOString().slice(0, 10) === trimmed : /^\d{4}-\d{2}-\d{2}T/.test(trimmed));
  if (!valid) {
    throw badFilter(
      `${name} must be a date such as 2026-01-31 or an ISO 8601 time such as 2026-01-31T08:00:00Z, not ${JSON.stringify(value)}`,
    );
  }
  return day && end ? new Date(parsed.getTime() + DAY_MS) : parsed;
}

function badFilter(message: string): GatewayError {
  return new GatewayError('bad-request', message, { permanent: true, status: 400 });
}
