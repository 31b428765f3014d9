import { Type, type Static } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import { KPI_PERIODS, type KpiPeriod } from './kpi-buckets.js';
import { KpiError } from './kpi-error.js';

const DateText = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'an ISO 8601 date (2026-01-31, midnight UTC) or date-time with a zone',
});

/**
 * `GET /api/kpis` query string. `from` is inclusive, `to` exclusive; both are UTC when given as
 * dates. `format` chooses the response's form; the figures do not depend on it.
 */
export const KpiQuerySchema = Type.Object(
  {
    from: DateText,
    to: DateText,
    period: Type.Optional(
      Type.Union(
        KPI_PERIODS.map((period) => Type.Literal(period)),
        { description: 'the bucket length: day, week (from Monday) or month; default week' },
      ),
    ),
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'one partner id' })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);
export type KpiQueryText = Static<typeof KpiQuerySchema>;

/** What a KPI report covers: `[from, to)` in `period` buckets, for every partner or one. */
export interface KpiQuery {
  from: Date;
  to: Date;
  period: KpiPeriod;
  partnerId?: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** The widest range per period: a year of days, about five years of weeks, ten years of months. */
export const KPI_MAX_RANGE_DAYS: Readonly<Record<KpiPeriod, number>> = { day: 366, week: 1827, month: 3653 };

const ajv = new Ajv({ allErrors: true, strict: true });
const validateText = ajv.compile<KpiQueryText>(KpiQuerySchema);

function parseDate(field: 'from' | 'to', value: string): Date {
  const dateOnly = value.length === 10;
  const at = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) throw KpiError.invalidDate(field, value);
  // `2026-02-30` would otherwise roll over to March 2.
  if (dateOnly && at.toISOString().slice(0, 10) !== value) throw KpiError.invalidDate(field, value);
  return at;
}

/**
 * Checks a parsed query for what a schema cannot say: `from` before `to`, and not more buckets
 * than the period allows.
 *
 * @example
 * validateKpiQuery({ from: new Date('2026-01-01'), to: new Date('2026-02-01'), period: 'day' });
 */
export function validateKpiQuery(query: KpiQuery): KpiQuery {
  if (Number.isNaN(query.from.getTime())) throw KpiError.invalidDate('from', String(query.from));
  if (Number.isNaN(query.to.getTime())) throw KpiError.invalidDate('to', String(query.to));
  if (query.from >= query.to) throw KpiError.emptyRange(query.from, query.to);
  const days = Math.ceil((query.to.getTime() - query.from.getTime()) / DAY_MS);
  const maxDays = KPI_MAX_RANGE_DAYS[query.period];
  if (days > maxDays) throw KpiError.rangeTooLong(query.period, days, maxDays);
  return query;
}

/**
 * A KPI query from its query-string form (`from`, `to`, `period`, `partner`, `format`); unknown
 * parameters are refused. Throws a {@link KpiError} (HTTP 400) that names what to fix.
 *
 * @example
 * parseKpiQuery({ from: '2026-01-01', to: '2026-02-01', period: 'week', partner: 'acme' });
 * // { from: 2026-01-01T00:00:00Z, to: 2026-02-01T00:00:00Z, period: 'week', partnerId: 'acme' }
 */
export function parseKpiQuery(text: Record<string, string | undefined>): KpiQuery {
  const present = Object.fromEntries(Object.entries(text).filter(([, value]) => value !== undefined));
  if (!validateText(present)) {
    const problems = (validateText.errors ?? []).map((error) => {
      const params = error.params as Record<string, unknown>;
      if (error.keyword === 'additionalProperties')
        return `${String(params['additionalProperty'])} is not a known parameter`;
      if (error.keyword === 'required') return `${String(params['missingProperty'])} is required`;
      return `${error.instancePath.slice(1) || 'query'} ${error.message ?? error.keyword}`;
    });
    throw KpiError.invalidQuery([...new Set(problems)].join('; '));
  }
  return validateKpiQuery({
    from: parseDate('from', present.from),
    to: parseDate('to', present.to),
    period: present.period ?? 'week',
    ...(present.partner === undefined ? {} : { partnerId: present.partner }),
  });
}

/** The response form a query string asks for: `csv` or, by default, `json`. */
export function kpiResponseFormat(text: Record<string, string | undefined>): 'json' | 'csv' {
  return text['format'] === 'csv' ? 'csv' : 'json';
}
