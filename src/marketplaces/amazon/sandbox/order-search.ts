import { amazonInstant, isInstant } from '../pull-cursor.js';
import {
  invalidInput,
  NEXT_TOKEN_UNREADABLE,
  nextTokenText,
  type Json,
  type SpAnswer,
  type StoredOrder,
} from './sp-answer.js';

export interface OrderSearchSettings {
  /** The seller's marketplaces: another one asked for is refused. */
  marketplaceIds: readonly string[];
  /** Page size when the request sets no `MaxResultsPerPage`. */
  pageSize: number;
  /** How long a change takes to show, and how far before now a `...Before` date must be. */
  dataDelayMs: number;
}

/** The orders one search found, fixed when its first page was served, so its pages neither skip nor repeat. */
interface Snapshot {
  marketplaceIds: string;
  dates: Record<string, string>;
  boundField: 'LastUpdatedBefore' | 'CreatedBefore';
  bound: string;
  ids: string[];
  size: number;
}

const PARAMS = new Set([
  'MarketplaceIds',
  'CreatedAfter',
  'CreatedBefore',
  'LastUpdatedAfter',
  'LastUpdatedBefore',
  'MaxResultsPerPage',
  'NextToken',
]);
const DATE_PARAMS = ['CreatedAfter', 'CreatedBefore', 'LastUpdatedAfter', 'LastUpdatedBefore'] as const;
const TOO_RECENT =
  'The input you have submitted is not valid. Note that the error may be due to a systematic delay in data retrieval. The most updated data is 2 minutes after an order is created or last updated. If you set the CreatedBefore or LastUpdatedBefore parameters, please provide a date that is at least 2 minutes before current time and try again.';

/**
 * `getOrders` as the Orders API v0 documents it: `MarketplaceIds` always; exactly one of
 * `CreatedAfter` and `LastUpdatedAfter` (with its own `...Before`, no later than the data delay
 * before now, else Amazon's 2-minute refusal); `MaxResultsPerPage` 1 to 100; and `NextToken`,
 * sent again with the same filters, for the next page. Orders come oldest change first; each page
 * carries the search's end (`LastUpdatedBefore` or `CreatedBefore`). A parameter the sandbox does
 * not implement is refused rather than ignored.
 */
export class OrderSearch {
  private readonly pages = new Map<string, { snapshot: Snapshot; offset: number }>();

  constructor(
    private readonly orders: ReadonlyMap<string, StoredOrder>,
    private readonly settings: OrderSearchSettings,
  ) {}

  answer(query: Record<string, unknown>): SpAnswer {
    const problems = Object.keys(query)
      .filter((name) => !PARAMS.has(name))
      .map((name) => `${name} is not implemented by this sandbox`);
    const text = (name: string): string | undefined => {
      const value = query[name];
      if (value === undefined || typeof value === 'string') return value;
      problems.push(`${name} is given more than once`);
      return undefined;
    };
    const wanted = (text('MarketplaceIds') ?? '').split(',').filter((id) => id !== '');
    if (wanted.length === 0) problems.push('MarketplaceIds is required');
    for (const id of wanted)
      if (!this.settings.marketplaceIds.includes(id)) problems.push(`Invalid MarketplaceId ${id}`);
    const dates: Record<string, string> = {};
    for (const name of DATE_PARAMS) {
      const value = text(name);
      if (value !== undefined) dates[name] = value;
    }
    const nextToken = text('NextToken');
    const maxResults = text('MaxResultsPerPage');
    if (problems.length > 0) return invalidInput(problems);
    if (nextToken === undefined) {
      const snapshot = this.search(wanted, dates, maxResults, problems);
      return snapshot === undefined ? invalidInput(problems) : this.page(snapshot, 0);
    }
    const page = this.pages.get(nextToken);
    if (page === undefined) return invalidInput([NEXT_TOKEN_UNREADABLE]);
    const sameFilters =
      page.snapshot.marketplaceIds === wanted.join(',') &&
      Object.entries(dates).every(([name, value]) => page.snapshot.dates[name] === value);
    if (!sameFilters) return invalidInput(['NextToken was issued for other filters than these']);
    return this.page(page.snapshot, page.offset);
  }

  private search(
    wanted: string[],
    dates: Record<string, string>,
    maxResults: string | undefined,
    problems: string[],
  ): Snapshot | undefined {
    const byUpdate = dates.LastUpdatedAfter !== undefined;
    if (byUpdate === (dates.CreatedAfter !== undefined))
      problems.push('Exactly one of CreatedAfter and LastUpdatedAfter is required');
    else if (byUpdate && dates.CreatedBefore !== undefined)
      problems.push('CreatedBefore cannot be set when LastUpdatedAfter is set');
    else if (!byUpdate && dates.LastUpdatedBefore !== undefined)
      problems.push('LastUpdatedBefore cannot be set when CreatedAfter is set');
    const unreadable = Object.entries(dates).filter(([, value]) => !isInstant(value));
    if (unreadable.length > 0)
      problems.push(`Invalid date-time field(s) [${unreadable.map(([name]) => name).join(', ')}]`);
    const size = maxResults === undefined ? this.settings.pageSize : Number(maxResults);
    if (!Number.isInteger(size) || size < 1 || size > 100)
      problems.push('MaxResultsPerPage must be 1 to 100');
    if (problems.length > 0) return undefined;
    const [afterName, beforeName, field] = byUpdate
      ? (['LastUpdatedAfter', 'LastUpdatedBefore', 'LastUpdateDate'] as const)
      : (['CreatedAfter', 'CreatedBefore', 'PurchaseDate'] as const);
    const latest = Date.now() - this.settings.dataDelayMs;
    const after = Date.parse(dates[afterName] ?? '');
    const given = dates[beforeName];
    const before = given === undefined ? latest : Date.parse(given);
    if (after > latest || before > latest) problems.push(TOO_RECENT);
    else if (before < after) problems.push(`${beforeName} must be equal to or after ${afterName}`);
    if (problems.length > 0) return undefined;
    const bound = amazonInstant(before);
    const ids = [...this.orders.values()]
      .filter(({ order }) => wanted.includes(String(order.MarketplaceId)))
      .map(({ order }) => ({ id: String(order.AmazonOrderId), at: Date.parse(String(order[field])) }))
      .filter(({ at }) => at >= after && at <= Date.parse(bound))
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
      .map(({ id }) => id);
    return { marketplaceIds: wanted.join(','), dates, boundField: beforeName, bound, ids, size };
  }

  private page(snapshot: Snapshot, offset: number): SpAnswer {
    const orders = snapshot.ids.slice(offset, offset + snapshot.size).flatMap((id) => {
      const stored = this.orders.get(id);
      return stored === undefined ? [] : [structuredClone(stored.order)];
    });
    const payload: Json = { Orders: orders, [snapshot.boundField]: snapshot.bound };
    if (offset + snapshot.size < snapshot.ids.length) {
      const token = nextTokenText();
      this.pages.set(token, { snapshot, offset: offset + snapshot.size });
      payload.NextToken = token;
    }
    return { status: 200, body: { payload } };
  }
}
