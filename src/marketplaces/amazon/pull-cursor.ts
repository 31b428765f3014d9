import { GatewayError } from '../../errors/index.js';

/**
 * Where an Amazon pull stands, stored as JSON between pulls. A window is `getOrders` with
 * `LastUpdatedAfter = updatedAfter`, read page by page through `NextToken`; once its last page is
 * stored the next window starts where Amazon said this one ended (`LastUpdatedBefore`).
 */
export interface AmazonPullCursor {
  /** `LastUpdatedAfter` of the window being read, or of the next one (ISO 8601, UTC). */
  updatedAfter: string;
  /** The next page of the window, where one is waiting. */
  nextToken?: string;
  /** The window's end, as an answer of it gave `LastUpdatedBefore`. */
  updatedBefore?: string;
  /** The latest `LastUpdateDate` among the window's orders stored so far. */
  latestUpdate?: string;
}

/** Reads a stored cursor; a cursor this connector did not write is a permanent error saying what to do. */
export function readPullCursor(label: string, text: string): AmazonPullCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (!isInstant(record.updatedAfter)) problems.push('updatedAfter is not an ISO 8601 date-time');
  for (const field of ['updatedBefore', 'latestUpdate'] as const)
    if (record[field] !== undefined && !isInstant(record[field]))
      problems.push(`${field} is not an ISO 8601 date-time`);
  if (record.nextToken !== undefined && (typeof record.nextToken !== 'string' || record.nextToken === ''))
    problems.push('nextToken is not a non-empty string');
  if (problems.length > 0)
    throw new GatewayError(
      'marketplace-cursor-invalid',
      `${label}: the stored Amazon pull cursor is not one this connector writes (${problems.join('; ')}): delete it to pull again from firstPullHours back`,
      { permanent: true, status: 500 },
    );
  return {
    updatedAfter: record.updatedAfter as string,
    ...(record.nextToken === undefined ? {} : { nextToken: record.nextToken as string }),
    ...(record.updatedBefore === undefined ? {} : { updatedBefore: record.updatedBefore as string }),
    ...(record.latestUpdate === undefined ? {} : { latestUpdate: record.latestUpdate as string }),
  };
}

export function writePullCursor(cursor: AmazonPullCursor): string {
  return JSON.stringify(cursor);
}

/** An instant as SP-API writes it: UTC, to the second (`2024-05-01T12:00:00Z`). */
export function amazonInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The later of two ISO 8601 instants, either possibly absent. */
export function laterInstant(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
