import { GatewayError } from '../errors/index.js';

/** Why a KPI query was refused. */
export type KpiErrorCode =
  'kpi-invalid-query' | 'kpi-invalid-date' | 'kpi-invalid-range' | 'kpi-range-too-long';

/**
 * A KPI query that cannot be answered as asked. The caller must change the query, so it is
 * permanent and answers HTTP 400; each factory says what to change.
 */
export class KpiError extends GatewayError<KpiErrorCode> {
  override readonly name = 'KpiError';

  private constructor(code: KpiErrorCode, message: string) {
    super(code, message, { permanent: true, status: 400 });
  }

  /** The query's fields do not match its schema (unknown parameter, bad period...). */
  static invalidQuery(problems: string): KpiError {
    return new KpiError('kpi-invalid-query', `The KPI query is not valid: ${problems}`);
  }

  /** A bound is not an ISO 8601 date or date-time. */
  static invalidDate(field: 'from' | 'to', value: string): KpiError {
    return new KpiError(
      'kpi-invalid-date',
      `${field} is '${value}', which is not a date: give an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T00:00:00Z)`,
    );
  }

  /** `from` is not before `to`. */
  static emptyRange(from: Date, to: Date): KpiError {
    return new KpiError(
      'kpi-invalid-range',
      `from (${from.toISOString()}) must be before to (${to.toISOString()}): to is exclusive, so a single day is from=2026-01-31&to=2026-02-01`,
    );
  }

  /** The range holds more buckets of its period than one report may have. */
  static rangeTooLong(period: string, days: number, maxDays: number): KpiError {
    return new KpiError(
      'kpi-range-too-long',
      `${period} buckets over ${days} days are too many: with period=${period} the range may span at most ${maxDays} days; ` +
        `shorten the range or use a longer period (week or month)`,
    );
  }
}
