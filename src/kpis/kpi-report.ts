import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { KPI_PERIODS } from './kpi-buckets.js';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = (description: string) => Type.Integer({ minimum: 0, description });
const Hours = (description: string) =>
  nullable(Type.Number({ description: `${description}, in hours (2 decimals)` }));
const Minutes = (description: string) =>
  nullable(Type.Number({ description: `${description}, in minutes (2 decimals)` }));
/** A share from 0 to 1 as a decimal string with 4 decimals, e.g. `0.7500`: exact, never a float. */
const Ratio = (description: string) =>
  nullable(Type.String({ pattern: '^\\d+\\.\\d{4}$', description: `${description}, 0.0000 to 1.0000` }));

/**
 * One partner in one period. Orders are counted in the bucket of their receipt, whatever the
 * later milestones' dates; acknowledgements in the bucket of the file they answer. A KPI with
 * no data is null (its count is 0), never 0.
 */
export const KpiRowSchema = Type.Object(
  {
    partnerId: Type.String(),
    periodStart: Type.String({ description: 'the bucket start, ISO 8601 UTC (may lie before `from`)' }),
    periodEnd: Type.String({ description: 'the next bucket start, exclusive (may lie after `to`)' }),
    orders: Count('purchase orders received (cancellation requests excluded)'),
    cycle855Count: Count('orders whose 855 has been sent'),
    cycleHours855Median: Hours('median time from PO receipt to the 855 sent'),
    cycleHours855P90: Hours('90th percentile of PO receipt to 855 sent'),
    cycleShipCount: Count('orders with a shipment (856) on record'),
    cycleHoursShipMedian: Hours('median time from PO receipt to the first 856 sent'),
    cycleHoursShipP90: Hours('90th percentile of PO receipt to first 856 sent'),
    cycleInvoiceCount: Count('orders with an invoice (810) on record'),
    cycleHoursInvoiceMedian: Hours('median time from PO receipt to the first 810 sent'),
    cycleHoursInvoiceP90: Hours('90th percentile of PO receipt to first 810 sent'),
    fillRateOrders: Count('shipped orders whose fill rate is counted (not rejected or cancelled)'),
    fillRate: Ratio('shipped quantity (at most the ordered quantity per line) over ordered quantity'),
    otifOrders: Count('orders with a requested ship date that are shipped complete or past that date'),
    otif: Ratio('share of those shipped complete on or before the requested ship date'),
    exceptions: Count('exceptions raised on the orders of the bucket'),
    exceptionsPer1000: nullable(
      Type.String({ pattern: '^\\d+\\.\\d{2}$', description: 'exceptions per 1,000 orders, 2 decimals' }),
    ),
    linesAcknowledged: Count('lines of acknowledged orders with a decision (accepted, changed or rejected)'),
    acceptanceRate: Ratio('share of those lines accepted as ordered'),
    ack997OursCount: Count('inbound interchanges whose 997/999 from us has been sent'),
    ack997OursMedianMinutes: Minutes('median time from receiving an interchange to our 997/999 sent'),
    ack997OursP90Minutes: Minutes('90th percentile of receipt to our 997/999 sent'),
    ack997PartnerExpected: Count('functional groups we sent that the partner must acknowledge'),
    ack997PartnerAnswered: Count('of those, acknowledged by the partner'),
    ack997PartnerMedianMinutes: Minutes("median time from our send to the partner's 997/999"),
    ack997PartnerP90Minutes: Minutes("90th percentile of our send to the partner's 997/999"),
    ack997PartnerSettled: Count(
      'expected acknowledgements answered or past due (the shares below count these)',
    ),
    ack997PartnerOnTimeShare: Ratio('share answered by the due time'),
    ack997PartnerOverdueShare: Ratio('share past due and still unanswered'),
  },
  { additionalProperties: false },
);
export type KpiRow = Static<typeof KpiRowSchema>;

/** The answer to a KPI query: one row per partner with data in the range, per bucket. */
export const KpiReportSchema = Type.Object(
  {
    from: Type.String({ description: 'ISO 8601 UTC, inclusive' }),
    to: Type.String({ description: 'ISO 8601 UTC, exclusive' }),
    period: Type.Union(KPI_PERIODS.map((period) => Type.Literal(period))),
    partnerId: Type.Optional(Type.String()),
    generatedAt: Type.String({ description: 'when it was computed: open items are judged as of then' }),
    rows: Type.Array(KpiRowSchema),
  },
  { additionalProperties: false },
);
export type KpiReport = Static<typeof KpiReportSchema>;

/** The columns of a row in report order, for tables and CSV. */
export const KPI_COLUMNS = Object.keys(KpiRowSchema.properties) as (keyof KpiRow)[];
